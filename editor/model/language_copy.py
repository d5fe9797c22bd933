"""A language copy: the same release in another language ("Also in English", "Även på svenska").

The copy is made from the paired template (``readiness-raised-sv`` <-> ``readiness-raised-en``:
the template id with its language suffix swapped, or the pair a template names itself in its
file, ``translations = { en = "my-release-en" }``). It belongs to the same incident, with the
same number and the same predecessor, so a thread (and a CAP alert) sees two language versions
of one release, not two releases.

What is typed data comes out in the other language by itself: dates, times, yes/no, levels (by
id, when the other template's level set has that level) and contacts (a contact group is
carried by its place in the field's list of groups: "Presskontakt" -> "Media enquiries"); a
choice is carried by its place in the list of choices. Free text is copied and marked *to
translate* (text, paragraphs, quotes, timeline rows): the mark is kept in the release file and
goes as soon as the field's value changes, or the officer says the text stands as it is. A
single-line text still at its template's default takes the other template's default instead
(the label "PRESSMEDDELANDE" becomes "PRESS RELEASE"), and one with no letters in it (a phone
number) needs no translation. A value the other template has no field for, or no counterpart
for, is dropped, and the copy says which.

A file with no incident yet: the copy and the original share a new incident, both number 1
(``LanguageCopyResult.original`` is the original with that link; a caller saves it only when
the officer saves the original, so nothing changes on disk behind anyone's back).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from editor.model.contacts import Contact
from editor.model.fields import FieldDef, FieldType, default_value, is_empty
from editor.model.followup import in_the_same_level_set, incident_title
from editor.model.incident import IncidentLink
from editor.model.language import base_language
from editor.model.levels import LevelSetRegistry
from editor.model.quotes import Quote
from editor.model.release import ORGANISATION_FIELD, Release
from editor.model.template import Template
from editor.model.translation_marks import LanguageCopy

PAIRS_KEY = "translations"  # a template's own pairs: { en = "template-id", ... }
TRANSLATED_TYPES = frozenset(
    {FieldType.TEXT, FieldType.PARAGRAPHS, FieldType.QUOTE, FieldType.TIMELINE}
)


def paired_template_id(template: Template, language: str) -> str:
    """The id of ``template``'s pair in ``language``: the one the template names, else its id
    with the language suffix swapped (``readiness-raised-sv`` -> ``readiness-raised-en``); ""
    when the id has no language suffix."""
    wanted = base_language(language)
    own = template.extra.get(PAIRS_KEY)
    if isinstance(own, dict):
        named = own.get(wanted) or own.get(language)
        if isinstance(named, str) and named:
            return named
    stem, dash, suffix = template.id.rpartition("-")
    if not dash or base_language(suffix) != base_language(template.language):
        return ""
    return f"{stem}-{wanted}"


@dataclass(frozen=True)
class LanguageCopyResult:
    copy: Release
    original: Release  # with the shared incident link (changed only when it had none)


def language_copy(
    original: Release,
    template: Template,
    levels: LevelSetRegistry | None = None,
    title: str = "",
) -> LanguageCopyResult:
    """``original`` in ``template``'s language (see the module's docstring). The copy speaks in
    the original's level set: the same levels, named in the other language where the set can.
    ``title``: the original's headline as rendered, naming a new incident when none was typed."""
    template = in_the_same_level_set(template, original.template)
    before = {f.key: f for f in original.template.fields}
    values: dict[str, Any] = {}
    marked: list[str] = []
    dropped: list[str] = []
    for new in template.fields:
        old = before.pop(new.key, None)
        value = original.values.get(new.key)
        if old is None or is_empty(value):
            values[new.key] = default_value(new)
            continue
        carried = _carry(old, new, value, original.template, template, levels)
        if carried is None:
            dropped.append(old.label)
            values[new.key] = default_value(new)
            continue
        values[new.key], to_translate = carried
        if to_translate:
            marked.append(new.key)
    dropped += [f.label for f in before.values() if not is_empty(original.values.get(f.key))]
    link = original.incident or IncidentLink.start(incident_title(original, title))
    record = LanguageCopy(original.id, original.template.language, tuple(marked), tuple(dropped))
    copy = replace(
        Release.new(template, values),
        incident=link,
        exercise=original.exercise,
        embargo=original.embargo,
        language_copy=record,
    )
    linked = original if original.incident else replace(original, incident=link)
    return LanguageCopyResult(copy, linked)


def _carry(
    old: FieldDef,
    new: FieldDef,
    value: Any,
    old_template: Template,
    new_template: Template,
    levels: LevelSetRegistry | None,
) -> tuple[Any, bool] | None:
    """The value in the copy and whether it is to translate; None when it cannot be carried."""
    if old.type != new.type:
        return None
    kind = new.type
    if kind == FieldType.CHOICE:
        return _by_place(value, old.choices, new.choices)
    if kind == FieldType.LEVEL:
        return _level(value, new.level_set or new_template.level_set, levels)
    if kind == FieldType.CONTACT:
        return [_contact_group(c, old.groups, new.groups) for c in value], False
    if kind == FieldType.TEXT and new.default is not None and value == default_value(old):
        return default_value(new), False  # still the template's own wording: the pair's
    if kind == FieldType.TEXT:  # the organisation's name is the same in every language
        return value, new.key != ORGANISATION_FIELD and any(ch.isalpha() for ch in value)
    if kind in TRANSLATED_TYPES:
        return value, _has_text(value)
    return value, False


def _by_place(value: Any, old: tuple[str, ...], new: tuple[str, ...]) -> tuple[Any, bool] | None:
    if value in new:
        return value, False
    if value in old and old.index(value) < len(new):
        return new[old.index(value)], False
    return None


def _level(value: Any, set_id: str, levels: LevelSetRegistry | None) -> tuple[Any, bool] | None:
    if levels is None:
        return value, False
    level_set = levels.get(set_id)
    if level_set is None or value not in {d.id for d in level_set.levels}:
        return None
    return value, False


def _contact_group(contact: Contact, old: tuple[str, ...], new: tuple[str, ...]) -> Contact:
    if contact.group in old and old.index(contact.group) < len(new):
        return replace(contact, group=new[old.index(contact.group)])
    return contact


def _has_text(value: Any) -> bool:
    if isinstance(value, str):
        return any(ch.isalpha() for ch in value)
    if isinstance(value, list):
        return any(_has_text(_words(item)) for item in value)
    return False


def _words(item: Any) -> str:
    if isinstance(item, Quote):
        return item.text
    return str(getattr(item, "text", ""))
