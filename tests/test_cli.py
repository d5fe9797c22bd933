"""The command line, run as a user would: a separate process, files on disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, english_words

VALUES = {
    "release_date": "2018-09-25",
    "organisation": "Region Exempel",
    "headline": "Stabsläget är avslutat",
    "cause": "en störning i IT-systemen",
    "raised_at": "2018-09-21T06:30",
    "raised_to": "forstarkningslage",
    "lowered_at": "2018-09-21T10:30",
    "lowered_to": "stabslage",
    "ended_at": "2018-09-25T15:37",
    "contact": {"name": "Anna Exempel", "title": "Pressekreterare", "phones": ["0470-00 00 00"]},
}


def run(*args: str, home: Path, lang: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    """The CLI in a process of its own; its messages follow ``lang`` (LANG and LC_ALL)."""
    env = {**os.environ, "PRESSKLAR_HOME": str(home), "LANG": lang, "LC_ALL": lang}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=home,
        timeout=60,
    )


@pytest.fixture
def values_file(tmp_path: Path) -> Path:
    path = tmp_path / "values.json"
    path.write_text(json.dumps(VALUES, ensure_ascii=False), encoding="utf-8")
    return path


def test_templates_lists_builtins_as_json(tmp_path: Path) -> None:
    result = run("templates", "--json", home=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["templates"]
    ended = next(r for r in rows if r["id"] == "readiness-ended-sv")
    assert ended["language"] == "sv" and ended["source"] == "builtin" and not ended["error"]


def test_fields_lists_keys_types_and_required(tmp_path: Path) -> None:
    result = run("fields", "readiness-ended-sv", "--json", home=tmp_path)
    fields = {f["key"]: f for f in json.loads(result.stdout)["fields"]}
    assert fields["raised_at"]["type"] == "datetime" and fields["raised_at"]["required"]
    assert fields["raised_to"]["level_set"] == "se-healthcare"
    plain = run("fields", "readiness-ended-sv", home=tmp_path)
    assert "* raised_at" in plain.stdout


@pytest.mark.parametrize("fmt", ["html", "md", "txt", "docx"])
def test_render_writes_each_format(tmp_path: Path, values_file: Path, fmt: str) -> None:
    out = tmp_path / f"release.{fmt}"
    result = run(
        "render",
        "readiness-ended-sv",
        "--values",
        str(values_file),
        "--to",
        fmt,
        "-o",
        str(out),
        home=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    if fmt == "docx":
        from io import BytesIO

        import docx

        text = "\n".join(p.text for p in docx.Document(BytesIO(data)).paragraphs)
    else:
        text = data.decode("utf-8")
    assert "i fredags morse" in text.replace("\n", " ").replace("I fredags", "i fredags")


def test_new_then_export_round_trip(tmp_path: Path, values_file: Path) -> None:
    release = tmp_path / "r.pressklar"
    assert (
        run(
            "new",
            "readiness-ended-sv",
            "--values",
            str(values_file),
            "-o",
            str(release),
            home=tmp_path,
        ).returncode
        == 0
    )
    out = tmp_path / "r.md"
    result = run("export", str(release), "--to", "md", "-o", str(out), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "# Stabsläget är avslutat" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render", "no-such-template", "--to", "md", "-o", "out.md"], "No template called"),
        (["export", "missing.pressklar", "--to", "md", "-o", "out.md"], "does not exist"),
        (["export", "corrupt.pressklar", "--to", "md", "-o", "out.md"], "damaged"),
        (
            ["render", "readiness-ended-sv", "--values", "bad.json", "--to", "md", "-o", "out.md"],
            "not valid JSON",
        ),
        (
            [
                "render",
                "readiness-ended-sv",
                "--values",
                "wrong.json",
                "--to",
                "md",
                "-o",
                "out.md",
            ],
            "raised_at",
        ),
        (["render", "readiness-ended-sv", "--to", "md", "-o", "nofolder/out.md"], "does not exist"),
        (["render", "broken.toml", "--to", "md", "-o", "out.md"], "broken.toml, line 5"),
    ],
)
def test_user_errors_give_one_line_and_exit_2(
    tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "corrupt.pressklar").write_text("{", encoding="utf-8")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    (tmp_path / "wrong.json").write_text('{"raised_at": "last friday"}', encoding="utf-8")
    (tmp_path / "broken.toml").write_text(
        'format = 1\nname = "x"\nlanguage = "sv"\nbody = """\n{% if %}\n"""\n', encoding="utf-8"
    )
    result = run(*args, home=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.md").exists()


@pytest.mark.parametrize(
    ("args", "swedish"),
    [
        (["render", "readiness-ended-sv", "--to", "md", "-o", "nofolder/out.md"], "finns inte"),
        (["render", "broken.toml", "--to", "md", "-o", "out.md"], "broken.toml, rad 5"),
        (["export", "corrupt.pressklar", "--to", "md", "-o", "out.md"], "skadad"),
    ],
)
def test_user_errors_are_in_the_ui_language(tmp_path: Path, args: list[str], swedish: str) -> None:
    (tmp_path / "corrupt.pressklar").write_text("{", encoding="utf-8")
    (tmp_path / "broken.toml").write_text(
        'format = 1\nname = "x"\nlanguage = "sv"\nbody = """\n{% if %}\n"""\n', encoding="utf-8"
    )
    result = run(*args, home=tmp_path, lang="sv_SE.UTF-8")
    assert result.returncode == 2
    line = result.stderr.strip().removeprefix("pressklar: ")
    assert swedish in line and len(result.stderr.strip().splitlines()) == 1
    assert not english_words(line), line
