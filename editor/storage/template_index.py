"""The library as the New dialog lists it: each template's id, name, language and description,
kept in a small index in the cache folder, so that listing 1,000 templates reads one JSON file
and looks at each file's stamp, without parsing or unpickling one template. The template itself
is read when one is chosen (``load_listed``).

A row is valid for one stamp of its file (inode, size, modification time, as the parsed-template
cache): a file changed in any way is parsed again. A file that does not load is not indexed but
parsed at each listing (rare, and its error must stay current). An index that is corrupt, too
large, or written by another format or version of Pressklar is ignored and rebuilt.

One listing runs at a time in a process. The app's warm-up lists the library on its thread after
the first paint (``editor.ui.warm_up``), so that the first New dialog finds the index up to date
even when nothing was indexed yet (1,000 new templates: 1.7 s of parsing). A New dialog asked for
meanwhile (which lists on a worker of its own, ``editor.ui.flows.library_reads``) waits for
it, then lists from the rows it left in memory, instead of parsing the same files beside it.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from editor import __version__, resources
from editor.errors import PressklarError, StorageError
from editor.i18n import Message
from editor.storage.atomic import atomic_write
from editor.storage.library import (
    BUILTIN,
    ORGANISATION,
    TEMPLATE_SUFFIX,
    USER,
    LibraryEntry,
    find_entry,
    load_file_entry,
    template_files,
)
from editor.storage.template_cache import Stamp, stamp_of

INDEX_FORMAT = 2
MAX_INDEX_BYTES = 50_000_000
_COLUMNS = ("key", "source", "path", "id", "name", "language", "description")  # in order


@dataclass(frozen=True)
class ListedTemplate:
    """One template file as the picker lists it; ``error`` is why it cannot be used."""

    key: str
    source: str
    path: str  # the file; a built-in one's resource name
    id: str = ""
    name: str = ""
    language: str = ""
    description: str = ""
    error: PressklarError | None = None

    @property
    def usable(self) -> bool:
        return self.error is None


@dataclass
class Listing:
    entries: list[ListedTemplate] = field(default_factory=list)
    source_errors: dict[str, Message] = field(default_factory=dict)  # source -> why unusable

    def find(self, wanted: str) -> ListedTemplate | None:
        """By key, else by bare id (built-in first, then user, then organisation)."""
        return find_entry(self.entries, wanted, lambda e: e.id if e.usable else "")


def _listed(entry: LibraryEntry) -> ListedTemplate:
    template = entry.template
    if template is None:
        error = entry.error
        return ListedTemplate(entry.key, entry.source, entry.path, name=entry.name, error=error)
    return ListedTemplate(
        entry.key,
        entry.source,
        entry.path,
        template.id,
        template.name,
        template.language,
        template.description,
    )


# The rows of each index file as this process last read or wrote it, with the file's stamp
# then: the next listing in the process need not decode the file again while it is unchanged.
_read_before: dict[Path, tuple[Stamp | None, dict[str, tuple[Stamp, ListedTemplate]]]] = {}
_one_listing = threading.Lock()  # see the module's docstring


class _Index:
    """The rows on disk by "source:file", each with the stamp it is valid for."""

    def __init__(self, file: Path | None) -> None:
        self.file = file
        self.rows: dict[str, tuple[Stamp, ListedTemplate]] = {}
        self.dirty = False
        self.seen: set[str] = set()
        if file is not None:
            kept = _read_before.get(file)
            if kept is not None and kept[0] is not None and kept[0] == stamp_of(file):
                self.rows = dict(kept[1])  # read (or written) by this process, unchanged since
            else:
                self._read(file)
                self._keep()

    def _keep(self) -> None:
        """Remember the rows as the index file now has them, for the next listing."""
        if self.file is not None:
            _read_before[self.file] = (stamp_of(self.file), dict(self.rows))

    def _read(self, file: Path) -> None:
        try:
            if file.stat().st_size > MAX_INDEX_BYTES:
                self.dirty = True
                return
            data = json.loads(file.read_text(encoding="utf-8"))
            if data.get("format") != INDEX_FORMAT or data.get("version") != __version__:
                self.dirty = True
                return
            for key, row in data["rows"].items():  # [inode, size, mtime, *_COLUMNS]
                ino, size, mtime, *text = row
                if len(text) != len(_COLUMNS) or not all(isinstance(t, str) for t in text):
                    raise ValueError(key)
                listed = ListedTemplate(*text)
                self.rows[str(key)] = ((int(ino), int(size), int(mtime)), listed)
        except FileNotFoundError:
            return
        except Exception:  # a corrupt index can raise anything: it is rebuilt, not fatal
            self.rows.clear()
            self.dirty = True

    def entry(
        self, source: str, file: Path | None, load: Callable[[], LibraryEntry]
    ) -> ListedTemplate:
        """The row of ``file`` if its stamp is unchanged, else ``load()``ed (and indexed when it
        loaded); ``file`` None: not a file on disk (a zipped install), always loaded."""
        if file is None:
            return _listed(load())
        key = f"{source}:{file}"
        self.seen.add(key)
        stamp = stamp_of(file)
        known = self.rows.get(key)
        if stamp is not None and known is not None and known[0] == stamp:
            return known[1]
        listed = _listed(load())
        if listed.usable and stamp is not None and stamp == stamp_of(file):
            self.rows[key] = (stamp, listed)
            self.dirty = True
        elif known is not None:
            del self.rows[key]
            self.dirty = True
        return listed

    def save(self) -> None:
        """Write the index if it changed (rows of files gone dropped); a failure only means
        the next listing parses again."""
        gone = set(self.rows) - self.seen
        for key in gone:
            del self.rows[key]
        if self.file is None or not (self.dirty or gone):
            return
        rows: dict[str, Any] = {
            key: [*stamp, *(getattr(listed, name) for name in _COLUMNS)]
            for key, (stamp, listed) in self.rows.items()
        }
        data = {"format": INDEX_FORMAT, "version": __version__, "rows": rows}
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        with contextlib.suppress(StorageError):
            atomic_write(self.file, payload.encode("utf-8"), make_dirs=True)
            self.dirty = False
            self._keep()


def _builtin_resource(name: str) -> Any:
    return next(
        (r for r in resources.listing("templates", suffix=TEMPLATE_SUFFIX) if r.name == name),
        None,
    )


def _load_builtin(resource: Any) -> LibraryEntry:
    return load_file_entry(
        Path(resource.name), BUILTIN, lambda: str(resource.read_text(encoding="utf-8"))
    )


def list_library(
    user_folder: Path | None, organisation_folder: str = "", *, index_file: Path | None = None
) -> Listing:
    """Every template of the library, listed (not loaded), from ``index_file`` where the file
    has not changed since; the index is brought up to date. Waits for a listing that another
    thread has under way."""
    with _one_listing:
        return _list(user_folder, organisation_folder, index_file)


def _list(user_folder: Path | None, organisation_folder: str, index_file: Path | None) -> Listing:
    index = _Index(index_file)
    listing = Listing()
    for resource in resources.listing("templates", suffix=TEMPLATE_SUFFIX):
        file = resource if isinstance(resource, Path) else None
        listing.entries.append(index.entry(BUILTIN, file, partial(_load_builtin, resource)))
    folders = [(USER, user_folder)] if user_folder is not None else []
    if organisation_folder:
        folders.append((ORGANISATION, Path(organisation_folder).expanduser()))
    for source, folder in folders:
        files, problem = template_files(folder, source)
        if problem is not None:
            listing.source_errors[source] = problem
        for path in files:
            listing.entries.append(
                index.entry(source, path, partial(load_file_entry, path, source))
            )
    index.save()
    return listing


def load_listed(listed: ListedTemplate) -> LibraryEntry:
    """The whole template of a listed one, read now (it may have changed or gone since it was
    listed: the entry carries the error then)."""
    if listed.source == BUILTIN:
        resource = _builtin_resource(listed.path)
        if resource is not None:
            return _load_builtin(resource)
        missing = StorageError("library.no_such_template", name=listed.key)
        return LibraryEntry(listed.key, listed.source, listed.path, error=missing)
    return load_file_entry(Path(listed.path), listed.source)
