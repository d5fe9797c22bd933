"""Press-style dates, times and numbers: the pure functions behind the template filters.

Every function takes a language code (``"sv"``, ``"en"``, or any other Babel locale such as
``"de"``, ``"nb"``, ``"sv_FI"``, ``"en-GB"``) and returns plain text. The rules follow the
*language* part of the code:

* ``sv``: Swedish press style. Weekdays and months in lower case, a period in times
  ("15.37"), "tisdag den 25 september 2018", and the idioms of running text ("i fredags
  morse", "på fredag", "natten till i går").
* ``en``: British order and Guardian-style times, as Swedish authorities write English:
  "Tuesday 25 September 2018", "3.37pm", "3pm", "noon", "midnight"; relative days the AP way
  ("yesterday", "on Friday" within a week, "on 14 September" beyond it). This applies to every
  English locale, "en_US" included.
* any other language: ``format_date``, ``format_time`` and ``format_datetime`` use the
  locale's own CLDR patterns from Babel ("Dienstag, 25. September 2018", "15:37").
  ``day_part``, ``relative_day`` and ``relative_moment`` have no idioms of their own for those
  languages: they use the English phrasing with Babel's localized weekday and date
  ("on Freitag morning"). That is a readable fallback, not idiomatic text; a template in such
  a language should prefer ``format_date``.

Callers must know:

* ``None`` as the value gives ``""`` (an empty optional field). The language and the style
  are still checked, so a mistake in a template shows even while the field is empty.
* A value of the wrong type raises ``TypeError`` and an unknown style or language raises
  ``ValueError``; both messages name the function and what it expected.
* A ``datetime`` with ``tzinfo`` is used as it reads on the wall clock; nothing is converted.
* Relative phrases compare calendar dates, never 24-hour ``timedelta`` s, so they are right
  across week, month and year ends and on daylight-saving change days.
* "Within a week" means at most 6 days from the reference date in either direction.

These run on every keystroke of the live preview: the Babel ``Locale`` and everything derived
from it is cached per language code, and the Swedish and English paths are plain string
building (a few microseconds a call).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from babel import Locale, UnknownLocaleError

from editor.model.language import Rules, babel_locale_name, language_rules

if TYPE_CHECKING:
    from babel.dates import DateTimePattern

# babel.dates (with zoneinfo) and babel.numbers are imported where a filter first needs them: the
# first preview of a Swedish or English release formats its dates from PRESS_NAMES alone.

__all__ = [
    "DATE_STYLES",
    "DAY_PART_STARTS",
    "EN_DAY_PARTS",
    "SV_DAY_PARTS",
    "clock",
    "day_part",
    "format_date",
    "format_datetime",
    "format_number",
    "format_time",
    "relative_day",
    "relative_moment",
    "weekday",
]

DATE_STYLES: Final[tuple[str, ...]] = ("long", "full", "day_month", "short", "weekday_day_month")
"""The styles ``format_date`` accepts; see its docstring for what each looks like."""

NIGHT: Final = "night"
MORNING: Final = "morning"
FORENOON: Final = "forenoon"
AFTERNOON: Final = "afternoon"
EVENING: Final = "evening"

DAY_PART_STARTS: Final[tuple[tuple[int, str], ...]] = (
    (0, NIGHT),  # 00.00-04.59
    (5, MORNING),  # 05.00-08.59
    (9, FORENOON),  # 09.00-11.59
    (12, AFTERNOON),  # 12.00-17.59
    (18, EVENING),  # 18.00-23.59
)
"""The hour each part of the day starts at; a part lasts until the next one starts.

