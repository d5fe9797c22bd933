"""Autosave and crash recovery, for real: a separate process types, is killed with SIGKILL, and
the next start offers what it typed."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from uihelpers import type_text

from editor.model.release import Release
from editor.storage.autosave import Autosaver
from editor.storage.settings import Settings, save_settings
from editor.ui.application import offer_recovery
from editor.ui.context import AppContext
from editor.ui.dialogs.recovery_dialog import RecoveryDialog
from editor.ui.windows.main_window import MainWindow

DRIVER = Path(__file__).with_name("autosave_driver.py")
ROOT = Path(__file__).resolve().parents[2]
TYPED = "Storm over Kronoberg"


def left_behind(autosaver: Autosaver, release: Release, title: str) -> Path:
    """An autosave as a window that is gone left it: written, its lock let go."""
    slot = autosaver.new_slot()
    path = slot.save(release, "", title)
    slot.close()
    return path


def _autosaves(context: AppContext) -> list[Path]:
    folder = context.paths.autosave
    return sorted(folder.glob("*.autosave.json")) if folder.exists() else []


def _wait_for_line(process: subprocess.Popen[str], seconds: float) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], seconds)
    assert ready, "the app process did not start typing in time"
    return process.stdout.readline().strip()


def _can_use_pid_namespaces() -> bool:
    try:
        probe = subprocess.run(
            [*PID_NAMESPACE, "true"], capture_output=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return probe.returncode == 0


# The app as PID 1 of a namespace of its own, as in a container; --kill-child: it dies with us.
PID_NAMESPACE = ["unshare", "--pid", "--fork", "--mount-proc", "--kill-child"]


def _run_and_kill(home: Path, delay: float, prefix: tuple[str, ...] = ()) -> None:
    env = {**os.environ, "PRESSKLAR_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [*prefix, sys.executable, str(DRIVER), "headline", TYPED],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert _wait_for_line(process, 60) == "typed"
        time.sleep(delay + 1.5)  # past the autosave delay, no clean exit
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    assert process.returncode == -signal.SIGKILL


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_what_was_typed_before_a_kill_is_recovered_at_the_next_start(
    qtbot: QtBot,
    pressklar_home: Path,
    context: AppContext,
    make_window: Callable[..., MainWindow],
) -> None:
    save_settings(
        Settings(last_template="general-sv", autosave_seconds=1.0), context.paths.settings_file
    )
    _run_and_kill(pressklar_home, delay=1.0)

    restarted = AppContext.load("sv")
    (offered,) = restarted.autosaver().recoverable()
    assert offered.release.values["headline"] == TYPED
    window = make_window(Release.new(restarted.library().find("general-sv").template))  # type: ignore[union-attr]
    rows: list[list[str]] = []

    def recover() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RecoveryDialog)
        for index in range(dialog.tree.topLevelItemCount()):
            item = dialog.tree.topLevelItem(index)
            assert item is not None
            rows.append([item.text(column) for column in range(3)])
        dialog.accept()

    QTimer.singleShot(0, recover)
    offer_recovery(restarted, window)
    assert rows[0][0] == TYPED and rows[0][1] == "never saved" and rows[0][2]
    assert window.form is not None
    assert window.form.values()["headline"] == TYPED
    assert window.isWindowModified()
    window.autosave.write_now().result()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: len(_autosaves(restarted)) == 1)
    (kept,) = _autosaves(restarted)
    assert kept != offered.autosave_file  # this window's own now, and alive
    assert restarted.autosaver().recoverable() == []


@pytest.mark.skipif(not _can_use_pid_namespaces(), reason="needs unshare and PID namespaces")
def test_an_app_that_was_pid_1_of_its_container_is_recovered(
    pressklar_home: Path, context: AppContext
) -> None:
    """The old check asked whether the writer's process id still ran; as PID 1 of a container
    it always "did". The lock the dead window held says otherwise."""
    save_settings(
        Settings(last_template="general-sv", autosave_seconds=1.0), context.paths.settings_file
    )
    _run_and_kill(pressklar_home, delay=1.0, prefix=tuple(PID_NAMESPACE))
    autosaver = AppContext.load("sv").autosaver()
    deadline = time.monotonic() + 10  # the namespace's PID 1 dies just after unshare itself
    while not (found := autosaver.recoverable()) and time.monotonic() < deadline:
        time.sleep(0.1)
    (offered,) = found
    assert offered.release.values["headline"] == TYPED


def test_two_windows_of_one_release_keep_their_own_autosaves(
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: object,
    tmp_path: Path,
) -> None:
    first, second = make_window(reference_release), make_window(reference_release)
    for window, typed in ((first, " – ett"), (second, " – två")):
        assert window.form is not None
        type_text(qtbot, window.form.field_editor("headline"), typed)
        window.session.update_now()
        window.autosave.write_now().result()  # type: ignore[union-attr]
    files = _autosaves(context)
    titles = sorted(json.loads(f.read_text(encoding="utf-8"))["title"] for f in files)
    assert titles == ["Stabsläget avslutat – ett", "Stabsläget avslutat – två"]
    assert context.autosaver().recoverable() == []  # both windows live

    dialogs.paths.append(str(tmp_path / "ett.pressklar"))  # type: ignore[attr-defined]
    first.window_actions.save.trigger()  # saving one window leaves the other's work alone
    qtbot.waitUntil(lambda: len(_autosaves(context)) == 1)
    (left,) = _autosaves(context)
    assert json.loads(left.read_text(encoding="utf-8"))["title"] == "Stabsläget avslutat – två"


def test_autosave_writes_a_few_seconds_after_an_edit_and_save_removes_it(
    tmp_path: Path,
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: object,
) -> None:
    context.settings.autosave_seconds = 0.3
    window = make_window(reference_release)
    assert window.form is not None
    type_text(qtbot, window.form.field_editor("headline"), " – nu")
    assert _autosaves(context) == []  # not on the keystroke
    qtbot.waitUntil(lambda: bool(_autosaves(context)), timeout=5000)
    qtbot.wait(100)
    (file,) = _autosaves(context)
    envelope = json.loads(file.read_text(encoding="utf-8"))
    assert envelope["release"]["values"]["headline"] == "Stabsläget avslutat – nu"
    assert envelope["title"] == "Stabsläget avslutat – nu"

    dialogs.paths.append(str(tmp_path / "sparad.pressklar"))  # type: ignore[attr-defined]
    window.window_actions.save.trigger()
    qtbot.waitUntil(lambda: _autosaves(context) == [], timeout=5000)


def test_unticked_releases_are_deleted_and_decide_later_keeps_all(
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
) -> None:
    autosaver = context.autosaver()
    first = Release.new(reference_release.template, {"headline": "Första"})
    second = Release.new(reference_release.template, {"headline": "Andra"})
    for release in (first, second):
        left_behind(autosaver, release, release.values["headline"])
    window = make_window(reference_release)

    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())  # type: ignore[union-attr]
    offer_recovery(context, window)
    assert len(autosaver.recoverable()) == 2

    def keep_only_first() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RecoveryDialog)
        titles = [dialog.tree.topLevelItem(i).text(0) for i in range(2)]  # type: ignore[union-attr]
        dialog.set_checked(titles.index("Andra"), False)
        dialog.accept()

    QTimer.singleShot(0, keep_only_first)
    offer_recovery(context, window)
    assert window.form is not None and window.form.values()["headline"] == "Första"
    qtbot.waitUntil(lambda: autosaver.recoverable() == [])  # Första now belongs to this process
    files = _autosaves(context)
    assert [json.loads(f.read_text(encoding="utf-8"))["title"] for f in files] == ["Första"]


def test_several_recovered_releases_open_in_windows_of_their_own(
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
) -> None:
    autosaver = context.autosaver()
    for headline in ("Första", "Andra"):
        release = Release.new(reference_release.template, {"headline": headline})
        left_behind(autosaver, release, headline)
    window = make_window(Release.new(reference_release.template))
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().accept())  # type: ignore[union-attr]
    offer_recovery(context, window)
    (other,) = context.windows
    assert isinstance(other, MainWindow) and other.isVisible()
    headlines = {w.form.values()["headline"] for w in (window, other) if w.form is not None}
    assert headlines == {"Första", "Andra"}
    assert other.isWindowModified() and window.isWindowModified()
    other.session.load(reference_release)  # nothing unsaved: closes without a question
    other.close()


def test_an_autosave_that_cannot_be_written_shows_in_the_status_bar(
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
) -> None:
    context.paths.state.parent.mkdir(parents=True, exist_ok=True)
    context.paths.state.write_text("not a folder", encoding="utf-8")
    window = make_window(reference_release)
    assert window.form is not None
    type_text(qtbot, window.form.field_editor("headline"), "!")
    window.autosave.write_now().result()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "Autosave failed" in window.statusBar().currentMessage())
    assert window.isWindowModified()
