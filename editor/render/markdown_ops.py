"""The paragraph editor's formatting commands as plain text edits, testable without Qt.

Each command takes the whole text and a selection (Python string indices) and returns an
``Edit``: which span to replace with what, and what to select afterwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from editor.model.email_address import is_email_address

_BULLET = re.compile(r"^(\s*)[-*+] ")
_NUMBER = re.compile(r"^(\s*)\d{1,9}[.)] ")
_DOMAIN = re.compile(r"^(www\.)?[\w-]+(\.[\w-]+)+(/\S*)?$")
_PHONE = re.compile(r"^\+?[\d\s()-]{5,}$")


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``; then select ``selection`` (new text)."""

    start: int
    end: int
    replacement: str
    selection: tuple[int, int]

    def apply(self, text: str) -> str:
        return text[: self.start] + self.replacement + text[self.end :]


def _run_of(text: str, index: int, step: int, char: str) -> int:
    """How many ``char`` stand next to each other going from ``index`` in direction ``step``."""
    count = 0
    while 0 <= index < len(text) and text[index] == char:
        count += 1
        index += step
    return count


def _is_wrapped(text: str, start: int, end: int, marker: str) -> bool:
    """True when ``marker`` (``**`` or ``*``) stands right around the span, as that emphasis."""
    before = _run_of(text, start - 1, -1, "*")
    after = _run_of(text, end, 1, "*")
    if marker == "**":
        return before >= 2 and after >= 2
    return before % 2 == 1 and after % 2 == 1


def toggle_emphasis(text: str, start: int, end: int, marker: str) -> Edit:
    """Wrap the selection in ``marker`` (``**`` bold, ``*`` italic), or unwrap it if wrapped.

    Spaces at the selection's edges stay outside the markers (``** word**`` is no emphasis in
    Markdown); a selection over several lines wraps each line on its own, since emphasis cannot
    cross a paragraph. With nothing selected, the markers are inserted with the cursor between.
    """
    start, end = min(start, end), max(start, end)
    if start == end:
        return Edit(start, end, marker * 2, (start + len(marker), start + len(marker)))
    m = len(marker)
    if _is_wrapped(text, start, end, marker):
        inner = text[start:end]
        return Edit(start - m, end + m, inner, (start - m, end - m))
    selected = text[start:end]
    selected_whole = (
        selected.startswith(marker) and selected.endswith(marker) and len(selected) >= 2 * m
    )
    if selected_whole and _is_wrapped(selected, m, len(selected) - m, marker):
        inner = selected[m:-m]
        return Edit(start, end, inner, (start, start + len(inner)))
    lines = selected.split("\n")
    wrapped = []
    for line in lines:
        core = line.strip()
        if not core:
            wrapped.append(line)
            continue
        lead = line[: len(line) - len(line.lstrip())]
        trail = line[len(line.rstrip()) :]
        wrapped.append(f"{lead}{marker}{core}{marker}{trail}")
    replacement = "\n".join(wrapped)
    if len(lines) == 1 and selected.strip():  # keep the words selected, not the markers
        core_start = start + len(selected) - len(selected.lstrip()) + m
        return Edit(start, end, replacement, (core_start, core_start + len(selected.strip())))
    return Edit(start, end, replacement, (start, start + len(replacement)))


def _line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The start of the first and the end of the last line the selection touches."""
    start, end = min(start, end), max(start, end)
    if end > start and text[end - 1 : end] == "\n":
        end -= 1  # a selection ending at a line's start does not take that line
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return first, len(text) if last < 0 else last


def toggle_list(text: str, start: int, end: int, numbered: bool) -> Edit:
    """Make the selected lines a bulleted (``- ``) or numbered (``1. ``) list, or undo it.

    Blank lines stay blank. Lines already in the other kind of list change kind.
    """
    first, last = _line_span(text, start, end)
    lines = text[first:last].split("\n")
    own, other = (_NUMBER, _BULLET) if numbered else (_BULLET, _NUMBER)
    filled = [line for line in lines if line.strip()]
    if filled and all(own.match(line) for line in filled):
        result = [own.sub(r"\1", line, count=1) for line in lines]
    else:
        result = []
        number = 0
        for line in lines:
            if not line.strip():
                result.append(line)
                continue
            number += 1
            bare = other.sub(r"\1", own.sub(r"\1", line, count=1), count=1)
            indent = bare[: len(bare) - len(bare.lstrip())]
            prefix = f"{number}. " if numbered else "- "
            result.append(indent + prefix + bare.lstrip())
    replacement = "\n".join(result)
    return Edit(first, last, replacement, (first, first + len(replacement)))


def normalise_url(raw: str) -> str | None:
    """The URL to link to, or None when it is not a web, e-mail or phone link.

    Accepted as typed: http, https, mailto and tel URLs. A bare e-mail address becomes
    ``mailto:``, a bare domain (``www.example.se/sida``) ``https://``, a phone number ``tel:``.
    """
    url = raw.strip()
    if not url:
        return None
    if _PHONE.match(url) and sum(c.isdigit() for c in url) >= 5:
        return "tel:" + re.sub(r"[\s()-]", "", url)
    if any(c.isspace() for c in url):
        return None
    if ":" in url:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme in ("http", "https"):
            return url if parts.netloc else None
        if scheme in ("mailto", "tel"):
            return url if parts.path.strip() else None
        return None
    if "/" not in url and is_email_address(url):
        return "mailto:" + url
    if _DOMAIN.match(url):
        return "https://" + url
    return None


def _escape_link_text(text: str) -> str:
    return re.sub(r"([\[\]\\])", r"\\\1", text)


def _escape_destination(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")


def make_link(text: str, start: int, end: int, url: str) -> Edit:
    """Turn the selection into ``[selection](url)``; with nothing selected, the URL is the text.

    ``url`` must already be accepted by ``normalise_url``.
    """
    start, end = min(start, end), max(start, end)
    selected = text[start:end]
    core = " ".join(selected.split())  # a link's text is one line
    label = core or url.removeprefix("mailto:").removeprefix("tel:")
    lead = selected[: len(selected) - len(selected.lstrip())] if core else ""
    trail = selected[len(selected.rstrip()) :] if core else ""
    link = f"[{_escape_link_text(label)}]({_escape_destination(url)})"
    replacement = lead + link + trail
    return Edit(start, end, replacement, (start + len(lead), start + len(lead) + len(link)))
