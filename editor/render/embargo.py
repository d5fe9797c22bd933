"""The embargo line at the top of a release, in the release's language (not the UI's): it is
part of the text that goes out."""

from __future__ import annotations

from datetime import datetime

from editor.model.language import language_rules
from editor.render import filters


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
