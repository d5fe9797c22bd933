"""The template manager: import (good, bad, clashing), export, rename, duplicate, delete, edit,
and the organisation folder as a source."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from uihelpers import ScriptedDialogs

from editor.model.release import Release
from editor.model.template import parse_template, template_to_toml
from editor.storage.library import BUILTIN, ORGANISATION, USER, load_library
from editor.storage.paths import Paths, user_paths
from editor.storage.settings import Settings
from editor.ui.context import AppContext
from editor.ui.dialogs import messages, save_as_template
from editor.ui.dialogs.level_sets_dialog import LevelSetsDialog
from editor.ui.dialogs.save_as_template import SaveAsTemplateDialog
from editor.ui.i18n import install_translators, remove_translators
from editor.ui.template_editor import TemplateEditorWindow
from editor.ui.windows import template_manager
from editor.ui.windows.contact_book import ContactBookWindow
from editor.ui.windows.main_window import MainWindow
from editor.ui.windows.template_manager import TemplateManager

Button = messages.Button
Make = Callable[..., TemplateManager]

GOOD = """format = 1
id = "our-release"
name = "Our release"
language = "en"
body = "# {{ headline }}"

[[fields]]
key = "headline"
type = "text"
label = "Headline"
"""
BAD = {
    "syntax-error": GOOD.replace("# {{ headline }}", "{% if headline %}no end"),
    "sandbox-escape": GOOD.replace("# {{ headline }}", "{{ headline.__class__.__mro__ }}"),
    "duplicate-keys": GOOD + '\n[[fields]]\nkey = "headline"\ntype = "text"\n',
    "newer-format": GOOD.replace("format = 1", "format = 99"),
    "not-toml": "This is a press release, not a template.\n[[[",
}
EXPECTED = {
    "syntax-error": "line",
    "sandbox-escape": "unsafe",
    "duplicate-keys": "used by two fields",
    "newer-format": "newer Pressklar",
    "not-toml": "TOML",
    "too-large": "too large",
}


@pytest.fixture
def paths(pressklar_home: Path) -> Paths:
    return user_paths()


@pytest.fixture
def make_manager(qtbot: QtBot, paths: Paths, dialogs: ScriptedDialogs) -> Iterator[Make]:
    made: list[QWidget] = []

    def make(settings: Settings | None = None) -> TemplateManager:
        manager = TemplateManager(paths, settings or Settings())
        made.append(manager)
        manager.show()
        qtbot.waitExposed(manager)
        return manager

    yield make
    dialogs.strict = False
    for widget in made:
        for editor in list(widget.editors):  # type: ignore[attr-defined]
            editor.close()
        widget.close()
        widget.deleteLater()


def names(manager: TemplateManager) -> list[tuple[str, str]]:
    items = manager._items()
    return [(item.text(0), item.text(2)) for item in items]


def select(manager: TemplateManager, name: str) -> None:
    for item in manager._items():
        if item.text(0) == name:
            manager.tree.setCurrentItem(item)
            return
    raise AssertionError(name)


def folder_state(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_every_template_is_listed_broken_ones_in_red_with_their_error(
    make_manager: Make, paths: Paths
) -> None:
    paths.templates.mkdir(parents=True)
    (paths.templates / "broken.toml").write_text("name = [", encoding="utf-8")
    manager = make_manager()
    listed = names(manager)
    assert ("Readiness raised", "Built-in") in listed
    assert ("broken", "Your own") in listed
    select(manager, "broken")
    item = manager.tree.currentItem()
    assert item is not None and "Cannot be used" in item.text(4)
    assert item.foreground(0).color().name() == "#b3261e"
    assert not manager.edit_button.isEnabled() and manager.delete_button.isEnabled()
    select(manager, "Readiness raised")
    assert manager.edit_button.isEnabled()
    assert not manager.delete_button.isEnabled() and not manager.rename_button.isEnabled()
    assert not manager.notice.isVisible()


def test_a_good_file_is_imported_and_listed(
    make_manager: Make, paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "shared.toml"
    source.write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(template_manager, "ask_template_file", lambda *_: str(source))
    manager = make_manager()
    changed: list[bool] = []
    manager.library_changed.connect(lambda: changed.append(True))
    manager.import_button.click()
    assert ("Our release", "Your own") in names(manager)
    assert (paths.templates / "our-release.toml").read_text(encoding="utf-8") == GOOD
    current = manager.selected_entry()
    assert current is not None and current.name == "Our release"
    assert changed == [True]


@pytest.mark.parametrize("kind", [*BAD, "too-large"])
def test_a_bad_file_is_refused_with_a_message_and_nothing_changes(
    kind: str, make_manager: Make, paths: Paths, tmp_path: Path, dialogs: ScriptedDialogs
) -> None:
    paths.templates.mkdir(parents=True)
    (paths.templates / "mine.toml").write_text(GOOD.replace("our-release", "mine"), "utf-8")
    before = folder_state(paths.templates)
    source = tmp_path / f"{kind}.toml"
    if kind == "too-large":
        with source.open("wb") as stream:
            stream.truncate(50_000_000)
    else:
        source.write_text(BAD[kind], encoding="utf-8")
    manager = make_manager()
    listed = names(manager)
    assert manager.import_file(str(source)) is None
    errors = dialogs.texts("error")
    assert len(errors) == 1 and errors[0].startswith("Could not import the template")
    assert f"{kind}.toml was not imported" in errors[0]
    assert EXPECTED[kind] in errors[0]
    assert folder_state(paths.templates) == before
    assert names(manager) == listed


def test_a_clash_asks_and_a_rename_asks_for_the_new_name(
    make_manager: Make,
    paths: Paths,
    tmp_path: Path,
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "shared.toml"
    source.write_text(GOOD, encoding="utf-8")
    manager = make_manager()
    manager.import_file(str(source))
    asked: list[str] = []

    def choose(parent: Any, title: str, text: str, choices: list[str], *_: Any) -> int:
        asked.append(f"{title}: {text} {choices}")
        return 0  # Rename…

    monkeypatch.setattr(messages, "choose", choose)
    monkeypatch.setattr(save_as_template, "ask_text", lambda *_: "Our other release")
    imported = manager.import_file(str(source))
    assert imported is not None and imported.name == "Our other release"
    assert "Our release" in asked[0] and "Rename…" in asked[0]
    assert sorted(p.name for p in paths.templates.iterdir()) == [
        "our-release-2.toml",
        "our-release.toml",
    ]
    assert ("Our other release", "Your own") in names(manager)
    assert ("Our release", "Your own") in names(manager)

    monkeypatch.setattr(messages, "choose", lambda *_: 1)  # Replace
    manager.import_file(str(source))
    assert sorted(p.name for p in paths.templates.iterdir()) == [
        "our-release-2.toml",
        "our-release.toml",
    ]
    monkeypatch.setattr(messages, "choose", lambda *_: -1)  # Cancel
    before = folder_state(paths.templates)
    assert manager.import_file(str(source)) is None
    assert folder_state(paths.templates) == before
    assert not dialogs.texts("error")


def test_delete_asks_first(make_manager: Make, paths: Paths, dialogs: ScriptedDialogs) -> None:
    paths.templates.mkdir(parents=True)
    target = paths.templates / "our-release.toml"
    target.write_text(GOOD, encoding="utf-8")
    manager = make_manager()
    select(manager, "Our release")
    dialogs.answers = [Button.No]
    manager.delete_button.click()
    assert target.exists()
    dialogs.answers = [Button.Yes]
    manager.delete_button.click()
    assert not target.exists()
    assert "Delete the template “Our release”?" in dialogs.texts("question")[0]
    assert ("Our release", "Your own") not in names(manager)


def test_export_writes_a_file_another_pressklar_can_import(
    make_manager: Make, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "raised.toml"
    target.parent.mkdir()
    monkeypatch.setattr(template_manager, "ask_export_path", lambda *_: str(target))
    manager = make_manager()
    select(manager, "Readiness raised")
    manager.export_button.click()
    exported = parse_template(target.read_text(encoding="utf-8"))
    original = manager.library.find("readiness-raised-en")
    assert original is not None and original.template is not None
    assert template_to_toml(exported) == template_to_toml(original.template)


def test_rename_and_duplicate(
    make_manager: Make, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    manager = make_manager()
    select(manager, "Readiness raised")
    manager.duplicate_button.click()
    copy = paths.templates / "readiness-raised-en-copy.toml"
    assert copy.exists()
    current = manager.selected_entry()
    assert current is not None and current.name == "Copy of Readiness raised"
    monkeypatch.setattr(template_manager, "ask_text", lambda *_: "Höjd beredskap, vår")
    manager.rename_button.click()
    assert parse_template(copy.read_text(encoding="utf-8")).name == "Höjd beredskap, vår"
    assert ("Höjd beredskap, vår", "Your own") in names(manager)


def test_a_missing_organisation_folder_is_a_notice_and_the_rest_works(
    make_manager: Make, tmp_path: Path
) -> None:
    manager = make_manager(Settings(organisation_folder=str(tmp_path / "gone")))
    assert manager.notice.isVisible()
    assert "Organisation" in manager.notice.text() and "gone" in manager.notice.text()
    assert ("Readiness raised", "Built-in") in names(manager)
    assert manager.target_box.count() == 1  # imports go to the user's own folder


def test_imports_can_go_to_a_writable_organisation_folder(
    make_manager: Make, paths: Paths, tmp_path: Path
) -> None:
    shared = tmp_path / "shared-drive"
    shared.mkdir()
    source = tmp_path / "our.toml"
    source.write_text(GOOD, encoding="utf-8")
    manager = make_manager(Settings(organisation_folder=str(shared)))
    assert not manager.notice.isVisible()
    assert [manager.target_box.itemData(i) for i in range(2)] == [USER, ORGANISATION]
    manager.target_box.setCurrentIndex(1)
    manager.import_file(str(source))
    assert (shared / "our-release.toml").exists() and not paths.templates.exists()
    assert ("Our release", "Organisation") in names(manager)
    library = load_library(paths.templates, str(shared))
    assert [e.source for e in library.entries if e.name == "Our release"] == [ORGANISATION]


def test_edit_opens_the_template_editor(make_manager: Make) -> None:
    manager = make_manager()
    select(manager, "Readiness raised")
    editor = manager.edit_selected()
    assert isinstance(editor, TemplateEditorWindow)
    assert editor.read_only and editor.template is not None
    assert editor.template.source == BUILTIN and editor.isVisible()


def test_the_templates_menu_and_level_sets_from_the_main_window(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    reference_release: Release,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(reference_release)
    actions = window.window_actions
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert [a.text() for a in menus["&Templates"].actions() if a.text()] == [
        "&New Template…",
        "&Edit Template…",
        "&Save as Template…",
        "&Manage Templates…",
        "&Import Template…",
    ]
    edit_menu = [a.text() for a in menus["&Edit"].actions()]
    assert "Contact &Book…" in edit_menu and "&Level Sets…" in edit_menu

    actions.edit_template.trigger()  # the release's built-in template: read only
    [editor] = context.tools
    assert isinstance(editor, TemplateEditorWindow) and editor.read_only
    assert editor.template is not None and editor.template.id == "readiness-ended-sv"
    actions.new_template.trigger()
    assert len(context.tools) == 2 and not context.tools[1].read_only  # type: ignore[attr-defined]

    def save_at_once(dialog: SaveAsTemplateDialog) -> QDialog.DialogCode:
        dialog.name_edit.setText("Vårt avslut")
        dialog.save()
        return QDialog.DialogCode(dialog.result())

    monkeypatch.setattr(SaveAsTemplateDialog, "exec", save_at_once)
    actions.save_as_template.trigger()
    assert context.library().find("user:vart-avslut") is not None  # the library was reloaded
    assert "Vårt avslut" in window.statusBar().currentMessage()

    actions.manage_templates.trigger()
    managers = [t for t in context.tools if isinstance(t, TemplateManager)]
    assert len(managers) == 1 and ("Vårt avslut", "Your own") in names(managers[0])

    def add_a_set(dialog: LevelSetsDialog) -> int:
        dialog.duplicate_current()
        assert dialog.save()
        return 1

    monkeypatch.setattr(LevelSetsDialog, "exec", add_a_set)
    actions.level_sets.trigger()
    assert window.session.render_settings.levels is not None
    assert window.session.render_settings.levels.get("incident-4-copy") is not None
    assert context.levels().get("incident-4-copy") is not None

    for tool in list(context.tools):
        tool.close()
    qtbot.waitUntil(lambda: not context.tools)


def test_the_template_windows_speak_swedish(
    qtbot: QtBot, qapp: QApplication, paths: Paths, reference_release: Release
) -> None:
    translators = install_translators(qapp, "sv")
    try:
        windows: list[QWidget] = [
            TemplateManager(paths, Settings()),
            TemplateEditorWindow(paths, Settings(), None, language="sv"),
            ContactBookWindow(paths.contacts_file),
            SaveAsTemplateDialog(reference_release, paths),
            LevelSetsDialog(paths),
        ]
        titles = [w.windowTitle() for w in windows]
        assert titles == [
            "Hantera mallar",
            "Ny mall[*] — Mallredigerare",
            "Kontaktbok",
            "Spara som mall",
            "Beredskapsskalor",
        ]
        editor = windows[1]
        assert isinstance(editor, TemplateEditorWindow)
        assert editor.model.headerData(0, Qt.Orientation.Horizontal) == "Nyckel"
        for window in windows:
            window.close()
            window.deleteLater()
    finally:
        remove_translators(qapp, translators)


@pytest.mark.parametrize("opened_from_file", [False, True])
def test_edit_template_opens_a_builtin_read_only_for_a_new_and_a_saved_release_alike(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    reference_release: Release,
    context: AppContext,
    paths: Paths,
    tmp_path: Path,
    opened_from_file: bool,
) -> None:
    from editor.storage.releases import load_release, save_release

    release, path = reference_release, ""
    if opened_from_file:
        path = str(tmp_path / "avslut.pressklar")
        save_release(reference_release, path)
        release = load_release(path)
    window = make_window(release, path)
    names_made = []
    for _ in range(2):
        window.window_actions.edit_template.trigger()
        editor = context.tools[-1]
        assert isinstance(editor, TemplateEditorWindow)
        assert editor.read_only and editor.notice.isVisible()
        assert editor.template is not None and editor.template.source == BUILTIN
        assert editor.name_edit.text() == "Beredskapsläge avslutat"
        editor.duplicate_button.click()
        names_made.append(editor.name_edit.text())
        assert not editor.read_only
    assert names_made == [
        "Kopia av Beredskapsläge avslutat",
        "Kopia av Beredskapsläge avslutat (2)",
    ]
    library = load_library(paths.templates)
    user_names = [e.name for e in library.entries if e.source == USER]
    assert sorted(user_names) == sorted(names_made)
    for tool in list(context.tools):
        tool.close()
    qtbot.waitUntil(lambda: not context.tools)


def test_a_template_the_library_lacks_opens_as_a_copy_with_a_name_of_its_own(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    reference_release: Release,
    context: AppContext,
) -> None:
    from dataclasses import replace

    gone = replace(reference_release.template, id="from-a-colleague", path="", source="file")
    window = make_window(replace(reference_release, template=gone))
    window.window_actions.edit_template.trigger()
    editor = context.tools[-1]
    assert isinstance(editor, TemplateEditorWindow) and not editor.read_only
    assert editor.name_edit.text() == "Kopia av Beredskapsläge avslutat"
    editor.setWindowModified(False)
    editor.close()
    qtbot.waitUntil(lambda: not context.tools)


@pytest.mark.parametrize("command", ["edit_template", "manage_templates"])
def test_the_library_is_read_on_a_worker_and_a_command_asked_twice_opens_one_window(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    reference_release: Release,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    """The first read of 1,000 templates in a process froze the window for 140 ms (1.5 s for
    templates never read before); the template manager read them twice as it opened."""
    import threading
    import time

    from PySide6.QtCore import QTimer

    context.paths.templates.mkdir(parents=True, exist_ok=True)
    (context.paths.templates / "ours.toml").write_text(GOOD, encoding="utf-8")
    window = make_window(reference_release)
    real = context.library
    read_on_gui_thread: list[bool] = []

    def slow_library(reload: bool = False) -> Any:
        read_on_gui_thread.append(threading.current_thread() is threading.main_thread())
        time.sleep(0.4)  # a slow share
        return real(reload)

    monkeypatch.setattr(context, "library", slow_library)
    ticks: list[float] = []
    ticker = QTimer()
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
    ticker.start(10)
    action = getattr(window.window_actions, command)
    QTimer.singleShot(100, action.trigger)  # again, meanwhile
    started = time.perf_counter()
    before = len(context.tools)
    action.trigger()
    ticker.stop()
    assert read_on_gui_thread == [False]
    assert len([t for t in ticks if t > started]) >= 15  # the window's timers ran meanwhile
    assert len(context.tools) == before + 1
    tool = context.tools[-1]
    if command == "edit_template":
        assert isinstance(tool, TemplateEditorWindow) and tool.read_only
    else:
        assert isinstance(tool, TemplateManager)
        assert "Our release" in [name for name, _ in names(tool)]
    tool.close()
    qtbot.waitUntil(lambda: len(context.tools) == before)


def test_a_library_read_keeps_its_templates_from_the_collector_and_freezes_no_garbage(
    make_window: Callable[..., MainWindow], reference_release: Release, context: AppContext
) -> None:
    """The GUI thread's collector scanned the templates a worker had just read (30-110 ms at
    1,000); what is frozen is never collected, so the garbage before the read goes first."""
    import gc
    import weakref

    from editor.ui.flows.library_reads import read_library

    class Node:
        pass

    window = make_window(reference_release)
    cycle = Node()
    cycle.me = cycle  # type: ignore[attr-defined]
    gone = weakref.ref(cycle)
    del cycle  # garbage, for the collector only
    frozen_before = gc.get_freeze_count()
    library = read_library(window, context)
    assert library is not None and library.ok()
    assert gone() is None  # collected, not frozen
    assert gc.get_freeze_count() > frozen_before  # the read's templates: out of its sight
    gc.unfreeze()  # the next tests start as they did
