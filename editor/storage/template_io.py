"""Sharing and managing template files: import, export, save as template, rename, duplicate,
delete.

Everything that reaches a library folder is validated first (TOML, format version, fields,
the body's syntax and sandbox) and then written with ``atomic_write``: a template that fails
validation, or an import that is refused, leaves the folder exactly as it was.

A clash (a template with the same id or name already in the target folder) raises
``TemplateClashError`` when ``on_clash="ask"``; the GUI asks the user and calls again with
``on_clash="replace"`` or ``on_clash="rename"`` (optionally with the new id or name chosen).
Templates in different sources may share a name: the library tells them apart by source.
"""

from __future__ import annotations

import contextlib
import re
import stat
import tomllib
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import jinja2
from jinja2 import nodes

from editor.errors import InvalidFileError, PressklarError, Problem, StorageError, ValueFormatError
from editor.model.fields import FieldDef, FieldType, clean_line, is_empty
from editor.model.language import is_swedish
from editor.model.levels import LevelSetRegistry
from editor.model.release import Release, values_to_json
from editor.model.template import (
    LANGUAGE_PATTERN,
    Template,
    parse_template,
    template_to_toml,
)
from editor.render.engine import check_template, environment
from editor.storage.atomic import atomic_write
from editor.storage.library import (
    BUILTIN,
    MAX_TEMPLATE_FILE,
    ORGANISATION,
    TEMPLATE_SUFFIX,
    USER,
    LibraryEntry,
    folder_entries,
    load_template_file,
)

OnClash = Literal["ask", "replace", "rename"]
TEMPLATE_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
_RESERVED_NAMES = {"con", "prn", "aux", "nul"} | {
    f"{prefix}{digit}" for prefix in ("com", "lpt") for digit in "123456789"
}  # Windows cannot have files with these names, whatever the extension
_NOT_DECOMPOSED = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "đ": "d", "ł": "l", "þ": "th"}
)
_TIME_TYPES = (FieldType.DATE, FieldType.TIME, FieldType.DATETIME)


class TemplateClashError(PressklarError):
    """The target folder already holds a template with this id or name.

    ``template`` is the validated incoming template; ``clashes`` the entries it collides with;
    ``suggested_id`` and ``suggested_name`` are free in the folder, for a "rename" answer.
    """

    def __init__(
        self,
        message: str,
        template: Template,
        clashes: list[LibraryEntry],
        suggested_id: str,
        suggested_name: str,
    ) -> None:
        super().__init__(message)
        self.template = template
        self.clashes = clashes
        self.suggested_id = suggested_id
        self.suggested_name = suggested_name


@dataclass(frozen=True)
class ImportResult:
    template: Template  # as the library will list it: source and path set
    path: Path
    replaced: tuple[Path, ...] = ()  # files removed because the user chose "replace"
    warnings: tuple[str, ...] = ()  # worth telling, not worth refusing (unknown level set...)


def template_id_from(text: str) -> str:
    """A file-safe id from a name: "Beredskapsläge – höjt" -> "beredskapslage-hojt"."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_NOT_DECOMPOSED))
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:80].strip("-") or "template"
    return f"{slug}-template" if slug in _RESERVED_NAMES else slug


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _check_new_id(template_id: str) -> None:
    if not TEMPLATE_ID_PATTERN.match(template_id) or template_id in _RESERVED_NAMES:
        raise ValueFormatError(
            f"{template_id!r} cannot be a template id: use lower-case letters a–z, digits,"
            " - and _ (it becomes the file name)."
        )


def _clean_name(name: str) -> str:
    cleaned = clean_line(name).strip()
    if not cleaned:
        raise ValueFormatError("A template needs a name.")
    return cleaned


def _read_limited(path: Path) -> str:
    """The file's text, refusing (before reading it whole) anything too large to be a template."""
    name = path.name
    try:
        info = path.stat()
    except FileNotFoundError:
        raise StorageError(f"{path} does not exist.") from None
    except OSError as error:
        raise StorageError(f"Could not read {path}: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise StorageError(f"{path} is a folder, not a template file.")
    too_large = InvalidFileError(
        [
            Problem(
                f"is too large to be a template ({_megabytes(info.st_size)}; a template file"
                f" is at most {_megabytes(MAX_TEMPLATE_FILE)})",
                name,
            )
        ]
    )
    if info.st_size > MAX_TEMPLATE_FILE:
        raise too_large
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_TEMPLATE_FILE + 1)
    except OSError as error:
        raise StorageError(f"Could not read {path}: {error.strerror or error}") from None
    if len(data) > MAX_TEMPLATE_FILE:  # a device or a file that grew: never read on
        raise too_large
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidFileError(
            [Problem("is not a Pressklar template: it is not a text file", name)]
        ) from None


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}".removesuffix(".0") + " MB"


