"""Whatever a user types into any field, every format still comes out whole and holds it."""

from __future__ import annotations

import re
import unicodedata
from io import BytesIO

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.model.fields import clean_line
from editor.render import writers
from editor.render.engine import render_document
from tests.helpers import HtmlChecker, make_template, values

FIELDS = [
    {"key": "headline", "type": "text", "label": "Rubrik", "required": True},
    {"key": "place", "type": "text", "label": "Plats"},
    {"key": "body", "type": "paragraphs", "label": "Text"},
]
TEMPLATE = make_template(
    "**PRESSMEDDELANDE**\n\n# {{ headline }}\n\nPå plats: {{ place }}.\n\n{{ body }}\n",
    FIELDS,
)


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


typed = st.text(max_size=80).map(clean_line).filter(lambda s: s.strip() != "")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(headline=typed, place=typed, body=st.text(max_size=200))
def test_any_unicode_in_every_field_gives_whole_files(headline: str, place: str, body: str) -> None:
    doc = render_document(
        TEMPLATE, values(TEMPLATE, {"headline": headline, "place": place, "body": body})
    )

    page = writers.get("html").write(doc).decode("utf-8")
    parser = HtmlChecker()
    parser.feed(page)
    parser.close()
    assert parser.open == []
    html_text = _norm("".join(parser.text))
    assert _norm(headline) in html_text and _norm(place) in html_text
    assert "<script" not in page.lower().replace("&lt;script", "")

    document = docx.Document(BytesIO(writers.get("docx").write(doc)))
    docx_text = _norm(" ".join(p.text for p in document.paragraphs))
    assert _norm(headline) in docx_text and _norm(place) in docx_text

    text = writers.get("txt").write(doc).decode("utf-8")
    flat = _norm(text)
    assert _norm(headline) in flat and _norm(place) in flat
    assert text.endswith("\n")


def test_hostile_values_in_all_three_formats() -> None:
    hostile = {
        "headline": "*fet* # 1. <script>alert(1)</script> [x](javascript:alert(1)) \x07 🚑 مرحبا",
        "place": "1. Första",
    }
    doc = render_document(TEMPLATE, values(TEMPLATE, hostile))
    expected_headline = clean_line(hostile["headline"]).strip()
    page = writers.get("html").write(doc).decode("utf-8")
    assert "<script>" not in page and 'href="javascript' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    document = docx.Document(BytesIO(writers.get("docx").write(doc)))
    assert any(p.text == expected_headline for p in document.paragraphs)
    assert not any(p.style.name.startswith("List") for p in document.paragraphs)
    text = writers.get("txt").write(doc).decode("utf-8")
    assert expected_headline in text and "\x07" not in text
    assert re.search(r"^På plats: 1\. Första\.$", text, re.MULTILINE)
