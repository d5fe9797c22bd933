"""Word export with python-docx, in Word's built-in styles so a Word user's own styles apply.

Without a letterhead the document starts from the built-in look, ``resources/docx/pressklar.docx``
(made by ``make_reference.py`` there): Calibri, black headings, A4 with the PDF's margins, page
numbers "1 (2)", and styles of its own for the parts of a release (``editor.render.layout``):
"Release Label" and "Release Date" for the masthead, "Lead", "Contact Heading", "Contact". On a
letterhead that lacks these, those parts are written as before, in "Normal" (the letterhead's
look wins). Contact paragraphs are kept with the next, so Word does not split the block either.

The headline (first ``#`` heading) is "Title", ``##`` is "Heading 1", ``###`` "Heading 2" and so
on; lists are "List Bullet"/"List Number" (and their " 2"/" 3" forms by depth), quotes "Quote",
tables "Table Grid". Links are real hyperlinks in the "Hyperlink" character style. Missing values
show as a bold, yellow-highlighted ``[Label]`` so nobody sends them out by mistake.

Only this module (and its ``docx_*`` helpers) imports python-docx, which is slow to load; the
writer class (``writers.docx``) imports it when a DOCX is asked for.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, datetime

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from markdown_it.tree import SyntaxTreeNode

from editor import resources
from editor.render.document import RenderedDocument
from editor.render.layout import Part, Role, contact_href, parts
from editor.render.plain import inline_text, inline_tokens
from editor.render.writers.docx_numbering import ListNumbering, number_paragraph
from editor.render.writers.docx_oxml import (
    add_bottom_border,
    append_hyperlink,
    ensure_builtin_style,
    ensure_hyperlink_style,
    has_style,
    is_mostly_rtl,
    mark_header_row,
    paragraph_element,
    set_default_language,
    set_right_to_left,
    xml_safe,
)
from editor.render.writers.text import is_tight

CODE_FONT = "Consolas"
_MAX_LIST_STYLE_DEPTH = 3  # Word's template defines "List Bullet" to "List Bullet 3" here
_CORE_TEXT_LIMIT = 255  # python-docx refuses longer core properties
_ALIGNMENTS = {
    "text-align:right": WD_ALIGN_PARAGRAPH.RIGHT,
    "text-align:center": WD_ALIGN_PARAGRAPH.CENTER,
}


@dataclass(frozen=True)
class _Format:
    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False


@dataclass
class _Item:
    """A list item being written: its first paragraph carries the bullet or number."""

    style: str
    continue_style: str
    numbering: tuple[int, int] | None
    started: bool = False


@dataclass(frozen=True)
class _Context:
    quote: bool = False
    list_depth: int = 0
    item: _Item | None = None


def _list_style(base: str, depth: int) -> str:
    depth = min(depth, _MAX_LIST_STYLE_DEPTH)
    return base if depth == 1 else f"{base} {depth}"


class _DocxBuilder:
    """Walks the block tree once, appending paragraphs and tables to the document body."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._numbering = ListNumbering(document)
        self._styles: dict[str, str] = {}
        self._style_ids: dict[str, str | None] = {}
        self._title_done = False
        self._hyperlink_style = ""
        self._paragraphs: list[Paragraph] = []  # those made by paragraph(), in order

    def style(self, *names: str) -> str:
        """The first of ``names`` the document has (copied in from python-docx's template
        if need be), else "Normal"."""
        key = names[0]
        if key not in self._styles:
            chosen = next(
                (name for name in names if ensure_builtin_style(self._document, name)), "Normal"
            )
            self._styles[key] = chosen
        return self._styles[key]

    def new_paragraph(self, style: str) -> Paragraph:
        """A paragraph in ``style``, set by id: python-docx's lookup by name scans every style
        each time and would cost more than the whole save."""
        if style not in self._style_ids:
            element = self._document.styles[style].element
            is_default = element.get(qn("w:default")) in ("1", "true", "on")
            self._style_ids[style] = None if is_default else element.get(qn("w:styleId"))
        paragraph = self._document.add_paragraph()
        style_id = self._style_ids[style]
        if style_id is not None:
            paragraph_element(paragraph).style = style_id
        return paragraph

    def own_style(self, name: str) -> str | None:
        """``name`` when the document defines it (the built-in look does), else None."""
        key = "own:" + name
        if key not in self._styles:
            self._styles[key] = name if has_style(self._document, name) else ""
        return self._styles[key] or None

    def parts(self, release_parts: list[Part]) -> None:
        """The top-level blocks, each in the style of its part of the release."""
        contact: list[Paragraph] = []
        for part in release_parts:
            node = part.node
            role = part.role
            if role is Role.MASTHEAD and node.type == "paragraph" and self.masthead(node):
                continue
            style = {
                Role.LEAD: "Lead",
                Role.CONTACT_HEADING: "Contact Heading",
                Role.CONTACT: "Contact",
            }.get(role)
            own = self.own_style(style) if style else None
            if own is None or node.type not in ("paragraph", "heading"):
                self.block(node, _Context())
                if role is Role.CONTACT and self._paragraphs:
                    contact.append(self._paragraphs[-1])
                continue
            paragraph = self.new_paragraph(own)
            self._paragraphs.append(paragraph)
            if role is Role.CONTACT:
                self.contact_lines(paragraph, node)
                contact.append(paragraph)
            else:
                for inline in node.children:
                    self.inline(paragraph, inline.children, _Format())
        for paragraph in contact[:-1]:
            paragraph.paragraph_format.keep_with_next = True

    def contact_lines(self, paragraph: Paragraph, node: SyntaxTreeNode) -> None:
        """A contact's lines, its e-mail address and phone numbers mailto: and tel: links, as
        in the HTML."""
        lines: list[list[SyntaxTreeNode]] = [[]]
        for inline in node.children:
            for child in inline.children:
                if child.type == "hardbreak":
                    lines.append([])
                else:
                    lines[-1].append(child)
        for index, line in enumerate(lines):
            if index:
                self.inline(paragraph, [_HARD_BREAK], _Format())
            text = "".join(n.content for part in line for n in part.walk() if n.type == "text")
            href = contact_href(text)
            if not href or any(n.type == "link" for part in line for n in part.walk()):
                self.inline(paragraph, line, _Format())
                continue
            label, colon, number = text.rpartition(": ")
            if colon and all(part.type == "text" for part in line):
                self.run(paragraph, f"{label}: ", _Format())
                self.run(paragraph, number, _Format(), append_hyperlink(paragraph, href))
            else:
                self.inline(paragraph, line, _Format(), append_hyperlink(paragraph, href))

    def masthead(self, node: SyntaxTreeNode) -> bool:
        """The label and the date in styles of their own: the first line is the label, the
        rest the date. False when the document has no such styles (the caller writes it)."""
        label_style, date_style = self.own_style("Release Label"), self.own_style("Release Date")
        if label_style is None or date_style is None or not node.children:
            return False
        lines: list[list[SyntaxTreeNode]] = [[]]
        for child in node.children[0].children:
            if child.type == "hardbreak":
                lines.append([])
            else:
                lines[-1].append(child)
        if len(lines) == 1:
            lines.insert(0, [])  # a date alone
        for style, line in ((label_style, lines[0]), (date_style, None)):
            content = line if line is not None else _joined(lines[1:])
            if not content:
                continue
            paragraph = self.new_paragraph(style)
            self._paragraphs.append(paragraph)
            self.inline(paragraph, content, _Format())
        return True

    def blocks(self, nodes: list[SyntaxTreeNode], context: _Context) -> None:
        for node in nodes:
            self.block(node, context)

    def block(self, node: SyntaxTreeNode, context: _Context) -> None:
        kind = node.type
        if kind == "paragraph":
            paragraph = self.paragraph(context)
            for inline in node.children:
                self.inline(paragraph, inline.children, _Format())
                if is_mostly_rtl(inline.content):
                    set_right_to_left(paragraph)
        elif kind == "heading":
            self.heading(node)
        elif kind in ("bullet_list", "ordered_list"):
            self.list_block(node, context)
        elif kind == "blockquote":
            self.blocks(node.children, dataclasses.replace(context, quote=True))
        elif kind in ("code_block", "fence"):
            self.code(node.content, context)
        elif kind == "hr":
            add_bottom_border(self.paragraph(context))
        elif kind == "table":
            self.table(node)
        elif node.children:
            self.blocks(node.children, context)
        elif node.content.strip():
            self.paragraph(context).add_run(xml_safe(node.content.strip()))

    def paragraph(self, context: _Context) -> Paragraph:
        """A new paragraph in the style its place calls for: the first one of a list item gets
        the list style and number, later ones continue the item without a number."""
        item = context.item
        if item is not None and not item.started:
            item.started = True
            paragraph = self.new_paragraph(item.style)
            if item.numbering is not None:
                number_paragraph(paragraph, *item.numbering)
        else:
            if item is not None:
                style = item.continue_style
            else:
                style = self.style("Quote") if context.quote else "Normal"
            paragraph = self.new_paragraph(style)
        self._paragraphs.append(paragraph)
        return paragraph

    def heading(self, node: SyntaxTreeNode) -> None:
        """Empty headings are skipped, so the headline is the first ``#`` with text, as in
        ``RenderedDocument.title``."""
        if not any(inline.content.strip() for inline in node.children):
            return
        level = int(node.tag[1:])
        if level == 1 and not self._title_done:
            self._title_done = True
            style = self.style("Title", "Heading 1")
        else:
            style = self.style(f"Heading {max(level - 1, 1)}")
        paragraph = self.new_paragraph(style)
        for inline in node.children:
            self.inline(paragraph, inline.children, _Format())
            if is_mostly_rtl(inline.content):
                set_right_to_left(paragraph)

    def list_block(self, node: SyntaxTreeNode, context: _Context) -> None:
        """Each list level has its own style, and Word's contextual spacing only joins
        paragraphs of the same style; so a tight list gets no space after its paragraphs
        but the last, or a nested list would float apart from its parent item."""
        first_paragraph = len(self._paragraphs)
        ordered = node.type == "ordered_list"
        depth = context.list_depth + 1
        kind = "List Number" if ordered else "List Bullet"
        style = self.style(_list_style(kind, depth), kind, "List Paragraph")
        continue_style = self.style(_list_style("List Continue", depth), "List Continue")
        start = int(str(node.attrs.get("start", 1)))
        numbering = self._numbering.new_list(
            self._document.styles[style], ordered=ordered, depth=depth, start=start
        )
        for list_item in node.children:
            item = _Item(style, continue_style, numbering)
            item_context = _Context(quote=context.quote, list_depth=depth, item=item)
            children = list_item.children
            if not children or children[0].type != "paragraph":
                self.paragraph(item_context)  # the bullet still shows, on a line of its own
            for child in children:
                nested = dataclasses.replace(item_context, item=None)
                is_list = child.type in ("bullet_list", "ordered_list")
                self.block(child, nested if is_list else item_context)
        if is_tight(node):
            for paragraph in self._paragraphs[first_paragraph:-1]:
                paragraph.paragraph_format.space_after = 0

    def code(self, content: str, context: _Context) -> None:
        """One paragraph, one monospace run per line, lines kept apart by line breaks."""
        paragraph = self.paragraph(context)
        lines = content.rstrip("\n").split("\n")
        for index, line in enumerate(lines):
            run = paragraph.add_run(xml_safe(line))
            run.font.name = CODE_FONT
            if index < len(lines) - 1:
                run.add_break()

    def table(self, node: SyntaxTreeNode) -> None:
        rows = [
            (section.type == "thead", row) for section in node.children for row in section.children
        ]
        columns = max((len(row.children) for _, row in rows), default=0)
        if not columns:
            return
        table = self._document.add_table(rows=len(rows), cols=columns)
        table.style = self.style("Table Grid")
        for row_index, (is_header, row) in enumerate(rows):
            if is_header:
                mark_header_row(table.cell(row_index, 0).paragraphs[0])
            for column, cell_node in enumerate(row.children[:columns]):
                paragraph = table.cell(row_index, column).paragraphs[0]
                alignment = _ALIGNMENTS.get(str(cell_node.attrs.get("style", "")))
                if alignment is not None:
                    paragraph.alignment = alignment
                for inline in cell_node.children:
                    self.inline(paragraph, inline.children, _Format(bold=is_header))

    def inline(
        self,
        paragraph: Paragraph,
        nodes: list[SyntaxTreeNode],
        fmt: _Format,
        link: BaseOxmlElement | None = None,
    ) -> None:
        pending: list[str] = []  # neighbouring plain text becomes one run, as Word writes it
        for node in nodes:
            kind = node.type
            if kind in ("text", "text_special", "html_inline"):
                pending.append(node.content)
                continue
            if kind == "softbreak":
                pending.append(" ")
                continue
            if pending:
                text = "".join(pending)
                pending.clear()
                if text:
                    self.run(paragraph, text, fmt, link)
            if kind == "code_inline":
                self.run(paragraph, node.content, dataclasses.replace(fmt, code=True), link)
            elif kind == "hardbreak":
                run = self.run(paragraph, "", fmt, link)
                if run is not None:
                    run.add_break()
            elif kind == "strong":
                self.inline(paragraph, node.children, dataclasses.replace(fmt, bold=True), link)
            elif kind == "em":
                self.inline(paragraph, node.children, dataclasses.replace(fmt, italic=True), link)
            elif kind == "s":
                self.inline(paragraph, node.children, dataclasses.replace(fmt, strike=True), link)
            elif kind == "placeholder":
                label = f"[{node.content}]"
                run = self.run(paragraph, label, dataclasses.replace(fmt, bold=True), link)
                if run is not None:
                    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            elif kind == "link" and link is None:
                hyperlink = append_hyperlink(paragraph, str(node.attrs["href"]))
                self.inline(paragraph, node.children, fmt, hyperlink)
            elif kind == "image":
                self.image(paragraph, node, fmt, link)
            else:
                self.inline(paragraph, node.children, fmt, link)
        text = "".join(pending)
        if text:
            self.run(paragraph, text, fmt, link)

    def image(
        self, paragraph: Paragraph, node: SyntaxTreeNode, fmt: _Format, link: BaseOxmlElement | None
    ) -> None:
        """Images are not downloaded: the alt text, then the address as a link, so a printed
        copy still says where the picture is."""
        alt = inline_text(inline_tokens(node))
        src = str(node.attrs["src"])
        if link is not None:
            self.run(paragraph, alt or src, fmt, link)
            return
        if alt:
            self.run(paragraph, f"{alt} (", fmt)
        self.run(paragraph, src, fmt, append_hyperlink(paragraph, src))
        if alt:
            self.run(paragraph, ")", fmt)

    def run(
        self, paragraph: Paragraph, text: str, fmt: _Format, link: BaseOxmlElement | None = None
    ) -> Run | None:
        """A run of ``text`` (XML-illegal characters dropped); None only for text that was
        nothing but such characters. ``""`` still gives a run, to hang a line break on."""
        safe = xml_safe(text).replace("\r", " ").replace("\n", " ")
        if text and not safe:
            return None
        run = paragraph.add_run()
        if safe:
            # One w:t straight away: python-docx's text setter walks the text a character at
            # a time looking for tabs and newlines, which clean values no longer carry.
            run.element.add_t(safe)
        if link is not None:
            link.append(run.element)
            if not self._hyperlink_style:
                name = ensure_hyperlink_style(self._document)
                self._hyperlink_style = self._document.styles[name].style_id
            run.element.style = self._hyperlink_style
        if fmt.bold:
            run.bold = True
        if fmt.italic:
            run.italic = True
        if fmt.strike:
            run.font.strike = True
        if fmt.code:
            run.font.name = CODE_FONT
        return run

    def finish(self) -> None:
        """Word wants the body to end with a paragraph, not a table."""
        body = self._document.element.body
        blocks = [child for child in body.iterchildren() if not child.tag.endswith("}sectPr")]
        if not blocks or not blocks[-1].tag.endswith("}p"):
            self._document.add_paragraph()


