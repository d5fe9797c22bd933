"""Word and character counts of a rendered release, as the status bar shows them."""

from __future__ import annotations

from editor.render.document import RenderedDocument


def text_statistics(doc: RenderedDocument) -> tuple[int, int]:
    """(words, characters) of the release's text: what a reader reads, so neither Markdown
    marks nor the placeholders of fields still empty count. Characters include the spaces
    within a paragraph, not the breaks between paragraphs."""
    words = characters = 0
    for token in doc.tokens:
        if token.type != "inline":
            continue
        parts = []
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
        text = " ".join("".join(parts).split())
        words += len(text.split())
        characters += len(text)
    return words, characters
