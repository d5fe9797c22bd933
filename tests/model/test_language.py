"""Every spelling of a language code means the same language to every rule."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from editor.model.language import (
    babel_locale_name,
    base_language,
    document_language,
    is_swedish,
    language_rules,
    language_tag,
    message_language,
    ui_language,
)
from editor.render import filters, readability
from editor.render.engine import embargo_notice, join_names, render_markdown, value_text
from tests.helpers import make_template, values

SPELLINGS = [
    # code, base, rules, message language, document tag
    ("sv", "sv", "sv", "sv", "sv-SE"),
    ("sv-FI", "sv", "sv", "sv", "sv-FI"),
    ("sv_FI", "sv", "sv", "sv", "sv-FI"),
    ("sv-SE", "sv", "sv", "sv", "sv-SE"),
    ("SV", "sv", "sv", "sv", "sv-SE"),
    ("en_GB", "en", "en", "en", "en-GB"),
    ("en-US", "en", "en", "en", "en-US"),
    ("en", "en", "en", "en", "en-GB"),
    ("fi", "fi", "other", "en", "fi-FI"),
    ("", "", "other", "en", "sv-SE"),
]


@pytest.mark.parametrize(("code", "base", "rules", "messages", "tag"), SPELLINGS)
def test_every_spelling_is_read_the_same_way(
    code: str, base: str, rules: str, messages: str, tag: str
) -> None:
    assert base_language(code) == base
    assert language_rules(code) == rules
    assert is_swedish(code) == (rules == "sv")
    assert message_language(code) == messages
    assert document_language(code) == tag


def test_ui_language_names_only_languages_the_program_speaks() -> None:
    assert ui_language("sv_SE.UTF-8") == "sv"
    assert ui_language("en-US") == "en"
    assert ui_language("fi") is None
    assert ui_language(None) is None


def test_babel_locale_names() -> None:
    assert babel_locale_name("sv-FI") == "sv_FI"
    assert babel_locale_name("SV") == "sv"
    assert babel_locale_name("sr-latn-rs") == "sr_Latn_RS"


@pytest.mark.parametrize("code", ["sv", "sv-FI", "sv_FI", "sv-SE", "SV"])
def test_swedish_press_style_in_every_spelling(code: str) -> None:
    moment = datetime(2018, 9, 25, 15, 37)
    assert value_text(True, code) == "ja"
    assert value_text(False, code) == "nej"
    assert filters.format_time(moment, code) == "15.37"
    assert filters.relative_day(moment, date(2018, 9, 25), code) == "i dag"
    assert embargo_notice(moment, code).startswith("EMBARGO: Publiceras tidigast tisdag")
    assert readability.uses_flesch(code) is False
    assert readability.band_label("medium", code) == "medelsvår"


@pytest.mark.parametrize("code", ["en", "en_GB", "en-US", "EN"])
def test_english_in_every_spelling(code: str) -> None:
    assert value_text(True, code) == "yes"
    assert readability.uses_flesch(code) is True
    assert embargo_notice(datetime(2018, 9, 25, 15, 37), code).startswith("EMBARGO: HOLD")


def test_a_language_without_rules_of_its_own_falls_back_to_babel_and_english_messages() -> None:
    assert filters.format_date(date(2018, 9, 25), "fi") == "25. syyskuuta 2018"
    assert readability.uses_flesch("fi") is False  # LIX works across languages
    assert readability.band_label("medium", "fi") == "medium"


def test_a_finland_swedish_template_renders_swedish() -> None:
    """Was "i dag at 15.37" and "yes": the engine compared the code with "sv" exactly."""
    fields = [
        {"key": "release_date", "type": "date", "label": "Datum"},
        {"key": "at", "type": "datetime", "label": "När"},
        {"key": "open", "type": "yesno", "label": "Öppet"},
        {"key": "closed", "type": "yesno", "label": "Stängt"},
    ]
    template = make_template(
        "{{ at|relative_time }}; {{ open }}/{{ closed }}; {{ at|relative_datetime }}",
        fields,
        language="sv-FI",
    )
    data = {
        "release_date": "2018-09-25",
        "at": "2018-09-25T15:37",
        "open": True,
        "closed": False,
    }
    text, _ = render_markdown(template, values(template, data), today=date(2018, 9, 25))
    assert text == ("i dag klockan 15.37; ja/nej; i dag tisdag den 25 september klockan 15.37")


def test_names_are_joined_with_och_in_every_swedish() -> None:
    class Named:
        def __init__(self, name: str) -> None:
            self.name = name

    assert join_names([Named("Anna"), Named("Bo")], "sv_FI") == "Anna och Bo"


def test_html_and_e_mail_tags_are_well_formed_but_not_given_a_region() -> None:
    assert [language_tag(code) for code in ("sv", "sv_FI", "SV", "en_gb")] == [
        "sv",
        "sv-FI",
        "sv",
        "en-GB",
    ]


def test_a_template_may_spell_its_language_any_way() -> None:
    """Was refused: "language must be a language code such as sv or en" for sv_FI and SV."""
    assert make_template("x", language="sv_FI").language == "sv-FI"
    assert make_template("x", language="SV").language == "sv"
    assert make_template("x", language="en-gb").language == "en-GB"
