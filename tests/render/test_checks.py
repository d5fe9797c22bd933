"""Pre-flight checks: every check with a case that fires it and one that does not."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from editor.i18n.catalog import ENGLISH
from editor.model.release import Release
from editor.model.template import Template
from editor.render.checks import (
    BODY_WORDS,
    EMBARGO_FIELD,
    Finding,
    check_release,
    has_errors,
    is_email_address,
    relative_fields,
    run_checks,
)
from editor.render.engine import render_document
from tests.helpers import make_template, values

NOW = datetime(2018, 9, 25, 12, 0)
RELEASE_DATE = "2018-09-25"

BODY = """\
# {{ headline }}

{{ intro }}

{{ text }}
{% if raised_at %}

Beredskapen höjdes {{ raised_at|relative_day }}.
{% endif %}
{% if level %}

Nu gäller {{ level }}.
{% endif %}

{{ contact|contact_block }}
"""

FIELDS: list[dict[str, Any]] = [
    {"key": "release_date", "type": "date", "label": "Datum", "required": True},
    {"key": "headline", "type": "text", "label": "Rubrik", "required": True},
    {"key": "intro", "type": "paragraphs", "label": "Ingress"},
    {"key": "text", "type": "paragraphs", "label": "Brödtext"},
    {"key": "level", "type": "level", "label": "Beredskapsgrad"},
    {"key": "raised_at", "type": "datetime", "label": "Höjdes"},
    {"key": "lowered_at", "type": "datetime", "label": "Sänktes"},
    {"key": "ended_at", "type": "datetime", "label": "Avslutades"},
    {"key": "noted_at", "type": "datetime", "label": "Noterat"},
    {"key": "closure_start", "type": "date", "label": "Stängt från"},
    {"key": "closure_end", "type": "date", "label": "Stängt till"},
    {"key": "start_time", "type": "time", "label": "Börjar"},
    {"key": "end_time", "type": "time", "label": "Slutar"},
    {"key": "timeline", "type": "timeline", "label": "Förlopp"},
    {"key": "press_email", "type": "text", "label": "Pressens e-post"},
    {"key": "contact", "type": "contact", "label": "Kontakt", "multiple": True},
]

GOOD: dict[str, Any] = {
    "release_date": RELEASE_DATE,
    "headline": "Regionen höjer beredskapen",
    "intro": "Region Exempel höjde beredskapen i dag. Orsaken är en störning i IT-systemen.",
    "text": "Mottagningarna har öppet som vanligt.",
    "contact": [{"name": "Anna Exempel", "email": "anna@example.se", "phones": ["070-123"]}],
}


def template(body: str = BODY, language: str = "sv", **extra: Any) -> Template:
    return make_template(body, FIELDS, language=language, **extra)


def check(
    changes: dict[str, Any] | None = None,
    *,
    tpl: Template | None = None,
    lang: str = "en",
    now: datetime = NOW,
    embargo: datetime | None = None,
) -> list[Finding]:
    tpl = tpl or template()
    data = {**GOOD, **(changes or {})}
    parsed = values(tpl, {k: v for k, v in data.items() if tpl.field(k)})
    doc = render_document(tpl, parsed, today=now.date(), embargo=embargo)
    return run_checks(tpl, parsed, doc, lang, now, embargo=embargo)


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def only(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def test_a_good_release_has_only_information() -> None:
    findings = check()
    assert {f.severity for f in findings} == {"info"}
    assert codes(findings) == ["readability_lix", "longest_sentence"]
    assert not has_errors(findings)


def test_every_finding_has_its_message_in_the_one_catalog() -> None:
    findings = check({"headline": "", "lead": "x " * 40}, lang="sv") + check()
    assert findings
    for finding in findings:
        assert f"check.{finding.code}" in ENGLISH, finding.code


# --- required fields and placeholders -------------------------------------------------------


def test_an_empty_required_field_is_an_error_on_its_field() -> None:
    findings = check({"headline": ""})
    assert only(findings, "required_empty") == [
        Finding("error", "required_empty", "“Rubrik” is required and still empty.", "headline")
    ]
    # its placeholder in the text is the same problem, reported once
    assert not only(findings, "placeholder")
    assert has_errors(findings)


def test_required_field_message_in_swedish() -> None:
    finding = only(check({"headline": ""}, lang="sv"), "required_empty")[0]
    assert finding.message == "”Rubrik” måste fyllas i."


def test_a_placeholder_left_in_the_text_is_an_error() -> None:
    findings = only(check({"level": "no-such-level"}), "placeholder")
    assert [(f.severity, f.field) for f in findings] == [("error", "level")]
    assert "[Beredskapsgrad]" in findings[0].message
    assert not only(check({"level": "stabslage"}), "placeholder")


def test_typed_placeholders_such_as_xx_are_flagged_on_their_field() -> None:
    findings = only(check({"text": "XX patienter fick vänta. Ring NN."}), "placeholder_text")
    assert [(f.field, f.severity) for f in findings] == [("text", "error"), ("text", "error")]
    assert "“XX”" in findings[0].message
    assert not only(check({"text": "Storlek XXL och 20 patienter."}), "placeholder_text")


# --- lengths --------------------------------------------------------------------------------


def test_a_headline_over_70_characters_is_a_warning() -> None:
    fires = only(check({"headline": "R" * 71}), "headline_long")
    assert [(f.severity, f.field) for f in fires] == [("warning", "headline")]
    assert "71 characters" in fires[0].message
    assert not only(check({"headline": "R" * 70}), "headline_long")


def test_a_lead_over_35_words_is_a_warning() -> None:
    fires = only(check({"intro": "ord " * 35 + "ord."}), "lead_words")
    assert len(fires) == 1 and "36 words" in fires[0].message
    assert not only(check({"intro": "ord " * 34 + "ord."}), "lead_words")


def test_a_lead_over_three_sentences_is_a_warning() -> None:
    fires = only(check({"intro": "Ett. Två. Tre. Fyra."}), "lead_sentences")
    assert len(fires) == 1 and "4 sentences" in fires[0].message
    assert not only(check({"intro": "Ett. Två. Tre."}), "lead_sentences")


def test_a_lead_field_is_used_before_the_first_paragraph() -> None:
    fields = [*FIELDS, {"key": "lead", "type": "text", "label": "Ingress"}]
    tpl = make_template("# {{ headline }}\n\n**{{ lead }}**\n\n{{ text }}\n", fields)
    fires = only(check({"lead": "Ett. Två. Tre. Fyra."}, tpl=tpl), "lead_sentences")
    assert [f.field for f in fires] == ["lead"]
    assert not only(check({"lead": "Ett. Två."}, tpl=tpl), "lead_sentences")


def test_a_release_past_one_a4_page_is_a_warning() -> None:
    fires = only(check({"text": "Ord och ord. " * 170}), "body_long")
    assert len(fires) == 1 and f"about {BODY_WORDS}" in fires[0].message
    assert not only(check({"text": "Ord och ord. " * 150}), "body_long")


# --- readability ----------------------------------------------------------------------------


def test_readability_is_lix_for_swedish_with_its_band() -> None:
    finding = only(check(lang="sv"), "readability_lix")[0]
    assert finding.severity == "info"
    assert finding.message.startswith("Läsbarhet: LIX ")
    tpl = make_template("# {{ headline }}\n\n{{ intro }}\n", FIELDS)
    easy = check({"intro": "Det var en gång en katt. Katten hette Missan."}, tpl=tpl, lang="sv")
    assert only(easy, "readability_lix")[0].message == "Läsbarhet: LIX 4,5 (mycket lättläst)."


def test_readability_is_flesch_for_english() -> None:
    tpl = make_template("# {{ headline }}\n\n{{ intro }}\n", FIELDS, language="en")
    finding = only(check({"intro": "The cat sat on the mat."}, tpl=tpl), "readability_flesch")
    assert finding[0].message.startswith("Readability: Flesch reading ease ")
    assert "(very easy)" in finding[0].message


def test_no_readability_without_prose() -> None:
    tpl = make_template("# {{ headline }}\n", FIELDS)
    assert not [c for c in codes(check(tpl=tpl)) if c.startswith("readability")]


def test_a_sentence_over_30_words_is_a_warning() -> None:
    long_one = "Ord " * 30 + "slut."
    fires = only(check({"text": long_one}), "long_sentence")
    assert len(fires) == 1 and "31 words" in fires[0].message and fires[0].severity == "warning"
    assert not only(check({"text": "Ord " * 29 + "slut."}), "long_sentence")


def test_the_longest_sentence_is_pointed_out_when_none_is_too_long() -> None:
    finding = only(check({"text": "Ord " * 20 + "slut."}), "longest_sentence")[0]
    assert finding.severity == "info" and "21 words" in finding.message
    assert not only(check({"text": "Ord " * 40 + "slut."}), "longest_sentence")


# --- time sense -----------------------------------------------------------------------------


def test_an_end_before_its_start_is_an_error() -> None:
    fires = only(
        check({"raised_at": "2018-09-25T10:00", "ended_at": "2018-09-25T09:00"}),
        "end_before_start",
    )
    assert [(f.severity, f.field) for f in fires] == [("error", "ended_at")]
    assert "“Avslutades”" in fires[0].message and "“Höjdes”" in fires[0].message
    same = check({"raised_at": "2018-09-25T10:00", "ended_at": "2018-09-25T10:00"})
    assert not only(same, "end_before_start")


def test_the_chain_compares_with_the_nearest_filled_field() -> None:
    lowered_early = {
        "raised_at": "2018-09-25T10:00",
        "lowered_at": "2018-09-25T08:00",
        "ended_at": "2018-09-25T11:00",
    }
    assert [f.field for f in only(check(lowered_early), "end_before_start")] == ["lowered_at"]
    in_order = {**lowered_early, "lowered_at": "2018-09-25T10:30"}
    assert not only(check(in_order), "end_before_start")


def test_suffix_and_prefix_pairs_are_compared() -> None:
    dates = {"closure_start": "2018-09-25", "closure_end": "2018-09-24"}
    assert [f.field for f in only(check(dates), "end_before_start")] == ["closure_end"]
    times = {"start_time": "10:00", "end_time": "09:30"}
    assert [f.field for f in only(check(times), "end_before_start")] == ["end_time"]
    fine = {"closure_start": "2018-09-24", "closure_end": "2018-09-25", "end_time": "11:00"}
    assert not only(check({**times, **fine}), "end_before_start")


def test_unrelated_times_are_not_compared() -> None:
    assert not only(check({"noted_at": "2018-09-20T10:00"}), "end_before_start")


def test_a_timeline_typed_out_of_order_is_a_warning() -> None:
    rows = [
        {"at": "08:00", "text": "a"},
        {"at": "09:00", "text": "b"},
        {"at": "06:30", "text": "c"},
    ]
    fires = only(check({"timeline": rows}), "timeline_order")
    assert [(f.severity, f.field) for f in fires] == [("warning", "timeline")]
    assert "row 3" in fires[0].message
    assert not only(check({"timeline": sorted(rows, key=lambda r: r["at"])}), "timeline_order")


def test_a_relative_day_more_than_a_week_away_is_a_warning() -> None:
    fires = only(check({"raised_at": "2018-09-16T10:00"}), "relative_day_far")
    assert [(f.severity, f.field) for f in fires] == [("warning", "raised_at")]
    assert "9 days" in fires[0].message and "den 16 september" in fires[0].message
    assert not only(check({"raised_at": "2018-09-19T10:00"}), "relative_day_far")


def test_a_far_date_not_used_relatively_is_fine() -> None:
    assert not only(check({"noted_at": "2018-08-01T10:00"}), "relative_day_far")


def test_relative_fields_are_found_through_filters_and_attributes() -> None:
    tpl = make_template(
        "{{ a|relative_moment|capitalize }} {{ b.x|relative_day }} {{ c|date }}"
        " {{ d|relative_datetime }} {{ e|relative_time }}",
        [],
    )
    assert relative_fields(tpl) == {"a", "b", "d", "e"}


def test_a_release_date_in_the_past_is_a_warning() -> None:
    fires = only(check({"release_date": "2018-09-24"}), "release_date_past")
    assert [(f.severity, f.field) for f in fires] == [("warning", "release_date")]
    assert not only(check({"release_date": RELEASE_DATE}), "release_date_past")


def test_an_embargo_that_has_passed_is_a_warning() -> None:
    fires = only(check(embargo=datetime(2018, 9, 25, 11, 0)), "embargo_passed")
    assert [(f.severity, f.field) for f in fires] == [("warning", EMBARGO_FIELD)]
    assert not only(check(embargo=datetime(2018, 9, 25, 15, 37)), "embargo_passed")
    assert not only(check(), "embargo_passed")


def test_an_embargo_more_than_a_month_from_the_release_date_is_a_warning() -> None:
    """An embargo in 2030 on a release dated 2018 (a wrong year) went unnoticed."""
    fires = only(check(embargo=datetime(2030, 9, 25, 8, 0)), "embargo_far")
    assert [(f.severity, f.field) for f in fires] == [("warning", EMBARGO_FIELD)]
    assert "4383 days from the release date" in fires[0].message
    for near in (datetime(2018, 10, 25, 8, 0), datetime(2018, 9, 26, 8, 0)):
        assert not only(check(embargo=near), "embargo_far")
    assert only(check(embargo=datetime(2018, 8, 1, 8, 0)), "embargo_far")  # before, too
    assert not only(check(), "embargo_far")


def test_the_far_embargo_message_in_swedish() -> None:
    tpl = template()
    release = Release.new(tpl, values(tpl, GOOD)).with_embargo(datetime(2030, 9, 25, 8, 0))
    [far] = only(check_release(release, "sv", NOW), "embargo_far")
    assert far.message.startswith("Embargot (onsdag")
    assert "4383 dagar från pressmeddelandets datum" in far.message


def test_a_new_embargo_starts_on_the_release_date_or_the_next_full_hour() -> None:
    from editor.render.embargo import default_embargo

    now = datetime(2026, 12, 1, 14, 20)
    assert default_embargo(date(2026, 12, 8), now) == datetime(2026, 12, 8, 8, 0)
    assert default_embargo(date(2026, 12, 1), now) == datetime(2026, 12, 1, 15, 0)
    assert default_embargo(date(2018, 9, 25), now) == datetime(2026, 12, 1, 15, 0)
    assert default_embargo(None, datetime(2026, 12, 31, 23, 5)) == datetime(2027, 1, 1, 0, 0)


# --- contacts -------------------------------------------------------------------------------


def test_a_contact_without_phone_or_email_is_a_warning() -> None:
    fires = only(check({"contact": [{"name": "Per Prov"}]}), "contact_unreachable")
    assert [(f.severity, f.field) for f in fires] == [("warning", "contact")]
    assert "Per Prov" in fires[0].message
    phone_only = {"contact": [{"name": "Per Prov", "phones": ["070-123 45 67"]}]}
    assert not only(check(phone_only), "contact_unreachable")


def test_an_email_address_that_is_not_one_is_an_error() -> None:
    bad = {"contact": [{"name": "Per Prov", "email": "per@", "phones": ["070"]}]}
    fires = only(check(bad), "email_invalid")
    assert [(f.severity, f.field) for f in fires] == [("error", "contact")]
    assert (
        only(check({"press_email": "press at region"}), "email_invalid")[0].field == "press_email"
    )
    assert not only(check({"press_email": "press@region.se"}), "email_invalid")


@pytest.mark.parametrize(
    "address",
    ["anna@example.se", "anna.exempel+press@region-kronoberg.se", "åsa@höör.se", "a@b.co"],
)
def test_sensible_addresses_pass(address: str) -> None:
    assert is_email_address(address)


@pytest.mark.parametrize(
    "address",
    ["anna", "anna@", "@example.se", "anna@example", "anna@@example.se", "an na@example.se",
     "anna..b@example.se", ".anna@example.se", "anna@example.s", "anna@-x.se"],
)  # fmt: skip
def test_malformed_addresses_fail(address: str) -> None:
    assert not is_email_address(address)


# --- order and the release wrapper ----------------------------------------------------------


def test_findings_come_errors_first() -> None:
    findings = check({"headline": "", "release_date": "2018-09-01"})
    severities = [f.severity for f in findings]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert severities[0] == "error"


def test_check_release_renders_and_carries_the_embargo() -> None:
    tpl = template()
    release = Release.new(tpl, values(tpl, GOOD)).with_embargo(datetime(2018, 9, 24, 8, 0))
    findings = check_release(release, "sv", NOW)
    assert only(findings, "embargo_passed")[0].message.startswith("Embargot (måndag")
    assert finding_dicts_are_plain(findings)


def finding_dicts_are_plain(findings: list[Finding]) -> bool:
    return all(set(f.to_dict()) == {"severity", "code", "message", "field"} for f in findings)


def test_the_default_clock_is_used_without_now() -> None:
    tpl = template()
    parsed = values(tpl, {**GOOD, "release_date": date.today().isoformat()})
    findings = run_checks(tpl, parsed, render_document(tpl, parsed))
    assert not only(findings, "release_date_past")
