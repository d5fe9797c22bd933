"""The variables a body sees: each field's value as a Python object, ready to print, and the
problems found on the way (an empty required field, a level its set does not have)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from editor.errors import Problem
from editor.model.fields import FieldDef, FieldType, TimelineRow, is_empty
from editor.model.levels import Level, LevelSetRegistry, default_registry
from editor.model.template import Template
from editor.render.escape import MarkdownText
from editor.render.values import ContactList, Missing

REQUIRED = "render.required"  # the code of the problem an empty required field makes


@dataclass(frozen=True)
class RenderContext:
    variables: dict[str, Any]
    problems: list[Problem]


def build_context(
    template: Template,
    values: dict[str, Any],
    levels: LevelSetRegistry | None = None,
    today: date | None = None,
) -> RenderContext:
    """The variables a body sees: each field's value as a Python object, ready to print."""
    levels = levels or default_registry()
    problems: list[Problem] = []
    variables: dict[str, Any] = {"lang": template.language}
    for field_def in template.fields:
        value = values.get(field_def.key)
        if is_empty(value):
            if field_def.required:
                problems.append(Problem(REQUIRED, field=field_def.key))
                variables[field_def.key] = Missing(field_def.label)
            else:
                variables[field_def.key] = _empty(field_def)
            continue
        variables[field_def.key] = _as_context_value(field_def, template, value, levels, problems)
    if not isinstance(variables.get("release_date"), date):
        variables["release_date"] = today or date.today()
    variables["published_at"] = publication_moment(
        variables["release_date"], publication_time(variables), datetime.now()
    )
    return RenderContext(variables, problems)


# The field that says when a release goes out: its time of publication, or an update's time
# ("Uppdatering 15.45"), which is when that update is sent.
PUBLICATION_TIME_KEYS = ("release_time", "update_time")


def publication_time(values: Mapping[str, Any]) -> Any:
    """The release's time of publication from its values, None when it names none."""
    return next(
        (values[key] for key in PUBLICATION_TIME_KEYS if isinstance(values.get(key), time)), None
    )


def publication_moment(release_date: Any, release_time: Any, now: datetime) -> datetime:
    """When the release is published: its date plus its time when given; without a time, the
    clock reading of ``now`` on that date (a draft is "now")."""
    if not isinstance(release_date, date):
        return now
    day = release_date.date() if isinstance(release_date, datetime) else release_date
    if isinstance(release_time, time):
        return datetime.combine(day, release_time.replace(tzinfo=None))
    return datetime.combine(day, now.time().replace(second=0, microsecond=0))


def _empty(field_def: FieldDef) -> Any:
    if field_def.type == FieldType.CONTACT:
        return ContactList()
    if field_def.type in (FieldType.TIMELINE, FieldType.QUOTE):
        return []
    if field_def.type == FieldType.YESNO:
        return False
    return None


def _as_context_value(
    field_def: FieldDef,
    template: Template,
    value: Any,
    levels: LevelSetRegistry,
    problems: list[Problem],
) -> Any:
    kind = field_def.type
    if kind == FieldType.PARAGRAPHS:
        return MarkdownText(value)
    if kind == FieldType.LEVEL:
        set_id = field_def.level_set or template.level_set
        level_set = levels.get(set_id)
        try:
            if level_set is None:
                raise KeyError(set_id)
            level: Level = level_set.level(value, template.language)
            return level
        except KeyError:
            params = {"value": str(value), "level_set": set_id}
            problems.append(Problem("render.unknown_level", params, field=field_def.key))
            return Missing(field_def.label)
    if kind == FieldType.CONTACT:
        return ContactList(value)
    if kind == FieldType.TIMELINE:
        rows: list[TimelineRow] = sorted(value, key=TimelineRow.sort_key)
        return rows
    return value
