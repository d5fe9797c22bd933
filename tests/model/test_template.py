from __future__ import annotations

import pytest

from editor.errors import InvalidFileError, NewerFormatError
from editor.model.template import parse_template, template_to_toml

GOOD = '''
format = 1
name = "Allmänt"
language = "sv"
description = "Ett test"
body = """
# {{ headline }}
{{ lead }}
"""

[[fields]]
key = "headline"
type = "text"
label = "Rubrik"
required = true
group = "Start"

[[fields]]
key = "lead"
type = "paragraphs"
label = "Ingress"
'''


def test_parse_good_template() -> None:
    template = parse_template(GOOD, "allmant.toml", "allmant")
    assert template.id == "allmant"
    assert [f.key for f in template.fields] == ["headline", "lead"]
    assert template.fields[0].required
    assert [g.name for g in template.groups()] == ["Start", ""]
    assert template.body_line == 7


def test_toml_round_trip_keeps_everything() -> None:
    template = parse_template(GOOD, "allmant.toml", "allmant")
    again = parse_template(template_to_toml(template), "again.toml")
    assert again.fields == template.fields
    assert again.body == template.body
    assert (again.id, again.name, again.language) == (template.id, template.name, "sv")


def test_every_problem_reported_with_file_and_field() -> None:
    bad = """
format = 1
name = ""
language = "svenska"
body = "x"
[[fields]]
key = "a"
type = "colour"
[[fields]]
key = "b"
[[fields]]
key = "b"
[[fields]]
key = "1bad"
[[fields]]
key = "c"
type = "choice"
"""
    with pytest.raises(InvalidFileError) as error:
        parse_template(bad, "bad.toml")
    text = str(error.value)
    assert "bad.toml" in text
    assert "needs a name" in text
    assert "language" in text
    assert "unknown type 'colour'" in text
    assert "'b' is used by two fields" in text
    assert "field key" in text
    assert "choice field needs choices" in text


def test_not_toml_names_the_line() -> None:
    with pytest.raises(InvalidFileError) as error:
        parse_template('name = "x"\nthis is not toml\n', "broken.toml")
    assert error.value.problems[0].line == 2
    assert "broken.toml" in str(error.value)


def test_newer_format_is_refused() -> None:
    with pytest.raises(NewerFormatError, match="newer Pressklar"):
        parse_template('format = 99\nname = "x"\nlanguage = "sv"\nbody = "x"\n', "new.toml")


def test_too_large_is_refused() -> None:
    with pytest.raises(InvalidFileError, match="too large"):
        parse_template("#" * 2_000_000, "big.toml")
