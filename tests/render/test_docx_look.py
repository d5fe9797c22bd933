"""The built-in Word look, read back with python-docx: the parts of a release in their own
styles, a sans-serif body, black headings without a rule, page numbers in the footer; and an
organisation's letterhead still wins."""

from __future__ import annotations

from io import BytesIO

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import RGBColor

from editor.render.letterhead import export_docx
from tests.reference.cases import render_case

BLACKISH = {RGBColor(0x11, 0x11, 0x11), RGBColor(0x1A, 0x1A, 0x1A), RGBColor(0, 0, 0)}


def _release(case: str = "readiness-ended-sv", letterhead: str | None = None) -> Document:
    return docx.Document(BytesIO(export_docx(render_case(case).doc, letterhead)))


def _styles_of(document: Document) -> dict[str, str]:
    return {p.text.split("\n")[0]: p.style.name for p in document.paragraphs if p.style}


def test_each_part_of_the_release_has_its_style() -> None:
    styles = _styles_of(_release())
    assert styles["PRESSMEDDELANDE"] == "Release Label"
    assert styles["25 september 2018"] == "Release Date"
    assert styles["Stabsläget i Region Kronoberg är avslutat"] == "Title"
    assert styles["Press och media"] == "Heading 1"
    assert styles["Presskontakt"] == "Contact Heading"
    assert styles["Anna Exempel"] == "Contact"
    lead = next(text for text, style in styles.items() if style == "Lead")
    assert lead.startswith("Region Kronoberg avslutade stabsläget")


def test_the_body_is_sans_serif_and_the_headings_black_without_a_rule() -> None:
    document = _release()
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Lead", "Contact"):
        style = document.styles[name]
        font = style.font
        fonts = style.element.rPr.find(qn("w:rFonts")) if style.element.rPr is not None else None
        assert font.name == "Calibri", name
        assert fonts is None or fonts.get(qn("w:asciiTheme")) is None, name  # no Cambria
    for name in ("Title", "Heading 1", "Heading 2", "Contact Heading"):
        style = document.styles[name]
        assert style.font.color.rgb in BLACKISH, name
        assert style.paragraph_format.keep_with_next, name
    title = document.styles["Title"].element.pPr
    assert title is None or title.find(qn("w:pBdr")) is None
    defaults = document.styles.element.find(qn("w:docDefaults"))
    default_fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert default_fonts.get(qn("w:ascii")) == "Calibri"
    assert default_fonts.get(qn("w:asciiTheme")) is None


def test_the_contact_block_is_kept_on_one_page() -> None:
    document = _release("general-en")
    contact = [p for p in document.paragraphs if p.style.name == "Contact"]
    assert len(contact) == 2
    assert contact[0].paragraph_format.keep_with_next
    assert document.styles["Contact"].paragraph_format.keep_together
    heading = next(p for p in document.paragraphs if p.style.name == "Contact Heading")
    assert heading.style.paragraph_format.keep_with_next


def test_the_footer_numbers_pages_in_swedish_style() -> None:
    footer = _release().sections[0].footer.paragraphs[0]
    xml = footer._p.xml  # reading the fields back needs the XML
    assert "PAGE" in xml and "NUMPAGES" in xml
    assert "(" in footer.text and ")" in footer.text


def test_a_letterhead_still_wins(tmp_path) -> None:  # type: ignore[no-untyped-def]
    base = docx.Document()
    base.styles["Normal"].font.name = "Georgia"
    base.sections[0].header.paragraphs[0].text = "Region Exempel"
    path = tmp_path / "brevhuvud.docx"
    base.save(str(path))
    document = _release(letterhead=str(path))
    assert document.styles["Normal"].font.name == "Georgia"
    assert document.sections[0].header.paragraphs[0].text == "Region Exempel"
    names = {p.style.name for p in document.paragraphs}
    assert not names & {"Release Label", "Release Date", "Lead", "Contact Heading", "Contact"}


def test_contact_addresses_and_numbers_are_links() -> None:
    contact = next(p for p in _release().paragraphs if p.style.name == "Contact")
    addresses = [link.address for link in contact.hyperlinks]
    assert addresses == ["mailto:anna.exempel@example.se", "tel:0470000000", "tel:0700000000"]
    assert contact.text.split("\n")[0] == "Anna Exempel"
