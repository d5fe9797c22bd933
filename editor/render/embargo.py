"""The embargo line at the top of a release, in the release's language (not the UI's): it is
part of the text that goes out."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from editor.model.language import language_rules
from editor.render import filters

EMBARGO_MORNING = time(8, 0)  # a new embargo on a later day: the start of its working day
FAR_EMBARGO_DAYS = 30  # an embargo further than this from the release date is worth a check


def next_full_hour(now: datetime) -> datetime:
    return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


def default_embargo(release_day: date | None, now: datetime) -> datetime:
    """Where a new embargo starts: on a release dated later, that day at 08:00; on one dated
    today (or earlier, or undated), the next full hour after now. An embargo of 19:00 today on
    a release dated next week (as it was) would have to be moved every time."""
    if isinstance(release_day, datetime):
        release_day = release_day.date()
    if release_day is not None and release_day > now.date():
        return datetime.combine(release_day, EMBARGO_MORNING)
    return next_full_hour(now)


def embargo_notice(embargo: datetime, lang: str) -> str:
    """The conventional embargo line, as plain text, for the top of a release (and the preview's
    banner): sv "EMBARGO: Publiceras tidigast tisdag den 25 september 2018 klockan 15.37",
    en "EMBARGO: HOLD FOR RELEASE UNTIL 3.37pm on Tuesday 25 September 2018". The year is always
    given, so an archived release stays unambiguous; the time is the wall clock as typed."""
    day = filters.format_date(embargo, lang, "full")
    clock = filters.format_time(embargo, lang)
    rules = language_rules(lang)
    if rules == "sv":
        return f"EMBARGO: Publiceras tidigast {day} klockan {clock}"
    if rules == "en":
        return f"EMBARGO: HOLD FOR RELEASE UNTIL {clock} on {day}"
    return f"EMBARGO: {day} {clock}"
