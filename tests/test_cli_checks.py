"""The CLI for the checks and the ready-to-send formats: `check`, `--to sms|social|eml|pdf`,
`--bcc-list`, `--letterhead`, and
the embargo in every format. Run in-process through ``editor.cli.main`` (one subprocess proves
the ``main.py`` wiring); files on disk, outputs read back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from email import message_from_bytes, policy
from io import BytesIO
from pathlib import Path
from typing import Any

import docx
import pytest

from editor.cli import main
from editor.model.release import parse_release
from tests.helpers import ROOT
from tests.render.test_letterhead import FOOTER, make_letterhead

TEMPLATE = """\
format = 1
id = "cli-test"
name = "CLI-test"
language = "sv"
body = '''
# {{ headline }}

{{ organisation }} höjde beredskapen {{ raised_at|relative_day }} på grund av {{ cause }}.

{{ contact|contact_block }}
'''

[short]
sms = "{{ organisation }}: beredskapen höjd på grund av {{ cause }}."
social = '''
{{ organisation }} har höjt beredskapen på grund av {{ cause }}.

Mer information kommer.
'''

[[fields]]
key = "release_date"
type = "date"
label = "Datum"
required = true

[[fields]]
key = "headline"
type = "text"
label = "Rubrik"
required = true

[[fields]]
key = "organisation"
type = "text"
label = "Organisation"
required = true

[[fields]]
key = "cause"
type = "text"
label = "Orsak"
required = true

[[fields]]
key = "raised_at"
type = "datetime"
label = "Höjdes"

