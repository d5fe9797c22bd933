"""Compiling a body: every failure classified by what happened, the author's tags paired."""

from __future__ import annotations

import pytest

from editor.errors import TemplateError
from editor.render.compiling import compile_checked, unbalanced_tag
from editor.render.environment import environment


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("{% if a %}{% for b in c %}{% endfor %}{% endif %}", None),
        ("{% set x %}block{% endset %}{% set y = 1 %}", None),
        ("{% raw %}{% if %}{% endraw %}", None),
        ("x\n{% if a %}\n{% for b in c %}\n{% endif %}", ("template.end_without_start", 4)),
        ("{% if a %}\n\n{% for b in c %}{% endfor %}", ("template.start_without_end", 1)),
        ("{%- macro m() -%}x", ("template.start_without_end", 1)),
        ("{{ a }", None),
    ],
)
def test_tags_are_paired_as_the_author_wrote_them(
    body: str, expected: tuple[str, int] | None
) -> None:
    found = unbalanced_tag(environment("sv"), body)
    assert (found[0], found[2]) == expected if found else expected is None


def test_an_error_names_the_file_line_and_the_part_of_the_template() -> None:
    with pytest.raises(TemplateError) as caught:
        compile_checked(
            environment("sv"),
            "ok\n{{ x|shout }}",
            source="t.toml",
            first_line=10,
            where="short.sms",
        )
    error = caught.value
    assert (error.code, error.line, error.where, error.params) == (
        "template.unknown_filter", 11, "short.sms", {"name": "shout"},
    )  # fmt: skip
    assert error.text("sv") == (
        "t.toml, rad 11, short.sms: Det finns inget filter som heter ”shout” (är det felstavat?)."
    )


def test_a_compiled_body_is_reused() -> None:
    env = environment("sv")
    assert compile_checked(env, "{{ a }}") is compile_checked(env, "{{ a }}")
