"""DESIGN.md: model/, render/ and storage/ never import PySide6, so every export runs headless."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT

PROBE = """
import importlib, pkgutil, sys
import editor, editor.cli
for name in ("editor.model", "editor.render", "editor.storage"):
    package = importlib.import_module(name)
    for info in pkgutil.walk_packages(package.__path__, name + "."):
        if info.name in ("editor.render.pdf", "editor.render.fonts"):
            continue  # the one writer that needs QtGui, and its fonts, kept apart on purpose
        importlib.import_module(info.name)
print(sorted(m for m in sys.modules if m.startswith("PySide6")))
"""


def test_core_packages_do_not_import_pyside6() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == "[]"


def test_rendering_a_release_does_not_import_python_docx_until_asked() -> None:
    probe = (
        "import sys\n"
        "from editor.render.engine import render_document\n"
        "from editor.render import writers\n"
        "from tests.helpers import builtin\n"
        "t = builtin('readiness-ended-sv')\n"
        "writers.get('html').write(render_document(t, {}))\n"
        "print('docx' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == "False"
