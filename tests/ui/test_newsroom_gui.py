"""CAP and the newsroom from the window: the settings they need, a CAP export through the real
dialog, and File > Publish Newsroom Folder… with "Open" in the status bar."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot
from uihelpers import ScriptedDialogs, export_through_dialog

from editor.model.release import Release
from editor.storage.releases import save_release
from editor.ui.context import AppContext
from editor.ui.dialogs.settings_dialog import SettingsDialog
from editor.ui.windows.main_window import MainWindow
from tests.helpers import CAP, assert_valid_cap


def _with_cap_settings(context: AppContext) -> None:
    context.settings.cap_sender = "press@region.example"
    context.settings.cap_area = "Exempelby län"
    context.settings.public_web_address = "https://region.example/press"


def test_the_settings_dialog_edits_the_cap_settings(qtbot: QtBot, context: AppContext) -> None:
    dialog = SettingsDialog(context.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.cap_sender_edit.setText("press office")
    assert dialog.cap_sender_note.isVisible() and "spaces" in dialog.cap_sender_note.text()
    dialog.cap_sender_edit.setText(" press@region.example ")
    assert not dialog.cap_sender_note.isVisible()
    dialog.cap_area_edit.setText("Exempelby län")
    dialog.web_edit.setText("https://region.example/press")
    result = dialog.result_settings()
    assert (result.cap_sender, result.cap_area, result.public_web_address) == (
        "press@region.example",
        "Exempelby län",
        "https://region.example/press",
    )


def test_a_cap_export_from_the_window_is_a_valid_alert(
    tmp_path: Path,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
) -> None:
    _with_cap_settings(context)
    window = make_window(reference_release)
    seen: dict[str, str] = {}
    export_through_dialog(window, "cap", tmp_path, seen)
    assert seen["suggested"].endswith(".xml")
    data = (tmp_path / seen["suggested"]).read_bytes()
    assert_valid_cap(data)
    root = ET.fromstring(data)
    assert root.findtext(f"{CAP}info/{CAP}headline") == "Stabsläget avslutat"
    assert root.findtext(f"{CAP}info/{CAP}area/{CAP}areaDesc") == "Exempelby län"


def test_a_cap_export_without_a_sender_says_where_to_set_it(
    tmp_path: Path,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    window = make_window(reference_release)
    seen: dict[str, str] = {}
    export_through_dialog(window, "cap", tmp_path, seen)
    assert not list(tmp_path.glob("*.xml"))
    errors = [text for kind, _, text in dialogs.shown if kind == "error"]
    assert errors and "Settings" in errors[0]


def test_publish_newsroom_folder_writes_the_site_and_offers_to_open_it(
    tmp_path: Path,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    _with_cap_settings(context)
    folder = tmp_path / "releases"
    folder.mkdir()
    save_release(reference_release, folder / "ended.pressklar")
    (folder / "broken.pressklar").write_text("no", encoding="utf-8")
    window = make_window(reference_release, str(folder / "ended.pressklar"))
    assert window.window_actions.publish_newsroom in window.menuBar().actions()[0].menu().actions()
    dialogs.paths.append(str(folder))
    window.window_actions.publish_newsroom.trigger()
    site = folder / "newsroom"
    assert (site / "index.html").is_file() and (site / "feed.atom").is_file()
    assert len(list(site.glob("*.html"))) == 2 and len(list(site.glob("*.xml"))) == 1
    warnings = [text for kind, _, text in dialogs.shown if kind == "warn"]
    assert warnings and "broken.pressklar" in warnings[0]
    assert "Releases in the newsroom: 1." in window.statusBar().currentMessage()
    assert window.exported_links.isVisible() and "Open" in window.exported_links.text()
    assert window.exported_links.toolTip() == str(site / "index.html")


def test_an_unwritable_newsroom_is_a_message(
    tmp_path: Path,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "newsroom").write_text("a file where the site would go", encoding="utf-8")
    window = make_window(reference_release)
    dialogs.paths.append(str(folder))
    window.window_actions.publish_newsroom.trigger()
    errors = [title for kind, title, _ in dialogs.shown if kind == "error"]
    assert errors == ["Could not publish the newsroom"]


def test_publishing_runs_on_a_worker_while_the_gui_timer_keeps_ticking(
    tmp_path: Path,
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    _with_cap_settings(context)
    folder = tmp_path / "releases"
    folder.mkdir()
    for number in range(12):
        copy = replace(reference_release, id=f"r{number:02}")
        save_release(copy, folder / f"r{number:02}.pressklar")
    window = make_window(reference_release)
    site = folder / "newsroom"
    ticks_while_publishing = [0]

    def tick() -> None:  # after the first page is written, before the index is
        if site.is_dir() and not (site / "index.html").exists():
            ticks_while_publishing[0] += 1

    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(tick)
    timer.start()
    dialogs.paths.append(str(folder))
    window.window_actions.publish_newsroom.trigger()
    timer.stop()
    assert ticks_while_publishing[0] > 0  # the GUI thread went on running its timers
    index = (site / "index.html").read_text(encoding="utf-8")
    assert index.count("Stabsläget avslutat") >= 12
    assert len(list(site.glob("*.html"))) == 13
    assert "Releases in the newsroom: 12." in window.statusBar().currentMessage()
