from __future__ import annotations

from datetime import date, datetime, time

import pytest

from editor.errors import ValueFormatError
from editor.model.contacts import Contact, Phone
from editor.model.fields import (
    FieldDef,
    FieldType,
    TimelineRow,
    clean_line,
    clean_paragraphs,
    default_value,
    dump_value,
    parse_value,
)


def field(kind: str, **kw: object) -> FieldDef:
    return FieldDef(key="f", type=FieldType(kind), label="F", **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("text", "  Stabsläge  ", "Stabsläge  ".strip() + ""),
        ("text", "a\nb\tc", "a b c"),
        ("paragraphs", "Rad 1\r\nRad 2", "Rad 1\nRad 2"),
        ("date", "2018-09-25", date(2018, 9, 25)),
        ("time", "15:37", time(15, 37)),
        ("time", "15.37", time(15, 37)),
        ("time", "9", time(9, 0)),
        ("datetime", "2018-09-21T06:30", datetime(2018, 9, 21, 6, 30)),
        ("level", "stabslage", "stabslage"),
        ("yesno", True, True),
        ("yesno", "ja", True),
        ("yesno", "no", False),
        ("text", "", None),
        ("date", None, None),
        ("contact", None, []),
        ("timeline", "", []),
    ],
)
def test_parse_value_by_type(kind: str, raw: object, expected: object) -> None:
    result = parse_value(field(kind), raw)
    if kind == "text" and isinstance(expected, str):
        assert result.strip() == expected.strip()
    else:
        assert result == expected


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("date", "25/9"),
        ("time", "25:99"),
        ("datetime", "igår"),
        ("yesno", "kanske"),
        ("text", ["list"]),
        ("timeline", "15:37 hände"),
        ("timeline", [{"text": "no time"}]),
        ("contact", 42),
    ],
)
def test_parse_value_rejects_wrong_forms_with_a_message(kind: str, raw: object) -> None:
    with pytest.raises(ValueFormatError) as error:
        parse_value(field(kind), raw)
    assert str(error.value)


def test_contact_and_timeline_round_trip() -> None:
    contact_field = field("contact")
    raw = {
        "name": "Anna Exempel",
        "title": "Pressekreterare",
        "email": "anna@example.se",
        "phones": ["0470-00 00 00", {"number": "070-000 00 00", "label": "Mobil"}],
    }
    contacts = parse_value(contact_field, raw)
    assert contacts == [
        Contact(
            "Anna Exempel",
            "Pressekreterare",
            email="anna@example.se",
            phones=(Phone("0470-00 00 00"), Phone("070-000 00 00", "Mobil")),
        )
    ]
    assert parse_value(contact_field, dump_value(contact_field, contacts)) == contacts

    timeline_field = field("timeline")
    rows = parse_value(
        timeline_field,
        [{"at": "06:30", "text": "Störning"}, {"at": "2018-09-21T10:30", "text": "Sänkt"}],
    )
    assert rows == [
        TimelineRow(time(6, 30), "Störning"),
        TimelineRow(datetime(2018, 9, 21, 10, 30), "Sänkt"),
    ]
    assert parse_value(timeline_field, dump_value(timeline_field, rows)) == rows


def test_clean_line_drops_controls_keeps_emoji_and_rtl() -> None:
    typed = "A\x00B\x07C\u202eD 🚑 مرحبا שלום\ud800\ue000"
    cleaned = clean_line(typed)
    assert "\x00" not in cleaned and "\x07" not in cleaned and "\ud800" not in cleaned
    assert "🚑" in cleaned and "مرحبا" in cleaned and "שלום" in cleaned
    assert "\ue000" not in cleaned  # placeholder markers cannot be typed


def test_clean_paragraphs_keeps_newlines() -> None:
    assert clean_paragraphs("a\r\nb\x0bc\u2029d") == "a\nbc\n\nd"


def test_defaults_today_and_bad_default() -> None:
    assert default_value(field("date", default="today")) == date.today()
    assert default_value(field("date", default="not a date")) is None
    assert default_value(field("yesno", default=True)) is True


def test_a_contact_naming_no_heading_stands_under_the_fields_first() -> None:
    grouped = FieldDef(
        key="who", type=FieldType.CONTACT, label="Who", groups=("Presskontakt", "Mer information")
    )
    parsed = parse_value(grouped, [{"name": "A"}, {"name": "B", "group": "Mer information"}])
    assert [c.group for c in parsed] == ["Presskontakt", "Mer information"]
    plain = FieldDef(key="who", type=FieldType.CONTACT, label="Who")
    assert [c.group for c in parse_value(plain, [{"name": "A"}])] == [""]
