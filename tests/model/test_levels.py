from __future__ import annotations

import pytest

from editor.errors import InvalidFileError, NewerFormatError
from editor.model.levels import default_registry, parse_level_set


def test_swedish_healthcare_levels_in_order() -> None:
    levels = default_registry().get("se-healthcare")
    assert levels is not None
    sv = levels.all_levels("sv")
    assert [lv.name for lv in sv] == [
        "normalläge",
        "stabsläge",
        "förstärkningsläge",
        "katastrofläge",
    ]
    assert [lv.rank for lv in sv] == sorted(lv.rank for lv in sv)
    stabs = levels.level("stabslage", "sv")
    assert (
        stabs.is_lowest and not stabs.is_baseline and stabs.gloss == "den lägsta beredskapsgraden"
    )
    assert stabs.definite == "stabsläget"
    assert levels.level("katastroflage", "sv").is_highest
    assert levels.level("normal", "sv").is_baseline and not levels.level("normal", "sv").is_lowest
    en = levels.level("stabslage", "en")
    assert en.name == "stabsläge" and "lowest of three" in en.gloss


def test_level_set_problems_and_newer_format() -> None:
    with pytest.raises(InvalidFileError, match="at least one level"):
        parse_level_set('format = 1\nid = "x"\n', "x.toml")
    with pytest.raises(NewerFormatError):
        parse_level_set('format = 5\nid = "x"\n', "x.toml")
