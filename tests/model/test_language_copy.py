"""A language copy: the Swedish release in English (and back), with typed values carried,
free text marked to translate until edited, and nothing left out silently."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

import pytest

from editor.model.incident import IncidentLink
from editor.model.language_copy import language_copy, paired_template_id
from editor.model.levels import default_registry
from editor.model.release import Release, parse_release, release_to_json
from editor.render.checks import check_release
from editor.render.session import render_release
from editor.render.writers.text import plain_text
from tests.helpers import ROOT, builtin, make_template, values

SV = json.loads((ROOT / "tests/reference/values/readiness-raised-sv.json").read_text("utf-8"))
NOW = datetime(2018, 9, 21, 7, 0)


def swedish_release() -> Release:
    template = builtin("readiness-raised-sv")
    return Release.new(template, values(template, SV))


def test_the_english_copy_renders_dates_times_and_the_level_in_english() -> None:
    made = language_copy(swedish_release(), builtin("readiness-raised-en"), default_registry())
    text = plain_text(render_release(made.copy))
    assert text.startswith("PRESS RELEASE\n21 September 2018\n")  # the label's default swapped
    assert "Region Kronoberg raised its readiness level to förstärkningsläge\n===" in text
    assert "förstärkningsläge at\n6.15am today" in text  # the original's level set, in English
    assert "Förstärkningsläge is the middle of three healthcare readiness levels." in text
    assert "The next update will be given at noon today." in text
    assert "Anna Exempel\nPressekreterare" in text  # the contact as the book holds it
    assert "september" not in text.replace("September", "")  # no Swedish date left


def test_the_copy_shares_the_incident_and_its_number() -> None:
    original = replace(
        swedish_release(), incident=IncidentLink("inc1", "IT-störning", 3, "prev", "abc")
    )
    made = language_copy(original, builtin("readiness-raised-en"), default_registry())
    assert made.copy.incident == original.incident and made.original is original
    assert made.copy.id != original.id and made.copy.template.language == "en"


def test_without_an_incident_both_get_a_new_one_numbered_one() -> None:
    original = swedish_release()
    made = language_copy(original, builtin("readiness-raised-en"), default_registry())
    assert original.incident is None  # the caller decides when the original keeps it
    assert made.copy.incident is not None and made.copy.incident.number == 1
    assert made.original.incident == made.copy.incident
    assert made.copy.incident.title == ""  # no headline typed, and none rendered given
    titled = language_copy(original, builtin("readiness-raised-en"), title="Region höjer")
    assert titled.copy.incident is not None and titled.copy.incident.title == "Region höjer"


def test_free_text_is_marked_to_translate_and_typed_data_is_not() -> None:
    made = language_copy(swedish_release(), builtin("readiness-raised-en"), default_registry())
    copy = made.copy
    assert copy.to_translate() == (
        "cause", "decided_by", "situation", "consequences", "advice", "quotes", "press_phone",
    )  # fmt: skip
    assert copy.values["organisation"] == SV["organisation"]  # a name: the same in English
    assert copy.values["cause"] == SV["cause"]  # copied as it was, for the officer to translate
    assert copy.values["label"] == "PRESS RELEASE"
    assert copy.language_copy is not None and copy.language_copy.source_language == "sv"


def test_the_marks_survive_the_file_and_go_when_the_field_is_edited() -> None:
    copy = language_copy(swedish_release(), builtin("readiness-raised-en")).copy
    reopened = parse_release(release_to_json(copy))
    assert reopened.to_translate() == copy.to_translate()
    edited = reopened.with_values({**reopened.values, "cause": "a wide IT disruption"})
    assert "cause" not in edited.to_translate() and "situation" in edited.to_translate()
    kept = edited.translated("decided_by")  # the officer keeps it as it is
    assert "decided_by" not in kept.to_translate()
    untouched = kept.with_values(dict(kept.values))
    assert untouched.to_translate() == kept.to_translate()


def test_a_file_with_an_unreadable_mark_opens_as_an_ordinary_release() -> None:
    data = json.loads(release_to_json(swedish_release()))
    data["language_copy"] = {"of": 5, "to_translate": "all"}
    assert parse_release(json.dumps(data)).language_copy is None
    data["language_copy"] = {"of": "x", "language": "sv", "to_translate": ["nope", 3, "cause"]}
    assert parse_release(json.dumps(data)).to_translate() == ("cause",)


def test_the_checks_list_the_fields_still_to_translate() -> None:
    copy = language_copy(swedish_release(), builtin("readiness-raised-en")).copy
    found = [f for f in check_release(copy, "sv", NOW) if f.code == "to_translate"]
    assert len(found) == 1 and found[0].severity == "warning" and found[0].field == "cause"
    assert found[0].message.startswith("Fortfarande på svenska")
    assert "Reason" in found[0].message and "What has happened" in found[0].message
    done = copy.with_values(
        {k: v for k, v in copy.values.items()} | {k: "Translated." for k in copy.to_translate()}
    )
    assert not [f for f in check_release(done, "en", NOW) if f.code == "to_translate"]


def test_fields_choices_and_levels_without_a_counterpart_are_dropped_with_a_note() -> None:
    fields = [
        {"key": "kind", "type": "choice", "label": "Slag", "choices": ["a", "b"]},
        {"key": "level", "type": "level", "label": "Läge"},
        {"key": "only_sv", "type": "text", "label": "Bara svenska"},
        {"key": "when", "type": "date", "label": "När"},
    ]
    sv = make_template("{{ kind }}", fields, id="t-sv", language="sv")
    en_fields = [
        {"key": "kind", "type": "choice", "label": "Kind", "choices": ["A", "B"]},
        {"key": "level", "type": "level", "label": "Level"},
        {"key": "when", "type": "text", "label": "When"},
    ]
    en = make_template("{{ kind }}", en_fields, id="t-en", language="en", level_set="nhs-incident")
    original = Release.new(
        sv, values(sv, {"kind": "b", "level": "stabslage", "only_sv": "x", "when": "2018-09-21"})
    )
    copy = language_copy(original, en, default_registry()).copy
    assert copy.values["kind"] == "B"  # carried by its place in the list
    assert copy.template.level_set == sv.level_set  # the copy speaks in the original's levels
    assert copy.values["level"] == "stabslage" and copy.values["when"] is None
    assert copy.language_copy is not None
    assert copy.language_copy.dropped == ("När", "Bara svenska")
    note = [f for f in check_release(copy, "en", NOW) if f.code == "copy_dropped"]
    assert note and "När, Bara svenska" in note[0].message


@pytest.mark.parametrize(
    ("template_id", "language", "expected"),
    [("readiness-raised-sv", "en", "readiness-raised-en"), ("general-en", "sv-FI", "general-sv")],
)
def test_the_pair_is_the_id_with_the_language_swapped(
    template_id: str, language: str, expected: str
) -> None:
    assert paired_template_id(builtin(template_id), language) == expected


def test_a_template_may_name_its_own_pair() -> None:
    own = make_template("x", id="vart-eget", translations={"en": "our-own-english"})
    assert paired_template_id(own, "en") == "our-own-english"
    assert paired_template_id(make_template("x", id="nosuffix"), "en") == ""


def test_a_default_is_swapped_only_for_the_pairs_own_default() -> None:
    label = {"key": "label", "type": "text", "label": "Etikett", "default": "PRESSMEDDELANDE"}
    phone = {"key": "phone", "type": "text", "label": "Telefon"}
    sv = make_template("{{ label }}", [label, phone], id="t-sv", language="sv")
    en_plain = make_template("{{ label }}", [{**label, "default": None}, phone], id="t-en",
                             language="en")  # fmt: skip
    original = Release.new(sv, values(sv, {"phone": "0470-00 00 00"}))
    copy = language_copy(original, en_plain).copy
    assert copy.values["label"] == "PRESSMEDDELANDE" and copy.to_translate() == ("label",)
    assert copy.values["phone"] == "0470-00 00 00"  # no letters: nothing to translate
