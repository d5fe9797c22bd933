"""`pip install .` must give a working app: resources travel inside the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT


def test_wheel_carries_every_resource(tmp_path: Path) -> None:
    setuptools = pytest.importorskip("setuptools")
    if int(setuptools.__version__.split(".")[0]) < 70:
        pytest.skip("setuptools too old to build from pyproject.toml")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("pressklar-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    source = {
        "pressklar_resources/" + str(p.relative_to(ROOT / "resources"))
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".sh", ".pyc")
    }
    assert source <= names, sorted(source - names)
    modules = {
        str(p.relative_to(ROOT))
        for p in (ROOT / "editor").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert modules <= names, sorted(modules - names)
