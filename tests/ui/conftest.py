"""GUI test fixtures: a context in the test's own folder, the reference release, windows, and
scripted answers for every message box and file chooser (so no modal dialog ever blocks)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from uihelpers import REFERENCE_VALUES, ScriptedDialogs, template_named

from editor.model.release import Release, values_from_json
from editor.ui.context import AppContext
from editor.ui.dialogs import file_dialogs, messages
from editor.ui.windows.main_window import MainWindow


@pytest.fixture(autouse=True)
def empty_clipboard_afterwards(qapp: QApplication) -> Iterator[None]:
    """Qt's offscreen platform crashes at interpreter exit while its clipboard holds mime data
    (a real X11 or Wayland session does not): leave it empty after each test."""
    yield
    qapp.clipboard().clear()


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> ScriptedDialogs:
    script = ScriptedDialogs()

    def shower(kind: str) -> Callable[..., None]:
        def show(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
            script.shown.append((kind, title, f"{text} {details}".strip()))

        return show

    def question(parent: QWidget | None, title: str, text: str, *_: Any, **__: Any) -> Any:
        return script.next_answer(title, text)

    for kind in ("info", "warn", "error"):
        monkeypatch.setattr(messages, kind, shower(kind))
    monkeypatch.setattr(messages, "question", question)
    for name in (
        "ask_open_release",
        "ask_save_release",
        "ask_export_path",
        "ask_folder",
        "ask_letterhead",
    ):
        monkeypatch.setattr(file_dialogs, name, script.next_path)
    return script


@pytest.fixture
def context(pressklar_home: Path) -> Iterator[AppContext]:
    made = AppContext.load("en")
    yield made
    made.close_pdf_helper()


@pytest.fixture
def reference_release(context: AppContext) -> Release:
    template = template_named(context, "readiness-ended-sv")
    values, problems = values_from_json(template, REFERENCE_VALUES)
    assert not problems
    return Release.new(template, values)


@pytest.fixture
def make_window(
    qtbot: QtBot, context: AppContext, dialogs: ScriptedDialogs
) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []

    def make(release: Release, path: str = "", modified: bool = False) -> MainWindow:
        window = MainWindow(context, release, path, modified)
        windows.append(window)
        with (
            qtbot.waitSignal(window.session.findings_changed, raising=False),
            qtbot.waitSignal(window.preview.first_painted),  # then its checks run
        ):
            window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    dialogs.strict = False  # closing at teardown discards whatever a test left unsaved
    for window in windows:
        window.close()
        window.deleteLater()
