"""The mouse wheel scrolls; it never rewrites a fact on its way down the form.

Qt lets a combo box, a date, time or spin box take the wheel whenever the pointer is over it,
so scrolling a long form past "Höjdes till" changed the level, and past a date, the year. Here
such a widget takes the wheel only while it has the keyboard focus (the user clicked or tabbed
into it); otherwise the wheel goes to the scroll area around it. The widgets also stop taking
the focus from the wheel itself (Qt's WheelFocus), so a scroll never selects them either.

The guard is an event filter on each value widget (``WheelGuard.guard``), put there by the
application's hooks (``editor.ui.app_events``): on every widget there is when they go on,
once the first window has painted (no wheel turns before), on a window's widgets when the
focus first goes into it, and on what a window makes later (``guard_made``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget
from shiboken6 import isValid

_VALUE_WIDGETS = (QComboBox, QAbstractSpinBox)
_GUARDED = "pressklarWheelGuard"  # a dynamic property: guarded already


def _scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, _VALUE_WIDGETS):
            return parent
        parent = parent.parentWidget()
    return None


class WheelGuard(QObject):
    """The event filter of the value widgets: True (the wheel kept from it, sent to the scroll
    bar of the area around it instead) while the widget has no focus."""

    def guard(self, widget: QWidget) -> None:
        """Guard ``widget`` if it is a value widget (again: nothing happens)."""
        if not isinstance(widget, _VALUE_WIDGETS) or widget.property(_GUARDED):
            return
        widget.setProperty(_GUARDED, True)
        if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(self)

    def guard_all(self, root: QWidget) -> None:
        """Guard the value widgets in ``root``, ``root`` included."""
        self.guard(root)
        for kind in _VALUE_WIDGETS:
            for widget in root.findChildren(kind):
                self.guard(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        if watched.hasFocus():
            return False
        area = _scroll_area(watched)
        if area is not None:
            bar = area.verticalScrollBar()
            if bar is not None and bar.isVisible():
                QCoreApplication.sendEvent(bar, event)
        return True  # the value stays as it is


_active: WheelGuard | None = None  # the application's, once its hooks are on


def use(guard: WheelGuard) -> None:
    """``guard`` is the application's from now on (``guard_made`` puts it on widgets)."""
    global _active
    _active = guard


def guard_made(root: QWidget) -> None:
    """The wheel guard on the value widgets of ``root``, made after its window had the focus
    (a form's later rows, a contact added). Nothing before the application's hooks are on:
    they guard every widget there is when they go on."""
    if _active is not None and isValid(_active):
        _active.guard_all(root)
