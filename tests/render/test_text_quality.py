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

HALF_SENTENCE = r"\b(på grund av|because of|av|by|till|to|at|klockan|säger|said)\s*[.,]"
# Fragments an empty optional value leaves behind.
FRAGMENTS = [
    (re.compile(r" ,|,,|,\s*\.|\(\s*\)"), "a dangling comma or empty brackets"),
    (re.compile(r"[^\s] {2,}[^\s]"), "a doubled space"),
    (re.compile(HALF_SENTENCE), "a half sentence"),
    (re.compile(r"\[[^\]\n]*\](?!\()"), "a placeholder"),
    (re.compile(r"\bNone\b|\bFalse\b"), "a Python value"),
    (re.compile(r"klockan 0?0[.:]00|at midnight|at 12am|\b00[.:]00\b"), "a time nobody typed"),
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
    """The running text: headings, the label and contact lines left out; the bold lead kept."""
    lines = []
    for line in markdown.splitlines():
        if line.startswith("**") and line.endswith((".**", "?**", "!**")):
            lines.append(line.strip("*"))
        elif not line.startswith(("#", "**")):
            lines.append(line)
    return "\n".join(lines)


def _assert_no_fragments(markdown: str) -> None:
    text = _prose(markdown.replace("\\\n", "\n"))
    for pattern, what in FRAGMENTS:
        found = pattern.search(text)
        assert found is None, f"{what}: …{text[max(found.start() - 40, 0) : found.end() + 40]}…"


@pytest.mark.parametrize("template_id", IDS)
def test_required_fields_alone_make_a_release_without_fragments(template_id: str) -> None:
    template = cases.case_template(template_id)
    values = _required_only(template_id)
    today = values.get("release_date") or date(2018, 9, 25)
    doc = render_document(template, values, default_registry(), today)
    assert not doc.problems, doc.problems
    _assert_no_fragments(doc.markdown)


def _with_blocks(template_id: str) -> dict[str, Any]:
    """Required fields, plus every block a template has, each as sparse as the form allows: a
    quote without a title, one piece of advice, a next update with a day but no time, a
    contact in a group and one without."""
    template = cases.case_template(template_id)
    data: dict[str, Any] = {
        f.key: cases.raw_values(template_id).get(f.key) for f in template.fields if f.required
    }
    for field_def in template.fields:
        if field_def.type == FieldType.QUOTE:
            data[field_def.key] = [{"name": "Lars Exempel", "text": "Det här är ett citat."}]
        elif field_def.key == "advice":
            data[field_def.key] = "Ring 1177."
        elif field_def.key == "next_update_at":
            data[field_def.key] = "2018-09-26"
        elif field_def.type == FieldType.CONTACT and field_def.groups:
            first = dict(cases.raw_values(template_id)[field_def.key][0])
            data[field_def.key] = [first | {"group": field_def.groups[0]}, first | {"group": ""}]
        elif field_def.type == FieldType.YESNO:
            data[field_def.key] = field_def.default
    values, problems = values_from_json(template, data)
    assert not problems, problems
    return values


@pytest.mark.parametrize("template_id", IDS)
def test_blocks_filled_sparsely_leave_no_fragments(template_id: str) -> None:
    template = cases.case_template(template_id)
    values = _with_blocks(template_id)
    today = values.get("release_date") or date(2018, 9, 25)
    doc = render_document(template, values, default_registry(), today)
    assert not doc.problems, doc.problems
    _assert_no_fragments(doc.markdown)
    if template.field("next_update_at") is not None:
        assert re.search(r"Nästa (läges)?besked|next update", doc.markdown), doc.markdown


ENGLISH_CRISIS = [
    i for i in IDS if i.endswith("-en") and i.startswith(("readiness-", "incident-update"))
]
SWEDISH_LEVEL_WORDS = re.compile(r"stabsl|förstärkningsl|katastrofl|normall", re.IGNORECASE)


@pytest.mark.parametrize("template_id", ENGLISH_CRISIS)
def test_english_crisis_templates_name_no_swedish_level_by_default(template_id: str) -> None:
    template = cases.builtin_templates()[template_id]
    assert template.level_set == "nhs-incident"
    data = {
        f.key: cases.raw_values(template_id).get(f.key)
        for f in template.fields
        if f.required and f.type != FieldType.LEVEL
    }
    values, problems = values_from_json(template, data)
    assert not problems, problems
    doc = render_document(template, values, default_registry(), date(2018, 9, 25))
    assert not doc.problems, doc.problems
    assert not SWEDISH_LEVEL_WORDS.search(doc.markdown), doc.markdown
    if any(f.type == FieldType.LEVEL and f.required for f in template.fields):
        assert "incident" in doc.markdown
    _assert_no_fragments(doc.markdown)


@pytest.mark.parametrize("template_id", IDS)
def test_reference_release_is_readable(template_id: str) -> None:
    case = cases.render_case(template_id)
    score = readability.readability(case.doc)
    assert score is not None
    if score.method == "lix":
        assert score.score <= MAX_LIX, score
    else:
        assert score.score >= MIN_FLESCH, score


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
