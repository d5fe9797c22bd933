from __future__ import annotations

from datetime import date

import pytest

from editor.errors import TemplateError
from editor.render.engine import check_template, render_document, render_markdown
from editor.render.writers.html import html_fragment
from tests.helpers import make_template, values

TEXT = [{"key": "headline", "type": "text", "label": "Rubrik", "required": True}]


def render(
    body: str,
    data: dict[str, object],
    fields: list[dict[str, object]] | None = None,
    **extra: object,
) -> str:
    template = make_template(body, fields or TEXT, **extra)
    text, _ = render_markdown(template, values(template, data), today=date(2018, 9, 25))
    return text


def test_missing_required_value_is_a_visible_placeholder_and_a_problem() -> None:
    template = make_template("# {{ headline }}\n\nOm {{ headline|upper }}.\n", TEXT)
    doc = render_document(template, {})
    assert [p.field for p in doc.problems] == ["headline"]
    html = html_fragment(doc)
    assert html.count('<span class="placeholder">[Rubrik]</span>') == 2
    assert doc.title == "[Rubrik]"


def test_missing_values_absorb_attributes_and_filters() -> None:
    fields = [
        {"key": "contact", "type": "contact", "label": "Kontakt", "required": True},
        {"key": "when", "type": "datetime", "label": "När", "required": True},
        {"key": "level", "type": "level", "label": "Nivå", "required": True},
    ]
    text = render(
        "{{ contact.name }} {{ when|relative_moment|capitalize }} {{ level.gloss }}"
        " {{ contact|contact_block }}",
        {},
        fields,
    )
    assert text.count("\ue000") == 4


def test_optional_empty_values_render_as_nothing() -> None:
    fields = [
        {"key": "quote", "type": "paragraphs", "label": "Citat"},
        {"key": "when", "type": "date", "label": "När"},
    ]
    assert render("[{{ quote }}][{{ when }}]{% if quote %}X{% endif %}", {}, fields) == "[][]"


@pytest.mark.parametrize(
    "typed",
    [
        "*fet*",
        "# rubrik",
        "1. första",
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "a_b_c",
        "`kod`",
        "&amp;",
        "- punkt",
        "+ punkt",
        "=====",
        "> citat",
        "![bild](http://x/y.png)",
        "Rubrik #",
        "|a|b|",
        "~~struken~~",
        "\\*",
        "2018. Året",
    ],
)
def test_typed_text_comes_out_literally_in_html(typed: str) -> None:
    template = make_template("{{ headline }}\n\n# {{ headline }}\n", TEXT)
    doc = render_document(template, values(template, {"headline": typed}))
    html = html_fragment(doc)
    assert (
        "<script" not in html and "javascript:" not in html.replace("javascript:alert", "")[:0] + ""
    )
    assert "<a " not in html and "<img" not in html and "<em>" not in html and "<li>" not in html
    import html as html_module

    from editor.render.plain import inline_text

    headings = [t for t in doc.tokens if t.type == "inline"]
    assert [inline_text(t.children) for t in headings] == [typed.strip(), typed.strip()]
    assert html_module.escape(typed.strip(), quote=False) in html


def test_paragraph_fields_are_markdown() -> None:
    fields = [{"key": "body", "type": "paragraphs", "label": "Text"}]
    template = make_template("{{ body }}\n", fields)
    doc = render_document(
        template, values(template, {"body": "**Fet** och [länk](https://example.se)\n\n- a\n- b"})
    )
    html = html_fragment(doc)
    assert "<strong>Fet</strong>" in html
    assert '<a href="https://example.se">länk</a>' in html
    assert "<li>a</li>" in html


def test_paragraph_fields_never_carry_raw_html_or_unsafe_links() -> None:
    fields = [{"key": "body", "type": "paragraphs", "label": "Text"}]
    template = make_template("{{ body }}\n", fields)
    body = (
        "<b>x</b> <script>bad()</script> [a](javascript:alert(1))"
        " [b](file:///etc/passwd) [c](data:text/html,x)"
    )
    html = html_fragment(render_document(template, values(template, {"body": body})))
    assert "<b>" not in html and "<script>" not in html
    assert "href" not in html


