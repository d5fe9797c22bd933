"""PDF export and print through Qt: the HTML page laid out by QTextDocument, paginated here.

This is the one part of the core that needs QtGui: the writer class (``writers.pdf``) imports it
only when a PDF is asked for, the GUI's print reuses ``print_release`` on a QPrinter, and
nothing else in the core imports it.

Why our own pagination rather than ``QTextDocument.print_``: Qt's own printing knows no "keep
with next" and no "keep together", and its page numbers are not ours. So the document is laid
out once on the page's body area, at the device's resolution (the same line breaks in PDF and
print), then each heading that would end a page is moved to the next one, as is the contact
block when it would be split; then the pages are painted one by one, with the number in Swedish
style ("1 (2)") in the bottom margin. A library made for paged documents (WeasyPrint, ReportLab)
would add a second layout engine and its dependencies beside Qt, and the preview and print
would no longer be the same layout.

The page is A4 with margins of 22 mm at the sides, 20 mm at the top and 22 mm at the bottom, in
Carlito (``resources/fonts``, SIL OFL), which is metric-compatible with Calibri, registered with
Qt (``fonts``), so no machine falls back to whatever it has. QPdfWriter embeds the subsets of the
fonts it uses and writes a ToUnicode map, so the text is selectable and searchable; ligatures are
off so that "ti" and "ff" copy as letters. The title metadata is the headline, the creator
"Pressklar".

It works headless: without a running Qt application one is made, on the offscreen platform when
there is no display (``QT_QPA_PLATFORM`` is set to ``offscreen`` only if it is unset and neither
``DISPLAY`` nor ``WAYLAND_DISPLAY`` is, on systems that use them). Qt's GUI classes must be used
from the thread that made the application: call this from the GUI thread, or from a CLI.

The GUI's PDF export has it made in a child process (``pdf_process``), from a ``PageSource``:
the page's HTML and the few facts of the document the pages need, so the child does not render.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import cast

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPicture,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
)

from editor.errors import ExportError
from editor.render.document import RenderedDocument
from editor.render.fonts import FONT_FAMILY, register_fonts
from editor.render.layout import Role, parts
from editor.render.pdf_process import OnPage, PageSource
from editor.render.plain import inline_text, inline_tokens
from editor.render.writers.html import html_page

RESOLUTION = 300
MARGINS_MM = QMarginsF(22, 20, 22, 22)  # left, top, right, bottom; the page number is below
CREATOR = "Pressklar"
PAGE_NUMBER_POINTS = 9
# The paged look: the shipped font, and the page's own margins instead of the screen's.
PAGE_CSS = (
    f'body {{ font-family: "{FONT_FAMILY}", sans-serif; margin: 0; padding: 0;'
    " max-width: none; }\na { color: #1a1a1a; text-decoration: none; }\n"
)

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


def page_number(page: int, count: int) -> str:
    """Swedish style, used in both languages: "1 (2)"."""
    return f"{page} ({count})"


def _contact_heading(doc: RenderedDocument) -> str:
    for part in parts(doc.tree):
        if part.role is Role.CONTACT_HEADING:
            return inline_text(inline_tokens(part.node))
    return ""


def page_source(doc: RenderedDocument) -> PageSource:
    """What the pages are made from: plain data, so another process can lay them out."""
    return PageSource(
        html=html_page(doc, extra_css=PAGE_CSS),
        title=doc.title,
        author=doc.meta.author,
        contact_heading=_contact_heading(doc),
    )


def _on_a4_without_margins(device: QPagedPaintDevice) -> None:
    """A4, portrait, no margins of the device's own: the page's margins are painted here."""
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def _writer_in_memory(resolution: int) -> tuple[QPdfWriter, QBuffer, QByteArray]:
    """A PDF writer at ``resolution`` dpi onto a buffer, and the buffer and its bytes."""
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    if not buffer.open(QIODevice.OpenModeFlag.WriteOnly):
        raise ExportError("pdf.no_buffer")
    writer = QPdfWriter(buffer)
    writer.setResolution(resolution)
    return writer, buffer, data


class PagedRelease:
    """A release laid out on the pages of one device (a QPdfWriter or a QPrinter).

    The device is put on A4 with no margins of its own; the margins are painted here, so a
    printer and the PDF get the same body area, line breaks and page breaks."""

    def __init__(self, source: PageSource, device: QPagedPaintDevice):
        register_fonts()
        _on_a4_without_margins(device)
        self.device = device
        dots_per_mm = device.logicalDpiY() / 25.4
        self._left = MARGINS_MM.left() * dots_per_mm
        self._top = MARGINS_MM.top() * dots_per_mm
        self._bottom = MARGINS_MM.bottom() * dots_per_mm
        page = device.pageLayout().fullRectPixels(device.logicalDpiY())
        self._page_size = QSizeF(page.width(), page.height())
        body = QSizeF(
            page.width() - self._left - MARGINS_MM.right() * dots_per_mm,
            page.height() - self._top - self._bottom,
        )
        document = QTextDocument()
        document.documentLayout().setPaintDevice(device)
        document.setDefaultFont(_font_without_ligatures(QFont(FONT_FAMILY, 11)))
        document.setDocumentMargin(0)
        document.setHtml(source.html)
        document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, source.title)
        document.setPageSize(body)
        self.document = document
        self._slack = QFontMetricsF(document.defaultFont(), device).height() * 0.6
        self._keep_together(source.contact_heading)
        self._split_across_pages()
        self.page_count = max(1, document.pageCount())

    def _page_of(self, y: float) -> int:
        return int(y // self.document.pageSize().height())

    def _first_line_bottom(self, block: QTextBlock) -> float:
        self.document.documentLayout().blockBoundingRect(block)  # lays the block out
        layout = block.layout()
        if layout.lineCount() == 0:
            return self.document.documentLayout().blockBoundingRect(block).bottom()
        return layout.position().y() + layout.lineAt(0).rect().bottom()

    def _relayout(self, block: QTextBlock) -> None:
        """Lay out again from ``block`` on: after a change Qt lays out lazily, and positions
        read before it is done (or pages painted) would be those of before the change."""
        document = self.document
        start = block.position()
        document.markContentsDirty(start, document.characterCount() - start)
        document.pageCount()

    def _keep_together(self, contact_heading: str) -> None:
        """Move to the next page each heading whose next paragraph would start on another
        page, and the contact block (from its heading to the end) when it would be split and
        fits on one page."""
        document = self.document
        layout = document.documentLayout()
        height = document.pageSize().height()
        contact_start = -1
        block = document.lastBlock()
        while contact_heading and block.isValid():
            if block.blockFormat().headingLevel() and block.text().strip() == contact_heading:
                contact_start = block.blockNumber()
                break
            block = block.previous()
        block = document.begin()
        while block.isValid():
            top = layout.blockBoundingRect(block).top()
            end = -1.0
            if block.blockNumber() == contact_start:
                end = layout.blockBoundingRect(document.lastBlock()).bottom()
            elif block.blockFormat().headingLevel() and block.next().isValid():
                end = self._first_line_bottom(block.next())
            at_page_top = top - self._page_of(top) * height < 1
            fits = end > 0 and end - top <= height and not at_page_top
            if fits and self._page_of(top) != self._page_of(end - 1):
                block_format = QTextBlockFormat()
                block_format.setPageBreakPolicy(
                    QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore
                )
                QTextCursor(block).mergeBlockFormat(block_format)
                self._relayout(block)
            block = block.next()

    def _split_across_pages(self) -> None:
        """Split each paragraph that runs over a page end into two, at that line.

        Qt draws a block whole, culling its lines against the clip one line too generously, so
        a paragraph across two pages would also write its last line of the first page, invisible
        but extractable, onto the second. Split, the line breaks and page breaks stay where they
        were (the two halves' margins add up to the whole's), so one layout per round serves
        every split of that round; a paragraph over three pages takes a second round. List items
        and table cells stay whole (a split would number a new item)."""
        while self._split_once():
            self._relayout(self.document.begin())

    def _split_once(self) -> int:
        document = self.document
        layout = document.documentLayout()
        splits: list[tuple[QTextBlock, int]] = []
        block = document.begin()
        while block.isValid():
            layout.blockBoundingRect(block)  # lays the block out if need be
            lines = block.layout()
            if block.textList() is None and QTextCursor(block).currentTable() is None:
                top = lines.position().y()
                first = lines.lineAt(0) if lines.lineCount() else None
                page = self._page_of(top + first.y() + first.height() / 2) if first else 0
                for index in range(1, lines.lineCount()):
                    line = lines.lineAt(index)
                    if self._page_of(top + line.y() + line.height() / 2) != page:
                        splits.append((block, line.textStart()))
                        break
            block = block.next()
        for block, split_at in reversed(splits):  # from the end: earlier positions stay valid
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + split_at)
            cursor.insertBlock()
            ends = QTextBlockFormat()
            ends.setBottomMargin(0)
            QTextCursor(block).mergeBlockFormat(ends)
            starts = QTextBlockFormat()
            starts.setTopMargin(0)
            starts.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_Auto)
            cursor.mergeBlockFormat(starts)
        return len(splits)

    def paint(self, on_page: OnPage | None = None) -> None:
        """Every page onto the device, each with its number; ``on_page(page, count)`` after
        each."""
        painter = QPainter()
        if not painter.begin(self.device):
            raise ExportError("pdf.failed")
        try:
            for index in range(self.page_count):
                if index:
                    self.device.newPage()
                self.paint_page(painter, index)
                if on_page is not None:
                    on_page(index + 1, self.page_count)
        finally:
            painter.end()

    def paint_page(self, painter: QPainter, index: int) -> None:
        """Page ``index`` (from 0) with its number, in the device's coordinates."""
        document = self.document
        height = document.pageSize().height()
        width = document.pageSize().width()
        painter.save()
        painter.translate(self._left, self._top - index * height)
        clip = QRectF(0, index * height, width, height)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        # Lines are culled against a clip a little inside the page, so a line that belongs to
        # the page before or after (its leading reaches over the edge) is not written on this
        # page too, where it would be invisible yet extractable.
        context.clip = clip.adjusted(0, self._slack, 0, -self._slack)
        document.documentLayout().draw(painter, context)
        painter.restore()
        self._paint_number(painter, index, width)

    def _paint_number(self, painter: QPainter, index: int, width: float) -> None:
        """The page's number, right-aligned in the bottom margin. Laid out on the device as the
        body is (not by ``drawText`` on the painter's device), so that a page recorded as a
        picture replays with the number's glyphs where they are in the PDF."""
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(PAGE_NUMBER_POINTS)
        box = QRectF(self._left, self._page_size.height() - self._bottom, width, self._bottom * 0.6)
        layout = QTextLayout(page_number(index + 1, self.page_count), font, self.device)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(width)
        layout.endLayout()
        position = QPointF(
            box.right() - line.naturalTextWidth(), box.top() + (box.height() - line.height()) / 2
        )
        layout.draw(painter, position)


