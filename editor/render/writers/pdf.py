"""PDF export: the writer class. The PDF is made by ``editor.render.pdf`` through QtGui, the one
part of the core that needs Qt, imported only when a PDF is asked for, or in the child process
of a ``pdf_process.PdfHelper`` when the options name one."""

from __future__ import annotations

from editor.render.document import RenderedDocument
from editor.render.writers.base import DEFAULT_OPTIONS, ExportOptions, Writer


class PdfWriter(Writer):
    name = "pdf"
    extension = ".pdf"
    media_type = "application/pdf"
    label = "PDF document"

    def write(self, doc: RenderedDocument, options: ExportOptions = DEFAULT_OPTIONS) -> bytes:
        if options.pdf_helper is not None:
            return options.pdf_helper.pdf_bytes(doc, options.on_page)
        from editor.render.pdf import pdf_bytes

        return pdf_bytes(doc)
