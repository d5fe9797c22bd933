"""Level sets own their wording per language (issue "Real releases from the form alone",
item 2): the verbs for going up, down and ending, and the NHS incident levels."""

from __future__ import annotations

import pytest

from editor.model.levels import default_registry, parse_level_set


def test_swedish_health_care_speaks_of_readiness_in_both_languages() -> None:
    levels = default_registry().get("se-healthcare")
    assert levels is not None
    sv = levels.level("stabslage", "sv")
    assert sv.raised == "höjde beredskapen till stabsläge"
    assert sv.raising == "går upp i stabsläge"
    assert sv.ended == "avslutade stabsläget"
    assert sv.is_lowest
    en = levels.level("forstarkningslage", "en")
    assert en.raised == "raised its readiness level to förstärkningsläge"


@pytest.mark.parametrize(
    ("level_id", "raised", "ended"),
    [
        ("business-continuity", "declared a business continuity incident",
         "stood down the business continuity incident"),
        ("critical", "declared a critical incident", "stood down the critical incident"),
        ("major", "declared a major incident", "stood down the major incident"),
    ],
)  # fmt: skip
def test_nhs_levels_are_declared_and_stood_down(level_id: str, raised: str, ended: str) -> None:
    levels = default_registry().get("nhs-incident")
    assert levels is not None
    level = levels.level(level_id, "en")
    assert (level.raised, level.ended) == (raised, ended)
    assert "läge" not in level.name and "läge" not in level.description


def test_nhs_levels_have_swedish_wording_too() -> None:
    levels = default_registry().get("nhs-incident")
    assert levels is not None
    level = levels.level("critical", "sv")
    assert level.raised == "utlyste kritisk händelse"
    assert level.ended == "avblåste den kritiska händelsen"
    assert levels.level("business-continuity", "en").is_lowest


def test_a_level_may_word_itself_and_a_set_without_wording_speaks_of_readiness() -> None:
    text = """
format = 1
id = "own"
[[levels]]
id = "one"
name = { sv = "nivå 1" }
raised = { sv = "aktiverade nivå 1" }
[[levels]]
id = "two"
name = { sv = "nivå 2" }
"""
    levels = parse_level_set(text)
    assert levels.level("one", "sv").raised == "aktiverade nivå 1"
    assert levels.level("two", "sv").raised == "höjde beredskapen till nivå 2"
    again = parse_level_set(__import__("tomli_w").dumps(levels.to_dict()))
    assert again.level("one", "sv").raised == "aktiverade nivå 1"


def test_unknown_placeholders_in_a_users_wording_do_no_harm() -> None:
    text = 'format = 1\nid = "x"\n[wording]\nraised = { sv = "höjde {oops} till {name}" }\n'
    text += '[[levels]]\nid = "a"\nname = { sv = "A" }\n'
    assert parse_level_set(text).level("a", "sv").raised == "höjde {oops} till A"


def test_a_lowering_still_to_come_has_words_of_its_own() -> None:
    swedish = default_registry().get("se-healthcare")
    nhs = default_registry().get("nhs-incident")
    assert swedish is not None and nhs is not None
    assert swedish.level("stabslage", "sv").lowering == "sänker beredskapen till stabsläge"
    assert (
        swedish.level("stabslage", "en").lowering == "will lower its readiness level to stabsläge"
    )
    assert nhs.level("business-continuity", "en").lowering == (
        "will downgrade the incident to a business continuity incident"
    )
    assert (
        nhs.level("business-continuity", "sv").lowering
        == "sänker händelsen till verksamhetsstörning"
    )
