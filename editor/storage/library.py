"""The template library: built-in templates, the user's own, and the organisation's folder.

A template that fails to load is listed with its error, never hidden and never fatal; an
organisation folder that is missing or unreadable is reported and the other sources go on.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from editor import resources
from editor.errors import PressklarError, StorageError, os_reason
from editor.i18n import Message
from editor.model.template import MAX_TEMPLATE_BYTES, Template, parse_template
from editor.storage.atomic import read_text
from editor.storage.template_cache import TemplateCache, template_cache

BUILTIN = "builtin"
USER = "user"
ORGANISATION = "organisation"
SOURCES = (BUILTIN, USER, ORGANISATION)
_PREFIX = {BUILTIN: "", USER: "user:", ORGANISATION: "org:"}
_one_read = threading.Lock()  # see load_library
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
        return find_entry(self.entries, wanted, lambda e: e.template.id if e.template else "")


class _Keyed(Protocol):
    @property
    def key(self) -> str: ...
    @property
    def source(self) -> str: ...


Keyed = TypeVar("Keyed", bound=_Keyed)


def find_entry(entries: list[Keyed], wanted: str, id_of: Callable[[Keyed], str]) -> Keyed | None:
    """The entry with key ``wanted``, else the one whose template id (``id_of``, "" when it did
    not load) is ``wanted``, built-in first, then user, then organisation."""
    for entry in entries:
        if entry.key == wanted:
            return entry
    for source in SOURCES:
        for entry in entries:
            if entry.source == source and id_of(entry) and id_of(entry) == wanted:
                return entry
    return None


def describe_entry(entry: LibraryEntry, lang: str | None = None) -> str:
    """Why an entry cannot be used, in ``lang`` (default: the UI language); "" if it can."""
    return entry.error.text(lang) if entry.error is not None else ""


def library_key(source: str, path: Path) -> str:
    """The key of the template file at ``path`` of ``source`` in the library."""
    return _PREFIX[source] + path.stem


def load_file_entry(
    path: Path,
    source: str,
    read: Callable[[], str] | None = None,
    cache: TemplateCache | None = None,
    file: Path | None = None,
) -> LibraryEntry:
    """The entry of the template at ``path`` (read with ``read`` if given); cached by the stamp
    of ``file`` (default: ``path``) when there is a cache."""
    key = library_key(source, path)

    def parse() -> Template:
        text = read() if read is not None else read_text(path, limit=MAX_TEMPLATE_BYTES)
        template = parse_template(text, path.name, default_id=path.stem)
        return template.with_source(source, str(path))

    try:
        template = cache.get(file or path, source, parse) if cache is not None else parse()
    except PressklarError as error:
        return LibraryEntry(key, source, str(path), error=error)
    return LibraryEntry(key, source, str(path), template=template)


def template_files(folder: Path, source: str) -> tuple[list[Path], Message | None]:
    """The template files of one folder of ``source``, by name, and why the folder cannot be
    used (None when it can; a user's folder not made yet is no problem)."""
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
    files = [n for n in names if n.endswith(TEMPLATE_SUFFIX) and not n.startswith(".")]
    return [folder / name for name in files], None


def _folder_entries(
    folder: Path, source: str, cache: TemplateCache | None = None
) -> tuple[list[LibraryEntry], Message | None]:
    files, problem = template_files(folder, source)
    if problem is not None:
        return [], problem
    cache = cache or template_cache(None)
    entries = [load_file_entry(path, source, cache=cache) for path in files]
    cache.forget_missing(folder, source, {entry.path for entry in entries})
    return entries, None


def folder_entries(folder: Path, source: str) -> tuple[list[LibraryEntry], Message | None]:
    """The templates of one folder of ``source`` (USER or ORGANISATION), and why the folder
    cannot be used (None when it can)."""
    return _folder_entries(folder, source)


def folder_entry(key: str, user_folder: Path, organisation_folder: str = "") -> LibraryEntry | None:
    """The user's or the organisation's template with library ``key`` ("user:...", "org:..."),
    read alone (start-up needs one template, not the library); None when there is no such file.
    """
    for source, folder in ((USER, user_folder), (ORGANISATION, organisation_folder)):
        prefix = _PREFIX[source]
        stem = key.removeprefix(prefix)
        if not folder or not key.startswith(prefix) or not stem or "/" in stem or "\\" in stem:
            continue
        path = Path(folder).expanduser() / (stem + TEMPLATE_SUFFIX)
        if path.is_file():
            return load_file_entry(path, source)  # one file: parsing it beats reading the cache
    return None


def builtin_entries(cache: TemplateCache | None = None) -> list[LibraryEntry]:
    """The built-in templates; cached (by the stamp of their file) when installed as files."""
    entries = []
    for resource in resources.listing("templates", suffix=TEMPLATE_SUFFIX):
        file = resource if isinstance(resource, Path) else None
        entries.append(
            load_file_entry(
                Path(resource.name),
                BUILTIN,
                lambda resource=resource: resource.read_text(encoding="utf-8"),  # type: ignore[misc]
                cache if file is not None else None,
                file,
            )
        )
    return entries


def load_library(
    user_folder: Path | None, organisation_folder: str = "", *, cache_file: Path | None = None
) -> Library:
    """Every template; files unchanged since they were last parsed come from the cache (kept
    in ``cache_file`` too, when given, for the next start). One read at a time in a process
    (the app's flows read on workers): a second waits, then finds the first's templates in
    the cache, and the cache is never written while another read adds to it."""
    with _one_read:
        return _load(user_folder, organisation_folder, cache_file)


def _load(user_folder: Path | None, organisation_folder: str, cache_file: Path | None) -> Library:
    cache = template_cache(cache_file)
    library = Library(entries=builtin_entries(cache))
    if user_folder is not None:
        entries, error = _folder_entries(user_folder, USER, cache)
        library.entries.extend(entries)
        if error:
            library.source_errors[USER] = error
    if organisation_folder:
        folder = Path(organisation_folder).expanduser()
        entries, error = _folder_entries(folder, ORGANISATION, cache)
        library.entries.extend(entries)
        if error:
            library.source_errors[ORGANISATION] = error
    cache.save()
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
