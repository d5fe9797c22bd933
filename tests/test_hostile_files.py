"""Files a user can open or a colleague can drop in a folder: nested too deep, numbers too
long, a byte-order mark. Every CLI command answers with one line and exit 2, nothing is
overwritten, and a malformed template in the user's folder never stops the app from starting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.errors import InvalidFileError
from editor.model.reading import load_json, load_toml
from editor.storage.library import load_library
from tests.test_cli import run

DEEP_JSON = "[" * 100_000 + "]" * 100_000
HEADER = 'format = 1\nid = "x"\nname = "Fientlig"\nlanguage = "sv"\nbody = "x"\n'
DEEP_TOML = HEADER + "x = " + "[" * 100_000 + "]" * 100_000 + "\n"
LONG_INT_TOML = HEADER + "x = " + "9" * 5000 + "\n"
LONG_INT_JSON = '{"headline": ' + "9" * 5000 + "}"


@pytest.mark.parametrize(
    ("text", "code"),
    [(DEEP_JSON, "file.nested_too_deeply"), (LONG_INT_JSON, "file.number_too_large")],
)
def test_json_that_python_cannot_read_is_a_problem_with_a_code(text: str, code: str) -> None:
    with pytest.raises(InvalidFileError) as raised:
        load_json(text, "x.json")
    assert [p.code for p in raised.value.problems] == [code]


@pytest.mark.parametrize(
    ("text", "code"),
    [(DEEP_TOML, "file.nested_too_deeply"), (LONG_INT_TOML, "file.number_too_large")],
)
def test_toml_that_python_cannot_read_is_a_problem_with_a_code(text: str, code: str) -> None:
    with pytest.raises(InvalidFileError) as raised:
        load_toml(text, "x.toml")
    assert [p.code for p in raised.value.problems] == [code]


def test_a_byte_order_mark_is_read() -> None:
    assert load_json('\ufeff{"a": 1}') == {"a": 1}
    assert load_toml("\ufeffa = 1\n") == {"a": 1}


@pytest.mark.parametrize("content", [DEEP_TOML, LONG_INT_TOML])
def test_a_malformed_user_template_is_listed_with_its_error_and_the_rest_loads(
    tmp_path: Path, content: str
) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "fientlig.toml").write_text(content, encoding="utf-8")
    library = load_library(folder, "")
    broken = [e for e in library.entries if e.error is not None]
    assert [e.path.endswith("fientlig.toml") for e in broken] == [True]
    assert any(e.key == "general-sv" and e.template is not None for e in library.entries)


def _one_line(result: object) -> str:
    stderr = str(getattr(result, "stderr", ""))
    assert getattr(result, "returncode", None) == 2, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


@pytest.mark.parametrize("content", [DEEP_TOML, LONG_INT_TOML])
def test_import_template_refuses_with_one_line(tmp_path: Path, content: str) -> None:
    source = tmp_path / "fientlig.toml"
    source.write_text(content, encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    line = _one_line(run("import-template", str(source), home=home))
    assert line.startswith("pressklar: fientlig.toml")
    assert not list(home.rglob("*.toml"))


@pytest.mark.parametrize("content", [DEEP_JSON, LONG_INT_JSON])
def test_render_with_such_values_refuses_with_one_line(tmp_path: Path, content: str) -> None:
    values = tmp_path / "values.json"
    values.write_text(content, encoding="utf-8")
    out = tmp_path / "out.txt"
    _one_line(run("render", "general-sv", "--values", str(values), "--to", "txt",
                  "-o", str(out), home=tmp_path))  # fmt: skip
    assert not out.exists()


def test_values_with_a_byte_order_mark_are_read(tmp_path: Path) -> None:
    values = tmp_path / "values.json"
    values.write_bytes(b"\xef\xbb\xbf" + json.dumps({"headline": "Rubrik"}).encode())
    result = run("render", "general-sv", "--values", str(values), "--to", "txt", "-o", "-",
                 home=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Rubrik" in result.stdout


@pytest.mark.parametrize(
    "content",
    [
        DEEP_JSON,
        '{"format": 1, "kind": "pressklar-release", "id": ' + "9" * 5000 + "}",
    ],
)
@pytest.mark.parametrize("command", ["export", "check"])
def test_a_malformed_release_file_gives_one_line(
    tmp_path: Path, content: str, command: str
) -> None:
    release = tmp_path / "fientlig.pressklar"
    release.write_text(content, encoding="utf-8")
    args = [command, str(release)] + (["--to", "txt", "-o", "-"] if command == "export" else [])
    assert _one_line(run(*args, home=tmp_path)).startswith("pressklar: fientlig.pressklar")
    assert release.read_text(encoding="utf-8") == content


def test_a_malformed_contact_book_gives_one_warning_and_is_kept(tmp_path: Path) -> None:
    book = tmp_path / "data" / "contacts.json"
    book.parent.mkdir(parents=True)
    book.write_text(LONG_INT_JSON, encoding="utf-8")
    result = run("contacts", home=tmp_path)
    assert result.returncode == 0
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    kept = list(book.parent.glob("contacts.corrupt-*.json"))
    assert [k.read_text(encoding="utf-8") for k in kept] == [LONG_INT_JSON]
