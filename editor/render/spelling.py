"""Spelling, Qt-free: which words of a text the dictionary of its language does not know, what
it might have meant, and two typos no dictionary sees (a word twice, "upphörde i idag").

The dictionaries are Hunspell's: Swedish from the ``hunspell-sv`` package (installed into the
environment's ``share/hunspell``), British English bundled in ``resources/dictionaries`` (the
LibreOffice en_GB dictionary: UK NHS users write British spelling). A system dictionary in
``/usr/share/hunspell`` is the fallback. A language without a dictionary is not checked.

Loading is slow (0.3-2 s) and done once per dictionary for the whole process
(``load_speller``); the GUI does it in a worker thread and asks ``loaded_speller``, which
never waits. Checking is a cached lookup per distinct word, so a whole release takes a few
milliseconds; suggestions try every one-letter edit against the dictionary (tens of
milliseconds), as Hunspell's own suggestions take over a second for Swedish compounds.

What is never checked: web addresses, e-mail addresses, domain names, placeholders
(``{{ x }}``, ``[XX]``), words touching a digit (``10kr``), one-letter words, abbreviations in
capitals (``NHS``, ``IT`` in ``IT-avbrott``) and words with a capital inside (``iPhone``).
"""

from __future__ import annotations

import contextlib
import functools
import re
import sys
import sysconfig
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal, Protocol

from editor import resources
from editor.model.language import document_language, language_rules

ProblemKind = Literal["unknown", "doubled", "stray_i"]

SUGGESTIONS: Final = 7
SUGGESTION_SECONDS: Final = 0.15  # a right-click menu must open at once: stop trying by then
TRY_LETTERS: Final = 30
TEXTS_REMEMBERED: Final = 256  # the most frequent letters of the dictionary's TRY line

# Dictionary names to try, best first, per language we check.
_DICTIONARIES: Final[dict[str, tuple[str, ...]]] = {
    "sv": ("sv_SE", "sv_FI"),
    "en": ("en_GB", "en_US"),
}
_SYSTEM_FOLDERS: Final = ("/usr/share/hunspell", "/usr/local/share/hunspell", "/usr/share/myspell")

# One pass finds both what is never checked (first, so an address is not read as words) and the
# words: a word is letters with inner hyphens or apostrophes, on word boundaries, so "10kr" and
# "snake_case" are no words at all.
_TOKENS: Final = re.compile(
    r"(?:https?://|ftp://|www\.)\S+"  # web addresses
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|\b(?:[\w-]+\.)+[a-z]{2,}\b(?:/\S*)?"  # domain names: 1177.se, regionen.se/kris
    r"|\{\{.*?\}\}|\{%.*?%\}"  # Jinja placeholders typed into a value
    r"|\]\([^)\n]*\)"  # a Markdown link's target (its text is checked)
    r"|\[(?:XX+|xx+|NN|nn)\]"
    r"|\b(?P<word>[^\W\d_]+(?:['’\-][^\W\d_]+)*)\b"
)
_DOUBLED: Final = re.compile(r"\b([^\W\d_]+)[ \t\u00a0]+(\1)\b", re.IGNORECASE)
# "upphörde i idag": an "i" before a word that already says "in" (i dag, i går, i morgon...).
_STRAY_I: Final = re.compile(
    r"\b(i[ \t\u00a0]+)(?:i[ \t\u00a0]*(?:dag|går|morgon|kväll|natt|morse|eftermiddag)|"
    r"idag|igår|imorgon|ikväll|inatt|imorse)\b",
    re.IGNORECASE,
)
# Doubles that are grammatical often enough not to be flagged.
_GOOD_DOUBLES: Final = frozenset({"had", "that", "det"})


@dataclass(frozen=True)
class SpellingProblem:
    """One thing to underline: ``text[start:end]`` (Python indices into the checked text).

    ``word`` is what the user is told of (the unknown word, "att att", "i idag"); ``cut`` is the
    span whose removal corrects a typo (the second "att" with its space), None for a word."""

    kind: ProblemKind
    start: int
    end: int
    word: str
    cut: tuple[int, int] | None = None


@dataclass
class PersonalWords:
    """The user's own words: ``added`` is their dictionary (kept in the user data folder, see
    ``editor.storage.user_dictionary``), ``ignored`` lasts for as long as the app runs.

    A word added in lower case is accepted in any case (at the start of a sentence too); one
    with capitals ("Kungälv") in that form and in capitals only."""

    added: set[str] = field(default_factory=set)
    ignored: set[str] = field(default_factory=set)

    def accepts(self, word: str) -> bool:
        lower = word.lower()
        return any(word in words or lower in words for words in (self.added, self.ignored))


