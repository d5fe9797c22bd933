"""`check` lists the release's spelling: unknown words by the template's language, the user's
own dictionary respected, typos named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.cli import main
from editor.storage.paths import user_paths
from editor.storage.user_dictionary import add_word
from tests.test_cli_checks import new_release, template_file

__all__ = ["template_file"]  # the fixture, used by name


def spelling_of(release: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    assert main(["check", str(release), "--json", "--lang", "sv"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    codes = ("unknown_words", "doubled_word", "stray_i")
    return [f for f in findings if f["code"] in codes]


def test_check_json_lists_unknown_words_and_typos(
    tmp_path: Path, template_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = new_release(tmp_path, template_file, cause="en störnning som upphörde i idag")
    found = spelling_of(release, capsys)
    assert [(f["code"], f["field"], f["severity"]) for f in found] == [
        ("stray_i", "cause", "warning"),
        ("unknown_words", "cause", "warning"),
    ]
    assert found[1]["message"].startswith("”Orsak”: ord som inte finns i ordlistan (1): störnning")


def test_check_respects_the_users_dictionary(
    tmp_path: Path, template_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = new_release(tmp_path, template_file, cause="en störnning i systemen")
    add_word(user_paths().dictionary_file, "störnning")
    assert spelling_of(release, capsys) == []
