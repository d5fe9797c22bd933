"""What a CAP alert says besides one rendered document: who sends it, when, its place in the
incident's thread, and one version per language of the release (``editor.storage.alerts``
gathers them from the files; the CAP writer only writes them down).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from markdown_it.tree import SyntaxTreeNode

from editor.model.alerting import ALL_CLEAR, UNGRADED, Grading, ends_incident
from editor.model.fields import FieldType
from editor.model.levels import LevelSetRegistry, default_registry
from editor.model.release import Release
from editor.render import markdown as md
from editor.render.document import RenderedDocument

ADVICE_FIELD = "advice"  # the field in which a release gives the public its advice


@dataclass(frozen=True)
class AlertReference:
    """An earlier alert of the same sender, as ``references`` names it."""

    identifier: str
    sent: datetime


@dataclass(frozen=True)
class AlertVersion:
    """One language version of the release: CAP's ``info``."""

    document: RenderedDocument
    grading: Grading = UNGRADED
    category: str = "Other"
    event: str = ""
    instruction: str = ""  # plain text: the advice to the public
    web: str = ""  # the release's public address, "" when unknown
    all_clear: bool = False  # the release ends the incident


@dataclass(frozen=True)
class AlertContext:
    identifier: str
    sender: str
    sent: datetime
    versions: tuple[AlertVersion, ...]
    sender_name: str = ""
    exercise: bool = False
    msg_type: str = "Alert"
    references: tuple[AlertReference, ...] = ()
    incident: str = ""  # the incident's id, for CAP's ``incidents``
    area: str = ""  # the region, in words; "" for no area


def release_level(release: Release, levels: LevelSetRegistry) -> tuple[str, str] | None:
    """(level set id, level id) of the first level field with a value, in the template's order:
    the level the release reports (``lowered_to`` before ``raised_to`` in a lowering)."""
    template = release.template
    for field_def in template.fields:
        value = release.values.get(field_def.key)
        if field_def.type == FieldType.LEVEL and isinstance(value, str) and value:
            set_id = field_def.level_set or template.level_set
            if levels.get(set_id) is not None:
                return set_id, value
    return None


def release_grading(release: Release, levels: LevelSetRegistry | None) -> tuple[Grading, str]:
    """The alert's grading and category: all clear when the release ends the incident, the
    level set's mapping of the release's level, else ungraded (category Other)."""
    registry = levels or default_registry()
    found = release_level(release, registry)
    level_set = registry.get(found[0]) if found else None
    category = level_set.category if level_set is not None else "Other"
    if ends_incident(release.template.id):
        return ALL_CLEAR, category
    if found is None or level_set is None:
        return UNGRADED, category
    return level_set.grading(found[1]), category


def markdown_plain(text: str) -> str:
    """A paragraphs value (Markdown) as plain text, one paragraph a line."""
    from editor.render.writers.text import plain_blocks

    return plain_blocks(SyntaxTreeNode(md.parse(text)).children, width=100_000)


def alert_version(
    release: Release,
    document: RenderedDocument,
    levels: LevelSetRegistry | None = None,
    web: str = "",
) -> AlertVersion:
    grading, category = release_grading(release, levels)
    advice: Any = release.values.get(ADVICE_FIELD)
    event = release.incident.title if release.incident and release.incident.title else ""
    return AlertVersion(
        document=document,
        grading=grading,
        category=category,
        event=event or release.template.name,
        instruction=markdown_plain(str(advice)) if isinstance(advice, str) and advice else "",
        web=web,
        all_clear=ends_incident(release.template.id),
    )
