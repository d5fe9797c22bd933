"""The building blocks (issue "Real releases from the form alone", item 1), in both languages:
quotes, labelled contact groups, advice, the next update and the level explainer."""

from __future__ import annotations

from datetime import date

import pytest

from editor.model.fields import FieldDef, FieldType, dump_value, parse_value
from editor.model.quotes import Quote
from editor.render.engine import render_markdown
from tests.helpers import make_template, values

QUOTE = FieldDef("quote", FieldType.QUOTE, "Citat")


def render(body: str, data: dict[str, object], lang: str = "sv", fields=None) -> str:  # type: ignore[no-untyped-def]
    template = make_template(body, fields or FIELDS, language=lang, level_set="se-healthcare")
    text, _ = render_markdown(template, values(template, data), today=date(2018, 9, 25))
    return text.strip()


FIELDS = [
    {"key": "release_date", "type": "date", "label": "Datum"},
    {"key": "quote", "type": "quote", "label": "Citat"},
    {"key": "contact", "type": "contact", "label": "Kontakt", "multiple": True},
    {"key": "advice", "type": "paragraphs", "label": "Råd"},
    {"key": "next_update_at", "type": "datetime", "label": "Nästa besked"},
    {"key": "level", "type": "level", "label": "Nivå"},
    {"key": "own", "type": "text", "label": "Egen förklaring"},
    {"key": "show", "type": "yesno", "label": "Visa förklaring", "default": True},
]

SPEAKER = {"name": "Anna Exempel", "title": "Regiondirektör"}


def test_quote_values_round_trip_and_drop_empty_ones() -> None:
    value = parse_value(
        QUOTE, [{"text": " Vi har läget under kontroll. ", **SPEAKER}, {"text": ""}]
    )
    assert value == [Quote("Vi har läget under kontroll.", "Anna Exempel", "Regiondirektör")]
    assert parse_value(QUOTE, dump_value(QUOTE, value)) == value
    assert parse_value(QUOTE, None) == []


@pytest.mark.parametrize(
    ("text", "sv", "en"),
    [
        ("Vi har läget under kontroll.",
         "– Vi har läget under kontroll, säger Anna Exempel, regiondirektör.",
         "“Vi har läget under kontroll,” said Anna Exempel, Regiondirektör."),
        ("Hur länge? Det vet vi inte än!",
         "– Hur länge? Det vet vi inte än! säger Anna Exempel, regiondirektör.",
         "“Hur länge? Det vet vi inte än!” said Anna Exempel, Regiondirektör."),
    ],
)  # fmt: skip
def test_a_quote_follows_each_languages_press_convention(text: str, sv: str, en: str) -> None:
    data = {"quote": [{"text": text, **SPEAKER}]}
    assert render("{{ quote|quotes }}", data).replace("\\", "") == sv
    assert render("{{ quote|quotes }}", data, "en").replace("\\", "") == en


def test_a_quote_without_a_title_or_speaker_leaves_no_dangling_comma() -> None:
    assert render("{{ quote|quotes }}", {"quote": [{"text": "Lugnt.", "name": "Anna"}]}) == (
        "– Lugnt, säger Anna."
    )
    assert render("{{ quote|quotes }}", {"quote": [{"text": "Calm."}]}, "en") == "“Calm.”"


def test_typed_quote_text_stays_text() -> None:
    out = render("{{ quote|quotes }}", {"quote": [{"text": "*Inte* fetstil", "name": "A"}]})
    assert "\\*Inte\\*" in out


def test_contact_groups_stand_under_their_headings() -> None:
    contacts = [
        {"name": "Anna Exempel", "title": "Regiondirektör", "group": "Mer information"},
        {"name": "Per Prov", "phones": ["010-000 00 00"], "group": "Presskontakt"},
        {"name": "Eva Exempel", "group": "Mer information"},
    ]
    out = render("{{ contact|contact_groups }}", {"contact": contacts})
    assert out.index("**Mer information**") < out.index("**Eva Exempel**")
    assert out.index("**Eva Exempel**") < out.index("**Presskontakt**") < out.index("Per Prov")
    assert out.count("**Mer information**") == 1


def test_ungrouped_contacts_get_the_languages_heading_or_none() -> None:
    assert render("{{ contact|contact_groups }}", {"contact": [{"name": "A"}]}).startswith(
        "**Kontakt**"
    )
    english = render("{{ contact|contact_groups }}", {"contact": [{"name": "A"}]}, "en")
    assert english.startswith("**Contact**")
    assert render("{{ contact|contact_groups('') }}", {"contact": [{"name": "A"}]}) == "**A**"
    assert render("{{ contact|contact_groups }}", {}) == ""


def test_advice_is_a_short_list_under_its_heading() -> None:
    data = {"advice": "Ring 1177 för råd.\n- Ring 112 vid akuta lägen."}
    assert render("{{ advice|advice }}", data) == (
        "## Vad ska jag göra?\n\n- Ring 1177 för råd.\n- Ring 112 vid akuta lägen."
    )
    assert render("{{ advice|advice }}", data, "en").startswith("## What you should do\n")
    assert render("{{ advice|advice }}", {}) == ""


def test_the_next_update_is_promised_with_its_time_as_data() -> None:
    data = {"release_date": "2018-09-25", "next_update_at": "2018-09-25T17:00"}
    assert render("{{ next_update_at|next_update }}", data) == (
        "Nästa besked lämnas i dag klockan 17."
    )
    assert render("{{ next_update_at|next_update }}", data, "en") == (
        "The next update will be given at 5pm today."
    )
    day = {"release_date": "2018-09-25", "next_update_at": "2018-09-26"}
    assert render("{{ next_update_at|next_update }}", day) == "Nästa besked lämnas i morgon."
    assert render("{{ next_update_at|next_update }}", {}) == ""


def test_the_level_explainer_is_the_sets_the_officers_or_none() -> None:
    body = "{{ level|explainer(own, show) }}"
    assert render(body, {"level": "stabslage"}).startswith("En stab följer läget")
    assert render(body, {"level": "stabslage", "own": "Vi följer läget."}) == "Vi följer läget."
    assert render(body, {"level": "stabslage", "show": False}) == ""
    assert render(body, {"level": "stabslage"}, "en").startswith("A staff monitors")
