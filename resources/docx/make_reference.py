"""Build ``pressklar.docx``, the built-in Word look, from python-docx's default template.

Run after changing a style here: ``.venv/bin/python resources/docx/make_reference.py``. The file
it writes is what ships; the DOCX export starts from it (body empty, styles, page, footer) when
no organisation letterhead is chosen, so a DOCX looks like the preview and the PDF: Calibri
(Carlito, shipped for the PDF, has the same metrics, and LibreOffice puts it in Calibri's place),
black headings without rules, A4 with the PDF's margins, page numbers "1 (2)" in the footer.

Styles, beyond Word's own (Normal, Title, Heading 1-3, Quote, List Bullet/Number, Hyperlink):
"Release Label" and "Release Date" (the masthead), "Lead", "Contact Heading", "Contact".
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
FONT = "Calibri"
TEXT = RGBColor(0x1A, 0x1A, 0x1A)
HEADING = RGBColor(0x11, 0x11, 0x11)
QUIET = RGBColor(0x44, 0x44, 0x44)
LINK = RGBColor(0x0B, 0x5C, 0xAD)
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _plain_fonts(document: docx.document.Document) -> None:
    """Every font named outright (Calibri), none through the theme (Cambria, Calibri Light)."""
    root = document.styles.element
    for fonts in root.iter(qn("w:rFonts")):
        for name in _THEME_ATTRIBUTES:
            fonts.attrib.pop(qn(name), None)
        for name in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(name), FONT)
    defaults = root.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = run_defaults.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        run_defaults.insert(0, fonts)
    for name in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(name), FONT)
    for name in _THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(name), None)


def _no_border(style: docx.styles.style.ParagraphStyle) -> None:
    properties = style.element.pPr
    if properties is not None:
        for border in properties.findall(qn("w:pBdr")):
            properties.remove(border)


def _look(style, *, size, bold=False, italic=False, color=TEXT, before=0, after=8, keep=False):  # type: ignore[no-untyped-def]
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = color
    style.paragraph_format.space_before = Pt(before)
    style.paragraph_format.space_after = Pt(after)
    if keep:
        style.paragraph_format.keep_with_next = True
    return style


def _custom(document, name, base, **look):  # type: ignore[no-untyped-def]
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles[base]
    style.quick_style = True
    style.next_paragraph_style = document.styles["Normal"]
    return _look(style, **look)


def _field(paragraph, instruction: str) -> None:  # type: ignore[no-untyped-def]
    run = paragraph.add_run()
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("end", None)):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
        if kind == "separate":
            result = OxmlElement("w:t")
            result.text = "1"
            run._r.append(result)


def build() -> docx.document.Document:
    document = docx.Document()
    _plain_fonts(document)
    styles = document.styles
    normal = _look(styles["Normal"], size=11, after=8)
    normal.paragraph_format.line_spacing = 1.2
    title = _look(styles["Title"], size=20, bold=True, color=HEADING, before=4, after=10, keep=True)
    _no_border(title)
    title.font.all_caps = False
    title.paragraph_format.line_spacing = 1.0
    _look(styles["Heading 1"], size=13, bold=True, color=HEADING, before=16, after=4, keep=True)
    _look(styles["Heading 2"], size=11, bold=True, color=HEADING, before=12, after=2, keep=True)
    _look(styles["Heading 3"], size=11, italic=True, color=HEADING, before=10, after=2, keep=True)
    _look(styles["Quote"], size=11, italic=True, color=RGBColor(0x33, 0x33, 0x33), after=8)
    _custom(document, "Release Label", "Normal", size=10, bold=True, color=QUIET, after=0)
    _custom(document, "Release Date", "Normal", size=10, color=QUIET, after=16)
    _custom(document, "Lead", "Normal", size=12, bold=True, after=10)
    contact_heading = _custom(
        document, "Contact Heading", "Heading 1", size=13, bold=True, color=HEADING, before=18,
        after=4, keep=True,
    )  # fmt: skip
    contact_heading.next_paragraph_style = styles["Normal"]
    contact = _custom(document, "Contact", "Normal", size=11, after=8)
    contact.paragraph_format.keep_together = True
    contact.paragraph_format.line_spacing = 1.1
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(22)
        section.top_margin, section.bottom_margin = Mm(20), Mm(22)
        section.footer_distance = Mm(10)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _field(footer, "PAGE")
        footer.add_run(" (")
        _field(footer, "NUMPAGES")
        footer.add_run(")")
        for run in footer.runs:
            run.font.size = Pt(9)
            run.font.color.rgb = QUIET
    hyperlink = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    hyperlink.font.color.rgb = LINK
    hyperlink.font.underline = True
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    props = document.core_properties
    props.title = props.subject = props.keywords = props.comments = ""
    props.author = props.last_modified_by = "Pressklar"
    return document


if __name__ == "__main__":
    build().save(str(HERE / "pressklar.docx"))
