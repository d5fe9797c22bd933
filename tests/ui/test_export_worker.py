"""Export of a long release runs on a worker: the window's event loop keeps turning meanwhile,
errors are still shown in words, and the file reads back."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot
from uihelpers import REFERENCE_VALUES, ScriptedDialogs, export_through_dialog, exported_text

from editor.errors import ExportError
from editor.model.release import Release, values_from_json
from editor.render import writers
from editor.ui.context import AppContext
from editor.ui.dialogs.messages import Button
from editor.ui.flows.background import (
    PROGRESS_DELAY_MS,
    PROGRESS_UPDATE_MS,
    Progress,
    run_in_worker,
)
from editor.ui.windows.main_window import MainWindow

PAGE = " ".join(["Akutmottagningarna var öppna hela tiden och ingen patient kom till skada."] * 6)
PAGES = 50


def _long_release(context: AppContext, pages: int) -> Release:
    entry = context.library().find("readiness-ended-sv")
    assert entry is not None and entry.template is not None
    body = "\n\n".join([PAGE] * (7 * pages))  # seven paragraphs of about 450 characters a page
    values, problems = values_from_json(entry.template, {**REFERENCE_VALUES, "consequences": body})
    assert not problems
    return Release.new(entry.template, values)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_50_page_export_keeps_the_event_loop_running(
    tmp_path: Path,
    qtbot: QtBot,
    context: AppContext,
    make_window: Callable[..., MainWindow],
    fmt: str,
) -> None:
    window = make_window(_long_release(context, PAGES))
    seen: dict[str, str] = {}
    target: list[Path] = []
    ticks_while_exporting: list[int] = [0]

    def tick() -> None:
        # after the dialog was accepted (its path known) and before the file is there
        if target and not target[0].exists():
            ticks_while_exporting[0] += 1

    def note_target() -> None:
        if "suggested" in seen and not target:
            target.append(tmp_path / seen["suggested"])

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(note_target)
    timer.timeout.connect(tick)
    timer.start()
    export_through_dialog(window, fmt, tmp_path, seen)
    timer.stop()
    path = tmp_path / seen["suggested"]
    assert "again" not in seen  # written the first time
    assert ticks_while_exporting[0] > 0  # the GUI thread went on running its timers
    assert not any(d.isVisible() for d in window.findChildren(QProgressDialog))  # gone with it
    if fmt == "pdf":
        data = path.read_bytes()
        assert data.startswith(b"%PDF")
        assert len(re.findall(rb"/Type\s*/Page\b", data)) >= PAGES  # one object a page
        return
    text = exported_text(path, fmt)
    assert text.count("ingen patient kom till skada") >= 6 * 7 * PAGES
    assert "Stabsläget avslutat" in text


def test_an_error_on_the_worker_is_shown_in_words_and_the_dialog_comes_back(
    tmp_path: Path,
    qtbot: QtBot,
    context: AppContext,
    dialogs: ScriptedDialogs,
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window(_long_release(context, 2))
    name = f"2018-09-25 Stabsläget avslutat{writers.extension('html')}"
    (tmp_path / name).mkdir()  # a folder where the file would go: the write fails on the worker
    dialogs.answers = [Button.Yes]  # "Replace the file?"
    seen: dict[str, str] = {}
    export_through_dialog(window, "html", tmp_path, seen)
    assert seen["again"] == name  # the dialog came back with the same name
    [error] = dialogs.texts("error")
    assert error.startswith("Could not export the release: ") and name in error
    assert "Traceback" not in error
    assert (tmp_path / name).is_dir()


def test_run_in_worker_gives_the_result_or_raises_the_error_again(qtbot: QtBot) -> None:
    assert run_in_worker(None, "…", lambda: 6 * 7) == 42

    def fails() -> bytes:
        raise ExportError("export.unknown_format", name="abc", formats="html")

    with pytest.raises(ExportError) as raised:
        run_in_worker(None, "…", fails)
    assert "abc" in raised.value.text()


def test_slow_work_shows_a_progress_dialog_until_it_is_done(qtbot: QtBot) -> None:
    done = threading.Event()
    shown: list[str] = []

    def look() -> None:
        shown.extend(
            widget.labelText()
            for widget in QApplication.topLevelWidgets()
            if isinstance(widget, QProgressDialog) and widget.isVisible()
        )
        done.set()

    QTimer.singleShot(PROGRESS_DELAY_MS * 2, look)
    assert run_in_worker(None, "Exporting…", lambda: done.wait(10) and "done") == "done"
    assert shown == ["Exporting…"]
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.isVisible()
    ]


def test_work_that_tells_how_far_it_has_come_shows_it_in_the_bar(qtbot: QtBot) -> None:
    progress = Progress()
    told, done = threading.Event(), threading.Event()
    bars: list[tuple[int, int]] = []

    def work() -> str:
        progress(3, 10)  # page 3 of 10, say
        told.set()
        done.wait(10)
        return "done"

    def look() -> None:
        bars.extend(
            (widget.value(), widget.maximum())
            for widget in QApplication.topLevelWidgets()
            if isinstance(widget, QProgressDialog) and widget.isVisible()
        )
        done.set()

    QTimer.singleShot(PROGRESS_DELAY_MS + 3 * PROGRESS_UPDATE_MS, look)
    assert run_in_worker(None, "Exporting…", work, progress) == "done"
    assert told.is_set() and bars == [(3, 10)]  # busy (0 of 0) until then


def test_a_long_pdf_export_shows_its_pages_in_the_bar(
    tmp_path: Path,
    context: AppContext,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from editor.ui.flows import background

    monkeypatch.setattr(background, "PROGRESS_DELAY_MS", 0)  # however fast the machine
    monkeypatch.setattr(background, "PROGRESS_UPDATE_MS", 5)
    window = make_window(_long_release(context, PAGES))
    bars: list[tuple[int, int]] = []

    def look() -> None:
        bars.extend(
            (widget.value(), widget.maximum())
            for widget in window.findChildren(QProgressDialog)
            if widget.isVisible()
        )

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(5)
    export_through_dialog(window, "pdf", tmp_path, {})
    timer.stop()
    counted = [bar for bar in bars if bar[1] > 0]
    assert counted, bars  # the bar counted pages, not only busy
    pages = counted[-1][1]
    assert pages >= PAGES and all(0 <= value <= pages for value, _ in counted)


def test_the_warm_up_imports_what_the_first_export_needs() -> None:
    probe = (
        "import sys\n"
        "from editor.ui.warm_up import MODULES, warm_up\n"
        "before = 'docx' in sys.modules\n"
        "warm_up().join()\n"
        "print(before, all(name in sys.modules for name in MODULES))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == ["False", "True"]


def test_a_window_closed_before_the_progress_dialog_shows_closes_after_the_export(
    tmp_path: Path,
    qtbot: QtBot,
    context: AppContext,
    make_window: Callable[..., MainWindow],
) -> None:
    """Was: closing the window in the moment before the progress dialog appears closed it (and,
    in the app, destroyed it) while the export flow still went on using it."""
    window = make_window(_long_release(context, PAGES))
    visible_when_exported: list[bool] = []
    window.exports.exported.connect(lambda _: visible_when_exported.append(window.isVisible()))
    closing: list[bool] = []

    def close_once_the_file_is_being_made() -> None:
        # past the export dialog, the file being made, no progress dialog yet
        if window.exports._busy and QApplication.activeModalWidget() is None:
            closing.append(window.close())
            return
        if not closing:
            QTimer.singleShot(1, close_once_the_file_is_being_made)

    QTimer.singleShot(0, close_once_the_file_is_being_made)
    seen: dict[str, str] = {}
    export_through_dialog(window, "pdf", tmp_path, seen)
    assert closing == [False]  # held back while the release was exported
    assert visible_when_exported == [True]  # the flow finished with its window there
    assert (tmp_path / seen["suggested"]).read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: not window.isVisible())  # and then the close asked for happened
