"""Autosave and crash recovery.

While a release has unsaved changes its state is written (atomically) to the autosave folder,
one file per open release, keyed by the release's id. A clean save or close removes it. At
start, files left by a process that is no longer running are offered for recovery.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from editor.errors import PressklarError
from editor.model.release import Release, release_to_json
from editor.storage.atomic import atomic_write

AUTOSAVE_SUFFIX = ".autosave.json"


@dataclass(frozen=True)
class Recoverable:
    autosave_file: Path
    saved_at: datetime
    original_path: str  # "" for a release never saved
    title: str
    release: Release


def _pid_alive(pid: int) -> bool:
    if pid <= 0 or pid == os.getpid():
        return pid == os.getpid()
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


class Autosaver:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def file_for(self, release: Release) -> Path:
        return self.folder / f"{release.id}{AUTOSAVE_SUFFIX}"

    def save(self, release: Release, original_path: str = "", title: str = "") -> Path:
        envelope = {
            "saved_at": datetime.now().isoformat(timespec="seconds"),
            "pid": os.getpid(),
            "original_path": original_path,
            "title": title,
            "release": json.loads(release_to_json(release)),
        }
        target = self.file_for(release)
        atomic_write(target, json.dumps(envelope, ensure_ascii=False), make_dirs=True)
        return target

    def discard(self, release: Release) -> None:
        with contextlib.suppress(OSError):
            self.file_for(release).unlink()

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
            try:
                envelope: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
                pid = envelope.get("pid", 0)
                if isinstance(pid, int) and _pid_alive(pid):
                    continue
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
        with contextlib.suppress(OSError):
            recoverable.autosave_file.unlink()
