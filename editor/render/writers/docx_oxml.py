"""The WordprocessingML that python-docx has no API for: hyperlinks, the Hyperlink style,
paragraph borders, right-to-left paragraphs, the proofing language, and built-in styles missing
from an organisation's letterhead. Imported only by the DOCX writer (python-docx is slow to load).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from copy import deepcopy

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import RGBColor
from docx.styles import BabelFish
from docx.styles.style import CharacterStyle
from docx.text.paragraph import Paragraph

from editor.model.language import base_language, document_language

# Characters XML 1.0 cannot hold; python-docx raises ValueError on them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Child order the schema demands (Word refuses files that break it); only what we insert.
PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
    "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
    "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
    "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
    "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
    "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof",
    "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern",
    "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
    "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)  # fmt: skip
STYLE_ORDER = (
    "w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden",
    "w:uiPriority", "w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked",
    "w:personal", "w:personalCompose", "w:personalReply", "w:rsid", "w:pPr", "w:rPr",
    "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr",
)  # fmt: skip

_MAYBE_RTL = re.compile("[\u0590-\U0010ffff]")
_RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "ckb"})


def xml_safe(text: str) -> str:
    """``text`` without the characters XML cannot hold; emoji and RTL text are kept."""
    return _XML_ILLEGAL.sub("", text)


def is_mostly_rtl(text: str) -> bool:
    """Whether more of ``text``'s letters are right-to-left (Arabic, Hebrew) than not."""
    if not _MAYBE_RTL.search(text):
        return False
    rtl = ltr = 0
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            rtl += 1
        elif direction == "L":
            ltr += 1
    return rtl > ltr


def has_style(document: Document, name: str) -> bool:
    """Whether ``document`` defines the style ``name`` (UI name, as "Heading 1"). One XPath
    query, where python-docx's ``in`` builds a proxy for every style."""
    return document.styles.element.get_by_name(BabelFish.ui2internal(name)) is not None


def get_or_add(parent: BaseOxmlElement, tag: str, order: Sequence[str]) -> BaseOxmlElement:
    """The child ``tag`` of ``parent``, created in its schema position if absent."""
    found = parent.find(qn(tag))
    if found is not None:
        return found  # type: ignore[no-any-return]
    element: BaseOxmlElement = OxmlElement(tag)
    parent.insert_element_before(element, *order[order.index(tag) + 1 :])
    return element


def set_default_language(document: Document, code: str) -> None:
    """Make Word proof the text in the release's language, not the template's en-US."""
    tag = document_language(code)
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = get_or_add(defaults, "w:rPrDefault", ("w:rPrDefault", "w:pPrDefault"))
    targets = [get_or_add(run_defaults, "w:rPr", ("w:rPr",))]
    if has_style(document, "Normal"):
        normal = document.styles["Normal"].element
        targets.append(get_or_add(normal, "w:rPr", STYLE_ORDER))
    for rpr in targets:
        lang = get_or_add(rpr, "w:lang", RPR_ORDER)
        lang.set(qn("w:val"), tag)
        if base_language(tag) in _RTL_LANGUAGES:
            lang.set(qn("w:bidi"), tag)


def ensure_hyperlink_style(document: Document) -> str:
    """The built-in character style "Hyperlink", added when the document lacks it. Same name
    as Word's, so Word (and the user's own template) shows links its usual way."""
    styles = document.styles
    if not has_style(document, "Hyperlink"):
        style = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER, builtin=True)
        assert isinstance(style, CharacterStyle)
        if has_style(document, "Default Paragraph Font"):
            style.base_style = styles["Default Paragraph Font"]
        style.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        style.font.underline = True
        style.priority = 99
        style.unhide_when_used = True
    return "Hyperlink"


def paragraph_element(paragraph: Paragraph) -> CT_P:
    """The paragraph's ``w:p``. python-docx 1.2 has no public ``Paragraph.element`` (only the
    private ``_p``), but its ``ParagraphFormat`` is an ``ElementProxy`` over the same ``w:p``,
    and ``ElementProxy.element`` is public; a python-docx upgrade cannot take that away quietly."""
    element: CT_P = paragraph.paragraph_format.element
    return element


def mark_header_row(cell_paragraph: Paragraph) -> None:
    """Repeat the table row holding ``cell_paragraph`` at the top of every page (Word's
    ``w:tblHeader``). python-docx 1.2 has no header-row setting and no public element of a
    row, so the row is reached from its first cell's paragraph: ``w:p`` < ``w:tc`` < ``w:tr``."""
    cell = paragraph_element(cell_paragraph).getparent()
    row = cell.getparent() if cell is not None else None
    if isinstance(row, CT_Row):
        row.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def append_hyperlink(paragraph: Paragraph, url: str) -> BaseOxmlElement:
    """An empty ``w:hyperlink`` at the end of ``paragraph``, pointing at ``url`` through an
    external relationship. Move runs into it to make them clickable."""
    r_id = paragraph.part.relate_to(xml_safe(url), RT.HYPERLINK, is_external=True)
    link: BaseOxmlElement = OxmlElement("w:hyperlink", {qn("r:id"): r_id, qn("w:history"): "1"})
    paragraph_element(paragraph).append(link)
    return link


def add_bottom_border(paragraph: Paragraph) -> None:
    """A thin rule under the (empty) paragraph: Word's own way to draw a horizontal line."""
    ppr = paragraph_element(paragraph).get_or_add_pPr()
    borders = get_or_add(ppr, "w:pBdr", PPR_ORDER)
    bottom = OxmlElement(
        "w:bottom",
        {qn("w:val"): "single", qn("w:sz"): "6", qn("w:space"): "1", qn("w:color"): "auto"},
    )
    borders.append(bottom)


def set_right_to_left(paragraph: Paragraph) -> None:
    get_or_add(paragraph_element(paragraph).get_or_add_pPr(), "w:bidi", PPR_ORDER)


@functools.cache
def _template() -> Document:
    """python-docx's default template, the source of built-in style definitions. Read only."""
    return docx.Document()


def ensure_builtin_style(document: Document, name: str) -> bool:
    """Copy the built-in style ``name`` from python-docx's default template into ``document``
    when it lacks it (a letterhead made in Word defines only the styles it uses).

    List styles are copied without their numbering, which lives in the template's own
    numbering part; the list writer numbers those paragraphs itself. False if unknown.
    """
    if has_style(document, name):
        return True
    template = _template()
    if not has_style(template, name):
        return False
    template_styles = template.styles
    element = deepcopy(template_styles[name].element)
    for tag in ("w:link", "w:rsid"):
        for child in element.findall(qn(tag)):
            element.remove(child)
    for numbering in element.findall(f"{qn('w:pPr')}/{qn('w:numPr')}"):
        numbering.getparent().remove(numbering)
    for reference in (element.find(qn("w:basedOn")), element.find(qn("w:next"))):
        if reference is None:
            continue
        referenced = template_styles.element.get_by_id(reference.get(qn("w:val")))
        if referenced is None or not ensure_builtin_style(document, referenced.name_val):
            element.remove(reference)
            continue
        reference.set(qn("w:val"), document.styles[referenced.name_val].style_id)
    style_id = str(element.get(qn("w:styleId")))
    while document.styles.element.get_by_id(style_id) is not None:
        style_id += "Pressklar"
    element.set(qn("w:styleId"), style_id)
    document.styles.element.append(element)
    return True
