"""Render the PNG sizes of the shipped icons from their SVGs (hicolor/scalable), after a change:
``QT_QPA_PLATFORM=offscreen python resources/icons/render_pngs.py``.

The application icon, and the mark of a form field with a problem (in PNG so that the form
needs neither Qt's SVG module nor the style's icons before its first paint)."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent / "hicolor"
ICONS = {  # (context folder, name): sizes
    ("apps", "se.pressklar.Pressklar"): (16, 24, 32, 48, 64, 128, 256, 512),
    ("status", "pressklar-field-problem"): (16, 24, 32, 48),
}

if __name__ == "__main__":
    app = QGuiApplication([])
    for (context, name), sizes in ICONS.items():
        renderer = QSvgRenderer(str(HERE / "scalable" / context / f"{name}.svg"))
        for size in sizes:
            image = QImage(size, size, QImage.Format.Format_ARGB32)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter)
            painter.end()
            folder = HERE / f"{size}x{size}" / context
            folder.mkdir(parents=True, exist_ok=True)
            image.save(str(folder / f"{name}.png"))
