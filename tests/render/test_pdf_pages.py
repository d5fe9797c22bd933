"""The PDF's pages, read back with pypdf: the shipped font embedded, page numbers in Swedish
style, headings never last on a page, the contact block never split, normal spaces."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from pypdf import PdfReader

from editor.render.document import DocumentMeta, RenderedDocument
from editor.render.layout import Role, parts
from editor.render.pdf import page_number, pdf_bytes
from editor.render.plain import inline_lines, inline_tokens
from tests.reference.cases import case_ids, render_case


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(data)).pages]


def _contact_lines(doc: RenderedDocument) -> list[str]:
    return [
        line
        for part in parts(doc.tree)
        if part.role in (Role.CONTACT_HEADING, Role.CONTACT)
        for line in inline_lines(inline_tokens(part.node))
        if line
    ]


@pytest.mark.parametrize("case", case_ids())
def test_the_contact_block_is_on_one_page_and_pages_are_numbered(qapp: Any, case: str) -> None:
    doc = render_case(case).doc
    pages = _pages(pdf_bytes(doc))
    for number, text in enumerate(pages, start=1):
        assert text.rstrip().endswith(page_number(number, len(pages))), (case, number)
    lines = _contact_lines(doc)
    assert lines
    flat = [" ".join(text.split()) for text in pages]  # pypdf breaks lines at each link
    holding = [index for index, text in enumerate(flat) if all(line in text for line in lines)]
    assert holding, f"{case}: the contact block is split across pages"


def test_page_numbers_are_swedish_style() -> None:
    assert page_number(1, 2) == "1 (2)"


def test_the_shipped_font_is_embedded(qapp: Any) -> None:
    reader = PdfReader(BytesIO(pdf_bytes(render_case("lex-maria-sv").doc)))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = set()
    for font in fonts.values():
        font = font.get_object()
        names.add(str(font["/BaseFont"]))
        for descendant in font.get("/DescendantFonts", []):
            descriptor = descendant.get_object()["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor
    assert any("Carlito" in name for name in names)
    assert any("Bold" in name for name in names)


def test_text_extracts_with_normal_spaces_and_each_line_once(qapp: Any) -> None:
    pages = _pages(pdf_bytes(render_case("lex-maria-sv").doc))
    assert len(pages) == 2
    assert "\t" not in "".join(pages)
    assert "Region Exempelby har anmält en händelse" in pages[0]
    last_line = "för att den inte ska hända igen."
    assert sum(last_line in text for text in pages) == 1  # not also, invisibly, on page 1


def test_a_heading_is_kept_with_its_next_paragraph(qapp: Any) -> None:
    text = "Lite text som fyller sidan en rad i taget, inget mer än så. " * 2
    moved = 0
    for filler in range(18, 32):
        body = "\n\n".join([text] * filler)
        markdown = (
            f"# Rubrik\n\n{body}\n\n## Mellanrubrik\n\nEfter mellanrubriken {text * 3}\n\n"
            f"## Sist\n\nEfter sist {text}\n"
        )
        pages = _pages(pdf_bytes(RenderedDocument(markdown, DocumentMeta("sv"))))
        for heading, after in (("Mellanrubrik", "Efter mellanrubriken"), ("Sist", "Efter sist")):
            page = next(text for text in pages if heading in text.splitlines())
            assert after in page, (filler, heading)
            moved += page.startswith(heading)
    assert moved  # some filler put a heading at a page's end, and it was moved


def test_a_long_release_keeps_every_heading_with_its_text(qapp: Any) -> None:
    text = "Lite text som fyller sidan en rad i taget, inget mer än så. " * 6
    sections = [
        f"## Rubrik {i}\n\n{text}\n\n{text}\n\n- en punkt\n- två punkter\n" for i in range(90)
    ]
    doc = RenderedDocument("# Lång\n\n" + "\n\n".join(sections), DocumentMeta("sv"))
    pages = _pages(pdf_bytes(doc))
    assert len(pages) > 20
    headings = []
    for number, page in enumerate(pages, start=1):
        lines = [line for line in page.splitlines() if line.strip()]
        assert lines[-1] == page_number(number, len(pages))
        body = lines[:-1]
        headings += [line for line in body if line.startswith("Rubrik ")]
        assert not body[-1].startswith("Rubrik "), number
    assert headings == [f"Rubrik {i}" for i in range(90)]  # nothing lost, nothing twice
