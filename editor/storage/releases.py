"""Release files on disk: atomic saves, reads that refuse rather than half-read, and the mark
that says a release is open in a window (here or on another computer sharing the folder)."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from editor.i18n import Message
from editor.model.release import Release, parse_release, release_to_json
from editor.storage.atomic import atomic_write, read_text
from editor.storage.locks import HeldLock, Owner, hold, owner_of

MAX_RELEASE_FILE = 20_000_000


def save_release(release: Release, path: str | os.PathLike[str]) -> None:
    atomic_write(path, release_to_json(release))


def load_release(path: str | os.PathLike[str]) -> Release:
    target = Path(path)
    return parse_release(read_text(target, limit=MAX_RELEASE_FILE), target.name)


def open_lock_path(path: str | os.PathLike[str]) -> Path:
    """The lock file that marks ``path`` as open: hidden, beside it (``.~NAME.lock``), so every
    computer sharing the folder sees it."""
    target = Path(path)
    return target.with_name(f".~{target.name}.lock")


def open_elsewhere(name: str, owner: Owner | None) -> Message:
    """ "NAME is open on HOST by USER since 14.05": who has a release open (``claim_release``)."""
    if owner is None:
        return Message("release.open_elsewhere_unknown", {"file": name})
    today = owner.since.date() == datetime.now().date()
    since = owner.since.strftime("%H.%M" if today else "%Y-%m-%d %H.%M")
    return Message(
        "release.open_elsewhere",
        {"file": name, "host": owner.host or "?", "user": owner.user or "?", "since": since},
    )


def claim_release(path: str | os.PathLike[str]) -> tuple[HeldLock | None, Owner | None]:
    """Mark ``path`` as open by this window, for as long as the lock is held (the system lets go
    of it when the process ends, so a crash leaves no stale mark).

    ``(lock, None)`` when it was free; ``(None, owner)`` when another window or officer has it
    open (``owner`` None when the lock file does not say who). StorageError when the folder
    cannot be written at all, which only means nobody can be told, so callers may go on.
    """
    lock_path = open_lock_path(path)
    held = hold(lock_path)
    if held is not None:
        return held, None
    return None, owner_of(lock_path)
