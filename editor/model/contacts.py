"""Contacts as they appear in a release's contact block."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from editor.errors import ValueFormatError


@dataclass(frozen=True)
class Phone:
    number: str
    label: str = ""

    def __str__(self) -> str:
        return self.number


@dataclass(frozen=True)
class Contact:
    """A person in a contact block. A release stores its own copy, so it stays self-contained."""

    name: str
    title: str = ""
    organisation: str = ""
    unit: str = ""
    email: str = ""
    phones: tuple[Phone, ...] = field(default_factory=tuple)
    id: str = ""  # the contact book's id, when picked from it
    group: str = ""  # in a release: the heading the contact stands under ("Presskontakt")

    def __str__(self) -> str:
        return self.name

    def is_empty(self) -> bool:
        return not (
            self.name or self.title or self.organisation or self.unit or self.email or self.phones
        )

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name}
        for key in ("title", "organisation", "unit", "email", "id", "group"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        data["phones"] = [
            {"number": p.number, "label": p.label} if p.label else p.number for p in self.phones
        ]
        return data

    @classmethod
    def from_dict(cls, data: Any) -> Contact:
        if isinstance(data, str):
            return cls(name=data)
        if not isinstance(data, dict):
            raise ValueFormatError("contact.not_object")
        phones: list[Phone] = []
        raw_phones = data.get("phones", [])
        if isinstance(raw_phones, str):
            raw_phones = [raw_phones]
        if not isinstance(raw_phones, list):
            raise ValueFormatError("contact.phones_not_list")
        for raw in raw_phones:
            if isinstance(raw, str):
                phones.append(Phone(raw))
            elif isinstance(raw, dict) and isinstance(raw.get("number"), str):
                phones.append(Phone(raw["number"], str(raw.get("label", ""))))
            else:
                raise ValueFormatError("contact.bad_phone")
        texts = {}
        for key in ("name", "title", "organisation", "unit", "email", "id", "group"):
            value = data.get(key, "")
            if not isinstance(value, str):
                raise ValueFormatError("contact.not_text", key=key)
            texts[key] = value
        return cls(phones=tuple(phones), **texts)


# id -> (contact, its line): contacts are frozen and a book read again hands out the same ones,
# so each is described once, by whichever thread asks first (the warm-up, a picker, the book)
_lines: dict[str, tuple[Contact, str]] = {}


def picker_line(contact: Contact) -> str:
    """How a contact reads in the pickers and the contact book's list: name — title,
    organisation."""
    known = _lines.get(contact.id)
    if known is None or known[0] is not contact:
        rest = ", ".join(part for part in (contact.title, contact.organisation) if part)
        known = (contact, f"{contact.name} — {rest}" if rest else contact.name)
        if contact.id:
            _lines[contact.id] = known
    return known[1]
