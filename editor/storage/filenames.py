"""File names that are safe on Windows, macOS and Linux, made from a release's date and headline.

``export_file_name(date(2018, 9, 25), "Stabsläget avslutat", ".docx")`` gives
``2018-09-25 Stabsläget avslutat.docx``. Letters outside ASCII (å, ä, ö) are kept; what any of
the three systems refuses is removed.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{n}" for n in range(10)}
    | {f"LPT{n}" for n in range(10)}
    | {"COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"}
)
MAX_STEM_CHARS = 100
MAX_NAME_BYTES = 240  # most file systems allow 255 bytes per name; leave room for "~1" etc.


def _printable(char: str) -> bool:
    return unicodedata.category(char) not in ("Cc", "Cs", "Co", "Cn") and char not in "\u2028\u2029"


def safe_stem(text: str, fallback: str = "Release") -> str:
    """``text`` as the part of a file name before the extension."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(c if _printable(c) else " " for c in text)
    text = FORBIDDEN.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    text = _cap(text)
    if text.split(".")[0].strip().upper() in WINDOWS_RESERVED:
        text = "_" + text
    return text or fallback


def _cap(text: str) -> str:
    """At most MAX_STEM_CHARS characters and MAX_NAME_BYTES bytes, cut between words."""
    if len(text) <= MAX_STEM_CHARS and len(text.encode("utf-8")) <= MAX_NAME_BYTES:
        return text
    cut = text[:MAX_STEM_CHARS]
    while len(cut.encode("utf-8")) > MAX_NAME_BYTES:
        cut = cut[:-1]
    if " " in cut[MAX_STEM_CHARS // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" .")


def export_file_name(
    release_date: date | None, headline: str, extension: str, fallback: str = "Release"
) -> str:
    """``YYYY-MM-DD headline.ext``; without a date, the headline alone."""
    stem = safe_stem(headline, fallback)
    if release_date is not None:
        stem = _cap(f"{release_date.isoformat()} {stem}")
    return stem + extension


def web_page_stem(release_date: date | None, headline: str, release_id: str) -> str:
    """A release's page name in a newsroom, safe in any URL and on any disk: the date, the
    headline in lower-case ASCII words, and the start of the release's id so that two releases
    of the same headline never share a page: ``2018-09-21-region-hojer-beredskapen-3f2a9c1b``."""
    folded = unicodedata.normalize("NFKD", headline)
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z0-9]+", ascii_text.encode("ascii", "ignore").decode("ascii"))
    slug = "-".join(words)[:60].rstrip("-")
    own = re.sub(r"[^a-z0-9]", "", release_id.lower())[:8] or "release"
    pieces = [release_date.isoformat() if release_date else "", slug, own]
    return "-".join(piece for piece in pieces if piece)
