"""Word export: the writer class. The document is built by ``docx_build`` (python-docx, slow to
import), imported only when a DOCX is asked for."""

from __future__ import annotations

from editor.render.document import RenderedDocument
from editor.render.writers.base import DEFAULT_OPTIONS, ExportOptions, Writer


class DocxWriter(Writer):
    name = "docx"
    extension = ".docx"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    label = "Word document (DOCX)"

    def write(self, doc: RenderedDocument, options: ExportOptions = DEFAULT_OPTIONS) -> bytes:
        """On the letterhead when the options name one (LetterheadError when it cannot be used,
        unless ``options.letterhead_fallback``), else in the built-in look."""
        from editor.render.letterhead import export_docx

        return export_docx(doc, options.letterhead or None, fallback=options.letterhead_fallback)
