"""The "To translate" mark on a field of a language copy: the text was copied from the release
in the other language. It goes when the officer edits the field (the release drops the mark,
see ``Release.with_values``) or presses "Keep as it is" for a text that needs no translation
(a name, a place)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

from editor.ui.form.base import tight_hbox

MARK_COLOUR = "#8a5a00"  # amber, apart from the red of a problem


class TranslateMark(QWidget):
    done = Signal()  # "Keep as it is"

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"translate_{key}")
        layout = tight_hbox(self, spacing=6)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setText(
            QCoreApplication.translate(
                "FormWidget", "To translate: copied from the release in the other language."
            )
        )
        font = self.text.font()
        font.setWeight(QFont.Weight.DemiBold)
        self.text.setFont(font)
        palette = self.text.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(MARK_COLOUR))
        self.text.setPalette(palette)
        self.keep = QToolButton(self)
        self.keep.setObjectName(f"keep_{key}")
        self.keep.setText(QCoreApplication.translate("FormWidget", "Keep as it is"))
        self.keep.setToolTip(
            QCoreApplication.translate(
                "FormWidget", "The text needs no translation: remove the mark"
            )
        )
        self.keep.clicked.connect(self.done)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.keep, 0, Qt.AlignmentFlag.AlignTop)
