"""Every message the core shows a person: a stable code, its English text, and its text in the
UI language.

The code is the identity: code elsewhere compares codes, never words, so a message can be
reworded or translated without breaking anything. The English texts, with named placeholders,
are declared once, in ``editor.i18n.catalog``. Other languages come from gettext catalogs
(``resources/locale/<lang>/LC_MESSAGES/pressklar.mo``; msgctxt is the code, msgid the English
text), read with the standard library on first use and cached per language, so start-up pays
nothing. ``resources/locale/update.py`` regenerates them from the catalog.

A parameter may itself be a ``Message`` (an operating-system reason inside "Could not read"),
which is put in the same language.
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Mapping
from typing import NamedTuple

from editor.i18n.catalog import ENGLISH

DOMAIN = "pressklar"
SOURCE_LANGUAGE = "en"
_current = [SOURCE_LANGUAGE]


class Message(NamedTuple):
    """A message not yet put into words: its code and its parameters."""

    code: str
    params: Mapping[str, object] = {}

    def text(self, lang: str | None = None) -> str:
        return text(self.code, lang, **self.params)

    def __str__(self) -> str:
        return text(self.code, SOURCE_LANGUAGE, **self.params)


def set_language(lang: str) -> None:
    """The UI language, set once by the app at start (and again when the user switches); the
    default of every ``text`` call that names none."""
    _current[0] = message_language(lang)


def current_language() -> str:
    return _current[0]


def message_language(lang: str) -> str:
    """The catalog for a language code or locale name ("sv", "sv_SE.UTF-8", "en-GB")."""
    from editor.model.language import message_language as catalog_language

    return catalog_language(lang)


@functools.cache
def _translations(lang: str) -> gettext.NullTranslations:
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    from editor import resources

    catalog = resources.path("locale", lang, "LC_MESSAGES", f"{DOMAIN}.mo")
    if not catalog.is_file():
        return gettext.NullTranslations()
    with catalog.open("rb") as stream:
        return gettext.GNUTranslations(stream)


def template_text(code: str, lang: str | None = None) -> str:
    """The text of ``code`` in ``lang`` with its placeholders unfilled (English if the language
    has no catalog or no translation yet)."""
    source = ENGLISH[code]
    return _translations(message_language(lang or _current[0])).pgettext(code, source)


def text(code: str, lang: str | None = None, /, **params: object) -> str:
    """The message ``code`` in ``lang`` (default: the UI language), its placeholders filled."""
    lang = message_language(lang or _current[0])
    filled = {
        name: value.text(lang) if isinstance(value, Message) else value
        for name, value in params.items()
    }
    return template_text(code, lang).format_map(filled)


def english(code: str, /, **params: object) -> str:
    """The message in English: for logs, exceptions' ``str`` and tests."""
    return text(code, SOURCE_LANGUAGE, **params)


def language_name(lang: str) -> Message | str:
    """A language's name in the words of the UI (``sv`` -> "Swedish"/"svenska"), as a message
    parameter; the code itself for a language the catalog does not name."""
    from editor.model.language import base_language

    code = f"language.{base_language(lang)}"
    return Message(code) if code in ENGLISH else lang