class Speller:
    """A loaded dictionary and the user's words: known words, unknown ones, suggestions."""

    def __init__(self, engine: _Engine, personal: PersonalWords | None = None) -> None:
        self.engine = engine
        self.personal = personal if personal is not None else PersonalWords()
        self._known: dict[str, bool] = {}
        # text -> the words of it the dictionary does not know: the checks run after each pause
        # in typing, and a 50-page release is mostly fields that did not change
        self._by_text: dict[str, list[str]] = {}

    def with_personal(self, personal: PersonalWords) -> Speller:
        """The same dictionary with other personal words (its caches are shared: they hold the
        dictionary's verdicts, and the personal words are asked apart)."""
        speller = Speller(self.engine, personal)
        speller._known, speller._by_text = self._known, self._by_text
        return speller

    def _in_dictionary(self, word: str) -> bool:
        """Known to Hunspell, or each part of a hyphenated word is ("IT-avbrottet")."""
        if self.engine.spell(word):
            return True
        if "-" in word or "’" in word:
            return all(self._judged(part) for part in re.split(r"[-’]", word) if part)
        return False

    def _judged(self, word: str) -> bool:
        """Exempt or in the dictionary, cached: the user's words are asked apart (they change)."""
        known = self._known.get(word)
        if known is None:
            known = _is_exempt(word) or self._in_dictionary(word)
            self._known[word] = known
        return known

    def is_known(self, word: str) -> bool:
        return self._judged(word) or self.personal.accepts(word)

    def unknown_words(self, text: str) -> list[SpellingProblem]:
        """The words the dictionary and the user's words do not know. A cache lookup for each
        word seen before: the cost of a long release is the pass over its text."""
        known, judged, accepts = self._known, self._judged, self.personal.accepts
        found = []
        for match in _TOKENS.finditer(text):
            word = match.group("word")
            if word is None:
                continue
            verdict = known.get(word)
            if verdict is None:
                verdict = judged(word)
            if not verdict and not accepts(word):
                found.append(SpellingProblem("unknown", match.start(), match.end(), word))
        return found

    def unknown_in(self, text: str) -> list[str]:
        """The distinct unknown words of ``text`` in order of appearance, without positions:
        the checks' fast path. A text checked before costs a lookup."""
        candidates = self._by_text.get(text)
        if candidates is None:
            known, judged = self._known, self._judged
            candidates = []
            for word in dict.fromkeys(_TOKENS.findall(text)):
                if word:  # "": an address or a placeholder
                    verdict = known.get(word)
                    if not (judged(word) if verdict is None else verdict):
                        candidates.append(word)
            if len(self._by_text) >= TEXTS_REMEMBERED:
                self._by_text.clear()
            self._by_text[text] = candidates
        accepts = self.personal.accepts
        return [word for word in candidates if not accepts(word)]

    def suggestions(
        self, word: str, limit: int = SUGGESTIONS, seconds: float = SUGGESTION_SECONDS
    ) -> list[str]:
        """Known words one edit away (a letter swapped, missing, extra or wrong), the likeliest
        kinds of edit first, or the word split in two; the word's capital kept. Tries for at
        most ``seconds`` (a long Swedish word has some 1,500 variants, and each costs Hunspell
        up to 0.2 ms of compound analysis), so rare edits of long words may be missed."""
        found: dict[str, None] = {}
        spell = self.engine.spell
        deadline = time.perf_counter() + seconds
        for count, candidate in enumerate(_edits(word, self.engine.try_letters[:TRY_LETTERS])):
            if candidate != word and candidate not in found and spell(candidate):
                found[candidate] = None
                if len(found) >= limit:
                    break
            if count % 64 == 63 and time.perf_counter() > deadline:
                break
        if len(found) < limit and time.perf_counter() < deadline:
            for cut in range(2, len(word) - 1):
                first, second = word[:cut], word[cut:]
                if spell(first) and spell(second):
                    found[f"{first} {second}"] = None
                    if len(found) >= limit:
                        break
        capital = word[:1].isupper()
        return [s[:1].upper() + s[1:] if capital else s for s in found]


class _Engine(Protocol):  # what Speller needs of editor.render.hunspell_engine.HunspellEngine
    try_letters: str

    def spell(self, word: str) -> bool: ...


