"""The Common Alerting Protocol's words (CAP 1.2, OASIS) as Pressklar uses them: how a level
grades an alert (urgency, severity, certainty), which message type a release of an incident is,
and the identifier and sending time every export of a release repeats.

A level set may state its own grading per level (``cap = { urgency = ..., ... }`` in its file)
and its category (``[cap] category = "Health"``). A level without one is graded by its place in
the set (``grading_by_place``), so a set an organisation defined itself still gives a sensible
alert. A release without a level gets ``UNGRADED``: Pressklar does not guess a hazard that the
officer did not state.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from editor.model.incident import IncidentLink, template_kind

URGENCIES = ("Immediate", "Expected", "Future", "Past", "Unknown")
SEVERITIES = ("Extreme", "Severe", "Moderate", "Minor", "Unknown")
CERTAINTIES = ("Observed", "Likely", "Possible", "Unlikely", "Unknown")
CATEGORIES = (
    "Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env", "Transport", "Infra",
    "CBRNE", "Other",
)  # fmt: skip
GRADING_KEYS = {"urgency": URGENCIES, "severity": SEVERITIES, "certainty": CERTAINTIES}
DEFAULT_CATEGORY = "Other"


@dataclass(frozen=True)
class Grading:
    urgency: str = "Unknown"
    severity: str = "Unknown"
    certainty: str = "Unknown"


UNGRADED = Grading()  # a release that names no level
# Nothing is in force any more (an ended incident, the everyday baseline): the public need do
# nothing, the harm is small, and the officer reports what has happened.
ALL_CLEAR = Grading("Past", "Minor", "Observed")
# From the lowest proper level of a set to its highest. A declared level is a fact (Observed).
_BY_PLACE = (
    Grading("Future", "Minor", "Observed"),
    Grading("Expected", "Moderate", "Observed"),
    Grading("Immediate", "Severe", "Observed"),
)


def grading_by_place(place: int, count: int) -> Grading:
    """The grading of the ``place``-th (0-based) of ``count`` proper levels of a set that states
    none: the lowest Future/Minor, the highest Immediate/Severe, those between Expected/Moderate."""
    if count <= 1 or place <= 0:
        return _BY_PLACE[0] if count > 1 else _BY_PLACE[1]
    if place >= count - 1:
        return _BY_PLACE[2]
    return _BY_PLACE[1]


def grading_problems(table: Any) -> list[tuple[str, str]]:
    """(key, value) of each entry of a level's ``cap`` table that CAP does not allow."""
    if not isinstance(table, dict):
        return [("cap", str(table))]
    bad = []
    for key, value in table.items():
        allowed = GRADING_KEYS.get(str(key))
        if allowed is None or value not in allowed:
            bad.append((str(key), str(value)))
    return bad


# Template kinds (their id without the language) whose release ends the incident: in CAP the
# earlier alerts are then cancelled.
ENDING_KINDS = frozenset({"readiness-ended", "critical-incident-stood-down"})


def ends_incident(template_id: str) -> bool:
    return template_kind(template_id) in ENDING_KINDS


def message_type(template_id: str, incident: IncidentLink | None) -> str:
    """Alert for a release of its own or the first of an incident, Update for a follow-up,
    Cancel for the release that ends the incident."""
    if incident is None or incident.number <= 1:
        return "Alert"
    return "Cancel" if ends_incident(template_id) else "Update"


_TOKEN = re.compile(r"^[A-Za-z0-9._:@/+-]{1,200}$")


def is_cap_token(text: str) -> bool:
    """An identifier or sender CAP accepts: no spaces, commas, ``<`` or ``&``."""
    return bool(_TOKEN.match(text))


def _token(text: str) -> str:
    return text if is_cap_token(text) else hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def alert_identifier(release_id: str, incident: IncidentLink | None) -> str:
    """The same for every export of a release, and for every language version of it: an
    incident's release is named by the incident and its number, any other by its own id."""
    if incident is not None:
        return f"pressklar-{_token(incident.incident_id)}-{incident.number}"
    return f"pressklar-{_token(release_id)}"


def alert_sent(values: dict[str, Any], created: datetime) -> datetime:
    """When the release goes out: its date and time when both are typed, else when the file was
    made. It never reads the clock, so every export (and every reference to it) agrees."""
    day, clock = values.get("release_date"), values.get("release_time")
    if isinstance(day, date) and isinstance(clock, time):
        plain_day = day.date() if isinstance(day, datetime) else day
        return datetime.combine(plain_day, clock.replace(tzinfo=None))
    return created


def cap_datetime(moment: datetime) -> str:
    """``2018-09-21T07:00:00+02:00``: a wall-clock time is read in the computer's time zone; UTC
    is written ``-00:00``, as CAP asks."""
    aware = moment if moment.tzinfo is not None else moment.astimezone()
    text = aware.replace(microsecond=0).isoformat(timespec="seconds")
    return text[:-6] + "-00:00" if text.endswith("+00:00") else text
