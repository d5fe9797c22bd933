"""The HTML page's structure: a main landmark, the contact heading a heading, the contact's
e-mail addresses and phone numbers links, and no developer comments in its stylesheet."""

from __future__ import annotations

from html.parser import HTMLParser

from editor.render.layout import Role, contact_href, parts
from editor.render.writers.html import html_page
from tests.reference.cases import render_case


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.headings: list[str] = []
        self._in_heading = False
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")
        self._in_heading = tag in ("h1", "h2", "h3")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_heading = self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_heading and data.strip():
            self.headings.append(data.strip())
        if self._in_style:
            self.style += data


def _outline(case: str) -> _Outline:
    outline = _Outline()
    outline.feed(html_page(render_case(case).doc))
    return outline


def test_the_page_has_a_main_landmark_around_the_release() -> None:
    tags = _outline("readiness-ended-sv").tags
    assert tags.count("main") == 1
    assert tags.index("main") < tags.index("article")


def test_kontakt_is_a_heading_and_the_contact_lines_are_links() -> None:
    outline = _outline("readiness-ended-sv")
    assert outline.headings[-1] == "Presskontakt"
    assert "mailto:anna.exempel@example.se" in outline.links
    assert "tel:0470000000" in outline.links and "tel:0700000000" in outline.links


def test_every_builtin_has_its_contact_block_found() -> None:
    from tests.reference.cases import case_ids

    for case in case_ids():
        roles = [part.role for part in parts(render_case(case).doc.tree)]
        assert Role.CONTACT_HEADING in roles, case
        assert roles[-1] is Role.CONTACT, case
        assert Role.TITLE in roles and Role.MASTHEAD in roles, case


def test_contact_lines_are_recognised_by_shape() -> None:
    assert contact_href("press@region.example") == "mailto:press@region.example"
    assert contact_href("Växel: 0470-58 30 00") == "tel:0470583000"
    assert contact_href("+46 70 000 00 00") == "tel:+46700000000"
    assert contact_href("Pressekreterare") == ""
    assert contact_href("2018") == ""


def test_the_stylesheet_carries_no_developer_comment() -> None:
    assert "/*" not in _outline("general-en").style
