"""A quote in a release: who said it (picked from the contact book or typed) and what."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from editor.errors import ValueFormatError


@dataclass(frozen=True)
class Quote:
    text: str
    name: str = ""
    title: str = ""
    contact_id: str = ""  # the contact book's id, when the speaker was picked from it

    def is_empty(self) -> bool:
        return not self.text.strip()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"text": self.text, "name": self.name}
        if self.title:
            data["title"] = self.title
        if self.contact_id:
            data["contact_id"] = self.contact_id
        return data

    @classmethod
    def from_dict(cls, data: Any) -> Quote:
        if isinstance(data, str):
            return cls(text=data)
        if not isinstance(data, dict):
            raise ValueFormatError("quote.not_object")
        texts = {}
        for key in ("text", "name", "title", "contact_id"):
            value = data.get(key, "")
            if not isinstance(value, str):
                raise ValueFormatError("quote.not_text", key=key)
            texts[key] = value
        return cls(**texts)
