"""The sandboxed Jinja2 environment per language: the filters a template author has, and the
``finalize`` that escapes typed text for Markdown, once, by type."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import jinja2

from editor.i18n import Message
from editor.model.contacts import Contact
from editor.model.fields import has_time, is_empty
from editor.model.language import is_swedish
from editor.render import blocks, filters
from editor.render.escape import MarkdownText, escape_markdown
from editor.render.sandbox import (
    MAX_WIDTH,
    Sandbox,
    TemplateLimitError,
    UndefinedValue,
    budgeted,
    check_printable,
)
from editor.render.values import Missing, join_names, value_text


def _missing_aware(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that hands a Missing value straight through, so a placeholder stays whole."""
    passes_first = getattr(function, "jinja_pass_arg", None) is not None

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        value = args[1] if passes_first and len(args) > 1 else args[0] if args else None
        if isinstance(value, Missing):
            return value
        return function(*args, **kwargs)

    return wrapper


def _capped_width(function: Callable[..., Any], name: str, index: int) -> Callable[..., Any]:
    """A Jinja filter whose width argument may not exceed MAX_WIDTH (memory, not taste)."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        width = kwargs.get(name, args[index] if len(args) > index else 0)
        if isinstance(width, int) and width > MAX_WIDTH:
            raise TemplateLimitError("template.limit_filter_width", filter=function.__name__)
        return function(*args, **kwargs)

    return wrapper


def _capfirst(value: Any) -> str:
    """Upper-case the first letter only: "i fredags" -> "I fredags", "on Friday" -> "On Friday".

    Jinja's own ``capitalize`` lower-cases the rest, which breaks names and weekdays.
    """
    text = str(value)
    return text[:1].upper() + text[1:]


def _lowerfirst(value: Any) -> str:
    """Lower-case the first letter only: "Pressekreterare" -> "pressekreterare"."""
    text = str(value)
    return text[:1].lower() + text[1:]


def _relative_time(value: datetime, reference: date, lang: str) -> str:
    """The short form for running text: sv "i dag klockan 12.00", "i fredags klockan 06.30";
    en "today at noon", "on Friday at 6.30am"; beyond a week the date stands for the day."""
    if not isinstance(value, datetime):
        raise TypeError(f"relative_time needs a date and time, not {type(value).__name__}")
    day = filters.relative_day(value, reference, lang)
    if not has_time(value):
        return day
    return f"{day} {filters.clock(value, lang)}"


def _relative_datetime(value: datetime, reference: date, lang: str) -> str:
    """A moment in running text: sv "i dag tisdag den 25 september klockan 15.37",
    en "today at 3.37pm"; further off, the full date ("at 3.37pm on Friday 21 September")."""
    if not isinstance(value, datetime):
        raise TypeError(f"relative_datetime needs a date and time, not {type(value).__name__}")
    near = abs((value.date() - reference).days) <= 1
    day = filters.relative_day(value, reference, lang)
    if not has_time(value):
        if is_swedish(lang):
            full = filters.format_datetime(value, lang)
            return f"{day} {full}" if near else f"{day}" if day.startswith("den ") else full
        return day
    if is_swedish(lang):
        full = filters.format_datetime(value, lang)
        return f"{day} {full}" if near else full
    if near:
        return f"{day} at {filters.format_time(value, lang)}"
    return f"at {filters.format_datetime(value, lang)}"


def _when(value: datetime, reference: date, lang: str, exact: Any = True) -> str:
    """A moment as the officer chose to show it: ``exact`` gives the clock time ("i fredags
    klockan 6.30", "at 6.30am on Friday"), otherwise the part of the day ("i fredags morse").
    A date without a time gives the day alone."""
    if not isinstance(value, datetime):
        raise TypeError(f"when needs a date and time, not {type(value).__name__}")
    if not has_time(value):
        return filters.relative_day(value, reference, lang)
    if exact and exact != "daypart":
        if is_swedish(lang):
            return _relative_time(value, reference, lang)
        day = filters.relative_day(value, reference, lang)
        return f"{filters.clock(value, lang)} {day}"
    return filters.relative_moment(value, reference, lang)


def _is_future(context: jinja2.runtime.Context, value: Any) -> bool:
    """``{% if ends_at is future %}``: after the moment of publication. A date alone is in
    the future when its day is after the publication day."""
    published = context.get("published_at")
    if not isinstance(published, datetime) or not isinstance(value, date):
        return False
    if not isinstance(value, datetime) or not has_time(value):
        day = value.date() if isinstance(value, datetime) else value
        return day > published.date()
    return value.replace(tzinfo=None) > published


def _is_past(context: jinja2.runtime.Context, value: Any) -> bool:
    """``{% if raised_at is past %}``: at or before the moment of publication."""
    if not isinstance(value, date) or not isinstance(context.get("published_at"), datetime):
        return False
    if isinstance(value, datetime) and has_time(value):
        return not _is_future(context, value)
    published: datetime = context["published_at"]
    day = value.date() if isinstance(value, datetime) else value
    return day < published.date() or (day == published.date() and not _is_future(context, value))


def _contact_block(value: Any, lang: str) -> Any:
    """Contacts as Markdown lines with hard breaks: name, title, unit, e-mail, phones."""
    if isinstance(value, Missing):
        return value
    contacts = [value] if isinstance(value, Contact) else list(value or [])
    blocks = []
    for contact in contacts:
        name = escape_markdown(contact.name)
        lines = [f"**{name}**" if name else ""]
        for part in (contact.title, contact.organisation, contact.unit):
            if part:
                lines.append(escape_markdown(part))
        if contact.email:
            lines.append(escape_markdown(contact.email))
        for phone in contact.phones:
            label = f"{escape_markdown(phone.label)}: " if phone.label else ""
            lines.append(label + escape_markdown(phone.number))
        blocks.append("\\\n".join(line for line in lines if line))
    return MarkdownText("\n\n".join(blocks))


@functools.cache
def environment(lang: str) -> jinja2.Environment:
    """One sandboxed environment per language; it caches compiled bodies."""

    def finalize(value: Any) -> Any:
        check_printable(value)
        if type(value) is str:
            return escape_markdown(value)
        if value is None:
            return ""
        if isinstance(value, MarkdownText | Missing):
            return value
        return escape_markdown(value_text(value, lang))

    env = Sandbox(
        finalize=finalize,
        undefined=UndefinedValue,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        cache_size=64,
    )

    def relative_to_release(function: Callable[[Any, date, str], str]) -> Callable[..., Any]:
        @jinja2.pass_context
        def filter_(context: jinja2.runtime.Context, value: Any) -> Any:
            if isinstance(value, Missing):
                return value
            reference = context.get("release_date")
            if not isinstance(reference, date):
                reference = date.today()
            return function(value, reference, lang)

        return filter_

    env.filters.update(
        {
            "date": _missing_aware(lambda v, style="long": filters.format_date(v, lang, style)),
            "time": _missing_aware(lambda v: filters.format_time(v, lang)),
            "datetime": _missing_aware(lambda v: filters.format_datetime(v, lang)),
            "weekday": _missing_aware(lambda v: filters.weekday(v, lang)),
            "daypart": _missing_aware(lambda v: filters.day_part(v, lang)),
            "number": _missing_aware(lambda v: filters.format_number(v, lang)),
            "relative_day": relative_to_release(filters.relative_day),
            "relative_moment": relative_to_release(filters.relative_moment),
            "relative_datetime": relative_to_release(_relative_datetime),
            "contact_block": lambda v: _contact_block(v, lang),
            "names": _missing_aware(lambda v: join_names(v, lang)),
            "relative_time": relative_to_release(_relative_time),
            "quotes": lambda v: blocks.quotes_block(v, lang),
            "contact_groups": functools.partial(_lang_last, blocks.contact_groups_block, lang),
            "advice": functools.partial(_lang_last, blocks.advice_block, lang),
            "next_update": relative_to_release(_next_update),
            "explainer": blocks.explainer,
            "when": _when_filter(lang),
            "clock": _missing_aware(lambda v: filters.clock(v, lang)),
            "lowerfirst": _lowerfirst,
            "capitalize": _capfirst,
            "center": _capped_width(env.filters["center"], "width", 1),
            "indent": _capped_width(env.filters["indent"], "width", 1),
            "capfirst": _capfirst,
        }
    )
    env.filters = {name: budgeted(_missing_aware(f)) for name, f in env.filters.items()}
    env.tests["future"] = jinja2.pass_context(_is_future)
    env.tests["past"] = jinja2.pass_context(_is_past)
    env.tests["missing"] = _is_missing
    env.tests["filled"] = lambda value: not _is_missing(value)
    return env


def _next_update(value: Any, reference: date, lang: str) -> MarkdownText:
    """ "Nästa besked lämnas i dag klockan 17." ; nothing when no time is promised."""
    if not isinstance(value, datetime):
        return MarkdownText("")
    sentence = blocks.next_update_sentence(_when(value, reference, lang), lang)
    return MarkdownText(escape_markdown(sentence))


def _lang_last(block: Callable[..., Any], lang: str, value: Any, heading: Any = None) -> Any:
    """A block filter with an optional heading: ``{{ advice|advice('Råd') }}``."""
    return block(value, lang, heading if isinstance(heading, str) else None)


def _when_filter(lang: str) -> Callable[..., Any]:
    @jinja2.pass_context
    def filter_(context: jinja2.runtime.Context, value: Any, exact: Any = True) -> Any:
        if isinstance(value, Missing) or value is None:
            return value if value is not None else ""
        reference = context.get("release_date")
        if not isinstance(reference, date):
            reference = date.today()
        return _when(value, reference, lang, exact)

    return filter_


def _is_missing(value: Any) -> bool:
    """``{% if x is missing %}``: an empty field, required (placeholder) or optional."""
    return isinstance(value, Missing) or is_empty(value) or value is False


FILTER_HELP: dict[str, str | Message] = {  # an example speaks both languages; words are messages
    "date": "date('long'|'full'|'weekday_day_month'|'day_month'|'short'): 25 september 2018",
    "time": "time: 15.37 / 3.37pm",
    "datetime": "datetime: tisdag den 25 september klockan 15.37",
    "weekday": "weekday: tisdag / Tuesday",
    "daypart": "daypart: morgon, förmiddag... / morning, afternoon...",
    "relative_day": "relative_day: i dag, i går, i fredags, på fredag / today, on Friday",
    "relative_moment": "relative_moment: i fredags morse / on Friday morning",
    "relative_datetime": "relative_datetime: i dag tisdag den 25 september klockan 15.37",
    "relative_time": "relative_time: i dag klockan 12 / today at noon",
    "when": "when(exact): i fredags klockan 6.30 / i fredags morse; at 6.30am on Friday",
    "clock": "clock: klockan 9.05, klockan 16 / at 9.05am, at 4pm",
    "capitalize": Message("filter_help.capitalize"),
    "lowerfirst": Message("filter_help.lowerfirst"),
    "number": "number: 1 234,5 / 1,234.5",
    "contact_block": Message("filter_help.contact_block"),
    "names": "names: Anna Exempel och Per Prov",
    "quotes": "quotes: – Vi har läget under kontroll, säger Anna Exempel, regiondirektör.",
    "contact_groups": "contact_groups('Kontakt'): **Mer information** … **Presskontakt** …",
    "advice": Message("filter_help.advice"),
    "next_update": "next_update: Nästa besked lämnas i dag klockan 17.",
    "explainer": Message("filter_help.explainer"),
}


def filter_help(lang: str | None = None) -> dict[str, str]:
    """Each filter a template author has, with its example or description in ``lang``
    (default: the UI language), for the template editor's list."""
    return {
        name: help_text.text(lang) if isinstance(help_text, Message) else help_text
        for name, help_text in FILTER_HELP.items()
    }
