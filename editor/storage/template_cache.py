"""Parsed templates, kept so that a library of 1,000 template files is not parsed again on
every listing, nor at every start.

An entry is keyed by the file's path and stamped with its inode, size and modification time: a
file changed in any way (saves replace the file, so even a same-size rewrite gets a new inode)
is parsed again. In memory for the process; on disk in the user cache folder, written
atomically, for the next start. On disk each template is pickled on its own, beside its stamp,
and unpickled when it is first asked for: one ``pickle.loads`` of 1,000 templates is a single
call of about 100 ms, in which a worker reading the library gives the window the GIL rarely;
one template is 0.1 ms. The disk cache is ignored and rebuilt when it is corrupt, was written
by another version of Pressklar or of Python, or describes templates whose shape has changed
since; it holds only templates that loaded without error. An entry that does not unpickle is
parsed again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path

from editor import __version__
from editor.errors import StorageError
from editor.model.fields import FieldDef
from editor.model.template import Template
from editor.storage.atomic import atomic_write

CACHE_FORMAT = 2  # 2: each template pickled on its own
MAX_CACHE_BYTES = 200_000_000

Stamp = tuple[int, int, int]


def _signature() -> str:
    """What a cache must have been written by: this format, this Pressklar, this Python, and
    templates and fields of the same shape (a development change renames a field too)."""
    shape = ",".join(f.name for c in (Template, FieldDef) for f in dataclasses.fields(c))
    return f"{CACHE_FORMAT}|{__version__}|{sys.version_info[:2]}|{shape}"


def stamp_of(path: Path) -> Stamp | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


class TemplateCache:
    """Parsed templates by file path, each valid for one stamp of its file."""

    def __init__(self, file: Path | None = None) -> None:
        self.file = file
        self._entries: dict[str, tuple[Stamp, Template]] = {}
        self._stored: dict[str, tuple[Stamp, bytes]] = {}  # from disk, not unpickled yet
        self._loads: Callable[[bytes], object] = lambda data: None  # pickle's, once read
        self._read_disk = file is None
        self._dirty = False

    def get(self, path: Path, source: str, parse: Callable[[], Template]) -> Template:
        """The template of ``source`` at ``path``: cached if the file is unchanged, else
        ``parse()`` (whose errors propagate, and which is not cached then)."""
        self._load_disk()
        key = f"{source}:{path}"
        stamp = stamp_of(path)
        known = self._entries.get(key) or self._unpickled(key, stamp)
        if stamp is not None and known is not None and known[0] == stamp:
            return known[1]
        template = parse()
        if stamp is not None and stamp == stamp_of(path):  # unchanged while it was parsed
            self._entries[key] = (stamp, template)
            self._dirty = True
        return template

    def _unpickled(self, key: str, stamp: Stamp | None) -> tuple[Stamp, Template] | None:
        """The entry of ``key`` stored on disk, unpickled now if its stamp is still the file's
        (a stale one is dropped unread); None if there is none, or it does not unpickle."""
        stored = self._stored.pop(key, None)
        if stored is None or stored[0] != stamp:
            return None
        try:
            template = self._loads(stored[1])
        except Exception:  # a damaged entry can raise anything: parsed again, not fatal
            return None
        if not isinstance(template, Template):
            return None
        self._entries[key] = (stored[0], template)
        return self._entries[key]

    def forget_missing(self, folder: Path, source: str, listed: set[str]) -> None:
        """Drop the entries of ``folder`` whose files were not ``listed`` (paths) just now."""
        prefix = f"{source}:"
        for kept in (self._entries, self._stored):
            for key in list(kept):
                path = key.removeprefix(prefix)
                if key.startswith(prefix) and path not in listed and Path(path).parent == folder:
                    del kept[key]
                    self._dirty = True

    def _load_disk(self) -> None:
        if self._read_disk:
            return
        self._read_disk = True
        assert self.file is not None
        try:
            if self.file.stat().st_size > MAX_CACHE_BYTES:
                return
            import pickle  # here, not with the module: start-up reads no cache

            self._loads = pickle.loads
            data = pickle.loads(self.file.read_bytes())
        except FileNotFoundError:
            return
        except Exception:  # a corrupt cache can raise anything: it is rebuilt, not fatal
            self._dirty = True
            return
        if not isinstance(data, dict) or data.get("signature") != _signature():
            self._dirty = True
            return
        entries = data.get("entries")
        if isinstance(entries, dict):
            self._stored.update(
                (key, stored)
                for key, stored in entries.items()
                if isinstance(key, str) and _is_stored(stored)
            )

    def save(self) -> None:
        """Write the cache if it changed; a cache that cannot be written is only not kept."""
        if self.file is None or not self._dirty:
            return
        import pickle

        entries = dict(self._stored)  # kept as they came, not unpickled to be pickled again
        for key, (stamp, template) in self._entries.items():
            entries[key] = (stamp, pickle.dumps(template, pickle.HIGHEST_PROTOCOL))
        payload = pickle.dumps(
            {"signature": _signature(), "entries": entries}, pickle.HIGHEST_PROTOCOL
        )
        with contextlib.suppress(StorageError):
            atomic_write(self.file, payload, make_dirs=True)
            self._dirty = False


def _is_stored(stored: object) -> bool:
    """True for a (stamp, pickled template) pair as ``save`` writes them."""
    return (
        isinstance(stored, tuple)
        and len(stored) == 2
        and isinstance(stored[0], tuple)
        and len(stored[0]) == 3
        and all(isinstance(n, int) for n in stored[0])
        and isinstance(stored[1], bytes)
    )


_caches: dict[Path | None, TemplateCache] = {}


def template_cache(file: Path | None) -> TemplateCache:
    """The process's cache for ``file`` (None: in memory only)."""
    cache = _caches.get(file)
    if cache is None:
        cache = _caches[file] = TemplateCache(file)
    return cache
