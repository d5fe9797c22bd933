"""The application's one Python event filter: the windows' shortcuts and the wheel guard.

A filter on the application sees every event of every object of the GUI thread, and each
event it sees is a call into Python, made with the GIL. So there is one, whatever the number
of windows (each window had a filter of its own for its shortcuts, and the wheel guard one
more: with three windows open, four calls into Python for each event), and it looks at three
kinds of event only: ShortcutOverride (``editor.ui.actions.WindowShortcuts``), Wheel and Polish
(``editor.ui.form.wheel``).

It goes on once the first window has painted and Qt's Python classes are made (see
``MainWindow._guard_input``): a Python filter on the application slows every event of the
first paint, and its first event would make every class not made yet in one go.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from editor.ui.form import wheel

if TYPE_CHECKING:
    from editor.ui.actions import WindowShortcuts


class AppEvents(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._shortcuts: list[WindowShortcuts] = []
        app.installEventFilter(self)
        wheel.set_up_existing()  # the value widgets polished before the guard was there

    def add_shortcuts(self, shortcuts: WindowShortcuts) -> None:
        self._shortcuts.append(shortcuts)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            return self._override(watched, event)
        if kind == QEvent.Type.Wheel or kind == QEvent.Type.Polish:
            return wheel.guard(watched, event)
        return False

    def _override(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QWidget):
            return False
        self._shortcuts = [s for s in self._shortcuts if isValid(s)]  # windows closed since
        window = watched.window()
        for shortcuts in self._shortcuts:
            if shortcuts.window is window:
                return shortcuts.override(event)
        return False


_installed: dict[int, AppEvents] = {}


def app_events(app: QCoreApplication | None = None) -> AppEvents | None:
    """The filter of ``app`` (the running application), installed at the first call; None
    without an application."""
    app = app or QCoreApplication.instance()
    if app is None:
        return None
    if id(app) not in _installed or not isValid(_installed[id(app)]):
        _installed[id(app)] = AppEvents(app)
    return _installed[id(app)]
