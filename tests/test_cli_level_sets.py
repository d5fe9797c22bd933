"""The CLI's level set: ``--level-set``, the settings' default, and a release whose set is gone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.cli import main
from tests.reference import cases

ENGLISH = "readiness-raised-en"


def _values(tmp_path: Path, **changes: object) -> Path:
    data = {k: v for k, v in cases.raw_values(ENGLISH).items() if k != "raised_to"} | changes
    path = tmp_path / "values.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _render(tmp_path: Path, *extra: str) -> str:
    out = tmp_path / "out.md"
    assert main(["render", ENGLISH, "--values", str(_values(tmp_path)), "--to", "md",
                 "-o", str(out), *extra]) == 0  # fmt: skip
    return out.read_text(encoding="utf-8")


def test_english_crisis_releases_speak_nhs_by_default(tmp_path: Path) -> None:
    text = _render(tmp_path)
    assert "declared a critical incident" in text
    assert "förstärkningsläge" not in text


def test_a_release_picks_the_swedish_set(tmp_path: Path) -> None:
    text = _render(tmp_path, "--level-set", "se-healthcare")
    assert "raised its readiness level to förstärkningsläge" in text


def test_the_organisations_default_set_applies(tmp_path: Path, pressklar_home: Path) -> None:
    settings = pressklar_home / "config" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"default_level_set": "se-healthcare"}), encoding="utf-8")
    assert "förstärkningsläge" in _render(tmp_path)
    assert "critical incident" in _render(tmp_path, "--level-set", "nhs-incident")


def test_an_unknown_set_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["render", ENGLISH, "--to", "md", "-o", str(tmp_path / "x.md"),
                 "--level-set", "no-such-set"])  # fmt: skip
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert "no-such-set" in err and "nhs-incident" in err and "\n" not in err
    assert not (tmp_path / "x.md").exists()


def test_a_release_whose_set_is_gone_exports_in_one_with_its_levels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = tmp_path / "r.pressklar"
    assert main(["new", ENGLISH, "--values", str(_values(tmp_path)), "--level-set",
                 "se-healthcare", "-o", str(release)]) == 0  # fmt: skip
    data = json.loads(release.read_text(encoding="utf-8"))
    assert data["template"]["level_set"] == "se-healthcare"
    data["template"]["level_set"] = "gone-set"
    release.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "r.md"
    assert main(["export", str(release), "--to", "md", "-o", str(out)]) == 0
    assert "gone-set" in capsys.readouterr().err
    assert "förstärkningsläge" in out.read_text(encoding="utf-8")