def _is_exempt(word: str) -> bool:
    """Words the checker leaves alone: one letter, capitals (abbreviations), a capital inside."""
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    if len(letters) < 2 or letters.isupper():
        return True
    return any(c.isupper() for c in letters[1:])


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) for each word to check in ``text``."""
    for match in _TOKENS.finditer(text):
        word = match.group("word")
        if word is not None:
            yield match.start(), match.end(), word


def typos(text: str, lang: str) -> list[SpellingProblem]:
    """A word twice in a row (the second is marked) and, in Swedish, a stray "i" before "i dag",
    "idag", "i går"... (the stray "i" is marked). No dictionary needed."""
    return list(_typos(text, language_rules(lang) == "sv"))


@functools.lru_cache(maxsize=TEXTS_REMEMBERED)
def _typos(text: str, swedish: bool) -> tuple[SpellingProblem, ...]:
    problems: list[SpellingProblem] = []
    stray_spans: list[tuple[int, int]] = []
    if swedish:
        for match in _STRAY_I.finditer(text):
            stray_spans.append(match.span())
            start = match.start(1)
            word = text[match.start() : match.end()]
            problems.append(SpellingProblem("stray_i", start, start + 1, word, match.span(1)))
    for match in _DOUBLED.finditer(text):  # never inside an address: it has no spaces
        word = match.group(1)
        if word.lower() in _GOOD_DOUBLES or any(a <= match.start() < b for a, b in stray_spans):
            continue
        word = text[match.start() : match.end()]
        cut = (match.end(1), match.end(2))
        problems.append(SpellingProblem("doubled", match.start(2), match.end(2), word, cut))
    return tuple(sorted(problems, key=lambda p: p.start))


def review(text: str, lang: str, speller: Speller | None) -> list[SpellingProblem]:
    """Everything to underline in ``text``: unknown words (when a dictionary is loaded) and
    typos, in text order."""
    found = typos(text, lang)
    if speller is not None:
        found += speller.unknown_words(text)
    return sorted(found, key=lambda p: p.start)


def _edits(word: str, letters: str) -> Iterator[str]:
    """One-edit variants, likeliest first: swapped neighbours, a doubled letter undone or made,
    a letter dropped, added or replaced."""
    lower = word.lower()
    n = len(lower)
    for i in range(n - 1):
        yield lower[:i] + lower[i + 1] + lower[i] + lower[i + 2 :]
    for i in range(n - 1):
        if lower[i] == lower[i + 1]:
            yield lower[:i] + lower[i + 1 :]
    for i in range(n):
        yield lower[:i] + lower[i] + lower[i:]
    for i in range(n):
        yield lower[:i] + lower[i + 1 :]
    for i in range(n + 1):
        for letter in letters:
            yield lower[:i] + letter + lower[i:]
    for i in range(n):
        for letter in letters:
            if letter != lower[i]:
                yield lower[:i] + letter + lower[i + 1 :]


def _dictionary_folders() -> list[Path]:
    """Where dictionaries may be: ours, the environment's share/hunspell (where ``pip`` puts
    ``hunspell-sv``, also for a user install), then the system's."""
    folders = [Path(str(resources.path("dictionaries")))]
    prefixes = [sysconfig.get_path("data"), sys.prefix, sys.base_prefix]
    for scheme in (f"{sysconfig.get_default_scheme()}_user", "posix_user", "nt_user"):
        with contextlib.suppress(KeyError):
            prefixes.append(sysconfig.get_path("data", scheme))
    for prefix in prefixes:
        if prefix:
            folders.append(Path(prefix) / "share" / "hunspell")
    folders += [Path(folder) for folder in _SYSTEM_FOLDERS]
    return list(dict.fromkeys(folders))


@functools.lru_cache(maxsize=16)
def dictionary_files(lang: str) -> tuple[Path, Path] | None:
    """The .aff and .dic for the language, its own region first (``sv-FI`` tries sv_FI first);
    None when we check no spelling in that language or no dictionary is installed."""
    names = _DICTIONARIES.get(language_rules(lang))
    if not names:
        return None
    own = document_language(lang).replace("-", "_")
    ordered = dict.fromkeys((own, *names)) if own in names else dict.fromkeys(names)
    folders = _dictionary_folders()
    for name in ordered:
        for folder in folders:
            aff, dic = folder / f"{name}.aff", folder / f"{name}.dic"
            if aff.is_file() and dic.is_file():
                return aff, dic
    return None


_lock = threading.Lock()
_loaded: dict[tuple[Path, Path], Speller] = {}  # one load per dictionary for the process


def load_speller(lang: str, personal: PersonalWords | None = None) -> Speller | None:
    """The speller for the language with the user's ``personal`` words, loading its dictionary
    the first time (slow: call it off the GUI thread); None when the language has no dictionary
    or Hunspell is missing."""
    files = dictionary_files(lang)
    if files is None:
        return None
    with _lock:
        speller = _loaded.get(files)
        if speller is None:
            from editor.render.hunspell_engine import HunspellEngine, HunspellUnavailable

            try:
                speller = Speller(HunspellEngine(*files))
            except HunspellUnavailable:
                return None
            _loaded[files] = speller
    return speller.with_personal(personal) if personal is not None else speller


def loaded_speller(lang: str, personal: PersonalWords | None = None) -> Speller | None:
    """As ``load_speller`` if the language's dictionary is loaded already, else None: never
    waits."""
    files = dictionary_files(lang)
    speller = _loaded.get(files) if files is not None else None
    if speller is None or personal is None:
        return speller
    return speller.with_personal(personal)
