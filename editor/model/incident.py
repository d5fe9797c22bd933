"""An incident: a series of releases (raised, updates, lowered, ended; declared, updates, stood
down) that several officers write in turn.

Each release file records its place in the thread: the incident (an id and a title), its number,
and the id and content hash of the release it follows. So the thread rebuilds from the files
alone, and a file changed after a follow-up was made from it is noticed. Exercise mode belongs
to the thread: a follow-up of an exercise is an exercise.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from editor.errors import InvalidFileError, Problem


def content_hash(data: bytes) -> str:
    """The SHA-256 of a file's bytes, as the log and the thread record it."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class IncidentLink:
    incident_id: str
    title: str
    number: int = 1  # 1: the first release of the incident
    follows_id: str = ""  # the release this one follows ("" for the first)
    follows_hash: str = ""  # the SHA-256 of that release's file when this one was made

    @classmethod
    def start(cls, title: str) -> IncidentLink:
        return cls(uuid.uuid4().hex, title.strip())

    def next(self, follows_id: str, follows_hash: str) -> IncidentLink:
        return IncidentLink(self.incident_id, self.title, self.number + 1, follows_id, follows_hash)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.incident_id, "title": self.title, "number": self.number}
        if self.follows_id:
            data["follows"] = {"id": self.follows_id, "sha256": self.follows_hash}
        return data

    @classmethod
    def from_dict(cls, data: Any, source: str = "") -> IncidentLink:
        bad = InvalidFileError([Problem("incident.bad_link", {}, source, None, "incident")])
        if not isinstance(data, dict):
            raise bad
        incident_id, title, number = data.get("id"), data.get("title", ""), data.get("number", 1)
        follows = data.get("follows") or {}
        if not (isinstance(incident_id, str) and incident_id and isinstance(title, str)):
            raise bad
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 10_000:
            raise bad
        if not isinstance(follows, dict):
            raise bad
        follows_id, follows_hash = follows.get("id", ""), follows.get("sha256", "")
        if not (isinstance(follows_id, str) and isinstance(follows_hash, str)):
            raise bad
        return cls(incident_id, title, number, follows_id, follows_hash)


# The release that usually comes next in a thread, by template id without its language. An
# ended or stood-down incident is followed by another update only if the officer says so.
NEXT_KIND = {
    "readiness-raised": "incident-update",
    "incident-update": "incident-update",
    "readiness-lowered": "readiness-ended",
    "crisis-management-activated": "incident-update",
    "holding": "incident-update",
    "critical-incident-declared": "critical-incident-update",
    "critical-incident-update": "critical-incident-update",
}


def template_kind(template_id: str) -> str:
    """``readiness-ended-sv`` -> ``readiness-ended``; an id without a language stays whole."""
    kind, dash, language = template_id.rpartition("-")
    return kind if dash and len(language) in (2, 5) else template_id


def suggested_next(template_id: str) -> str:
    """The id of the template a follow-up of ``template_id`` would usually use (the same one
    when there is no rule): ``readiness-raised-sv`` -> ``incident-update-sv``."""
    kind = template_kind(template_id)
    language = template_id[len(kind) + 1 :]
    following = NEXT_KIND.get(kind)
    if following is None:
        return template_id
    return f"{following}-{language}" if language else following


PROMISED_UPDATE = "next_update_at"  # the field in which a release promises its next update


def promised_update(values: dict[str, Any]) -> datetime | None:
    """When the release promised the next update, if it did (a date and time)."""
    value = values.get(PROMISED_UPDATE)
    return value if isinstance(value, datetime) else None
