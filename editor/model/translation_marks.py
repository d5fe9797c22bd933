"""The record a language copy keeps in its release file: which release (and language) it was
made from, which fields still hold the other language's text ("to translate"), and which values
it had to leave out. Made by ``editor.model.language_copy``; kept apart so the release file can
read it without the making.

Older versions of Pressklar ignore the record (an unknown key of the file): they open the copy
as an ordinary release, and a save from them simply leaves the marks out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

FILE_KEY = "language_copy"


@dataclass(frozen=True)
class LanguageCopy:
    """What a release made as a language copy records: where it came from, which fields still
    hold the other language's text, and which values the copy had to leave out (by label)."""

    source_id: str
    source_language: str
    to_translate: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "of": self.source_id,
            "language": self.source_language,
            "to_translate": list(self.to_translate),
            "dropped": list(self.dropped),
        }

    @classmethod
    def from_dict(cls, data: Any) -> LanguageCopy | None:
        """The record as a file holds it; None for one that cannot be read (it is a reminder,
        never a reason to refuse a release)."""
        if not isinstance(data, dict):
            return None
        source_id, language = data.get("of", ""), data.get("language", "")
        if not isinstance(source_id, str) or not isinstance(language, str):
            return None
        return cls(
            source_id, language, _texts(data.get("to_translate")), _texts(data.get("dropped"))
        )

    def without(self, keys: set[str]) -> LanguageCopy:
        return replace(self, to_translate=tuple(k for k in self.to_translate if k not in keys))


def _texts(raw: Any) -> tuple[str, ...]:
    return tuple(item for item in raw if isinstance(item, str)) if isinstance(raw, list) else ()


def still_to_translate(
    copy: LanguageCopy, before: dict[str, Any], after: dict[str, Any]
) -> LanguageCopy:
    """The record once the values went from ``before`` to ``after``: an edited field is done."""
    edited = {key for key in copy.to_translate if before.get(key) != after.get(key)}
    return copy.without(edited) if edited else copy
