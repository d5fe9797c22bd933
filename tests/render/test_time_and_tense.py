"""Times as the officer wants them and tense that follows time (issue "Real releases from the
form alone", items 3 and 4): Språkrådet's clock times, dates without a time, ``when``,
``clock`` and the tests ``is future`` / ``is past`` against the moment of publication."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from editor.model.fields import DayOnly, FieldDef, FieldType, dump_value, has_time, parse_value
from editor.render.context import publication_moment
from editor.render.engine import render_markdown
from editor.render.filters import clock, format_datetime, format_time, relative_moment
from tests.helpers import make_template, values

DT = FieldDef("at", FieldType.DATETIME, "När")


@pytest.mark.parametrize(
    ("moment", "sv", "en"),
    [
        (time(9, 5), "klockan 9.05", "at 9.05am"),
        (time(16, 0), "klockan 16", "at 4pm"),
        (time(14, 30), "klockan 14.30", "at 2.30pm"),
    ],
)
def test_clock_in_running_text_follows_sprakradet(moment: time, sv: str, en: str) -> None:
    assert clock(moment, "sv") == sv
    assert clock(moment, "en") == en


def test_swedish_times_have_no_leading_zero() -> None:
    assert format_time(time(6, 30), "sv") == "6.30"
    assert format_datetime(datetime(2018, 9, 21, 6, 30), "sv").endswith("klockan 6.30")


def test_a_datetime_field_may_hold_a_date_alone_and_then_prints_no_time() -> None:
    value = parse_value(DT, "2018-09-21")
    assert isinstance(value, DayOnly) and not has_time(value)
    assert dump_value(DT, value) == "2018-09-21"
    assert parse_value(DT, dump_value(DT, value)) == value
    assert format_datetime(value, "sv") == "fredag den 21 september"
    assert "00" not in format_datetime(value, "en")
    assert format_time(value, "sv") == "" and clock(value, "sv") == ""
    assert relative_moment(value, date(2018, 9, 25), "sv") == "i fredags"
    assert has_time(parse_value(DT, "2018-09-21T06:30"))


FIELDS = [
    {"key": "release_date", "type": "date", "label": "Datum"},
    {"key": "release_time", "type": "time", "label": "Klockslag"},
    {"key": "at", "type": "datetime", "label": "När"},
    {"key": "exact", "type": "yesno", "label": "Klockslag i texten"},
]


def render(body: str, data: dict[str, object], lang: str = "sv") -> str:
    template = make_template(body, FIELDS, language=lang)
    text, _ = render_markdown(template, values(template, data), today=date(2018, 9, 25))
    return text.strip()


@pytest.mark.parametrize(
    ("exact", "sv", "en"),
    [
        (True, "i fredags klockan 6.30", "at 6.30am on Friday"),
        (False, "i fredags morse", "on Friday morning"),
    ],
)
def test_when_shows_a_clock_time_or_a_day_part(exact: bool, sv: str, en: str) -> None:
    data = {"release_date": "2018-09-25", "at": "2018-09-21T06:30", "exact": exact}
    assert render("{{ at|when(exact) }}", data) == sv
    assert render("{{ at|when(exact) }}", data, "en") == en


def test_when_with_a_date_alone_gives_the_day() -> None:
    data = {"release_date": "2018-09-25", "at": "2018-09-21", "exact": True}
    assert render("{{ at|when(exact) }}", data) == "i fredags"


TENSE = "{% if at is future %}går upp{% else %}gick upp{% endif %} i stabsläge {{ at|when }}"


def test_tense_follows_the_moment_of_publication() -> None:
    base = {"release_date": "2018-09-25", "at": "2018-09-25T16:00"}
    assert (
        render(TENSE, {**base, "release_time": "11:00"}) == "går upp i stabsläge i dag klockan 16"
    )
    assert render(TENSE, {**base, "release_time": "17:00"}).startswith("gick upp")
    assert render("{{ at is past }}", {**base, "release_time": "17:00"}) == "ja"


def test_a_date_alone_is_future_only_on_a_later_day() -> None:
    data = {"release_date": "2018-09-25", "release_time": "11:00", "at": "2018-09-26"}
    assert render("{{ at is future }}", data) == "ja"
    assert render("{{ at is future }}", {**data, "at": "2018-09-25"}) == "nej"


def test_the_publication_moment_is_the_date_and_time_or_now() -> None:
    now = datetime(2018, 9, 25, 9, 41)
    assert publication_moment(date(2018, 9, 25), time(15, 0), now) == datetime(2018, 9, 25, 15)
    assert publication_moment(date(2018, 9, 26), None, now) == datetime(2018, 9, 26, 9, 41)
    assert publication_moment(None, None, now) == now


def test_the_ended_templates_print_clock_times_when_asked() -> None:
    from tests.helpers import builtin, builtin_in

    data = {
        "release_date": "2018-09-25",
        "organisation": "Region Exempel",
        "cause": "en störning",
        "raised_at": "2018-09-21T06:30",
        "raised_to": "forstarkningslage",
        "ended_at": "2018-09-25T15:37",
        "contact": {"name": "Anna Exempel"},
    }
    template = builtin("readiness-ended-sv")
    exact, _ = render_markdown(template, values(template, {**data, "exact_times": True}))
    assert "I fredags klockan 6.30 gick Region Exempel upp i förstärkningsläge" in exact
    daypart, _ = render_markdown(template, values(template, data))
    assert "I fredags morse gick" in daypart
    english = builtin_in("readiness-ended-en", "se-healthcare")
    text, _ = render_markdown(english, values(english, {**data, "exact_times": True}))
    assert "At 6.30am on Friday Region Exempel raised" in text


def test_check_warns_when_a_moment_described_as_future_has_passed() -> None:
    from editor.model.release import Release
    from editor.render.checks import check_release

    template = make_template("Vi {% if at is future %}går upp{% endif %} {{ at|when }}.", FIELDS)
    data = {"release_date": "2018-09-25", "release_time": "11:00", "at": "2018-09-25T16:00"}
    release = Release.new(template, values(template, data))
    late = {f.code for f in check_release(release, "sv", now=datetime(2018, 9, 25, 17))}
    early = {f.code for f in check_release(release, "sv", now=datetime(2018, 9, 25, 12))}
    assert "moment_passed" in late and "moment_passed" not in early


RAISED = {
    "release_date": "2018-09-21",
    "organisation": "Region Exempel",
    "raised_to": "stabslage",
    "raised_at": "2018-09-21T16:00",
    "contact": {"name": "Anna Exempel"},
}


@pytest.mark.parametrize(
    ("lang", "before", "after"),
    [
        ("sv", "Region Exempel går upp i stabsläge i dag klockan 16",
         "höjde beredskapen till stabsläge i dag klockan 16"),
        ("en", "Region Exempel will raise its readiness level to stabsläge at 4pm today",
         "Region Exempel raised its readiness level to stabsläge at 4pm today"),
    ],
)  # fmt: skip
def test_the_raised_templates_speak_of_a_later_decision_in_the_future(
    lang: str, before: str, after: str
) -> None:
    from tests.helpers import builtin_in

    template = builtin_in(f"readiness-raised-{lang}", "se-healthcare")
    early, _ = render_markdown(template, values(template, {**RAISED, "release_time": "11:00"}))
    late, _ = render_markdown(template, values(template, {**RAISED, "release_time": "17:00"}))
    assert before in early and after in late


def test_the_level_explanation_can_be_reworded_or_left_out() -> None:
    from tests.helpers import builtin

    template = builtin("readiness-raised-sv")
    shown, _ = render_markdown(template, values(template, RAISED))
    assert "Stabsläge är den lägsta beredskapsgraden." in shown
    own = {**RAISED, "own_explainer": "En stab följer läget dygnet runt."}
    reworded, _ = render_markdown(template, values(template, own))
    assert "En stab följer läget dygnet runt." in reworded and "lägsta" not in reworded
    left_out, _ = render_markdown(template, values(template, {**RAISED, "show_explainer": False}))
    assert "lägsta" not in left_out
