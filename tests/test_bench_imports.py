"""The benchmarks are not run in CI (their figures are not pass/fail), so a name they import
from the app can go away unnoticed: every ``from editor… import name`` in ``bench/`` must
still name something in its module."""

from __future__ import annotations

import ast
import importlib
import importlib.util
from pathlib import Path

import pytest

from tests.helpers import ROOT

BENCHES = sorted((ROOT / "bench").glob("*.py"))


def imported_names(path: Path) -> list[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.module, alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("editor")
        for alias in node.names
    ]


@pytest.mark.parametrize("bench", BENCHES, ids=lambda path: path.name)
def test_what_a_benchmark_imports_from_the_app_is_there(bench: Path) -> None:
    missing = [
        f"{module}.{name}"
        for module, name in imported_names(bench)
        if not hasattr(importlib.import_module(module), name)
        and importlib.util.find_spec(f"{module}.{name}") is None
    ]
    assert not missing, missing


def test_there_are_benchmarks() -> None:
    assert len(BENCHES) >= 8
