"""The one word count, for the status bar, the checks' length limits and readability alike.

The status bar used to split on spaces (so a lone dash was a word) and the checks counted the
placeholders of empty fields too: 22 words against 19 for the same release. Both now count
``words`` over ``reader_lines``.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from markdown_it.token import Token

from editor.render.document import RenderedDocument
from editor.render.plain import inline_text

WORD = re.compile(r"\w(?:[\w'’\-.,:/@]*\w)?")


def words(text: str) -> list[str]:
    """The words of ``text``: runs of letters and digits, keeping "IT-störning", "15.37",
    "don't" and "press@region.se" whole (a dash standing alone is no word)."""
    return WORD.findall(text)


@functools.lru_cache(maxsize=1 << 16)
def count_words(text: str) -> int:
    """How many ``words``; counted once per text (a keystroke changes one paragraph of a long
    release, the status bar and the checks count every paragraph)."""
    return len(words(text))


class TextStatistics(NamedTuple):
    words: int
    characters: int


_LINES_KEPT = 1 << 14
# The reader's text of an inline token, by the token's identity (tokens are shared while their
# block's text is unchanged: ``markdown._parse_block``); the token is kept, so an id is never
# mistaken for another's.
_line_cache: dict[int, tuple[Token, str]] = {}


def _reader_text(token: Token) -> str:
    kept = _line_cache.get(id(token))
    if kept is not None and kept[0] is token:
        return kept[1]
    text = inline_text(token.children, placeholder=None)
    if len(_line_cache) >= _LINES_KEPT:
        _line_cache.clear()
    _line_cache[id(token)] = (token, text)
    return text


def reader_lines(doc: RenderedDocument) -> list[str]:
    """What a reader reads, one line per paragraph, heading, list item or table cell: neither
    Markdown marks nor the placeholders of fields still empty."""
    return [text for token in doc.tokens if token.type == "inline" if (text := _reader_text(token))]


def text_statistics(doc: RenderedDocument) -> TextStatistics:
    """Words and characters of the release as the status bar and the length check count them.
    Characters include the spaces within a paragraph, not the breaks between paragraphs."""
    lines = reader_lines(doc)
    return TextStatistics(
        words=sum(count_words(line) for line in lines),
        characters=sum(len(line) for line in lines),
    )
