"""A release's level set: picked per release, moved by rank, settled when the set is gone."""

from __future__ import annotations

from dataclasses import replace

from editor.i18n import text
from editor.model.level_choice import (
    LEVEL_SET_FALLBACK,
    LEVEL_SET_MISSING,
    release_in_level_set,
    settle_level_set,
    settle_release,
    starting_level_set,
    with_level_set,
)
from editor.model.levels import default_registry
from editor.model.release import Release, parse_release, release_to_json
from tests.helpers import builtin, values


def test_another_set_moves_each_level_and_default_to_the_same_rank() -> None:
    template = builtin("readiness-ended-en")
    assert template.level_set == "nhs-incident"
    start = values(template, {"raised_to": "critical", "lowered_to": "business-continuity"})
    moved, moved_values = with_level_set(template, start, "se-healthcare", default_registry())
    assert moved.level_set == "se-healthcare"
    assert (moved_values["raised_to"], moved_values["lowered_to"]) == (
        "forstarkningslage",
        "stabslage",
    )
    field = moved.field("raised_to")
    assert field is not None and field.default == "forstarkningslage"
    assert template.level_set == "nhs-incident"  # the built-in itself is untouched


def test_an_unknown_or_the_same_set_changes_nothing() -> None:
    template = builtin("readiness-raised-sv")
    start = values(template, {"raised_to": "stabslage"})
    assert with_level_set(template, start, "no-such-set", default_registry()) == (template, start)
    assert with_level_set(template, start, "se-healthcare", default_registry()) == (
        template,
        start,
    )


def test_the_organisations_default_applies_only_to_templates_with_levels() -> None:
    assert starting_level_set(builtin("readiness-raised-en"), "incident-4") == "incident-4"
    assert starting_level_set(builtin("readiness-raised-en"), "") == "nhs-incident"
    general = builtin("general-en")
    assert starting_level_set(general, "incident-4") == general.level_set


def test_the_release_file_names_the_set_it_picked() -> None:
    release = Release.new(builtin("readiness-raised-en"))
    picked = release_in_level_set(release, "se-healthcare", default_registry())
    assert picked.values["raised_to"] == "forstarkningslage"
    reread = parse_release(release_to_json(picked))
    assert reread.template.level_set == "se-healthcare"
    assert reread.values["raised_to"] == "forstarkningslage"
    assert release_in_level_set(picked, "se-healthcare", default_registry()) is picked


def test_an_old_english_release_with_swedish_levels_opens_as_it_was() -> None:
    """Files saved before the English templates spoke NHS carry a copy naming the Swedish set."""
    old = release_in_level_set(
        Release.new(builtin("readiness-ended-en")), "se-healthcare", default_registry()
    )
    reread = parse_release(release_to_json(old))
    settled, notes = settle_release(reread, default_registry())
    assert settled is reread and notes == []
    assert settled.template.level_set == "se-healthcare"


def test_a_missing_set_falls_back_to_one_with_the_levels_and_says_so() -> None:
    template = builtin("readiness-raised-sv")
    gone = replace(template, level_set="our-levels")
    start = values(template, {"raised_to": "forstarkningslage"})
    settled, notes = settle_level_set(gone, start, default_registry())
    assert settled.level_set == "se-healthcare"
    assert [n.code for n in notes] == [LEVEL_SET_FALLBACK]
    assert "our-levels" in notes[0].text("en") and "se-healthcare" in notes[0].text("en")
    assert "finns inte här" in notes[0].text("sv")
    odd = values(template, {"raised_to": "forstarkningslage"}) | {"raised_to": "level-9"}
    kept, missing = settle_level_set(gone, odd, default_registry())
    assert kept is gone and [n.code for n in missing] == [LEVEL_SET_MISSING]
    assert text(LEVEL_SET_MISSING, "sv", wanted="x").startswith("Nivåuppsättningen ”x”")


def test_a_follow_up_speaks_in_the_set_of_its_incident() -> None:
    from editor.model.followup import follow_up

    raised = release_in_level_set(
        Release.new(builtin("readiness-raised-en")), "se-healthcare", default_registry()
    )
    lowered = follow_up(raised, b"{}", builtin("readiness-lowered-en"))
    assert lowered.template.level_set == "se-healthcare"
    assert lowered.values["lowered_to"] == "stabslage"  # the default, moved by rank
