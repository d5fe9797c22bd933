"""The checks of a language copy: the fields that still hold the other language's text, and
the values the copy had to leave out. The CLI's ``language-copy`` prints the same notes."""

from __future__ import annotations

from typing import Any, Literal

from editor.i18n import language_name
from editor.model.release import Release

CopyNote = tuple[Literal["warning", "info"], str, "str | None", dict[str, Any]]


def copy_notes(release: Release) -> list[CopyNote]:
    """(severity, check code, field, parameters) of each note: the fields to translate as a
    warning (its field: the first of them, so a click goes there), what was left out as info."""
    copy = release.language_copy
    if copy is None:
        return []
    notes: list[CopyNote] = []
    language = language_name(copy.source_language)
    keys = release.to_translate()
    if keys:
        labels = {f.key: f.label for f in release.template.fields}
        fields = ", ".join(labels[key] for key in keys)
        notes.append(("warning", "to_translate", keys[0], {"language": language, "fields": fields}))
    if copy.dropped:
        language = language_name(release.template.language)
        notes.append(
            (
                "info",
                "copy_dropped",
                None,
                {"language": language, "fields": ", ".join(copy.dropped)},
            )
        )
    return notes