[[fields]]
key = "contact"
type = "contact"
label = "Kontakt"
"""
VALUES = {
    "release_date": "2018-09-25",
    "headline": "Region Exempel höjer beredskapen",
    "organisation": "Region Exempel",
    "cause": "en störning i IT-systemen",
    "raised_at": "2018-09-21T06:30",
    "contact": [{"name": "Anna Exempel", "email": "anna@example.se"}],
}
NOTICE = "EMBARGO: Publiceras tidigast tisdag den 25 september 2018 klockan 15.37"


@pytest.fixture
def template_file(tmp_path: Path) -> Path:
    path = tmp_path / "cli-test.toml"
    path.write_text(TEMPLATE, encoding="utf-8")
    return path


def write_values(folder: Path, **changes: Any) -> Path:
    path = folder / "values.json"
    path.write_text(json.dumps({**VALUES, **changes}, ensure_ascii=False), encoding="utf-8")
    return path


def new_release(folder: Path, template: Path, embargo: str | None = None, **changes: Any) -> Path:
    release = folder / "release.pressklar"
    values = write_values(folder, **changes)
    assert main(["new", str(template), "--values", str(values), "-o", str(release)]) == 0
    if embargo is not None:
        data = json.loads(release.read_text(encoding="utf-8"))
        data["embargo"] = embargo
        release.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return release


def settings(home: Path, **values: Any) -> None:
    path = home / "config" / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")


def export(release: Path, fmt: str, *extra: str) -> bytes:
    out = release.with_suffix("." + fmt)
    assert main(["export", str(release), "--to", fmt, "-o", str(out), *extra]) == 0
    return out.read_bytes()


# --- check ----------------------------------------------------------------------------------


def test_check_prints_findings_and_exits_0_without_errors(
    tmp_path: Path, template_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = new_release(tmp_path, template_file)
    assert main(["check", str(release), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "warning release_date_past [release_date]: The release date" in out
    assert "info    readability_lix: Readability: LIX" in out


def test_check_exits_1_when_there_are_errors(
    tmp_path: Path, template_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = new_release(tmp_path, template_file, cause="", contact=[{"name": "A", "email": "a@"}])
    assert main(["check", str(release), "--json", "--lang", "sv"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["error"] == 2 and report["file"] == str(release)
    first = report["findings"][0]
    assert first == {
        "severity": "error",
        "code": "required_empty",
        "message": "”Orsak” måste fyllas i.",
        "field": "cause",
    }
    assert {"code": "email_invalid", "field": "contact"}.items() <= report["findings"][1].items()


def test_check_warns_of_a_passed_embargo(
    tmp_path: Path, template_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = new_release(tmp_path, template_file, embargo="2018-09-25T15:37")
    main(["check", str(release), "--json", "--lang", "en"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert any(f["code"] == "embargo_passed" and f["field"] == "@embargo" for f in findings)


def test_check_follows_the_ui_language_setting(
    tmp_path: Path, template_file: Path, pressklar_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings(pressklar_home, ui_language="sv")
    main(["check", str(new_release(tmp_path, template_file))])
    assert "Läsbarhet: LIX" in capsys.readouterr().out


def test_check_of_an_unreadable_file_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path / "missing.pressklar")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("pressklar: ") and err.count("\n") == 1
    corrupt = tmp_path / "corrupt.pressklar"
    corrupt.write_text("{not json", encoding="utf-8")
    assert main(["check", str(corrupt)]) == 2


def test_check_through_main_py(tmp_path: Path, template_file: Path) -> None:
    release = new_release(tmp_path, template_file, headline="")
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "check", str(release), "--lang", "en"],
        capture_output=True,
        text=True,
        env={**os.environ, "PRESSKLAR_HOME": str(tmp_path)},
        timeout=60,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("error   required_empty [headline]: “Rubrik” is required")


# --- embargo in the release file and every format -------------------------------------------


def test_a_release_without_an_embargo_has_none_and_one_with_it_keeps_it(
    tmp_path: Path, template_file: Path
) -> None:
    plain = new_release(tmp_path, template_file)
    text = plain.read_text(encoding="utf-8")
    assert "embargo" not in json.loads(text)
    assert parse_release(text).embargo is None
    dated = new_release(tmp_path, template_file, embargo="2018-09-25T15:37")
    release = parse_release(dated.read_text(encoding="utf-8"))
    assert release.embargo is not None and release.embargo.isoformat() == "2018-09-25T15:37:00"
    assert json.loads(json.dumps(release.to_dict()))["embargo"] == "2018-09-25T15:37:00"


def test_a_bad_embargo_is_a_user_error(
    tmp_path: Path, template_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = new_release(tmp_path, template_file, embargo="tisdag")
    assert main(["export", str(release), "--to", "md", "-o", str(tmp_path / "x.md")]) == 2
    assert "embargo" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "docx", "eml"])
def test_the_embargo_notice_is_in_every_format(
    tmp_path: Path, template_file: Path, fmt: str
) -> None:
    release = new_release(tmp_path, template_file, embargo="2018-09-25T15:37")
    data = export(release, fmt)
    if fmt == "docx":
        texts = [p.text for p in docx.Document(BytesIO(data)).paragraphs if p.text]
        assert texts[0] == NOTICE
        return
    if fmt == "eml":
        message = message_from_bytes(data, policy=policy.default)
        parts = message.iter_parts()  # type: ignore[attr-defined]
        text = "".join(part.get_content() for part in parts)
    else:
        text = data.decode("utf-8")
    assert NOTICE in text
    headline = "<h1>" if fmt == "html" else "Region Exempel höjer beredskapen"
    assert text.index(NOTICE) < text.index(headline)


def test_the_embargo_notice_is_in_the_pdf(tmp_path: Path, template_file: Path, qapp: Any) -> None:
    from pypdf import PdfReader

    release = new_release(tmp_path, template_file, embargo="2018-09-25T15:37")
    data = export(release, "pdf")
    assert data.startswith(b"%PDF")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(data)).pages).split())
    assert NOTICE in text


def test_an_english_release_has_the_english_notice(tmp_path: Path, template_file: Path) -> None:
    english = template_file.with_name("en.toml")
    english.write_text(TEMPLATE.replace('language = "sv"', 'language = "en"'), encoding="utf-8")
    release = new_release(tmp_path, english, embargo="2018-09-25T15:37")
    assert b"EMBARGO: HOLD FOR RELEASE UNTIL 3.37pm on Tuesday 25 September 2018" in export(
        release, "md"
    )


# --- short versions -------------------------------------------------------------------------


def test_to_sms_writes_the_text_and_reports_the_count(
    tmp_path: Path, template_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    values = write_values(tmp_path)
    args = ["render", str(template_file), "--values", str(values), "--to", "sms", "-o", "-"]
    assert main(args) == 0
    captured = capsys.readouterr()
    text = "Region Exempel: beredskapen höjd på grund av en störning i IT-systemen."
    assert captured.out == text + "\n"
    assert f"sms {len(text)}/160 characters" in captured.err


def test_to_social_keeps_paragraphs(tmp_path: Path, template_file: Path) -> None:
    data = export(new_release(tmp_path, template_file), "social")
    assert data.decode() == (
        "Region Exempel har höjt beredskapen på grund av en störning i IT-systemen.\n\n"
        "Mer information kommer.\n"
    )


def test_a_template_without_a_short_version_is_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "sms" not in _builtin_short("lex-maria-sv")
    args = ["render", "lex-maria-sv", "--to", "sms", "-o", str(tmp_path / "x.txt")]
    assert main(args) == 2
    assert "has no SMS version" in capsys.readouterr().err


def _builtin_short(template_id: str) -> dict[str, str]:
    from tests.helpers import builtin

    return builtin(template_id).short


# --- e-mail ---------------------------------------------------------------------------------


def test_eml_uses_the_organisation_and_a_distribution_list(
    tmp_path: Path, template_file: Path, pressklar_home: Path
) -> None:
    settings(
        pressklar_home,
        organisation_name="Region Exempel Press",
        distribution_lists={"media": ["tt@example.se", "nyheter@example.se"]},
    )
    release = new_release(tmp_path, template_file)
    message = message_from_bytes(
        export(release, "eml", "--bcc-list", "media"), policy=policy.default
    )
    assert message["Organization"] == "Region Exempel Press"
    assert message["From"] is None and message["X-Unsent"] == "1"
    assert message["Subject"] == "Region Exempel höjer beredskapen"
    assert [a.addr_spec for a in message["Bcc"].addresses] == [  # type: ignore[attr-defined]
        "tt@example.se",
        "nyheter@example.se",
    ]


@pytest.mark.parametrize(
    ("fmt", "message"),
    [("eml", "no distribution list called 'saknas'"), ("html", "--bcc-list is for e-mail")],
)
def test_bcc_list_mistakes_are_user_errors(
    tmp_path: Path, template_file: Path, capsys: pytest.CaptureFixture[str], fmt: str, message: str
) -> None:
    release = new_release(tmp_path, template_file)
    out = str(tmp_path / f"x.{fmt}")
    assert main(["export", str(release), "--to", fmt, "--bcc-list", "saknas", "-o", out]) == 2
    assert message in capsys.readouterr().err
    assert not Path(out).exists()


# --- letterhead -----------------------------------------------------------------------------


def footer_of(data: bytes) -> str:
    return str(docx.Document(BytesIO(data)).sections[0].footer.paragraphs[0].text)


def test_letterhead_flag_puts_the_release_on_the_letterhead(
    tmp_path: Path, template_file: Path
) -> None:
    letterhead = make_letterhead(tmp_path)
    data = export(new_release(tmp_path, template_file), "docx", "--letterhead", str(letterhead))
    assert footer_of(data) == FOOTER
    assert docx.Document(BytesIO(data)).paragraphs[0].text == "Region Exempel höjer beredskapen"


def test_the_settings_letterhead_is_the_default_and_none_turns_it_off(
    tmp_path: Path, template_file: Path, pressklar_home: Path
) -> None:
    settings(pressklar_home, letterhead=str(make_letterhead(tmp_path)))
    release = new_release(tmp_path, template_file)
    assert footer_of(export(release, "docx")) == FOOTER
    # the built-in look's footer: the page number fields, "1 (1)" until Word updates them
    assert footer_of(export(release, "docx", "--letterhead", "none")) == "1 (1)"


def test_a_missing_letterhead_is_a_user_error(
    tmp_path: Path, template_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = new_release(tmp_path, template_file)
    out = tmp_path / "x.docx"
    missing = tmp_path / "brevmall.dotx"
    args = ["export", str(release), "--to", "docx", "--letterhead", str(missing), "-o", str(out)]
    assert main(args) == 2
    assert f"The letterhead {missing} was not found." in capsys.readouterr().err
    assert not out.exists()
