"""Start-up imports the Qt-free core before PySide6 (see ``editor/ui/__init__.py``): PySide6's
``__feature__`` import hook reads the source of every module imported after it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT

# Runs the app until the first preview has painted and prints, in import order, the core and
# library modules that were first imported after PySide6 by then.
PROBE = """
import runpy, sys
import editor.ui.application as application

seen = []

def at_first_paint():
    names = list(sys.modules)
    after = names[names.index("PySide6") + 1:]
    wanted = ("editor.model", "editor.render", "editor.storage", "jinja2", "babel", "markdown_it")
    seen.extend(n for n in after if n.startswith(wanted) and n != "editor.render.pdf")
    resume()

resume = application._resume_collector
application._resume_collector = at_first_paint
sys.argv = ["main.py", "--exit-when-ready", "--home", sys.argv[1], "--lang", "sv"]
try:
    runpy.run_path("main.py", run_name="__main__")
except SystemExit:
    pass
print("AFTER", " ".join(seen))
"""


def test_the_first_window_imports_no_core_module_after_pyside6(tmp_path: Path) -> None:
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
    line = next(line for line in result.stdout.splitlines() if line.startswith("AFTER"))
    assert line.split()[1:] == []
