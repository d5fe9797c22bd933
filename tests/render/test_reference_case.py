"""The reference case (shared/reference/readiness-ended.md): a readiness level ends after an IT
outage, in Swedish and English, in every format.

Two guards: the outputs are compared with the expected files (regenerated deliberately by
``tests/reference/regenerate.py``), and the phrases the reference case requires are asserted
here explicitly, so a careless regeneration cannot hide a regression.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from editor import resources
from editor.model.levels import LevelSetRegistry, builtin_level_sets, parse_level_set
from editor.model.release import values_from_json
from editor.render.engine import render_document
from tests.reference import cases

SV = "readiness-ended-sv"
EN = "readiness-ended-en"
FORMATS = cases.available_formats()

CONTACT_SV = [
    "Anna Exempel",
    "Pressekreterare",
    "Enheten för media och kriskommunikation",
    "anna.exempel@example.se",
    "0470-00 00 00",
    "070-000 00 00",
]
CONTACT_EN = [
    "Anna Exempel",
    "Press Secretary",
    "Media and Crisis Communication Unit",
    "anna.exempel@example.se",
    "+46 470 00 00 00",
    "+46 70 000 00 00",
]

# What the reference case says the text must contain, in every format.
REQUIRED_SV = [
    "PRESSMEDDELANDE",
    "25 september 2018",
    "Stabsläget i Region Kronoberg är avslutat",
    "avslutade stabsläget i dag tisdag den 25 september klockan 15.37",
    "på grund av en omfattande störning i regionens IT-system",
    "I fredags morse gick Region Kronoberg upp i förstärkningsläge",
    "sänktes beredskapen till stabsläge, vilket är den lägsta beredskapsgraden",
    "Det presstelefonnummer som användes under händelsen är stängt",
    "den särskilda krisledningen är avvecklad",
    "Frågor från media besvaras från och med nu av pressekreterare Anna Exempel.",
    "Presskontakt",
]
REQUIRED_EN = [
    "PRESS RELEASE",
    "25 September 2018",
    "today at 3.37pm",
    "On Friday morning Region Kronoberg raised its readiness level to förstärkningsläge,"
    " the middle of three healthcare readiness levels.",
    "readiness was lowered to stabsläge, the lowest of three healthcare readiness levels.",
    "because of an extensive disruption to the region's IT systems",
    "The press line used during the incident has been closed",
    "Questions from the media are now answered by Anna Exempel, Press Secretary.",
    "Media enquiries",
]


@pytest.fixture(scope="module")
def rendered() -> dict[str, cases.Case]:
    templates = cases.builtin_templates()
    return {case: cases.render_case(case, templates) for case in (SV, EN)}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", [SV, EN])
def test_matches_the_expected_file(rendered: dict[str, cases.Case], case: str, fmt: str) -> None:
    path = cases.expected_path(case, fmt)
    assert path.exists(), f"{path.name} is missing: run tests/reference/regenerate.py"
    actual = cases.output(rendered[case].doc, fmt)
    expected = path.read_text(encoding="utf-8")
    assert cases.comparable(fmt, actual) == cases.comparable(fmt, expected), (
        f"{case} as {fmt} differs from {path.name}; if the change is meant, read the diff of"
        " tests/reference/regenerate.py --dry-run and regenerate"
    )


def test_the_release_is_complete(rendered: dict[str, cases.Case]) -> None:
    for case in (SV, EN):
        assert rendered[case].doc.problems == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_swedish_reads_as_the_reference_requires(rendered: dict[str, cases.Case], fmt: str) -> None:
    text = cases.plain(cases.output(rendered[SV].doc, fmt))
    for phrase in REQUIRED_SV + CONTACT_SV:
        assert phrase in text, f"{phrase!r} missing from the {fmt} output"
    assert "i fredags förmiddag, när läget hade stabiliserats" in text.lower()


@pytest.mark.parametrize("fmt", FORMATS)
def test_english_reads_as_the_reference_requires(rendered: dict[str, cases.Case], fmt: str) -> None:
    text = cases.plain(cases.output(rendered[EN].doc, fmt))
    for phrase in REQUIRED_EN + CONTACT_EN:
        assert phrase in text, f"{phrase!r} missing from the {fmt} output"
    # The Swedish level names stay, each glossed; no made-up English level names.
    assert "reinforcement" not in text.lower() and "staff level" not in text.lower()


def test_markdown_has_the_date_line_headline_lead_and_sub_heading(
    rendered: dict[str, cases.Case],
) -> None:
    sv = rendered[SV].doc.markdown
    assert sv.startswith("**PRESSMEDDELANDE**\\\n25 september 2018\n\n# Stabsläget i Region")
    assert "\n**Region Kronoberg avslutade stabsläget i dag tisdag den 25 september" in sv
    assert "\n## Press och media\n" in sv
    assert "\n**Presskontakt**\n\n**Anna Exempel**\\\nPressekreterare\\\n" in sv
    en = rendered[EN].doc.markdown
    assert en.startswith("**PRESS RELEASE**\\\n25 September 2018\n\n# Region Kronoberg")
    assert "\n## Press and media\n" in en
    assert "\n**Media enquiries**\n\n**Anna Exempel**\\\nPress Secretary\\\n" in en


def test_the_html_is_a_swedish_page_titled_by_the_headline(
    rendered: dict[str, cases.Case],
) -> None:
    page = cases.output(rendered[SV].doc, "html")
    assert '<html lang="sv">' in page
    assert "<title>Stabsläget i Region Kronoberg är avslutat</title>" in page
    assert "<h2>Press och media</h2>" in page


def _render(case: str, **changes: object) -> str:
    template = cases.case_template(case)
    data = cases.raw_values(case) | changes
    values, problems = values_from_json(template, data)
    assert not problems
    return render_document(template, values).markdown


def test_the_days_are_computed_from_the_dates_not_typed() -> None:
    typed = json.dumps(cases.raw_values(SV), ensure_ascii=False)
    assert "fredags" not in typed and "morse" not in typed and "i dag" not in typed
    # Sent on the Saturday instead, the same facts read "i går".
    saturday = _render(SV, release_date="2018-09-22", ended_at="2018-09-22T15:37")
    assert "i dag lördag den 22 september klockan 15.37" in saturday
    assert "I går morse gick Region Kronoberg upp i förstärkningsläge" in saturday
    assert "I går förmiddag, när läget hade stabiliserats" in saturday
    english = _render(EN, release_date="2018-09-22", ended_at="2018-09-22T15:37")
    assert "Yesterday morning Region Kronoberg raised" in english
    # More than a week on, the text names the date.
    later = _render(SV, release_date="2018-10-02", ended_at="2018-10-02T09:05")
    assert "i dag tisdag den 2 oktober klockan 9.05" in later
    assert "Den 21 september på morgonen gick Region Kronoberg upp" in later


def test_the_explanation_of_the_level_comes_from_the_level_set() -> None:
    text = resources.read_text("levelsets", "se-healthcare.toml")
    changed = text.replace(
        'gloss = { sv = "den lägsta beredskapsgraden"', 'gloss = { sv = "det lägsta läget av tre"'
    )
    assert changed != text
    registry = LevelSetRegistry(
        [s for s in builtin_level_sets() if s.id != "se-healthcare"]
        + [parse_level_set(changed, "se-healthcare.toml")]
    )
    template = cases.builtin_templates()[SV]
    values, _ = values_from_json(template, cases.raw_values(SV))
    markdown = render_document(template, values, levels=registry, today=date(2018, 9, 25)).markdown
    assert "sänktes beredskapen till stabsläge, vilket är det lägsta läget av tre." in markdown
