"""The template library: built-in templates, the user's own, and the organisation's folder.

A template that fails to load is listed with its error, never hidden and never fatal; an
organisation folder that is missing or unreadable is reported and the other sources go on.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from editor import resources
from editor.errors import PressklarError, StorageError, os_reason
from editor.i18n import Message
from editor.model.template import MAX_TEMPLATE_BYTES, Template, parse_template
from editor.storage.atomic import read_text

BUILTIN = "builtin"
USER = "user"
ORGANISATION = "organisation"
SOURCES = (BUILTIN, USER, ORGANISATION)
_PREFIX = {BUILTIN: "", USER: "user:", ORGANISATION: "org:"}
TEMPLATE_SUFFIX = ".toml"


@dataclass(frozen=True)
class LibraryEntry:
    """One template file in the library: loaded, or with the error that stopped it."""

    key: str  # unique in the library: "readiness-ended-sv", "user:my-release", "org:..."
    source: str
    path: str
    template: Template | None = None
    error: PressklarError | None = None

    @property
    def name(self) -> str:
        return self.template.name if self.template else Path(self.path).stem

    @property
    def language(self) -> str:
        return self.template.language if self.template else ""


@dataclass
class Library:
    entries: list[LibraryEntry] = field(default_factory=list)
    source_errors: dict[str, Message] = field(default_factory=dict)  # source -> why it is unusable

    def ok(self) -> list[LibraryEntry]:
        return [e for e in self.entries if e.template is not None]

    def find(self, wanted: str) -> LibraryEntry | None:
        """By key, else by bare id (built-in first, then user, then organisation)."""
        for entry in self.entries:
            if entry.key == wanted:
                return entry
        for source in SOURCES:
            for entry in self.entries:
                if entry.source == source and entry.template and entry.template.id == wanted:
                    return entry
        return None


def describe_entry(entry: LibraryEntry, lang: str | None = None) -> str:
    """Why an entry cannot be used, in ``lang`` (default: the UI language); "" if it can."""
    return entry.error.text(lang) if entry.error is not None else ""


def _load_file(path: Path, source: str, read: str | None = None) -> LibraryEntry:
    key = _PREFIX[source] + path.stem
    try:
        text = read if read is not None else read_text(path, limit=MAX_TEMPLATE_BYTES)
        template = parse_template(text, path.name, default_id=path.stem)
    except PressklarError as error:
        return LibraryEntry(key, source, str(path), error=error)
    return LibraryEntry(key, source, str(path), template=template.with_source(source, str(path)))


def _folder_entries(folder: Path, source: str) -> tuple[list[LibraryEntry], Message | None]:
    try:
        names = sorted(os.listdir(folder))
    except FileNotFoundError:
        missing = Message("library.folder_missing", {"folder": str(folder)})
        return [], None if source == USER else missing
    except NotADirectoryError:
        return [], Message("library.not_folder", {"folder": str(folder)})
    except OSError as error:  # no permission (also on a parent), network share gone...
        reason = os_reason(error)
        return [], Message("library.folder_unreadable", {"folder": str(folder), "reason": reason})
    entries = [
        _load_file(folder / name, source)
        for name in names
        if name.endswith(TEMPLATE_SUFFIX) and not name.startswith(".")
    ]
    return entries, None


def folder_entries(folder: Path, source: str) -> tuple[list[LibraryEntry], Message | None]:
    """The templates of one folder of ``source`` (USER or ORGANISATION), and why the folder
    cannot be used (None when it can)."""
    return _folder_entries(folder, source)


def builtin_entries() -> list[LibraryEntry]:
    entries = []
    for resource in resources.listing("templates", suffix=TEMPLATE_SUFFIX):
        path = Path(resource.name)
        entries.append(_load_file(path, BUILTIN, resource.read_text(encoding="utf-8")))
    return entries


def load_library(user_folder: Path | None, organisation_folder: str = "") -> Library:
    library = Library(entries=builtin_entries())
    if user_folder is not None:
        entries, error = _folder_entries(user_folder, USER)
        library.entries.extend(entries)
        if error:
            library.source_errors[USER] = error
    if organisation_folder:
        entries, error = _folder_entries(Path(organisation_folder).expanduser(), ORGANISATION)
        library.entries.extend(entries)
        if error:
            library.source_errors[ORGANISATION] = error
    return library


def load_template_file(path: str | os.PathLike[str]) -> Template:
    """A template file named directly (CLI, import): errors are raised, not listed."""
    target = Path(path)
    text = read_text(target, limit=MAX_TEMPLATE_BYTES)
    return parse_template(text, target.name, default_id=target.stem).with_source(
        "file", str(target)
    )


def resolve_template(wanted: str, library: Library) -> Template:
    """A template by library key, id, or file path; PressklarError if none can be used."""
    entry = library.find(wanted)
    if entry is not None:
        if entry.template is None:
            raise entry.error or StorageError("library.no_such_template", name=wanted)
        return entry.template
    if wanted.endswith(TEMPLATE_SUFFIX) or os.sep in wanted or "/" in wanted:
        return load_template_file(wanted)
    raise StorageError("library.no_such_template", name=wanted)
