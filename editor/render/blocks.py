"""Building blocks real releases share, one filter each for a template author:

* ``{{ quotes|quotes }}``: each quote in the language's press convention. Swedish sets the quote
  off with a dash and ends it "säger Namn, titel"; English puts it in curly quotes, "said Name,
  title".
* ``{{ contacts|contact_groups }}``: contacts under their group headings ("Mer information",
  "Presskontakt"); contacts without a group stand under ``heading``.
* ``{{ advice|advice }}``: advice to the public as a short list under "Vad ska jag göra?" /
  "What you should do".
* ``{{ next_update_at|next_update }}``: the next update promised, "Nästa besked lämnas i dag
  klockan 17."; a date alone gives the day.
* ``{{ level|explainer(own_text, show) }}``: the level set's explanation, the officer's own
  wording, or nothing.

Every block is empty when its value is, so an optional block leaves no heading behind.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from editor.model.contacts import Contact
from editor.model.language import is_swedish
from editor.model.levels import Level
from editor.model.quotes import Quote
from editor.render.escape import MarkdownText, escape_markdown

ADVICE_HEADING = {"sv": "Vad ska jag göra?", "en": "What you should do"}
CONTACT_HEADING = {"sv": "Kontakt", "en": "Contact"}
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")


def _lang_key(lang: str) -> str:
    return "sv" if is_swedish(lang) else "en"


def quote_sentence(quote: Quote, lang: str) -> str:
    """One quote as plain text in the press convention of ``lang`` (no escaping)."""
    text = " ".join(quote.text.split())
    speaker = ", ".join(part for part in (quote.name, quote.title) if part)
    if is_swedish(lang):
        if not speaker:
            return f"– {text}"
        title = quote.title[:1].lower() + quote.title[1:]
        who = ", ".join(part for part in (quote.name, title) if part)
        if text.endswith(("?", "!")):
            return f"– {text} säger {who}."
        return f"– {text.rstrip('.').rstrip()}, säger {who}."
    if not speaker:
        return f"“{text}”"
    if text.endswith(("?", "!")):
        return f"“{text}” said {speaker}."
    return f"“{text.rstrip('.').rstrip()},” said {speaker}."


def quotes_block(value: Any, lang: str) -> MarkdownText:
    quotes = [q for q in (value or []) if isinstance(q, Quote) and not q.is_empty()]
    return MarkdownText("\n\n".join(escape_markdown(quote_sentence(q, lang)) for q in quotes))


def contact_lines(contact: Contact) -> str:
    name = escape_markdown(contact.name)
    lines = [f"**{name}**" if name else ""]
    for part in (contact.title, contact.organisation, contact.unit, contact.email):
        if part:
            lines.append(escape_markdown(part))
    for phone in contact.phones:
        label = f"{escape_markdown(phone.label)}: " if phone.label else ""
        lines.append(label + escape_markdown(phone.number))
    return "\\\n".join(line for line in lines if line)


def contact_groups_block(value: Any, lang: str, heading: str | None = None) -> MarkdownText:
    """Each group's heading in bold, its contacts under it; groups in the order they first
    appear. ``heading`` names contacts without a group (default "Kontakt" / "Contact")."""
    contacts = [value] if isinstance(value, Contact) else list(value or [])
    default = CONTACT_HEADING[_lang_key(lang)] if heading is None else heading
    groups: dict[str, list[Contact]] = {}
    for contact in contacts:
        if isinstance(contact, Contact) and not contact.is_empty():
            groups.setdefault(contact.group.strip() or default, []).append(contact)
    parts = []
    for label, members in groups.items():
        block = "\n\n".join(contact_lines(c) for c in members)
        parts.append(f"**{escape_markdown(label)}**\n\n{block}" if label else block)
    return MarkdownText("\n\n".join(parts))


def advice_block(value: Any, lang: str, heading: str | None = None) -> MarkdownText:
    """Each line of the advice as a list item under a sub-heading; empty advice, nothing."""
    lines = [_BULLET.sub("", line).strip() for line in str(value or "").splitlines()]
    items = [line for line in lines if line]
    if not items:
        return MarkdownText("")
    if not isinstance(value, MarkdownText):  # typed text, not a paragraphs field's Markdown
        items = [escape_markdown(item) for item in items]
    title = ADVICE_HEADING[_lang_key(lang)] if heading is None else heading
    bullets = "\n".join(f"- {item}" for item in items)
    return MarkdownText(f"## {escape_markdown(title)}\n\n{bullets}")


def next_update_sentence(moment_text: str, lang: str) -> str:
    if not moment_text:
        return ""
    if is_swedish(lang):
        return f"Nästa besked lämnas {moment_text}."
    return f"The next update will be given {moment_text}."


def explainer(level: Any, own: Any = "", show: Any = True) -> Any:
    """The level's explanation as the officer chose: none, their own wording or the set's."""
    if show is False or not isinstance(level, Level):
        return ""
    if isinstance(own, str) and own.strip():
        return own.strip()
    return level.description


def is_moment(value: Any) -> bool:
    return isinstance(value, date)
