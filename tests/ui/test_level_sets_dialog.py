"""The level sets dialog: built-in sets read-only, the user's own added, edited, renamed and
deleted, each visible in the level registry templates use."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot
from uihelpers import ScriptedDialogs

from editor.storage.level_sets import level_registry
from editor.storage.library import load_library
from editor.storage.paths import Paths, user_paths
from editor.ui.dialogs import messages
from editor.ui.dialogs.level_sets_dialog import LevelSetsDialog

Button = messages.Button


@pytest.fixture
def paths(pressklar_home: Path) -> Paths:
    return user_paths()


@pytest.fixture
def dialog(qtbot: QtBot, paths: Paths) -> Iterator[LevelSetsDialog]:
    made = LevelSetsDialog(paths, load_library(paths.templates))
    made.show()
    qtbot.waitExposed(made)
    yield made
    made.close()
    made.deleteLater()


def set_row(dialog: LevelSetsDialog, row: int, level_id: str, sv: str, en: str) -> None:
    dialog.table.setItem(row, 0, QTableWidgetItem(level_id))
    dialog.table.setItem(row, 2, QTableWidgetItem(sv))
    dialog.table.setItem(row, 3, QTableWidgetItem(en))


def select(dialog: LevelSetsDialog, set_id: str) -> None:
    for row in range(dialog.list.count()):
        if dialog.list.item(row).data(Qt.ItemDataRole.UserRole) == set_id:
            dialog.list.setCurrentRow(row)
            return
    raise AssertionError(set_id)


def test_built_in_sets_are_listed_read_only(dialog: LevelSetsDialog) -> None:
    assert dialog.set_ids() == ["incident-4", "nhs-incident", "se-healthcare"]
    select(dialog, "se-healthcare")
    assert dialog.note.isVisible() and dialog.id_edit.isReadOnly()
    assert not dialog.save_button.isEnabled() and not dialog.delete_button.isEnabled()
    assert dialog.table.rowCount() == 4
    assert dialog.table.item(1, 2).text() == "stabsläge"


def test_a_new_set_is_saved_and_appears_in_the_registry(
    dialog: LevelSetsDialog, paths: Paths
) -> None:
    changed: list[bool] = []
    dialog.changed.connect(lambda: changed.append(True))
    dialog.new_button.click()
    assert dialog.table.rowCount() == 1 and not dialog.note.isVisible()
    dialog.id_edit.setText("kommun-3")
    dialog.name_edits["sv"].setText("Kommunens nivåer")
    dialog.name_edits["en"].setText("Municipal levels")
    set_row(dialog, 0, "vardag", "vardag", "everyday")
    dialog.table.item(0, 1).setCheckState(Qt.CheckState.Checked)
    dialog.add_level_button.click()
    set_row(dialog, 1, "hog", "hög beredskap", "high readiness")
    dialog.add_level_button.click()
    set_row(dialog, 2, "forhojd", "förhöjd beredskap", "raised readiness")
    dialog.table.setCurrentCell(2, 0)
    dialog.up_button.click()  # förhöjd below hög
    assert dialog.save()
    assert changed == [True]
    level_set = level_registry(paths).get("kommun-3")
    assert level_set is not None and level_set.name("sv") == "Kommunens nivåer"
    levels = level_set.all_levels("sv")
    assert [(lv.id, lv.rank, lv.is_baseline) for lv in levels] == [
        ("vardag", 0, True),
        ("forhojd", 1, False),
        ("hog", 2, False),
    ]
    assert levels[1].is_lowest and levels[2].is_highest
    assert level_set.level("hog", "en").name == "high readiness"
    assert "kommun-3" in dialog.set_ids() and dialog.current_set_id() == "kommun-3"


def test_problems_are_shown_and_nothing_is_written(dialog: LevelSetsDialog, paths: Paths) -> None:
    dialog.new_button.click()
    dialog.id_edit.setText("se-healthcare")
    assert not dialog.save()
    assert dialog.problems.text().splitlines() == [
        "id: 'se-healthcare' is the id of a built-in level set",
        "name: a level set needs a name",
        "levels[0].id: a level needs an id",
        "levels[0].name: a level needs a name",
    ]
    assert not paths.level_sets.exists()


def test_a_built_in_set_duplicated_then_renamed_then_deleted(
    dialog: LevelSetsDialog, paths: Paths, dialogs: ScriptedDialogs
) -> None:
    select(dialog, "incident-4")
    dialog.duplicate_button.click()
    assert dialog.id_edit.text() == "incident-4-copy" and not dialog.id_edit.isReadOnly()
    assert dialog.save()
    assert level_registry(paths).get("incident-4-copy") is not None
    assert [p.name for p in paths.level_sets.iterdir()] == ["incident-4-copy.toml"]

    dialog.id_edit.setText("our-incidents")
    assert dialog.save()
    assert [p.name for p in paths.level_sets.iterdir()] == ["our-incidents.toml"]
    registry = level_registry(paths)
    assert registry.get("incident-4-copy") is None and registry.get("our-incidents") is not None

    dialogs.answers = [Button.No]
    dialog.delete_button.click()
    assert level_registry(paths).get("our-incidents") is not None
    dialogs.answers = [Button.Yes]
    dialog.delete_button.click()
    assert level_registry(paths).get("our-incidents") is None
    assert "our-incidents" not in dialog.set_ids()
    assert "Delete the level set “our-incidents”?" in dialogs.texts("question")[-1]


def test_a_broken_user_file_is_listed_with_its_error(qtbot: QtBot, paths: Paths) -> None:
    paths.level_sets.mkdir(parents=True)
    (paths.level_sets / "bad.toml").write_text("id = [", encoding="utf-8")
    dialog = LevelSetsDialog(paths)
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any(text.startswith("bad.toml: cannot be used") for text in texts)


def test_a_duplicated_set_keeps_its_wording(dialog: LevelSetsDialog) -> None:
    select(dialog, "nhs-incident")
    dialog.duplicate_current()
    copy = dialog.edited_set()
    assert copy.level("critical", "en").raised == "declared a critical incident"
    assert copy.level("critical", "en").ended == "stood down the critical incident"


def test_a_duplicated_set_keeps_its_cap_grading(dialog: LevelSetsDialog) -> None:
    select(dialog, "nhs-incident")
    dialog.duplicate_current()
    copy = dialog.edited_set()
    assert copy.category == "Health"
    assert copy.grading("major").severity == "Severe"


def test_the_read_only_note_is_information_not_an_error(dialog: LevelSetsDialog) -> None:
    """It said "built-in sets cannot be changed" in the red of an error."""
    select(dialog, "se-healthcare")
    assert dialog.note.isVisible()
    image = dialog.note.grab().toImage()
    colour = image.pixelColor(image.width() // 2, 2)  # the note's background, off its text
    red, green, blue = colour.red(), colour.green(), colour.blue()
    assert red <= blue and red - green < 8, (red, green, blue)  # not the pink of an error


def test_the_last_column_reaches_the_edge_of_the_table(
    qtbot: QtBot, dialog: LevelSetsDialog
) -> None:
    select(dialog, "se-healthcare")
    dialog.resize(2600, 600)
    qtbot.waitUntil(lambda: dialog.width() >= 2600)
    header = dialog.table.horizontalHeader()
    last = header.count() - 1
    right = header.sectionViewportPosition(last) + header.sectionSize(last)
    assert right >= dialog.table.viewport().width() - 1
