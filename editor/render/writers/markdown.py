"""Markdown export: the intermediate itself, placeholders shown in brackets."""

from __future__ import annotations

from editor.model.fields import PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN
from editor.render.document import RenderedDocument
from editor.render.writers.base import DEFAULT_OPTIONS, ExportOptions, Writer


class MarkdownWriter(Writer):
    name = "md"
    extension = ".md"
    media_type = "text/markdown"
    label = "Markdown"

    def write(self, doc: RenderedDocument, options: ExportOptions = DEFAULT_OPTIONS) -> bytes:
        text = doc.markdown.replace(PLACEHOLDER_OPEN, "\\[").replace(PLACEHOLDER_CLOSE, "\\]")
        return (text.rstrip("\n") + "\n").encode("utf-8")
