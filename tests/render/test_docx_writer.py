"""Word export, checked by reading the written file back with python-docx."""

from __future__ import annotations

import re
from io import BytesIO

import docx
import pytest
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.model.fields import PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN
from editor.render import writers
from editor.render.document import DocumentMeta, RenderedDocument
from editor.render.escape import escape_markdown
from editor.render.writers.docx import DocxWriter
from editor.render.writers.docx_build import build_document

RELEASE = f"""\
# Region Exempel går upp i stabsläge

**Region Exempel gick i dag upp i stabsläge** efter en *omfattande* IT-störning. \
Beslutet gäller från {PLACEHOLDER_OPEN}Beslutsdatum{PLACEHOLDER_CLOSE}.

## Vad gäller nu?

- Akutmottagningarna är öppna.
  - Även barnakuten.
- Läs mer på [**regionens** webbplats](https://www.regionexempel.se/storning).

### Frågor

3. Ring 1177.
4. Mejla [press@regionexempel.se](mailto:press@regionexempel.se).

> "Patientsäkerheten går först", säger regiondirektören.

---

**Presskontakt**\\
Anna Andersson, presschef\\
070-123 45 67
"""


def document(markdown: str, language: str = "sv", author: str = "") -> RenderedDocument:
    meta = DocumentMeta(
        language=language, organisation="Region Exempel", template_name="Test", author=author
    )
    return RenderedDocument(markdown=markdown, meta=meta)


def export(markdown: str, language: str = "sv", author: str = "") -> Document:
    data = DocxWriter().write(document(markdown, language, author))
    return docx.Document(BytesIO(data))


def paragraph_with(result: Document, text: str) -> Paragraph:
    return next(p for p in result.paragraphs if text in p.text)


def num_id(paragraph: Paragraph) -> str | None:
    found = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    return None if found is None else str(found.get(qn("w:val")))


def numbering_root(result: Document) -> object:
    return result.part.part_related_by(RT.NUMBERING).element


def num_element(result: Document, numid: str) -> object:
    root = numbering_root(result)
    return next(n for n in root.findall(qn("w:num")) if n.get(qn("w:numId")) == numid)


def start_override(result: Document, numid: str) -> str | None:
    found = num_element(result, numid).find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
    return None if found is None else str(found.get(qn("w:val")))


@pytest.fixture(scope="module")
def release() -> Document:
    return export(RELEASE)


def test_writer_is_registered_and_writes_a_docx() -> None:
    writer = writers.get("docx")
    assert isinstance(writer, DocxWriter)
    assert writer.extension == ".docx"
    assert writer.media_type.endswith("wordprocessingml.document")
    assert writer.write(document(RELEASE)).startswith(b"PK")


def test_built_in_style_names(release: Document) -> None:
    styles = {p.text: p.style.name for p in release.paragraphs if p.text and p.style}
    assert styles["Region Exempel går upp i stabsläge"] == "Title"
    assert styles["Vad gäller nu?"] == "Heading 1"
    assert styles["Frågor"] == "Heading 2"
    assert styles["Akutmottagningarna är öppna."] == "List Bullet"
    assert styles["Även barnakuten."] == "List Bullet 2"
    assert styles["Ring 1177."] == "List Number"
    assert styles['"Patientsäkerheten går först", säger regiondirektören.'] == "Quote"
    assert paragraph_with(release, "IT-störning").style.name == "Normal"


def test_only_the_first_h1_is_the_title() -> None:
    result = export("#\n\n# Rubrik\n\n# Till\n\n#### Fyra\n\n###### Sex\n")
    assert [p.style.name for p in result.paragraphs] == [
        "Title",
        "Heading 1",
        "Heading 3",
        "Heading 5",
    ]


def test_bold_italic_strike_and_code_runs() -> None:
    result = export("**fet** *kursiv* ~~struken~~ `kod` ***båda***")
    runs = {run.text: run for run in result.paragraphs[0].runs}
    assert runs["fet"].bold and not runs["fet"].italic
    assert runs["kursiv"].italic and not runs["kursiv"].bold
    assert runs["struken"].font.strike
    assert runs["kod"].font.name == "Consolas"
    assert runs["båda"].bold and runs["båda"].italic


def test_links_are_real_hyperlinks_in_the_hyperlink_style(release: Document) -> None:
    paragraph = paragraph_with(release, "Läs mer")
    links = paragraph._p.findall(qn("w:hyperlink"))
    assert len(links) == 1
    relationship = release.part.rels[links[0].get(qn("r:id"))]
    assert relationship.is_external
    assert relationship.target_ref == "https://www.regionexempel.se/storning"
    assert paragraph.hyperlinks[0].text == "regionens webbplats"
    runs = paragraph.hyperlinks[0].runs
    assert all(run.style is not None and run.style.name == "Hyperlink" for run in runs)
    assert [run.bold for run in runs] == [True, None]  # bold inside the link stays bold
    style = release.styles["Hyperlink"]
    assert style.type == WD_STYLE_TYPE.CHARACTER
    assert style.font.underline
    mail = paragraph_with(release, "Mejla").hyperlinks[0]
    assert mail.url == "mailto:press@regionexempel.se"


