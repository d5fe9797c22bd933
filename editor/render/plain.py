"""The one way from Markdown's inline tokens to plain text.

The headline, the text export, the short forms, readability, the status bar and the checks all
need "the words of this paragraph without the marks". Each used to walk the tokens its own way,
so they disagreed (the status bar counted 22 words where the checks counted 19; the count is
``editor.render.statistics``). Now they call
``inline_lines``/``inline_text`` with the options that really differ between them:

* ``placeholder``: how a field still empty shows (``"[{}]"``: the label in brackets, as a reader
  of the text export sees it; ``None``: left out, as the status bar counts);
* ``link_targets``: a link's address after its text when the address adds something
  (``text <https://...>``), as the text export writes it; else only the text;
* ``struck``: struck text between ``~~`` (dropping the marks would invert its meaning);
* ``collapse``: runs of spaces made one (on for every measure; off for the text export, which
  prints what was typed).

Emphasis and links only wrap text; soft breaks are spaces; a hard break starts a new line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import unquote

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

BRACKETED = "[{}]"  # a placeholder as "[Label]"

_TEXT_TYPES = frozenset({"text", "text_special", "code_inline", "html_inline"})


@dataclass(frozen=True, slots=True)
class _Options:
    placeholder: str | None
    link_targets: bool
    struck: bool


def link_label(text: str, href: str) -> str:
    """``text <url>``, or the text alone when the URL adds nothing a reader needs."""
    text = text.strip()
    target = unquote(href)
    if not text:
        return href
    if text in (href, target):
        return text
    scheme, _, rest = target.partition(":")
    scheme = scheme.lower()
    if scheme == "mailto" and rest.lower() == text.lower():
        return text
    if scheme == "tel" and _digits(rest) and _digits(rest) == _digits(text):
        return text
    if scheme in ("http", "https") and rest.removeprefix("//").rstrip("/") == text.rstrip("/"):
        return href
    return f"{text} <{href}>"


def _digits(text: str) -> str:
    return "".join(char for char in text if char.isdigit() or char == "+")


def inline_tokens(node: SyntaxTreeNode) -> list[Token]:
    """The inline tokens of a paragraph, heading, table cell, image or inline node of the
    block tree."""
    if node.type in ("inline", "image"):
        return list(node.token.children or []) if node.token else []
    return [token for child in node.children for token in inline_tokens(child)]


def inline_lines(
    tokens: Sequence[Token] | None,
    *,
    placeholder: str | None = BRACKETED,
    link_targets: bool = False,
    struck: bool = False,
    collapse: bool = True,
) -> list[str]:
    """The text of an inline token's children as lines, one per hard break (see the module
    docstring for the options). Each line is stripped of spaces at its ends."""
    options = _Options(placeholder, link_targets, struck)
    lines = _collect(tokens or [], options)
    if collapse:
        return [" ".join(line.split()) for line in lines]
    return [line.strip(" ") for line in lines]


def inline_text(
    tokens: Sequence[Token] | None,
    *,
    placeholder: str | None = BRACKETED,
    link_targets: bool = False,
    struck: bool = False,
    collapse: bool = True,
) -> str:
    """The same text on one line: hard breaks become spaces too."""
    lines = inline_lines(
        tokens,
        placeholder=placeholder,
        link_targets=link_targets,
        struck=struck,
        collapse=collapse,
    )
    return " ".join(line for line in lines if line)


def _collect(tokens: Iterable[Token], options: _Options) -> list[str]:
    """Lines of text; a link's own text is gathered apart when its address may follow."""
    stack: list[tuple[list[list[str]], str]] = []  # (the lines outside the link, its href)
    lines: list[list[str]] = [[]]
    for token in tokens:
        kind = token.type
        if kind in _TEXT_TYPES:
            lines[-1].append(token.content.replace("\n", " "))
        elif kind == "softbreak":
            lines[-1].append(" ")
        elif kind == "hardbreak":
            lines.append([])
        elif kind == "placeholder":
            if options.placeholder is not None:
                lines[-1].append(options.placeholder.format(token.content))
        elif kind == "link_open" and options.link_targets:
            stack.append((lines, str(token.attrs.get("href", ""))))
            lines = [[]]
        elif kind == "link_close" and stack:
            label = " ".join("".join(parts).strip(" ") for parts in lines)
            lines, href = stack.pop()
            lines[-1].append(link_label(label, href))
        elif kind == "image":
            alt = " ".join(line for line in _collect(token.children or [], options) if line)
            src = str(token.attrs.get("src", ""))
            if options.link_targets:
                lines[-1].append(link_label(alt, src) if alt else src)
            else:
                lines[-1].append(alt)
        elif kind in ("s_open", "s_close") and options.struck:
            lines[-1].append("~~")
    while stack:  # a link never closed: keep its text
        inner = lines
        lines, _ = stack.pop()
        lines[-1].extend(part for line in inner for part in line)
    return ["".join(parts) for parts in lines]
