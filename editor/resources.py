"""The one way to reach bundled resources (templates, level sets, CSS, translations).

They are the package ``pressklar_resources``: the top-level ``resources/`` folder, installed
with the wheel, or mapped onto the checkout by an editable install (``pip install -e .``).
"""

from __future__ import annotations

import functools
import importlib.resources
from importlib.abc import Traversable


@functools.cache
def root() -> Traversable:
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
