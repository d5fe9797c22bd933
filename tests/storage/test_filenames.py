"""Export file names: safe on Windows, macOS and Linux."""

from __future__ import annotations

from datetime import date

import pytest

from editor.storage.filenames import export_file_name, safe_stem


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Stabsläget avslutat", "2018-09-25 Stabsläget avslutat.docx"),
        ('Vad är "läget"? Svar: <inget>/*|\\', "2018-09-25 Vad är läget Svar inget.docx"),
        ("Rad ett\nrad\ttvå\x00\x1f", "2018-09-25 Rad ett rad två.docx"),
        ("Slutet...   ", "2018-09-25 Slutet.docx"),
        ("", "2018-09-25 Release.docx"),
        ("?*", "2018-09-25 Release.docx"),
    ],
)
def test_export_file_names_are_safe_everywhere(headline: str, expected: str) -> None:
    assert export_file_name(date(2018, 9, 25), headline, ".docx") == expected


@pytest.mark.parametrize("name", ["CON", "con", "Nul", "COM1", "lpt9", "aux.txt", "PRN "])
def test_windows_reserved_names_are_made_harmless(name: str) -> None:
    stem = safe_stem(name)
    assert stem.startswith("_")


def test_long_headlines_are_cut_between_words_and_within_the_byte_limit() -> None:
    headline = "Långt ord " * 60
    name = export_file_name(date(2018, 9, 25), headline, ".docx")
    stem = name.removesuffix(".docx")
    assert len(stem) <= 100 and len(name.encode("utf-8")) <= 255
    assert stem.split()[-1] in ("Långt", "ord")  # whole words only
    assert safe_stem("ö" * 300).startswith("ööö") and len(safe_stem("ö" * 300).encode()) <= 240


def test_export_file_name_without_a_date_is_the_headline() -> None:
    assert export_file_name(None, "Lex Maria-anmälan", ".html") == "Lex Maria-anmälan.html"
