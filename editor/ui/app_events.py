"""The application's event hooks: the windows' shortcuts and the wheel guard.

No filter on the application: one there sees every event of every object of the GUI thread,
each a call into Python with the GIL, and opening a long release or building a form's rows
paid for it in every paint, layout and child event (a quarter of the time Qt spent). Instead:

- the widget with the keyboard focus, and only it, has a filter that looks at its
  ShortcutOverride events, where Qt offers a key to the field before the window's shortcuts
  (``editor.ui.actions.WindowShortcuts``). Qt sends those to the focus widget, so the filter
  follows the focus (``QApplication.focusChanged``);
- each combo, date, time and spin box has the wheel guard (``editor.ui.form.wheel``): those
  of a window when the focus first goes into it (a dialog as it opens), those made later in a
  window that has the focus by whoever makes them (``wheel.guard_made``: a form's rows, a
  contact).

It goes on once the first window has painted and Qt's Python classes are made (see
``MainWindow._guard_input``): a filter's first event would make every class not made yet in
one go, and no key or wheel reaches a window before it has painted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from editor.ui.form import wheel

if TYPE_CHECKING:
    from editor.ui.actions import WindowShortcuts


class AppEvents(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._shortcuts: list[WindowShortcuts] = []
        self._wheel = wheel.WheelGuard(self)
        wheel.use(self._wheel)
        for widget in QApplication.allWidgets():  # those made before the guard was there
            self._wheel.guard(widget)
        app.focusChanged.connect(self._follow_focus)
        self._follow_focus(None, QApplication.focusWidget())

    def add_shortcuts(self, shortcuts: WindowShortcuts) -> None:
        self._shortcuts.append(shortcuts)

    def _follow_focus(self, old: QWidget | None, now: QWidget | None) -> None:
        """Only the arguments are touched: Qt gives them alive (a widget kept from an earlier
        call may be gone, and a Python object need not know it)."""
        if old is not None:
            old.removeEventFilter(self)
        if now is None:
            return
        now.installEventFilter(self)
        window = now.window()
        if old is None or old.window() is not window:  # a dialog opened, another window came
            self._wheel.guard_all(window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            return self._override(watched, event)
        return False

    def _override(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QWidget):
            return False
        self._shortcuts = [s for s in self._shortcuts if isValid(s)]  # windows closed since
        window = watched.window()
        for shortcuts in self._shortcuts:
            if shortcuts.window is window:
                return shortcuts.override(event, watched)
        return False


_installed: dict[int, AppEvents] = {}


def app_events(app: QApplication | None = None) -> AppEvents | None:
    """The hooks of ``app`` (the running application), installed at the first call; None
    without an application."""
    instance = app or QApplication.instance()
    if not isinstance(instance, QApplication):
        return None
    if id(instance) not in _installed or not isValid(_installed[id(instance)]):
        _installed[id(instance)] = AppEvents(instance)
    return _installed[id(instance)]
