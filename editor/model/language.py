"""One reading of a language code, for every rule that depends on the language.

Templates, settings and flags spell languages several ways: ``sv``, ``sv-SE``, ``sv_FI``,
``SV``, ``en-GB``. Every rule that asks "is this Swedish?" asks it here, so a Finland-Swedish
template gets Swedish press style, Swedish yes/no and LIX just like ``sv``, and no caller has
its own ``== "sv"`` that misses ``sv-FI``.

Qt-free and Babel-free on purpose: the UI's language choice and the CLI use it too.
"""

from __future__ import annotations

from typing import Final, Literal

Rules = Literal["sv", "en", "other"]

UI_LANGUAGES: Final = ("sv", "en")  # the program speaks these; the first is never a fallback

# The region a bare language code means in a Swedish press office's documents; other codes
# pass through as given (with their region, when they have one).
_DEFAULT_REGIONS: Final[dict[str, str]] = {
    "sv": "SE", "en": "GB", "fi": "FI", "nb": "NO", "no": "NO", "nn": "NO", "da": "DK",
    "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "pl": "PL", "et": "EE",
    "is": "IS", "se": "SE", "smj": "SE", "sma": "SE", "ar": "SA", "he": "IL", "fa": "IR",
    "so": "SO", "tr": "TR", "ru": "RU", "uk": "UA",
}  # fmt: skip
_DEFAULT_TAGS: Final[dict[str, str]] = {"no": "nb-NO", "bs": "bs-Latn-BA", "sr": "sr-Latn-RS"}


def _subtags(lang: str) -> list[str]:
    return [part for part in lang.strip().replace("_", "-").split("-") if part]


def base_language(lang: str) -> str:
    """The language without its region or script, lower case: ``sv_FI`` -> ``sv``,
    ``en-GB`` -> ``en``, ``SV`` -> ``sv``; ``""`` for an empty code."""
    parts = _subtags(lang)
    return parts[0].lower() if parts else ""


def language_rules(lang: str) -> Rules:
    """Which of our hand-written rule sets (press style, yes/no, conjunctions) applies:
    ``"sv"`` for every Swedish, ``"en"`` for every English, else ``"other"`` (Babel's own)."""
    base = base_language(lang)
    if base == "sv":
        return "sv"
    if base == "en":
        return "en"
    return "other"


def is_swedish(lang: str) -> bool:
    return language_rules(lang) == "sv"


def ui_language(lang: str | None) -> str | None:
    """The program language a wish names (``sv-FI`` -> ``sv``, ``en_US`` -> ``en``), or None
    when we have no such UI language (``fi``) or there is no wish."""
    base = base_language(lang or "")
    return base if base in UI_LANGUAGES else None


def message_language(lang: str | None) -> str:
    """The language for messages to the user: the UI language ``lang`` names, else English."""
    return ui_language(lang) or "en"


def babel_locale_name(lang: str) -> str:
    """The code as Babel's ``Locale.parse`` reads it: ``sv-FI`` -> ``sv_FI``, ``SV`` -> ``sv``."""
    parts = _subtags(lang)
    if not parts:
        return ""
    parts[0] = parts[0].lower()
    for index in range(1, len(parts)):
        part = parts[index]
        parts[index] = part.title() if len(part) == 4 else part.upper()  # script, else region
    return "_".join(parts)


def language_tag(lang: str) -> str:
    """The code as a well-formed BCP 47 tag, for HTML's ``lang`` and e-mail's
    Content-Language: ``sv_FI`` -> ``sv-FI``, ``SV`` -> ``sv``. A bare ``sv`` stays bare: a
    browser or mail client needs no region, and a reader in Finland is not told otherwise."""
    return babel_locale_name(lang).replace("_", "-")


def document_language(lang: str) -> str:
    """The tag for Word's proofing language, which needs a region: ``sv`` -> ``sv-SE``,
    ``sv_FI`` -> ``sv-FI``, ``EN`` -> ``en-GB``; unknown bare codes pass through lower-cased,
    and an empty code means Swedish (the house default)."""
    parts = _subtags(lang)
    if not parts:
        return "sv-SE"
    base = parts[0].lower()
    if len(parts) == 1:
        if base in _DEFAULT_TAGS:
            return _DEFAULT_TAGS[base]
        region = _DEFAULT_REGIONS.get(base)
        return f"{base}-{region}" if region else base
    return language_tag(lang)


def other_language(language: str) -> str:
    """The language a copy goes into from the GUI: English from Swedish, else Swedish."""
    return "en" if is_swedish(language) else "sv"
