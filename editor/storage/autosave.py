"""Autosave and crash recovery.

Autosave belongs to a window's editing session, not to the release: two windows showing the
same release each have their own autosave file, and one saving or discarding never touches the
other's. While a session has unsaved changes its state is written (atomically) to the autosave
folder as ``SESSION.autosave.json``; a clean save or close removes it.

Whether the window that wrote a file is still alive is told by an OS lock (``SESSION.lock``)
that the session holds from its first write until it ends, and that the operating system
releases when the process dies. So recovery never depends on process ids, which repeat in
containers (the app is PID 1 every run) and after a reboot. At start, every file whose lock
nobody holds is offered for recovery.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from editor.errors import PressklarError, StorageError, os_reason
from editor.model.release import Release, release_to_json
from editor.storage.atomic import atomic_write
from editor.storage.locks import HeldLock, hold, is_held

AUTOSAVE_SUFFIX = ".autosave.json"
LOCK_SUFFIX = ".lock"


@dataclass(frozen=True)
class Recoverable:
    autosave_file: Path
    saved_at: datetime
    original_path: str  # "" for a release never saved
    title: str
    release: Release


class AutosaveSlot:
    """One editing session's autosave: its file, and the lock that says the session lives.

    Not thread-safe by itself: the GUI writes through one worker thread, in order."""

    def __init__(self, autosaver: Autosaver, session_id: str) -> None:
        self._autosaver = autosaver
        self.session_id = session_id
        self._alive: HeldLock | None = None

    @property
    def file(self) -> Path:
        return self._autosaver.file_for(self.session_id)

    def save(self, release: Release, original_path: str = "", title: str = "") -> Path:
        """Write the session's state atomically; StorageError when it cannot be written."""
        if self._alive is None:
            folder = self._autosaver.folder
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StorageError(
                    "autosave.no_folder", folder=str(folder), reason=os_reason(error)
                ) from None
            self._alive = hold(self._autosaver.lock_for(self.session_id))
        envelope = {
            "saved_at": datetime.now().isoformat(timespec="seconds"),
            "session": self.session_id,
            "original_path": original_path,
            "title": title,
            "release": json.loads(release_to_json(release)),
        }
        target = self.file
        atomic_write(target, json.dumps(envelope, ensure_ascii=False), make_dirs=True)
        return target

    def discard(self) -> None:
        """The work is saved or given up: remove the file, then let go of the lock."""
        with contextlib.suppress(OSError):
            self.file.unlink()
        self.close()

    def close(self) -> None:
        """The session ends; a file still there is offered for recovery at the next start."""
        alive, self._alive = self._alive, None
        if alive is not None:
            alive.release()


class Autosaver:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def file_for(self, session_id: str) -> Path:
        return self.folder / f"{session_id}{AUTOSAVE_SUFFIX}"

    def lock_for(self, session_id: str) -> Path:
        return self.folder / f"{session_id}{LOCK_SUFFIX}"

    def new_slot(self) -> AutosaveSlot:
        """The autosave of a new editing session (a window, or another release in it)."""
        return AutosaveSlot(self, uuid.uuid4().hex)

    def recoverable(self) -> list[Recoverable]:
        """Autosaves left by processes that are gone, newest first. Unreadable ones are skipped
        (and kept on disk: nothing is deleted that could still hold someone's work)."""
        from editor.model.release import parse_release

        found: list[Recoverable] = []
        try:
            files = sorted(self.folder.glob(f"*{AUTOSAVE_SUFFIX}"))
        except OSError:
            return []
        for path in files:
            session_id = path.name.removesuffix(AUTOSAVE_SUFFIX)
            if is_held(self.lock_for(session_id)):
                continue  # its window is open, in this process or another
            try:
                envelope: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
                release = parse_release(json.dumps(envelope["release"]), path.name)
                saved_at = datetime.fromisoformat(str(envelope.get("saved_at")))
            except (OSError, ValueError, KeyError, TypeError, PressklarError):
                continue
            found.append(
                Recoverable(
                    autosave_file=path,
                    saved_at=saved_at,
                    original_path=str(envelope.get("original_path") or ""),
                    title=str(envelope.get("title") or ""),
                    release=release,
                )
            )
        return sorted(found, key=lambda r: r.saved_at, reverse=True)

    def remove(self, recoverable: Recoverable) -> None:
        """Forget a recoverable autosave (recovered into a new session, or discarded)."""
        with contextlib.suppress(OSError):
            recoverable.autosave_file.unlink()
        session_id = recoverable.autosave_file.name.removesuffix(AUTOSAVE_SUFFIX)
        lock = self.lock_for(session_id)
        if lock.exists() and not is_held(lock):
            with contextlib.suppress(OSError):
                lock.unlink()
