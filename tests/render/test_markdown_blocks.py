"""Parsing and rendering block by block gives exactly what the whole text gives, and a block's
cached tokens and HTML are used only while its text is the same."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.tree import SyntaxTreeNode

from editor.model.fields import PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN
from editor.render import markdown
from editor.render.document import DocumentMeta, RenderedDocument
from editor.render.writers.html import html_fragment

SNIPPETS = [
    "# Rubrik",
    "Ett stycke med **fetstil** och [en länk](https://example.se).",
    "Rad ett\nrad två",
    "- punkt ett\n- punkt två",
    "- punkt\n\n  fortsättning i punkten",
    "1. första\n2. andra",
    "3) tredje",
    "* stjärna",
    "+",
    "> citat\n> mer",
    "    indenterad kod",
    "\tflik",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "---",
    "Rubrik\n======",
    "```\nkod\n\nmed tom rad\n```",
    "~~~\nkod\n~~~",
    "[ref]: https://example.se",
    "Se [ref].",
    f"Saknas: {PLACEHOLDER_OPEN}Rubrik{PLACEHOLDER_CLOSE} här",
    "   - indenterad punkt",
    "<b>ingen html</b>",
    "~~struken~~",
    "",
    " ",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(SNIPPETS), st.sampled_from(["\n", "\n\n", "\n\n\n", "\n \n"])),
        max_size=12,
    )
)
def test_block_by_block_equals_the_whole_text(parts: list[tuple[str, str]]) -> None:
    text = "".join(snippet + gap for snippet, gap in parts)
    whole = markdown.parser().parse(text)
    pieces = markdown.parse(text)
    assert [(t.type, t.tag, t.content, t.hidden, t.info) for t in pieces] == [
        (t.type, t.tag, t.content, t.hidden, t.info) for t in whole
    ]
    doc = RenderedDocument(markdown=text, meta=DocumentMeta("sv"))
    parsed_whole = RenderedDocument(markdown=text, meta=DocumentMeta("sv"))
    parsed_whole.__dict__["tokens"] = whole  # the cached properties, from one parse of it all
    parsed_whole.__dict__["tree"] = SyntaxTreeNode(whole)  # nodes no cache has seen
    assert doc.tree.pretty() == parsed_whole.tree.pretty()
    assert html_fragment(doc) == html_fragment(parsed_whole)


def test_a_changed_block_is_parsed_again_and_the_others_are_not() -> None:
    text = "# Rubrik\n\nFörsta stycket.\n\nAndra stycket.\n"
    first = markdown.parse(text)
    changed = markdown.parse(text.replace("Andra", "Tredje"))
    assert first[:6] == changed[:6]  # the same token objects: not parsed again
    assert changed[7].content == "Tredje stycket." and first[7].content == "Andra stycket."
    assert markdown.blocks(text) == ["# Rubrik\n\n", "Första stycket.\n\n", "Andra stycket.\n\n"]
    assert all(a is b for a, b in zip(first[:6], changed[:6], strict=True))
    doc = RenderedDocument(markdown=text.replace("Andra", "Tredje"), meta=DocumentMeta("sv"))
    assert "<p>Tredje stycket.</p>" in html_fragment(doc)


def test_an_unchanged_block_keeps_its_nodes_and_its_html_follows_an_edit() -> None:
    text = "# Rubrik\n\nFörsta stycket.\n\nAndra stycket.\n"
    before = RenderedDocument(markdown=text, meta=DocumentMeta("sv"))
    after = RenderedDocument(markdown=text.replace("Andra", "Tredje"), meta=DocumentMeta("sv"))
    assert before.tree.children[1] is after.tree.children[1]  # "Första stycket." built once
    assert "<p>Andra stycket.</p>" in html_fragment(before)
    html = html_fragment(after)
    assert "<p>Tredje stycket.</p>" in html and "Andra" not in html
    assert html.count("<p>Första stycket.</p>") == 1
