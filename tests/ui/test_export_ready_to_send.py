"""Exports that take more than the document: e-mail with a distribution list in Bcc, Word on the
organisation's letterhead (and what happens when it cannot be used), and the question asked
before a release with errors leaves the building."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Callable
from pathlib import Path

import docx
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from uihelpers import (
    REFERENCE_VALUES,
    ScriptedDialogs,
    export_through_dialog,
    exported_text,
    template_named,
)

from editor.model.release import Release, values_from_json
from editor.ui.context import AppContext
from editor.ui.dialogs.messages import Button
from editor.ui.windows.main_window import MainWindow

NAME = "2018-09-25 Stabsläget avslutat"


def test_an_email_to_a_distribution_list_has_its_addresses_in_bcc(
    tmp_path: Path,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
) -> None:
    context.settings.organisation_name = "Region Kronoberg"
    context.settings.distribution_lists = {
        "Regional media": ["nyheter@example.se", "desk@example.com"],
        "Kommuner": ["info@kommun.example.se"],
    }
    window = make_window(reference_release)
    seen: dict[str, str] = {}
    export_through_dialog(window, "eml", tmp_path, seen, distribution_list="Regional media")
    assert seen["lists"] == ",Kommuner,Regional media"  # none first, then the lists by name
    assert seen["lists_shown"] == "True"
    message = email.message_from_bytes(
        (tmp_path / f"{NAME}.eml").read_bytes(), policy=email.policy.default
    )
    assert [a.addr_spec for a in message["Bcc"].addresses] == [
        "nyheter@example.se",
        "desk@example.com",
    ]
    assert message["Organization"] == "Region Kronoberg"
    assert message["X-Unsent"] == "1"
    assert message["Subject"] == "Stabsläget avslutat"

    (tmp_path / "none").mkdir()
    export_through_dialog(window, "eml", tmp_path / "none", seen)  # "None": no Bcc at all
    plain = email.message_from_bytes((tmp_path / "none" / f"{NAME}.eml").read_bytes())
    assert plain["Bcc"] is None


def test_the_distribution_list_is_offered_only_for_email(
    tmp_path: Path, reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(reference_release)
    seen: dict[str, str] = {}
    export_through_dialog(window, "txt", tmp_path, seen)
    assert seen["lists_shown"] == "False" and seen["lists"] == ""


def _letterhead(path: Path) -> Path:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Region Kronoberg — brevhuvud"
    document.sections[0].footer.paragraphs[0].text = "Box 1223, 351 12 Växjö"
    document.add_paragraph("Exempeltext som tas bort")
    document.save(str(path))
    return path


def test_word_exports_start_from_the_letterhead_in_the_settings(
    tmp_path: Path,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
) -> None:
    context.settings.letterhead = str(_letterhead(tmp_path / "brevhuvud.docx"))
    window = make_window(reference_release)
    out = tmp_path / "out"
    out.mkdir()
    export_through_dialog(window, "docx", out)
    exported = docx.Document(str(out / f"{NAME}.docx"))
    section = exported.sections[0]
    assert section.header.paragraphs[0].text == "Region Kronoberg — brevhuvud"
    assert section.footer.paragraphs[0].text == "Box 1223, 351 12 Växjö"
    text = "\n".join(p.text for p in exported.paragraphs)
    assert "Stabsläget avslutat" in text and "Exempeltext" not in text


def test_a_broken_letterhead_falls_back_only_when_the_user_agrees(
    tmp_path: Path,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    broken = tmp_path / "brevhuvud.docx"
    broken.write_bytes(b"this is not a Word file")
    context.settings.letterhead = str(broken)
    window = make_window(reference_release)
    out = tmp_path / "out"
    out.mkdir()

    dialogs.answers.append(Button.No)
    export_through_dialog(window, "docx", out)
    assert list(out.iterdir()) == []
    title, text = dialogs.texts("question")[0].split(": ", 1)
    assert title == "Letterhead"
    assert text.startswith("The letterhead brevhuvud.docx cannot be used: ")
    assert "is not a Word document" in text
    assert text.endswith("Export with the built-in look?")

    dialogs.answers.append(Button.Yes)
    export_through_dialog(window, "docx", out)
    assert [p.name for p in out.iterdir()] == [f"{NAME}.docx"]
    assert "Stabsläget avslutat" in exported_text(out / f"{NAME}.docx", "docx")
    assert broken.read_bytes() == b"this is not a Word file"  # the letterhead is never touched


def _with_errors(context: AppContext) -> Release:
    template = template_named(context, "readiness-ended-sv")
    values, _ = values_from_json(
        template, {**REFERENCE_VALUES, "organisation": "", "headline": "Klart XX"}
    )
    return Release.new(template, values)


def test_exporting_with_errors_asks_first_and_cancelling_writes_nothing(
    tmp_path: Path,
    context: AppContext,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    window = make_window(_with_errors(context))
    dialogs.answers.append(Button.No)
    window.window_actions.export.trigger()  # No: the export dialog never opens
    asked = dialogs.texts("question")[0]
    assert asked.startswith("Export anyway?: The release has 2 errors:\n")
    assert "• “Organisation” is required and still empty." in asked
    assert "• “XX” looks like a placeholder left in the text." in asked
    assert list(tmp_path.iterdir()) == []

    dialogs.answers.append(Button.Yes)
    export_through_dialog(window, "txt", tmp_path)
    assert (tmp_path / "2018-09-25 Klart XX.txt").is_file()


def test_copy_formatted_with_errors_asks_first(
    qtbot: QtBot,
    context: AppContext,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    window = make_window(_with_errors(context))
    marker = QMimeData()
    marker.setText("untouched")
    QApplication.clipboard().setMimeData(marker)
    dialogs.answers.append(Button.No)
    window.window_actions.copy_formatted.trigger()
    assert dialogs.texts("question")[0].startswith("Copy anyway?: The release has 2 errors:")
    assert QApplication.clipboard().text() == "untouched"
    dialogs.answers.append(Button.Yes)
    window.window_actions.copy_formatted.trigger()
    assert "Klart XX" in QApplication.clipboard().text()
