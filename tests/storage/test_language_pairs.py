"""The pair a language copy is made from, found in the library: by the id with its language
swapped, or as the user's own template names it in its file."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.errors import StorageError
from editor.storage.language_pairs import paired_template
from editor.storage.library import load_library

OWN = """format = 1
id = "{id}"
name = "{name}"
language = "{language}"
{pair}
body = "{{{{ what }}}}"

[[fields]]
key = "what"
type = "paragraphs"
label = "Vad"
"""


def _write(folder: Path, template_id: str, name: str, language: str, pair: str = "") -> None:
    text = OWN.format(id=template_id, name=name, language=language, pair=pair)
    (folder / f"{template_id}.toml").write_text(text, encoding="utf-8")


def test_a_user_template_names_its_own_pair(tmp_path: Path) -> None:
    _write(tmp_path, "vattenlarm", "Vattenlarm", "sv", 'translations = { en = "water-alert" }')
    _write(tmp_path, "water-alert", "Water alert", "en")
    library = load_library(tmp_path)
    own = library.find("vattenlarm")
    assert own is not None and own.template is not None
    assert paired_template(own.template, "en", library).id == "water-alert"


def test_builtins_pair_by_their_ids_and_refuse_what_has_no_pair(tmp_path: Path) -> None:
    library = load_library(tmp_path)
    raised = library.find("readiness-raised-sv")
    assert raised is not None and raised.template is not None
    assert paired_template(raised.template, "en", library).id == "readiness-raised-en"
    with pytest.raises(StorageError) as same:
        paired_template(raised.template, "sv-FI", library)
    assert same.value.code == "language_copy.same_language"
    nhs = library.find("critical-incident-declared-en")
    assert nhs is not None and nhs.template is not None
    with pytest.raises(StorageError) as none:
        paired_template(nhs.template, "sv", library)
    assert none.value.code == "language_copy.no_pair"
    assert "critical-incident-declared-sv" in none.value.text("en")


def test_a_named_pair_in_the_same_language_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, "ett", "Ett", "sv", 'translations = { en = "tva" }')
    _write(tmp_path, "tva", "Två", "sv")
    library = load_library(tmp_path)
    own = library.find("ett")
    assert own is not None and own.template is not None
    with pytest.raises(StorageError) as wrong:
        paired_template(own.template, "en", library)
    assert wrong.value.code == "language_copy.pair_in_other_language"
