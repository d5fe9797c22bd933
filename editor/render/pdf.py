"""PDF export through Qt: the HTML page laid out by QTextDocument and printed by QPdfWriter.

This is the one part of the core that needs QtGui: the writer class (``writers.pdf``) imports it
only when a PDF is asked for, and nothing else in the core imports it.

QPdfWriter embeds the subsets of the fonts it uses and writes a ToUnicode map, so the text is
selectable and searchable. The page is A4 with 20 mm margins at 300 dpi; the title metadata is
the headline and the creator "Pressklar".

It works headless: without a running Qt application one is made, on the offscreen platform when
there is no display (``QT_QPA_PLATFORM`` is set to ``offscreen`` only if it is unset and neither
``DISPLAY`` nor ``WAYLAND_DISPLAY`` is, on systems that use them). Qt's GUI classes must be used
from the thread that made the application: call this from the GUI thread, or from a CLI.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from editor.errors import ExportError
from editor.render.document import RenderedDocument
from editor.render.writers.html import html_page

RESOLUTION = 300
MARGINS_MM = QMarginsF(20, 20, 20, 20)
CREATOR = "Pressklar"

_application: QGuiApplication | None = None  # kept alive for as long as the module is


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication (or QApplication), or a new one for headless use."""
    global _application
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise ExportError("pdf.no_gui")
    uses_display = sys.platform not in ("win32", "darwin")
    if (
        uses_display
        and "QT_QPA_PLATFORM" not in os.environ
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _application = QGuiApplication(["pressklar"])
    return _application


def _font_without_ligatures(font: QFont) -> QFont:
    """Ligature glyphs ("ti", "ff" in Calibri/Carlito) have no Unicode mapping in the PDF, so
    text copied or searched in it would lose those letters: switch them off."""
    for tag in ("liga", "clig", "dlig", "hlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def pdf_bytes(doc: RenderedDocument, html: str | None = None) -> bytes:
    """The release as a PDF file: A4, fonts embedded, text selectable, titled."""
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    if not buffer.open(QIODevice.OpenModeFlag.WriteOnly):
        raise ExportError("pdf.no_buffer")
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    writer.setTitle(doc.title)
    writer.setCreator(CREATOR)
    if doc.meta.author:
        writer.setAuthor(doc.meta.author)
    document = QTextDocument()
    document.setDefaultFont(_font_without_ligatures(document.defaultFont()))
    document.setHtml(html_page(doc) if html is None else html)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, doc.title)
    document.print_(writer)
    del writer  # finishes the file
    buffer.close()
    result = bytes(data.data())
    if not result.startswith(b"%PDF"):
        raise ExportError("pdf.failed")
    return result
