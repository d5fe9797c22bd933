"""Save as template: the new template renders the release identically, values can become
defaults, a name clash asks, the organisation folder is offered only when writable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from editor.model.release import Release
from editor.model.template import parse_template
from editor.render.engine import render_document
from editor.storage.library import ORGANISATION, USER, load_library
from editor.storage.paths import Paths, user_paths
from editor.ui.dialogs import messages, save_as_template
from editor.ui.dialogs.save_as_template import SaveAsTemplateDialog


@pytest.fixture
def paths(pressklar_home: Path) -> Paths:
    return user_paths()


@pytest.fixture
def dialogs_made(qtbot: QtBot) -> Iterator[list[QDialog]]:
    made: list[QDialog] = []
    yield made
    for dialog in made:
        dialog.close()
        dialog.deleteLater()


def make(
    made: list[QDialog], release: Release, paths: Paths, folder: str = ""
) -> SaveAsTemplateDialog:
    dialog = SaveAsTemplateDialog(release, paths, folder)
    made.append(dialog)
    dialog.show()
    return dialog


def test_the_new_template_renders_the_release_identically(
    reference_release: Release, paths: Paths, dialogs_made: list[QDialog]
) -> None:
    dialog = make(dialogs_made, reference_release, paths)
    assert dialog.name_edit.text() == reference_release.template.name
    dialog.name_edit.setText("Vårt stabsläge avslutat")
    dialog.description_edit.setText("Som förra gången")
    dialog.defaults_box.setChecked(True)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted.value
    saved = dialog.saved
    assert saved is not None and saved.source == USER
    path = paths.templates / "vart-stabslage-avslutat.toml"
    assert saved.path == str(path)
    on_disk = parse_template(path.read_text(encoding="utf-8"))
    assert on_disk.name == "Vårt stabsläge avslutat" and on_disk.description == "Som förra gången"
    entry = load_library(paths.templates).find("user:vart-stabslage-avslutat")
    assert entry is not None and entry.template is not None

    values = reference_release.values
    day = reference_release.values["release_date"]
    before = render_document(reference_release.template, values, today=day)
    after = render_document(entry.template, values, today=day)
    assert after.markdown == before.markdown
    # the values became defaults, except dates and times, which keep "today" and "now"
    headline = entry.template.field("headline")
    assert headline is not None and headline.default == "Stabsläget avslutat"
    release_date = entry.template.field("release_date")
    original_date = reference_release.template.field("release_date")
    assert release_date is not None and original_date is not None
    assert release_date.default == original_date.default


def test_without_the_values_the_defaults_stay(
    reference_release: Release, paths: Paths, dialogs_made: list[QDialog]
) -> None:
    dialog = make(dialogs_made, reference_release, paths)
    dialog.name_edit.setText("Utan värden")
    dialog.save()
    assert dialog.saved is not None
    assert [f.default for f in dialog.saved.fields] == [
        f.default for f in reference_release.template.fields
    ]


def test_a_taken_name_asks_replace_or_rename(
    reference_release: Release,
    paths: Paths,
    dialogs_made: list[QDialog],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for _ in range(2):
        first = make(dialogs_made, reference_release, paths)
        first.name_edit.setText("Mall")
        monkeypatch.setattr(messages, "choose", lambda *_: 1)  # Replace (the second time)
        first.save()
    assert [p.name for p in paths.templates.iterdir()] == ["mall.toml"]

    answers: list[Any] = []
    monkeypatch.setattr(messages, "choose", lambda *a: answers.append(a[2]) or 0)  # Rename…
    monkeypatch.setattr(save_as_template, "ask_text", lambda *_: "Mall två")
    third = make(dialogs_made, reference_release, paths)
    third.name_edit.setText("Mall")
    third.save()
    assert third.saved is not None and third.saved.name == "Mall två"
    assert sorted(p.name for p in paths.templates.iterdir()) == ["mall-tva.toml", "mall.toml"]
    assert "Mall" in answers[0]

    monkeypatch.setattr(messages, "choose", lambda *_: -1)  # Cancel
    fourth = make(dialogs_made, reference_release, paths)
    fourth.name_edit.setText("Mall")
    fourth.save()
    assert fourth.saved is None and fourth.isVisible()


def test_the_organisation_folder_is_offered_when_it_can_be_written(
    reference_release: Release, paths: Paths, tmp_path: Path, dialogs_made: list[QDialog]
) -> None:
    shared = tmp_path / "shared"
    missing = make(dialogs_made, reference_release, paths, str(shared))
    assert missing.target_box.count() == 1 and missing.target_note.isVisible()
    shared.mkdir()
    dialog = make(dialogs_made, reference_release, paths, str(shared))
    assert [dialog.target_box.itemData(i) for i in range(2)] == [USER, ORGANISATION]
    assert not dialog.target_note.isVisible()
    dialog.target_box.setCurrentIndex(1)
    dialog.name_edit.setText("Delad mall")
    dialog.save()
    assert (shared / "delad-mall.toml").exists()
    assert dialog.saved is not None and dialog.saved.source == ORGANISATION
