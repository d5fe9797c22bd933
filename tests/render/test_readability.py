"""Readability: sentences, words, LIX and Flesch on known texts, and what counts as prose."""

from __future__ import annotations

import pytest

from editor.render.document import DocumentMeta, RenderedDocument
from editor.render.readability import (
    band_label,
    english_syllables,
    flesch_band,
    lix_band,
    longest_sentences,
    measure,
    prose_lines,
    prose_sentences,
    readability,
    split_sentences,
)
from editor.render.statistics import count_words, words


def doc(markdown: str, language: str = "sv") -> RenderedDocument:
    return RenderedDocument(markdown=markdown, meta=DocumentMeta(language=language))


def test_sentences_end_at_a_full_stop_before_a_capital() -> None:
    text = "Beredskapen höjdes i går. Nu är läget lugnt! Vad händer? Inget."
    assert split_sentences(text) == [
        "Beredskapen höjdes i går.",
        "Nu är läget lugnt!",
        "Vad händer?",
        "Inget.",
    ]


def test_abbreviations_initials_and_times_do_not_end_a_sentence() -> None:
    text = "Mötet börjar kl. 15.37 i dag. Dr. Berg och A. Svensson deltar, t.ex. Per. Sedan slut."
    assert split_sentences(text) == [
        "Mötet börjar kl. 15.37 i dag.",
        "Dr. Berg och A. Svensson deltar, t.ex. Per.",
        "Sedan slut.",
    ]


def test_a_full_stop_before_lower_case_does_not_end_a_sentence() -> None:
    assert split_sentences("Se sid. fem för mer.") == ["Se sid. fem för mer."]


def test_words_keep_compounds_numbers_and_addresses_whole() -> None:
    assert words("IT-störningen 15.37, press@region.se och 1 234.") == [
        "IT-störningen",
        "15.37",
        "press@region.se",
        "och",
        "1",
        "234",
    ]
    assert count_words("  ") == 0


def test_lix_of_a_known_text() -> None:
    # 13 words, 2 sentences, 1 word over six letters (Stockholm): 6.5 + 100/13 = 14.2
    result = measure(
        ["Det var en gång en katt.", "Katten hette Missan och bodde i Stockholm."], "sv"
    )
    assert result is not None
    assert (result.method, result.words, result.sentences, result.long_words) == ("lix", 13, 2, 1)
    assert result.score == 14.2
    assert result.band == "very_easy"


def test_flesch_of_a_known_text() -> None:
    # 6 one-syllable words in one sentence: 206.835 - 1.015 * 6 - 84.6 = 116.1
    result = measure(["The cat sat on the mat."], "en")
    assert result is not None
    assert (result.method, result.syllables) == ("flesch", 6)
    assert result.score == 116.1
    assert result.band == "very_easy"


def test_other_languages_get_lix() -> None:
    result = measure(["Das ist ein Satz."], "de")
    assert result is not None and result.method == "lix"


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("cat", 1), ("make", 1), ("table", 2), ("hospital", 3), ("readiness", 3), ("2018", 1)],
)
def test_english_syllable_estimate(word: str, syllables: int) -> None:
    assert english_syllables(word) == syllables


@pytest.mark.parametrize(
    ("score", "band"),
    [(29.9, "very_easy"), (30, "easy"), (39.9, "easy"), (40, "medium"), (50, "hard"),
     (59.9, "hard"), (60, "very_hard")],
)  # fmt: skip
def test_lix_bands_include_their_lower_bound(score: float, band: str) -> None:
    assert lix_band(score) == band


@pytest.mark.parametrize(
    ("score", "band"),
    [(100, "very_easy"), (90, "very_easy"), (89.9, "easy"), (65, "standard"),
     (50, "fairly_difficult"), (30, "difficult"), (29.9, "very_difficult"), (-5, "very_difficult")],
)  # fmt: skip
def test_flesch_bands(score: float, band: str) -> None:
    assert flesch_band(score) == band


def test_band_labels_in_both_ui_languages() -> None:
    assert band_label("medium", "sv") == "medelsvår"
    assert band_label("medium", "en") == "medium"
    assert band_label("very_hard", "sv_SE") == "mycket svår"


def test_prose_leaves_out_label_headings_and_contact_lines() -> None:
    markdown = (
        "**PRESSMEDDELANDE**\\\n25 september 2018\n\n# Rubriken här\n\n"
        "Region Exempel höjde beredskapen i dag. Det var lugnt.\n\n## Kontakt\n\n"
        "**Anna Exempel**\\\nPresschef\\\nanna@example.se\\\n070-123 45 67\n\n"
        "- Inställda besök på alla vårdcentraler i hela länet i dag\n- Kort punkt\n"
    )
    lines = prose_lines(doc(markdown))
    assert lines == [
        "Region Exempel höjde beredskapen i dag. Det var lugnt.",
        "Inställda besök på alla vårdcentraler i hela länet i dag",
    ]
    assert [s.words for s in prose_sentences(doc(markdown))] == [6, 3, 10]


def test_placeholders_count_as_their_label() -> None:
    markdown = "Beredskapen höjdes på grund av \ue000Orsak\ue001."
    assert prose_lines(doc(markdown)) == ["Beredskapen höjdes på grund av [Orsak]."]


def test_longest_sentences_longest_first() -> None:
    sentences = prose_sentences(doc("Ett två. Ett två tre fyra. Ett två tre."))
    assert [s.words for s in longest_sentences(sentences, 2)] == [4, 3]


def test_a_release_without_prose_has_no_score() -> None:
    assert readability(doc("# Bara en rubrik")) is None
    assert measure([], "sv") is None


def test_readability_uses_the_documents_language() -> None:
    result = readability(doc("The cat sat on the mat.", language="en"))
    assert result is not None and result.method == "flesch"
