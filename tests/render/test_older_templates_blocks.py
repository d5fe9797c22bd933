"""The older crisis built-ins (readiness raised, lowered, ended; incident update) have the blocks
the newer ones have, tense that follows time, clock times or day-parts, and the earlier episode."""

from __future__ import annotations

from typing import Any

import pytest

from editor.model.fields import FieldType
from editor.render.engine import render_markdown
from tests.helpers import builtin, builtin_in, values

KINDS = ["readiness-raised", "readiness-lowered", "readiness-ended", "incident-update"]
IDS = [f"{kind}-{lang}" for kind in KINDS for lang in ("sv", "en")]
GROUPS = {
    "sv": ("Mer information", "Presskontakt"),
    "en": ("Further information", "Media enquiries"),
}
CONTACTS = [
    {"name": "Lars Exempel", "title": "Tjänsteman i beredskap", "group": "Mer information"},
    {"name": "Anna Exempel", "title": "Pressekreterare", "group": "Presskontakt"},
]


@pytest.mark.parametrize("template_id", IDS)
def test_every_block_is_there_and_optional(template_id: str) -> None:
    template = builtin(template_id)
    lang = template.language
    by_type = {f.type: f for f in template.fields}
    quote = by_type[FieldType.QUOTE]
    assert not quote.required
    contact = template.field("contact")
    assert contact is not None and set(contact.groups) == set(GROUPS[lang])
    for key in ("advice", "next_update_at", "show_explainer", "own_explainer", "exact_times"):
        field = template.field(key)
        assert field is not None and not field.required, key
    for block in ("|quotes", "|contact_groups", "|advice", "|next_update"):
        assert block in template.body, block


def _markdown(template_id: str, data: dict[str, Any], level_set: str = "se-healthcare") -> str:
    template = builtin_in(template_id, level_set)
    text, problems = render_markdown(template, values(template, data))
    assert problems == [], problems
    return text


BASE = {"release_date": "2018-09-21", "organisation": "Region Exempel", "contact": CONTACTS}


@pytest.mark.parametrize(
    ("template_id", "before", "after"),
    [
        ("readiness-lowered-sv",
         "Region Exempel sänker beredskapen till stabsläge i dag klockan 16",
         "Region Exempel sänkte beredskapen till stabsläge i dag klockan 16"),
        ("readiness-lowered-en",
         "Region Exempel will lower its readiness level to stabsläge at 4pm today",
         "Region Exempel lowered its readiness level to stabsläge at 4pm today"),
    ],
)  # fmt: skip
def test_a_later_lowering_is_told_in_the_future(template_id: str, before: str, after: str) -> None:
    data = BASE | {"lowered_to": "stabslage", "lowered_at": "2018-09-21T16:00"}
    assert before in _markdown(template_id, data | {"release_time": "09:00"})
    assert after in _markdown(template_id, data | {"release_time": "17:00"})


def test_a_later_downgrade_in_nhs_words() -> None:
    data = BASE | {"lowered_to": "business-continuity", "lowered_at": "2018-09-21T16:00"}
    text = _markdown("readiness-lowered-en", data | {"release_time": "09:00"}, "nhs-incident")
    assert "will downgrade the incident to a business continuity incident at 4pm today" in text


@pytest.mark.parametrize(
    ("template_id", "before", "after"),
    [
        ("incident-update-sv", "Från i dag klockan 16 gäller stabsläge för Region Exempel.",
         "Sedan i dag klockan 16 gäller stabsläge för Region Exempel."),
        ("incident-update-en", "Region Exempel will move to the level of stabsläge at 4pm today.",
         "Region Exempel moved to the level of stabsläge at 4pm today."),
    ],
)  # fmt: skip
def test_the_update_tells_a_level_change_by_the_time_it_is_sent(
    template_id: str, before: str, after: str
) -> None:
    data = BASE | {
        "headline": "Störningen",
        "lead": "Det nya.",
        "situation": "Läget.",
        "current_level": "stabslage",
        "level_from": "2018-09-21T16:00",
    }
    assert before in _markdown(template_id, data | {"update_time": "09:00"})
    assert after in _markdown(template_id, data | {"update_time": "17:00"})


