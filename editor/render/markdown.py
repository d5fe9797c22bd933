"""The one Markdown parser: rendered Markdown to markdown-it-py tokens, the block tree that
every writer walks.

Placeholders for missing values travel through Markdown between two private-use characters
and come out of the parser as tokens of type ``placeholder`` (content = the field's label), so
each writer can show them its own way (highlighted in HTML and DOCX, bracketed in text).
"""

from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

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


# Where the text cannot be cut into independent blocks: a fence may hold blank lines, and a link
# reference definition applies to the whole text.
_WHOLE_TEXT_ONLY = re.compile(r"^ {0,3}(```|~~~|\[[^\]]*\]:)", re.MULTILINE)
# A line that may continue the block before a blank line: indented (list item content, code) or
# a list item (one loose list).
_CONTINUES = re.compile(r"[ \t]|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)")


def blocks(markdown: str) -> list[str]:
    """``markdown`` cut into blocks that parse alone (see ``_blocks``)."""
    return list(_blocks(markdown))


@functools.lru_cache(maxsize=4)
def _blocks(markdown: str) -> tuple[str, ...]:
    """``markdown`` cut at the blank lines where CommonMark starts an unrelated block, so each
    piece parses (and renders) alone exactly as it would within the whole text; the whole text
    as one piece when it holds a fence or a link reference definition."""
    if _WHOLE_TEXT_ONLY.search(markdown):
        return (markdown,)
    pieces: list[str] = []
    current: list[str] = []
    blank = False
    for line in markdown.split("\n"):
        if not line.strip():
            blank = True
            current.append(line)
            continue
        if blank and current and not _CONTINUES.match(line):
            pieces.append("\n".join(current) + "\n")
            current = []
        blank = False
        current.append(line)
    if current:
        pieces.append("\n".join(current) + "\n")
    return tuple(pieces)


@functools.lru_cache(maxsize=4096)
def _parse_block(block: str) -> tuple[Token, ...]:
    """One block's tokens, parsed once while the block's text stays the same (typing changes
    one block of a long release; the others come from here). Tokens are not changed after
    parsing, so they are shared."""
    return tuple(parser().parse(block))


def parse(markdown: str) -> list[Token]:
    """The tokens of ``markdown``, parsed block by block (see ``blocks``)."""
    tokens: list[Token] = []
    for block in _blocks(markdown):
        tokens.extend(_parse_block(block))
    return tokens


@functools.lru_cache(maxsize=4096)
def _block_nodes(block: str) -> tuple[SyntaxTreeNode, ...]:
    """One block's top-level nodes, built once while its text stays the same."""
    return tuple(SyntaxTreeNode(list(_parse_block(block))).children)


def tree(markdown: str) -> SyntaxTreeNode:
    """The block tree of ``markdown`` (the same as ``SyntaxTreeNode(parse(markdown))``), its
    top-level nodes shared with earlier trees where their block is unchanged. Writers only read
    the tree, and the shared nodes' ``parent`` is their block's own root: walk down, not up."""
    root = SyntaxTreeNode()
    root.children = [node for block in _blocks(markdown) for node in _block_nodes(block)]
    return root
