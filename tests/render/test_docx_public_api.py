"""The DOCX code uses python-docx's public API only: a private name (``paragraph._p``,
``doc._body``, ``part._rels``) can change in any release without notice."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import ROOT


def _private_uses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
        ):
            found.append(f"{path.name}:{node.lineno} .{node.attr}")
    return found


def _imports_docx(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(
        (isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "docx")
        or (
            isinstance(node, ast.Import) and any(a.name.split(".")[0] == "docx" for a in node.names)
        )
        for node in ast.walk(tree)
    )


def test_no_private_python_docx_names() -> None:
    modules = [p for p in sorted((ROOT / "editor").rglob("*.py")) if _imports_docx(p)]
    assert len(modules) >= 3  # the writer, its numbering and its XML helpers at least
    assert [use for path in modules for use in _private_uses(path)] == []