def test_a_document_without_links_gets_no_hyperlink_style_on_a_letterhead() -> None:
    built = build_document(document("Ingen länk här."), docx.Document())
    assert "Hyperlink" not in built.styles


def test_ordered_lists_restart_at_their_start_number() -> None:
    result = export("3. tre\n4. fyra\n\nText emellan.\n\n1. ett\n2. två\n\n- punkt\n")
    three, four, one, two = (paragraph_with(result, word) for word in ("tre", "fyra", "ett", "två"))
    assert num_id(three) == num_id(four)
    assert num_id(one) == num_id(two)
    assert num_id(three) != num_id(one)
    assert start_override(result, str(num_id(three))) == "3"
    assert start_override(result, str(num_id(one))) == "1"
    # Both lists look like the "List Number" style: they share its abstract definition.
    style_num = result.styles["List Number"].element.find(
        f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}"
    )
    abstract = {
        num_element(result, str(n)).find(qn("w:abstractNumId")).get(qn("w:val"))
        for n in (num_id(three), num_id(one), style_num.get(qn("w:val")))
    }
    assert len(abstract) == 1
    assert num_id(paragraph_with(result, "punkt")) is None  # bullets use the style's own


def test_nested_ordered_list_gets_its_own_restart() -> None:
    result = export("1. ett\n   1. ett-ett\n   2. ett-två\n2. två\n   1. två-ett\n")
    inner_first = paragraph_with(result, "ett-ett")
    inner_second = paragraph_with(result, "två-ett")
    assert inner_first.style.name == "List Number 2"
    assert num_id(inner_first) != num_id(inner_second)
    assert start_override(result, str(num_id(inner_second))) == "1"


def test_second_paragraph_of_an_item_continues_without_a_number() -> None:
    result = export("1. ett\n\n   mer om ett\n\n2. två\n")
    more = paragraph_with(result, "mer om ett")
    assert more.style.name == "List Continue"
    assert num_id(more) is None


def test_core_properties(release: Document) -> None:
    props = release.core_properties
    assert props.title == "Region Exempel går upp i stabsläge"
    assert props.author == "Region Exempel"
    assert props.language == "sv"
    assert props.comments == "Pressklar"
    assert export("# R", author="Anna Andersson").core_properties.author == "Anna Andersson"


def test_default_language_for_spell_checking() -> None:
    def language(result: Document) -> str:
        lang = result.styles.element.find(
            f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
        )
        return str(lang.get(qn("w:val")))

    assert language(export("Text", "sv")) == "sv-SE"
    assert language(export("Text", "en")) == "en-GB"
    assert language(export("Text", "fi")) == "fi-FI"
    assert language(export("Text", "en-US")) == "en-US"


def test_placeholder_is_bold_and_highlighted(release: Document) -> None:
    run = next(r for r in paragraph_with(release, "Beslutet").runs if r.text == "[Beslutsdatum]")
    assert run.bold
    assert run.font.highlight_color == WD_COLOR_INDEX.YELLOW


def test_contact_block_is_one_paragraph_with_line_breaks(release: Document) -> None:
    contact = paragraph_with(release, "Presskontakt")
    assert contact.text == "Presskontakt\nAnna Andersson, presschef\n070-123 45 67"
    assert len(contact._p.findall(f".//{qn('w:br')}")) == 2
    assert contact.runs[0].text == "Presskontakt" and contact.runs[0].bold


def test_soft_break_is_a_space() -> None:
    assert export("En rad\nsom fortsätter").paragraphs[0].text == "En rad som fortsätter"


def test_horizontal_rule_and_code_block() -> None:
    result = export("Före\n\n---\n\n```\nrad 1\n  rad 2\n```\n")
    rule = result.paragraphs[1]
    assert rule.text == ""
    assert rule._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None
    code = result.paragraphs[2]
    assert code.text == "rad 1\n  rad 2"
    assert all(run.font.name == "Consolas" for run in code.runs)


def test_table_is_a_word_table() -> None:
    result = export("| Tid | Händelse |\n|---:|---|\n| 07.45 | [Stab](https://x.se) |\n")
    table = result.tables[0]
    assert table.style is not None and table.style.name == "Table Grid"
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Tid", "Händelse"],
        ["07.45", "Stab"],
    ]
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold
    assert table.rows[1].cells[1].paragraphs[0].hyperlinks[0].url == "https://x.se"
    # Word wants a paragraph after a table that ends the document.
    assert result.element.body[-2].tag == qn("w:p")
    # the header row repeats on every page, its properties where the schema puts them
    rows = result.element.body.findall(".//" + qn("w:tr"))
    assert rows[0][0].tag == qn("w:trPr") and rows[0][0][0].tag == qn("w:tblHeader")
    assert rows[1].find(qn("w:trPr")) is None


