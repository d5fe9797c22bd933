"""Short versions: SMS and social-media texts rendered as plain text and counted honestly."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from editor.errors import TemplateError
from editor.model.template import Template
from editor.render.engine import render_document
from editor.render.short import (
    SMS_PART,
    gsm_friendly,
    measure_sms,
    measure_social,
    render_short,
    short_versions,
    sms_encoding,
)
from tests.helpers import builtin, builtin_in, make_template, values

# --- SMS counting ---------------------------------------------------------------------------


def test_160_gsm7_characters_are_one_sms() -> None:
    short = measure_sms("a" * 160)
    assert (short.encoding, short.length, short.limit, short.parts, short.over) == (
        "gsm7", 160, 160, 1, False,
    )  # fmt: skip


def test_161_gsm7_characters_are_two_parts_of_153() -> None:
    short = measure_sms("a" * 161)
    assert (short.length, short.parts, short.over) == (161, 2, True)
    assert measure_sms("a" * 306).parts == 2
    assert measure_sms("a" * 307).parts == 3
    assert SMS_PART["gsm7"] == 153


def test_swedish_letters_fit_gsm7() -> None:
    text = "åäöÅÄÖéÉüÜñÑàÇøØæÆß"
    assert sms_encoding(text) == "gsm7"
    assert measure_sms(text).length == len(text)
    assert measure_sms("å" * 160).parts == 1


@pytest.mark.parametrize("char", ["€", "[", "]", "{", "}", "^", "~", "\\", "|", "\f"])
def test_extension_characters_count_two(char: str) -> None:
    short = measure_sms(char)
    assert (short.encoding, short.length) == ("gsm7", 2)


def test_euro_signs_at_the_limit() -> None:
    assert measure_sms("€" * 80).parts == 1
    over = measure_sms("€" + "a" * 159)
    assert (over.length, over.parts) == (161, 2)


def test_an_escape_pair_is_never_split_between_parts() -> None:
    # 306 septets would be 2 parts of 153, but the € cannot straddle the first boundary
    short = measure_sms("a" * 152 + "€" + "a" * 152)
    assert (short.length, short.parts) == (306, 3)


@pytest.mark.parametrize("char", ["”", "–", "ç", "ж", "\u00a0", "😀"])
def test_anything_outside_gsm7_makes_ucs2(char: str) -> None:
    assert sms_encoding("Hej " + char) == "ucs2"


def test_70_ucs2_characters_are_one_sms_71_are_two_parts_of_67() -> None:
    one = measure_sms("ж" * 70)
    assert (one.encoding, one.length, one.limit, one.parts, one.over) == ("ucs2", 70, 70, 1, False)
    two = measure_sms("ж" * 71)
    assert (two.parts, two.over) == (2, True)
    assert measure_sms("ж" * 134).parts == 2
    assert measure_sms("ж" * 135).parts == 3


def test_an_emoji_forces_ucs2_and_counts_two_units() -> None:
    short = measure_sms("Hej 😀")
    assert (short.encoding, short.length) == ("ucs2", 6)
    assert measure_sms("😀" * 35).parts == 1
    assert measure_sms("😀" * 36).parts == 2


def test_a_surrogate_pair_is_never_split_between_parts() -> None:
    short = measure_sms("a" * 66 + "😀" + "a" * 66)
    assert (short.length, short.parts) == (134, 3)


def test_an_empty_text_needs_no_sms() -> None:
    assert measure_sms("").parts == 0


def test_gsm_friendly_swaps_typography_for_gsm7() -> None:
    text = gsm_friendly("”Lugnt” – sa hon… 1\u00a0234 personer’s")
    assert text == '"Lugnt" - sa hon... 1 234 personer\'s'
    assert sms_encoding(text) == "gsm7"


# --- social counting ------------------------------------------------------------------------


def test_280_characters_fit_a_post_281_do_not() -> None:
    assert (measure_social("a" * 280).length, measure_social("a" * 280).over) == (280, False)
    assert measure_social("a" * 281).over
    assert measure_social("å" * 280).encoding == "unicode"


def test_a_link_counts_23() -> None:
    url = "https://www.regionexempel.se/" + "a" * 100
    short = measure_social("a" * 256 + " " + url)
    assert (short.length, short.over) == (280, False)
    assert measure_social("Läs mer: https://x.se/a.").length == len("Läs mer: ") + 23 + 1


def test_social_counts_code_points() -> None:
    assert measure_social("😀" * 280).length == 280


# --- rendering ------------------------------------------------------------------------------

FIELDS: list[dict[str, Any]] = [
    {"key": "release_date", "type": "date", "label": "Datum", "required": True},
    {"key": "organisation", "type": "text", "label": "Organisation", "required": True},
    {"key": "cause", "type": "text", "label": "Orsak", "required": True},
    {"key": "raised_at", "type": "datetime", "label": "Höjdes"},
    {"key": "details", "type": "paragraphs", "label": "Detaljer"},
    {"key": "contact", "type": "contact", "label": "Kontakt"},
    {"key": "open", "type": "yesno", "label": "Öppet"},
]
DATA: dict[str, Any] = {
    "release_date": "2018-09-25",
    "organisation": "Region *Exempel* #1",
    "cause": "1. en <IT-störning> [mm]",
    "raised_at": "2018-09-21T06:30",
    "contact": [{"name": "Anna Exempel", "title": "Presschef", "phones": ["070-123 45 67"]}],
}


def short_template(sms: str = "", social: str = "", language: str = "sv") -> Template:
    short = {k: v for k, v in (("sms", sms), ("social", social)) if v}
    return make_template("# Rubrik\n", FIELDS, language=language, short=short)


def render(template: Template, channel: str, data: dict[str, Any] | None = None, **kw: Any) -> Any:
    return render_short(template, values(template, data or DATA), channel, **kw)


def test_typed_text_comes_out_literally_without_markdown_escapes() -> None:
    short = render(short_template(sms="{{ organisation }}: {{ cause }}"), "sms")
    assert short.text == "Region *Exempel* #1: 1. en <IT-störning> [mm]"
    assert short.encoding == "gsm7" and short.placeholders == ()


def test_values_are_formatted_by_language_with_relative_filters() -> None:
    template = short_template(sms="{{ raised_at|relative_moment|capitalize }}, {{ release_date }}")
    assert render(template, "sms").text == "I fredags morse, 25 september 2018"
    english = short_template(sms="{{ raised_at|relative_moment }} {{ open }}", language="en")
    assert render(english, "sms").text == "on Friday morning no"


def test_a_paragraph_field_loses_its_marks_and_a_contact_block_is_one_line() -> None:
    data = {**DATA, "details": "**Viktigt:** ring [1177](tel:1177).\n\n- Akuten öppen"}
    template = short_template(social="{{ details }}\n\n{{ contact|contact_block }}")
    short = render(template, "social", data)
    assert (
        short.text == "Viktigt: ring 1177. Akuten öppen\n\nAnna Exempel, Presschef, 070-123 45 67"
    )


def test_sms_is_one_line_and_social_keeps_paragraphs() -> None:
    body = "{{ organisation }}\n  höjer\tberedskapen.\n\n\n\nMer   info."
    template = short_template(sms=body, social=body)
    assert render(template, "sms").text == "Region *Exempel* #1 höjer beredskapen. Mer info."
    social = render(template, "social").text
    assert social == "Region *Exempel* #1 höjer beredskapen.\n\nMer info."


def test_an_empty_required_value_shows_as_a_labelled_placeholder() -> None:
    data = {**DATA, "cause": ""}
    short = render(short_template(sms="På grund av {{ cause }}."), "sms", data)
    assert short.text == "På grund av [Orsak]."
    assert short.placeholders == ("Orsak",)


def test_typographic_punctuation_is_made_gsm7_unless_asked_not_to() -> None:
    template = short_template(sms="”Lugnt” – {{ 1234|number }} patienter")
    assert render(template, "sms").text == '"Lugnt" - 1 234 patienter'
    assert render(template, "sms").encoding == "gsm7"
    kept = render(template, "sms", gsm_safe=False)
    assert kept.encoding == "ucs2" and kept.limit == 70


def test_social_keeps_typography() -> None:
    assert render(short_template(social="”Lugnt”"), "social").text == "”Lugnt”"


def test_no_short_section_gives_none() -> None:
    template = short_template(sms="SMS")
    assert render(template, "social") is None
    assert set(short_versions(template, values(template, DATA))) == {"sms"}


def test_an_unknown_channel_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown short channel"):
        render(short_template(sms="x"), "fax")


def test_a_syntax_error_names_the_section_and_line() -> None:
    with pytest.raises(TemplateError) as caught:
        render(short_template(sms="Rad ett\n{{ organisation "), "sms")
    assert "short.sms" in str(caught.value) and caught.value.line == 2


def test_an_unknown_name_names_the_section_and_line() -> None:
    with pytest.raises(TemplateError) as caught:
        render(short_template(social="Ok\n\n{{ nosuchfield }}"), "social")
    assert "short.social" in str(caught.value) and "nosuchfield" in str(caught.value)
    assert caught.value.line == 3


def test_the_sandbox_and_its_limits_apply() -> None:
    with pytest.raises(TemplateError, match="not allowed"):
        render(short_template(sms="{{ 'x' * 10000000 }}"), "sms")


def test_the_loop_budget_is_per_render() -> None:
    # 160 000 steps: fine once, over the 200 000 budget if the second render counted on
    loops = "{% for i in range(400) %}{% for j in range(400) %}{% endfor %}{% endfor %}"
    template = short_template(sms=loops + "ok")
    assert render(template, "sms").text == "ok"
    assert render(template, "sms").text == "ok"
    endless = short_template(
        sms="{% for i in range(1000) %}{% for j in range(1000) %}{% endfor %}{% endfor %}"
    )
    with pytest.raises(TemplateError, match="too many times"):
        render(endless, "sms")


def test_the_main_body_still_renders_markdown_after_a_short_render() -> None:
    template = make_template("{{ contact|contact_block }}\n{{ organisation }}", FIELDS)
    render(replace(template, short={"sms": "{{ contact|contact_block }}"}), "sms")
    doc = render_document(template, values(template, DATA))
    assert doc.markdown.startswith("**Anna Exempel**\\\nPresschef")
    assert "Region \\*Exempel\\* \\#1" in doc.markdown


# --- the short forms of the built-in crisis templates ---------------------------------------

CRISIS_TEMPLATES = [
    "incident-update-en",
    "incident-update-sv",
    "readiness-ended-en",
    "readiness-ended-sv",
    "readiness-lowered-en",
    "readiness-lowered-sv",
    "readiness-raised-en",
    "readiness-raised-sv",
]

REFERENCE = {
    "release_date": "2018-09-25",
    "release_time": "16:00",  # sent after the facts: the tense does not follow the test's clock
    "organisation": "Region Kronoberg",
    "raised_at": "2018-09-25T06:15",
    "raised_to": "forstarkningslage",
    "lowered_at": "2018-09-25T10:40",
    "lowered_to": "stabslage",
    "ended_at": "2018-09-25T15:37",
    "update_time": "15:45",
    "current_level": "stabslage",
    "next_update_at": "2018-09-25T18:00",
    "press_phone": "0470-00 00 00",
    "contact": [{"name": "Anna Exempel", "title": "Presschef", "phones": ["0470-00 00 01"]}],
}
REFERENCE_BY_LANGUAGE = {
    "sv": {
        "cause": "en omfattande störning i regionens IT-system",
        "lowered_reason": "läget har stabiliserats",
        "headline": "IT-störningen i Region Kronoberg",
        "lead": "Journalsystemet fungerar igen sedan klockan 14.30.",
    },
    "en": {
        "cause": "an extensive disruption to the region's IT systems",
        "lowered_reason": "the situation has stabilised",
        "headline": "The IT disruption in Region Kronoberg",
        "lead": "The patient records system has been working again since 2.30pm.",
    },
}


def _crisis(template_id: str) -> Template:
    """The built-in; an English crisis template in the Swedish set the Swedish facts use."""
    template = builtin(template_id)
    if template_id.endswith("-en") and not template_id.startswith("critical-incident"):
        return builtin_in(template_id, "se-healthcare")
    return template


def proposed(template_id: str) -> Template:
    template = _crisis(template_id)
    assert set(template.short) == {"sms", "social"}
    return template


def reference_values(template: Template, *, full: bool) -> dict[str, Any]:
    data = {**REFERENCE, **REFERENCE_BY_LANGUAGE[template.language]}
    chosen = {
        key: value
        for key, value in data.items()
        if (field := template.field(key)) is not None and (full or field.required)
    }
    return values(template, chosen)


@pytest.mark.parametrize("template_id", CRISIS_TEMPLATES)
@pytest.mark.parametrize("full", [True, False])
def test_proposed_short_forms_fit_one_sms_and_one_post(template_id: str, full: bool) -> None:
    template = proposed(template_id)
    versions = short_versions(
        template, reference_values(template, full=full), today=date(2018, 9, 25)
    )
    sms, social = versions["sms"], versions["social"]
    assert (sms.encoding, sms.parts, sms.placeholders) == ("gsm7", 1, ())
    assert not social.over and not social.placeholders
    for text in (sms.text, social.text):
        assert "  " not in text and "[" not in text
        assert text.endswith(".") or text[-1].isdigit(), text


def test_a_proposed_sms_reads_as_intended() -> None:
    template = proposed("readiness-raised-sv")
    sms = render_short(template, reference_values(template, full=True), "sms")
    assert sms is not None
    assert sms.text == (
        "Region Kronoberg höjde beredskapen till förstärkningsläge i dag på morgonen på grund av"
        " en omfattande störning i regionens IT-system. Media: 0470-00 00 00"
    )
    assert (sms.length, sms.parts) == (154, 1)


@pytest.mark.parametrize("template_id", CRISIS_TEMPLATES)
def test_built_in_short_forms_render_when_present(template_id: str) -> None:
    template = _crisis(template_id)
    for channel, short in short_versions(template, reference_values(template, full=True)).items():
        assert short.text and not short.placeholders, channel
