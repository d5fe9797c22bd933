"""Short versions of a release: an SMS and a social-media post, from the same values.

A template may have a ``[short]`` table with an ``sms`` and a ``social`` body, in Jinja2 like
the main body, seeing the same variables and filters. Their output is plain text, not Markdown,
so they render in a *plain* environment: an overlay of the engine's sandboxed environment for
the language (same sandbox, same filters, same limits) whose ``finalize`` formats values as text
without Markdown escaping, and whose ``contact_block`` gives one line ("Anna Exempel, presschef,
070-123 45 67"). Escaping and then unescaping would be lossy (a typed backslash is ambiguous),
so nothing is escaped in the first place. A paragraph field, which is Markdown, comes out as its
text without the marks. An empty required value shows as ``[Label]`` and is listed in
``ShortText.placeholders``.

Whitespace: an SMS is one line (every run of whitespace becomes one space); a post keeps its
paragraphs (a blank line in the output stays a paragraph break, other whitespace runs become
one space).

Counting, honestly:

* SMS: GSM 03.38. A text using only the GSM-7 basic set (which has å ä ö Å Ä Ö é É ü Ü ...)
  counts one per character, the extension table (``€ [ ] { } ^ ~ \\ |`` and form feed) two;
  one SMS holds 160, a concatenated one 153 per part, and an escape pair is never split across
  parts. Any other character (”, –, emoji, ç ...) makes the whole message UCS-2: UTF-16 code
  units are counted (an emoji outside the BMP counts 2), 70 in one SMS, 67 per part, a
  surrogate pair never split. ``render_short`` by default replaces typographic punctuation
  that has a GSM-7 twin (” “ ’ – — … and no-break spaces, which Swedish number formatting
  uses) before counting, since one curly quote would otherwise cut the limit from 160 to 70.
* Social: 280 characters counted as code points, except that each ``http(s)://`` link counts
  23, as X (Twitter) and Mastodon count links.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import jinja2

from editor.model.contacts import Contact
from editor.model.fields import PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN
from editor.model.levels import LevelSetRegistry
from editor.model.template import Template
from editor.render.compiling import compile_checked, template_error, template_line
from editor.render.context import build_context
from editor.render.environment import environment
from editor.render.escape import MarkdownText
from editor.render.markdown import parse
from editor.render.marks import exercise_prefix
from editor.render.plain import inline_text
from editor.render.sandbox import bounded_render, check_printable
from editor.render.values import Missing, value_text

CHANNELS = ("sms", "social")

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")
SMS_SINGLE = {"gsm7": 160, "ucs2": 70}
SMS_PART = {"gsm7": 153, "ucs2": 67}
SOCIAL_LIMIT = 280
SOCIAL_URL_LENGTH = 23

GSM_SUBSTITUTES = str.maketrans(
    {
        "\u00a0": " ",  # no-break space (Swedish thousands separator)
        "\u202f": " ",  # narrow no-break space
        "\u2009": " ",  # thin space
        "\u2007": " ",  # figure space
        "\u00ad": "",  # soft hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2010": "-",
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2212": "-",  # minus sign
        "\u201d": '"',  # ” (Swedish quotes open and close with it)
        "\u201c": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2019": "'",
        "\u2018": "'",
        "\u2026": "...",
    }
)
_URL = re.compile(r"https?://[^\s]+?(?=[.,;:!?)\]\"'”’]*(?:\s|$))")
_PLACEHOLDER = re.compile(f"{PLACEHOLDER_OPEN}([^{PLACEHOLDER_CLOSE}]*){PLACEHOLDER_CLOSE}")


@dataclass(frozen=True)
class ShortText:
    text: str
    length: int  # SMS: septets (gsm7) or UTF-16 units (ucs2); social: weighted characters
    limit: int  # what one SMS / one post holds
    encoding: str  # "gsm7", "ucs2" or, for social, "unicode"
    parts: int  # SMS messages needed (0 for an empty text); 1 or 0 for social
    over: bool  # length > limit: an SMS that needs more than one message, a post too long
    placeholders: tuple[str, ...] = ()  # labels of empty required fields shown as [Label]


def sms_encoding(text: str) -> str:
    """ "gsm7" when every character is in the GSM-7 basic or extension table, else "ucs2"."""
    return "gsm7" if all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in text) else "ucs2"


def _units(text: str, encoding: str) -> list[int]:
    """What each character costs: septets for GSM-7, UTF-16 code units for UCS-2."""
    if encoding == "gsm7":
        return [2 if c in GSM7_EXTENSION else 1 for c in text]
    return [2 if ord(c) > 0xFFFF else 1 for c in text]


def _parts(units: Iterable[int], single: int, per_part: int) -> int:
    costs = list(units)
    total = sum(costs)
    if total == 0:
        return 0
    if total <= single:
        return 1
    parts, used = 1, 0
    for cost in costs:  # a character (escape pair, surrogate pair) never straddles two parts
        if used + cost > per_part:
            parts, used = parts + 1, 0
        used += cost
    return parts


def measure_sms(text: str, placeholders: tuple[str, ...] = ()) -> ShortText:
    encoding = sms_encoding(text)
    units = _units(text, encoding)
    length = sum(units)
    limit = SMS_SINGLE[encoding]
    parts = _parts(units, limit, SMS_PART[encoding])
    return ShortText(text, length, limit, encoding, parts, length > limit, placeholders)


def social_length(text: str) -> int:
    """Code points, each http(s) link counting ``SOCIAL_URL_LENGTH``."""
    links = _URL.findall(text)
    return len(_URL.sub("", text)) + SOCIAL_URL_LENGTH * len(links)


def measure_social(text: str, placeholders: tuple[str, ...] = ()) -> ShortText:
    length = social_length(text)
    over = length > SOCIAL_LIMIT
    return ShortText(text, length, SOCIAL_LIMIT, "unicode", 1 if text else 0, over, placeholders)


def gsm_friendly(text: str) -> str:
    """Typographic punctuation replaced by its GSM-7 twin (” -> ", – -> -, … -> ...)."""
    return text.translate(GSM_SUBSTITUTES)


def markdown_to_plain(text: str) -> str:
    """A Markdown value's words without the marks, on one line: for a paragraph field."""
    marked = PLACEHOLDER_OPEN + "{}" + PLACEHOLDER_CLOSE  # the short form's finalize shows it
    blocks = [
        inline_text(token.children, placeholder=marked)
        for token in parse(text)
        if token.type == "inline"
    ]
    return " ".join(block for block in blocks if block)


def _contact_line(value: Any, lang: str) -> Any:
    if isinstance(value, Missing):
        return value
    contacts = [value] if isinstance(value, Contact) else list(value or [])
    lines = []
    for contact in contacts:
        parts = [contact.name, contact.title, contact.email, *(p.number for p in contact.phones)]
        lines.append(", ".join(part for part in parts if part))
    return "; ".join(lines)


@functools.cache
def plain_environment(lang: str) -> jinja2.Environment:
    """The engine's sandboxed environment for ``lang``, printing plain text."""

    def finalize(value: Any) -> Any:
        check_printable(value)
        if value is None:
            return ""
        if isinstance(value, Missing):
            return str(value)
        if isinstance(value, MarkdownText):
            return markdown_to_plain(value)
        return value_text(value, lang)

    base = environment(lang)
    env = base.overlay(finalize=finalize, cache_size=0)
    env.filters = {**base.filters, "contact_block": lambda value: _contact_line(value, lang)}
    return env


def _filename(channel: str) -> str:
    return f"<short.{channel}>"


def _tidy(text: str, channel: str) -> str:
    if channel == "sms":
        return " ".join(text.split())
    paragraphs = re.split(r"\n[ \t]*\n", text.strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def render_short(
    template: Template,
    values: Mapping[str, Any],
    channel: str,
    *,
    levels: LevelSetRegistry | None = None,
    today: date | None = None,
    gsm_safe: bool = True,
    exercise: bool = False,
) -> ShortText | None:
    """The template's short version for ``channel`` ("sms" or "social"), measured; None when
    the template has none. Raises TemplateError (naming ``short.sms`` and the line) for a body
    that does not render. ``gsm_safe`` (SMS only) swaps typographic punctuation for GSM-7."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown short channel {channel!r}; use one of {', '.join(CHANNELS)}")
    body = template.short.get(channel, "")
    if not body.strip():
        return None
    where = f"short.{channel}"
    env = plain_environment(template.language)
    compiled = compile_checked(env, body, _filename(channel), source=template.path, where=where)
    context = build_context(template, dict(values), levels, today)
    try:
        raw = bounded_render(compiled, context.variables)  # a budget of its own
    except Exception as error:  # a template may raise anything; report it with its line
        line = template_line(sys.exc_info()[2], _filename(channel))
        raise template_error(error, line, template.path, where) from None
    labels = tuple(dict.fromkeys(_PLACEHOLDER.findall(raw)))
    text = _tidy(_PLACEHOLDER.sub(lambda m: f"[{m.group(1)}]", raw), channel)
    if exercise:
        text = exercise_prefix(text, template.language)
    if channel == "sms":
        return measure_sms(gsm_friendly(text) if gsm_safe else text, labels)
    return measure_social(text, labels)


def short_versions(
    template: Template,
    values: Mapping[str, Any],
    *,
    levels: LevelSetRegistry | None = None,
    today: date | None = None,
    exercise: bool = False,
) -> dict[str, ShortText]:
    """Every short version the template has, by channel (for the Channels tab)."""
    versions = {}
    for channel in CHANNELS:
        result = render_short(
            template, values, channel, levels=levels, today=today, exercise=exercise
        )
        if result is not None:
            versions[channel] = result
    return versions
