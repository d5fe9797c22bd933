"""Checking the template being edited (no Qt here, so the template editor is a thin view of
it): build a Template from the header, the field rows and the body, and list every problem with
where it stands (a body line, a field row, a header setting). Problems are located by what
they carry (a field's row, a setting's name), never by reading their words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from editor.errors import InvalidFileError, PressklarError, Problem, ValueFormatError
from editor.i18n import Message, text
from editor.model.fields import KEY_PATTERN, FieldType, parse_value
from editor.model.levels import LevelSetRegistry
from editor.model.template import (
    LANGUAGE_PATTERN,
    Template,
    template_data,
    template_from_dict,
    template_id_from,
)
from editor.render.body_keys import lines_using_key
from editor.render.validation import UNDEFINED_NAME, template_warnings, validate_template

HEADER_SETTINGS = ("name", "language", "description", "level_set", "id", "body")


@dataclass(frozen=True)
class EditorProblem:
    """One problem, with where to take the user: a body ``line``, a field ``row`` (from 0) or a
    ``header`` setting. A ``warning`` does not stop the template from being saved."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict, hash=False)
    line: int | None = None
    row: int | None = None
    header: str | None = None
    warning: bool = False

    @classmethod
    def of(cls, problem: Problem, **where: Any) -> EditorProblem:
        return cls(problem.code, problem.params, **where)

    @property
    def message(self) -> str:
        """What is wrong, in the UI language."""
        return text(self.code, None, **self.params)


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
        template_id = base.id if base is not None and base.id else template_id_from(self.name)
        return template_data(
            template_id=template_id,
            name=self.name,
            language=self.language,
            description=self.description,
            level_set=self.level_set,
            fields=self.fields,
            body=self.body,
            short=base.short if base is not None else None,
            letterhead=base.letterhead if base is not None else "",
            extra=base.extra if base is not None else None,
        )


def _locate(problem: Problem) -> EditorProblem:
    if problem.row is not None:
        return EditorProblem.of(problem, row=problem.row)
    header = problem.field if problem.field in HEADER_SETTINGS else None
    return EditorProblem.of(problem, line=problem.line, header=header)


def _default_problems(template: Template, levels: LevelSetRegistry) -> list[EditorProblem]:
    problems = []
    for row, field_def in enumerate(template.fields):
        if field_def.default is None:
            continue
        try:
            value = parse_value(field_def, field_def.default)
        except ValueFormatError as error:
            reason = Message(error.code, error.params)
            problems.append(EditorProblem("editor.default_wrong", {"reason": reason}, row=row))
            continue
        if field_def.type == FieldType.CHOICE and value and value not in field_def.choices:
            problems.append(EditorProblem("editor.default_not_choice", row=row, warning=True))
        if field_def.type == FieldType.LEVEL and value:
            level_set = levels.get(field_def.level_set or template.level_set)
            ids = {d.id for d in level_set.levels} if level_set is not None else {value}
            if value not in ids:
                problems.append(EditorProblem("editor.default_not_level", row=row))
    return problems


def stale_key_problems(body: str, renamed: dict[str, str], keys: list[str]) -> list[EditorProblem]:
    """Lines that still use a key the field table renamed (when the body was left as it was)."""
    problems = []
    for old, new in renamed.items():
        if old in keys:
            continue
        for line in lines_using_key(body, old):
            problems.append(
                EditorProblem("editor.stale_key", {"old": old, "new": new}, line=line, warning=True)
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
        problems = [_locate(p) for p in error.problems]
    except PressklarError as error:
        problems = [EditorProblem(error.code, error.params)]
    preview = template or _stand_in(draft)
    if preview is None:
        return DraftCheck(None, None, problems + stale)
    stale_lines = {p.line for p in stale}
    if draft.body.strip():
        for problem in validate_template(preview):
            undefined = problem.line in stale_lines and problem.code == UNDEFINED_NAME
            if not undefined:
                problems.append(EditorProblem.of(problem, line=problem.line))
    problems += _default_problems(preview, levels)
    problems += [
        EditorProblem.of(warning, header="level_set", warning=True)
        for warning in template_warnings(preview, levels)
    ]
    return DraftCheck(template, preview, problems + stale)
