"""Qt's Python classes are made ahead in slices (see editor.ui.qt_types): every class of the
app's Qt modules in the end, a class at least per call, and nothing left after."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

from editor.ui import qt_types
from tests.helpers import ROOT


def test_every_class_is_made_in_slices_and_then_nothing_is_left() -> None:
    calls = 0
    while not qt_types.make_some(0.0):  # one class a call at the least
        calls += 1
        assert calls < 5000
    assert qt_types.make_some(0.0)
    for name in qt_types.MODULES:
        module = importlib.import_module(name)
        assert all(
            isinstance(getattr(module, attribute), type) or callable(getattr(module, attribute))
            for attribute in dir(module)
            if attribute.startswith("Q")
        )


PROBE = """
import enum, sys, time
from PySide6.QtWidgets import QApplication
app = QApplication([])
from editor.model.release import Release
from editor.ui.context import AppContext
from editor.ui.windows.main_window import MainWindow
made = []
original = enum.EnumType._create_
def counted(cls, name, *args, **kwargs):
    made.append(name)
    return original(cls, name, *args, **kwargs)
enum.EnumType._create_ = counted
context = AppContext.load("sv")
window = MainWindow(context, Release.new(context.library().find("readiness-raised-sv").template))
window.resize(1200, 760)
window.show()
deadline = time.monotonic() + 20
while window._shortcuts is None and time.monotonic() < deadline:
    app.processEvents()
assert window._shortcuts is not None, "the window's filters never went on"
before = len(made)
window.form.finish_building()
for _ in range(50):  # events for every kind of object reach the filters now
    app.processEvents()
    time.sleep(0.002)
print(before > 0, made[before:])
"""


def test_the_windows_filters_go_on_once_the_classes_are_made(tmp_path: Path) -> None:
    """The filters' first event would make every class not yet made, in one go (30-45 ms of
    frozen window right after the first paint): they go on once the slices have made them."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PRESSKLAR_HOME": str(tmp_path)},
        timeout=120,
        check=True,
    )
    assert result.stdout.split("\n")[0] == "True []"
