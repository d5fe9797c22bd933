"""Syntax colours for template bodies: Jinja (``{{ }}``, ``{% %}``, ``{# #}``) over Markdown
(headings, bold, italic, lists, links). A Jinja tag may run over several lines."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from editor.render.body_keys import utf16_positions

_MARKDOWN = (
    ("heading", re.compile(r"^#{1,6}\s.*$")),
    ("list", re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")),
    ("bold", re.compile(r"\*\*(?=\S)(?:[^*]|\*(?!\*))+?\*\*|__(?=\S).+?__")),
    ("italic", re.compile(r"(?<![*\w])\*(?=[^*\s])[^*]+?\*(?![*\w])|(?<!\w)_(?=\S)[^_]+?_(?!\w)")),
    ("link", re.compile(r"\[[^\]\n]*\]\([^)\n]*\)|<https?://[^>\s]+>")),
)
_OPENERS = {"{{": 1, "{%": 2, "{#": 3}
_CLOSERS = {1: "}}", 2: "%}", 3: "#}"}
_OPEN = re.compile(r"\{\{|\{%|\{#")
_STRING = re.compile(r"'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"")
_KEYWORD = re.compile(
    r"\b(?:if|elif|else|endif|for|in|endfor|set|endset|not|and|or|is|macro|endmacro|"
    r"call|endcall|filter|endfilter|with|endwith|raw|endraw|true|false|none|loop)\b"
)
_FILTER = re.compile(r"\|\s*[A-Za-z_]\w*")


def _format(colour: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    text_format = QTextCharFormat()
    text_format.setForeground(QColor(colour))
    if bold:
        text_format.setFontWeight(QFont.Weight.Bold)
    text_format.setFontItalic(italic)
    return text_format


class TemplateHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.formats = {
            "heading": _format("#1a4f8b", bold=True),
            "list": _format("#8a4b08", bold=True),
            "bold": _format("#222222", bold=True),
            "italic": _format("#222222", italic=True),
            "link": _format("#1565c0"),
            1: _format("#6a1b9a"),  # {{ expression }}
            2: _format("#00695c"),  # {% statement %}
            3: _format("#7c7c7c", italic=True),  # {# comment #}
            "keyword": _format("#00695c", bold=True),
            "filter": _format("#ad1457"),
            "string": _format("#2e7d32"),
        }
        self._positions: list[int] | None = None

    def _set(self, start: int, end: int, kind: object) -> None:
        if end <= start:
            return
        if self._positions is not None:
            start, end = self._positions[start], self._positions[end]
        self.setFormat(start, end - start, self.formats[kind])

    def highlightBlock(self, text: str) -> None:
        self._positions = utf16_positions(text) if any(ord(c) > 0xFFFF for c in text) else None
        for kind, pattern in _MARKDOWN:
            for match in pattern.finditer(text):
                self._set(match.start(), match.end(), kind)
        state = max(0, self.previousBlockState())
        position = 0
        while position <= len(text):
            if state == 0:
                opener = _OPEN.search(text, position)
                if opener is None:
                    break
                state = _OPENERS[opener.group()]
                start, position = opener.start(), opener.end()
            else:
                start = position
            close = text.find(_CLOSERS[state], position)
            end = len(text) if close < 0 else close + 2
            self._tag(text, start, end, state)
            position = end
            if close < 0:
                break
            state = 0
        self.setCurrentBlockState(state)

    def _tag(self, text: str, start: int, end: int, state: int) -> None:
        self._set(start, end, state)
        if state == 3:
            return
        code = text[start:end]
        if state == 2:
            for match in _KEYWORD.finditer(code):
                self._set(start + match.start(), start + match.end(), "keyword")
        for match in _FILTER.finditer(code):
            self._set(start + match.start(), start + match.end(), "filter")
        for match in _STRING.finditer(code):
            self._set(start + match.start(), start + match.end(), "string")