def test_values_reach_the_body_as_python_objects() -> None:
    fields = [
        {"key": "release_date", "type": "date", "label": "Datum"},
        {"key": "raised_at", "type": "datetime", "label": "Höjt"},
        {"key": "level", "type": "level", "label": "Nivå"},
        {"key": "contact", "type": "contact", "label": "Kontakt"},
        {"key": "rows", "type": "timeline", "label": "Förlopp"},
        {"key": "ok", "type": "yesno", "label": "OK"},
    ]
    body = (
        "{{ release_date.year }} {{ release_date }} {{ raised_at|relative_moment }}"
        " {{ level.name }} {{ level.rank }} {{ level.is_lowest }} {{ contact.name }}"
        " {% for row in rows %}{{ row.at|time }} {{ row.text }};{% endfor %} {{ ok }}"
    )
    data = {
        "release_date": "2018-09-25",
        "raised_at": "2018-09-21T06:30",
        "level": "stabslage",
        "contact": {"name": "Anna Exempel"},
        "ok": True,
        "rows": [{"at": "15:37", "text": "Avslut"}, {"at": "06:30", "text": "Start"}],
    }
    assert render(body, data, fields) == (
        "2018 25 september 2018 i fredags morse stabsläge 1 ja Anna Exempel"
        " 6.30 Start;15.37 Avslut; ja"
    )


def test_english_filters_and_relative_datetime() -> None:
    fields = [
        {"key": "release_date", "type": "date", "label": "Date"},
        {"key": "ended_at", "type": "datetime", "label": "Ended"},
        {"key": "raised_at", "type": "datetime", "label": "Raised"},
    ]
    data = {
        "release_date": "2018-09-25",
        "ended_at": "2018-09-25T15:37",
        "raised_at": "2018-09-21T06:30",
    }
    assert render(
        "{{ ended_at|relative_datetime }}; {{ raised_at|relative_datetime }};"
        " {{ raised_at|relative_moment|capitalize }}",
        data,
        fields,
        language="en",
    ) == ("today at 3.37pm; at 6.30am on Friday 21 September; On Friday morning")
    assert render("{{ ended_at|relative_datetime|capitalize }}", data, fields) == (
        "I dag tisdag den 25 september klockan 15.37"
    )


def test_syntax_error_names_the_line() -> None:
    template = make_template("# {{ headline }}\n\n{{ headline }\n", TEXT)
    with pytest.raises(TemplateError) as error:
        render_document(template, {})
    assert error.value.line == 3 and error.value.code == "template.syntax_at"
    assert "“{{ headline }”" in str(error.value)  # the author's own line, not Jinja's words


def test_a_block_left_open_names_the_line_where_it_opens() -> None:
    template = make_template("# {{ headline }}\n\n{% if headline %}\nno end\n", TEXT)
    with pytest.raises(TemplateError) as error:
        render_document(template, {})
    assert error.value.line == 3 and "This {% if %} has no {% endif %}." in str(error.value)


def test_an_end_without_its_start_is_named() -> None:
    template = make_template("# {{ headline }}\n{% for x in [1] %}{% endif %}{% endfor %}\n", TEXT)
    with pytest.raises(TemplateError) as error:
        render_document(template, {})
    assert error.value.line == 2 and error.value.params == {"tag": "endif", "start": "if"}


