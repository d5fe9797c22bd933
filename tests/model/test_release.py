from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from editor.errors import InvalidFileError, NewerFormatError
from editor.model.release import Release, parse_release, release_to_json
from tests.helpers import builtin, values

REFERENCE = {
    "release_date": "2018-09-25",
    "organisation": "Region Exempel",
    "headline": "Stabsläget är avslutat",
    "cause": "en IT-störning",
    "raised_at": "2018-09-21T06:30",
    "raised_to": "forstarkningslage",
    "ended_at": "2018-09-25T15:37",
    "contact": {"name": "Anna Exempel", "phones": ["0470-00 00 00"]},
}


def test_release_round_trip_is_identical() -> None:
    template = builtin("readiness-ended-sv")
    release = Release.new(template, values(template, REFERENCE))
    again = parse_release(release_to_json(release), "r.pressklar")
    assert again.values == release.values
    assert again.template.body == template.body
    assert again.template.fields == template.fields
    assert again.id == release.id
    assert again.values["release_date"] == date(2018, 9, 25)
    assert again.values["raised_at"] == datetime(2018, 9, 21, 6, 30)


def test_release_keeps_its_own_template_copy() -> None:
    template = builtin("readiness-ended-sv")
    text = release_to_json(Release.new(template, values(template, REFERENCE)))
    data = json.loads(text)
    data["template"]["body"] = "# Ändrad {{ headline }}"
    again = parse_release(json.dumps(data))
    assert again.template.body.startswith("# Ändrad")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "{",
        "[]",
        '{"kind": "something-else", "format": 1}',
        "\x00\x01",
        '{"kind": "pressklar-release"}',
        '{"kind": "pressklar-release", "format": 1}',
        '{"kind": "pressklar-release", "format": 1, "template": {"name": "x"}}',
    ],
)
def test_corrupt_release_is_refused_with_a_message(text: str) -> None:
    with pytest.raises(InvalidFileError) as error:
        parse_release(text, "broken.pressklar")
    assert "broken.pressklar" in str(error.value)


def test_newer_release_is_refused_not_half_read() -> None:
    template = builtin("readiness-ended-sv")
    data = json.loads(release_to_json(Release.new(template, values(template, REFERENCE))))
    data["format"] = 7
    with pytest.raises(NewerFormatError, match="newer Pressklar"):
        parse_release(json.dumps(data), "future.pressklar")


def test_bad_value_in_release_is_reported_by_field() -> None:
    template = builtin("readiness-ended-sv")
    data = json.loads(release_to_json(Release.new(template, values(template, REFERENCE))))
    data["values"]["raised_at"] = "last friday"
    with pytest.raises(InvalidFileError, match="raised_at"):
        parse_release(json.dumps(data), "bad.pressklar")
