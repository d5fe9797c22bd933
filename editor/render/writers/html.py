"""HTML export: one standalone HTML5 file with embedded CSS; also the live preview's source.

Values never carry raw HTML here: the parser runs with HTML disabled and only safe link schemes,
and markdown-it escapes every text it renders.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Sequence
from typing import Any

from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from editor import resources
from editor.model.language import language_tag
from editor.render import markdown
from editor.render.document import RenderedDocument
from editor.render.markdown import parser
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


@functools.lru_cache(maxsize=4096)
def _block_html(block: str) -> str:
    md = parser()
    return str(md.renderer.render(list(markdown.parse(block)), md.options, {}))


def html_fragment(doc: RenderedDocument) -> str:
    """The release's body as HTML, without the page around it (for previews and e-mail).

    Rendered block by block, each block once while its text stays the same: the HTML of a
    token list is the HTML of its blocks one after another."""
    _renderer_ready()
    return "".join(_block_html(block) for block in markdown.blocks(doc.markdown))


def html_page(doc: RenderedDocument, fragment: str | None = None) -> str:
    lang = html.escape(language_tag(doc.meta.language), quote=True)
    title = html.escape(doc.title)
    body = html_fragment(doc) if fragment is None else fragment
    generator = '<meta name="generator" content="Pressklar">'
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n{generator}\n'
        f"<title>{title}</title>\n<style>\n{stylesheet()}</style>\n</head>\n"
        f'<body>\n<article class="release">\n{body}</article>\n</body>\n</html>\n'
    )


class HtmlWriter(Writer):
    name = "html"
    extension = ".html"
    media_type = "text/html"
    label = "Web page (HTML)"

    def write(self, doc: RenderedDocument, options: ExportOptions = DEFAULT_OPTIONS) -> bytes:
        return html_page(doc).encode("utf-8")
