"""One word count: the status bar and the checks give the same number for the same release."""

from __future__ import annotations

from typing import Any

import pytest

from editor.model.template import Template
from editor.render import checks
from editor.render.document import RenderedDocument
from editor.render.engine import render_document
from editor.render.statistics import count_words, text_statistics
from tests.helpers import make_template, values
from tests.reference import cases


def _checks_agree(template: Template, data: dict[str, Any], doc: RenderedDocument) -> int:
    """The status bar's count, after proving the length check counts exactly as many."""
    words = text_statistics(doc).words
    original = checks.BODY_WORDS
    try:
        for limit, fires in ((words - 1, True), (words, False)):
            checks.BODY_WORDS = limit
            found = checks.run_checks(template, data, doc)
            assert ("body_long" in [f.code for f in found]) is fires, (limit, words)
    finally:
        checks.BODY_WORDS = original
    return words


@pytest.mark.parametrize("case", ["readiness-ended-sv", "readiness-ended-en"])
def test_the_status_bar_and_the_checks_count_the_same_words_in_the_reference(case: str) -> None:
    release = cases.render_case(case)
    assert _checks_agree(release.template, release.values, release.doc) > 100


def test_the_status_bar_and_the_checks_agree_on_marks_dashes_and_empty_fields() -> None:
    """Was: the status bar split on spaces (the dash a word), the checks counted token by token
    ("**IT**-störningen" two words) and counted the empty field's label."""
    fields = [
        {"key": "headline", "type": "text", "label": "Rubrik i tre ord", "required": True},
        {"key": "body", "type": "paragraphs", "label": "Brödtext"},
    ]
    template = make_template("# {{ headline }}\n\n{{ body }}\n", fields)
    data = values(template, {"body": "**IT**-störningen – *klockan* 15.37 är över."})
    assert _checks_agree(template, data, render_document(template, data)) == 5


def test_what_counts_as_a_word() -> None:
    assert count_words("IT-störningen – klockan 15.37 – nås på press@region.se.") == 6
    assert count_words(" – ") == 0


def test_placeholders_and_marks_are_not_counted() -> None:
    fields = [
        {"key": "headline", "type": "text", "label": "Rubrik", "required": True},
        {"key": "body", "type": "paragraphs", "label": "Brödtext"},
    ]
    template = make_template("# {{ headline }}\n\n{{ body }}\n", fields)
    doc = render_document(template, values(template, {"body": "**Nu** – *i dag*\\\nkl. 15.37"}))
    assert text_statistics(doc) == (5, len("Nu – i dag kl. 15.37"))
