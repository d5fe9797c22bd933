"""CAP 1.2 export: every built-in makes an alert the OASIS schema accepts, in earnest and in an
exercise; levels grade it by their level set; a missing or unusable sender is named."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest

from editor.errors import ExportError, InvalidFileError
from editor.i18n import set_language
from editor.model.alerting import ALL_CLEAR, UNGRADED, Grading, cap_datetime, message_type
from editor.model.incident import IncidentLink
from editor.model.levels import default_registry, parse_level_set
from editor.model.release import Release, values_from_json
from editor.render.export import export_document
from editor.render.session import render_release
from editor.storage.alerts import options_for_release
from editor.storage.settings import Settings
from tests.helpers import CAP, assert_valid_cap, builtin, values
from tests.reference.cases import builtin_templates, case_ids, raw_values

SETTINGS = Settings(
    organisation_name="Region Exempel",
    cap_sender="press@region.example",
    cap_area="Exempelby län",
    public_web_address="https://region.example/press/",
)


def _release(case: str) -> Release:
    template = builtin_templates()[case]
    parsed, problems = values_from_json(template, raw_values(case))
    assert not problems
    return Release.new(template, parsed)


def cap_of(release: Release, settings: Settings = SETTINGS, path: str = "") -> bytes:
    doc = render_release(release)
    options = options_for_release(release, path, "cap", settings, None, doc)
    return export_document(doc, "cap", options)


def _text(root: ET.Element, path: str) -> str:
    found = root.find(path.replace("cap:", CAP))
    assert found is not None, path
    return found.text or ""


@pytest.mark.parametrize("case", case_ids())
@pytest.mark.parametrize("exercise", [False, True])
def test_every_builtin_gives_a_valid_alert(case: str, exercise: bool) -> None:
    release = _release(case).with_exercise(exercise)
    data = cap_of(release)
    assert_valid_cap(data)
    root = ET.fromstring(data)
    assert _text(root, "cap:status") == ("Exercise" if exercise else "Actual")
    assert _text(root, "cap:msgType") == "Alert"
    assert _text(root, "cap:sender") == "press@region.example"
    language = _text(root, "cap:info/cap:language")
    assert language == ("sv-SE" if case.endswith("-sv") else "en-GB")
    assert _text(root, "cap:info/cap:headline") == render_release(release).title
    assert _text(root, "cap:info/cap:area/cap:areaDesc") == "Exempelby län"
    assert _text(root, "cap:info/cap:web").startswith("https://region.example/press/20")


def test_the_level_grades_the_alert_and_the_advice_is_the_instruction() -> None:
    root = ET.fromstring(cap_of(_release("readiness-raised-sv")))
    info = root.find(f"{CAP}info")
    assert info is not None
    graded = [_text(info, f"cap:{key}") for key in ("urgency", "severity", "certainty")]
    assert graded == ["Expected", "Moderate", "Observed"]  # förstärkningsläge
    assert _text(info, "cap:category") == "Health"
    assert _text(info, "cap:instruction").startswith("Sök inte vård på akutmottagningen")
    assert "Anna Exempel" in _text(info, "cap:contact")
    assert "Anna Exempel" not in _text(info, "cap:description")
    assert "journalsystemet" in _text(info, "cap:description")


def test_an_ending_is_all_clear_and_a_release_without_level_is_ungraded() -> None:
    ended = ET.fromstring(cap_of(_release("critical-incident-stood-down-en")))
    assert _text(ended, "cap:info/cap:responseType") == "AllClear"
    assert _text(ended, "cap:info/cap:urgency") == ALL_CLEAR.urgency
    general = ET.fromstring(cap_of(_release("general-sv")))
    assert _text(general, "cap:info/cap:severity") == UNGRADED.severity == "Unknown"


def test_the_identifier_and_time_sent_are_the_same_at_every_export() -> None:
    release = _release("readiness-raised-en")
    first, again = ET.fromstring(cap_of(release)), ET.fromstring(cap_of(release))
    assert _text(first, "cap:identifier") == _text(again, "cap:identifier")
    assert _text(first, "cap:identifier") == f"pressklar-{release.id}"
    assert _text(first, "cap:sent") == cap_datetime(datetime(2018, 9, 21, 7, 0))


def test_cap_times_carry_their_zone() -> None:
    from datetime import timedelta, timezone

    utc = datetime(2018, 9, 21, 7, 0, tzinfo=UTC)
    assert cap_datetime(utc) == "2018-09-21T07:00:00-00:00"
    summer = datetime(2018, 9, 21, 7, 0, 30, 99, tzinfo=timezone(timedelta(hours=2)))
    assert cap_datetime(summer) == "2018-09-21T07:00:30+02:00"


def test_without_a_cap_sender_the_press_office_sends_and_without_both_it_is_named() -> None:
    release = _release("holding-sv")
    fallback = Settings(press_office_email="presstjanst@region.example")
    root = ET.fromstring(cap_of(release, fallback))
    assert _text(root, "cap:sender") == "presstjanst@region.example"
    assert root.find(f"{CAP}info/{CAP}area") is None  # no region set: no area
    with pytest.raises(ExportError) as missing:
        cap_of(release, Settings())
    assert "Settings" in missing.value.text("en")
    set_language("sv")
    assert "Inställningar" in missing.value.text()
    with pytest.raises(ExportError) as bad:
        cap_of(release, Settings(cap_sender="Region Exempel, press"))
    assert "Region Exempel, press" in bad.value.text("en")


def test_the_message_type_follows_the_incident() -> None:
    link = IncidentLink("abc", "IT-avbrott")
    assert message_type("readiness-raised-sv", None) == "Alert"
    assert message_type("readiness-raised-sv", link) == "Alert"
    assert message_type("incident-update-sv", link.next("x", "y")) == "Update"
    assert message_type("readiness-ended-sv", link.next("x", "y")) == "Cancel"


def test_typed_text_stays_text_in_the_alert() -> None:
    template = builtin("general-sv")
    typed = {"headline": "<script>alert(1)</script> & *mer*", "organisation": "Region\x07 Exempel"}
    release = Release.new(template, values(template, typed))
    data = cap_of(release)
    assert_valid_cap(data)
    assert b"<script>" not in data
    assert _text(ET.fromstring(data), "cap:info/cap:headline").startswith("<script>alert(1)")


def test_level_sets_state_their_grading_and_a_set_without_one_is_graded_by_place() -> None:
    healthcare = default_registry().get("se-healthcare")
    assert healthcare is not None and healthcare.category == "Health"
    assert healthcare.grading("katastroflage") == Grading("Immediate", "Severe", "Observed")
    assert healthcare.grading("normal") == ALL_CLEAR
    assert parse_level_set(_toml(healthcare.to_dict())).grading("stabslage") == Grading(
        "Future", "Minor", "Observed"
    )
    own = parse_level_set(
        'id = "own"\n[[levels]]\nid = "a"\n[[levels]]\nid = "b"\n[[levels]]\nid = "c"\n'
    )
    assert [own.grading(x).urgency for x in "abc"] == ["Future", "Expected", "Immediate"]
    assert own.category == "Other"
    with pytest.raises(InvalidFileError) as bad:
        parse_level_set('id = "x"\n[[levels]]\nid = "a"\ncap = { urgency = "Soon" }\n')
    assert "Immediate" in bad.value.text("en")


def _toml(data: dict[str, object]) -> str:
    import tomli_w

    return tomli_w.dumps(data)
