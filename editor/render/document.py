"""A rendered release: its Markdown, the block tree writers walk, and document metadata."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from editor.errors import Problem
from editor.render import markdown as md
from editor.render.plain import inline_text

EMBARGO_FIELD = "@embargo"  # a finding's field for the release's embargo (not a template field)


@dataclass(frozen=True)
class DocumentMeta:
    language: str
    template_name: str = ""
    organisation: str = ""
    author: str = ""
    release_date: date | None = None


@dataclass
class RenderedDocument:
    """What every writer receives. Tokens and tree are built once, on first use."""

    markdown: str
    meta: DocumentMeta
    problems: list[Problem] = field(default_factory=list)

    @functools.cached_property
    def tokens(self) -> list[Token]:
        return md.parse(self.markdown)

    @functools.cached_property
    def tree(self) -> SyntaxTreeNode:
        return md.tree(self.markdown)

    @functools.cached_property
    def title(self) -> str:
        """The headline: the first level-1 heading, else the first heading, else the template."""
        fallback = ""
        tokens = self.tokens
        for index, token in enumerate(tokens):
            if token.type == "heading_open" and index + 1 < len(tokens):
                text = inline_text(tokens[index + 1].children)
                if token.tag == "h1" and text:
                    return text
                fallback = fallback or text
        return fallback or self.meta.template_name
