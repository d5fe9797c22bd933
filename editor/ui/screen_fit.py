"""Windows sized for the screen they open on: a default size never larger than what the screen
has room for (a 1366x768 laptop has about 1366x728 once the panel is off, and the title bar
needs its share), so nothing a window shows runs off the edge."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME_ALLOWANCE = QSize(16, 48)  # the window manager's frame and title bar, around the client


def room_on_screen(widget: QWidget) -> QSize:
    """The largest client size that fits the available area of the widget's screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(16_777_215, 16_777_215)
    return screen.availableGeometry().size() - FRAME_ALLOWANCE


def resize_to_fit(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width`` x ``height``, or less where its screen is smaller."""
    room = room_on_screen(widget)
    widget.resize(min(width, room.width()), min(height, room.height()))
