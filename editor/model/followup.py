"""A follow-up: the next release of an incident, made from the last one.

Every fact that still holds is carried over: the organisation, the event and its cause, levels
and their times, contacts, quotes' speakers, advice; anything typed in a field of the same key
and kind. What describes what is new starts empty: the headline, the lead and every free-text
paragraph field (the body, the consequences, what happens next). The release date is today;
the number comes from the incident, never typed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from editor.model.fields import FieldDef, FieldType, default_value
from editor.model.incident import IncidentLink, content_hash
from editor.model.level_choice import uses_levels, with_level_set
from editor.model.levels import default_registry
from editor.model.release import Release
from editor.model.template import Template

NEW_EACH_TIME = frozenset({"headline", "lead", "news", "update", "what_is_new"})
RELEASE_DATE = "release_date"


def carries_over(field_def: FieldDef) -> bool:
    """True for a field whose value a follow-up keeps: facts, not the news."""
    if field_def.key in NEW_EACH_TIME or field_def.key == RELEASE_DATE:
        return False
    return field_def.type != FieldType.PARAGRAPHS


def _carried(old: FieldDef | None, new: FieldDef, value: Any) -> bool:
    return old is not None and old.type == new.type and carries_over(new) and value is not None


def follow_up(
    previous: Release,
    previous_bytes: bytes,
    template: Template | None = None,
    today: date | None = None,
    title: str = "",
) -> Release:
    """The next release of ``previous``'s incident (a new incident when it had none, which the
    previous release starts as number 1). ``previous_bytes``: its file as saved, whose hash the
    follow-up records. ``template``: the one to use (default: the previous one). ``title``: the
    previous release's headline as rendered, which names a new incident when none was typed."""
    template = in_the_same_level_set(template or previous.template, previous.template)
    before = {f.key: f for f in previous.template.fields}
    values: dict[str, Any] = {}
    for field_def in template.fields:
        value = previous.values.get(field_def.key)
        if _carried(before.get(field_def.key), field_def, value):
            values[field_def.key] = value
        elif field_def.key == RELEASE_DATE and field_def.type == FieldType.DATE:
            values[field_def.key] = today or date.today()
        else:
            values[field_def.key] = default_value(field_def)
    link = previous.incident or IncidentLink.start(incident_title(previous, title))
    following = Release.new(template, values)
    return replace(
        following,
        incident=link.next(previous.id, content_hash(previous_bytes)),
        exercise=previous.exercise,
    )


def in_the_same_level_set(template: Template, previous: Template) -> Template:
    """A follow-up speaks in the level set its incident has spoken in so far."""
    wanted = previous.level_set
    if wanted == template.level_set or not (uses_levels(template) and uses_levels(previous)):
        return template
    moved, _ = with_level_set(template, {}, wanted, default_registry())
    return moved if moved.level_set == wanted else replace(template, level_set=wanted)


def incident_title(release: Release, rendered_title: str = "") -> str:
    """The title a new incident takes from the release that starts it: its headline as typed,
    else as the release renders it (``rendered_title``: a headline the template wrote itself)."""
    headline = release.values.get("headline")
    if isinstance(headline, str) and headline.strip():
        return headline.strip()
    return " ".join(rendered_title.split())
