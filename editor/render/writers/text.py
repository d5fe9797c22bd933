"""Plain-text export, wrapped at 72 columns: for e-mail bodies, wire services and copy-paste.

Nothing here marks up text (no asterisks for emphasis): the reader sees words, not Markdown.
The one exception is struck-out text, which keeps its ``~~`` so that a correction cannot read
as its opposite. Hard line breaks survive, so a contact block stays one line per name, title
and phone number. Wrapping counts code points; only heading underlines count display columns.

``plain_text`` is also the text part of e-mails and the preview's plain-text tab.
"""

from __future__ import annotations

import textwrap
import unicodedata

from markdown_it.tree import SyntaxTreeNode

from editor.render.document import RenderedDocument
from editor.render.plain import inline_lines, inline_text, inline_tokens
from editor.render.writers.base import DEFAULT_OPTIONS, ExportOptions, Writer

WIDTH = 72
MIN_WIDTH = 20  # deep nesting never squeezes text below this
HORIZONTAL_RULE = "-" * 20
CODE_INDENT = " " * 4


def display_width(text: str) -> int:
    """Columns ``text`` takes in a monospace font: wide East Asian characters and most emoji
    take two, combining marks none."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def wrap(line: str, width: int) -> list[str]:
    """One logical line wrapped at spaces only: URLs, e-mail addresses and hyphenated words
    ("070-123 45") are never cut, even when they overflow."""
    return textwrap.wrap(
        line,
        width=max(width, MIN_WIDTH),
        break_long_words=False,
        break_on_hyphens=False,
    )


def _inline_lines(inline: SyntaxTreeNode) -> list[str]:
    """The inline content as printed: one line per hard break, links with their address,
    struck text between ``~~``, spaces as typed."""
    return inline_lines(inline_tokens(inline), link_targets=True, struck=True, collapse=False)


def _inline_text(node: SyntaxTreeNode) -> str:
    return inline_text(inline_tokens(node), link_targets=True, struck=True, collapse=False)


def is_tight(list_node: SyntaxTreeNode) -> bool:
    """markdown-it hides the paragraphs of a tight list (no blank lines between its items)."""
    return all(
        child.hidden
        for item in list_node.children
        for child in item.children
        if child.type == "paragraph"
    )


def _cell_alignment(cell: SyntaxTreeNode) -> str:
    style = str(cell.attrs.get("style", ""))
    return style.removeprefix("text-align:") if style.startswith("text-align:") else "left"


def _pad(text: str, width: int, alignment: str) -> str:
    room = width - display_width(text)
    if alignment == "right":
        return " " * room + text
    if alignment == "center":
        return " " * (room // 2) + text + " " * (room - room // 2)
    return text + " " * room


class _TextRenderer:
    """Walks the block tree once; each block becomes a list of lines without blank ones
    around it, and blocks are joined with one blank line."""

    def __init__(self) -> None:
        self._headline_done = False

    def blocks(self, nodes: list[SyntaxTreeNode], width: int, *, tight: bool = False) -> list[str]:
        out: list[str] = []
        for node in nodes:
            lines = self.block(node, width)
            if not lines:
                continue
            if out and not tight:
                out.append("")
            out.extend(lines)
        return out

    def block(self, node: SyntaxTreeNode, width: int) -> list[str]:
        kind = node.type
        if kind == "paragraph":
            return self.paragraph(node, width)
        if kind == "heading":
            return self.heading(node, width)
        if kind in ("bullet_list", "ordered_list"):
            return self.list_block(node, width)
        if kind == "blockquote":
            return [f"> {line}" if line else ">" for line in self.blocks(node.children, width - 2)]
        if kind in ("code_block", "fence"):
            code = node.content.expandtabs(4).rstrip("\n").split("\n")
            return [CODE_INDENT + line.rstrip() if line.strip() else "" for line in code]
        if kind == "hr":
            return [HORIZONTAL_RULE]
        if kind == "table":
            return self.table(node, width)
        if node.children:
            return self.blocks(node.children, width)
        return [line.rstrip() for line in node.content.splitlines() if line.strip()]

    def paragraph(self, node: SyntaxTreeNode, width: int) -> list[str]:
        """Each hard-broken line is wrapped on its own, so a contact block keeps its lines."""
        out: list[str] = []
        for inline in node.children:
            for line in _inline_lines(inline):
                out.extend(wrap(line, width))
        return out

    def heading(self, node: SyntaxTreeNode, width: int) -> list[str]:
        lines = self.paragraph(node, width)
        if not lines:
            return []
        underline = "-"
        if node.tag == "h1" and not self._headline_done:
            self._headline_done = True
            underline = "="
        return [*lines, underline * max(display_width(line) for line in lines)]

    def list_block(self, node: SyntaxTreeNode, width: int) -> list[str]:
        """Markers ``- `` and ``3. ``; the numbers right-aligned so all item texts line up, and
        continuation lines and nested lists indented under the text."""
        items = node.children
        if node.type == "ordered_list":
            start = int(str(node.attrs.get("start", 1)))
            numbers = [f"{start + index}." for index in range(len(items))]
            widest = max((len(number) for number in numbers), default=2)
            markers = [number.rjust(widest) + " " for number in numbers]
        else:
            markers = ["- "] * len(items)
        tight = is_tight(node)
        out: list[str] = []
        for item, marker in zip(items, markers, strict=True):
            indent = " " * len(marker)
            body = self.blocks(item.children, width - len(marker), tight=tight) or [""]
            if out and not tight:
                out.append("")
            out.append((marker + body[0]).rstrip())
            out.extend(indent + line if line else "" for line in body[1:])
        return out

    def table(self, node: SyntaxTreeNode, width: int) -> list[str]:
        """Aligned columns when they fit, else one ``cell | cell`` line per row, wrapped."""
        rows: list[list[str]] = []
        alignments: list[str] = []
        header_rows = 0
        for section in node.children:
            for row_node in section.children:
                rows.append([_inline_text(cell) for cell in row_node.children])
                if not alignments:
                    alignments = [_cell_alignment(cell) for cell in row_node.children]
            if section.type == "thead":
                header_rows = len(rows)
        columns = max((len(row) for row in rows), default=0)
        if not columns:
            return []
        rows = [row + [""] * (columns - len(row)) for row in rows]
        alignments += ["left"] * (columns - len(alignments))
        widths = [max(display_width(row[col]) for row in rows) for col in range(columns)]
        if sum(widths) + 3 * (columns - 1) > width:
            out: list[str] = []
            for cells in rows:
                out.extend(
                    textwrap.wrap(
                        " | ".join(cells),
                        max(width, MIN_WIDTH),
                        subsequent_indent="  ",
                        break_long_words=False,
                        break_on_hyphens=False,
                    )
                )
            return out
        lines = [
            " | ".join(
                _pad(cell, w, a) for cell, w, a in zip(row, widths, alignments, strict=True)
            ).rstrip()
            for row in rows
        ]
        if header_rows:
            lines.insert(header_rows, "-+-".join("-" * w for w in widths))
        return lines


def plain_blocks(nodes: list[SyntaxTreeNode], width: int = WIDTH) -> str:
    """Some blocks of a release as plain text, without the final newline."""
    lines = _TextRenderer().blocks(nodes, width)
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def plain_text(doc: RenderedDocument) -> str:
    """The release as plain text: "\\n" line ends, no trailing spaces, one final newline."""
    return plain_blocks(doc.tree.children) + "\n"


class TextWriter(Writer):
    name = "txt"
    extension = ".txt"
    media_type = "text/plain; charset=utf-8"
    label = "Plain text"

    def write(self, doc: RenderedDocument, options: ExportOptions = DEFAULT_OPTIONS) -> bytes:
        return plain_text(doc).encode("utf-8")
