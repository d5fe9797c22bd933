"""The bugs found by filling the built-ins with real releases, each with the test that would
have caught it (issue "Real releases from the form alone", item 8)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from editor.cli import main
from editor.model.release import Release
from editor.render.checks import check_release
from editor.render.short import render_short
from tests.helpers import builtin, make_template, values

ENDED_SV = {
    "release_date": "2018-09-25",
    "organisation": "Region Exempel",
    "cause": "en störning i IT-systemen",
    "raised_at": "2018-09-21T06:30",
    "raised_to": "forstarkningslage",
    "ended_at": "2018-09-25T15:37",
    "contact": {"name": "Anna Exempel", "phones": ["0470-00 00 00"]},
}


@pytest.mark.parametrize("channel", ["sms", "social"])
def test_ended_short_forms_name_the_raised_level_when_it_was_never_lowered(channel: str) -> None:
    template = builtin("readiness-ended-sv")
    short = render_short(template, values(template, ENDED_SV), channel)
    assert short is not None
    assert "förstärkningsläget" in short.text and "stabsläget" not in short.text


def test_ended_short_forms_name_the_lowered_level_when_it_was_lowered() -> None:
    template = builtin("readiness-ended-sv")
    data = {**ENDED_SV, "lowered_at": "2018-09-21T10:30", "lowered_to": "stabslage"}
    short = render_short(template, values(template, data), "sms")
    assert short is not None and "stabsläget" in short.text


@pytest.mark.parametrize("command", ["render", "new"])
def test_an_unknown_level_id_is_refused_with_one_line_and_exit_2(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setenv("PRESSKLAR_HOME", str(tmp_path))
    path = tmp_path / "v.json"
    path.write_text(json.dumps({**ENDED_SV, "raised_to": "hojt"}), encoding="utf-8")
    out = tmp_path / "out.txt"
    args = [command, "readiness-ended-sv", "--values", str(path), "-o", str(out)]
    if command == "render":
        args += ["--to", "txt"]
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "hojt" in err and "stabslage" in err
    assert not out.exists()


SHORT_TEMPLATE_FIELDS = [
    {"key": "release_date", "type": "date", "label": "Datum", "required": True},
    {"key": "text", "type": "text", "label": "Text"},
]


def _findings(short: dict[str, str], text: str) -> set[str]:
    template = make_template("# Rubrik\n\n{{ text }}\n", SHORT_TEMPLATE_FIELDS, short=short)
    release = Release.new(template, values(template, {"release_date": "2018-09-25", "text": text}))
    return {f.code for f in check_release(release, "sv", now=datetime(2018, 9, 25, 9))}


def test_check_flags_an_sms_that_needs_two_messages() -> None:
    assert "sms_parts" in _findings({"sms": "{{ text }}"}, "a" * 170)
    assert "sms_parts" not in _findings({"sms": "{{ text }}"}, "a" * 150)


def test_check_flags_a_social_post_over_280_characters() -> None:
    assert "social_too_long" in _findings({"social": "{{ text }}"}, "a" * 291)
    assert "social_too_long" not in _findings({"social": "{{ text }}"}, "a" * 280)


def test_a_raise_months_before_an_end_near_the_release_date_is_not_flagged() -> None:
    template = builtin("readiness-ended-sv")
    data = {**ENDED_SV, "raised_at": "2018-05-02T06:30"}
    release = Release.new(template, values(template, data))
    codes = {f.code for f in check_release(release, "sv", now=datetime(2018, 9, 25, 16))}
    assert "relative_day_far" not in codes


def test_an_end_far_from_the_release_date_is_still_flagged() -> None:
    template = builtin("readiness-ended-sv")
    data = {**ENDED_SV, "raised_at": "2018-05-02T06:30", "ended_at": "2018-05-20T15:00"}
    release = Release.new(template, values(template, data))
    codes = {f.code for f in check_release(release, "sv", now=datetime(2018, 9, 25, 16))}
    assert "relative_day_far" in codes
