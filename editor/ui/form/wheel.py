"""The mouse wheel scrolls; it never rewrites a fact on its way down the form.

Qt lets a combo box, a date, time or spin box take the wheel whenever the pointer is over it,
so scrolling a long form past "Höjdes till" changed the level, and past a date, the year. Here
such a widget takes the wheel only while it has the keyboard focus (the user clicked or tabbed
into it); otherwise the wheel goes to the scroll area around it. The widgets also stop taking
the focus from the wheel itself (Qt's WheelFocus), so a scroll never selects them either.

One filter on the application covers every form, dialog and widget made later (timeline rows,
contact groups), at the cost of a type check per event. The window installs it once it has
painted (no wheel turns before): a Python filter on the application sees every event of the
first paint, and each one it sees costs a call into Python, so the first paint is quicker
without it; the value widgets made before then are set right when it is installed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

_VALUE_WIDGETS = (QComboBox, QAbstractSpinBox)


def _value_widget(widget: QObject) -> QWidget | None:
    """The combo or spin box ``widget`` is, or is a part of (their line edits)."""
    node: QObject | None = widget
    for _ in range(3):
        if isinstance(node, _VALUE_WIDGETS):
            return node
        node = node.parent() if node is not None else None
    return None


def _scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, _VALUE_WIDGETS):
            return parent
        parent = parent.parentWidget()
    return None


def _no_wheel_focus(widget: QWidget) -> None:
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, _VALUE_WIDGETS):
            _no_wheel_focus(watched)
            return False
        if kind != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        target = _value_widget(watched)
        if target is None or target.hasFocus():
            return False
        area = _scroll_area(target)
        if area is not None:
            bar = area.verticalScrollBar()
            if bar is not None and bar.isVisible():
                QCoreApplication.sendEvent(bar, event)
        return True  # the value stays as it is


_installed: dict[int, WheelGuard] = {}


def install_wheel_guard(app: QCoreApplication | None = None) -> None:
    """Guard every value widget of ``app`` (the running application), those there are and those
    made later; once per application."""
    app = app or QCoreApplication.instance()
    if app is None or id(app) in _installed:
        return
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    _installed[id(app)] = guard
    for widget in QApplication.allWidgets():  # those polished before the guard was there
        if isinstance(widget, _VALUE_WIDGETS):
            _no_wheel_focus(widget)
