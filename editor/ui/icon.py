"""The shipped icons, from the icon theme folder in resources (an SVG and PNG sizes of each).

The application icon is set on the application, so every window without an icon of its own
shows it; Wayland and the taskbars that go by the desktop file find the same icon through
``DESKTOP_FILE_NAME``. The mark of a form field with a problem is one of ours too: the style's
warning icon would make PySide create the style's Python type, with a dozen enums, some 10 ms
before the first paint of a form that shows required fields as problems.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QGuiApplication, QIcon

from editor import resources

APP_ID = "se.pressklar.Pressklar"  # the desktop file's and the icon's name
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
PROBLEM_ICON = "pressklar-field-problem"
PROBLEM_PNG_SIZES = (16, 24, 32, 48)  # 16 px at a device pixel ratio of up to 3


def _shipped(context: str, name: str, sizes: tuple[int, ...]) -> QIcon:
    icon = QIcon()
    for size in sizes:
        png = resources.path("icons", "hicolor", f"{size}x{size}", context, f"{name}.png")
        icon.addFile(str(png), QSize(size, size))
    return icon


@functools.cache
def app_icon() -> QIcon:
    return _shipped("apps", APP_ID, PNG_SIZES)


@functools.cache
def problem_icon() -> QIcon:
    """A warning triangle, shown beside the text of a field's problem."""
    return _shipped("status", PROBLEM_ICON, PROBLEM_PNG_SIZES)


def install_app_icon(app: QCoreApplication) -> None:
    if isinstance(app, QGuiApplication):
        app.setWindowIcon(app_icon())
        app.setDesktopFileName(APP_ID)
