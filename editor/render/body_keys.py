"""Field keys inside a template body: where a key is used, and renaming it (no Qt here).

Only the inside of ``{{ }}`` and ``{% %}`` is code; text outside, comments ``{# #}``, string
literals and ``{% raw %}`` stay untouched. A name counts as a use of the key unless it is an
attribute (``x.key``), a filter or test (``x|key``, ``x is key``) or a keyword argument
(``f(key=1)``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_DELIMITED = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_RAW_START = re.compile(r"^\{%[-+]?\s*raw\s*[-+]?%\}$")
_RAW_END = re.compile(r"\{%[-+]?\s*endraw\s*[-+]?%\}")
_TOKEN = re.compile(
    r"""(?P<string>'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<other>\S)"""
)


def _uses_in_code(code: str, key: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each use of ``key`` in one delimited block's text."""
    previous = ""  # the previous token (a name or a character)
    before_previous = ""
    for match in _TOKEN.finditer(code):
        if match.lastgroup == "name":
            name = match.group()
            is_use = (
                name == key
                and previous not in (".", "|")
                and previous != "is"
                and not (previous == "not" and before_previous == "is")
                and not (previous in ("(", ",") and _keyword_argument(code, match.end()))
            )
            if is_use:
                yield match.start(), match.end()
            token = name
        elif match.lastgroup == "string":
            token = "''"
        else:
            token = match.group()
        before_previous, previous = previous, token


def _keyword_argument(code: str, end: int) -> bool:
    rest = code[end:].lstrip()
    return rest.startswith("=") and not rest.startswith("==")


def _code_blocks(body: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each ``{{ }}`` or ``{% %}`` block, skipping comments and raw parts."""
    position = 0
    while True:
        match = _DELIMITED.search(body, position)
        if match is None:
            return
        text = match.group()
        position = match.end()
        if text.startswith("{#"):
            continue
        if _RAW_START.match(text):
            end = _RAW_END.search(body, position)
            position = end.end() if end else len(body)
            continue
        yield match.start(), text


def key_spans(body: str, key: str) -> list[tuple[int, int]]:
    """Character spans in ``body`` where ``key`` is used as a variable."""
    spans: list[tuple[int, int]] = []
    for offset, text in _code_blocks(body):
        spans.extend((offset + start, offset + end) for start, end in _uses_in_code(text, key))
    return spans


def lines_using_key(body: str, key: str) -> list[int]:
    """The body lines (from 1) that use ``key``, each once."""
    lines = {body.count("\n", 0, start) + 1 for start, _ in key_spans(body, key)}
    return sorted(lines)


def rename_key(body: str, old: str, new: str) -> tuple[str, int]:
    """``body`` with every use of ``old`` renamed to ``new``, and how many were renamed."""
    spans = key_spans(body, old)
    parts = []
    position = 0
    for start, end in spans:
        parts.append(body[position:start])
        parts.append(new)
        position = end
    parts.append(body[position:])
    return "".join(parts), len(spans)


def utf16_positions(text: str) -> list[int]:
    """Qt's (UTF-16) position of each Python string position, 0 to len(text): they differ
    after a character beyond the Basic Multilingual Plane, such as an emoji."""
    positions = [0]
    for char in text:
        positions.append(positions[-1] + (2 if ord(char) > 0xFFFF else 1))
    return positions