def page_pictures(
    source: PageSource, resolution: int, on_picture: Callable[[int, int, bytes], None]
) -> int:
    """The pages as QPictures, for a printer of ``resolution`` dpi to replay
    (``replay_pages``): laid out at that resolution on a PDF device (a printer's PDF and CUPS
    engines measure text as it does), each page recorded with its glyphs where the layout put
    them. ``on_picture(page, count, data)`` for each, in order; the number of pages."""
    # measures only: nothing is painted on it (its buffer and bytes kept as long as it is)
    layout_device, _buffer, _data = _writer_in_memory(resolution)
    paged = PagedRelease(source, layout_device)
    for index in range(paged.page_count):
        picture = QPicture()
        painter = QPainter()
        if not painter.begin(picture):
            raise ExportError("pdf.failed")
        try:
            paged.paint_page(painter, index)
        finally:
            painter.end()
        recorded = cast(memoryview, picture.data())  # typed as object in PySide6's stubs
        on_picture(index + 1, paged.page_count, bytes(recorded))
    return paged.page_count


def replay_pages(
    pictures: Sequence[bytes], device: QPagedPaintDevice, on_page: OnPage | None = None
) -> int:
    """Pages recorded by ``page_pictures`` onto ``device`` (a QPrinter of the resolution they
    were laid out for), put on A4 without margins of its own as ``PagedRelease`` puts it; the
    number of pages; ``on_page(page, pages)`` after each. One page is one call into Qt, a few
    milliseconds."""
    _on_a4_without_margins(device)
    painter = QPainter()
    if not painter.begin(device):
        raise ExportError("pdf.failed")
    try:
        for index, data in enumerate(pictures):
            if index:
                device.newPage()
            picture = QPicture()
            picture.setData(data)
            # A picture plays at its own resolution, scaled to the device's: its coordinates
            # are the device's already.
            painter.save()
            painter.scale(
                picture.logicalDpiX() / device.logicalDpiX(),
                picture.logicalDpiY() / device.logicalDpiY(),
            )
            painter.drawPicture(QPointF(0, 0), picture)
            painter.restore()
            if on_page is not None:
                on_page(index + 1, len(pictures))
    finally:
        painter.end()
    return len(pictures)


