"""The formatted preview's document, kept in step with the page part by part.

``setHtml`` of a 50-page release parses and lays out the whole page again for every keystroke.
A keystroke changes one part of the body (a paragraph, a heading, a list) or adds or removes
one, so only the blocks of the parts between the unchanged start and the unchanged end are
replaced: those parts are parsed into a small scratch document between two stand-in paragraphs
(so the whitespace and margins around them come out as in the whole page) and that range is
copied over the old blocks. The whole page is set again, as a fresh ``setHtml`` shows it, when
anything else changed: the page's head and style, the first part, a part added or removed at
the end, or a part whose blocks are not known for sure (a table, an empty heading).

A long page set whole is not parsed and laid out in one go (a 100-page release froze the window
for a fifth of a second): its first parts are set at once, followed by a blank stand-in, and the
others are copied in before the stand-in in slices from a zero-timer, the last slice taking the
stand-in's place, so that the document ends as ``setHtml`` of the whole page makes it. A slice
ends only after a part whose blocks are known (so never on a table). A page shown while slices
are still to come keeps what it shares with the one being filled in and goes on from there."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor, QTextDocument, QTextDocumentFragment

from editor.render.writers.html import PageParts
from editor.ui import turns

# The paragraph set before and after the changed parts in the scratch document; never copied.
_STAND_IN = "<p>x</p>\n"
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_EMPTY = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)[^>]*>\s*</\1>")
_ONE_BLOCK = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol"})
_OTHER_BLOCKS = {"li", "blockquote", "pre", "table", "tr", "td", "th", "hr", "div"}
_BLOCK_TAGS = _ONE_BLOCK | _LISTS | _OTHER_BLOCKS | {"dl", "dt", "dd"}
_MEASURED_KEPT = 4096
# The blank paragraph ending a page while its slices are still to come.
_SHOWN_STAND_IN = "<p>&#160;</p>\n"
_FIRST_CHARS = 12_000  # the page's HTML set at once (a few screens); shorter pages are set whole
_SLICE_SECONDS = 0.006  # about how long a slice takes: its size follows the measured speed
_SLICE_CHARS = (2_000, 60_000)  # the least and the most HTML a slice copies in


def block_count(part: str) -> int | None:
    """How many blocks of a QTextDocument a part of the body becomes, known without Qt: one for
    a paragraph or a heading, one per item for a flat, tight list; None otherwise."""
    if _EMPTY.search(part):  # Qt makes no block of an empty heading or list item
        return None
    opened = [name.lower() for slash, name in _TAG.findall(part) if not slash]
    blocks = [name for name in opened if name in _BLOCK_TAGS]
    if len(blocks) == 1 and blocks[0] in _ONE_BLOCK:
        return 1
    if blocks and blocks[0] in _LISTS and all(name == "li" for name in blocks[1:]):
        return len(blocks) - 1 or None
    return None


class PartwiseDocument:
    """Shows pages in one QTextDocument, replacing only the blocks of the parts that changed."""

    def __init__(
        self, document: QTextDocument, set_html: Callable[[str], None] | None = None
    ) -> None:
        """``set_html`` sets the whole page (the view's own ``setHtml``; the document's if
        None)."""
        self._document = document
        self._set_html = set_html or document.setHtml
        document.setUndoRedoEnabled(False)  # edits are the preview's own: nothing to undo
        self._scratch = QTextDocument()
        self._shown: PageParts | None = None
        self._counts: list[int] | None = None  # blocks per shown part; None: not known
        self._count_due = False  # the shown page was set whole and its parts not yet counted
        self._measured: dict[str, int] = {}  # blocks of parts block_count does not know
        self.replaced_whole = 0  # how many times the whole page was set (for tests)
        self._filling: PageParts | None = None  # the page whose slices are still to come
        self._cuts: list[tuple[int, int]] = []  # (parts, blocks before the stand-in) so far
        self._slice_chars = _SLICE_CHARS[0]
        self._slices = QTimer(document)
        self._slices.setSingleShot(True)
        self._slices.setInterval(0)
        self._slices.timeout.connect(self._insert_slice)

    def clear(self) -> None:
        """Something else was shown: the next page is set whole."""
        self._shown, self._counts, self._count_due = None, None, False
        self._stop_filling()

    def filling(self) -> bool:
        """True while slices of the page last set whole are still to come."""
        return self._filling is not None

    def show(self, page: PageParts) -> None:
        if self._filling is not None:
            if not self._go_on_filling(page):
                self._set_whole(page)
        elif not self._replace_changed(page):
            self._set_whole(page)

    def _set_whole(self, page: PageParts) -> None:
        self._stop_filling()
        first = _cut_after(page, 0, _FIRST_CHARS)
        if first < len(page.parts) and _chars(page, first, len(page.parts)) >= _FIRST_CHARS:
            self._set_html(page.head + "".join(page.parts[:first]) + _SHOWN_STAND_IN + page.tail)
            self._filling, self._cuts = page, [(first, self._document.blockCount() - 1)]
            self._slices.start()
            self._shown, self._counts, self._count_due = None, None, False
        else:
            self._set_html(page.html())
            # its parts are counted at the first change, not now: a page shown once (the first
            # paint, another release opened) does not wait for it
            self._shown, self._counts, self._count_due = page, None, True
        self._document.setUndoRedoEnabled(False)
        self.replaced_whole += 1

    def _stop_filling(self) -> None:
        self._slices.stop()
        self._filling, self._cuts = None, []

    def _go_on_filling(self, page: PageParts) -> bool:
        """Fill in ``page`` instead of the page being filled in, keeping the parts they share
        (the blocks copied after them removed); False if it has to be set whole."""
        filling = self._filling
        assert filling is not None
        if (page.head, page.tail) != (filling.head, filling.tail):
            return False
        shared = _common_prefix(filling.parts, page.parts)
        cuts = self._cuts
        copied = cuts[-1][0]
        while cuts and (cuts[-1][0] > shared or cuts[-1][0] >= len(page.parts)):
            cuts.pop()
        if not cuts:
            return False
        parts, blocks = cuts[-1]
        if any("<table" in part for part in filling.parts[parts:copied]):
            return False  # a table's frame is not removed as a range of blocks
        document = self._document
        if blocks < document.blockCount() - 1:
            cursor = QTextCursor(document)
            cursor.setPosition(_block_end(document, blocks - 1))
            cursor.setPosition(
                _block_end(document, document.blockCount() - 2), QTextCursor.MoveMode.KeepAnchor
            )
            cursor.removeSelectedText()
        self._filling = page
        if not self._slices.isActive():
            self._slices.start()
        return True

    def _insert_slice(self) -> None:
        """Copy the next parts of the page being filled in before its stand-in (the last in
        place of it)."""
        page = self._filling
        if page is None:
            return
        if not turns.my_turn():  # another slice ran in this turn (see editor.ui.turns)
            self._slices.start()
            return
        document = self._document
        start = self._cuts[-1][0]
        end = _cut_after(page, start, self._slice_chars)
        at_end = end == len(page.parts)
        began = time.perf_counter()
        fragment, _ = self._scratch_range(page, page.parts[start:end], at_end=at_end)
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        cursor.setPosition(_block_end(document, document.blockCount() - 2))
        if at_end:
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertFragment(fragment)
        cursor.endEditBlock()
        elapsed = max(time.perf_counter() - began, 1e-4)
        low, high = _SLICE_CHARS
        speed = _chars(page, start, end) / elapsed
        self._slice_chars = int(min(high, max(low, speed * _SLICE_SECONDS)))
        turns.slice_done()
        if at_end:
            self._stop_filling()
            self._shown, self._counts, self._count_due = page, None, True
            return
        self._cuts.append((end, document.blockCount() - 1))
        self._slices.start()

    def _shown_counts(self) -> list[int] | None:
        """The blocks of each shown part, checked against what Qt made of the whole page."""
        if self._count_due and self._shown is not None:
            self._count_due = False
            page = self._shown
            counts = [self._block_count(page, part) for part in page.parts]
            known = [count for count in counts if count is not None]
            if len(known) == len(counts) and sum(known) == self._document.blockCount():
                self._counts = known
        return self._counts

    def _block_count(self, page: PageParts, part: str) -> int | None:
        """A part's blocks: by ``block_count``'s rule, else measured once in the scratch
        document (a loose or nested list, a quote); None for a table (its cells are a frame
        of their own, which a range of blocks does not replace)."""
        count = block_count(part)
        if count is not None:
            return count
        if part in self._measured:
            return self._measured[part]
        if "<table" in part:
            return None
        self._scratch.setHtml(page.head + _STAND_IN + part + _STAND_IN + page.tail)
        measured = self._scratch.blockCount() - 2
        if measured < 1:  # nothing of its own (an empty heading): how it joins is not known
            return None
        if len(self._measured) >= _MEASURED_KEPT:
            self._measured.clear()
        self._measured[part] = measured
        return measured

    def _replace_changed(self, page: PageParts) -> bool:
        shown, counts = self._shown, self._shown_counts()
        if shown is None or counts is None or sum(counts) != self._document.blockCount():
            return False  # nothing known, or the document was changed by another hand
        if (page.head, page.tail) != (shown.head, shown.tail):
            return False
        old, new = shown.parts, page.parts
        if old == new:
            self._shown = page
            return True
        first = _common_prefix(old, new)
        kept_after = _common_prefix(old[first:][::-1], new[first:][::-1])
        old_end, new_end = len(old) - kept_after, len(new) - kept_after
        if first == 0 or (kept_after == 0 and (old_end == first or new_end == first)):
            return False  # the masthead, or a part added or removed at the very end
        changed = new[first:new_end]
        new_counts = [self._block_count(page, part) for part in changed]
        known = [count for count in new_counts if count is not None]
        if len(known) != len(new_counts):
            return False
        start, end = sum(counts[:first]), sum(counts[:old_end])
        cursor = QTextCursor(self._document)
        cursor.beginEditBlock()
        cursor.setPosition(_block_end(self._document, start - 1))
        if end > start:
            cursor.setPosition(_block_end(self._document, end - 1), QTextCursor.MoveMode.KeepAnchor)
        if changed:
            fragment = self._fragment(page, changed, sum(known), at_end=kept_after == 0)
            if fragment is None:
                cursor.endEditBlock()
                return False
            cursor.insertFragment(fragment)
        else:
            cursor.removeSelectedText()
        cursor.endEditBlock()
        counts[first:old_end] = known
        self._shown = page
        return sum(counts) == self._document.blockCount()  # else the page is set whole

    def _fragment(
        self, page: PageParts, changed: tuple[str, ...], expected: int, *, at_end: bool
    ) -> QTextDocumentFragment | None:
        """The changed parts as the whole page would show them, from the paragraph break
        before them to the end of their last block."""
        fragment, blocks = self._scratch_range(page, changed, at_end=at_end)
        if blocks != expected:  # Qt made other blocks than block_count said: set the page
            return None
        return fragment

    def _scratch_range(
        self, page: PageParts, parts: tuple[str, ...], *, at_end: bool
    ) -> tuple[QTextDocumentFragment, int]:
        """Parts as the whole page would show them, from the paragraph break before them to
        the end of their last block, and how many blocks they are."""
        after = "" if at_end else _STAND_IN
        self._scratch.setHtml(page.head + _STAND_IN + "".join(parts) + after + page.tail)
        scratch = self._scratch
        blocks = scratch.blockCount() - (1 if at_end else 2)
        cursor = QTextCursor(scratch)
        cursor.setPosition(_block_end(scratch, 0))
        cursor.setPosition(_block_end(scratch, blocks), QTextCursor.MoveMode.KeepAnchor)
        return cursor.selection(), blocks


def _common_prefix(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """How many parts two lists of parts share from their start."""
    shared = 0
    for left, right in zip(a, b, strict=False):
        if left != right:
            break
        shared += 1
    return shared


def _chars(page: PageParts, start: int, end: int) -> int:
    return sum(len(part) for part in page.parts[start:end])


def _cut_after(page: PageParts, start: int, chars: int) -> int:
    """Where a slice from part ``start`` ends: once it holds about ``chars`` of HTML, after a
    part whose blocks are known (Qt copies a range ending on a table with another last
    block); the end of the page if there is no such place."""
    parts, held = page.parts, 0
    for index in range(start, len(parts)):
        held += len(parts[index])
        if held >= chars and index + 1 < len(parts) and block_count(parts[index]) is not None:
            return index + 1
    return len(parts)


def _block_end(document: QTextDocument, number: int) -> int:
    """The position at the end of a block's text, before its paragraph break."""
    block = document.findBlockByNumber(number)
    return block.position() + block.length() - 1
