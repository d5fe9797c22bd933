"""Start-up imports the Qt-free core before PySide6 (see ``editor/ui/__init__.py``): PySide6's
``__feature__`` import hook reads the source of every module imported after it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT

# Runs the app until the first preview has painted and prints, in import order, the core and
# library modules that were first imported after PySide6 by then; and which of some Qt classes
# PySide had made Python types for (it makes a type, with its enums, when the class is first
# used).
PROBE = """
import runpy, sys
import editor.ui.application as application

seen = []
present = []
made = []
NOT_TO_START = ("editor.storage.alerts", "editor.render.letterhead", "editor.storage.incidents")
NOT_TO_MAKE = (
    "QStyle", "QGradient", "QWizard", "QMdiArea", "QDockWidget",  # the last three: every widget's
    "QMessageBox", "QListWidget", "QFileDialog",  # named where a box, a thread, a dialog opens
)

def at_first_paint():
    names = list(sys.modules)
    after = names[names.index("PySide6") + 1:]
    wanted = ("editor.model", "editor.render", "editor.storage", "jinja2", "babel", "markdown_it")
    qt_parts = ("editor.render.pdf", "editor.render.fonts")  # these import PySide6 themselves
    seen.extend(n for n in after if n.startswith(wanted) and n not in qt_parts)
    present.extend(n for n in NOT_TO_START if n in sys.modules)
    for module in ("PySide6.QtGui", "PySide6.QtWidgets"):
        made.extend(n for n in NOT_TO_MAKE if n in vars(sys.modules[module]))
    resume()

resume = application._resume_collector
application._resume_collector = at_first_paint
sys.argv = ["main.py", "--exit-when-ready", "--home", sys.argv[1], "--lang", "sv"]
try:
    runpy.run_path("main.py", run_name="__main__")
except SystemExit:
    pass
print("AFTER", " ".join(seen))
print("PRESENT", " ".join(present))
print("MADE", " ".join(made))
"""


def _start(tmp_path: Path) -> dict[str, list[str]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "home")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=True,
    )
    return {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines() if line}


def test_the_first_window_imports_no_core_module_after_pyside6(tmp_path: Path) -> None:
    assert _start(tmp_path)["AFTER"] == []


def test_the_first_window_leaves_export_and_incident_modules_for_later(tmp_path: Path) -> None:
    """CAP alerts, letterheads (zipfile) and incident threads (getpass, socket) wait for the
    first export or for a release in an incident."""
    assert _start(tmp_path)["PRESENT"] == []


def test_the_first_paint_makes_no_qt_type_it_does_not_show(tmp_path: Path) -> None:
    """Each Qt class PySide makes a type for costs its enums: the style's dozen (10 ms, from
    ``style()``), QGradient's (fillRect's overloads), and every widget class at once (20 ms)
    when a widget Python has no object for, such as a scroll area's viewport, reaches it.
    The first paint needs none of them; ``editor.ui.qt_types`` makes them afterwards."""
    assert _start(tmp_path)["MADE"] == []
