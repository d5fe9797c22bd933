"""Release files on disk: atomic saves, and reads that refuse rather than half-read."""

from __future__ import annotations

import os
from pathlib import Path

from editor.model.release import Release, parse_release, release_to_json
from editor.storage.atomic import atomic_write, read_text

MAX_RELEASE_FILE = 20_000_000


def save_release(release: Release, path: str | os.PathLike[str]) -> None:
    atomic_write(path, release_to_json(release))


def load_release(path: str | os.PathLike[str]) -> Release:
    target = Path(path)
    return parse_release(read_text(target, limit=MAX_RELEASE_FILE), target.name)
