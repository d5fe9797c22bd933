"""Field definitions and the conversion of their values to and from plain JSON data.

Values live in a release as Python objects: ``str`` for text, paragraphs (Markdown), choices and
level ids; ``date``, ``time``, ``datetime``; ``list[Contact]``; ``list[TimelineRow]``; ``bool``.
An empty value is ``None`` (or an empty list). JSON forms are those of the CLI's ``--values``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from editor.errors import ValueFormatError
from editor.model.contacts import Contact
from editor.model.quotes import Quote


class FieldType(StrEnum):
    TEXT = "text"
    PARAGRAPHS = "paragraphs"
    DATE = "date"
    TIME = "time"
    DATETIME = "datetime"
    CHOICE = "choice"
    LEVEL = "level"
    CONTACT = "contact"
    TIMELINE = "timeline"
    YESNO = "yesno"
    QUOTE = "quote"


class DayOnly(datetime):
    """A date-time field's value when only the date is known: a datetime at midnight that
    the filters print without a time (never "klockan 00.00")."""

    has_time = False

    @classmethod
    def of(cls, day: date) -> DayOnly:
        return cls(day.year, day.month, day.day)

    def isoformat(self, sep: str = "T", timespec: str = "auto") -> str:
        return self.date().isoformat()


def has_time(value: Any) -> bool:
    """False for a date-time that holds a date alone (and for a plain date)."""
    if isinstance(value, datetime):
        return getattr(value, "has_time", True)
    return isinstance(value, time)


@dataclass(frozen=True)
class TimelineRow:
    at: time | datetime
    text: str

    def sort_key(self) -> tuple[int, datetime]:
        if isinstance(self.at, datetime):
            return (0, self.at.replace(tzinfo=None))
        return (1, datetime.combine(date.min, self.at))


@dataclass(frozen=True)
class FieldDef:
    key: str
    type: FieldType
    label: str
    help: str = ""
    required: bool = False
    default: Any = None  # the JSON form, converted on use
    group: str = ""
    choices: tuple[str, ...] = ()
    level_set: str = ""  # for level fields; "" means the template's level set
    multiple: bool = False  # contacts: more than one allowed
    # contacts: labelled groups; the headings the form offers ("Mer information", "Presskontakt")
    groups: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The field as a template file holds it; settings that do not apply to the type
        (choices of a text field...) are left out rather than saved as clutter."""
        data: dict[str, Any] = {"key": self.key, "type": str(self.type), "label": self.label}
        if self.help:
            data["help"] = self.help
        if self.required:
            data["required"] = True
        if self.default is not None:
            data["default"] = self.default
        if self.group:
            data["group"] = self.group
        if self.type == FieldType.CHOICE:
            data["choices"] = list(self.choices)
        if self.type == FieldType.LEVEL and self.level_set:
            data["level_set"] = self.level_set
        if self.type == FieldType.CONTACT and self.multiple:
            data["multiple"] = True
        if self.type == FieldType.CONTACT and self.groups:
            data["groups"] = list(self.groups)
        return data


LIST_TYPES = (FieldType.CONTACT, FieldType.TIMELINE, FieldType.QUOTE)
_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?(?::\d{2})?$")
KEY_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

# Private-use characters mark placeholders inside rendered Markdown; typed text may not carry them.
PLACEHOLDER_OPEN = "\ue000"
PLACEHOLDER_CLOSE = "\ue001"
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000\ue001\ufeff\ufffe\uffff]"
)


def clean_line(text: str) -> str:
    """Single-line text as it may enter a release: no line breaks, no control characters.

    Emoji, right-to-left text and combining marks are kept; lone surrogates (which UTF-8 cannot
    hold) and the characters XML forbids are dropped.
    """
    text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ").replace("\t", " ")
    text = text.replace("\u2028", " ").replace("\u2029", " ")
    return unicodedata.normalize("NFC", _CONTROL.sub("", text))


