"""Spelling, without Qt: the real Swedish and British dictionaries, the typo rules, the words
never checked, suggestions, and the findings the checks make of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.render.checks import run_checks
from editor.render.engine import render_document
from editor.render.spelling import (
    PersonalWords,
    Speller,
    dictionary_files,
    load_speller,
    loaded_speller,
    review,
    typos,
    words,
)
from tests.helpers import make_template, values


@pytest.fixture(scope="module")
def swedish() -> Speller:
    speller = load_speller("sv")
    assert speller is not None
    return speller


@pytest.fixture(scope="module")
def english() -> Speller:
    speller = load_speller("en")
    assert speller is not None
    return speller


def unknown(speller: Speller, text: str) -> list[str]:
    return [p.word for p in speller.unknown_words(text)]


def test_every_checked_language_has_a_dictionary_from_the_installed_packages() -> None:
    sv, en = dictionary_files("sv-FI"), dictionary_files("en")
    assert sv is not None and sv[1].name.startswith("sv_")
    assert en is not None and en[1].name == "en_GB.dic"  # bundled: British spelling
    assert Path(en[1]).stat().st_size > 500_000
    assert dictionary_files("fi") is None and load_speller("fi") is None


def test_swedish_knows_press_words_and_finds_the_misspelt(swedish: Speller) -> None:
    text = "Regionen går upp i förstärkningsläge. Sjukhsuet i Kungälv tar emot patienter."
    assert unknown(swedish, text) == ["Sjukhsuet"]
    assert unknown(swedish, "Katastrofläge, stabsläge och normalläge gäller i dag.") == []


def test_english_is_british(english: Speller) -> None:
    assert unknown(english, "The organisation's hospital is recieving patients.") == ["recieving"]
    assert unknown(english, "The colour of the Trust's NHS logo.") == []


def test_addresses_numbers_placeholders_and_abbreviations_are_not_checked(
    swedish: Speller,
) -> None:
    text = (
        "Läs på https://www.vgregion.se/kriss eller 1177.se, mejla presss@exempel.se, "
        "{{ namnx }} [XX] 10kr COVID-19 IT-avbrottet iPhone [länken](https://x.se/qqq)."
    )
    assert unknown(swedish, text) == []
    assert [w for _, _, w in words("[länkk](https://x.se/qqq)")] == ["länkk"]


def test_a_word_twice_is_flagged_not_a_grammatical_double() -> None:
    found = typos("Vi har att att ta hand om det det gäller.", "sv")
    assert [(p.kind, p.word) for p in found] == [("doubled", "att att")]
    text = "Vi har att att"
    assert text[found[0].start : found[0].end] == "att"  # the second is underlined
    assert [p.word for p in typos("The the hospital had had enough.", "en")] == ["The the"]


@pytest.mark.parametrize("phrase", ["upphörde i idag", "upphörde i i dag", "höjdes i igår"])
def test_the_stray_i_before_i_dag(phrase: str) -> None:
    found = typos(phrase, "sv")
    assert [p.kind for p in found] == ["stray_i"]
    assert phrase[found[0].start : found[0].end] == "i"
    assert typos("upphörde i dag och idag", "sv") == []
    assert typos("this was i idag", "en") == []  # a Swedish rule


def test_personal_words_are_known_and_a_lower_case_word_in_every_case(swedish: Speller) -> None:
    personal = PersonalWords(added={"blorfa", "Kungsbackaviken"}, ignored={"Qwxyz"})
    mine = swedish.with_personal(personal)
    text = "Blorfa blorfa Kungsbackaviken kungsbackaviken Qwxyz"
    assert unknown(mine, text) == ["kungsbackaviken"]
    assert unknown(swedish, "blorfa") == ["blorfa"]  # the shared speller is untouched


def test_suggestions_are_fast_and_right(swedish: Speller, english: Speller) -> None:
    assert swedish.suggestions("sjukhsuet")[0] == "sjukhuset"
    assert swedish.suggestions("Regoinen")[0] == "Regionen"
    assert "beslut att" in swedish.suggestions("beslutatt", seconds=5)
    assert english.suggestions("recieve")[0] == "receive"


def test_review_puts_every_problem_in_text_order(swedish: Speller) -> None:
    found = review("Sjukhsuet upphörde i idag att att fungera.", "sv", swedish)
    assert [p.kind for p in found] == ["unknown", "stray_i", "doubled"]
    assert review("Sjukhsuet", "sv", None) == []  # no dictionary yet: only the typo rules


def test_loaded_speller_never_loads(swedish: Speller) -> None:
    assert loaded_speller("sv") is not None  # the fixture loaded it
    assert loaded_speller("fi") is None


FIELDS = [
    {"key": "headline", "type": "text", "label": "Rubrik"},
    {"key": "text", "type": "paragraphs", "label": "Brödtext"},
    {"key": "timeline", "type": "timeline", "label": "Förlopp"},
]


def test_the_checks_list_unknown_words_per_field_and_each_typo(swedish: Speller) -> None:
    template = make_template("# {{ headline }}\n\n{{ text }}\n", FIELDS)
    typed = values(
        template,
        {
            "headline": "Sjukhsuet stänger",
            "text": "Driften upphörde i idag. Vi har att att hantera regoinen och Sjukhsuet.",
            "timeline": [{"at": "06:30", "text": "Larmet gick"}, {"at": "07:00", "text": "Stabb"}],
        },
    )
    doc = render_document(template, typed)
    findings = run_checks(template, typed, doc, "en", spelling=lambda lang: swedish)
    spelling = [(f.code, f.field, f.severity) for f in findings if f.code in CODES]
    assert spelling == [
        ("unknown_words", "headline", "warning"),
        ("stray_i", "text", "warning"),
        ("doubled_word", "text", "warning"),
        ("unknown_words", "text", "warning"),
        ("unknown_words", "timeline", "warning"),
    ]
    text_words = next(f for f in findings if f.code == "unknown_words" and f.field == "text")
    assert "(2): regoinen, Sjukhsuet." in text_words.message
    without = run_checks(template, typed, doc, "en")
    assert {f.code for f in without} & CODES == {"stray_i", "doubled_word"}


CODES = {"unknown_words", "stray_i", "doubled_word"}


@pytest.mark.parametrize(
    ("typed", "corrected"),
    [("vi har att att ta", "vi har att ta"), ("upphörde i idag.", "upphörde idag."),
     ("upphörde i i dag.", "upphörde i dag.")],
)  # fmt: skip
def test_removing_the_cut_corrects_the_typo(typed: str, corrected: str) -> None:
    (problem,) = typos(typed, "sv")
    assert problem.cut is not None
    start, end = problem.cut
    assert typed[:start] + typed[end:] == corrected
