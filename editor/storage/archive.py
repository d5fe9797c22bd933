"""The archive: every release saved or exported through Pressklar, and those in the
organisation's folder, found by any word of their text.

An SQLite FTS5 index (Python's own sqlite3) in the user's cache folder. It is only an index:
the release files are the truth, so a missing, stale or damaged index is rebuilt from them.
Each file is indexed with its size and modification time; a search first looks at every known
file again and re-reads only those that changed, so a result is never older than the files.
What is indexed is the release's own text: its headline, the template's name and every value
typed (a release's body is made from these), with accents folded so "ovning" finds "övning".
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.errors import PressklarError
from editor.model.contacts import Contact
from editor.model.release import RELEASE_SUFFIX, Release, parse_release
from editor.storage.paths import Paths

SCHEMA_VERSION = 1
MAX_ORGANISATION_FILES = 20_000
Stamp = tuple[int, int]  # a file's modification time (ns) and size
IndexStamp = tuple[int, int, bytes]
MAX_FILE = 20_000_000


@dataclass(frozen=True)
class Hit:
    path: str
    title: str
    snippet: str


def release_text(release: Release) -> tuple[str, str]:
    """The title and the searchable text of a release."""
    parts: list[str] = [release.template.name]
    if release.exercise:  # "övning" finds the exercises
        from editor.render.marks import exercise_word

        parts.append(exercise_word(release.template.language))
    for value in release.values.values():
        parts.extend(_texts(value))
    headline = release.values.get("headline")
    title = headline if isinstance(headline, str) and headline else release.template.name
    return title, "\n".join(p for p in parts if p)


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Contact):
        yield from (value.name, value.title, value.organisation, value.unit, value.email)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)
    elif hasattr(value, "text") and isinstance(value.text, str):  # a timeline row
        yield value.text
    elif hasattr(value, "name") and isinstance(getattr(value, "name", None), str):  # a level
        yield value.name


class Archive:
    def __init__(self, index: Path, folders: Iterable[Path] = ()) -> None:
        self.index = index
        self.folders = [f for f in folders if str(f)]
        # The files table as the last refresh left it, while the index file is as it was then
        # (any write, ours or another app's, changes its stamp): a refresh that finds nothing
        # changed need not read 5,000 rows again.
        self._known_rows: tuple[IndexStamp | None, dict[str, tuple[int, int, int]]] | None = None

    def _index_stamp(self) -> IndexStamp | None:
        """The index file's time, size and SQLite's change counter (bytes 24-27 of its header,
        bumped by every transaction that writes, whatever the clock's granularity)."""
        try:
            with open(self.index, "rb") as stream:
                stat = os.fstat(stream.fileno())
                stream.seek(24)
                return (stat.st_mtime_ns, stat.st_size, stream.read(4))
        except OSError:
            return None

    def _rows(self, connection: sqlite3.Connection) -> dict[str, tuple[int, int, int]]:
        known = self._known_rows
        if known is not None and known[0] is not None and known[0] == self._index_stamp():
            return known[1]
        self._known_rows = None
        return {
            path: (mtime, size, known)
            for path, mtime, size, known in connection.execute(
                "SELECT path, mtime, size, known FROM files"
            )
        }

    @classmethod
    def for_user(cls, paths: Paths, organisation_folder: str | None = None) -> Archive:
        """The user's archive; ``organisation_folder`` None: the one the settings name."""
        if organisation_folder is None:
            from editor.storage.settings import load_settings

            organisation_folder = load_settings(paths.settings_file).organisation_folder
        folders = [Path(organisation_folder).expanduser()] if organisation_folder else []
        return cls(paths.archive_index, folders)

    def _open(self) -> sqlite3.Connection:
        self.index.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.index, timeout=10)
        try:
            if connection.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                self._create(connection)
        except sqlite3.DatabaseError:
            connection.close()
            self._discard()  # damaged: it is only an index, made again from the files
            connection = sqlite3.connect(self.index, timeout=10)
            self._create(connection)
        return connection

    def _create(self, connection: sqlite3.Connection) -> None:
        connection.executescript(
            """
            DROP TABLE IF EXISTS files;
            DROP TABLE IF EXISTS texts;
            CREATE TABLE files (path TEXT PRIMARY KEY, mtime INTEGER, size INTEGER,
                                known INTEGER);
            CREATE VIRTUAL TABLE texts USING fts5(path UNINDEXED, title, body,
                                tokenize = 'unicode61 remove_diacritics 2');
            """
        )
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _discard(self) -> None:
        with contextlib.suppress(OSError):
            self.index.unlink()

    def remember(self, path: str | Path) -> None:
        """A release saved or exported through Pressklar: indexed from now on."""
        with self._safely() as connection:
            if connection is not None:
                target = os.path.abspath(path)
                self._index_file(connection, target, self._row(connection, target), known=True)

    @contextlib.contextmanager
    def _safely(self) -> Iterator[sqlite3.Connection | None]:
        """A connection, or None when the index cannot be opened at all (a search then finds
        nothing rather than failing; saving and exporting never depend on it)."""
        try:
            connection = self._open()
        except (sqlite3.Error, OSError):
            yield None
            return
        try:
            yield connection
            connection.commit()
        except sqlite3.DatabaseError:
            connection.close()
            self._discard()
        finally:
            connection.close()

    @staticmethod
    def _row(connection: sqlite3.Connection, path: str) -> tuple[int, int, int] | None:
        row = connection.execute(
            "SELECT mtime, size, known FROM files WHERE path = ?", (path,)
        ).fetchone()
        return (int(row[0]), int(row[1]), int(row[2])) if row is not None else None

    def _index_file(
        self,
        connection: sqlite3.Connection,
        path: str,
        row: tuple[int, int, int] | None,
        known: bool,
        stamp: Stamp | None = None,
    ) -> None:
        """Bring one file's entry up to the file (``row``: what the index says of it now;
        ``stamp``: its modification time and size when just looked at, else they are)."""
        if stamp is None:
            try:
                stat = os.stat(path)
            except OSError:
                if row is not None:
                    connection.execute("DELETE FROM files WHERE path = ?", (path,))
                    connection.execute("DELETE FROM texts WHERE path = ?", (path,))
                return
            stamp = (stat.st_mtime_ns, stat.st_size)
        keep_known = known or bool(row and row[2])
        if row is not None and (row[0], row[1]) == stamp:
            if keep_known and not row[2]:
                connection.execute("UPDATE files SET known = 1 WHERE path = ?", (path,))
            return
        connection.execute("DELETE FROM texts WHERE path = ?", (path,))
        title, body = "", ""
        if stamp[1] <= MAX_FILE:
            try:
                text = Path(path).read_text(encoding="utf-8")
                title, body = release_text(parse_release(text, os.path.basename(path)))
            except (OSError, UnicodeDecodeError, PressklarError):
                pass
        connection.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", (path, *stamp, keep_known)
        )
        if body:
            connection.execute("INSERT INTO texts VALUES (?, ?, ?)", (path, title, body))

    def refresh(self) -> None:
        """Bring the index up to the files: every known one, and the organisation's. One look
        at each file's size and time (taken while the folders are listed); only the files that
        changed are read again."""
        with self._safely() as connection:
            if connection is not None:
                self._refresh(connection)
        self._settle_rows()

    def _refresh(self, connection: sqlite3.Connection) -> None:
        rows = self._rows(connection)
        changes = connection.total_changes
        listed = self._organisation_files()
        for path, stamp in listed.items():
            row = rows.get(path)
            if row is None or (row[0], row[1]) != stamp:
                self._index_file(connection, path, row, False, stamp)
        for path, row in rows.items():
            if row[2] and path not in listed:
                self._index_file(connection, path, row, known=True)
            elif not row[2] and path not in listed:  # an organisation file that is gone
                connection.execute("DELETE FROM files WHERE path = ?", (path,))
                connection.execute("DELETE FROM texts WHERE path = ?", (path,))
        # unchanged: these rows are the table, for as long as the file is not written
        self._known_rows = (None, rows) if connection.total_changes == changes else None

    def _settle_rows(self) -> None:
        """Stamp the rows kept by the last refresh with the index file as it is now (after the
        connection is closed), so the next refresh can trust them while the file is unchanged."""
        if self._known_rows is not None and self._known_rows[0] is None:
            self._known_rows = (self._index_stamp(), self._known_rows[1])

    def _organisation_files(self) -> dict[str, Stamp]:
        """Every release file in the organisation's folders, with its time and size."""
        found: dict[str, Stamp] = {}
        stack = [os.path.abspath(folder) for folder in self.folders]
        while stack and len(found) < MAX_ORGANISATION_FILES:
            try:
                entries = list(os.scandir(stack.pop()))
            except OSError:
                continue
            for entry in entries:
                if entry.name.endswith(RELEASE_SUFFIX) and entry.is_file():
                    try:
                        stat = entry.stat()
                    except OSError:  # gone since the listing
                        continue
                    found[entry.path] = (stat.st_mtime_ns, stat.st_size)
                elif entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
                    stack.append(entry.path)
        return found

    def search(self, text: str, limit: int = 50, *, refresh: bool = True) -> list[Hit]:
        """Releases with every word of ``text`` (the last one as a prefix), best first; the
        index is brought up to the files first unless ``refresh`` is false (a dialog that
        refreshed when it opened and searches as the user types)."""
        query = fts_query(text)
        if not query:
            return []
        with self._safely() as connection:
            if connection is None:
                return []
            if refresh:  # on the same connection: one open, one transaction
                self._refresh(connection)
                connection.commit()
            rows = connection.execute(
                "SELECT path, title, snippet(texts, 2, '', '', '…', 12) FROM texts"
                " WHERE texts MATCH ? ORDER BY rank LIMIT ?",
                (query, max(1, limit)),
            ).fetchall()
        self._settle_rows()
        return [Hit(path, title, " ".join(snippet.split())) for path, title, snippet in rows]


def fts_query(text: str) -> str:
    """``text`` as an FTS5 query of words, never of FTS5 syntax: each word quoted, all
    required, the last one matched as a prefix (the user may not have finished it)."""
    words = [w for w in text.split() if w.strip('"')]
    if not words:
        return ""
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)