_CMAP = re.compile(rb"beginbf(range|char)\n(.*?)\nendbf(?:range|char)", re.DOTALL)
_CMAP_ARRAY = re.compile(rb"\[[^\]]*\]")


def _spaces_as_spaces(pdf: bytes) -> bytes:
    """The space glyph named as U+0020 in the fonts' ToUnicode maps.

    Qt's PDF engine names each glyph by the first character the font maps to it, and Carlito
    maps the tab to its space glyph too, so every space would copy and extract as a tab. Only the
    characters a glyph stands for (the arrays of a bfrange, the second code of a bfchar) are
    changed, byte for byte the same length, so no offset in the file moves; Qt writes these maps
    uncompressed."""

    def fix_section(match: re.Match[bytes]) -> bytes:
        kind, body = match.group(1), match.group(2)
        if kind == b"range":
            body = _CMAP_ARRAY.sub(lambda a: a.group(0).replace(b"<0009>", b"<0020>"), body)
        else:
            body = b"\n".join(
                line[:-6] + b"<0020>" if line.endswith(b"> <0009>") else line
                for line in body.split(b"\n")
            )
        return (
            match.group(0)[: match.start(2) - match.start(0)]
            + body
            + match.group(0)[match.end(2) - match.start(0) :]
        )

    return _CMAP.sub(fix_section, pdf)


def print_release(doc: RenderedDocument, device: QPagedPaintDevice) -> int:
    """Lay out and paint the release on ``device`` (a QPdfWriter, or the GUI's QPrinter, whose
    print and print preview so look like the PDF); the number of pages."""
    ensure_gui_application()
    paged = PagedRelease(page_source(doc), device)
    paged.paint()
    return paged.page_count


def pdf_bytes(doc: RenderedDocument) -> bytes:
    """The release as a PDF file: A4, fonts embedded, text selectable, titled."""
    return pdf_of(page_source(doc))


def pdf_of(source: PageSource, on_page: OnPage | None = None) -> bytes:
    """The PDF of a page source (``pdf_bytes`` in this process, or the PDF helper's child, see
    ``pdf_process``); ``on_page(page, count)`` after each page is painted."""
    writer, buffer, data = _writer_in_memory(RESOLUTION)
    writer.setTitle(source.title)
    writer.setCreator(CREATOR)
    if source.author:
        writer.setAuthor(source.author)
    PagedRelease(source, writer).paint(on_page)
    del writer  # finishes the file
    buffer.close()
    result = _spaces_as_spaces(bytes(data.data()))
    if not result.startswith(b"%PDF"):
        raise ExportError("pdf.failed")
    return result
