"""The incident from a window: New Follow-up carries the facts into the same window, the
exercise mark shows in the preview and asks before it goes, and Find in Archive finds a
release saved before."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from uihelpers import ScriptedDialogs, preview_text, type_text

from editor.model.release import Release
from editor.storage import incident_log
from editor.storage.releases import load_release, save_release
from editor.ui.dialogs import messages
from editor.ui.dialogs.archive_search import ArchiveSearchDialog
from editor.ui.dialogs.template_picker import TemplatePicker
from editor.ui.windows.main_window import MainWindow


def test_a_follow_up_of_a_saved_release_carries_its_facts(
    tmp_path: Path,
    qtbot: QtBot,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = tmp_path / "forsta.pressklar"
    save_release(reference_release, first)
    window = make_window(load_release(first), str(first))
    chosen: list[str] = []

    def pick(_parent: object, library: object, current: str, *_: object) -> tuple[str, bool]:
        chosen.append(current)
        return current, True

    monkeypatch.setattr(TemplatePicker, "get_data", pick)
    assert window.incidents.new_follow_up()
    assert chosen == ["readiness-ended-sv"]  # an ended incident: the same kind, changeable
    session = window.session
    assert session.path == "" and window.isWindowModified()
    assert session.release.incident is not None and session.release.incident.number == 2
    assert session.release.values["organisation"] == "Region Kronoberg"
    assert not session.release.values["headline"]
    assert "Uppdatering 2" in preview_text(window)
    dialogs.paths.append(str(tmp_path / "andra.pressklar"))
    window.window_actions.save.trigger()
    saved = load_release(tmp_path / "andra.pressklar")
    assert saved.incident is not None and saved.incident.follows_id == reference_release.id
    entries, breaks = incident_log.read_log(
        incident_log.log_folder(tmp_path / "andra.pressklar", saved.incident.incident_id)
    )
    assert [e.get("action") for e in entries] == ["save"] and breaks == []
    panel = window.incident_panel  # the thread beside the form, from the files
    assert panel.isVisible() and "number 2" in panel.title.text()
    assert [panel.releases.item(i).text().split(" ")[0] for i in range(panel.releases.count())] == [
        "2."
    ]
    assert "draft" in panel.releases.item(0).text()


def test_the_exercise_mark_shows_and_asks_before_it_goes(
    qtbot: QtBot,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    window = make_window(reference_release)
    action = window.window_actions.exercise
    action.trigger()
    assert action.isChecked() and window.session.release.exercise
    assert preview_text(window).startswith("ÖVNING – ÖVNING – ÖVNING")
    qtbot.waitUntil(window.preview.exercise_banner.isVisible)
    dialogs.answers.append(messages.Button.No)
    action.trigger()  # off: asked, and kept
    assert action.isChecked() and window.session.release.exercise
    dialogs.answers.append(messages.Button.Yes)
    action.trigger()
    assert not action.isChecked() and not window.session.release.exercise
    assert "ÖVNING" not in preview_text(window)


def test_find_in_archive_finds_a_saved_release_and_opens_it(
    tmp_path: Path,
    qtbot: QtBot,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    window = make_window(reference_release)
    assert window.form is not None
    type_text(qtbot, window.form.field_editor("headline"), " i Exempelby")
    dialogs.paths.append(str(tmp_path / "arkiv.pressklar"))
    window.window_actions.save.trigger()
    other = make_window(Release.new(reference_release.template))

    def search() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ArchiveSearchDialog)
        qtbot.keyClicks(dialog.query, "exempelb")
        qtbot.waitUntil(lambda: dialog.results.count() == 1)
        assert dialog.results.count() == 1
        assert dialog.selected_path().endswith("arkiv.pressklar")
        dialog.accept()

    window.close()  # let go of the file, so the other window opens it for writing
    QTimer.singleShot(0, search)
    other.window_actions.find_in_archive.trigger()
    assert other.session.path.endswith("arkiv.pressklar")


def test_the_window_counts_down_to_the_next_update_and_says_when_it_has_passed(
    qtbot: QtBot, context: object, make_window: Callable[..., MainWindow]
) -> None:
    from datetime import datetime, timedelta

    from uihelpers import template_named

    template = template_named(context, "incident-update-sv")  # type: ignore[arg-type]
    promised = datetime.now().replace(second=0, microsecond=0) + timedelta(minutes=45)
    window = make_window(Release.new(template, {"next_update_at": promised}))
    window.session.update_now()
    window.show_next_update(promised - timedelta(minutes=44, seconds=30))
    assert "44 min" in window.next_update_label.text()
    window.show_next_update(promised + timedelta(minutes=5))
    assert "passed" in window.next_update_label.text()
    codes = [f.code for f in window.session.findings()]
    assert "next_update_passed" not in codes  # still ahead by the real clock
    later = Release.new(template, {"next_update_at": promised - timedelta(hours=2)})
    window.session.load(later)
    assert "next_update_passed" in [f.code for f in window.session.findings()]
