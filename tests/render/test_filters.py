"""Press-style date, time and number filters: exact outputs in Swedish and English."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest

from editor.model import language
from editor.render import filters
from editor.render.filters import (
    DATE_STYLES,
    day_part,
    format_date,
    format_datetime,
    format_number,
    format_time,
    relative_day,
    relative_moment,
    weekday,
)
from tests.helpers import ROOT

RELEASE = date(2018, 9, 25)  # Tuesday, the reference case's release date
NBSP = "\xa0"


def stockholm() -> ZoneInfo:
    try:
        return ZoneInfo("Europe/Stockholm")
    except ZoneInfoNotFoundError:  # pragma: no cover - only without tz data (tzdata package)
        pytest.skip("no time zone data for Europe/Stockholm")


# --- the reference case -----------------------------------------------------------------


def test_reference_case_swedish() -> None:
    raised = datetime(2018, 9, 21, 6, 30)
    ended = datetime(2018, 9, 25, 15, 37)
    assert format_date(RELEASE, "sv") == "25 september 2018"
    assert relative_moment(raised, RELEASE, "sv") == "i fredags morse"
    sentence = f"{relative_day(ended, RELEASE, 'sv')} {format_datetime(ended, 'sv')}"
    assert sentence == "i dag tisdag den 25 september klockan 15.37"


def test_reference_case_english() -> None:
    raised = datetime(2018, 9, 21, 6, 30)
    ended = datetime(2018, 9, 25, 15, 37)
    assert format_date(RELEASE, "en") == "25 September 2018"
    assert relative_moment(raised, RELEASE, "en") == "on Friday morning"
    assert f"at {format_datetime(ended, 'en')}" == "at 3.37pm on Tuesday 25 September"


# --- format_date --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "sv", "en"),
    [
        ("long", "25 september 2018", "25 September 2018"),
        ("full", "tisdag den 25 september 2018", "Tuesday 25 September 2018"),
        ("weekday_day_month", "tisdag den 25 september", "Tuesday 25 September"),
        ("day_month", "25 september", "25 September"),
        ("short", "2018-09-25", "2018-09-25"),
    ],
)
def test_format_date_styles(style: str, sv: str, en: str) -> None:
    assert format_date(RELEASE, "sv", style) == sv
    assert format_date(RELEASE, "en", style) == en


def test_date_styles_constant_lists_every_style() -> None:
    assert DATE_STYLES == ("long", "full", "day_month", "short", "weekday_day_month")


def test_format_date_default_style_is_long() -> None:
    assert format_date(RELEASE, "sv") == format_date(RELEASE, "sv", "long")


@pytest.mark.parametrize(
    ("value", "sv", "en"),
    [
        (date(2018, 1, 5), "5 januari 2018", "5 January 2018"),
        (date(2018, 2, 28), "28 februari 2018", "28 February 2018"),
        (date(2018, 3, 1), "1 mars 2018", "1 March 2018"),
        (date(2018, 4, 30), "30 april 2018", "30 April 2018"),
        (date(2018, 5, 17), "17 maj 2018", "17 May 2018"),
        (date(2018, 6, 6), "6 juni 2018", "6 June 2018"),
        (date(2018, 7, 31), "31 juli 2018", "31 July 2018"),
        (date(2018, 8, 1), "1 augusti 2018", "1 August 2018"),
        (date(2018, 10, 28), "28 oktober 2018", "28 October 2018"),
        (date(2018, 11, 11), "11 november 2018", "11 November 2018"),
        (date(2018, 12, 31), "31 december 2018", "31 December 2018"),
        (date(2020, 2, 29), "29 februari 2020", "29 February 2020"),
    ],
)
def test_format_date_months_and_unpadded_days(value: date, sv: str, en: str) -> None:
    assert format_date(value, "sv") == sv
    assert format_date(value, "en") == en


@pytest.mark.parametrize(
    "value",
    [
        datetime(2018, 9, 25, 15, 37),
        datetime(2018, 9, 25, 23, 59, tzinfo=timezone(timedelta(hours=-10))),
        datetime(2018, 9, 25, 0, 1, tzinfo=timezone(timedelta(hours=14))),
    ],
)
def test_format_date_of_a_datetime_uses_its_wall_clock_date(value: datetime) -> None:
    assert format_date(value, "sv", "full") == "tisdag den 25 september 2018"
    assert format_date(value, "en", "short") == "2018-09-25"


def test_format_date_unknown_style_names_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match="unknown style 'medium'") as caught:
        format_date(RELEASE, "sv", "medium")
    for style in DATE_STYLES:
        assert repr(style) in str(caught.value)


def test_format_date_checks_the_style_even_without_a_value() -> None:
    with pytest.raises(ValueError, match="unknown style"):
        format_date(None, "en", "LONG")


# --- format_time --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hour", "minute", "sv", "en"),
    [
        (15, 37, "15.37", "3.37pm"),
        (8, 5, "8.05", "8.05am"),
        (0, 0, "0.00", "midnight"),
        (0, 30, "0.30", "12.30am"),
        (1, 0, "1.00", "1am"),
        (9, 0, "9.00", "9am"),
        (11, 59, "11.59", "11.59am"),
        (12, 0, "12.00", "noon"),
        (12, 1, "12.01", "12.01pm"),
        (12, 30, "12.30", "12.30pm"),
        (13, 0, "13.00", "1pm"),
        (15, 0, "15.00", "3pm"),
        (23, 59, "23.59", "11.59pm"),
    ],
)
def test_format_time(hour: int, minute: int, sv: str, en: str) -> None:
    assert format_time(time(hour, minute), "sv") == sv
    assert format_time(time(hour, minute), "en") == en
    assert format_time(datetime(2018, 9, 25, hour, minute), "sv") == sv
    assert format_time(datetime(2018, 9, 25, hour, minute), "en") == en


def test_format_time_drops_seconds() -> None:
    assert format_time(time(15, 37, 59, 999999), "sv") == "15.37"
    assert format_time(time(12, 0, 30), "en") == "noon"


def test_format_time_keeps_the_wall_clock_of_an_aware_value() -> None:
    aware = datetime(2018, 9, 25, 15, 37, tzinfo=stockholm())
    assert format_time(aware, "sv") == "15.37"
    assert format_time(aware.timetz(), "en") == "3.37pm"
    assert format_time(time(8, 5, tzinfo=UTC), "sv") == "8.05"


# --- format_datetime ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "sv", "en"),
    [
        (
            datetime(2018, 9, 25, 15, 37),
            "tisdag den 25 september klockan 15.37",
            "3.37pm on Tuesday 25 September",
        ),
        (
            datetime(2018, 9, 21, 6, 5),
            "fredag den 21 september klockan 6.05",
            "6.05am on Friday 21 September",
        ),
        (
            datetime(2019, 1, 1, 0, 0),
            "tisdag den 1 januari klockan 0",
            "midnight on Tuesday 1 January",
        ),
        (
            datetime(2018, 12, 24, 12, 0),
            "måndag den 24 december klockan 12",
            "noon on Monday 24 December",
        ),
        (
            datetime(2018, 10, 28, 2, 30, tzinfo=timezone(timedelta(hours=1))),
            "söndag den 28 oktober klockan 2.30",
            "2.30am on Sunday 28 October",
        ),
    ],
)
def test_format_datetime(value: datetime, sv: str, en: str) -> None:
    assert format_datetime(value, "sv") == sv
    assert format_datetime(value, "en") == en


# --- weekday ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "sv", "en"),
    [
        (date(2018, 9, 24), "måndag", "Monday"),
        (date(2018, 9, 25), "tisdag", "Tuesday"),
        (date(2018, 9, 26), "onsdag", "Wednesday"),
        (date(2018, 9, 27), "torsdag", "Thursday"),
        (date(2018, 9, 28), "fredag", "Friday"),
        (date(2018, 9, 29), "lördag", "Saturday"),
        (date(2018, 9, 30), "söndag", "Sunday"),
        (datetime(2018, 9, 21, 6, 30), "fredag", "Friday"),
    ],
)
def test_weekday(value: date, sv: str, en: str) -> None:
    assert weekday(value, "sv") == sv
    assert weekday(value, "en") == en


# --- day_part -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hour", "minute", "sv", "en"),
    [
        (0, 0, "natt", "night"),
        (2, 30, "natt", "night"),
        (4, 59, "natt", "night"),
        (5, 0, "morgon", "morning"),
        (8, 59, "morgon", "morning"),
        (9, 0, "förmiddag", "morning"),
        (11, 59, "förmiddag", "morning"),
        (12, 0, "eftermiddag", "afternoon"),
        (17, 59, "eftermiddag", "afternoon"),
        (18, 0, "kväll", "evening"),
        (23, 59, "kväll", "evening"),
    ],
)
def test_day_part_boundaries(hour: int, minute: int, sv: str, en: str) -> None:
    assert day_part(time(hour, minute), "sv") == sv
    assert day_part(time(hour, minute), "en") == en
    assert day_part(datetime(2018, 9, 25, hour, minute, 59), "sv") == sv
    assert day_part(datetime(2018, 9, 25, hour, minute, 59), "en") == en


def test_day_part_constants_match_the_documented_boundaries() -> None:
    assert filters.DAY_PART_STARTS == (
        (0, "night"),
        (5, "morning"),
        (9, "forenoon"),
        (12, "afternoon"),
        (18, "evening"),
    )
    assert set(filters.SV_DAY_PARTS) == set(filters.EN_DAY_PARTS)
    assert filters.EN_DAY_PARTS["forenoon"] == "morning"


# --- relative_day -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("offset", "sv", "en"),
    [
        (-8, "den 17 september", "on 17 September"),
        (-7, "den 18 september", "on 18 September"),
        (-6, "i onsdags", "on Wednesday"),
        (-5, "i torsdags", "on Thursday"),
        (-4, "i fredags", "on Friday"),
        (-3, "i lördags", "on Saturday"),
        (-2, "i söndags", "on Sunday"),
        (-1, "i går", "yesterday"),
        (0, "i dag", "today"),
        (1, "i morgon", "tomorrow"),
        (2, "på torsdag", "on Thursday"),
        (3, "på fredag", "on Friday"),
        (4, "på lördag", "on Saturday"),
        (5, "på söndag", "on Sunday"),
        (6, "på måndag", "on Monday"),
        (7, "den 2 oktober", "on 2 October"),
        (8, "den 3 oktober", "on 3 October"),
    ],
)
def test_relative_day_around_the_release(offset: int, sv: str, en: str) -> None:
    value = RELEASE + timedelta(days=offset)
    assert relative_day(value, RELEASE, "sv") == sv
    assert relative_day(value, RELEASE, "en") == en


@pytest.mark.parametrize("hour", [0, 6, 12, 23])
def test_relative_day_ignores_the_time_of_day(hour: int) -> None:
    value = datetime(2018, 9, 24, hour, 59)
    assert relative_day(value, RELEASE, "sv") == "i går"
    assert relative_day(value, datetime(2018, 9, 25, 23, 59), "en") == "yesterday"


@pytest.mark.parametrize(
    ("value", "reference", "sv", "en"),
    [
        # week boundaries: Monday looking back at Saturday and Sunday, Sunday looking ahead
        (date(2018, 9, 22), date(2018, 9, 24), "i lördags", "on Saturday"),
        (date(2018, 9, 23), date(2018, 9, 24), "i går", "yesterday"),
        (date(2018, 9, 17), date(2018, 9, 23), "i måndags", "on Monday"),
        (date(2018, 9, 24), date(2018, 9, 23), "i morgon", "tomorrow"),
        (date(2018, 9, 29), date(2018, 9, 23), "på lördag", "on Saturday"),
        (date(2018, 9, 30), date(2018, 9, 24), "på söndag", "on Sunday"),
        # month ends
        (date(2018, 9, 28), date(2018, 10, 2), "i fredags", "on Friday"),
        (date(2018, 9, 30), date(2018, 10, 1), "i går", "yesterday"),
        (date(2018, 10, 1), date(2018, 9, 30), "i morgon", "tomorrow"),
        (date(2018, 10, 5), date(2018, 9, 30), "på fredag", "on Friday"),
        (date(2018, 2, 28), date(2018, 3, 1), "i går", "yesterday"),
        (date(2020, 2, 29), date(2020, 3, 1), "i går", "yesterday"),
        (date(2020, 2, 27), date(2020, 3, 2), "i torsdags", "on Thursday"),
        # year ends
        (date(2018, 12, 29), date(2019, 1, 2), "i lördags", "on Saturday"),
        (date(2018, 12, 31), date(2019, 1, 1), "i går", "yesterday"),
        (date(2019, 1, 1), date(2018, 12, 31), "i morgon", "tomorrow"),
        (date(2019, 1, 4), date(2018, 12, 29), "på fredag", "on Friday"),
        (date(2018, 12, 20), date(2019, 1, 2), "den 20 december 2018", "on 20 December 2018"),
        (date(2019, 1, 7), date(2018, 12, 31), "den 7 januari 2019", "on 7 January 2019"),
        (date(2018, 1, 1), date(2018, 12, 31), "den 1 januari", "on 1 January"),
        (date(2017, 9, 14), RELEASE, "den 14 september 2017", "on 14 September 2017"),
        (date(2018, 9, 14), RELEASE, "den 14 september", "on 14 September"),
        (date(2019, 9, 25), RELEASE, "den 25 september 2019", "on 25 September 2019"),
    ],
)
def test_relative_day_across_boundaries(value: date, reference: date, sv: str, en: str) -> None:
    assert relative_day(value, reference, "sv") == sv
    assert relative_day(value, reference, "en") == en


@pytest.mark.parametrize(
    ("value", "reference", "sv", "en"),
    [
        # Europe/Stockholm leaves summer time on 2018-10-28 (a 25-hour Sunday) ...
        (datetime(2018, 10, 27, 23, 30), date(2018, 10, 29), "i lördags", "on Saturday"),
        (datetime(2018, 10, 28, 2, 30), date(2018, 10, 29), "i går", "yesterday"),
        (datetime(2018, 10, 28, 23, 59), date(2018, 10, 29), "i går", "yesterday"),
        (datetime(2018, 10, 29, 0, 0), date(2018, 10, 28), "i morgon", "tomorrow"),
        (datetime(2018, 10, 21, 23, 0), date(2018, 10, 28), "den 21 oktober", "on 21 October"),
        (datetime(2018, 10, 22, 0, 0), date(2018, 10, 28), "i måndags", "on Monday"),
        # ... and enters it on 2018-03-25 (a 23-hour Sunday).
        (datetime(2018, 3, 24, 23, 59), date(2018, 3, 26), "i lördags", "on Saturday"),
        (datetime(2018, 3, 25, 3, 30), date(2018, 3, 26), "i går", "yesterday"),
        (datetime(2018, 3, 26, 0, 0), date(2018, 3, 25), "i morgon", "tomorrow"),
        (datetime(2018, 4, 1, 23, 0), date(2018, 3, 25), "den 1 april", "on 1 April"),
        (datetime(2018, 3, 31, 23, 59), date(2018, 3, 25), "på lördag", "on Saturday"),
    ],
)
def test_relative_day_on_daylight_saving_days(
    value: datetime, reference: date, sv: str, en: str
) -> None:
    assert relative_day(value, reference, "sv") == sv
    assert relative_day(value, reference, "en") == en
    aware = value.replace(tzinfo=stockholm())
    assert relative_day(aware, reference, "sv") == sv
    assert relative_day(aware, reference, "en") == en


# --- relative_moment ----------------------------------------------------------------------

# One row per day around the release (Tuesday 25 September 2018): the value at 02.00
# (night), 06.30 (morning), 10.00 (forenoon), 15.00 (afternoon) and 20.00 (evening).
PART_TIMES = (time(2, 0), time(6, 30), time(10, 0), time(15, 0), time(20, 0))

SV_MOMENTS = {
    -8: (
        "natten till den 17 september",
        "den 17 september på morgonen",
        "den 17 september på förmiddagen",
        "den 17 september på eftermiddagen",
        "den 17 september på kvällen",
    ),
    -7: (
        "natten till den 18 september",
        "den 18 september på morgonen",
        "den 18 september på förmiddagen",
        "den 18 september på eftermiddagen",
        "den 18 september på kvällen",
    ),
    -6: (
        "natten till i onsdags",
        "i onsdags morse",
        "i onsdags förmiddag",
        "i onsdags eftermiddag",
        "i onsdags kväll",
    ),
    -5: (
        "natten till i torsdags",
        "i torsdags morse",
        "i torsdags förmiddag",
        "i torsdags eftermiddag",
        "i torsdags kväll",
    ),
    -4: (
        "natten till i fredags",
        "i fredags morse",
        "i fredags förmiddag",
        "i fredags eftermiddag",
        "i fredags kväll",
    ),
    -3: (
        "natten till i lördags",
        "i lördags morse",
        "i lördags förmiddag",
        "i lördags eftermiddag",
        "i lördags kväll",
    ),
    -2: (
        "natten till i söndags",
        "i söndags morse",
        "i söndags förmiddag",
        "i söndags eftermiddag",
        "i söndags kväll",
    ),
    -1: (
        "natten till i går",
        "i går morse",
        "i går förmiddag",
        "i går eftermiddag",
        "i går kväll",
    ),
    0: (
        "i natt",
        "i dag på morgonen",
        "i dag på förmiddagen",
        "i dag på eftermiddagen",
        "i kväll",
    ),
    1: (
        "natten till i morgon",
        "i morgon bitti",
        "i morgon förmiddag",
        "i morgon eftermiddag",
        "i morgon kväll",
    ),
    2: (
        "natten till torsdag",
        "på torsdag morgon",
        "på torsdag förmiddag",
        "på torsdag eftermiddag",
        "på torsdag kväll",
    ),
    3: (
        "natten till fredag",
        "på fredag morgon",
        "på fredag förmiddag",
        "på fredag eftermiddag",
        "på fredag kväll",
    ),
    4: (
        "natten till lördag",
        "på lördag morgon",
        "på lördag förmiddag",
        "på lördag eftermiddag",
        "på lördag kväll",
    ),
    5: (
        "natten till söndag",
        "på söndag morgon",
        "på söndag förmiddag",
        "på söndag eftermiddag",
        "på söndag kväll",
    ),
    6: (
        "natten till måndag",
        "på måndag morgon",
        "på måndag förmiddag",
        "på måndag eftermiddag",
        "på måndag kväll",
    ),
    7: (
        "natten till den 2 oktober",
        "den 2 oktober på morgonen",
        "den 2 oktober på förmiddagen",
        "den 2 oktober på eftermiddagen",
        "den 2 oktober på kvällen",
    ),
    8: (
        "natten till den 3 oktober",
        "den 3 oktober på morgonen",
        "den 3 oktober på förmiddagen",
        "den 3 oktober på eftermiddagen",
        "den 3 oktober på kvällen",
    ),
}

# English names a night after the evening it begins on ("Friday night" runs into Saturday).
EN_MOMENTS = {
    -8: (
        "in the early hours of 17 September",
        "on the morning of 17 September",
        "on the morning of 17 September",
        "on the afternoon of 17 September",
        "on the evening of 17 September",
    ),
    -7: (
        "in the early hours of 18 September",
        "on the morning of 18 September",
        "on the morning of 18 September",
        "on the afternoon of 18 September",
        "on the evening of 18 September",
    ),
    -6: (
        "in the early hours of 19 September",
        "on Wednesday morning",
        "on Wednesday morning",
        "on Wednesday afternoon",
        "on Wednesday evening",
    ),
    -5: (
        "on Wednesday night",
        "on Thursday morning",
        "on Thursday morning",
        "on Thursday afternoon",
        "on Thursday evening",
    ),
    -4: (
        "on Thursday night",
        "on Friday morning",
        "on Friday morning",
        "on Friday afternoon",
        "on Friday evening",
    ),
    -3: (
        "on Friday night",
        "on Saturday morning",
        "on Saturday morning",
        "on Saturday afternoon",
        "on Saturday evening",
    ),
    -2: (
        "on Saturday night",
        "on Sunday morning",
        "on Sunday morning",
        "on Sunday afternoon",
        "on Sunday evening",
    ),
    -1: (
        "on Sunday night",
        "yesterday morning",
        "yesterday morning",
        "yesterday afternoon",
        "yesterday evening",
    ),
    0: (
        "last night",
        "this morning",
        "this morning",
        "this afternoon",
        "this evening",
    ),
    1: (
        "tonight",
        "tomorrow morning",
        "tomorrow morning",
        "tomorrow afternoon",
        "tomorrow evening",
    ),
    2: (
        "tomorrow night",
        "on Thursday morning",
        "on Thursday morning",
        "on Thursday afternoon",
        "on Thursday evening",
    ),
    3: (
        "on Thursday night",
        "on Friday morning",
        "on Friday morning",
        "on Friday afternoon",
        "on Friday evening",
    ),
    4: (
        "on Friday night",
        "on Saturday morning",
        "on Saturday morning",
        "on Saturday afternoon",
        "on Saturday evening",
    ),
    5: (
        "on Saturday night",
        "on Sunday morning",
        "on Sunday morning",
        "on Sunday afternoon",
        "on Sunday evening",
    ),
    6: (
        "on Sunday night",
        "on Monday morning",
        "on Monday morning",
        "on Monday afternoon",
        "on Monday evening",
    ),
    7: (
        "on Monday night",
        "on the morning of 2 October",
        "on the morning of 2 October",
        "on the afternoon of 2 October",
        "on the evening of 2 October",
    ),
    8: (
        "in the early hours of 3 October",
        "on the morning of 3 October",
        "on the morning of 3 October",
        "on the afternoon of 3 October",
        "on the evening of 3 October",
    ),
}

MOMENT_CASES = [
    (offset, moment, SV_MOMENTS[offset][i], EN_MOMENTS[offset][i])
    for offset in sorted(SV_MOMENTS)
    for i, moment in enumerate(PART_TIMES)
]


@pytest.mark.parametrize(("offset", "moment", "sv", "en"), MOMENT_CASES)
def test_relative_moment_around_the_release(offset: int, moment: time, sv: str, en: str) -> None:
    value = datetime.combine(RELEASE + timedelta(days=offset), moment)
    assert relative_moment(value, RELEASE, "sv") == sv
    assert relative_moment(value, RELEASE, "en") == en


@pytest.mark.parametrize(
    ("value", "sv", "en"),
    [
        (datetime(2018, 9, 24, 4, 59), "natten till i går", "on Sunday night"),
        (datetime(2018, 9, 24, 5, 0), "i går morse", "yesterday morning"),
        (datetime(2018, 9, 24, 8, 59), "i går morse", "yesterday morning"),
        (datetime(2018, 9, 24, 9, 0), "i går förmiddag", "yesterday morning"),
        (datetime(2018, 9, 24, 11, 59), "i går förmiddag", "yesterday morning"),
        (datetime(2018, 9, 24, 12, 0), "i går eftermiddag", "yesterday afternoon"),
        (datetime(2018, 9, 24, 17, 59), "i går eftermiddag", "yesterday afternoon"),
        (datetime(2018, 9, 24, 18, 0), "i går kväll", "yesterday evening"),
        (datetime(2018, 9, 24, 23, 59), "i går kväll", "yesterday evening"),
        (datetime(2018, 9, 25, 0, 0), "i natt", "last night"),
        (datetime(2018, 9, 25, 4, 59), "i natt", "last night"),
        (datetime(2018, 9, 25, 5, 0), "i dag på morgonen", "this morning"),
        (datetime(2018, 9, 25, 23, 59), "i kväll", "this evening"),
        (datetime(2018, 9, 26, 0, 0), "natten till i morgon", "tonight"),
        (datetime(2018, 9, 26, 5, 0), "i morgon bitti", "tomorrow morning"),
    ],
)
def test_relative_moment_day_part_boundaries(value: datetime, sv: str, en: str) -> None:
    assert relative_moment(value, RELEASE, "sv") == sv
    assert relative_moment(value, RELEASE, "en") == en


@pytest.mark.parametrize(
    ("value", "reference", "sv", "en"),
    [
        # Monday looking back over the weekend
        (datetime(2018, 9, 22, 20, 0), date(2018, 9, 24), "i lördags kväll", "on Saturday evening"),
        (
            datetime(2018, 9, 22, 3, 0),
            date(2018, 9, 24),
            "natten till i lördags",
            "on Friday night",
        ),
        (datetime(2018, 9, 23, 3, 0), date(2018, 9, 24), "natten till i går", "on Saturday night"),
        # month end
        (datetime(2018, 9, 28, 7, 0), date(2018, 10, 2), "i fredags morse", "on Friday morning"),
        (datetime(2018, 10, 1, 1, 0), date(2018, 9, 30), "natten till i morgon", "tonight"),
        # year end
        (datetime(2018, 12, 29, 6, 30), date(2019, 1, 2), "i lördags morse", "on Saturday morning"),
        (datetime(2019, 1, 1, 0, 30), date(2018, 12, 31), "natten till i morgon", "tonight"),
        (datetime(2019, 1, 1, 0, 30), date(2019, 1, 1), "i natt", "last night"),
        (
            datetime(2018, 12, 20, 8, 0),
            date(2019, 1, 2),
            "den 20 december 2018 på morgonen",
            "on the morning of 20 December 2018",
        ),
        (
            datetime(2018, 12, 20, 3, 0),
            date(2019, 1, 2),
            "natten till den 20 december 2018",
            "in the early hours of 20 December 2018",
        ),
        (
            datetime(2019, 1, 10, 19, 0),
            date(2018, 12, 28),
            "den 10 januari 2019 på kvällen",
            "on the evening of 10 January 2019",
        ),
    ],
)
def test_relative_moment_across_boundaries(
    value: datetime, reference: date, sv: str, en: str
) -> None:
    assert relative_moment(value, reference, "sv") == sv
    assert relative_moment(value, reference, "en") == en


@pytest.mark.parametrize(
    ("value", "reference", "sv", "en"),
    [
        # 2018-10-28: 02.00-02.59 happens twice in Stockholm; still the night to Sunday.
        (
            datetime(2018, 10, 28, 2, 30),
            date(2018, 10, 29),
            "natten till i går",
            "on Saturday night",
        ),
        (datetime(2018, 10, 28, 2, 30), date(2018, 10, 28), "i natt", "last night"),
        (
            datetime(2018, 10, 27, 23, 30),
            date(2018, 10, 29),
            "i lördags kväll",
            "on Saturday evening",
        ),
        (datetime(2018, 10, 28, 23, 30), date(2018, 10, 29), "i går kväll", "yesterday evening"),
        (datetime(2018, 10, 29, 0, 30), date(2018, 10, 28), "natten till i morgon", "tonight"),
        (datetime(2018, 10, 22, 6, 0), date(2018, 10, 28), "i måndags morse", "on Monday morning"),
        # 2018-03-25: 02.00-02.59 does not exist in Stockholm; 03.30 is still night.
        (datetime(2018, 3, 25, 3, 30), date(2018, 3, 26), "natten till i går", "on Saturday night"),
        (datetime(2018, 3, 25, 1, 59), date(2018, 3, 25), "i natt", "last night"),
        (datetime(2018, 3, 24, 23, 0), date(2018, 3, 26), "i lördags kväll", "on Saturday evening"),
        (datetime(2018, 3, 26, 6, 0), date(2018, 3, 25), "i morgon bitti", "tomorrow morning"),
        (datetime(2018, 3, 31, 22, 0), date(2018, 3, 25), "på lördag kväll", "on Saturday evening"),
    ],
)
def test_relative_moment_on_daylight_saving_days(
    value: datetime, reference: date, sv: str, en: str
) -> None:
    assert relative_moment(value, reference, "sv") == sv
    assert relative_moment(value, reference, "en") == en
    aware = value.replace(tzinfo=stockholm())
    assert relative_moment(aware, reference, "sv") == sv
    assert relative_moment(aware, reference, "en") == en
    assert relative_moment(value.replace(tzinfo=UTC), reference, "sv") == sv


def test_relative_moment_accepts_a_datetime_reference() -> None:
    value = datetime(2018, 9, 21, 6, 30)
    assert relative_moment(value, datetime(2018, 9, 25, 23, 59), "sv") == "i fredags morse"
    assert relative_moment(value, datetime(2018, 9, 25, 0, 0), "en") == "on Friday morning"


# --- format_number ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "sv", "en"),
    [
        (1234.5, f"1{NBSP}234,5", "1,234.5"),
        (1234567, f"1{NBSP}234{NBSP}567", "1,234,567"),
        (0, "0", "0"),
        (999, "999", "999"),
        (0.5, "0,5", "0.5"),
        (-1234.5, f"-1{NBSP}234,5", "-1,234.5"),
        (2.0, "2", "2"),
        (1.23456, "1,235", "1.235"),
        (Decimal("1234.50"), f"1{NBSP}234,5", "1,234.5"),
    ],
)
def test_format_number(value: int | float | Decimal, sv: str, en: str) -> None:
    assert format_number(value, "sv") == sv
    assert format_number(value, "en") == en


# --- None and wrong types -----------------------------------------------------------------

CALLS: list[tuple[str, Callable[[Any, str], str]]] = [
    ("format_date", lambda v, lang: format_date(v, lang)),
    ("format_date", lambda v, lang: format_date(v, lang, "full")),
    ("format_time", lambda v, lang: format_time(v, lang)),
    ("format_datetime", lambda v, lang: format_datetime(v, lang)),
    ("weekday", lambda v, lang: weekday(v, lang)),
    ("day_part", lambda v, lang: day_part(v, lang)),
    ("relative_day", lambda v, lang: relative_day(v, RELEASE, lang)),
    ("relative_moment", lambda v, lang: relative_moment(v, RELEASE, lang)),
    ("format_number", lambda v, lang: format_number(v, lang)),
]


@pytest.mark.parametrize("lang", ["sv", "en", "de"])
@pytest.mark.parametrize(("name", "call"), CALLS)
def test_none_gives_empty_text(name: str, call: Callable[[Any, str], str], lang: str) -> None:
    assert call(None, lang) == ""


def test_none_value_needs_no_reference() -> None:
    assert relative_day(None, None, "sv") == ""  # type: ignore[arg-type]
    assert relative_moment(None, None, "en") == ""  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "call", "value"),
    [
        ("format_date", lambda v: format_date(v, "sv"), "2018-09-25"),
        ("format_date", lambda v: format_date(v, "sv"), time(15, 37)),
        ("format_date", lambda v: format_date(v, "en", "short"), 20180925),
        ("format_time", lambda v: format_time(v, "sv"), date(2018, 9, 25)),
        ("format_time", lambda v: format_time(v, "en"), "15.37"),
        ("format_datetime", lambda v: format_datetime(v, "sv"), date(2018, 9, 25)),
        ("format_datetime", lambda v: format_datetime(v, "en"), time(15, 37)),
        ("weekday", lambda v: weekday(v, "sv"), "tisdag"),
        ("weekday", lambda v: weekday(v, "en"), 1),
        ("day_part", lambda v: day_part(v, "sv"), date(2018, 9, 25)),
        ("day_part", lambda v: day_part(v, "en"), 15),
        ("relative_day", lambda v: relative_day(v, RELEASE, "sv"), "2018-09-21"),
        ("relative_day", lambda v: relative_day(v, RELEASE, "en"), time(6, 30)),
        ("relative_moment", lambda v: relative_moment(v, RELEASE, "sv"), date(2018, 9, 21)),
        ("relative_moment", lambda v: relative_moment(v, RELEASE, "en"), "fredag"),
        ("format_number", lambda v: format_number(v, "sv"), "1234"),
        ("format_number", lambda v: format_number(v, "en"), True),
        ("format_number", lambda v: format_number(v, "en"), [1]),
    ],
)
def test_wrong_type_raises_a_clear_type_error(
    name: str, call: Callable[[Any], str], value: object
) -> None:
    with pytest.raises(TypeError) as caught:
        call(value)
    message = str(caught.value)
    assert message.startswith(f"{name} expects ")
    assert type(value).__name__ in message


def test_type_error_message_shows_the_value() -> None:
    with pytest.raises(TypeError, match=r"format_date expects a date .*got str '2018-09-25'"):
        format_date("2018-09-25", "sv")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"use relative_day for a date alone"):
        relative_moment(date(2018, 9, 21), RELEASE, "sv")  # type: ignore[arg-type]


def test_long_values_are_shortened_in_messages() -> None:
    with pytest.raises(TypeError) as caught:
        weekday("x" * 500, "sv")  # type: ignore[arg-type]
    assert len(str(caught.value)) < 120


@pytest.mark.parametrize("reference", [None, "2018-09-25", time(12, 0)])
def test_relative_functions_need_a_release_date(reference: object) -> None:
    with pytest.raises(TypeError, match="relative_day needs the release date"):
        relative_day(date(2018, 9, 21), reference, "sv")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="relative_moment needs the release date"):
        relative_moment(datetime(2018, 9, 21, 6, 30), reference, "en")  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", [None, 5, ["sv"]])
def test_language_must_be_a_string(lang: object) -> None:
    with pytest.raises(TypeError, match="weekday: the language must be a language code"):
        weekday(RELEASE, lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["xx", "", "svenska", "sv_XX_123"])
def test_unknown_language_raises_value_error(lang: str) -> None:
    with pytest.raises(ValueError, match="unknown language code"):
        format_date(RELEASE, lang)
    with pytest.raises(ValueError, match="unknown language code"):
        format_date(None, lang)


# --- other languages and variants ---------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv_SE", "sv-FI", "sv_FI"])
def test_swedish_variants_use_swedish_press_style(lang: str) -> None:
    assert format_date(RELEASE, lang, "full") == "tisdag den 25 september 2018"
    assert format_time(time(8, 5), lang) == "8.05"
    assert relative_moment(datetime(2018, 9, 21, 6, 30), RELEASE, lang) == "i fredags morse"


@pytest.mark.parametrize("lang", ["en_GB", "en-US", "en_US"])
def test_english_variants_use_british_press_style(lang: str) -> None:
    assert format_date(RELEASE, lang, "full") == "Tuesday 25 September 2018"
    assert format_time(time(15, 37), lang) == "3.37pm"
    assert relative_day(date(2018, 9, 21), RELEASE, lang) == "on Friday"


def test_german_uses_babel_patterns_and_english_phrasing() -> None:
    ended = datetime(2018, 9, 25, 15, 37)
    assert format_date(RELEASE, "de") == "25. September 2018"
    assert format_date(RELEASE, "de", "full") == "Dienstag, 25. September 2018"
    assert format_date(RELEASE, "de", "weekday_day_month") == "Dienstag, 25. September"
    assert format_date(RELEASE, "de", "day_month") == "25. September"
    assert format_date(RELEASE, "de", "short") == "2018-09-25"
    assert format_time(ended, "de") == "15:37"
    assert format_datetime(ended, "de") == "Dienstag, 25. September, 15:37"
    assert weekday(RELEASE, "de") == "Dienstag"
    assert day_part(ended, "de") == "afternoon"
    assert relative_day(date(2018, 9, 21), RELEASE, "de") == "on Freitag"
    assert relative_day(date(2018, 9, 14), RELEASE, "de") == "on 14. September"
    assert relative_moment(datetime(2018, 9, 21, 6, 30), RELEASE, "de") == "on Freitag morning"
    assert format_number(1234.5, "de") == "1.234,5"


@pytest.mark.parametrize("lang", ["de", "nb", "fi", "da", "fr", "ar", "ja", "zh_Hant"])
def test_other_languages_do_not_crash(lang: str) -> None:
    moments = [datetime(2018, 9, 25, 15, 37), datetime(2017, 12, 31, 2, 0)]
    moments += [datetime(2018, 9, 25, 3, 0) + timedelta(days=d) for d in range(-8, 9)]
    for moment in moments:
        for style in DATE_STYLES:
            assert format_date(moment, lang, style)
        texts = [
            format_time(moment, lang),
            format_datetime(moment, lang),
            weekday(moment, lang),
            day_part(moment, lang),
            relative_day(moment, RELEASE, lang),
            relative_moment(moment, RELEASE, lang),
            format_number(moment.minute * 1000.25, lang),
        ]
        assert all(isinstance(text, str) and text for text in texts)


def test_finnish_weekday_is_the_noun() -> None:
    # Babel's "format" weekday in Finnish is the essive ("tiistaina" = on Tuesday).
    assert weekday(RELEASE, "fi") == "tiistai"


# --- the module's promises ----------------------------------------------------------------


def test_module_imports_only_the_standard_library_and_babel() -> None:
    """And the language helper, which itself needs only the standard library."""
    for module in (filters, language):
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        imported: set[str] = set()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
        tops = {name.split(".")[0] for name in imported - {"editor.model.language"}}
        assert tops - {"babel"} <= set(sys.stdlib_module_names)
    assert "babel" not in language.__dict__


def test_repeated_calls_reuse_the_cached_language() -> None:
    format_date(RELEASE, "sv")
    before = filters._load_language.cache_info()
    for _ in range(50):
        format_date(RELEASE, "sv")
        relative_moment(datetime(2018, 9, 21, 6, 30), RELEASE, "sv")
    after = filters._load_language.cache_info()
    assert after.misses == before.misses


@pytest.mark.parametrize(
    ("lang", "rules"), [("sv", "sv"), ("en", "en"), ("sv-FI", "sv"), ("en-US", "en")]
)
def test_the_press_names_of_sv_and_en_are_the_locales_own(lang: str, rules: str) -> None:
    """The weekday and month names written in the filters (so that the first preview does not
    read Babel's whole locale) are CLDR's words for the language."""
    from babel import Locale

    from editor.model.language import babel_locale_name
    from editor.render.filters import PRESS_NAMES

    locale = Locale.parse(babel_locale_name(lang))
    weekdays, months = PRESS_NAMES[rules]  # type: ignore[index]
    assert weekdays == tuple(locale.days["stand-alone"]["wide"][i] for i in range(7))
    assert months == tuple(locale.months["format"]["wide"][i] for i in range(1, 13))


def test_a_swedish_date_reads_no_locale_data_until_a_number_asks() -> None:
    probe = (
        "import datetime\n"
        "from babel import localedata\n"
        "from editor.render.filters import format_date, format_number\n"
        "day = format_date(datetime.date(2018, 9, 25), 'sv', 'full')\n"
        "assert day == 'tisdag den 25 september 2018', day\n"
        "print(sorted(localedata._cache))\n"
        "format_number(1234.5, 'sv')\n"
        "print(sorted(localedata._cache))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.splitlines() == ["[]", "['root', 'sv']"]
