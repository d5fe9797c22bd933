"""Autosave belongs to an editing session; whether its writer lives is an OS lock, not a
process id."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from editor.model.release import Release
from editor.storage.autosave import Autosaver
from tests.helpers import ROOT, builtin


def _release(headline: str = "Osparad rubrik") -> Release:
    template = builtin("readiness-ended-sv")
    return Release.new(template, {"headline": headline})


def test_an_autosave_whose_session_lives_is_not_offered(tmp_path: Path) -> None:
    slot = Autosaver(tmp_path).new_slot()
    slot.save(_release(), title="Osparad rubrik")
    assert Autosaver(tmp_path).recoverable() == []  # its session holds the lock
    slot.close()
    (found,) = Autosaver(tmp_path).recoverable()
    assert found.title == "Osparad rubrik"


def test_an_autosave_of_a_process_that_died_is_offered_and_removable(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import os, sys
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from editor.model.release import Release
        from editor.storage.autosave import Autosaver
        from tests.helpers import builtin
        release = Release.new(builtin("readiness-ended-sv"), {{"headline": "Osparad rubrik"}})
        Autosaver(Path({str(tmp_path)!r})).new_slot().save(release, "/x/a.pressklar", "T")
        os._exit(0)  # no clean shutdown: the lock goes with the process
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    (tmp_path / "garbage.autosave.json").write_text("{", encoding="utf-8")
    saver = Autosaver(tmp_path)
    (found,) = saver.recoverable()
    assert found.release.values["headline"] == "Osparad rubrik"
    assert found.original_path == "/x/a.pressklar"
    saver.remove(found)
    assert not found.autosave_file.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["garbage.autosave.json"]  # kept: maybe work


def test_two_sessions_of_one_release_have_two_files(tmp_path: Path) -> None:
    saver = Autosaver(tmp_path)
    release = _release()
    one, two = saver.new_slot(), saver.new_slot()
    one.save(release.with_values({"headline": "Ett"}))
    two.save(release.with_values({"headline": "Två"}))
    one.discard()
    assert not one.file.exists() and two.file.exists()
    two.close()
    (left,) = saver.recoverable()
    assert left.release.values["headline"] == "Två"


def test_discard_removes_the_file_and_the_lock(tmp_path: Path) -> None:
    slot = Autosaver(tmp_path).new_slot()
    slot.save(_release())
    slot.discard()
    assert list(tmp_path.iterdir()) == []
