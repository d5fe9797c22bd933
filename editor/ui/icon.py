"""The application icon, from the icon theme folder shipped in resources (an SVG and PNG sizes).

Set on the application, so every window without an icon of its own shows it; Wayland and the
taskbars that go by the desktop file find the same icon through ``DESKTOP_FILE_NAME``.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QGuiApplication, QIcon

from editor import resources

APP_ID = "se.pressklar.Pressklar"  # the desktop file's and the icon's name
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@functools.cache
def app_icon() -> QIcon:
    icon = QIcon()
    for size in PNG_SIZES:
        png = resources.path("icons", "hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png")
        icon.addFile(str(png), QSize(size, size))
    return icon


def install_app_icon(app: QCoreApplication) -> None:
    if isinstance(app, QGuiApplication):
        app.setWindowIcon(app_icon())
        app.setDesktopFileName(APP_ID)
