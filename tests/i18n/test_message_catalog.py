"""The one catalog of the core's messages: every code has English and good Swedish with the
same placeholders, and the compiled catalog that ships is the one the .po says."""

from __future__ import annotations

import importlib.util
import re
import string
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.pofile import read_po

from editor.errors import PressklarError, Problem, StorageError, TemplateError, describe
from editor.i18n import Message, current_language, english, set_language, text
from editor.i18n.catalog import ENGLISH
from editor.storage.template_files import read_template_file
from tests.helpers import ROOT, english_words

LOCALE = ROOT / "resources" / "locale"
SWEDISH_PO = LOCALE / "sv" / "LC_MESSAGES" / "pressklar.po"


def _update_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("locale_update", LOCALE / "update.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _placeholders(pattern: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(pattern) if name}


def _swedish() -> dict[str, tuple[str, str, bool]]:
    with SWEDISH_PO.open("rb") as stream:
        catalog = read_po(stream)
    return {
        str(m.context): (str(m.id), str(m.string), m.fuzzy) for m in catalog if m.id and m.context
    }


def test_every_code_has_a_confirmed_swedish_text_with_the_same_placeholders() -> None:
    swedish = _swedish()
    assert set(swedish) == set(ENGLISH)
    for code, english_text in ENGLISH.items():
        source, translated, fuzzy = swedish[code]
        assert source == english_text, f"{code}: run resources/locale/update.py"
        assert translated.strip() and not fuzzy, code
        assert _placeholders(translated) == _placeholders(english_text), code


def test_no_swedish_text_has_english_words_in_it() -> None:
    for code, english_text in ENGLISH.items():
        params = {name: "X" for name in _placeholders(english_text)}
        swedish = re.sub(r"--[\w-]+", " ", text(code, "sv", **params))  # --to is an option
        assert not english_words(swedish), (code, swedish)


def test_the_shipped_mo_is_compiled_from_the_po() -> None:
    compiled = _update_script().compiled(SWEDISH_PO)
    assert (SWEDISH_PO.with_suffix(".mo")).read_bytes() == compiled


def test_every_text_formats_with_its_own_placeholders() -> None:
    for code, english_text in ENGLISH.items():
        params = {name: "x" for name in _placeholders(english_text)}
        assert text(code, "sv", **params) and english(code, **params), code


def test_a_code_is_put_in_the_language_asked_for() -> None:
    assert text("storage.folder_missing", "sv", folder="/x") == "Mappen /x finns inte."
    assert text("storage.folder_missing", "sv_SE.UTF-8", folder="/x") == "Mappen /x finns inte."
    assert english("storage.folder_missing", folder="/x") == "The folder /x does not exist."
    assert text("storage.folder_missing", "de", folder="/x") == "The folder /x does not exist."


def test_the_ui_language_is_the_default_and_nested_messages_follow_it() -> None:
    reason = Message("os.disk_full")
    assert text("storage.not_saved", file="a.docx", reason=reason).endswith("the disk is full.")
    set_language("sv-SE")
    assert current_language() == "sv"
    assert text("storage.not_saved", file="a.docx", reason=reason) == (
        "Det gick inte att spara a.docx: disken är full."
    )


def test_errors_keep_english_in_str_and_give_the_ui_language_on_request() -> None:
    error = StorageError("storage.folder_missing", folder="/x")
    set_language("sv")
    assert str(error) == "The folder /x does not exist."
    assert error.text() == describe(error) == "Mappen /x finns inte."
    assert error.text("en") == "The folder /x does not exist."


def test_a_problem_puts_its_location_in_the_language_too() -> None:
    problem = Problem("template.no_body", {}, "mall.toml", 3, "body")
    assert str(problem) == "mall.toml, line 3, body: a template needs a body"
    assert problem.text("sv") == "mall.toml, rad 3, body: en mall behöver en brödtext"


def test_a_template_error_keeps_jinjas_words_for_the_log_only() -> None:
    error = TemplateError("template.syntax", 4, "t.toml", "TemplateSyntaxError: unexpected '}'")
    assert "unexpected" in str(error)
    assert "unexpected" not in error.text("sv") and error.text("sv").startswith("t.toml, rad 4:")


@pytest.mark.parametrize("lang", ["", "C", "POSIX", "123"])
def test_an_unusable_language_falls_back_to_english(lang: str) -> None:
    assert text("os.disk_full", lang or None) == "the disk is full"


@pytest.mark.parametrize(
    "content",
    [
        None,  # no such file
        b"\xff\xfe\x00binary",
        b"# not TOML [",
        b"[tool]\nx = 1\n",
        b'format = 9\nname = "x"\nlanguage = "sv"\nbody = "x"\n',
        b'format = 1\nname = "x"\nlanguage = "sv"\nbody = "{{ x|ropa }}"\n',
        b'format = 1\nname = "x"\nlanguage = "svenska"\nbody = "{% if %}"\n'
        b'[[fields]]\nkey = "a"\ntype = "kalender"\n[[fields]]\nkey = "b"\n[[fields]]\nkey = "b"\n',
    ],
)
def test_a_template_file_that_cannot_be_used_is_explained_in_swedish(
    tmp_path: Path, content: bytes | None
) -> None:
    path = tmp_path / "mall.toml"
    if content is not None:
        path.write_bytes(content)
    set_language("sv")
    with pytest.raises(PressklarError) as caught:
        read_template_file(path)
    shown = describe(caught.value)
    assert shown and not english_words(shown), shown
