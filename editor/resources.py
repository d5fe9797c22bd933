"""The one way to reach bundled resources (templates, level sets, CSS, translations).

They are the package ``pressklar_resources``: the top-level ``resources/`` folder, installed
with the wheel, or mapped onto the checkout by an editable install (``pip install -e .``).
Either way it is a folder of files (pyproject's package-data), so its files are reached from the
package's own folder: ``importlib.resources`` would give the same paths, and costs some 8 ms of
imports before the first window.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pressklar_resources


@functools.cache
def root() -> Path:
    return Path(pressklar_resources.__file__).resolve().parent


def path(*parts: str) -> Path:
    node = root()
    for part in parts:
        node = node / part
    return node


def read_text(*parts: str) -> str:
    return path(*parts).read_text(encoding="utf-8")


def read_bytes(*parts: str) -> bytes:
    return path(*parts).read_bytes()


def listing(*parts: str, suffix: str = "") -> list[Path]:
    """The files of one resource folder, sorted by name, optionally only those ending in suffix."""
    folder = path(*parts)
    if not folder.is_dir():
        return []
    return sorted(
        (f for f in folder.iterdir() if f.is_file() and f.name.endswith(suffix)),
        key=lambda f: f.name,
    )