Only the hour decides: 04.59 is night, 05.00 is morning. English has no forenoon, so in
English 05.00-11.59 is all "morning".
"""

SV_DAY_PARTS: Final[dict[str, str]] = {
    NIGHT: "natt",
    MORNING: "morgon",
    FORENOON: "förmiddag",
    AFTERNOON: "eftermiddag",
    EVENING: "kväll",
}
EN_DAY_PARTS: Final[dict[str, str]] = {
    NIGHT: "night",
    MORNING: "morning",
    FORENOON: "morning",
    AFTERNOON: "afternoon",
    EVENING: "evening",
}

# The part of the day for each hour 0-23, built once from DAY_PART_STARTS.
_PART_BY_HOUR: Final[tuple[str, ...]] = tuple(
    next(part for start, part in reversed(DAY_PART_STARTS) if hour >= start) for hour in range(24)
)

# Swedish forms of a part of the day in running text: bare ("i går kväll") and definite
# ("den 14 september på kvällen"). Night is phrased separately ("natten till ...").
_SV_DEFINITE: Final[dict[str, str]] = {
    MORNING: "morgonen",
    FORENOON: "förmiddagen",
    AFTERNOON: "eftermiddagen",
    EVENING: "kvällen",
}

_WEEK: Final = 6  # "within a week": at most this many days away

# The weekday (Monday first) and month names of the languages with rules of our own: CLDR's
# words (a test holds them to Babel's), here so that the first preview does not read the
# locale's whole data for them.
PRESS_NAMES: Final[dict[Rules, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "sv": (
        ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
        (
            "januari", "februari", "mars", "april", "maj", "juni",
            "juli", "augusti", "september", "oktober", "november", "december",
        ),
    ),
    "en": (
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        (
            "January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December",
        ),
    ),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Language:
    """Everything the functions need for one language code, computed once."""

    code: str
    rules: Rules
    locale: Locale
    weekdays: tuple[str, ...]  # Monday first, as date.weekday() counts
    months: tuple[str, ...]  # January first


def _language(lang: object, function: str) -> _Language:
    if not isinstance(lang, str):
        raise TypeError(
            f"{function}: the language must be a language code such as 'sv' or 'en', "
            f"got {_describe(lang)}"
        )
    return _load_language(lang)


@functools.lru_cache(maxsize=64)
def _load_language(lang: str) -> _Language:
    try:
        locale = Locale.parse(babel_locale_name(lang))
    except (UnknownLocaleError, ValueError, TypeError) as error:
        raise ValueError(f"unknown language code {lang!r} (use e.g. 'sv' or 'en')") from error
    rules = language_rules(locale.language)
    if rules != "other":  # the locale's data (20-30 ms to read) only when a filter asks
        weekdays, months = PRESS_NAMES[rules]
        return _Language(code=lang, rules=rules, locale=locale, weekdays=weekdays, months=months)
    # Stand-alone weekday names are nouns ("tiistai", not the Finnish "tiistaina" = "on
    # Tuesday"); for sv and en the two contexts are the same words.
    day_names = locale.days["stand-alone"]["wide"]
    month_names = locale.months["format"]["wide"]
    return _Language(
        code=lang,
        rules=rules,
        locale=locale,
        weekdays=tuple(str(day_names[i]) for i in range(7)),
        months=tuple(str(month_names[i]) for i in range(1, 13)),
    )


def _describe(value: object) -> str:
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{type(value).__name__} {text}"


def _wrong_type(function: str, expected: str, value: object) -> TypeError:
    return TypeError(f"{function} expects {expected}, got {_describe(value)}")


def _as_date(value: object, function: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise _wrong_type(function, "a date or a date and time", value)


def _as_time(value: object, function: str) -> time:
    # A plain date has no time of day; datetime is checked first since it is also a date.
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, time):
        return value.replace(tzinfo=None)
    raise _wrong_type(function, "a time or a date and time", value)


def _as_datetime(value: object, function: str, hint: str = "") -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    raise _wrong_type(function, "a date and time" + hint, value)


def _as_reference(reference: object, function: str) -> date:
    if isinstance(reference, datetime):
        return reference.date()
    if isinstance(reference, date):
        return reference
    raise TypeError(
        f"{function} needs the release date to compare with (reference), got {_describe(reference)}"
    )


def _check_style(style: object) -> str:
    if style not in DATE_STYLES:
        allowed = ", ".join(repr(s) for s in DATE_STYLES)
        raise ValueError(f"format_date: unknown style {style!r}; use one of {allowed}")
    return str(style)


# --- CLDR patterns for languages without a house style ------------------------------------


def _widen(pattern: str) -> str:
    """Spell weekdays and months out in full ("Di., 25. Sept." -> "Dienstag, 25. September").

    CLDR rarely has a skeleton with both a full weekday and a full month; the nearest one has
    the same fields abbreviated, so widen them. Numeric fields (M, c with 1-2 letters) stay.
    """
    from babel.dates import tokenize_pattern, untokenize_pattern

    tokens: list[tuple[str, str | tuple[str, int]]] = []
    for kind, token in tokenize_pattern(pattern):
        if kind == "field" and isinstance(token, tuple):
            char, count = token
            if (char == "E" and count < 4) or (char in "ceML" and count == 3):
                token = (char, 4)
        tokens.append((kind, token))
    return untokenize_pattern(tokens)


@functools.lru_cache(maxsize=256)
def _cldr_pattern(lang: str, style: str) -> DateTimePattern:
    """The locale's own pattern for a date style, or "time" for the short time."""
    from babel.dates import DateTimePattern, match_skeleton, parse_pattern

    locale = _load_language(lang).locale
    if style == "long":
        return parse_pattern(locale.date_formats["long"])
    if style == "full":
        return parse_pattern(locale.date_formats["full"])
    if style == "time":
        return parse_pattern(locale.time_formats["short"])
    skeletons = locale.datetime_skeletons
    skeleton = "MMMMd" if style == "day_month" else "MMMMEEEEd"
    match = match_skeleton(skeleton, skeletons)
    if match is None:  # no CLDR locale lacks these, but do not fail a preview over it
        return parse_pattern(locale.date_formats["long" if style == "day_month" else "full"])
    found = skeletons[match]
    text = found.pattern if isinstance(found, DateTimePattern) else str(found)
    return parse_pattern(_widen(text))


