"""Parsed templates, kept so that a library of 1,000 template files is not parsed again on
every listing, nor at every start.

An entry is keyed by the file's path and stamped with its inode, size and modification time: a
file changed in any way (saves replace the file, so even a same-size rewrite gets a new inode)
is parsed again. In memory for the process; on disk in the user cache folder, written
atomically, for the next start. The disk cache is ignored and rebuilt when it is corrupt, was
written by another version of Pressklar or of Python, or describes templates whose shape has
changed since; it holds only templates that loaded without error.
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

CACHE_FORMAT = 1
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
        self._read_disk = file is None
        self._dirty = False

    def get(self, path: Path, source: str, parse: Callable[[], Template]) -> Template:
        """The template of ``source`` at ``path``: cached if the file is unchanged, else
        ``parse()`` (whose errors propagate, and which is not cached then)."""
        self._load_disk()
        key = f"{source}:{path}"
        stamp = stamp_of(path)
        known = self._entries.get(key)
        if stamp is not None and known is not None and known[0] == stamp:
            return known[1]
        template = parse()
        if stamp is not None and stamp == stamp_of(path):  # unchanged while it was parsed
            self._entries[key] = (stamp, template)
            self._dirty = True
        return template

    def forget_missing(self, folder: Path, source: str, listed: set[str]) -> None:
        """Drop the entries of ``folder`` whose files were not ``listed`` (paths) just now."""
        prefix = f"{source}:"
        for key in list(self._entries):
            path = key.removeprefix(prefix)
            if key.startswith(prefix) and path not in listed and Path(path).parent == folder:
                del self._entries[key]
                self._dirty = True

    def _load_disk(self) -> None:
        if self._read_disk:
            return
        self._read_disk = True
        assert self.file is not None
        try:
            if self.file.stat().st_size > MAX_CACHE_BYTES:
                return
            import pickle

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
            self._entries.update(
                (k, v)
                for k, v in entries.items()
                if isinstance(k, str) and isinstance(v, tuple) and isinstance(v[1], Template)
            )

    def save(self) -> None:
        """Write the cache if it changed; a cache that cannot be written is only not kept."""
        if self.file is None or not self._dirty:
            return
        import pickle

        payload = pickle.dumps(
            {"signature": _signature(), "entries": self._entries}, pickle.HIGHEST_PROTOCOL
        )
        with contextlib.suppress(StorageError):
            atomic_write(self.file, payload, make_dirs=True)
            self._dirty = False


_caches: dict[Path | None, TemplateCache] = {}


def template_cache(file: Path | None) -> TemplateCache:
    """The process's cache for ``file`` (None: in memory only)."""
    cache = _caches.get(file)
    if cache is None:
        cache = _caches[file] = TemplateCache(file)
    return cache
