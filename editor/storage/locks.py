"""Locks on files that several windows, processes or computers share, through portalocker.

Two kinds, both OS locks that the operating system releases when the process holding them dies
(so a crash never leaves a lock behind, whatever its process id was or is now):

- ``hold``: a lock kept for as long as something is open (a release in a window, a window's
  autosave). The lock file names its owner (user, computer, process, since when), so another
  window or officer can be told who has the file open.
- ``exclusive``: a short critical section around a read-merge-write of a shared file (the
  settings, the contact book), waiting a few seconds for another writer to finish.

Lock files are small JSON files beside what they protect; they are never the data itself.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from editor.errors import StorageError, os_reason

if TYPE_CHECKING:  # imported on first use: it costs start-up 20 ms, and start-up needs no lock
    import portalocker

WAIT_SECONDS = 10.0  # how long a writer waits for another writer's critical section
MAX_OWNER_BYTES = 4096


@dataclass(frozen=True)
class Owner:
    user: str
    host: str
    pid: int
    since: datetime

    @classmethod
    def me(cls) -> Owner:
        try:
            user = getpass.getuser()
        except (OSError, KeyError, ImportError):
            user = ""
        import socket  # here: a lock is first claimed after start-up, which need not import it

        return cls(user, socket.gethostname(), os.getpid(), datetime.now().replace(microsecond=0))

    def to_json(self) -> str:
        return json.dumps(
            {"user": self.user, "host": self.host, "pid": self.pid, "since": self.since.isoformat()}
        )

    @classmethod
    def from_json(cls, text: str) -> Owner | None:
        try:
            data: Any = json.loads(text)
            return cls(
                str(data["user"]),
                str(data["host"]),
                int(data["pid"]),
                datetime.fromisoformat(str(data["since"])),
            )
        except (ValueError, KeyError, TypeError, RecursionError):
            return None


class HeldLock:
    """A lock taken by ``hold``; released by ``release`` or when the process ends."""

    def __init__(self, lock: portalocker.Lock, path: Path, owner: Owner) -> None:
        self._lock: portalocker.Lock | None = lock
        self.path = path
        self.owner = owner

    @property
    def held(self) -> bool:
        return self._lock is not None

    def release(self, *, remove: bool = True) -> None:
        import portalocker

        """Let go; the lock file is removed first (while still held, so nobody else is in
        the middle of taking it) unless ``remove`` is false."""
        lock, self._lock = self._lock, None
        if lock is None:
            return
        if remove:
            with contextlib.suppress(OSError):
                self.path.unlink()
        with contextlib.suppress(portalocker.LockException, OSError):
            lock.release()


def _open_lock(path: Path, timeout: float) -> portalocker.Lock:
    import portalocker

    flags = portalocker.LockFlags.EXCLUSIVE | portalocker.LockFlags.NON_BLOCKING
    return portalocker.Lock(
        str(path), mode="a", timeout=timeout, flags=flags, fail_when_locked=timeout == 0
    )


def _still_at(path: Path, handle: IO[Any]) -> bool:
    try:
        return os.path.samestat(os.fstat(handle.fileno()), os.stat(path))
    except OSError:
        return False


def hold(path: Path, owner: Owner | None = None) -> HeldLock | None:
    """Take the lock at ``path`` for as long as the returned object is kept (until
    ``release``); None when someone else holds it (another window or process, here or on
    another computer sharing the folder). StorageError when the folder cannot be written."""
    import portalocker

    owner = owner or Owner.me()
    for _ in range(3):
        lock = _open_lock(path, 0)
        try:
            handle: IO[Any] = lock.acquire()
        except (portalocker.AlreadyLocked, portalocker.LockException):
            return None
        except OSError as error:
            raise StorageError(
                "lock.cannot_write", path=str(path), reason=os_reason(error)
            ) from None
        if _still_at(path, handle):
            break
        # The file was removed by an owner letting go while we opened it: what we locked is
        # no longer the lock file at ``path``. Try again with the one that is there now.
        with contextlib.suppress(portalocker.LockException, OSError):
            lock.release()
    else:
        return None
    with contextlib.suppress(OSError):
        handle.seek(0)
        handle.truncate()
        handle.write(owner.to_json())
        handle.flush()
    return HeldLock(lock, path, owner)


def is_held(path: Path) -> bool:
    """True when a live process holds the lock at ``path``. Checking never leaves a lock file
    where there was none."""
    if not path.exists():
        return False
    probe = hold(path)
    if probe is None:
        return True
    probe.release(remove=False)
    return False


def owner_of(path: Path) -> Owner | None:
    """Who holds the lock at ``path``, as its lock file says (None when it does not say)."""
    try:
        with path.open("r", encoding="utf-8", errors="replace") as handle:
            return Owner.from_json(handle.read(MAX_OWNER_BYTES))
    except OSError:
        return None


@contextlib.contextmanager
def exclusive(path: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """A critical section around a read-merge-write of a shared file. StorageError when another
    writer keeps it longer than ``wait`` seconds, or the lock file cannot be made."""
    import portalocker

    path.parent.mkdir(parents=True, exist_ok=True)
    lock = _open_lock(path, wait)
    try:
        lock.acquire()
    except (portalocker.AlreadyLocked, portalocker.LockException):
        raise StorageError("lock.busy", file=path.with_suffix("").name) from None
    except OSError as error:
        raise StorageError("lock.cannot_write", path=str(path), reason=os_reason(error)) from None
    try:
        yield
    finally:
        with contextlib.suppress(portalocker.LockException, OSError):
            lock.release()
