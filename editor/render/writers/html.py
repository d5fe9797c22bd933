"""HTML export: one standalone HTML5 file with embedded CSS; also the live preview's source.

Values never carry raw HTML here: the parser runs with HTML disabled and only safe link schemes,
and markdown-it escapes every text it renders.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode
from markdown_it.utils import EnvType, OptionsDict

from editor import resources
from editor.model.language import language_tag
from editor.render.document import RenderedDocument
from editor.render.layout import Part, Role, contact_href, parts
from editor.render.markdown import parser
from editor.render.plain import inline_text, inline_tokens
from editor.render.writers.base import DEFAULT_OPTIONS, ExportOptions, Writer


def _render_placeholder(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    label = html.escape(tokens[idx].content)
    return f'<span class="placeholder">[{label}]</span>'


@functools.cache
def _renderer_ready() -> bool:
    parser().add_render_rule("placeholder", _render_placeholder)
    return True


@functools.cache
def stylesheet() -> str:
    return resources.read_text("css", "release.css")


_CLASSES = {Role.MASTHEAD: "masthead", Role.LEAD: "lead", Role.CONTACT: "contact"}


def _render(tokens: Sequence[Token]) -> str:
    md = parser()
    return str(md.renderer.render(tokens, md.options, {}))


def _render_inline(tokens: Sequence[Token], options: OptionsDict, env: EnvType) -> str:
    renderer: Any = parser().renderer  # RendererHTML; the protocol does not name renderInline
    return str(renderer.renderInline(tokens, options, env))


def _with_class(tokens: list[Token], name: str) -> list[Token]:
    first = tokens[0].copy()
    first.attrSet("class", name)
    return [first, *tokens[1:]]


def _link(href: str, inner: str) -> str:
    return f'<a href="{html.escape(href, quote=True)}">{inner}</a>'


def _contact_lines(node: SyntaxTreeNode) -> str:
    """A contact paragraph, its e-mail addresses and phone numbers made links."""
    lines: list[list[Token]] = [[]]
    for token in inline_tokens(node):
        if token.type == "hardbreak":
            lines.append([])
        else:
            lines[-1].append(token)
    rendered = []
    md = parser()
    for line in lines:
        inner = str(_render_inline(line, md.options, {}))
        text = inline_text(line)
        href = contact_href(text)
        if href and not any(token.type == "link_open" for token in line):
            label, colon, number = text.rpartition(": ")
            if colon and all(token.type == "text" for token in line):
                inner = f"{html.escape(label)}: {_link(href, html.escape(number))}"
            else:
                inner = _link(href, inner)
        rendered.append(inner)
    return '<p class="contact">' + "<br />\n".join(rendered) + "</p>\n"


def _part_html(part: Part) -> str:
    tokens = part.node.to_tokens()
    if part.role is Role.CONTACT_HEADING:
        if part.node.type == "heading":
            return _render(_with_class(tokens, "contact-heading"))
        inner = [token for token in inline_tokens(part.node) if token.type not in _STRONG]
        md = parser()
        text = str(_render_inline(inner, md.options, {}))
        return f'<h2 class="contact-heading">{text.strip()}</h2>\n'
    if part.role is Role.CONTACT and part.node.type == "paragraph":
        return _contact_lines(part.node)
    name = _CLASSES.get(part.role)
    return _render(_with_class(tokens, name) if name and tokens else tokens)


_STRONG = ("strong_open", "strong_close")
_PARTS_KEPT = 8192
# A part's HTML by the identity of its node's first and last tokens and its role. Tokens are
# parsed once per block and shared while the block's text is unchanged (``markdown._parse_block``),
# so a keystroke renders the one block it changed; the tokens are kept in the entry, so an id is
# never mistaken for another token's.
_part_cache: dict[tuple[int, int, Role], tuple[Token, Token, str]] = {}


def _edge_tokens(node: SyntaxTreeNode) -> tuple[Token, Token] | None:
    if node.token is not None:
        return node.token, node.token
    if node.nester_tokens is not None:
        return node.nester_tokens.opening, node.nester_tokens.closing
    return None


def _cached_part_html(part: Part) -> str:
    edges = _edge_tokens(part.node)
    if edges is None:
        return _part_html(part)
    first, last = edges
    key = (id(first), id(last), part.role)
    kept = _part_cache.get(key)
    if kept is not None and kept[0] is first and kept[1] is last:
        return kept[2]
    made = _part_html(part)
    if len(_part_cache) >= _PARTS_KEPT:
        _part_cache.clear()
    _part_cache[key] = (first, last, made)
    return made


def html_parts(doc: RenderedDocument) -> tuple[str, ...]:
    """The HTML of each part of the release's body, in order (``html_fragment`` joined)."""
    _renderer_ready()
    return tuple(_cached_part_html(part) for part in parts(doc.tree))


def html_fragment(doc: RenderedDocument) -> str:
    """The release's body as HTML, without the page around it (for previews and e-mail): the
    masthead, lead and contact block in their classes, "Kontakt" a heading, and the contact's
    e-mail addresses and phone numbers mailto: and tel: links."""
    return "".join(html_parts(doc))


@dataclass(frozen=True)
class PageParts:
    """The standalone page as what comes before the body, the body's parts and what follows:
    a preview can replace only the parts that changed."""

    head: str
    parts: tuple[str, ...]
    tail: str

    def html(self) -> str:
        return self.head + "".join(self.parts) + self.tail


def page_parts(doc: RenderedDocument, extra_css: str = "") -> PageParts:
    """``html_page`` in its three pieces."""
    head, tail = page_frame(doc, extra_css)
    return PageParts(head, html_parts(doc), tail)


def page_frame(doc: RenderedDocument, extra_css: str = "") -> tuple[str, str]:
    """The page around the body: its head up to the article, and what closes it."""
    lang = html.escape(language_tag(doc.meta.language), quote=True)
    title = html.escape(doc.title)
    generator = '<meta name="generator" content="Pressklar">'
    head = (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n{generator}\n'
        f"<title>{title}</title>\n<style>\n{stylesheet()}{extra_css}</style>\n</head>\n"
        '<body>\n<main>\n<article class="release">\n'
    )
    return head, "</article>\n</main>\n</body>\n</html>\n"


def html_page(doc: RenderedDocument, fragment: str | None = None, extra_css: str = "") -> str:
    """The standalone page; ``extra_css`` goes after the stylesheet (the PDF's page rules)."""
    head, tail = page_frame(doc, extra_css)
    return head + (html_fragment(doc) if fragment is None else fragment) + tail


class HtmlWriter(Writer):
    name = "html"
    extension = ".html"
    media_type = "text/html"
    label = "Web page (HTML)"

    def write(self, doc: RenderedDocument, options: ExportOptions = DEFAULT_OPTIONS) -> bytes:
        return html_page(doc).encode("utf-8")
