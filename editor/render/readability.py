"""How hard a release is to read: LIX for Swedish (and other languages), Flesch for English.

Only the release's *prose* is measured. A release also holds a label ("PRESSMEDDELANDE"), a
date line, headings and a contact block (name, title, e-mail, phone on separate lines); counted
as sentences, those one- and two-word lines would make any text look easy. So the measured
text is every paragraph and list item, split into lines at hard line breaks, keeping a line
when it ends like a sentence (``.``, ``!``, ``?``, ``…``, possibly followed by a closing quote or
bracket) or runs to at least ``PROSE_MIN_WORDS`` words. Headings and tables are left out.

* **LIX** (Björnsson): words / sentences + 100 × long words / words, a long word having more
  than 6 letters. Björnsson meant it to work across languages, so every language but English
  gets LIX. Bands, each including its lower bound: under 30 very easy, 30–40 easy, 40–50
  medium, 50–60 hard, 60 and over very hard.
* **Flesch reading ease**: 206.835 − 1.015 × words / sentences − 84.6 × syllables / words, with
  syllables estimated from vowel groups (silent final *e*, *-es*, *-ed* discounted). Flesch's own
  bands: 90+ very easy, 80 easy, 70 fairly easy, 60 standard, 50 fairly difficult, 30
  difficult, under 30 very difficult.

Sentences end at ``.``, ``!``, ``?`` or ``…`` followed by a space and a capital letter, except
after a known abbreviation ("kl.", "t.ex.", "Dr.") or a single initial.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markdown_it.tree import SyntaxTreeNode

from editor.i18n import text
from editor.model.language import language_rules
from editor.render.document import RenderedDocument
from editor.render.plain import inline_lines, inline_tokens
from editor.render.statistics import count_words, words

PROSE_MIN_WORDS = 8
LONG_WORD_LETTERS = 6  # LIX: a long word has more letters than this

_SENTENCE_BREAK = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_OPENING = "\"'”“«([‘’"
ABBREVIATIONS = frozenset(
    {
        "t.ex", "bl.a", "m.m", "m.fl", "kl", "ca", "cirka", "dvs", "d.v.s", "s.k", "osv",
        "o.s.v", "resp", "jfr", "nr", "p.g.a", "f.d", "fr.o.m", "t.o.m", "inkl", "exkl", "tel",
        "obs", "e.g", "i.e", "etc", "dr", "mr", "mrs", "ms", "st", "no", "vs", "approx", "prof",
    }
)  # fmt: skip

LIX_BANDS = ((30.0, "very_easy"), (40.0, "easy"), (50.0, "medium"), (60.0, "hard"))
FLESCH_BANDS = (
    (90.0, "very_easy"),
    (80.0, "easy"),
    (70.0, "fairly_easy"),
    (60.0, "standard"),
    (50.0, "fairly_difficult"),
    (30.0, "difficult"),
)


@dataclass(frozen=True)
class Sentence:
    text: str
    words: int


@dataclass(frozen=True)
class Readability:
    method: str  # "lix" or "flesch"
    score: float  # rounded to one decimal
    band: str  # its label is the message "readability.<band>"
    words: int
    sentences: int
    long_words: int  # more than 6 letters (LIX)
    syllables: int  # estimated (Flesch; 0 for LIX)


def _is_abbreviation(before: str) -> bool:
    last = before.split()[-1] if before.split() else ""
    last = last.lstrip(_OPENING).rstrip(".!?…").lower()
    return last in ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def split_sentences(text: str) -> list[str]:
    """``text`` cut into sentences (see the module docstring for the rule)."""
    return list(_split_sentences(text))


@functools.lru_cache(maxsize=1 << 14)
def _split_sentences(text: str) -> tuple[str, ...]:
    """Once per line of text: the checks run again after each pause in typing."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        following = text[match.end() :].lstrip(_OPENING)
        if not following[:1].isupper():
            continue
        if match.group().startswith(".") and _is_abbreviation(text[start : match.start()]):
            continue
        sentence = text[start : match.end()].strip()
        if sentence:
            sentences.append(sentence)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return tuple(sentences)


