"""Pre-flight checks: what a press secretary should look at before a release leaves the building.

``run_checks`` takes the template, the values as typed and the rendered document and returns
plain ``Finding`` s, errors first. It never raises for what it finds and never touches Qt, so the
GUI can run it on every preview update and the CLI's ``check`` command prints the same list.

Severities: an *error* is something wrong in the text (an empty required field, a placeholder,
an end before its start, an e-mail address that is not one); exporting with errors should ask
for confirmation. A *warning* is worth a look (length, old dates, a passed embargo). *Info* is
for the record (readability).

The rules and their thresholds:

* headline over ``HEADLINE_CHARS`` characters; lead (the ``lead``/``ingress`` field, else the
  first paragraph after the headline) over ``LEAD_WORDS`` words or ``LEAD_SENTENCES`` sentences;
* the whole release over ``BODY_WORDS`` words: about one A4 page in 11-point type with the
  headline, the label and a contact block;
* readability (see ``editor.render.readability``) as info, each sentence over
  ``SENTENCE_WORDS`` words as a warning (the longest first, at most ``MAX_SENTENCE_FINDINGS``),
  else the longest sentence as info;
* an end before its start: fields that follow each other in time, by key. The chains in
  ``TIME_CHAINS`` (``raised_at`` -> ``lowered_at`` -> ``ended_at``, ``starts_at`` -> ``ends_at``,
  ...), and any pair ``X_start``/``X_end``, ``X_starts_at``/``X_ends_at``,
  ``X_started_at``/``X_ended_at``, ``X_from``/``X_until``, ``start_X``/``end_X``. A value may
  equal the one before it; empty fields are skipped, so ``raised_at`` is compared with
  ``ended_at`` when ``lowered_at`` is empty;
* a timeline whose rows, as typed, are not in time order (the release prints them sorted);
* a date or date-time field that the body passes to a relative filter (``relative_day``,
  ``relative_moment``, ``relative_time``, ``relative_datetime``: any ``relative_*``) lying more
  than 6 days from the release date: the text then names the date, not "i fredags", which may
  be a typo in the date;
* a release date before today, an embargo at or before now, or more than a month from the
  release date;
* a contact with neither phone nor e-mail; an e-mail address (in a contact, or in a text
  field whose key is ``email`` or ends in ``_email``) that ``is_email_address`` refuses;
* spelling (``editor.render.spelling_checks``): words the dictionary of the template's language
  does not know (when ``spelling`` gives a loaded speller), a word twice, a stray "i" before
  "i dag".
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, Literal

import jinja2
from jinja2 import nodes

from editor.errors import PressklarError
from editor.i18n import text
from editor.model.contacts import Contact
from editor.model.email_address import is_email_address
from editor.model.fields import FieldType, TimelineRow, is_empty
from editor.model.incident import PROMISED_UPDATE, promised_update
from editor.model.language import message_language
from editor.model.levels import LevelSetRegistry
from editor.model.release import Release
from editor.model.template import Template
from editor.render import filters, readability
from editor.render.document import (
    EMBARGO_FIELD,
    RenderedDocument,
)
from editor.render.embargo import FAR_EMBARGO_DAYS
from editor.render.engine import environment, render_document, value_text
from editor.render.plain import inline_text, inline_tokens
from editor.render.spelling_checks import SpellerSource, spelling_findings
from editor.render.statistics import count_words, text_statistics

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}

HEADLINE_CHARS = 70
LEAD_WORDS = 35
LEAD_SENTENCES = 3
BODY_WORDS = 500
SENTENCE_WORDS = 30
MAX_SENTENCE_FINDINGS = 5
RELATIVE_DAYS = 6  # as editor.render.filters: "within a week" is at most 6 days away
RELATIVE_FILTER_PREFIX = "relative_"  # relative_day, relative_moment, relative_time, ...
LEAD_KEYS = ("lead", "ingress")
HEADLINE_KEYS = ("headline", "title", "rubrik")

TIME_CHAINS: tuple[tuple[str, ...], ...] = (
    ("raised_at", "lowered_at", "ended_at"),
    ("starts_at", "ends_at"),
    ("started_at", "ended_at"),
    ("start", "end"),
)
_SUFFIX_PAIRS = (
    ("_start", "_end"),
    ("_starts_at", "_ends_at"),
    ("_started_at", "_ended_at"),
    ("_from", "_until"),
)
_PREFIX_PAIRS = (("start_", "end_"),)

_PLACEHOLDER_TEXT = re.compile(
    r"\b(?:XX+|NN|TODO|TBD|TBC|FIXME)\b|\?{3,}|\[(?:\.\.\.|…|xx+|XX+|nn|NN)?\]"
)


@dataclass(frozen=True)
class Finding:
    severity: Severity
    code: str  # the message is "check.<code>" in editor.i18n
    message: str  # in the UI language
    field: str | None = None  # the field key it concerns; EMBARGO_FIELD for the embargo

    def to_dict(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "field": self.field,
        }


def message(code: str, lang: str, **params: Any) -> str:
    """A finding's text in the UI language, from the one catalog of messages."""
    return text(f"check.{code}", message_language(lang), **params)


