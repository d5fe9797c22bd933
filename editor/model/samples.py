"""Sample values for the template editor's preview, and the template "New template" starts
from (no Qt here). A sample is the field's default where it has one, otherwise a plausible
example of its type in the template's language."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from editor.model.contacts import Contact, Phone
from editor.model.fields import FieldDef, FieldType, TimelineRow, default_value, is_empty
from editor.model.language import is_swedish
from editor.model.levels import LevelSetRegistry
from editor.model.quotes import Quote
from editor.model.template import Template


def _swedish(template: Template) -> bool:
    return is_swedish(template.language)


def sample_contact(swedish: bool) -> Contact:
    return Contact(
        name="Anna Exempel",
        title="pressekreterare" if swedish else "press officer",
        organisation="Region Exempelby" if swedish else "Example Region",
        email="anna.exempel@example.se",
        phones=(Phone("010-123 45 67", "mobil" if swedish else "mobile"),),
        id="",
    )


def sample_level(field_def: FieldDef, template: Template, levels: LevelSetRegistry) -> str | None:
    """The lowest proper level (above the baseline) of the field's level set."""
    level_set = levels.get(field_def.level_set or template.level_set)
    if level_set is None:
        return None
    ranked = level_set.all_levels(template.language)
    proper = [level for level in ranked if not level.is_baseline]
    chosen = proper or ranked
    return chosen[0].id if chosen else None


def sample_value(
    field_def: FieldDef, template: Template, levels: LevelSetRegistry, now: datetime
) -> Any:
    value = default_value(field_def)
    if not is_empty(value) and field_def.type != FieldType.YESNO:
        return value
    swedish = _swedish(template)
    example = "Exempel" if swedish else "Example"
    kind = field_def.type
    if kind == FieldType.TEXT:
        return f"{example} ({field_def.label})"
    if kind == FieldType.PARAGRAPHS:
        return f"{example} ({field_def.label})." + (
            " Här står ett stycke text." if swedish else " A paragraph of text goes here."
        )
    if kind == FieldType.DATE:
        return now.date()
    if kind == FieldType.TIME:
        return time(now.hour, now.minute)
    if kind == FieldType.DATETIME:
        return now.replace(second=0, microsecond=0)
    if kind == FieldType.CHOICE:
        return field_def.choices[0] if field_def.choices else None
    if kind == FieldType.LEVEL:
        return sample_level(field_def, template, levels)
    if kind == FieldType.CONTACT:
        return [sample_contact(swedish)]
    if kind == FieldType.TIMELINE:
        return [
            TimelineRow(time(8, 0), f"{example} 1"),
            TimelineRow(time(9, 30), f"{example} 2"),
        ]
    if kind == FieldType.QUOTE:
        speaker = sample_contact(swedish)
        return [Quote(f"{example}.", speaker.name, speaker.title)]
    if kind == FieldType.YESNO:
        return value if isinstance(value, bool) else True
    return None


def sample_values(
    template: Template, levels: LevelSetRegistry, now: datetime | None = None
) -> dict[str, Any]:
    """A value for every field, so the preview shows the whole body."""
    moment = now or datetime.now()
    return {f.key: sample_value(f, template, levels, moment) for f in template.fields}


def starter_template(language: str) -> Template:
    """What "New template" starts from: a headline, a date and a text, to change at will."""
    swedish = is_swedish(language)
    headline, day = ("Rubrik", "Datum") if swedish else ("Headline", "Date")
    return Template(
        id="",
        name="",
        language=language,
        body="{{ release_date|date }}\n\n# {{ headline }}\n\n{{ text }}\n",
        fields=(
            FieldDef("headline", FieldType.TEXT, headline, required=True),
            FieldDef("release_date", FieldType.DATE, day, default="today"),
            FieldDef("text", FieldType.PARAGRAPHS, "Text"),
        ),
    )
