"""The mouse wheel scrolls the form and never changes a level, a date or a time in passing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from editor.model.release import Release
from editor.ui.context import AppContext
from editor.ui.dialogs.settings_dialog import SettingsDialog
from editor.ui.form.contact import ContactEditor
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
    _hooks_on(qtbot, window)
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
    _hooks_on(qtbot, window)
    assert window.form is not None
    combo = window.form.field_editor("raised_to")
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    before = combo.currentIndex()
    wheel(combo, -1)
    assert combo.currentIndex() != before


def _hooks_on(qtbot: QtBot, window: MainWindow) -> None:
    """The window has painted and its hooks are on (see ``MainWindow._guard_input``)."""
    qtbot.waitUntil(lambda: window._shortcuts is not None)


def test_a_dialogs_values_keep_still_under_the_wheel_until_clicked(
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
) -> None:
    """A dialog made after the first paint is guarded as its focus comes in."""
    window = make_window(reference_release)
    _hooks_on(qtbot, window)
    dialog = SettingsDialog(context.settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.organisation_edit.setFocus()
    qtbot.waitUntil(dialog.organisation_edit.hasFocus)
    language, autosave = dialog.language_box, dialog.autosave_spin
    before = (language.currentIndex(), autosave.text())
    for widget in (language, autosave):
        wheel(widget, -1)
        wheel(widget, 1)
        wheel(widget, -1)
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert (language.currentIndex(), autosave.text()) == before
    language.setFocus()
    qtbot.waitUntil(language.hasFocus)
    wheel(language, -1)
    assert language.currentIndex() != before[0]


def test_a_contact_added_after_the_first_paint_keeps_its_heading_under_the_wheel(
    qtbot: QtBot, context: AppContext, make_window: Callable[..., MainWindow]
) -> None:
    entry = context.library().find("crisis-management-activated-en")
    assert entry is not None and entry.template is not None
    window = make_window(Release.new(entry.template, {}))
    _hooks_on(qtbot, window)
    assert window.form is not None
    editor = window.form.field_editor("contact")
    assert isinstance(editor, ContactEditor)
    card = editor.add_card()  # as "Add contact" does
    heading = card.group
    assert heading.count() == 2
    before = heading.currentText()
    wheel(heading, -1)
    assert heading.currentText() == before
    assert heading.focusPolicy() == Qt.FocusPolicy.StrongFocus
