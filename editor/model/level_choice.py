"""Which level set a release speaks in: the template's own, the organisation's default, or one
the release picked.

The choice lives in the release's copy of its template (``Template.level_set``), so a release
file names the set it used and opens with it years later. Choosing another set carries every
level value over to the level of the same rank in the new set ("förstärkningsläge", rank 2,
becomes "critical incident"), so the release keeps saying how serious things are.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from editor.i18n import Message
from editor.model.fields import FieldType
from editor.model.levels import LevelSet, LevelSetRegistry
from editor.model.release import Release
from editor.model.template import Template

LEVEL_SET_FALLBACK = "release.level_set_fallback"  # the set a release named is not installed
LEVEL_SET_MISSING = "release.level_set_missing"  # ... and no installed set has its levels


def follows_release_set(template: Template) -> list[str]:
    """The keys of the level fields that speak in the release's set (no set of their own)."""
    return [f.key for f in template.fields if f.type == FieldType.LEVEL and not f.level_set]


def uses_levels(template: Template) -> bool:
    return bool(follows_release_set(template))


def _rank_of(level_set: LevelSet | None, level_id: str) -> int | None:
    if level_set is None:
        return None
    return next((d.rank for d in level_set.levels if d.id == level_id), None)


def _same_rank(level_set: LevelSet, rank: int | None) -> str:
    ranked = sorted(level_set.levels, key=lambda d: d.rank)
    if rank is None or not ranked:
        return ""
    exact = next((d.id for d in ranked if d.rank == rank), "")
    return exact or min(ranked, key=lambda d: abs(d.rank - rank)).id


def with_level_set(
    template: Template, values: dict[str, Any], set_id: str, registry: LevelSetRegistry
) -> tuple[Template, dict[str, Any]]:
    """The template speaking in ``set_id`` and the values moved to it by rank. An unknown
    ``set_id``, or one the template already uses, changes nothing."""
    new_set = registry.get(set_id)
    if not set_id or new_set is None or set_id == template.level_set:
        return template, values
    old_set = registry.get(template.level_set)
    moved = dict(values)
    known = {d.id for d in new_set.levels}
    for key in follows_release_set(template):
        value = values.get(key)
        if isinstance(value, str) and value and value not in known:
            moved[key] = _same_rank(new_set, _rank_of(old_set, value))
    fields = tuple(
        replace(f, default=_same_rank(new_set, _rank_of(old_set, f.default)))
        if f.key in follows_release_set(template)
        and isinstance(f.default, str)
        and f.default
        and f.default not in known
        else f
        for f in template.fields
    )
    return replace(template, level_set=set_id, fields=fields), moved


def starting_level_set(template: Template, organisation_default: str) -> str:
    """The set a new release starts in: the organisation's default when it has one and the
    template uses levels, else the template's own."""
    if organisation_default and uses_levels(template):
        return organisation_default
    return template.level_set


def settle_level_set(
    template: Template, values: dict[str, Any], registry: LevelSetRegistry
) -> tuple[Template, list[Message]]:
    """A release opened on a computer without the set it names: the first installed set that
    has every level it uses, with a note saying so; none, and the note says that instead."""
    if not uses_levels(template) or registry.get(template.level_set) is not None:
        return template, []
    used = {
        str(values[key])
        for key in follows_release_set(template)
        if isinstance(values.get(key), str)
    } - {""}
    for level_set in registry:
        if used <= {d.id for d in level_set.levels}:
            note = Message(LEVEL_SET_FALLBACK, {"wanted": template.level_set, "used": level_set.id})
            return replace(template, level_set=level_set.id), [note]
    return template, [Message(LEVEL_SET_MISSING, {"wanted": template.level_set})]


def release_in_level_set(release: Release, set_id: str, registry: LevelSetRegistry) -> Release:
    """The release speaking in another set (the form's level-set control): an edit."""
    template, values = with_level_set(release.template, release.values, set_id, registry)
    if template is release.template:
        return release
    return replace(release, template=template).with_values(values)


def settle_release(release: Release, registry: LevelSetRegistry) -> tuple[Release, list[Message]]:
    """``settle_level_set`` for a release just opened: the release itself is left as saved
    unless its set is missing."""
    template, notes = settle_level_set(release.template, release.values, registry)
    return (release if template is release.template else replace(release, template=template)), notes