def _cldr_format(value: date | time, language: _Language, style: str) -> str:
    # DateTimePattern.apply wants a naive datetime to be able to read both halves.
    if isinstance(value, time):
        moment = datetime.combine(date(2000, 1, 1), value)
    elif isinstance(value, datetime):
        moment = value.replace(tzinfo=None)
    else:
        moment = datetime.combine(value, time())
    return str(_cldr_pattern(language.code, style).apply(moment, language.locale))


# --- building blocks ---------------------------------------------------------------------


def _date(day: date, language: _Language, style: str) -> str:
    if style == "short":
        return day.isoformat()
    if language.rules == "other":
        return _cldr_format(day, language, style)
    month = language.months[day.month - 1]
    if style == "long":
        return f"{day.day} {month} {day.year}"
    if style == "day_month":
        return f"{day.day} {month}"
    name = language.weekdays[day.weekday()]
    den = " den" if language.rules == "sv" else ""
    if style == "full":
        return f"{name}{den} {day.day} {month} {day.year}"
    return f"{name}{den} {day.day} {month}"  # weekday_day_month


def _time(moment: time, language: _Language, running: bool = False) -> str:
    """``running``: in running text after "klockan", where Swedish drops ".00" on the hour."""
    hour, minute = moment.hour, moment.minute
    if language.rules == "sv":
        if running and minute == 0:
            return f"{hour}"
        return f"{hour}.{minute:02d}"
    if language.rules == "other":
        return _cldr_format(moment, language, "time")
    if minute == 0 and hour in (0, 12):
        return "midnight" if hour == 0 else "noon"
    suffix = "am" if hour < 12 else "pm"
    hour12 = hour % 12 or 12
    return f"{hour12}{suffix}" if minute == 0 else f"{hour12}.{minute:02d}{suffix}"


def _date_phrase(day: date, reference: date, language: _Language) -> str:
    """The day and month, with the year only when it is not the reference's year."""
    return _date(day, language, "day_month" if day.year == reference.year else "long")


# --- the filters ---------------------------------------------------------------------------


def format_date(value: date | datetime | None, lang: str, style: str = "long") -> str:
    """A date in press style.

    ========================  ===========================  ==========================
    style                     sv                           en
    ========================  ===========================  ==========================
    ``long`` (default)        25 september 2018            25 September 2018
    ``full``                  tisdag den 25 september 2018 Tuesday 25 September 2018
    ``weekday_day_month``     tisdag den 25 september      Tuesday 25 September
    ``day_month``             25 september                 25 September
    ``short``                 2018-09-25                   2018-09-25
    ========================  ===========================  ==========================

    Other languages use the locale's CLDR patterns; ``short`` is ISO 8601 everywhere. A
    ``datetime`` is formatted as its date. Raises ``ValueError`` naming the allowed styles for
    any other style.
    """
    language = _language(lang, "format_date")
    style = _check_style(style)
    if value is None:
        return ""
    return _date(_as_date(value, "format_date"), language, style)


def format_time(value: time | datetime | None, lang: str) -> str:
    """A time of day, 24-hour in Swedish and 12-hour in English; seconds are dropped.

    sv: "15.37", "8.05", "0.00" (Språkrådet: a period, no leading zero in the hour).
    en (Guardian style): "3.37pm", "8.05am", "3pm" on the hour, "noon" at 12.00 and
    "midnight" at 00.00, so "at {{ t | time }}" reads right in every case.
    Other languages: the locale's short CLDR time ("15:37").
    """
    language = _language(lang, "format_time")
    if value is None or not getattr(value, "has_time", True):
        return ""
    return _time(_as_time(value, "format_time"), language)


