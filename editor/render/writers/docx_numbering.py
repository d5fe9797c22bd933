"""Numbered lists that restart where the Markdown says.

Word's "List Number" style points at one list instance (``w:num``), so every list in that style
would continue the previous one's count. Each ordered list therefore gets its own ``w:num``
that reuses the style's abstract definition (same look) with a ``w:lvlOverride/w:startOverride``
at the list's first number, and its paragraphs carry that ``numId`` in ``w:numPr``.

A letterhead whose list styles carry no numbering (or has no numbering part at all) gets a
plain decimal or bullet definition of our own, so its lists are still numbered.
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.numbering import NumberingPart
from docx.styles.style import BaseStyle, ParagraphStyle
from docx.text.paragraph import Paragraph

from editor.render.writers.docx_oxml import PPR_ORDER, get_or_add, paragraph_element

_INDENT_STEP = 360  # twentieths of a point: a quarter inch, as Word's own list styles


class ListNumbering:
    """The numbering definitions added to one document while it is built."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._own_bullets: dict[int, int] = {}  # depth -> numId of our own bullet list

    def new_list(
        self, style: BaseStyle, *, ordered: bool, depth: int, start: int
    ) -> tuple[int, int] | None:
        """(numId, level) to put on the paragraphs of a new list in ``style``, or None when the
        style's own numbering is right as it is (bullets need no restart)."""
        found = _style_numbering(style)
        numbering = self._numbering()
        abstract_id = _abstract_id(numbering, found[0]) if found else None
        if abstract_id is not None and not ordered:
            return None
        level = found[1] if found and abstract_id is not None else 0
        if abstract_id is None:
            if not ordered and depth in self._own_bullets:
                return self._own_bullets[depth], 0
            abstract_id = _add_abstract(numbering, ordered=ordered, depth=depth)
        num_id = _add_num(numbering, abstract_id, level, start if ordered else None)
        if not ordered:
            self._own_bullets[depth] = num_id
        return num_id, level

    def _numbering(self) -> BaseOxmlElement:
        part = self._document.part
        try:
            numbering_part = part.part_related_by(RT.NUMBERING)
        except KeyError:
            element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
            numbering_part = NumberingPart(
                PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, part.package
            )
            part.relate_to(numbering_part, RT.NUMBERING)
        root: BaseOxmlElement = numbering_part.element  # type: ignore[attr-defined]
        return root


def number_paragraph(paragraph: Paragraph, num_id: int, level: int) -> None:
    """Attach ``paragraph`` to list instance ``num_id`` (overrides its style's numbering)."""
    numbering = get_or_add(paragraph_element(paragraph).get_or_add_pPr(), "w:numPr", PPR_ORDER)
    for child in list(numbering):
        numbering.remove(child)
    numbering.append(OxmlElement("w:ilvl", {qn("w:val"): str(level)}))
    numbering.append(OxmlElement("w:numId", {qn("w:val"): str(num_id)}))


def _style_numbering(style: BaseStyle | None) -> tuple[int, int] | None:
    """(numId, ilvl) a paragraph style numbers its paragraphs with, following ``basedOn``."""
    for _ in range(8):  # styles can inherit numbering; a bound guards against cycles
        if style is None:
            return None
        num_pr = style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is not None:
            num_id = num_pr.find(qn("w:numId"))
            ilvl = num_pr.find(qn("w:ilvl"))
            if num_id is None:
                return None
            level = int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0
            return int(num_id.get(qn("w:val"))), level
        style = style.base_style if isinstance(style, ParagraphStyle) else None
    return None


def _abstract_id(numbering: BaseOxmlElement, num_id: int) -> int | None:
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) == str(num_id):
            abstract = num.find(qn("w:abstractNumId"))
            return None if abstract is None else int(abstract.get(qn("w:val")))
    return None


def _add_num(numbering: BaseOxmlElement, abstract_id: int, level: int, start: int | None) -> int:
    used = [int(num.get(qn("w:numId"))) for num in numbering.findall(qn("w:num"))]
    num_id = max(used, default=0) + 1
    num = OxmlElement("w:num", {qn("w:numId"): str(num_id)})
    num.append(OxmlElement("w:abstractNumId", {qn("w:val"): str(abstract_id)}))
    if start is not None:
        override = OxmlElement("w:lvlOverride", {qn("w:ilvl"): str(level)})
        override.append(OxmlElement("w:startOverride", {qn("w:val"): str(start)}))
        num.append(override)
    numbering.insert_element_before(num, "w:numIdMacAtCleanup")
    return num_id


def _add_abstract(numbering: BaseOxmlElement, *, ordered: bool, depth: int) -> int:
    """A one-level decimal ("1.") or bullet ("•") definition indented for ``depth``."""
    used = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max(used, default=-1) + 1
    indent = _INDENT_STEP * depth
    text = "%1." if ordered else "\u2022"
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{"decimal" if ordered else "bullet"}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{indent}" w:hanging="{_INDENT_STEP}"/></w:pPr>'
        "</w:lvl></w:abstractNum>"
    )
    numbering.insert_element_before(abstract, "w:num", "w:numIdMacAtCleanup")
    return abstract_id