def _key_lines(text: str, key: str) -> list[int]:
    pattern = re.compile(rf"""(?:^|[{{,])[ \t]*key[ \t]*=[ \t]*["']{re.escape(key)}["']""", re.M)
    return [text.count("\n", 0, m.start()) + 1 for m in pattern.finditer(text)]


def _locate(problems: list[Problem], text: str) -> list[Problem]:
    """Give field problems the line where the field's key stands, where it can be found."""
    located = []
    for problem in problems:
        line = problem.line
        duplicate = re.match(r"the key '(.+)' is used by two fields", problem.message)
        named = re.match(r"field '(.+)'", problem.field or "")
        if line is None and duplicate:
            lines = _key_lines(text, duplicate.group(1))
            line = lines[1] if len(lines) > 1 else None
        elif line is None and named:
            lines = _key_lines(text, named.group(1))
            line = lines[0] if lines else None
        located.append(replace(problem, line=line))
    return located


def parse_template_text(text: str, source: str, default_id: str = "") -> Template:
    """Like ``parse_template``, with a plain message for a file that is not a template at all
    and with the line of each field problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        where = re.search(r"\(at line (\d+), column \d+\)$", message)
        line = int(where.group(1)) if where else None
        reason = message[: where.start()].strip() if where else message
        raise InvalidFileError(
            [
                Problem(
                    f"is not a Pressklar template: it cannot be read as TOML ({reason})",
                    source,
                    line,
                )
            ]
        ) from None
    if not any(key in data for key in ("format", "body", "fields", "name")):
        raise InvalidFileError(
            [Problem("is not a Pressklar template (it has no name, fields or body)", source)]
        )
    try:
        return parse_template(text, source, default_id)
    except InvalidFileError as error:
        raise InvalidFileError(_locate(error.problems, text)) from None


def _unsafe_access(template: Template, source: str) -> list[Problem]:
    """Reaching for ``_``-names (``''.__class__``...), found in the text, so that an attempt in
    a branch the check-render does not take is refused too. The sandbox would stop it anyway."""
    try:
        tree = environment(template.language).parse(template.body)
    except jinja2.TemplateSyntaxError:
        return []  # check_template reports it
    found: dict[int, list[str]] = {}
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter)):
        name: Any = None
        if isinstance(node, nodes.Getattr):
            name = node.attr
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            name = node.arg.value
        elif isinstance(node, nodes.Filter) and node.name == "attr" and node.args:
            first = node.args[0]
            name = first.value if isinstance(first, nodes.Const) else None
        if isinstance(name, str) and name.startswith("_"):
            line = node.lineno
            if template.body_line is not None:
                line = template.body_line + line - 1
            names = found.setdefault(line, [])
            if repr(name) not in names:
                names.insert(0, repr(name))  # find_all goes outside in: read left to right
    return [
        Problem(
            f"uses {', '.join(names)}, which templates may not use: it reaches outside the"
            " template (unsafe)",
            source,
            line,
        )
        for line, names in sorted(found.items())
    ]


def validate_template(template: Template, source: str = "") -> list[Problem]:
    """Problems in the body that make a template unusable, each with its file line."""
    unsafe = _unsafe_access(template, source)
    lines = {p.line for p in unsafe}
    checked = [replace(p, source=source) for p in check_template(replace(template, path=""))]
    return unsafe + [p for p in checked if p.line not in lines or p.line is None]


def template_warnings(template: Template, levels: LevelSetRegistry | None) -> list[str]:
    if levels is None:
        return []
    used = {f.level_set or template.level_set for f in template.fields if f.type == "level"}
    return [
        f"The template uses the level set {set_id!r}, which is not defined here. Add it under"
        " level sets before filling in the template."
        for set_id in sorted(used)
        if levels.get(set_id) is None
    ]


def _read_validated(
    target: Path, levels: LevelSetRegistry | None
) -> tuple[Template, str | None, list[str]]:
    """The template, the text to keep (None when the id had to change) and warnings."""
    text = _read_limited(target)
    template = parse_template_text(text, target.name, template_id_from(target.stem))
    problems = validate_template(template, target.name)
    if problems:
        raise InvalidFileError(problems)
    warnings = template_warnings(template, levels)
    if TEMPLATE_ID_PATTERN.match(template.id) and template.id not in _RESERVED_NAMES:
        return template.with_source("file", str(target)), text, warnings
    new_id = template_id_from(template.id)
    warnings.append(f"The template's id {template.id!r} was changed to {new_id!r}.")
    return replace(template, id=new_id).with_source("file", str(target)), None, warnings


def read_template_file(
    path: str | Path, levels: LevelSetRegistry | None = None
) -> tuple[Template, list[str]]:
    """A template file, fully validated (InvalidFileError, NewerFormatError, StorageError),
    and warnings worth showing. The template has source "file"."""
    template, _, warnings = _read_validated(Path(path), levels)
    return template, warnings


def _unique(base: str, taken: set[str], make: Callable[[str, int], str]) -> str:
    candidate, counter = base, 2
    while " ".join(candidate.casefold().split()) in taken:
        candidate, counter = make(base, counter), counter + 1
    return candidate


def _taken(entries: list[LibraryEntry]) -> tuple[set[str], set[str]]:
    """The ids (and file stems) and the names used in a folder, case-folded."""
    ids: set[str] = set()
    names: set[str] = set()
    for entry in entries:
        ids.add(Path(entry.path).stem.casefold())
        if entry.template is not None:
            ids.add(entry.template.id.casefold())
            names.add(" ".join(entry.template.name.casefold().split()))
    return ids, names


def _clashes(template: Template, entries: list[LibraryEntry]) -> list[LibraryEntry]:
    return [
        entry
        for entry in entries
        if Path(entry.path).stem.casefold() == template.id.casefold()
        or (
            entry.template is not None
            and (entry.template.id == template.id or _same_name(entry.template.name, template.name))
        )
    ]


def _folder_for_writing(folder: Path, source: str) -> list[LibraryEntry]:
    entries, error = folder_entries(folder, source)
    if error:
        raise StorageError(error)
    return entries


def _place(
    template: Template,
    folder: Path,
    *,
    source: str,
    on_clash: OnClash,
    new_id: str | None = None,
    new_name: str | None = None,
    text: str | None = None,
    verb: str = "import",
) -> ImportResult:
    """Write a validated template into ``folder`` as ``<id>.toml``, settling clashes."""
    if on_clash not in ("ask", "replace", "rename"):
        raise ValueError(f"on_clash must be ask, replace or rename, not {on_clash!r}")
    if new_id is not None:
        _check_new_id(new_id)
        template, text = replace(template, id=new_id), None
    if new_name is not None:
        template, text = replace(template, name=_clean_name(new_name)), None
    entries = _folder_for_writing(folder, source)
    clashes = _clashes(template, entries)
    ids, names = _taken(entries)
    suggested_id = _unique(template.id, ids, lambda b, n: f"{b}-{n}")
    suggested_name = _unique(template.name, names, lambda b, n: f"{b} ({n})")
    if clashes and on_clash == "ask":
        other = clashes[0].template
        what = f"“{other.name}”" if other else Path(clashes[0].path).name
        raise TemplateClashError(
            f"There is already a template {what} in {folder}. Replace it, or {verb} this one"
            f" under another name (such as “{suggested_name}”)?",
            template,
            clashes,
            suggested_id,
            suggested_name,
        )
    removed: list[Path] = []
    if clashes and on_clash == "rename":
        id_taken = template.id.casefold() in ids
        name_taken = " ".join(template.name.casefold().split()) in names
        if (id_taken and new_id is not None) or (name_taken and new_name is not None):
            taken = f"id {template.id!r}" if id_taken and new_id else f"name “{template.name}”"
            raise TemplateClashError(
                f"The {taken} is also taken in {folder}. Choose another.",
                template,
                clashes,
                suggested_id,
                suggested_name,
            )
        template = replace(
            template,
            id=suggested_id if id_taken else template.id,
            name=suggested_name if name_taken else template.name,
        )
        text = None
    target = folder / f"{template.id}{TEMPLATE_SUFFIX}"
    if clashes and on_clash == "replace":
        removed = [Path(e.path) for e in clashes if Path(e.path) != target]
    text = text if text is not None else template_to_toml(template)
    saved = parse_template(text, target.name, default_id=target.stem)  # never write what we
    atomic_write(target, text, make_dirs=source == USER)  # could not read back
    warnings = []
    for path in removed:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError as error:
            warnings.append(f"Could not remove {path}: {error.strerror or error}")
    replaced = tuple(Path(e.path) for e in clashes) if on_clash == "replace" else ()
    return ImportResult(saved.with_source(source, str(target)), target, replaced, tuple(warnings))


def import_template(
    path: str | Path,
    library_folder: Path,
    *,
    on_clash: OnClash = "ask",
    new_id: str | None = None,
    new_name: str | None = None,
    source: str = USER,
    levels: LevelSetRegistry | None = None,
) -> ImportResult:
    """Validate the template file at ``path`` and copy it into ``library_folder``.

    ``source`` is USER (the folder is created if needed) or ORGANISATION (it must exist). Any
    problem raises before the folder is touched: InvalidFileError (each problem with its
    line), NewerFormatError, StorageError, or TemplateClashError (only with "ask"). The file's
    own text (comments included) is kept unless the id or name had to change.
    """
    if levels is None:
        from editor.storage.level_sets import level_registry

        levels = level_registry()
    template, text, warnings = _read_validated(Path(path), levels)
    result = _place(
        template,
        library_folder,
        source=source,
        on_clash=on_clash,
        new_id=new_id,
        new_name=new_name,
        text=text,
    )
    return replace(result, warnings=tuple(warnings) + result.warnings)


def export_template(template: Template, path: str | Path) -> None:
    """Write ``template`` as a standalone file another Pressklar can import."""
    atomic_write(path, template_to_toml(template))


def _library_file(template: Template | LibraryEntry, verb: str) -> Path:
    """The file of a user or organisation template, or StorageError saying why not."""
    source = template.source
    name = template.name
    if source == BUILTIN:
        raise StorageError(
            f"“{name}” is a built-in template and cannot be {verb}. Duplicate it to make a copy"
            " of your own."
        )
    if source not in (USER, ORGANISATION) or not template.path:
        raise StorageError(f"“{name}” is not a template in the library, so it cannot be {verb}.")
    return Path(template.path)


def rename_template(template: Template, new_name: str, *, new_id: str | None = None) -> Template:
    """Give a user or organisation template a new name (and, if asked, a new id and file).

    TemplateClashError if another template in the same folder has that name or id.
    """
    current = _library_file(template, "renamed")
    new_name = _clean_name(new_name)
    if new_id is not None:
        _check_new_id(new_id)
    on_disk = load_template_file(current)  # the file as it is now, not as it was listed
    renamed = replace(on_disk, name=new_name, id=new_id or on_disk.id)
    entries = _folder_for_writing(current.parent, template.source)
    others = [e for e in entries if Path(e.path) != current]
    clashes = _clashes(renamed, others)
    if clashes:
        ids, names = _taken(others)
        raise TemplateClashError(
            f"There is already a template “{clashes[0].name}” in {current.parent}. Choose another"
            " name.",
            renamed,
            clashes,
            _unique(renamed.id, ids, lambda b, n: f"{b}-{n}"),
            _unique(renamed.name, names, lambda b, n: f"{b} ({n})"),
        )
    target = current if new_id is None else current.with_name(f"{new_id}{TEMPLATE_SUFFIX}")
    text = template_to_toml(renamed)
    saved = parse_template(text, target.name, default_id=target.stem)
    atomic_write(target, text)
    if target != current:
        try:
            current.unlink()
        except OSError as error:
            raise StorageError(
                f"Saved as {target.name}, but could not remove {current.name}:"
                f" {error.strerror or error}"
            ) from None
    return saved.with_source(template.source, str(target))


def duplicate_template(template: Template, folder: Path, *, source: str = USER) -> Template:
    """A copy in ``folder`` with a new id and "(kopia)"/"(copy)" after the name: how a
    built-in template is edited."""
    suffix = "kopia" if is_swedish(template.language) else "copy"
    entries = _folder_for_writing(folder, source)
    ids, names = _taken(entries)
    name = _unique(f"{template.name} ({suffix})", names, lambda b, n: f"{b[:-1]} {n})")
    new_id = _unique(f"{template.id}-{suffix}", ids, lambda b, n: f"{b}-{n}")
    copy = replace(template, id=new_id, name=name, source="", path="")
    return _place(copy, folder, source=source, on_clash="ask").template


def delete_template(item: Template | LibraryEntry) -> None:
    """Remove a user or organisation template file (the GUI asks for confirmation first).

    Built-in templates are read-only: StorageError. A file already gone is not an error.
    """
    target = _library_file(item, "deleted")
    try:
        target.unlink()
    except FileNotFoundError:
        return
    except OSError as error:
        raise StorageError(
            f"Could not delete {target.name} from {target.parent}: {error.strerror or error}."
            " The folder may be read-only for you."
        ) from None


def _with_default(field_def: FieldDef, json_value: Any) -> FieldDef:
    if field_def.type in _TIME_TYPES:
        return field_def  # "today" stays today: a past date is never silently reused
    return replace(field_def, default=None if is_empty(json_value) else json_value)


def save_as_template(
    release: Release,
    *,
    name: str,
    description: str,
    language: str,
    use_values_as_defaults: bool,
    folder: Path,
    source: str = USER,
    on_clash: OnClash = "ask",
    new_id: str | None = None,
) -> Template:
    """A new template from ``release``: its fields and body, with the name, description and
    language asked for; optionally the release's current values become the defaults.

    Date, time and date-time fields keep their own defaults (often "today" or "now"), so a
    template never prefills the date of an old event.
    """
    name = _clean_name(name)
    language = language.strip()
    if not LANGUAGE_PATTERN.match(language):
        raise ValueFormatError(f"{language!r} is not a language code such as sv or en.")
    base = release.template
    fields = base.fields
    if use_values_as_defaults:
        json_values = values_to_json(base, release.values)
        fields = tuple(_with_default(f, json_values.get(f.key)) for f in fields)
    template = replace(
        base,
        id=template_id_from(name),
        name=name,
        description=clean_line(description).strip(),
        language=language,
        fields=fields,
        source="",
        path="",
        body_line=None,
    )
    problems = validate_template(template)
    if problems:
        raise InvalidFileError(problems)
    result = _place(template, folder, source=source, on_clash=on_clash, new_id=new_id, verb="save")
    return result.template


def folder_is_writable(folder: Path) -> bool:
    """Whether a file can really be written in ``folder``: a probe write, since permissions
    on network shares and synced folders often say one thing and do another."""
    try:
        if not folder.is_dir():
            return False
    except OSError:
        return False
    probe = folder / f".pressklar-probe-{uuid.uuid4().hex}.tmp"
    try:
        atomic_write(probe, b"")
    except StorageError:
        return False
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()
    return True


def template_targets(user_folder: Path, organisation_folder: str = "") -> dict[str, Path]:
    """Where a new template may be saved: always USER, and ORGANISATION when it is writable."""
    targets = {USER: user_folder}
    if organisation_folder:
        folder = Path(organisation_folder).expanduser()
        if folder_is_writable(folder):
            targets[ORGANISATION] = folder
    return targets
