"""The paragraph editor's formatting commands, as plain text edits."""

from __future__ import annotations

import pytest

from editor.render.markdown_ops import normalise_url, toggle_emphasis, toggle_list


@pytest.mark.parametrize(
    ("typed", "url"),
    [
        ("https://www.example.se/a?b=c", "https://www.example.se/a?b=c"),
        ("HTTP://example.se", "HTTP://example.se"),
        ("www.example.se/sida", "https://www.example.se/sida"),
        ("example.se", "https://example.se"),
        ("anna@example.se", "mailto:anna@example.se"),
        ("mailto:anna@example.se", "mailto:anna@example.se"),
        ("tel:+46470588000", "tel:+46470588000"),
        ("0470-58 80 00", "tel:0470588000"),
        ("javascript:alert(1)", None),
        ("data:text/html,x", None),
        ("file:///etc/passwd", None),
        ("http://", None),
        ("mailto:", None),
        ("https://exa mple.se", None),
        ("bara ord", None),
        ("", None),
    ],
)
def test_normalise_url(typed: str, url: str | None) -> None:
    assert normalise_url(typed) == url


def test_emphasis_over_lines_wraps_each_line() -> None:
    text = "ett\n\ntvå "
    edit = toggle_emphasis(text, 0, len(text), "**")
    assert edit.apply(text) == "**ett**\n\n**två** "


def test_italic_inside_bold_is_unwrapped_alone() -> None:
    text = "***ord***"
    edit = toggle_emphasis(text, 3, 6, "*")
    assert edit.apply(text) == "**ord**"
    text = "**ord**"
    assert toggle_emphasis(text, 2, 5, "*").apply(text) == "***ord***"


def test_lists_keep_indentation_and_blank_lines() -> None:
    text = "  a\n\n  b"
    assert toggle_list(text, 0, len(text), numbered=False).apply(text) == "  - a\n\n  - b"