def test_image_becomes_text_and_link() -> None:
    paragraph = export("![Karta](https://x.se/karta.png)").paragraphs[0]
    assert paragraph.text == "Karta (https://x.se/karta.png)"
    assert paragraph.hyperlinks[0].url == "https://x.se/karta.png"


def test_control_characters_are_dropped_emoji_and_rtl_kept() -> None:
    result = export(
        "A\x01B\x0bC\ufffeD\uffff 🚑\n\nמשפט בעברית כאן\n\nsvensk text med ett ord på عربي\n"
    )
    assert result.paragraphs[0].text == "ABCD 🚑"
    hebrew = result.paragraphs[1]
    assert hebrew.text == "משפט בעברית כאן"
    assert hebrew._p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None
    assert result.paragraphs[2]._p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is None


def test_title_longer_than_word_allows_is_shortened() -> None:
    result = export("# " + "Lång rubrik " * 40)
    assert len(result.core_properties.title) == 255


def test_a4_with_the_pdfs_margins(release: Document) -> None:
    section = release.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)  # A4
    margins = (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)
    assert tuple(round(margin.mm) for margin in margins) == (22, 22, 20, 22)


def test_base_document_keeps_its_header_and_page_setup() -> None:
    base = docx.Document()
    base.sections[0].header.paragraphs[0].text = "Region Exempel – Pressmeddelande"
    base.sections[0].left_margin = Cm(4)
    base.add_paragraph("Brevhuvud")
    built = build_document(document(RELEASE), base)
    stream = BytesIO()
    built.save(stream)
    result = docx.Document(stream)
    assert result.sections[0].header.paragraphs[0].text == "Region Exempel – Pressmeddelande"
    assert round(result.sections[0].left_margin.cm, 2) == 4
    texts = [p.text for p in result.paragraphs]
    assert texts[0] == "Brevhuvud"
    assert texts[1] == "Region Exempel går upp i stabsläge"


def test_base_document_without_list_styles_or_numbering_part() -> None:
    """A letterhead made in Word defines only the styles it uses and may have no numbering."""
    base = docx.Document()
    for name in ("Title", "List Number", "List Bullet", "Quote"):
        element = base.styles[name].element
        element.getparent().remove(element)
    numbering_rel = next(r for r in base.part.rels.values() if r.reltype == RT.NUMBERING)
    base.part.drop_rel(numbering_rel.rId)
    built = build_document(document("# Rubrik\n\n5. fem\n6. sex\n\n- punkt\n\n> citat\n"), base)
    stream = BytesIO()
    built.save(stream)
    result = docx.Document(stream)
    styles = {p.text: p.style.name for p in result.paragraphs if p.text}
    assert styles == {
        "Rubrik": "Title",
        "fem": "List Number",
        "sex": "List Number",
        "punkt": "List Bullet",
        "citat": "Quote",
    }
    five = paragraph_with(result, "fem")
    assert start_override(result, str(num_id(five))) == "5"
    assert num_id(paragraph_with(result, "punkt")) is not None
    assert result.styles["Title"].font.size is not None  # the real definition, not a stub


def normalized(value: str) -> str:
    return " ".join(value.split())


ILLEGAL_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Line breaks would end the paragraph, and the placeholder markers are not typable.
NOT_TYPED = "\n\r\u2028\u2029\x85" + PLACEHOLDER_OPEN + PLACEHOLDER_CLOSE


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters=NOT_TYPED)))
def test_any_text_reopens_and_comes_out_literally(value: str) -> None:
    escaped = escape_markdown(value)
    markdown = f"# {escaped}\n\nFöre {escaped} efter.\n\n- {escaped}\n"
    result = export(markdown)
    text = normalized(" ".join(p.text for p in result.paragraphs))
    # NUL is U+FFFD in CommonMark; the other XML-illegal characters are dropped.
    want = ILLEGAL_IN_XML.sub("", value.replace("\x00", "\ufffd"))
    assert normalized(f"Före {want} efter.") in text
    if normalized(want):
        assert text.count(normalized(want)) >= 3


def test_tight_list_levels_stay_together() -> None:
    """Word adds no space between list paragraphs of one style, but does between levels."""
    result = export("- ett\n  - under\n- två\n\nEfter.\n")
    spacing = {p.text: p.paragraph_format.space_after for p in result.paragraphs}
    assert spacing["ett"] == 0 and spacing["under"] == 0
    assert spacing["två"] is None  # the style's own space before the next paragraph
    loose = export("- ett\n\n  - under\n\n- två\n")
    assert all(p.paragraph_format.space_after is None for p in loose.paragraphs)
