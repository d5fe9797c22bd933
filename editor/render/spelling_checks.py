"""The spelling findings of a release: unknown words, a word twice, a stray "i" before "i dag".

What is checked is what the user typed: single-line text and paragraph fields and the lines of
a timeline, by the template's language (the template's own wording was checked by whoever
wrote it; contacts are names). One finding per field lists its unknown words (at most
``MAX_LISTED_WORDS``), so a field full of names is one line in the Checks tab, not twenty;
each typo is its own finding (at most ``MAX_TYPO_FINDINGS`` in all).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final, Literal

from editor.model.fields import FieldType, TimelineRow
from editor.model.template import Template
from editor.render.spelling import Speller, typos

SpellerSource = Callable[[str], Speller | None]  # a language -> its speller (None: not loaded)
MAX_LISTED_WORDS: Final = 8
MAX_TYPO_FINDINGS: Final = 10
_CHECKED_TYPES: Final = (FieldType.TEXT, FieldType.PARAGRAPHS)

# (severity, code, field key, message parameters), as editor.render.checks adds them
Raw = tuple[Literal["error", "warning", "info"], str, str, dict[str, Any]]


def _typed_text(kind: FieldType, value: Any) -> str | None:
    """The prose a user typed into a field: its text, a timeline's "what happened" lines."""
    if kind in _CHECKED_TYPES and isinstance(value, str):
        return value
    if kind == FieldType.TIMELINE and isinstance(value, list):
        return "\n".join(row.text for row in value if isinstance(row, TimelineRow))
    return None


def spelling_findings(
    template: Template, values: Mapping[str, Any], spelling: SpellerSource | None
) -> Iterator[Raw]:
    lang = template.language
    speller = spelling(lang) if spelling is not None else None
    typo_count = 0
    for field_def in template.fields:
        value = _typed_text(field_def.type, values.get(field_def.key))
        if value is None:
            continue
        for problem in typos(value, lang):
            if typo_count < MAX_TYPO_FINDINGS:
                typo_count += 1
                code = "doubled_word" if problem.kind == "doubled" else "stray_i"
                params = {"words": problem.word, "label": field_def.label}
                yield "warning", code, field_def.key, params
        unknown = speller.unknown_in(value) if speller is not None else []
        if unknown:
            listed = unknown[:MAX_LISTED_WORDS]
            words = ", ".join(listed) + (", …" if len(unknown) > len(listed) else "")
            yield (
                "warning",
                "unknown_words",
                field_def.key,
                {"label": field_def.label, "count": len(unknown), "words": words},
            )
