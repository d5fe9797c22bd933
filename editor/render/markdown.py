"""The one Markdown parser: rendered Markdown to markdown-it-py tokens, the block tree that
every writer walks.

Placeholders for missing values travel through Markdown between two private-use characters
and come out of the parser as tokens of type ``placeholder`` (content = the field's label), so
each writer can show them its own way (highlighted in HTML and DOCX, bracketed in text).
"""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from editor.model.fields import PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def is_safe_link(url: str) -> bool:
    """Only links a reader can follow safely: web, e-mail and phone."""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_SCHEMES


def placeholder_marker(label: str) -> str:
    return PLACEHOLDER_OPEN + label.replace(PLACEHOLDER_CLOSE, "") + PLACEHOLDER_CLOSE


def _split_placeholders(state: StateCore) -> None:
    for block in state.tokens:
        if block.type != "inline" or not block.children or PLACEHOLDER_OPEN not in block.content:
            continue
        children: list[Token] = []
        for token in block.children:
            if token.type != "text" or PLACEHOLDER_OPEN not in token.content:
                children.append(token)
                continue
            rest = token.content
            while PLACEHOLDER_OPEN in rest:
                before, _, after = rest.partition(PLACEHOLDER_OPEN)
                label, closed, after = after.partition(PLACEHOLDER_CLOSE)
                if before:
                    children.append(_text(before))
                placeholder = Token("placeholder", "", 0)
                placeholder.content = label
                children.append(placeholder)
                rest = after if closed else ""
            if rest:
                children.append(_text(rest))
        block.children = children


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


@functools.cache
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.validateLink = is_safe_link  # type: ignore[method-assign]
    md.core.ruler.push("pressklar_placeholders", _split_placeholders)
    return md


def parse(markdown: str) -> list[Token]:
    return parser().parse(markdown)