def _joined(lines: list[list[SyntaxTreeNode]]) -> list[SyntaxTreeNode]:
    """Lines of inline nodes as one list, with the hard breaks between them again."""
    joined: list[SyntaxTreeNode] = []
    for index, line in enumerate(lines):
        if index:
            joined.append(_HARD_BREAK)
        joined.extend(line)
    return joined


def _hard_break() -> SyntaxTreeNode:
    from markdown_it.token import Token

    return SyntaxTreeNode([Token("hardbreak", "br", 0)]).children[0]


_HARD_BREAK = _hard_break()


def builtin_look() -> Document:
    """The built-in look: the reference document, its body empty."""
    from io import BytesIO

    return docx.Document(BytesIO(resources.read_bytes("docx", "pressklar.docx")))


def _core_text(text: str) -> str:
    return xml_safe(text)[:_CORE_TEXT_LIMIT]


def _set_core_properties(document: Document, doc: RenderedDocument) -> None:
    props = document.core_properties
    author = _core_text(doc.meta.author or doc.meta.organisation)
    now = datetime.now(UTC).replace(microsecond=0)
    props.title = _core_text(doc.title)
    props.author = author
    props.last_modified_by = author
    props.language = _core_text(doc.meta.language)
    props.subject = ""
    props.keywords = ""
    props.category = ""
    props.comments = "Pressklar"
    props.created = now
    props.modified = now
    props.revision = 1


def build_document(doc: RenderedDocument, base: Document | None = None) -> Document:
    """The release as a python-docx document.

    Without ``base``, the built-in look (``builtin_look``). With ``base``
    (an organisation's letterhead), the release is appended to its body and its sections,
    headers, footers and styles are kept; ``base`` is modified and returned.
    """
    document = base if base is not None else builtin_look()
    set_default_language(document, doc.meta.language)
    _set_core_properties(document, doc)
    builder = _DocxBuilder(document)
    builder.parts(parts(doc.tree))
    builder.finish()
    return document