def has_errors(findings: Sequence[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


def _excerpt(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _describe(value: Any, lang: str) -> str:
    return value_text(value, message_language(lang))


class _Checker:
    def __init__(
        self,
        template: Template,
        values: Mapping[str, Any],
        doc: RenderedDocument,
        lang: str,
        now: datetime,
        embargo: datetime | None,
        levels: LevelSetRegistry | None = None,
        spelling: SpellerSource | None = None,
    ) -> None:
        self.spelling = spelling
        self.template = template
        self.levels = levels
        self.values = values
        self.doc = doc
        self.lang = lang
        self.now = now
        self.embargo = embargo
        self.findings: list[Finding] = []
        self.labels = {f.key: f.label for f in template.fields}

    def add(self, severity: Severity, code: str, field: str | None = None, **params: Any) -> None:
        self.findings.append(Finding(severity, code, message(code, self.lang, **params), field))

    def run(self) -> list[Finding]:
        empty = self.required()
        self.placeholders(empty)
        self.headline()
        self.lead()
        self.length_and_readability()
        self.time_order()
        self.timelines()
        self.relative_days()
        self.dates_passed()
        self.future_moments()
        self.contacts()
        self.short_forms()
        for severity, code, key, params in spelling_findings(
            self.template, self.values, self.spelling
        ):
            self.add(severity, code, key, **params)
        return sorted(self.findings, key=lambda f: SEVERITY_ORDER[f.severity])

    def required(self) -> set[str]:
        empty = set()
        for field_def in self.template.fields:
            if field_def.required and is_empty(self.values.get(field_def.key)):
                empty.add(field_def.key)
                self.add("error", "required_empty", field_def.key, label=field_def.label)
        return empty

    def _inline_tokens(self) -> Iterator[Any]:
        for token in self.doc.tokens:
            if token.type == "inline":
                yield from token.children or []

    def _field_with_text(self, text: str) -> str | None:
        for field_def in self.template.fields:
            value = self.values.get(field_def.key)
            if isinstance(value, str) and text in value:
                return field_def.key
        return None

    def placeholders(self, already: set[str]) -> None:
        by_label = {f.label: f.key for f in reversed(self.template.fields)}
        seen: set[str] = set()
        for token in self._inline_tokens():
            if token.type == "placeholder":
                key = by_label.get(token.content)
                if key in already or token.content in seen:
                    continue
                seen.add(token.content)
                self.add("error", "placeholder", key, label=token.content)
            elif token.type == "text":
                for match in _PLACEHOLDER_TEXT.finditer(token.content):
                    text = match.group()
                    if text not in seen:
                        seen.add(text)
                        self.add(
                            "error", "placeholder_text", self._field_with_text(text), text=text
                        )

    def headline(self) -> None:
        title = self.doc.title
        if len(title) <= HEADLINE_CHARS:
            return
        key = next((f.key for f in self.template.fields if self.values.get(f.key) == title), None)
        if key is None:
            key = next((k for k in HEADLINE_KEYS if k in self.labels), None)
        self.add("warning", "headline_long", key, length=len(title), limit=HEADLINE_CHARS)

    def _lead(self) -> tuple[str, str | None]:
        for key in LEAD_KEYS:
            value = self.values.get(key)
            if key in self.labels and isinstance(value, str) and value.strip():
                return value, key
        seen_headline = False
        for node in self.doc.tree.children:
            if node.type == "heading" and node.tag == "h1":
                seen_headline = True
            elif seen_headline and node.type == "paragraph":
                return inline_text(inline_tokens(node)), None
        return "", None

    def lead(self) -> None:
        text, key = self._lead()
        words = count_words(text)
        if words > LEAD_WORDS:
            self.add("warning", "lead_words", key, words=words, limit=LEAD_WORDS)
        sentences = len(readability.split_sentences(" ".join(text.split())))
        if sentences > LEAD_SENTENCES:
            self.add("warning", "lead_sentences", key, sentences=sentences, limit=LEAD_SENTENCES)

    def length_and_readability(self) -> None:
        total = text_statistics(self.doc).words
        if total > BODY_WORDS:
            self.add("warning", "body_long", None, words=total, limit=BODY_WORDS)
        sentences = readability.prose_sentences(self.doc)
        result = readability.measure(sentences, self.template.language)
        if result is not None:
            score = filters.format_number(result.score, message_language(self.lang))
            band = readability.band_label(result.band, self.lang)
            self.add("info", f"readability_{result.method}", None, score=score, band=band)
        longest = readability.longest_sentences(sentences, len(sentences))
        long_ones = [s for s in longest if s.words > SENTENCE_WORDS][:MAX_SENTENCE_FINDINGS]
        for sentence in long_ones:
            excerpt = _excerpt(sentence.text)
            self.add("warning", "long_sentence", None, words=sentence.words, excerpt=excerpt)
        if longest and not long_ones:
            top = longest[0]
            self.add("info", "longest_sentence", None, words=top.words, excerpt=_excerpt(top.text))

    def _chains(self) -> list[tuple[str, ...]]:
        keys = list(self.labels)
        chains = [tuple(k for k in chain if k in self.labels) for chain in TIME_CHAINS]
        for key in keys:
            for start, end in _SUFFIX_PAIRS:
                if key.endswith(start) and key[: -len(start)] + end in self.labels:
                    chains.append((key, key[: -len(start)] + end))
            for start, end in _PREFIX_PAIRS:
                if key.startswith(start) and end + key[len(start) :] in self.labels:
                    chains.append((key, end + key[len(start) :]))
        return [chain for chain in chains if len(chain) > 1]

    def time_order(self) -> None:
        reported: set[tuple[str, str]] = set()
        for chain in self._chains():
            previous: str | None = None
            for key in chain:
                if is_empty(self.values.get(key)):
                    continue
                if previous is not None and (previous, key) not in reported:
                    before, after = self.values[previous], self.values[key]
                    if _is_before(after, before):
                        reported.add((previous, key))
                        self.add(
                            "error",
                            "end_before_start",
                            key,
                            end=self.labels[key],
                            end_value=_describe(after, self.lang),
                            start=self.labels[previous],
                            start_value=_describe(before, self.lang),
                        )
                previous = key

    def timelines(self) -> None:
        for field_def in self.template.fields:
            rows = self.values.get(field_def.key)
            if field_def.type != FieldType.TIMELINE or not isinstance(rows, list):
                continue
            for number, (above, row) in enumerate(itertools.pairwise(rows), start=2):
                if not isinstance(row, TimelineRow) or not isinstance(above, TimelineRow):
                    continue
                if row.sort_key() < above.sort_key():
                    self.add(
                        "warning",
                        "timeline_order",
                        field_def.key,
                        label=field_def.label,
                        row=number,
                        at=_describe(row.at, self.lang),
                        previous=_describe(above.at, self.lang),
                    )
                    break

    def _release_date(self) -> date:
        value = self.values.get("release_date")
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        return self.now.date()

    def _lasted_until_near(self, key: str, reference: date) -> bool:
        """True when a later moment of ``key``'s chain (raised_at -> ended_at) lies within a
        week of the release date: the state really lasted that long, the old date is right."""
        for chain in self._chains():
            if key not in chain:
                continue
            for later in chain[chain.index(key) + 1 :]:
                value = self.values.get(later)
                if isinstance(value, date):
                    day = value.date() if isinstance(value, datetime) else value
                    if abs((day - reference).days) <= RELATIVE_DAYS:
                        return True
        return False

    def relative_days(self) -> None:
        reference = self._release_date()
        for key in sorted(relative_fields(self.template)):
            value = self.values.get(key)
            if not isinstance(value, date) or key not in self.labels:
                continue
            if self._lasted_until_near(key, reference):
                continue
            day = value.date() if isinstance(value, datetime) else value
            days = abs((day - reference).days)
            if days > RELATIVE_DAYS:
                phrase = filters.relative_day(day, reference, self.template.language)
                self.add(
                    "warning",
                    "relative_day_far",
                    key,
                    label=self.labels[key],
                    days=days,
                    phrase=phrase,
                )

    def dates_passed(self) -> None:
        value = self.values.get("release_date")
        if "release_date" in self.labels and isinstance(value, date):
            day = value.date() if isinstance(value, datetime) else value
            if day < self.now.date():
                self.add(
                    "warning", "release_date_past", "release_date", date=_describe(day, self.lang)
                )
        if self.embargo is not None and not _is_before(self.now, self.embargo):
            moment = _describe(self.embargo, self.lang)
            self.add("warning", "embargo_passed", EMBARGO_FIELD, moment=moment)
        self.embargo_far()

    def embargo_far(self) -> None:
        """An embargo weeks or years from the release's own date is most likely a slip (a
        wrong year, a month typed for a day)."""
        if self.embargo is None:
            return
        release_day = self._release_date()
        days = abs((self.embargo.replace(tzinfo=None).date() - release_day).days)
        if days > FAR_EMBARGO_DAYS:
            self.add(
                "warning",
                "embargo_far",
                EMBARGO_FIELD,
                moment=_describe(self.embargo, self.lang),
                date=_describe(release_day, self.lang),
                days=days,
            )

    def future_moments(self) -> None:
        """A moment the body tests ``is future`` that is after the publication moment but
        already past now: the text says "goes up at 16" about something that has happened."""
        from editor.render.context import publication_moment, publication_time

        published = publication_moment(
            self._release_date(), publication_time(self.values), self.now
        )
        for key in sorted(_tested_keys(self.template.language, self.template.body)):
            value = self.values.get(key)
            if not isinstance(value, datetime) or key not in self.labels:
                continue
            moment = value.replace(tzinfo=None)
            if published < moment <= self.now.replace(tzinfo=None):
                label = self.labels[key]
                self.add(
                    "warning", "moment_passed", key, label=label, moment=_describe(value, self.lang)
                )

    def contacts(self) -> None:
        for field_def in self.template.fields:
            value = self.values.get(field_def.key)
            label = field_def.label
            if field_def.type == FieldType.CONTACT and isinstance(value, list):
                for contact in value:
                    if isinstance(contact, Contact):
                        self._contact(contact, field_def.key, label)
            elif (
                field_def.type == FieldType.TEXT
                and (field_def.key == "email" or field_def.key.endswith("_email"))
                and isinstance(value, str)
                and value.strip()
                and not is_email_address(value)
            ):
                self.add("error", "email_invalid", field_def.key, address=value, label=label)

    def _contact(self, contact: Contact, key: str, label: str) -> None:
        name = contact.name or label
        phones = [p for p in contact.phones if any(c.isdigit() for c in p.number)]
        if not contact.email.strip() and not phones:
            self.add("warning", "contact_unreachable", key, name=name, label=label)
        if contact.email.strip() and not is_email_address(contact.email):
            self.add("error", "email_invalid", key, address=contact.email, label=name)

    def short_forms(self) -> None:
        """An SMS that needs more than one message, a social post over its limit."""
        from editor.render.short import short_versions

        try:
            versions = short_versions(
                self.template, self.values, levels=self.levels, today=self._release_date()
            )
        except PressklarError:
            return  # a short form that does not render is the template editor's finding
        sms = versions.get("sms")
        if sms is not None and sms.parts > 1:
            self.add("warning", "sms_parts", None, parts=sms.parts, length=sms.length)
        social = versions.get("social")
        if social is not None and social.over:
            self.add("warning", "social_too_long", None, length=social.length, limit=social.limit)


def _is_before(later: Any, earlier: Any) -> bool:
    """True when ``later`` is strictly before ``earlier``; False when they cannot be compared.

    Two aware date-times compare as instants; otherwise as wall-clock readings.
    """
    if isinstance(later, datetime) and isinstance(earlier, datetime):
        if later.tzinfo is not None and earlier.tzinfo is not None:
            return later < earlier
        return later.replace(tzinfo=None) < earlier.replace(tzinfo=None)
    if isinstance(later, date) and isinstance(earlier, date):
        first = later.date() if isinstance(later, datetime) else later
        second = earlier.date() if isinstance(earlier, datetime) else earlier
        return first < second
    if isinstance(later, time) and isinstance(earlier, time):
        return later.replace(tzinfo=None) < earlier.replace(tzinfo=None)
    return False


def relative_fields(template: Template) -> set[str]:
    """The field keys the body passes to a ``relative_*`` filter (``{{ raised_at|relative_day }}``,
    also through attributes and further filters). A body that does not parse gives none."""
    return set(_relative_keys(template.language, template.body))


@functools.lru_cache(maxsize=32)
def _relative_keys(language: str, body: str) -> frozenset[str]:
    """Parsed once per body: the checks run after every coalesced preview update."""
    try:
        tree = environment(language).parse(body)
    except jinja2.TemplateSyntaxError:
        return frozenset()
    keys: set[str] = set()
    for node in tree.find_all(nodes.Filter):
        if not node.name.startswith(RELATIVE_FILTER_PREFIX):
            continue
        target: Any = node.node
        while isinstance(target, nodes.Getattr | nodes.Getitem | nodes.Filter):
            target = target.node
        if isinstance(target, nodes.Name):
            keys.add(target.name)
    return frozenset(keys)


@functools.lru_cache(maxsize=32)
def _tested_keys(language: str, body: str) -> frozenset[str]:
    """The field keys the body tests with ``is future`` or ``is past``."""
    try:
        tree = environment(language).parse(body)
    except jinja2.TemplateSyntaxError:
        return frozenset()
    return frozenset(
        node.node.name
        for node in tree.find_all(nodes.Test)
        if node.name in ("future", "past") and isinstance(node.node, nodes.Name)
    )


def run_checks(
    template: Template,
    values: Mapping[str, Any],
    doc: RenderedDocument,
    lang: str = "en",
    now: datetime | None = None,
    *,
    embargo: datetime | None = None,
    levels: LevelSetRegistry | None = None,
    spelling: SpellerSource | None = None,
) -> list[Finding]:
    """Every finding for a release, errors first, messages in ``lang`` (the UI language).

    ``values`` are the field values as typed (a timeline in the order of its rows); ``doc`` is
    what ``render_document`` made of them; ``now`` defaults to the clock (tests pass their own).
    ``spelling`` gives the speller of a language (None: no unknown-word check).
    """
    checker = _Checker(
        template, values, doc, lang, now or datetime.now(), embargo, levels, spelling
    )
    return checker.run()


def check_release(
    release: Release,
    lang: str = "en",
    now: datetime | None = None,
    *,
    doc: RenderedDocument | None = None,
    levels: LevelSetRegistry | None = None,
    organisation: str = "",
    spelling: SpellerSource | None = None,
) -> list[Finding]:
    """``run_checks`` for a release, rendering it first unless ``doc`` is given.

    Raises TemplateError when the release's template cannot be rendered at all.
    """
    if doc is None:
        today = (now or datetime.now()).date()
        doc = render_document(
            release.template,
            release.values,
            levels,
            today,
            organisation=organisation,
            embargo=release.embargo,
        )
    findings = run_checks(
        release.template,
        release.values,
        doc,
        lang,
        now,
        embargo=release.embargo,
        levels=levels,
        spelling=spelling,
    )
    promised = promised_update(release.values)
    if promised is not None and promised < (now or datetime.now()):
        clock = value_text(promised, message_language(lang))
        passed = Finding(
            "warning",
            "next_update_passed",
            message("next_update_passed", lang, when=clock),
            PROMISED_UPDATE,
        )
        findings = [*findings, passed]
    from editor.render.copy_checks import copy_notes

    for severity, code, key, params in copy_notes(release):
        findings.append(Finding(severity, code, message(code, lang, **params), key))
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])