@pytest.mark.parametrize(
    ("body", "code", "params"),
    [
        ("{{ headline|shout }}", "template.unknown_filter", {"name": "shout"}),
        ("{% if headline is loud %}x{% endif %}", "template.unknown_test", {"name": "loud"}),
        ("{{ evnet }}", "template.undefined_name", {"name": "evnet"}),
        ("{{ release_date.nosuch }}", "template.no_attribute", {"name": "nosuch"}),
        ("{{ headline.__class__ }}", "template.unsafe_attribute", {"name": "__class__"}),
        ("{{ 1 / 0 }}", "template.division_by_zero", {}),
        ("{{ 'x'|date }}", "template.wrong_value", {}),
    ],
)
def test_template_errors_are_classified_by_what_happened(
    body: str, code: str, params: dict[str, object]
) -> None:
    template = make_template(body, TEXT)
    with pytest.raises(TemplateError) as error:
        render_document(template, values(template, {"headline": "x"}))
    assert (error.value.code, error.value.params) == (code, params)


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("ok\n{{ headline|nosuchfilter }}\n", 2, "nosuchfilter"),
        ("ok\n\n{{ nosuchfield }}\n", 3, "nosuchfield"),
        ("{{ headline }}\n{{ ''.__class__.__mro__[1].__subclasses__() }}\n", 2, "not allowed"),
        ("x\n{{ headline.__class__.__init__.__globals__ }}\n", 2, "not allowed"),
        ("{{ cycler.__init__.__globals__.os.system('true') }}\n", 1, "not allowed"),
        ("{% for x in range(10**9) %}{% endfor %}", 1, "not allowed"),
        ("\n{{ 'x' * 10**9 }}\n", 2, "too long"),
        ("{{ lipsum.__globals__['os'] }}", 1, "not allowed"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", 1, "calls itself"),
        (
            "x\n{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
            2,
            "loops run too many times",
        ),
        ("{{ 'x'|center(1000000000) }}", 1, "too large"),
        ("{{ '%999999999d' % 1 }}", 1, "too large"),
        ("{{ '{:>999999999}'.format(1) }}", 1, "too large"),
    ],
)
def test_broken_and_malicious_templates_fail_with_a_clear_error(
    body: str, line: int, words: str
) -> None:
    template = make_template(body, TEXT)
    with pytest.raises(TemplateError) as error:
        render_document(template, values(template, {"headline": "x"}))
    assert words in str(error.value)
    assert error.value.line == line, str(error.value)


def test_sandbox_cannot_read_files_through_attributes() -> None:
    template = make_template("{{ headline.__class__.__base__.__subclasses__() }}", TEXT)
    problems = check_template(template)
    assert problems and "not allowed" in problems[0].message


def test_error_line_counts_from_the_file_when_the_template_came_from_one() -> None:
    from editor.model.template import parse_template

    text = 'format = 1\nname = "x"\nlanguage = "sv"\nbody = """\nrad 1\n{{ nope }}\n"""\n'
    template = parse_template(text, "x.toml")
    problems = check_template(template)
    assert problems[0].line == 6
    assert "x.toml" not in problems[0].message


def test_contact_block_keeps_lines_and_escapes() -> None:
    fields = [{"key": "contact", "type": "contact", "label": "Kontakt"}]
    data = {
        "contact": {
            "name": "Anna *Exempel*",
            "title": "Pressekreterare",
            "unit": "Media",
            "email": "anna@example.se",
            "phones": ["0470-00 00 00", {"number": "070-1", "label": "Mobil"}],
        }
    }
    assert render("{{ contact|contact_block }}", data, fields) == (
        "**Anna \\*Exempel\\***\\\nPressekreterare\\\nMedia\\\n"
        "anna@example.se\\\n0470-00 00 00\\\nMobil: 070-1"
    )


def test_missing_and_filled_tests_and_short_filters() -> None:
    fields = [
        {"key": "release_date", "type": "date", "label": "Datum"},
        {"key": "title", "type": "text", "label": "Titel", "required": True},
        {"key": "quote", "type": "paragraphs", "label": "Citat"},
        {"key": "at", "type": "datetime", "label": "När"},
    ]
    body = (
        "{{ title is missing }} {{ quote is missing }} {{ at is filled }}"
        " {{ 'Pressekreterare'|lowerfirst }} {{ at|relative_time }}"
    )
    data = {"release_date": "2018-09-25", "at": "2018-09-21T06:30"}
    assert render(body, data, fields) == "ja ja ja pressekreterare i fredags klockan 6.30"
    data["at"] = "2018-09-25T12:00"
    assert render("{{ at|relative_time }}", data, fields, language="en") == "today at noon"
