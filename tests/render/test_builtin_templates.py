"""Every built-in template: it loads, its body is sound, it renders empty and filled, its Swedish
and English versions share their fields, and its reference release matches the expected files.

The reference releases live in ``tests/reference/`` (values in, expected outputs out); see
``tests/reference/regenerate.py``.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from editor.model.fields import PLACEHOLDER_OPEN, FieldType
from editor.model.release import values_from_json
from editor.model.template import Template
from editor.render.engine import check_template, render_document
from editor.storage.library import builtin_entries
from tests.reference import cases

KINDS = [
    "readiness-raised",
    "readiness-lowered",
    "readiness-ended",
    "incident-update",
    "general",
    "lex-maria",
    "council-broadcast",
    "media-invitation",
    "holding",
    "crisis-management-activated",
]
LANGUAGES = ["sv", "en"]
# NHS incidents: English only, with the NHS level set
NHS_IDS = [
    "critical-incident-declared-en",
    "critical-incident-update-en",
    "critical-incident-stood-down-en",
]
IDS = [f"{kind}-{lang}" for kind in KINDS for lang in LANGUAGES] + NHS_IDS
# The English crisis templates speak in the NHS set unless a release picks another.
ENGLISH_CRISIS = ["readiness-raised-en", "readiness-lowered-en", "readiness-ended-en",
                  "incident-update-en"]  # fmt: skip
LEVEL_SETS = {i: "nhs-incident" for i in [*NHS_IDS, *ENGLISH_CRISIS]}
FORMATS = cases.available_formats()
CONTACT_HEADING = {"sv": "**Kontakt**", "en": "**Contact**"}
LABELS = {
    "sv": {"PRESSMEDDELANDE", "MEDIEINBJUDAN"},
    "en": {"PRESS RELEASE", "MEDIA INVITATION", "STATEMENT"},
}
# Made-up contacts only: example.se addresses and numbers of (nearly) all zeros.
FAKE_PHONE = re.compile(r"(\+46 (470|70)|0470|070)[- ]0[0 ]*[0-9]|01234 0+")


@pytest.fixture(scope="module")
def templates() -> dict[str, Template]:
    """Each built-in in the level set its reference release picked (the English crisis
    templates in the Swedish set, as a Swedish region's English release is)."""
    builtin = cases.builtin_templates()
    return {i: cases.case_template(i, builtin) if i in IDS else t for i, t in builtin.items()}


@pytest.fixture(scope="module")
def rendered(templates: dict[str, Template]) -> dict[str, cases.Case]:
    return {case: cases.render_case(case, templates) for case in IDS}


def _values(template: Template, data: dict[str, Any]) -> dict[str, Any]:
    values, problems = values_from_json(template, data)
    assert not problems, problems
    return values


def _markdown(template: Template, **data: Any) -> str:
    """The template rendered with its reference values, some of them changed."""
    values = _values(template, cases.raw_values(template.id) | data)
    doc = render_document(template, values)
    assert doc.problems == []
    return doc.markdown


# --- loading ---------------------------------------------------------------------------------


def test_the_built_in_set_is_complete_and_every_template_has_a_reference_release() -> None:
    entries = builtin_entries()
    assert sorted(e.key for e in entries) == sorted(IDS)
    assert cases.case_ids() == sorted(IDS)


@pytest.mark.parametrize("template_id", IDS)
def test_loads_without_problems(template_id: str) -> None:
    entry = next(e for e in builtin_entries() if e.key == template_id)
    assert entry.error is None
    template = entry.template
    assert template is not None
    assert template.id == Path(entry.path).stem == template_id
    assert template.language == template_id.rsplit("-", 1)[1]
    assert template.level_set == LEVEL_SETS.get(template_id, "se-healthcare")
    assert template.extra == {}, "unknown top-level keys (a key after [[fields]]?)"
    assert check_template(template) == []


@pytest.mark.parametrize("template_id", IDS)
def test_follows_the_house_conventions(templates: dict[str, Template], template_id: str) -> None:
    template = templates[template_id]
    assert template.name and template.description
    assert len(re.findall(r"[.!?](\s|$)", template.description)) <= 2, "one or two sentences"
    label = template.field("label")
    assert label is not None and label.type == FieldType.TEXT
    assert label.default in LABELS[template.language]
    release_date = template.field("release_date")
    assert release_date is not None and release_date.type == FieldType.DATE
    assert release_date.required and release_date.default == "today"
    contact = template.field("contact")
    assert contact is not None and contact.type == FieldType.CONTACT and contact.required
    assert template.field("headline") is not None
    for field_def in template.fields:
        assert field_def.help, f"{field_def.key} has no help text"
        assert field_def.group, f"{field_def.key} has no group"
        # The organisation also names the document's author, so it may stay out of the text.
        # The time of publication decides tense (``is future``) without being printed.
        if field_def.key not in ("organisation", "release_time"):
            assert field_def.key in template.body, f"{field_def.key} is not used in the body"


# --- rendering without values ----------------------------------------------------------------


@pytest.mark.parametrize("template_id", IDS)
def test_renders_empty_with_a_problem_for_each_required_field(
    templates: dict[str, Template], template_id: str
) -> None:
    template = templates[template_id]
    doc = render_document(template, {})
    required = {f.key for f in template.fields if f.required}
    assert {p.field for p in doc.problems} == required
    assert PLACEHOLDER_OPEN in doc.markdown
    for fmt in FORMATS:
        assert cases.output(doc, fmt)


@pytest.mark.parametrize("template_id", IDS)
def test_renders_a_new_release_from_the_defaults(
    templates: dict[str, Template], template_id: str
) -> None:
    template = templates[template_id]
    doc = render_document(template, _values(template, {}))
    unfilled = {f.key for f in template.fields if f.required and f.default is None}
    assert {p.field for p in doc.problems} == unfilled


# --- the reference releases ------------------------------------------------------------------


@pytest.mark.parametrize("template_id", IDS)
def test_reference_values_fill_every_field_and_leave_no_placeholder(
    templates: dict[str, Template], rendered: dict[str, cases.Case], template_id: str
) -> None:
    # Every field is listed, so a default such as "now" never leaks into an expected file.
    assert set(cases.raw_values(template_id)) == {f.key for f in templates[template_id].fields}
    doc = rendered[template_id].doc
    assert doc.problems == []
    assert PLACEHOLDER_OPEN not in doc.markdown


@pytest.mark.parametrize("template_id", IDS)
def test_reference_release_has_the_shape_of_a_release(
    rendered: dict[str, cases.Case], template_id: str
) -> None:
    case = rendered[template_id]
    lang = case.template.language
    markdown = case.doc.markdown
    label = case.values["label"]
    date_line = cases.output(case.doc, "md").splitlines()[1]
    assert markdown.startswith(f"**{label}**\\\n{date_line}\n\n# ")
    assert re.search(r"^\d{1,2} [a-zA-Z]+ 20\d\d$", date_line)
    assert re.search(r"\n\n\*\*[^*\n].*\*\*\n", markdown), "a bold lead"
    assert "\n## " in markdown
    first = case.values["contact"][0]  # labelled groups: the first contact's heading
    heading = f"**{first.group}**" if first.group else CONTACT_HEADING[lang]
    assert f"\n{heading}\n\n" in markdown
    tail = markdown.rsplit(heading, 1)[1]
    for contact in case.values["contact"]:
        assert f"**{contact.name}**" in tail
    if lang == "sv":
        assert not re.search(r"\b(Måndag|Tisdag|Onsdag|Torsdag|Fredag|Lördag|Söndag)\b", tail)


@pytest.mark.parametrize("template_id", IDS)
def test_reference_contacts_are_made_up(template_id: str) -> None:
    for contact in cases.raw_values(template_id)["contact"]:
        assert contact["email"].endswith(("@example.se", "@example.nhs.uk"))
        for phone in contact["phones"]:
            number = phone if isinstance(phone, str) else phone["number"]
            assert FAKE_PHONE.fullmatch(number), number


@pytest.mark.parametrize("template_id", IDS)
def test_reference_release_passes_the_pre_send_checks(
    rendered: dict[str, cases.Case], template_id: str
) -> None:
    from editor.render.checks import run_checks

    case = rendered[template_id]
    day = case.values["release_date"]
    findings = run_checks(case.template, case.values, case.doc, now=datetime(*day.timetuple()[:3]))
    assert [f for f in findings if f.severity == "error"] == []


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("template_id", IDS)
def test_matches_the_expected_file(
    rendered: dict[str, cases.Case], template_id: str, fmt: str
) -> None:
    path = cases.expected_path(template_id, fmt)
    assert path.exists(), f"{path.name} is missing: run tests/reference/regenerate.py"
    actual = cases.output(rendered[template_id].doc, fmt)
    expected = path.read_text(encoding="utf-8")
    assert cases.comparable(fmt, actual) == cases.comparable(fmt, expected), (
        f"{template_id} as {fmt} differs from {path.name}; if the change is meant, read the diff"
        " of tests/reference/regenerate.py --dry-run and regenerate"
    )


# --- Swedish and English pairs ---------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_swedish_and_english_share_their_fields(templates: dict[str, Template], kind: str) -> None:
    sv, en = templates[f"{kind}-sv"], templates[f"{kind}-en"]

    def shape(template: Template) -> list[tuple[Any, ...]]:
        return [
            (f.key, f.type, f.required, f.multiple, f.level_set, len(f.choices), len(f.groups))
            + ((f.default,) if f.type in (FieldType.LEVEL, FieldType.YESNO) else ())
            for f in template.fields
        ]

    assert shape(sv) == shape(en)
    assert sv.level_set == en.level_set
    assert sv.name != en.name


@pytest.mark.parametrize("kind", KINDS)
def test_a_release_moves_between_languages(templates: dict[str, Template], kind: str) -> None:
    swedish_values = cases.raw_values(f"{kind}-sv")
    doc = render_document(templates[f"{kind}-en"], _values(templates[f"{kind}-en"], swedish_values))
    assert doc.problems == []


def test_the_same_concept_has_the_same_key_everywhere(templates: dict[str, Template]) -> None:
    seen: dict[str, FieldType] = {}
    for template in templates.values():
        for field_def in template.fields:
            assert seen.setdefault(field_def.key, field_def.type) == field_def.type, field_def.key


# --- what the templates do with the values ---------------------------------------------------


def test_swedish_quotes_take_the_comma_outside(templates: dict[str, Template]) -> None:
    template = templates["general-sv"]
    said = _markdown(template, quote="Vi är glada.", quote_name="Eva Test", quote_title="")
    assert "\n”Vi är glada”, säger Eva Test.\n" in said
    asked = _markdown(template, quote="Varför nu?", quote_name="Eva Test", quote_title="chef")
    assert "\n”Varför nu?” säger Eva Test, chef.\n" in asked
    nobody = _markdown(template, quote="Hej", quote_name="")
    assert "”Hej”, säger [vem?]." in nobody
    assert "säger" not in _markdown(template, quote="")


def test_english_quotes_take_the_comma_inside(templates: dict[str, Template]) -> None:
    template = templates["general-en"]
    said = _markdown(template, quote="We are glad.", quote_name="Eva Test", quote_title="")
    assert "\n“We are glad,” says Eva Test.\n" in said
    asked = _markdown(template, quote="Why now?", quote_name="Eva Test", quote_title="Head")
    assert "\n“Why now?” says Eva Test, Head.\n" in asked


def test_lex_maria_quotes_the_chief_medical_officer(templates: dict[str, Template]) -> None:
    sv = _markdown(templates["lex-maria-sv"], quote="Det ska inte hända")
    assert "”Det ska inte hända”, säger Eva Test, chefläkare." in sv
    assert "Ansvarig för anmälan är chefläkare Eva Test." in sv
    assert "Inspektionen för vård och omsorg (IVO) enligt lex Maria. Anmälan gjordes i går." in sv
    en = _markdown(templates["lex-maria-en"], quote="This should not happen")
    assert "“This should not happen,” says Eva Test, Chief Medical Officer." in en
    assert "Health and Social Care Inspectorate (IVO) under Lex Maria" in en
    quiet = _markdown(templates["lex-maria-sv"], quote=None, patient_informed=False, where=None)
    assert "säger" not in quiet and "informerats" not in quiet
    assert "har anmält en händelse till Inspektionen för vård och omsorg" in quiet


def test_readiness_ended_without_a_lowering_ends_the_raised_level(
    templates: dict[str, Template],
) -> None:
    sv = _markdown(templates["readiness-ended-sv"], headline=None, lowered_at=None)
    assert "\n# Region Kronoberg avslutar förstärkningsläget\n" in sv
    assert "avslutade förstärkningsläget i dag tisdag den 25 september klockan 15.37" in sv
    assert "sänktes" not in sv
    en = _markdown(templates["readiness-ended-en"], headline=None, lowered_at=None)
    assert "\n# Region Kronoberg ends förstärkningsläge\n" in en
    assert "lowered" not in en


def test_readiness_ended_tells_a_lowering_on_the_same_day(templates: dict[str, Template]) -> None:
    sv = _markdown(templates["readiness-ended-sv"], raised_at="2018-09-21T09:10")
    assert "Senare samma förmiddag, när läget hade stabiliserats, sänktes beredskapen" in sv
    en = _markdown(templates["readiness-ended-en"], lowered_at="2018-09-21T13:00")
    assert "\nThat afternoon, once the situation had stabilised, readiness was lowered" in en
    next_day = _markdown(templates["readiness-ended-en"], lowered_at="2018-09-22T13:00")
    assert "\nOn Saturday afternoon, once the situation had stabilised" in next_day


def test_readiness_ended_press_sentences(templates: dict[str, Template]) -> None:
    template = templates["readiness-ended-sv"]
    only_phone = _markdown(template, crisis_management_dissolved=False)
    assert "Det presstelefonnummer som användes under händelsen är stängt.\n" in only_phone
    assert "krisledningen" not in only_phone
    neither = _markdown(template, press_phone_closed=False, crisis_management_dissolved=False)
    assert "## Press och media\n\nFrågor från media besvaras" in neither
    two = {"name": "Per Prov", "phones": ["070-000 00 01"], "email": "per.prov@example.se"}
    both = _markdown(template, contact=[*cases.raw_values(template.id)["contact"], two])
    assert "besvaras från och med nu av Anna Exempel och Per Prov." in both
    untitled = _markdown(template, contact={"name": "Anna Exempel", "email": "a@example.se"})
    assert "besvaras från och med nu av Anna Exempel." in untitled


def test_headlines_are_written_from_the_facts_when_left_empty(
    templates: dict[str, Template],
) -> None:
    raised = _markdown(templates["readiness-raised-sv"], raised_to="katastroflage")
    assert "\n# Region Kronoberg höjer beredskapen till katastrofläge\n" in raised
    assert "\nKatastrofläge är den högsta beredskapsgraden.\n" in raised
    lowered = _markdown(templates["readiness-lowered-en"])
    assert "\n# Region Kronoberg lowered its readiness level to stabsläge\n" in lowered
    assert "\nStabsläge is the lowest of three healthcare readiness levels.\n" in lowered


def test_a_lowering_to_normal_operations_is_not_glossed(templates: dict[str, Template]) -> None:
    markdown = _markdown(templates["readiness-lowered-sv"], lowered_to="normal")
    assert "sänkte beredskapen till normalläge i dag" in markdown
    assert "vardaglig" not in markdown
    update = _markdown(templates["incident-update-en"], current_level="normal")
    assert "moved to the level of normal operations at 10.40am today.\n" in update
    assert "everyday" not in update


def test_optional_sections_disappear_when_empty(templates: dict[str, Template]) -> None:
    raised = _markdown(
        templates["readiness-raised-sv"],
        decided_by=None,
        situation=None,
        consequences=None,
        advice=None,
        next_update_at=None,
        press_phone=None,
        press_info=None,
        label="",
    )
    assert raised.startswith("21 september 2018\n\n# ")
    assert "##" not in raised and "\n\n\n" not in raised
    assert "Beslutet" not in raised


def test_timeline_rows_on_other_days_name_the_day(templates: dict[str, Template]) -> None:
    rows = [
        {"at": "2018-09-20T22:10", "text": "Larmet går."},
        {"at": "06:15", "text": "Beredskapen höjs."},
    ]
    sv = _markdown(templates["incident-update-sv"], timeline=rows)
    assert "- **I går klockan 22.10:** Larmet går.\n- **6.15:** Beredskapen höjs.\n" in sv
    en = _markdown(templates["incident-update-en"], timeline=rows)
    assert "- **Yesterday at 10.10pm:** Larmet går.\n- **6.15am:** Beredskapen höjs.\n" in en


def test_update_time_leads_the_headline(templates: dict[str, Template]) -> None:
    sv = _markdown(templates["incident-update-sv"], update_time="09:05")
    assert "\n# Uppdatering 9.05: IT-störningen i Region Kronoberg\n" in sv
    en = _markdown(templates["incident-update-en"], update_time="12:00")
    assert "\n# Update noon: IT disruption at Region Kronoberg\n" in en


def test_media_invitation_time_range_and_registration(templates: dict[str, Template]) -> None:
    sv = _markdown(templates["media-invitation-sv"], registration_to=None)
    assert "- **Tid:** måndag den 8 oktober klockan 10.00–11.30\n" in sv
    assert "\nAnmäl dig senast fredag den 5 oktober.\n" in sv
    en = _markdown(templates["media-invitation-en"], registration_by=None, ends_at=None)
    assert "- **When:** Monday 8 October, 10am\n" in en
    assert "\nPlease register with anna.exempel@example.se.\n" in en
    none = _markdown(templates["media-invitation-en"], registration_by=None, registration_to=None)
    assert "register" not in none


def test_council_broadcast_lead_follows_the_meeting_day(templates: dict[str, Template]) -> None:
    sv = _markdown(templates["council-broadcast-sv"], replay=None, ends_at=None)
    assert (
        "**Regionfullmäktige i Region Exempelby sammanträder på tisdag. Mötet sänds direkt.**" in sv
    )
    assert "- **Tid:** tisdag den 9 oktober klockan 9\n" in sv
    en = _markdown(templates["council-broadcast-en"], starts_at="2018-10-04T18:30")
    assert "**Region Exempelby's Regional Council meets today." in en
    assert "- **When:** 6.30pm on Thursday 4 October, expected to end at about 4pm\n" in en
