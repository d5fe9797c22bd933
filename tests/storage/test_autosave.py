from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from editor.model.release import Release
from editor.storage.autosave import Autosaver
from tests.helpers import builtin


def _release() -> Release:
    template = builtin("readiness-ended-sv")
    return Release.new(template, {"headline": "Osparad rubrik"})


def test_autosave_of_a_live_process_is_not_offered(tmp_path: Path) -> None:
    saver = Autosaver(tmp_path)
    release = _release()
    saver.save(release, title="Osparad rubrik")
    assert saver.recoverable() == []  # this very process still runs


def test_autosave_of_a_dead_process_is_offered_and_removable(tmp_path: Path) -> None:
    saver = Autosaver(tmp_path)
    release = _release()
    path = saver.save(release, original_path="/x/a.pressklar", title="Osparad rubrik")
    envelope = json.loads(path.read_text(encoding="utf-8"))
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    envelope["pid"] = int(dead.stdout)
    path.write_text(json.dumps(envelope), encoding="utf-8")
    (tmp_path / "garbage.autosave.json").write_text("{", encoding="utf-8")
    found = saver.recoverable()
    assert len(found) == 1
    assert found[0].release.values["headline"] == "Osparad rubrik"
    assert found[0].original_path == "/x/a.pressklar"
    saver.remove(found[0])
    assert not path.exists()
    assert (tmp_path / "garbage.autosave.json").exists()  # never delete what might be work


def test_discard_removes_the_file(tmp_path: Path) -> None:
    saver = Autosaver(tmp_path)
    release = _release()
    saver.save(release)
    saver.discard(release)
    assert list(tmp_path.iterdir()) == []