def _paragraphs(nodes: Iterable[SyntaxTreeNode]) -> Iterable[SyntaxTreeNode]:
    for node in nodes:
        if node.type == "paragraph":
            yield node
        elif node.type not in ("heading", "table"):
            yield from _paragraphs(node.children)


def prose_lines(doc: RenderedDocument) -> list[str]:
    """The lines of running text that readability is measured on."""
    prose = []
    for paragraph in _paragraphs(doc.tree.children):
        for inline in paragraph.children:
            for line in inline_lines(inline_tokens(inline)):
                if _SENTENCE_END.search(line) or count_words(line) >= PROSE_MIN_WORDS:
                    prose.append(line)
    return prose


def prose_sentences(doc: RenderedDocument) -> list[Sentence]:
    return [
        Sentence(text, count_words(text))
        for line in prose_lines(doc)
        for text in split_sentences(line)
        if count_words(text)
    ]


def longest_sentences(sentences: Sequence[Sentence], count: int = 3) -> list[Sentence]:
    """The ``count`` longest, longest first; among equals the earlier one first."""
    return sorted(sentences, key=lambda s: -s.words)[:count]


def english_syllables(word: str) -> int:
    """A syllable estimate good enough for Flesch: vowel groups, minus silent endings."""
    letters = re.sub(r"[^a-z]", "", word.lower())
    if not letters:
        return 1  # a number, read as about one syllable a group
    if len(letters) <= 3:
        return 1
    letters = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "", letters)
    letters = re.sub(r"^y", "", letters)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", letters)))


def _band(score: float, bands: Sequence[tuple[float, str]], last: str, *, rising: bool) -> str:
    for bound, name in bands:
        if (score < bound) if rising else (score >= bound):
            return name
    return last


def lix_band(score: float) -> str:
    return _band(score, LIX_BANDS, "very_hard", rising=True)


def flesch_band(score: float) -> str:
    return _band(score, FLESCH_BANDS, "very_difficult", rising=False)


def band_label(band: str, lang: str) -> str:
    """The band's name in the UI language ``lang``, from the one catalog of messages."""
    return text(f"readability.{band}", lang)


def uses_flesch(lang: str) -> bool:
    return language_rules(lang) == "en"


def measure(sentences: Sequence[Sentence | str], lang: str) -> Readability | None:
    """LIX (or, for English, Flesch reading ease) of the sentences; None when there are no
    words to measure."""
    texts = [s.text if isinstance(s, Sentence) else s for s in sentences]
    counts = [count_words(text) for text in texts]
    count = sum(counts)
    if not count:
        return None
    sentence_count = sum(1 for words_in in counts if words_in)
    per_sentence = count / sentence_count
    if uses_flesch(lang):
        syllables = sum(_syllables(text) for text in texts)
        score = round(206.835 - 1.015 * per_sentence - 84.6 * syllables / count, 1)
        return Readability("flesch", score, flesch_band(score), count, sentence_count, 0, syllables)
    long_words = sum(_long_words(text) for text in texts)
    score = round(per_sentence + 100 * long_words / count, 1)
    return Readability("lix", score, lix_band(score), count, sentence_count, long_words, 0)


@functools.lru_cache(maxsize=1 << 14)
def _syllables(text: str) -> int:
    return sum(english_syllables(word) for word in words(text))


@functools.lru_cache(maxsize=1 << 14)
def _long_words(text: str) -> int:
    return sum(1 for word in words(text) if sum(c.isalpha() for c in word) > LONG_WORD_LETTERS)


def readability(doc: RenderedDocument, lang: str | None = None) -> Readability | None:
    """The readability of a rendered release, in its own language unless ``lang`` is given."""
    return measure(prose_sentences(doc), lang or doc.meta.language)
