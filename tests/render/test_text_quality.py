"""Text quality of every built-in (issue "Real releases from the form alone", items 5 and 9):
filled with only its required fields it reads without fragments; filled with its reference
values it is readable (LIX / Flesch), says no sentence twice and does not name the
organisation in two sentences running."""

from __future__ import annotations

import itertools
import re
from datetime import date
from typing import Any

import pytest

from editor.model.fields import FieldType, default_value
from editor.model.levels import default_registry
from editor.model.release import values_from_json
from editor.render import readability
from editor.render.engine import render_document
from tests.reference import cases

IDS = cases.case_ids()
MAX_LIX = 45
MIN_FLESCH = 50
# Still over the bar: their prose (and reference values) wait for a rewrite. Each is measured, so
# one that gets better leaves this list, and one that gets worse fails.
NOT_YET_READABLE = {
    "general-sv": 47.0,
    "lex-maria-sv": 47.0,
    "readiness-ended-sv": 53.0,
    "readiness-lowered-sv": 49.0,
    "media-invitation-en": 47.0,
}

HALF_SENTENCE = r"\b(på grund av|because of|av|by|till|to|at|klockan|säger|said)\s*[.,]"
# Fragments an empty optional value leaves behind.
FRAGMENTS = [
    (re.compile(r" ,|,,|,\s*\.|\(\s*\)"), "a dangling comma or empty brackets"),
    (re.compile(r"[^\s] {2,}[^\s]"), "a doubled space"),
    (re.compile(HALF_SENTENCE), "a half sentence"),
    (re.compile(r"\[[^\]\n]*\](?!\()"), "a placeholder"),
    (re.compile(r"\bNone\b|\bFalse\b"), "a Python value"),
]  # fmt: skip


def _required_only(template_id: str) -> dict[str, Any]:
    """The reference values of the required fields only; every other field at its default,
    as a new user who fills in only what the form insists on would leave it."""
    template = cases.case_template(template_id)
    raw = cases.raw_values(template_id)
    data: dict[str, Any] = {}
    for field_def in template.fields:
        if field_def.required:
            data[field_def.key] = raw.get(field_def.key)
        elif field_def.type in (FieldType.YESNO,):
            data[field_def.key] = field_def.default
    values, problems = values_from_json(template, data)
    assert not problems, problems
    for field_def in template.fields:
        if field_def.type == FieldType.YESNO and values.get(field_def.key) is None:
            values[field_def.key] = default_value(field_def)
    return values


def _prose(markdown: str) -> str:
    return "\n".join(
        line for line in markdown.splitlines() if not line.startswith(("#", "**", "- "))
    )


@pytest.mark.parametrize("template_id", IDS)
def test_required_fields_alone_make_a_release_without_fragments(template_id: str) -> None:
    template = cases.case_template(template_id)
    values = _required_only(template_id)
    today = values.get("release_date") or date(2018, 9, 25)
    doc = render_document(template, values, default_registry(), today)
    assert not doc.problems, doc.problems
    text = doc.markdown.replace("\\\n", "\n")
    for pattern, what in FRAGMENTS:
        found = pattern.search(_prose(text))
        assert found is None, f"{what}: …{text[max(found.start() - 40, 0) : found.end() + 40]}…"


@pytest.mark.parametrize("template_id", IDS)
def test_reference_release_is_readable(template_id: str) -> None:
    case = cases.render_case(template_id)
    score = readability.readability(case.doc)
    assert score is not None
    limit = NOT_YET_READABLE.get(template_id)
    if score.method == "lix":
        assert score.score <= (limit or MAX_LIX), score
        assert limit is None or score.score > MAX_LIX, "readable now: take it off the list"
    else:
        assert score.score >= (limit or MIN_FLESCH), score
        assert limit is None or score.score < MIN_FLESCH, "readable now: take it off the list"


@pytest.mark.parametrize("template_id", IDS)
def test_no_sentence_is_said_twice_and_no_name_in_two_running(template_id: str) -> None:
    case = cases.render_case(template_id)
    sentences = [s.text.strip() for s in readability.prose_sentences(case.doc)]
    repeated = {s for s in sentences if sentences.count(s) > 1 and len(s.split()) > 3}
    assert not repeated, repeated
    organisation = str(case.values.get("organisation") or "")
    if organisation:
        for first, second in itertools.pairwise(sentences):
            assert not (organisation in first and organisation in second), (first, second)
