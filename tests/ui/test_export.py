"""Export from the window: the dialog's default name, the files read back, errors, the clipboard."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from uihelpers import (
    ScriptedDialogs,
    export_through_dialog,
    exported_text,
    html_headings,
    type_text,
)

from editor.model.release import Release
from editor.render import writers
from editor.ui.context import AppContext
from editor.ui.dialogs.export_dialog import ExportDialog
from editor.ui.dialogs.messages import Button
from editor.ui.windows.main_window import MainWindow


@pytest.mark.parametrize("fmt", ["docx", "html", "txt", "md", "eml", "pdf"])
def test_export_writes_what_the_preview_shows(
    tmp_path: Path,
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    fmt: str,
) -> None:
    window = make_window(reference_release)
    assert window.form is not None
    type_text(qtbot, window.form.field_editor("cause"), " och telefoni")
    seen: dict[str, str] = {}
    export_through_dialog(window, fmt, tmp_path, seen)
    suffix = writers.extension(fmt)
    assert seen["suggested"] == f"2018-09-25 Stabsläget avslutat{suffix}"
    path = tmp_path / seen["suggested"]
    assert path.is_file()
    assert context.settings.last_export_format == fmt
    assert context.settings.last_export_folder == str(tmp_path)
    if fmt == "pdf":  # no PDF reader among the dependencies: a PDF with pages is enough here
        data = path.read_bytes()
        assert data.startswith(b"%PDF") and b"/Page" in data
        return
    flat = " ".join(_text_of(path, fmt).split())
    assert "Stabsläget avslutat" in flat
    assert "störning i regionens IT-system och telefoni" in flat
    assert "i fredags morse" in flat.lower()
    assert "070-123 45 67" in flat


def _text_of(path: Path, fmt: str) -> str:
    """The readable text of an exported file, with the reference release's subject and h1."""
    if fmt == "eml":
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        assert message["Subject"] == "Stabsläget avslutat"
    if fmt == "html":
        assert html_headings(path) == ["Stabsläget avslutat"]
    return exported_text(path, fmt)


def test_the_export_dialog_remembers_folder_and_format(
    tmp_path: Path,
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
) -> None:
    context.settings.last_export_folder = str(tmp_path)
    context.settings.last_export_format = "html"
    window = make_window(reference_release)
    seen: dict[str, str] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        seen["path"] = dialog.path_edit.text()
        seen["format"] = dialog.format()
        dialog.format_box.setCurrentIndex(dialog.format_box.findData("txt"))
        seen["switched"] = dialog.path_edit.text()
        dialog.reject()

    QTimer.singleShot(0, look)
    window.window_actions.export.trigger()
    assert seen["format"] == "html"
    assert seen["path"] == str(tmp_path / "2018-09-25 Stabsläget avslutat.html")
    assert seen["switched"] == str(tmp_path / "2018-09-25 Stabsläget avslutat.txt")
    assert list(tmp_path.iterdir()) == []  # cancelled: nothing written


def test_an_export_that_cannot_be_written_says_so_and_loses_nothing(
    tmp_path: Path,
    qtbot: QtBot,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    window = make_window(reference_release)
    assert window.form is not None
    type_text(qtbot, window.form.field_editor("headline"), "!")
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    dialogs.answers.append(Button.Yes)  # create the folder? (it cannot be: a file is there)
    seen: dict[str, str] = {}
    export_through_dialog(window, "docx", blocker / "under", seen)
    assert any("not saved" in text or "folder" in text for text in dialogs.texts("error"))
    assert seen["again"] == seen["suggested"]  # the dialog came back with the same name
    assert window.isWindowModified()
    assert window.form.values()["headline"] == "Stabsläget avslutat!"


def test_a_missing_folder_is_offered_to_be_made(
    tmp_path: Path,
    qtbot: QtBot,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    window = make_window(reference_release)
    dialogs.answers.append(Button.Yes)
    seen: dict[str, str] = {}
    export_through_dialog(window, "txt", tmp_path / "ny mapp", seen)
    assert (tmp_path / "ny mapp" / seen["suggested"]).is_file()
    assert any("does not exist" in text for _, _, text in dialogs.shown)
    assert window.exported_links.isVisible()
    assert "again" not in seen


def test_the_first_export_folder_is_the_release_files_then_the_last_used(
    tmp_path: Path,
) -> None:
    from editor.ui.flows.export_flow import export_folder

    (tmp_path / "releases").mkdir()
    (tmp_path / "last").mkdir()
    release = str(tmp_path / "releases" / "a.pressklar")
    assert export_folder(release, str(tmp_path / "last")) == str(tmp_path / "releases")
    assert export_folder("", str(tmp_path / "last")) == str(tmp_path / "last")
    assert export_folder("", str(tmp_path / "gone")) != str(Path.cwd()) or Path.cwd() == Path.home()


def test_export_asks_before_replacing_a_file(
    tmp_path: Path,
    qtbot: QtBot,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    existing = tmp_path / "2018-09-25 Stabsläget avslutat.txt"
    existing.write_text("keep me", encoding="utf-8")
    window = make_window(reference_release)
    dialogs.answers.append(Button.No)
    export_through_dialog(window, "txt", tmp_path, {})
    assert existing.read_text(encoding="utf-8") == "keep me"
    dialogs.answers.append(Button.Yes)
    export_through_dialog(window, "txt", tmp_path, {})
    assert "Stabsläget avslutat" in existing.read_text(encoding="utf-8")


def test_export_with_empty_required_fields_warns_first(
    tmp_path: Path,
    qtbot: QtBot,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    window = make_window(Release.new(reference_release.template))
    dialogs.answers.append(Button.No)
    window.window_actions.export.trigger()  # the dialog never opens: nothing to fill in
    asked = dialogs.texts("question")[0]
    assert asked.startswith("Export anyway?: The release has 2 errors:")  # a cause is optional
    assert "“Organisation” is required and still empty." in asked
    assert asked.endswith("Export anyway?")
    assert list(tmp_path.iterdir()) == []


def test_copy_formatted_puts_html_and_text_on_the_clipboard(
    qtbot: QtBot, reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(reference_release)
    window.window_actions.copy_formatted.trigger()
    data = QApplication.clipboard().mimeData()
    assert data.hasHtml() and data.hasText()
    assert "<h1>Stabsläget avslutat</h1>" in data.html()
    assert data.text().startswith("PRESSMEDDELANDE\n25 september 2018")
    assert "**" not in data.text()
