"""Escaping typed text for Markdown, so a ``*``, ``#``, ``1.`` or ``<script>`` stays text.

The engine applies this by type to every value a template outputs; template authors never
have to remember a filter.
"""

from __future__ import annotations

import re

# Every ASCII punctuation character that can start or end inline markup in CommonMark (plus
# the table and strikethrough extensions). Backslash-escaping them is always allowed.
_INLINE = str.maketrans({c: "\\" + c for c in "\\`*_[]<>&#|~!"})
# What makes a block when it stands first on a line: list markers, setext underlines, quotes.
_LINE_START = re.compile(r"^([-+=>]|\d{1,9}(?=[.)](?:\s|$)))")


class MarkdownText(str):
    """Text that is already Markdown (a paragraph field, a contact block): output unescaped."""

    __slots__ = ()


def escape_markdown(text: str) -> str:
    """``text`` as Markdown that renders to exactly ``text`` (whitespace folded at the ends)."""
    text = text.strip().translate(_INLINE)
    match = _LINE_START.match(text)
    if match:
        if match.group(1)[0].isdigit():
            end = match.end()
            text = text[:end] + "\\" + text[end:]
        else:
            text = "\\" + text
    return text
