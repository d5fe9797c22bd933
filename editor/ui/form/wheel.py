"""The mouse wheel scrolls; it never rewrites a fact on its way down the form.

Qt lets a combo box, a date, time or spin box take the wheel whenever the pointer is over it,
so scrolling a long form past "Höjdes till" changed the level, and past a date, the year. Here
such a widget takes the wheel only while it has the keyboard focus (the user clicked or tabbed
into it); otherwise the wheel goes to the scroll area around it. The widgets also stop taking
the focus from the wheel itself (Qt's WheelFocus), so a scroll never selects them either.

The application's event filter (``editor.ui.app_events``) hands ``guard`` the wheel and polish
events of every form, dialog and widget made later (timeline rows, contact groups). It goes on
once the first window has painted (no wheel turns before); the value widgets made before then
are set right when it does (``set_up_existing``).
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


def guard(watched: QObject, event: QEvent) -> bool:
    """For the application's event filter (``editor.ui.app_events``), given its Wheel and
    Polish events: True when the wheel is kept from a value widget (sent to the scroll bar of
    the area around it instead)."""
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


def set_up_existing() -> None:
    """The value widgets polished before the guard was there take the focus from a wheel no
    more."""
    for widget in QApplication.allWidgets():
        if isinstance(widget, _VALUE_WIDGETS):
            _no_wheel_focus(widget)
