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
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from editor.errors import (
    InvalidFileError,
    PressklarError,
    Problem,
    StorageError,
    ValueFormatError,
    os_reason,
)
from editor.model.fields import FieldDef, FieldType, clean_line, is_empty
from editor.model.language import is_swedish
from editor.model.levels import LevelSetRegistry
from editor.model.release import Release, values_to_json
from editor.model.template import (
    LANGUAGE_PATTERN,
    Template,
    is_file_safe_id,
    parse_template,
    template_id_from,
    template_to_toml,
)
from editor.render.validation import validate_template
from editor.storage.atomic import atomic_write
from editor.storage.library import (
    BUILTIN,
    ORGANISATION,
    TEMPLATE_SUFFIX,
    USER,
    LibraryEntry,
    folder_entries,
    load_template_file,
)
from editor.storage.template_files import read_validated

OnClash = Literal["ask", "replace", "rename"]
_TIME_TYPES = (FieldType.DATE, FieldType.TIME, FieldType.DATETIME)


class TemplateClashError(PressklarError):
    """The target folder already holds a template with this id or name.

    ``template`` is the validated incoming template; ``clashes`` the entries it collides with;
    ``suggested_id`` and ``suggested_name`` are free in the folder, for a "rename" answer.
    """

    def __init__(
        self,
        code: str,
        template: Template,
        clashes: list[LibraryEntry],
        suggested_id: str,
        suggested_name: str,
        **params: object,
    ) -> None:
        super().__init__(code, **params)
        self.template = template
        self.clashes = clashes
        self.suggested_id = suggested_id
        self.suggested_name = suggested_name


@dataclass(frozen=True)
class ImportResult:
    template: Template  # as the library will list it: source and path set
    path: Path
    replaced: tuple[Path, ...] = ()  # files removed because the user chose "replace"
    warnings: tuple[Problem, ...] = ()  # worth telling, not worth refusing (unknown level set...)


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _check_new_id(template_id: str) -> None:
    if not is_file_safe_id(template_id):
        raise ValueFormatError("templates.bad_id", id=template_id)


def _clean_name(name: str) -> str:
    cleaned = clean_line(name).strip()
    if not cleaned:
        raise ValueFormatError("templates.no_name")
    return cleaned


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
        raise StorageError(error.code, **error.params)
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
        what = other.name if other else Path(clashes[0].path).name
        raise TemplateClashError(
            "templates.clash_save" if verb == "save" else "templates.clash_import",
            template,
            clashes,
            suggested_id,
            suggested_name,
            name=what,
            folder=str(folder),
            suggested=suggested_name,
        )
    removed: list[Path] = []
    if clashes and on_clash == "rename":
        id_taken = template.id.casefold() in ids
        name_taken = " ".join(template.name.casefold().split()) in names
        if (id_taken and new_id is not None) or (name_taken and new_name is not None):
            taken = {"id": template.id} if id_taken and new_id else {"name": template.name}
            raise TemplateClashError(
                "templates.id_taken" if "id" in taken else "templates.name_taken",
                template,
                clashes,
                suggested_id,
                suggested_name,
                folder=str(folder),
                **taken,
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
            params = {"path": str(path), "reason": os_reason(error)}
            warnings.append(Problem("templates.not_removed", params))
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
    template, text, warnings = read_validated(Path(path), levels)
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


def _library_file(template: Template | LibraryEntry, action: Literal["rename", "delete"]) -> Path:
    """The file of a user or organisation template, or StorageError saying why not."""
    source = template.source
    name = template.name
    if source == BUILTIN:
        raise StorageError(f"templates.builtin_{action}", name=name)
    if source not in (USER, ORGANISATION) or not template.path:
        raise StorageError(f"templates.not_in_library_{action}", name=name)
    return Path(template.path)


def rename_template(template: Template, new_name: str, *, new_id: str | None = None) -> Template:
    """Give a user or organisation template a new name (and, if asked, a new id and file).

    TemplateClashError if another template in the same folder has that name or id.
    """
    current = _library_file(template, "rename")
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
            "templates.rename_clash",
            renamed,
            clashes,
            _unique(renamed.id, ids, lambda b, n: f"{b}-{n}"),
            _unique(renamed.name, names, lambda b, n: f"{b} ({n})"),
            name=clashes[0].name,
            folder=str(current.parent),
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
                "templates.old_not_removed",
                new=target.name,
                old=current.name,
                reason=os_reason(error),
            ) from None
    return saved.with_source(template.source, str(target))


def copy_name(template: Template, taken: set[str]) -> str:
    """The name of a copy: "Kopia av …" ("Copy of …" for a template in another language than
    Swedish), then "… (2)", "… (3)" while the name is in ``taken`` (case-folded names)."""
    prefix = "Kopia av" if is_swedish(template.language) else "Copy of"
    return _unique(f"{prefix} {template.name}", taken, lambda b, n: f"{b} ({n})")


def names_in(folder: Path, source: str) -> set[str]:
    """The names (case-folded) of the templates in a library folder; none if it cannot be read."""
    entries, _error = folder_entries(folder, source)
    return _taken(entries)[1]


def duplicate_template(template: Template, folder: Path, *, source: str = USER) -> Template:
    """A copy in ``folder`` with a new id and a name no template there has (``copy_name``):
    how a built-in template is edited."""
    suffix = "kopia" if is_swedish(template.language) else "copy"
    entries = _folder_for_writing(folder, source)
    ids, names = _taken(entries)
    new_id = _unique(f"{template.id}-{suffix}", ids, lambda b, n: f"{b}-{n}")
    copy = replace(template, id=new_id, name=copy_name(template, names), source="", path="")
    return _place(copy, folder, source=source, on_clash="ask").template


def check_name_free(template: Template, path: str | Path, source: str) -> None:
    """Before ``template`` is saved over its own file at ``path``: TemplateClashError
    ("templates.name_taken") when another template in that folder has its name, since two
    templates of one source never share a name."""
    target = Path(path)
    others = [e for e in _folder_for_writing(target.parent, source) if Path(e.path) != target]
    named = [e for e in others if e.template and _same_name(e.template.name, template.name)]
    if named:
        names = _taken(others)[1]
        raise TemplateClashError(
            "templates.name_taken",
            template,
            named,
            template.id,
            _unique(template.name, names, lambda b, n: f"{b} ({n})"),
            name=template.name,
            folder=str(target.parent),
        )


def delete_template(item: Template | LibraryEntry) -> None:
    """Remove a user or organisation template file (the GUI asks for confirmation first).

    Built-in templates are read-only: StorageError. A file already gone is not an error.
    """
    target = _library_file(item, "delete")
    try:
        target.unlink()
    except FileNotFoundError:
        return
    except OSError as error:
        raise StorageError(
            "templates.not_deleted",
            file=target.name,
            folder=str(target.parent),
            reason=os_reason(error),
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
        raise ValueFormatError("templates.bad_language", language=language)
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
