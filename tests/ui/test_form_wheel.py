"""The mouse wheel scrolls the form and never changes a level, a date or a time in passing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from editor.model.release import Release
from editor.ui.windows.main_window import MainWindow


def wheel(widget: QWidget, notches: int = -1) -> None:
    """One turn of the wheel over the middle of ``widget`` (negative: towards the user)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _value_widgets(window: MainWindow) -> list[QWidget]:
    assert window.form is not None
    found: list[QWidget] = [*window.form.findChildren(QComboBox)]
    found += window.form.findChildren(QAbstractSpinBox)
    return [w for w in found if w.isVisible()]


def _state(widget: QWidget) -> str:
    if isinstance(widget, QComboBox):
        return str(widget.currentIndex())
    assert isinstance(widget, QAbstractSpinBox)
    return widget.text()


def test_the_wheel_over_a_value_without_focus_scrolls_and_changes_nothing(
    qtbot: QtBot, reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(reference_release)
    window.resize(900, 500)  # the form scrolls
    assert window.form is not None
    window.form.field_editor("headline").setFocus()
    widgets = _value_widgets(window)
    assert len(widgets) >= 5  # two levels, three date-times at least
    before = {id(w): _state(w) for w in widgets}
    bar = window.form.verticalScrollBar()
    assert bar.maximum() > 0
    scrolled = False
    for widget in widgets:
        window.form.ensureWidgetVisible(widget)
        start = bar.value()
        for notches in (-1, 1, -1):
            wheel(widget, notches)
        scrolled = scrolled or bar.value() != start
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus
        assert not widget.hasFocus()
    assert {id(w): _state(w) for w in widgets} == before
    assert scrolled
    assert not window.isWindowModified()


def test_the_wheel_changes_a_value_that_has_the_focus(
    qtbot: QtBot, reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(reference_release)
    assert window.form is not None
    combo = window.form.field_editor("raised_to")
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    before = combo.currentIndex()
    wheel(combo, -1)
    assert combo.currentIndex() != before
