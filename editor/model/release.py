"""Releases: one self-contained, versioned file holding a full template copy and the values.

A release opens identically years later even when the template it came from has changed,
because it carries its own copy.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from editor.errors import InvalidFileError, NewerFormatError, Problem, ValueFormatError
from editor.i18n import Message
from editor.model.fields import default_value, dump_value, parse_value
from editor.model.incident import IncidentLink
from editor.model.reading import load_json
from editor.model.template import Template, template_from_dict
from editor.model.translation_marks import FILE_KEY as COPY_KEY
from editor.model.translation_marks import LanguageCopy, still_to_translate

RELEASE_FORMAT = 1
RELEASE_KIND = "pressklar-release"
RELEASE_SUFFIX = ".pressklar"
ORGANISATION_FIELD = "organisation"  # its name: filled from the settings, never translated
NO_SUCH_FIELD = "release.no_such_field"  # a value for a field the template does not have


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


@dataclass(frozen=True)
class Release:
    template: Template
    values: dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created: datetime = field(default_factory=_now)
    modified: datetime = field(default_factory=_now)
    embargo: datetime | None = None  # not to be published before this moment (wall clock)
    incident: IncidentLink | None = None  # its place in a series of releases
    exercise: bool = False  # an exercise: marked as such in every format
    language_copy: LanguageCopy | None = None  # made from a release in another language

    @classmethod
    def new(cls, template: Template, values: dict[str, Any] | None = None) -> Release:
        """A release with every field at its default, then ``values`` (already parsed) on top."""
        start = {f.key: default_value(f) for f in template.fields}
        start.update(values or {})
        return cls(template=template.with_source("release", template.path), values=start)

    def with_values(self, values: dict[str, Any]) -> Release:
        """The release with these values; a field still to translate is done once edited."""
        copy = self.language_copy
        if copy is not None and copy.to_translate:
            copy = still_to_translate(copy, self.values, values)
        return replace(self, values=values, modified=_now(), language_copy=copy)

    def translated(self, key: str) -> Release:
        """The release with field ``key`` no longer to translate (its text stands as it is)."""
        if self.language_copy is None or key not in self.language_copy.to_translate:
            return self
        return replace(self, language_copy=self.language_copy.without({key}), modified=_now())

    def to_translate(self) -> tuple[str, ...]:
        """The keys of the fields that still hold the other language's text, in form order."""
        marked = set(self.language_copy.to_translate) if self.language_copy else set()
        return tuple(f.key for f in self.template.fields if f.key in marked)

    def with_embargo(self, embargo: datetime | None) -> Release:
        return replace(self, embargo=embargo, modified=_now())

    def with_exercise(self, exercise: bool) -> Release:
        return replace(self, exercise=exercise, modified=_now())

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": RELEASE_FORMAT,
            "kind": RELEASE_KIND,
            "id": self.id,
            "created": self.created.isoformat(),
            "modified": self.modified.isoformat(),
            **({"embargo": self.embargo.isoformat()} if self.embargo else {}),
            **({"incident": self.incident.to_dict()} if self.incident else {}),
            **({"exercise": True} if self.exercise else {}),
            **({COPY_KEY: self.language_copy.to_dict()} if self.language_copy else {}),
            "template": self.template.to_dict(),
            "values": values_to_json(self.template, self.values),
        }


def values_to_json(template: Template, values: dict[str, Any]) -> dict[str, Any]:
    return {f.key: dump_value(f, values.get(f.key)) for f in template.fields}


def values_from_json(
    template: Template, data: dict[str, Any], source: str = ""
) -> tuple[dict[str, Any], list[Problem]]:
    """Parse JSON values by the template's fields; unknown keys and bad values become problems.

    Fields missing from ``data`` keep their default, so a values file may fill only some fields.
    """
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    known = {f.key for f in template.fields}
    for key in data:
        if key not in known:
            problems.append(Problem(NO_SUCH_FIELD, {}, source, None, key))
    for field_def in template.fields:
        if field_def.key not in data:
            values[field_def.key] = default_value(field_def)
            continue
        try:
            values[field_def.key] = parse_value(field_def, data[field_def.key])
        except ValueFormatError as error:
            problems.append(Problem(error.code, error.params, source, None, field_def.key))
            values[field_def.key] = default_value(field_def)
    return values, problems


def release_to_json(release: Release) -> str:
    return json.dumps(release.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _timestamp(data: dict[str, Any], key: str) -> datetime:
    raw = data.get(key)
    if isinstance(raw, str):
        try:
            return datetime.fromisoformat(raw)
        except ValueError:
            pass
    return _now()


def _embargo(data: dict[str, Any], source: str) -> datetime | None:
    """The optional embargo; files saved before embargoes existed simply have none."""
    raw = data.get("embargo")
    if raw is None or raw == "":
        return None
    if isinstance(raw, str):
        try:
            return datetime.fromisoformat(raw)
        except ValueError:
            pass
    raise InvalidFileError([Problem("release.bad_embargo", {}, source, None, "embargo")])


def parse_release(text: str, source: str = "") -> Release:
    """Read a release file. Refuses (never half-reads) a corrupt or newer-format file."""
    data = load_json(text, source, damaged="release.damaged")
    if not isinstance(data, dict) or data.get("kind") != RELEASE_KIND:
        raise InvalidFileError([Problem("release.not_release", {}, source)])
    version = data.get("format")
    if not isinstance(version, int):
        raise InvalidFileError([Problem("release.no_format", {}, source, None, "format")])
    if version > RELEASE_FORMAT:
        raise NewerFormatError(
            "release.newer_format",
            file=source or Message("release.this"),
            version=version,
            supported=RELEASE_FORMAT,
        )
    raw_template = data.get("template")
    if not isinstance(raw_template, dict):
        raise InvalidFileError([Problem("release.no_template", {}, source, None, "template")])
    template = template_from_dict(raw_template, source).with_source("release", source)
    raw_values = data.get("values", {})
    if not isinstance(raw_values, dict):
        raise InvalidFileError([Problem("release.values_not_object", {}, source, None, "values")])
    values, problems = values_from_json(template, raw_values, source)
    bad = [p for p in problems if p.code != NO_SUCH_FIELD]
    if bad:
        raise InvalidFileError(bad)
    release_id = data.get("id")
    embargo = _embargo(data, source)
    incident = IncidentLink.from_dict(data["incident"], source) if "incident" in data else None
    exercise = data.get("exercise", False)
    if not isinstance(exercise, bool):
        raise InvalidFileError([Problem("incident.bad_exercise", {}, source, None, "exercise")])
    return Release(
        template=template,
        values=values,
        id=release_id if isinstance(release_id, str) and release_id else uuid.uuid4().hex,
        created=_timestamp(data, "created"),
        modified=_timestamp(data, "modified"),
        embargo=embargo,
        incident=incident,
        exercise=exercise,
        language_copy=LanguageCopy.from_dict(data.get(COPY_KEY)),
    )
