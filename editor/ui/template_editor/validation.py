"""Checking the template being edited (no Qt here): build a Template from the header, the field
rows and the body, and list every problem with where it stands (a body line, a field row, a
header setting)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from editor.errors import InvalidFileError, PressklarError, Problem, ValueFormatError
from editor.model.fields import KEY_PATTERN, FieldType, parse_value
from editor.model.levels import LevelSetRegistry
from editor.model.template import (
    LANGUAGE_PATTERN,
    TEMPLATE_FORMAT,
    Template,
    template_from_dict,
)
from editor.storage.template_io import template_id_from, template_warnings, validate_template
from editor.ui.template_editor.keys import lines_using_key

_ROW = re.compile(r"^fields\[(\d+)\]")
_NAMED = re.compile(r"^field '(.+?)'")
_DUPLICATE = re.compile(r"the key '(.+)' is used by two fields")
HEADER_SETTINGS = ("name", "language", "description", "level_set", "id", "body")


@dataclass(frozen=True)
class EditorProblem:
    """One problem, with where to take the user: a body ``line``, a field ``row`` (from 0) or a
    ``header`` setting. A ``warning`` does not stop the template from being saved."""

    message: str
    line: int | None = None
    row: int | None = None
    header: str | None = None
    warning: bool = False


@dataclass(frozen=True)
class TemplateDraft:
    """What the editor holds: the header settings, the field rows as dicts, the body."""

    name: str
    language: str
    description: str
    level_set: str
    fields: list[dict[str, Any]]
    body: str
    base: Template | None = None  # the template being edited: id, short forms, extra keys

    def to_dict(self) -> dict[str, Any]:
        base = self.base
        data: dict[str, Any] = dict(base.extra) if base is not None else {}
        template_id = base.id if base is not None and base.id else template_id_from(self.name)
        data.update(
            format=TEMPLATE_FORMAT,
            id=template_id,
            name=self.name,
            language=self.language,
            description=self.description,
            level_set=self.level_set,
            fields=self.fields,
            body=self.body,
        )
        if base is not None and base.short:
            data["short"] = dict(base.short)
        if base is not None and base.letterhead:
            data["letterhead"] = base.letterhead
        return data


def _locate(problem: Problem, fields: list[dict[str, Any]]) -> EditorProblem:
    where = problem.field or ""
    keys = [str(f.get("key", "")) for f in fields]
    row = _ROW.match(where)
    if row:
        return EditorProblem(problem.message, row=int(row.group(1)))
    named = _NAMED.match(where)
    if named and named.group(1) in keys:
        return EditorProblem(problem.message, row=keys.index(named.group(1)))
    duplicate = _DUPLICATE.match(problem.message)
    if duplicate:
        rows = [i for i, key in enumerate(keys) if key == duplicate.group(1)]
        return EditorProblem(problem.message, row=rows[-1] if rows else None)
    header = where if where in HEADER_SETTINGS else None
    return EditorProblem(problem.message, line=problem.line, header=header)


def _default_problems(template: Template, levels: LevelSetRegistry) -> list[EditorProblem]:
    problems = []
    for row, field_def in enumerate(template.fields):
        if field_def.default is None:
            continue
        try:
            value = parse_value(field_def, field_def.default)
        except ValueFormatError as error:
            problems.append(EditorProblem(f"the default is not right: {error}", row=row))
            continue
        if field_def.type == FieldType.CHOICE and value and value not in field_def.choices:
            problems.append(
                EditorProblem("the default is not one of the choices", row=row, warning=True)
            )
        if field_def.type == FieldType.LEVEL and value:
            level_set = levels.get(field_def.level_set or template.level_set)
            ids = {d.id for d in level_set.levels} if level_set is not None else {value}
            if value not in ids:
                problems.append(
                    EditorProblem("the default is not a level of the level set", row=row)
                )
    return problems


def stale_key_problems(body: str, renamed: dict[str, str], keys: list[str]) -> list[EditorProblem]:
    """Lines that still use a key the field table renamed (when the body was left as it was)."""
    problems = []
    for old, new in renamed.items():
        if old in keys:
            continue
        for line in lines_using_key(body, old):
            problems.append(
                EditorProblem(
                    f"still uses the old key {old!r} (the field is now {new!r})",
                    line=line,
                    warning=True,
                )
            )
    return problems


@dataclass(frozen=True)
class DraftCheck:
    """``template``: what the draft makes, None while its header or fields do not make one.
    ``preview``: a template good enough to check the body and show it (bad fields become text
    fields, a missing name or language a stand-in), None only when even that fails."""

    template: Template | None
    preview: Template | None
    problems: list[EditorProblem]


def _usable_fields(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each field that makes a field on its own; a broken one with a usable key becomes a text
    field, so the body's uses of it are still checked."""
    usable: list[dict[str, Any]] = []
    seen: set[str] = set()
    for raw in fields:
        key = raw.get("key")
        if not isinstance(key, str) or not KEY_PATTERN.match(key) or key in seen:
            continue
        seen.add(key)
        try:
            template_from_dict({"name": "x", "language": "en", "body": "x", "fields": [raw]})
        except PressklarError:
            raw = {"key": key, "type": "text", "label": key}
        usable.append(raw)
    return usable


def _stand_in(draft: TemplateDraft) -> Template | None:
    data = draft.to_dict()
    data.update(
        name=draft.name or "-",
        language=draft.language if LANGUAGE_PATTERN.match(draft.language) else "en",
        fields=_usable_fields(draft.fields),
        body=draft.body if draft.body.strip() else "-",
        id=data.get("id") or "draft",
    )
    try:
        return template_from_dict(data)
    except PressklarError:
        return None


def check_draft(
    draft: TemplateDraft, levels: LevelSetRegistry, renamed: dict[str, str] | None = None
) -> DraftCheck:
    """Every problem of the draft, each with where it stands (body lines counted in the body)."""
    keys = [str(f.get("key")) for f in draft.fields]
    stale = stale_key_problems(draft.body, renamed or {}, keys)
    problems: list[EditorProblem] = []
    template: Template | None = None
    try:
        template = template_from_dict(draft.to_dict())
    except InvalidFileError as error:
        problems = [_locate(p, draft.fields) for p in error.problems]
    except PressklarError as error:
        problems = [EditorProblem(str(error))]
    preview = template or _stand_in(draft)
    if preview is None:
        return DraftCheck(None, None, problems + stale)
    stale_lines = {p.line for p in stale}
    if draft.body.strip():
        for problem in validate_template(preview):
            undefined = problem.line in stale_lines and "is undefined" in problem.message
            if not undefined:
                problems.append(EditorProblem(problem.message, line=problem.line))
    problems += _default_problems(preview, levels)
    problems += [
        EditorProblem(message, header="level_set", warning=True)
        for message in template_warnings(preview, levels)
    ]
    return DraftCheck(template, preview, problems + stale)
