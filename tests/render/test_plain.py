"""One inline-to-text function; the options are the only differences between its callers."""

from __future__ import annotations

from markdown_it.tree import SyntaxTreeNode

from editor.model.fields import PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN
from editor.render import markdown as md
from editor.render.plain import inline_lines, inline_text, inline_tokens, link_label

MISSING = f"{PLACEHOLDER_OPEN}Rubrik{PLACEHOLDER_CLOSE}"


def children(markdown: str) -> list:  # type: ignore[type-arg]
    inline = next(t for t in md.parse(markdown) if t.type == "inline")
    return list(inline.children or [])


def test_marks_go_breaks_become_spaces_and_placeholders_bracketed_by_default() -> None:
    tokens = children(f"**Fet** och *kursiv*  `kod`\nmjuk\\\nhård {MISSING} \\*")
    assert inline_text(tokens) == "Fet och kursiv kod mjuk hård [Rubrik] *"
    assert inline_lines(tokens) == ["Fet och kursiv kod mjuk", "hård [Rubrik] *"]


def test_placeholders_can_be_left_out_or_marked() -> None:
    tokens = children(f"Om {MISSING} i dag")
    assert inline_text(tokens, placeholder=None) == "Om i dag"
    assert inline_text(tokens, placeholder="<{}>") == "Om <Rubrik> i dag"


def test_links_are_text_unless_their_address_is_asked_for() -> None:
    tokens = children(
        "Se [sidan](https://region.se/kris) och [press@region.se](mailto:press@region.se)"
    )
    assert inline_text(tokens) == "Se sidan och press@region.se"
    assert inline_text(tokens, link_targets=True) == (
        "Se sidan <https://region.se/kris> och press@region.se"
    )
    assert link_label("070-123", "tel:070123") == "070-123"


def test_struck_text_and_spaces_as_typed_for_the_text_export() -> None:
    tokens = children("inte ~~stängt~~  nu")
    assert inline_text(tokens) == "inte stängt nu"
    assert inline_text(tokens, struck=True, collapse=False) == "inte ~~stängt~~  nu"


def test_the_tokens_of_a_block_node() -> None:
    table = SyntaxTreeNode(md.parse("| a | *b* |\n|---|---|\n| c | d |\n")).children[0]
    assert inline_text(inline_tokens(table.children[0].children[0].children[1])) == "b"
    assert [
        inline_text(inline_tokens(cell)) for cell in table.children[1].children[0].children
    ] == [
        "c",
        "d",
    ]
