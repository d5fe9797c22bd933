"""The one way to reach bundled resources (templates, level sets, CSS, translations).

From a source checkout they are the top-level ``resources/`` folder; in an installed wheel the
same folder is the package ``pressklar_resources``.
"""

from __future__ import annotations

import functools
import importlib.resources
from importlib.abc import Traversable
from pathlib import Path


@functools.cache
def root() -> Traversable:
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "main.py").is_file() and (checkout / "resources" / "__init__.py").is_file():
        return checkout / "resources"
    return importlib.resources.files("pressklar_resources")


def path(*parts: str) -> Traversable:
    node = root()
    for part in parts:
        node = node / part
    return node


def read_text(*parts: str) -> str:
    return path(*parts).read_text(encoding="utf-8")


def read_bytes(*parts: str) -> bytes:
    return path(*parts).read_bytes()


def listing(*parts: str, suffix: str = "") -> list[Traversable]:
    """The files of one resource folder, sorted by name, optionally only those ending in suffix."""
    folder = path(*parts)
    if not folder.is_dir():
        return []
    return sorted(
        (f for f in folder.iterdir() if f.is_file() and f.name.endswith(suffix)),
        key=lambda f: f.name,
    )