def format_datetime(value: datetime | None, lang: str) -> str:
    """A weekday, date and time for running text; the year is left out.

    sv: "tisdag den 25 september klockan 15.37"; en: "3.37pm on Tuesday 25 September".
    Other languages join their CLDR weekday-day-month and short time with the locale's own
    date-time pattern ("Dienstag, 25. September, 15:37").
    """
    language = _language(lang, "format_datetime")
    if value is None:
        return ""
    moment = _as_datetime(value, "format_datetime", " (use format_date for a date alone)")
    day = _date(moment.date(), language, "weekday_day_month")
    if not getattr(value, "has_time", True):
        return day
    clock = _time(moment.time(), language, running=True)
    if language.rules == "sv":
        return f"{day} klockan {clock}"
    if language.rules == "en":
        return f"{clock} on {day}"
    glue = str(language.locale.datetime_formats["full"]).replace("'", "")
    return glue.replace("{1}", day).replace("{0}", clock)


def weekday(value: date | datetime | None, lang: str) -> str:
    """The weekday's name as a noun: sv "tisdag" (lower case, as Swedish writes it), en
    "Tuesday", de "Dienstag"."""
    language = _language(lang, "weekday")
    if value is None:
        return ""
    return language.weekdays[_as_date(value, "weekday").weekday()]


def day_part(value: time | datetime | None, lang: str) -> str:
    """The part of the day as a noun, decided by the hour alone (see ``DAY_PART_STARTS``).

    sv: natt 00-05, morgon 05-09, förmiddag 09-12, eftermiddag 12-18, kväll 18-24.
    en (and every language but sv): night 00-05, morning 05-12, afternoon 12-18,
    evening 18-24.
    """
    language = _language(lang, "day_part")
    if value is None or not getattr(value, "has_time", True):
        return ""
    part = _PART_BY_HOUR[_as_time(value, "day_part").hour]
    return (SV_DAY_PARTS if language.rules == "sv" else EN_DAY_PARTS)[part]


def relative_day(value: date | datetime | None, reference: date, lang: str) -> str:
    """The day of ``value`` as an adverbial for running text, seen from the release date.

    ==================  =========================  ==========================
    days from reference sv                         en
    ==================  =========================  ==========================
    0                   i dag                      today
    -1 / +1             i går / i morgon           yesterday / tomorrow
    -6..-2              i fredags                  on Friday
    +2..+6              på fredag                  on Friday
    further             den 14 september           on 14 September
    ==================  =========================  ==========================

    Beyond a week the year is added when it differs from the reference's ("den 14 september
    2017", "on 14 September 2017"). Only the calendar dates count, never the time of day.
    """
    language = _language(lang, "relative_day")
    if value is None:
        return ""
    day = _as_date(value, "relative_day")
    ref = _as_reference(reference, "relative_day")
    days = (day - ref).days
    name = language.weekdays[day.weekday()]
    if language.rules == "sv":
        if days == 0:
            return "i dag"
        if days == -1:
            return "i går"
        if days == 1:
            return "i morgon"
        if -_WEEK <= days < 0:
            return f"i {name}s"
        if 0 < days <= _WEEK:
            return f"på {name}"
        return f"den {_date_phrase(day, ref, language)}"
    if days == 0:
        return "today"
    if days == -1:
        return "yesterday"
    if days == 1:
        return "tomorrow"
    if -_WEEK <= days <= _WEEK:
        return f"on {name}"
    return f"on {_date_phrase(day, ref, language)}"


