"""Marks a release carries in every format, in the release's language (they are part of the
text that goes out): "ÖVNING" / "EXERCISE" for an exercise, in the headline line and the first
line, and the number of a follow-up ("Uppdatering 2" / "Update 2")."""

from __future__ import annotations

import re

from editor.model.language import is_swedish
from editor.render.escape import escape_markdown

_HEADLINE = re.compile(r"^(#{1,6}[ \t]+)", re.MULTILINE)


def exercise_word(lang: str) -> str:
    return "ÖVNING" if is_swedish(lang) else "EXERCISE"


def update_label(number: int, lang: str) -> str:
    return f"Uppdatering {number}" if is_swedish(lang) else f"Update {number}"


def exercise_prefix(text: str, lang: str) -> str:
    """A short text (an SMS, a post, a Subject) marked as an exercise."""
    return f"{exercise_word(lang)}: {text}"


def with_marks(markdown: str, lang: str, *, exercise: bool = False, number: int = 1) -> str:
    """The release's Markdown with its marks: an exercise line first and the headline
    prefixed (so the e-mail's Subject and the PDF's title say it too), then a follow-up's
    number above the headline."""
    if number > 1:
        label = escape_markdown(update_label(number, lang))
        markdown = _insert_before_headline(markdown, f"*{label}*\n\n")
    if exercise:
        word = exercise_word(lang)
        markdown = _HEADLINE.sub(lambda m: f"{m.group(1)}{word}: ", markdown, count=1)
        banner = " – ".join([word] * 3)
        markdown = f"**{banner}**\n\n" + markdown.lstrip("\n")
    return markdown


def _insert_before_headline(markdown: str, text: str) -> str:
    found = _HEADLINE.search(markdown)
    if found is None:
        return text + markdown
    return markdown[: found.start()] + text + markdown[found.start() :]
