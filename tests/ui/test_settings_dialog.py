"""Settings for sending: the letterhead file and the distribution lists, saved and read back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from uihelpers import ScriptedDialogs, type_text

from editor.model.release import Release
from editor.storage.settings import load_settings
from editor.ui.context import AppContext
from editor.ui.dialogs.distribution_lists import parse_addresses
from editor.ui.dialogs.messages import Button
from editor.ui.dialogs.settings_dialog import SettingsDialog
from editor.ui.windows.main_window import MainWindow


def _in_settings(window: MainWindow, act: Callable[[SettingsDialog], None]) -> None:
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        act(dialog)

    QTimer.singleShot(0, run)
    window.window_actions.settings.trigger()


def test_letterhead_and_distribution_lists_round_trip(
    tmp_path: Path,
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    letterhead = tmp_path / "brevhuvud.dotx"
    letterhead.write_bytes(b"PK")
    window = make_window(reference_release)
    dialogs.paths.append(str(letterhead))

    def fill(dialog: SettingsDialog) -> None:
        qtbot.mouseClick(dialog.letterhead_browse, Qt.MouseButton.LeftButton)
        lists = dialog.lists_editor
        qtbot.mouseClick(lists.add_button, Qt.MouseButton.LeftButton)
        assert lists.name_edit.text() == "New list" and lists.name_edit.hasSelectedText()
        qtbot.keyClicks(lists.name_edit, "Regional media")  # typed over the selected name
        lists.addresses_edit.setFocus()
        type_text(qtbot, lists.addresses_edit, "Nyheter <nyheter@example.se>; desk@example.com\n")
        type_text(qtbot, lists.addresses_edit, "nyheter@example.se\n")
        qtbot.mouseClick(lists.add_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(lists.name_edit, "Kommuner")
        type_text(qtbot, lists.addresses_edit, "info@kommun.example.se")
        dialog.accept()

    _in_settings(window, fill)
    stored = load_settings(context.paths.settings_file)
    assert stored.letterhead == str(letterhead)
    assert stored.distribution_lists == {
        "Regional media": ["nyheter@example.se", "desk@example.com"],
        "Kommuner": ["info@kommun.example.se"],
    }
    assert context.settings.distribution_lists == stored.distribution_lists

    seen: dict[str, object] = {}

    def look(dialog: SettingsDialog) -> None:
        seen["letterhead"] = dialog.letterhead_edit.text()
        seen["note"] = dialog.letterhead_note.isVisible()
        editor = dialog.lists_editor
        seen["names"] = [editor.names.item(i).text() for i in range(editor.names.count())]
        editor.names.setCurrentRow(0)
        seen["addresses"] = editor.addresses_edit.toPlainText()
        qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
        dialog.accept()

    _in_settings(window, look)
    assert seen == {
        "letterhead": str(letterhead),
        "note": False,
        "names": ["Regional media", "Kommuner"],
        "addresses": "nyheter@example.se\ndesk@example.com",
    }
    assert load_settings(context.paths.settings_file).distribution_lists == {
        "Kommuner": ["info@kommun.example.se"]
    }


def test_addresses_that_are_not_addresses_are_pointed_out(
    qtbot: QtBot, context: AppContext, dialogs: ScriptedDialogs
) -> None:
    dialog = SettingsDialog(context.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    lists = dialog.lists_editor
    lists.add_list()
    type_text(qtbot, lists.addresses_edit, "press@example.se\nanna.exempel(at)example.se")
    assert lists.problem.isVisible()
    assert lists.problem.text() == "Not e-mail addresses: anna.exempel(at)example.se"

    dialogs.answers.append(Button.No)  # back to the dialog to correct it
    dialog.accept()
    assert dialog.isVisible()
    assert "anna.exempel(at)example.se" in dialogs.texts("question")[0]
    dialogs.answers.append(Button.Yes)
    dialog.accept()
    assert not dialog.isVisible()


def test_a_letterhead_that_is_no_word_file_is_noted_at_once(
    tmp_path: Path, qtbot: QtBot, context: AppContext
) -> None:
    dialog = SettingsDialog(context.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.letterhead_edit.setText(str(tmp_path / "saknas.docx"))
    assert dialog.letterhead_note.text() == "There is no such file."
    pdf = tmp_path / "brevhuvud.pdf"
    pdf.write_bytes(b"%PDF")
    dialog.letterhead_edit.setText(str(pdf))
    assert "Word document" in dialog.letterhead_note.text()
    dialog.letterhead_edit.setText("")
    assert dialog.letterhead_note.isHidden()


def test_pasted_address_lists_keep_only_the_addresses() -> None:
    text = "Anna Exempel <anna@example.se>, per@example.se; \n\n per@example.se\nkalle@example.se"
    assert parse_addresses(text) == ["anna@example.se", "per@example.se", "kalle@example.se"]