def relative_moment(value: datetime | None, reference: date, lang: str) -> str:
    """The day and part of the day of ``value`` as one idiomatic adverbial, seen from the
    release date (the reference case: Friday 06.30 seen from Tuesday is "i fredags morse",
    "on Friday morning"). Parts of the day are those of ``day_part``.

    Swedish (the table shows morning; förmiddag, eftermiddag and kväll go like the middle
    column, with the definite form "på eftermiddagen" beyond a week)::

        days    morgon                       förmiddag / eftermiddag / kväll
        0       i dag på morgonen            i dag på förmiddagen, i dag på eftermiddagen, i kväll
        -1      i går morse                  i går förmiddag
        +1      i morgon bitti               i morgon förmiddag
        -6..-2  i fredags morse              i fredags förmiddag
        +2..+6  på fredag morgon             på fredag förmiddag
        further den 14 september på morgonen den 14 september på förmiddagen

    Today uses neutral forms that hold whether the release is sent before or after the
    moment. A night (00-05) is named after the day it leads to, "natten till ...": today
    "i natt", "natten till i går", "natten till i morgon", "natten till i fredags" (past),
    "natten till fredag" (future), "natten till den 14 september".

    English: "this morning", "yesterday afternoon", "tomorrow evening", "on Friday morning",
    beyond a week "on the morning of 14 September". A night is named, as English does, after
    the evening it begins on: 02.00 on the reference day is "last night", 02.00 the next day
    "tonight", then "tomorrow night", "on Friday night" (the night from Friday to Saturday,
    when that Friday is within a week), and otherwise "in the early hours of 15 September".

    Beyond a week the year is added when it differs from the reference's.
    """
    language = _language(lang, "relative_moment")
    if value is None:
        return ""
    if not getattr(value, "has_time", True):
        return relative_day(value, reference, lang)
    moment = _as_datetime(value, "relative_moment", " (use relative_day for a date alone)")
    ref = _as_reference(reference, "relative_moment")
    day = moment.date()
    days = (day - ref).days
    part = _PART_BY_HOUR[moment.hour]
    if language.rules == "sv":
        return _sv_moment(day, ref, days, part, language)
    return _en_moment(day, ref, days, part, language)


def _sv_moment(day: date, ref: date, days: int, part: str, language: _Language) -> str:
    name = language.weekdays[day.weekday()]
    if part == NIGHT:
        if days == 0:
            return "i natt"
        if days == -1:
            return "natten till i går"
        if days == 1:
            return "natten till i morgon"
        if -_WEEK <= days < 0:
            return f"natten till i {name}s"
        if 0 < days <= _WEEK:
            return f"natten till {name}"
        return f"natten till den {_date_phrase(day, ref, language)}"
    bare = SV_DAY_PARTS[part]
    if days == 0:
        return "i kväll" if part == EVENING else f"i dag på {_SV_DEFINITE[part]}"
    if days == -1:
        return "i går morse" if part == MORNING else f"i går {bare}"
    if days == 1:
        return "i morgon bitti" if part == MORNING else f"i morgon {bare}"
    if -_WEEK <= days < 0:
        return f"i {name}s morse" if part == MORNING else f"i {name}s {bare}"
    if 0 < days <= _WEEK:
        return f"på {name} {bare}"
    return f"den {_date_phrase(day, ref, language)} på {_SV_DEFINITE[part]}"


def _en_moment(day: date, ref: date, days: int, part: str, language: _Language) -> str:
    if part == NIGHT:
        evening = days - 1  # the night from that day's evening into `day`
        if evening == -1:
            return "last night"
        if evening == 0:
            return "tonight"
        if evening == 1:
            return "tomorrow night"
        if -_WEEK <= evening <= _WEEK:
            return f"on {language.weekdays[(day.weekday() - 1) % 7]} night"
        return f"in the early hours of {_date_phrase(day, ref, language)}"
    noun = EN_DAY_PARTS[part]
    if days == 0:
        return f"this {noun}"
    if days == -1:
        return f"yesterday {noun}"
    if days == 1:
        return f"tomorrow {noun}"
    if -_WEEK <= days <= _WEEK:
        return f"on {language.weekdays[day.weekday()]} {noun}"
    return f"on the {noun} of {_date_phrase(day, ref, language)}"


def clock(value: time | datetime | None, lang: str) -> str:
    """A time of day as running text says it: sv "klockan 9.05", "klockan 16"; en "at 9.05am",
    "at 4pm". Empty for a date without a time."""
    language = _language(lang, "clock")
    if value is None or not getattr(value, "has_time", True):
        return ""
    text = _time(_as_time(value, "clock"), language, running=True)
    return f"klockan {text}" if language.rules == "sv" else f"at {text}"


def format_number(value: int | float | Decimal | None, lang: str) -> str:
    """A number with the language's separators (Babel's ``format_decimal``).

    sv "1 234,5" (Babel's group separator for Swedish is a no-break space, U+00A0, which keeps
    a number on one line), en "1,234.5". Fractions are rounded to at most three decimals, as Babel's
    default pattern does. ``bool`` is refused: True is not a number in a release.
    """
    language = _language(lang, "format_number")
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise _wrong_type("format_number", "a number", value)
    from babel.numbers import format_decimal

    return format_decimal(value, locale=language.locale)
