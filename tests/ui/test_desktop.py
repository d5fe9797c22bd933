"""Desktop behaviour: shortcuts, undo in fields, keyboard-only navigation, remembered layout,
settings, the About box."""

from __future__ import annotations

import base64
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from uihelpers import ScriptedDialogs, type_text

from editor import __version__
from editor.model.contacts import Contact
from editor.model.release import Release
from editor.storage.contacts import ContactBook, save_contact_book
from editor.storage.settings import load_settings
from editor.ui.app_events import AppEvents
from editor.ui.context import AppContext
from editor.ui.dialogs.about_dialog import AboutDialog
from editor.ui.dialogs.settings_dialog import SettingsDialog
from editor.ui.windows.main_window import MainWindow


def test_standard_shortcuts(
    reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    actions = make_window(reference_release).window_actions
    expected = {
        actions.new: QKeySequence.StandardKey.New,
        actions.open: QKeySequence.StandardKey.Open,
        actions.save: QKeySequence.StandardKey.Save,
        actions.save_as: QKeySequence.StandardKey.SaveAs,
        actions.quit: QKeySequence.StandardKey.Quit,
        actions.undo: QKeySequence.StandardKey.Undo,
        actions.redo: QKeySequence.StandardKey.Redo,
    }
    for action, key in expected.items():
        assert action.shortcuts() == QKeySequence.keyBindings(key)
    assert actions.export.shortcut().toString() == "Ctrl+E"
    assert actions.copy_formatted.shortcut().toString() == "Ctrl+Shift+C"


def test_undo_and_redo_act_on_the_focused_field(
    qtbot: QtBot, reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(reference_release)
    assert window.form is not None
    headline = window.form.field_editor("headline")
    type_text(qtbot, headline, " nu")
    assert headline.text() == "Stabsläget avslutat nu"  # type: ignore[attr-defined]
    window.window_actions.undo.trigger()
    assert headline.text() == "Stabsläget avslutat"  # type: ignore[attr-defined]
    window.window_actions.redo.trigger()
    assert headline.text() == "Stabsläget avslutat nu"  # type: ignore[attr-defined]


def test_the_keyboard_reaches_form_preview_and_missing_fields(
    qtbot: QtBot, reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    release = Release.new(
        reference_release.template,
        {**reference_release.values, "organisation": None, "contact": []},
    )
    window = make_window(release)
    assert window.form is not None
    window.window_actions.focus_preview.trigger()
    assert window.focusWidget() is window.preview.browser
    window.window_actions.focus_form.trigger()
    focused = window.focusWidget()
    assert focused is not None and window.form.isAncestorOf(focused)

    window.window_actions.next_problem.trigger()
    assert window.focusWidget() is window.form.field_editor("organisation")
    window.window_actions.next_problem.trigger()
    contact = window.form.field_editor("contact")
    assert contact is not None and contact.isAncestorOf(window.focusWidget())
    window.window_actions.next_problem.trigger()  # round again
    assert window.focusWidget() is window.form.field_editor("organisation")

    window.window_actions.show_plain.trigger()
    assert window.preview.current_page() is window.preview.text_view


def test_window_size_and_splitter_are_remembered(
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window(reference_release)
    window.resize(700, 500)  # the offscreen screen is 800×600
    window.splitter.setSizes([300, 400])
    sizes = window.splitter.sizes()
    assert window.close()
    stored = load_settings(context.paths.settings_file)
    assert base64.b64decode(stored.window_geometry) and base64.b64decode(stored.splitter_state)

    again = make_window(reference_release)
    assert again.size().width() == 700
    assert again.splitter.sizes() == sizes


def test_settings_are_saved_through_storage(
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    window = make_window(reference_release)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        dialog.language_box.setCurrentIndex(dialog.language_box.findData("sv"))
        dialog.organisation_edit.setText("Region Kronoberg")
        dialog.press_email_edit.setText("press@example.se")
        dialog.autosave_spin.setValue(5)
        dialog.accept()

    QTimer.singleShot(0, fill)
    window.window_actions.settings.trigger()
    stored = load_settings(context.paths.settings_file)
    assert (stored.ui_language, stored.organisation_name, stored.autosave_seconds) == (
        "sv", "Region Kronoberg", 5.0,
    )  # fmt: skip
    assert stored.press_office_email == "press@example.se"
    assert "next time" in dialogs.texts("info")[0]  # the language changes at the next start
    assert window.autosave._timer.interval() == 5000


def test_the_about_box_names_the_version_and_the_licences(qtbot: QtBot) -> None:
    about = AboutDialog()
    qtbot.addWidget(about)
    text = about.label.text()
    assert __version__ in text
    for name, licence in (("PySide6", "LGPLv3"), ("python-docx", "MIT"), ("Babel", "BSD-3")):
        assert name in text and licence in text


def test_missing_values_are_highlighted_in_the_preview(
    qtbot: QtBot, reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    release = Release.new(
        reference_release.template, {**reference_release.values, "organisation": ""}
    )
    window = make_window(release)
    assert "[Organisation]" in window.preview.browser.toPlainText()
    assert "background-color:#ffe58a" in window.preview.browser.toHtml()
    assert "(F8)" in window.problems_label.text()  # names the key that goes there


def test_the_contact_picker_offers_the_contact_book(
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
) -> None:
    book = ContactBook()
    book.add(Contact("Bo Bengtsson", title="Presschef", email="bo@example.se"))
    context.paths.contacts_file.parent.mkdir(parents=True, exist_ok=True)
    save_contact_book(book, context.paths.contacts_file)
    window = make_window(Release.new(reference_release.template))
    assert window.form is not None
    card = window.form.editor("contact").cards[0]  # type: ignore[attr-defined]
    menu = card.pick.menu()
    menu.aboutToShow.emit()
    picks = [a for a in menu.actions() if "Bo Bengtsson" in a.text()]
    assert len(picks) == 1
    picks[0].trigger()
    qtbot.waitUntil(lambda: "Bo Bengtsson" in window.preview.browser.toPlainText())
    assert window.form.values()["contact"][0].email == "bo@example.se"


def _override_declined(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> bool:
    """True when the field gives up a key to its window (Qt then runs the window's command)."""
    event = QKeyEvent(QEvent.Type.ShortcutOverride, key, modifiers)
    QApplication.sendEvent(widget, event)
    return not event.isAccepted()


def _focus(qtbot: QtBot, widget: QWidget) -> None:
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_each_windows_commands_win_over_its_fields_keys_with_one_filter_for_all(
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
) -> None:
    """A line edit claims Ctrl+E (end of line); the window's Export wins, in every window
    open, through the application's one set of hooks (not one per window), which follow the
    keyboard focus (Qt offers a key to the focus widget)."""
    first = MainWindow(context, reference_release)  # closed and gone before the test ends
    with qtbot.waitSignal(first.preview.first_painted):
        first.show()
    second = make_window(reference_release)
    ctrl = Qt.KeyboardModifier.ControlModifier
    for window in (first, second):
        qtbot.waitUntil(lambda w=window: w._shortcuts is not None)
        assert window.form is not None
        field = window.form.field_editor("headline")
        assert isinstance(field, QLineEdit)
        _focus(qtbot, field)
        assert _override_declined(field, Qt.Key.Key_E, ctrl)  # Export, the window's
        assert not _override_declined(field, Qt.Key.Key_A, ctrl)  # select all, the field's
        other = window.form.field_editor("organisation")
        assert isinstance(other, QLineEdit)
        _focus(qtbot, other)  # the hooks follow the focus (offscreen, no field claims Ctrl+E:
        assert _override_declined(other, Qt.Key.Key_E, ctrl)  # test_on_x11 presses it)
    filters = [f for f in QApplication.instance().children() if isinstance(f, AppEvents)]
    assert len(filters) == 1
    first.session.load(first.session.release)  # nothing unsaved: it closes without asking
    first.close()
    first.deleteLater()
    qtbot.waitUntil(lambda: not isValid(first))
    assert second.form is not None
    field = second.form.field_editor("headline")
    _focus(qtbot, field)
    assert _override_declined(field, Qt.Key.Key_E, ctrl)
