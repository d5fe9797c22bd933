"""The incident's log: every save, export and copy of one of its releases (when, who, on which
computer, what, which format, the file's SHA-256), so an after-action review can prove what was
sent.

Append-only and hash-chained: each entry names the hash of the one before it in its file, and
carries its own, so an entry edited, removed or inserted later breaks the chain where it
happened. The log may sit in a shared folder that several officers on several computers write
at once; no file is ever written by two of them: each computer and user appends to a file of its
own (``<host>-<user>.jsonl``), under a lock against its own other windows, and reading merges
them all by time.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import re
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from editor.errors import StorageError, os_reason
from editor.storage.locks import exclusive

LOG_SUFFIX = ".jsonl"
GENESIS = "0" * 64
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_LOG_BYTES = 50_000_000


def log_folder(release_path: str | os.PathLike[str], incident_id: str) -> Path:
    """Where an incident's log lives: beside its release files, in a folder of its own."""
    return Path(release_path).parent / f".pressklar-incident-{incident_id}"


def _writer_name() -> str:
    try:
        user = getpass.getuser()
    except (OSError, KeyError, ImportError):
        user = "unknown"
    return _UNSAFE.sub("_", f"{socket.gethostname()}-{user}")[:120] or "unknown"


def _entry_hash(entry: dict[str, Any]) -> str:
    body = {k: v for k, v in entry.items() if k != "hash"}
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class LogEntry:
    data: dict[str, Any]
    file: str  # the log file it is in
    line: int

    @property
    def time(self) -> str:
        return str(self.data.get("time", ""))

    def get(self, key: str) -> Any:
        return self.data.get(key)


@dataclass(frozen=True)
class LogBreak:
    """Where a log file's chain is broken: an entry changed, removed or put in later."""

    file: str
    line: int


def _read_file(path: Path) -> tuple[list[dict[str, Any]], list[int]]:
    """The entries of one log file, and the lines that cannot be read at all."""
    entries: list[dict[str, Any]] = []
    unreadable: list[int] = []
    try:
        if path.stat().st_size > MAX_LOG_BYTES:
            return [], [1]
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return [], [1]
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except (ValueError, RecursionError):
            unreadable.append(number)
            continue
        if isinstance(entry, dict):
            entries.append({**entry, "_line": number})
        else:
            unreadable.append(number)
    return entries, unreadable


def append(folder: Path, action: str, **facts: Any) -> dict[str, Any]:
    """Append one entry (``action``: save, export, copy, new, followup) to this computer's and
    user's file in ``folder``; StorageError when the folder cannot be written."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (_writer_name() + LOG_SUFFIX)
    try:
        with exclusive(path.with_name(path.name + ".lock")):
            existing, _ = _read_file(path) if path.exists() else ([], [])
            previous = existing[-1].get("hash", GENESIS) if existing else GENESIS
            entry: dict[str, Any] = {
                "time": datetime.now().astimezone().isoformat(timespec="seconds"),
                "user": _user(),
                "computer": socket.gethostname(),
                "action": action,
                **facts,
                "previous": previous,
            }
            entry["hash"] = _entry_hash(entry)
            line = json.dumps(entry, ensure_ascii=False) + "\n"
            with path.open("a", encoding="utf-8") as stream:
                stream.write(line)
                stream.flush()
                os.fsync(stream.fileno())
    except OSError as error:
        raise StorageError(
            "log.cannot_write", folder=str(folder), reason=os_reason(error)
        ) from None
    return entry


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def read_log(folder: Path) -> tuple[list[LogEntry], list[LogBreak]]:
    """Every entry of every computer's file, by time, and every place a chain is broken."""
    entries: list[LogEntry] = []
    breaks: list[LogBreak] = []
    for path in sorted(folder.glob(f"*{LOG_SUFFIX}")) if folder.is_dir() else []:
        raw, unreadable = _read_file(path)
        breaks += [LogBreak(path.name, line) for line in unreadable]
        previous = GENESIS
        for entry in raw:
            line = int(entry.pop("_line"))
            if entry.get("previous") != previous or entry.get("hash") != _entry_hash(entry):
                breaks.append(LogBreak(path.name, line))
            previous = str(entry.get("hash", ""))
            entries.append(LogEntry(entry, path.name, line))
    entries.sort(key=lambda e: e.time)
    return entries, breaks


def file_facts(path: str | os.PathLike[str], data: bytes) -> dict[str, Any]:
    """What the log says about a file written: its name and its SHA-256."""
    return {"file": Path(path).name, "sha256": hashlib.sha256(data).hexdigest()}


def entries_for(entries: Iterable[LogEntry], release_id: str) -> list[LogEntry]:
    return [e for e in entries if e.get("release") == release_id]


CSV_COLUMNS = (
    "time", "user", "computer", "action", "number", "format", "file", "sha256",
    "distribution_list", "exercise", "release", "incident", "hash",
)  # fmt: skip


def entries_csv(entries: Iterable[LogEntry]) -> str:
    """The log as CSV, one row an entry, for the after-action review's spreadsheet."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        writer.writerow(["" if entry.get(c) is None else entry.get(c) for c in CSV_COLUMNS])
    return out.getvalue()