@pytest.mark.parametrize(
    ("template_id", "clock", "daypart"),
    [
        ("readiness-lowered-sv", "i dag klockan 10.40", "i dag på förmiddagen"),
        ("readiness-lowered-en", "at 10.40am today", "this morning"),
        ("readiness-raised-sv", "i dag klockan 10.40", "i dag på förmiddagen"),
        ("readiness-raised-en", "at 10.40am today", "this morning"),
    ],
)  # fmt: skip
def test_clock_time_or_day_part_as_chosen(template_id: str, clock: str, daypart: str) -> None:
    key = "lowered_at" if "lowered" in template_id else "raised_at"
    data = BASE | {key: "2018-09-21T10:40", "release_time": "12:00"}
    assert clock in _markdown(template_id, data | {"exact_times": True})
    assert daypart in _markdown(template_id, data | {"exact_times": False})


@pytest.mark.parametrize(
    ("template_id", "both", "start", "end"),
    [
        ("readiness-raised-sv",
         "Förra gången gällde stabsläge från den 3 mars 2017 till den 5 mars 2017.",
         "Förra gången beredskapen höjdes till stabsläge var den 3 mars 2017.",
         "Förra gången gällde stabsläge fram till den 5 mars 2017."),
        ("readiness-raised-en",
         "The previous stabsläge lasted from 3 March 2017 to 5 March 2017.",
         "The previous stabsläge began on 3 March 2017.",
         "The previous stabsläge ended on 5 March 2017."),
        ("readiness-ended-sv",
         "Förra gången gällde stabsläge från den 3 mars 2017 till den 5 mars 2017.",
         "Förra gången beredskapen höjdes till stabsläge var den 3 mars 2017.",
         "Förra gången gällde stabsläge fram till den 5 mars 2017."),
        ("readiness-ended-en",
         "The previous stabsläge lasted from 3 March 2017 to 5 March 2017.",
         "The previous stabsläge began on 3 March 2017.",
         "The previous stabsläge ended on 5 March 2017."),
    ],
)  # fmt: skip
def test_the_earlier_episode_is_told_with_the_dates_given(
    template_id: str, both: str, start: str, end: str
) -> None:
    data = BASE | {
        "raised_to": "stabslage",
        "raised_at": "2018-09-21T06:15",
        "ended_at": "2018-09-21T15:00",
    }
    if "raised" in template_id:
        data = {k: v for k, v in data.items() if k != "ended_at"}
    first, last = {"previous_raised_at": "2017-03-03"}, {"previous_ended_at": "2017-03-05"}
    assert both in _markdown(template_id, data | first | last)
    assert start in _markdown(template_id, data | first)
    assert end in _markdown(template_id, data | last)
    assert "2017" not in _markdown(template_id, data)


@pytest.mark.parametrize("template_id", IDS)
def test_contacts_stand_under_their_headings(template_id: str) -> None:
    lang = builtin(template_id).language
    data = BASE | {
        "raised_to": "stabslage",
        "raised_at": "2018-09-21T06:15",
        "lowered_to": "stabslage",
        "lowered_at": "2018-09-21T10:00",
        "ended_at": "2018-09-21T15:00",
        "headline": "Störningen",
        "lead": "Det nya.",
        "situation": "Läget.",
        "update_time": "15:00",
        "quotes": [
            {"name": "Lars Exempel", "title": "Chef", "text": "Vi har läget under kontroll."}
        ],
    }
    template = builtin_in(template_id, "se-healthcare")
    data = {k: v for k, v in data.items() if template.field(k) is not None}
    text = _markdown(template_id, data)
    assert "\n**Mer information**\n\n**Lars Exempel**" in text
    assert "\n**Presskontakt**\n\n**Anna Exempel**" in text
    said = "säger Lars Exempel, chef." if lang == "sv" else "said Lars Exempel, Chef."
    assert said in text