def clean_paragraphs(text: str) -> str:
    """Multi-line Markdown as it may enter a release: newlines kept, control characters dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\t", "    ")
    return unicodedata.normalize("NFC", _CONTROL.sub("", text))


def is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list):
        return not value
    return False


def _parse_date(raw: Any) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        if raw == "today":
            return date.today()
        try:
            return date.fromisoformat(raw.strip())
        except ValueError:
            pass
    raise ValueFormatError("value.not_date", value=repr(raw))


def _parse_time(raw: Any) -> time:
    if isinstance(raw, datetime):
        return raw.time()
    if isinstance(raw, time):
        return raw
    if isinstance(raw, str):
        if raw == "now":
            return datetime.now().time().replace(second=0, microsecond=0)
        match = _TIME.match(raw.strip())
        if match:
            try:
                return time(int(match.group(1)), int(match.group(2) or 0))
            except ValueError:
                pass
    raise ValueFormatError("value.not_time", value=repr(raw))


def _parse_datetime(raw: Any) -> datetime:
    if isinstance(raw, datetime):
        return raw
    if isinstance(raw, str):
        if raw == "now":
            return datetime.now().replace(second=0, microsecond=0)
        if raw == "today":
            return DayOnly.of(date.today())
        if "T" not in raw and " " not in raw.strip():
            try:
                return DayOnly.of(date.fromisoformat(raw.strip()))
            except ValueError:
                pass
        try:
            return datetime.fromisoformat(raw.strip())
        except ValueError:
            pass
    raise ValueFormatError("value.not_datetime", value=repr(raw))


def _parse_timeline(raw: Any) -> list[TimelineRow]:
    if not isinstance(raw, list):
        raise ValueFormatError("value.timeline_not_list")
    rows = []
    for item in raw:
        if isinstance(item, TimelineRow):
            rows.append(item)
            continue
        if not isinstance(item, dict) or "at" not in item:
            raise ValueFormatError("value.timeline_row")
        at_raw = item["at"]
        at: time | datetime
        if (isinstance(at_raw, str) and "T" in at_raw) or isinstance(at_raw, datetime):
            at = _parse_datetime(at_raw)
        else:
            at = _parse_time(at_raw)
        text = item.get("text", "")
        if not isinstance(text, str):
            raise ValueFormatError("value.timeline_text")
        rows.append(TimelineRow(at, clean_line(text)))
    return rows


def parse_value(field_def: FieldDef, raw: Any) -> Any:
    """Convert a JSON value (or an already-typed one) to the field's Python value.

    Raises ValueFormatError with a message that names what was expected.
    """
    if raw is None or (isinstance(raw, str) and not raw.strip() and field_def.type != "yesno"):
        return [] if field_def.type in LIST_TYPES else None
    kind = field_def.type
    if kind == FieldType.TEXT:
        if not isinstance(raw, str | int | float):
            raise ValueFormatError("value.not_text")
        return clean_line(str(raw))
    if kind == FieldType.PARAGRAPHS:
        if not isinstance(raw, str):
            raise ValueFormatError("value.not_text")
        return clean_paragraphs(raw)
    if kind == FieldType.DATE:
        return _parse_date(raw)
    if kind == FieldType.TIME:
        return _parse_time(raw)
    if kind == FieldType.DATETIME:
        return _parse_datetime(raw)
    if kind in (FieldType.CHOICE, FieldType.LEVEL):
        if not isinstance(raw, str):
            raise ValueFormatError("value.not_choice")
        return clean_line(raw)
    if kind == FieldType.CONTACT:
        items = raw if isinstance(raw, list) else [raw]
        contacts = [
            item if isinstance(item, Contact) else Contact.from_dict(item) for item in items
        ]
        cleaned = [_clean_contact(c) for c in contacts if not c.is_empty()]
        if field_def.groups:  # none named: the field's first heading, which the form shows
            first = field_def.groups[0]
            cleaned = [c if c.group else replace(c, group=first) for c in cleaned]
        return cleaned
    if kind == FieldType.TIMELINE:
        return _parse_timeline(raw)
    if kind == FieldType.QUOTE:
        items = raw if isinstance(raw, list) else [raw]
        quotes = [item if isinstance(item, Quote) else Quote.from_dict(item) for item in items]
        return [
            Quote(
                clean_paragraphs(q.text).strip(),
                clean_line(q.name),
                clean_line(q.title),
                q.contact_id,
            )
            for q in quotes
            if not q.is_empty()
        ]
    if kind == FieldType.YESNO:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.strip().lower() in ("yes", "ja", "true", "1"):
            return True
        if isinstance(raw, str) and raw.strip().lower() in ("no", "nej", "false", "0", ""):
            return False
        raise ValueFormatError("value.not_yesno")
    raise ValueFormatError("value.unknown_type", type=str(kind))


def _clean_contact(contact: Contact) -> Contact:
    from editor.model.contacts import Phone

    return replace(
        contact,
        name=clean_line(contact.name),
        title=clean_line(contact.title),
        organisation=clean_line(contact.organisation),
        unit=clean_line(contact.unit),
        email=clean_line(contact.email),
        phones=tuple(Phone(clean_line(p.number), clean_line(p.label)) for p in contact.phones),
        group=clean_line(contact.group),
    )


def dump_value(field_def: FieldDef, value: Any) -> Any:
    """The JSON form of a field's value, the inverse of parse_value."""
    if value is None:
        return None
    if isinstance(value, DayOnly):
        return value.date().isoformat()
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, time):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if field_def.type == FieldType.CONTACT:
        return [c.to_dict() for c in value]
    if field_def.type == FieldType.QUOTE:
        return [q.to_dict() for q in value]
    if field_def.type == FieldType.TIMELINE:
        return [{"at": dump_value(field_def, row.at), "text": row.text} for row in value]
    return value


def default_value(field_def: FieldDef) -> Any:
    """The field's default as a Python value; a default that does not parse counts as empty."""
    try:
        return parse_value(field_def, field_def.default)
    except ValueFormatError:
        return None


@dataclass
class FieldGroup:
    name: str
    fields: list[FieldDef] = field(default_factory=list)
