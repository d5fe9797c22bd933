"""Red wavy underlines and the right-click corrections in the form's text fields.

Paragraph fields have a text document, so a ``QSyntaxHighlighter`` marks them: Qt calls it for
the changed paragraph only, which keeps typing fast in a long text. A one-line field
(``QLineEdit``) has no document; ``SpellLineEdit`` paints the waves itself after the normal
paint, at x positions measured with the font from the cursor's own position (so they follow
the field's horizontal scrolling).

The context menu puts the corrections first: the suggestions (or the typo removed), "Add to my
dictionary" and "Ignore", then the field's standard menu.
"""

from __future__ import annotations

import contextlib
import functools
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QPointF, QTimer
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QWidget

from editor.render.spelling import Speller, SpellingProblem, review
from editor.ui import turns
from editor.ui.spelling import SpellingService

UNDERLINE = QColor(220, 0, 0)
SUGGESTIONS_SHOWN = 5
SLICE_SECONDS = 0.008  # the longest the GUI thread underlines a field at a time
SLICE_BLOCKS = 20  # the fewest paragraphs a slice underlines (however slow the machine)


def utf16_length(text: str) -> int:
    """Qt counts in UTF-16 units; an emoji before a word would otherwise shift its underline."""
    return len(text.encode("utf-16-le")) // 2


def python_index(text: str, offset: int) -> int:
    return len(text.encode("utf-16-le")[: 2 * offset].decode("utf-16-le", errors="ignore"))


def problems_in(service: SpellingService | None, lang: str, text: str) -> list[SpellingProblem]:
    """What to underline in ``text``: typos always, unknown words once the dictionary is in."""
    if service is None:
        return []
    return review(text, lang, service.speller(lang))


def problem_at(problems: list[SpellingProblem], index: int) -> SpellingProblem | None:
    """The problem under a Python index (a click just after a word still counts)."""
    return next((p for p in problems if p.start <= index <= p.end), None)


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines a paragraph field's problems, per paragraph (block).

    Applying formats makes the document report a change, so the text edit would emit
    ``textChanged`` as if the user had typed (and the release would count as modified when a
    dictionary finished loading). ``editor``'s signals are blocked while this highlighter
    underlines on its own account: at the start, and when a dictionary or the user's words
    change. Underlines made while typing come with the user's own change anyway.

    Underlining a whole field on its own account goes in slices of ``SLICE_SECONDS`` (at least
    ``SLICE_BLOCKS`` paragraphs each), the window painting and taking keys in between: a 50-page
    field takes half a second to underline, which in one go froze the window when the
    dictionary had loaded. A short field is done in its first slice, at once."""

    def __init__(
        self, document: QTextDocument, service: SpellingService, lang: str, editor: QObject
    ) -> None:
        super().__init__(document)
        self.service, self.lang, self._editor = service, lang, editor
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(UNDERLINE)
        self._next_block = -1  # the paragraph the slices go on from; -1: none to go
        self._slice_speller: tuple[Speller | None] | None = None  # during a slice: its speller
        self._slices = QTimer(self)
        self._slices.setSingleShot(True)
        self._slices.setInterval(0)
        self._slices.timeout.connect(self._underline_slice_in_turn)
        service.ready.connect(self._language_ready)
        service.words_changed.connect(self.rehighlight_quietly)
        # Qt's own pass, a moment after, would underline the whole field in one go (and emit
        # textChanged): a pass that underlines nothing takes its place (the field has no
        # underlines yet, so nothing changes), then the slices underline
        self._passing = True
        was_blocked = editor.blockSignals(True)
        try:
            self.rehighlight()
        finally:
            editor.blockSignals(was_blocked)
            self._passing = False
        self.rehighlight_quietly()

    def set_text(self, edit: QPlainTextEdit, text: str) -> None:
        """``edit.setPlainText(text)`` (``edit``: the field this highlighter underlines), the
        underlines following in slices: Qt would underline every paragraph of the new text at
        once (a 50-page field: 100 ms of frozen window, built after the first paint)."""
        self._passing = True
        try:
            edit.setPlainText(text)
        finally:
            self._passing = False
        self._next_block = 0
        self._slices.start()  # the first slice at the next turn: the text is shown first

    def rehighlight_quietly(self) -> None:
        """Underline the whole field again, from its first paragraph, in slices."""
        self._next_block = 0
        self._underline_slice()

    def underlining(self) -> bool:
        """True while slices of a pass over the whole field are still to come."""
        return self._next_block >= 0

    def _underline_slice_in_turn(self) -> None:
        """The next slice, in a turn of the event loop of its own (see ``editor.ui.turns``)."""
        if not turns.my_turn():
            self._slices.start()
            return
        self._underline_slice()
        turns.slice_done()

    def _underline_slice(self) -> None:
        document = self.document()
        block = document.findBlockByNumber(self._next_block) if document is not None else None
        if block is None or self._next_block < 0:
            return
        deadline = time.perf_counter() + SLICE_SECONDS
        done = 0
        was_blocked = self._editor.blockSignals(True)
        batch = QTextCursor(document)  # the slice's paragraphs laid out again once, together
        batch.beginEditBlock()
        self._slice_speller = (self.service.speller(self.lang),)  # asked once, not per paragraph
        try:
            while block.isValid() and (done < SLICE_BLOCKS or time.perf_counter() < deadline):
                self.rehighlightBlock(block)
                block, done = block.next(), done + 1
        finally:
            self._slice_speller = None
            batch.endEditBlock()
            self._editor.blockSignals(was_blocked)
        # the field may have changed meanwhile: typing underlined its own paragraphs then
        self._next_block = block.blockNumber() if block.isValid() else -1
        if self._next_block >= 0:
            self._slices.start()

    def _language_ready(self, lang: str) -> None:
        if lang == self.lang:
            self.rehighlight_quietly()

    def highlightBlock(self, text: str) -> None:
        if self._passing:
            return
        asked = self._slice_speller
        speller = asked[0] if asked is not None else self.service.speller(self.lang)
        for problem in review(text, self.lang, speller):
            start = utf16_length(text[: problem.start])
            self.setFormat(start, utf16_length(text[problem.start : problem.end]), self._format)


class SpellLineEdit(QLineEdit):
    """A line edit that underlines its problems; a plain QLineEdit without a service."""

    def __init__(
        self, service: SpellingService | None, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service, self.lang = service, lang
        self._problems: list[SpellingProblem] | None = None  # None: to be found at next paint
        self.textChanged.connect(self._forget)
        if service is not None:
            service.ready.connect(self._language_ready)
            service.words_changed.connect(self._forget)

    def _forget(self) -> None:
        self._problems = None
        self.update()

    def _language_ready(self, lang: str) -> None:
        if lang == self.lang:
            self._forget()

    def problems(self) -> list[SpellingProblem]:
        if self._problems is None:
            self._problems = problems_in(self.service, self.lang, self.text())
        return self._problems

    def underline_spans(self) -> list[tuple[float, float]]:
        """The x ranges (widget coordinates) of the underlines."""
        text = self.text()
        if self.echoMode() != QLineEdit.EchoMode.Normal or not text:
            return []
        metrics = self.fontMetrics()
        cursor = self.cursorPosition()
        origin = self.cursorRect().center().x() - metrics.horizontalAdvance(text[:cursor])
        return [
            (
                origin + metrics.horizontalAdvance(text[: p.start]),
                origin + metrics.horizontalAdvance(text[: p.end]),
            )
            for p in self.problems()
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        spans = self.underline_spans()
        if not spans:
            return
        metrics = self.fontMetrics()
        rect = self.cursorRect()
        baseline = rect.center().y() - metrics.height() / 2 + metrics.ascent()
        y = baseline + max(1.0, metrics.underlinePos()) + 0.5
        left, right = self.contentsRect().left(), self.contentsRect().right()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(UNDERLINE, 1.0))
        painter.setClipRect(self.contentsRect())
        for start, end in spans:
            if end < left or start > right:
                continue
            painter.drawPath(wave(start, end, y))
        painter.end()

    def context_menu(self, pos: QPoint) -> QMenu:
        """The right-click menu at ``pos``: corrections for the word there, then the standard."""
        menu = self.createStandardContextMenu()
        index = python_index(self.text(), self.cursorPositionAt(pos))
        problem = problem_at(self.problems(), index)
        if problem is not None and self.service is not None:
            add_corrections(menu, problem, self.service, self.lang, self._replace)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _replace(self, start: int, end: int, replacement: str) -> None:
        """As a user edit (one undo step, ``textEdited`` emitted), not ``setText``."""
        text = self.text()
        self.setSelection(utf16_length(text[:start]), utf16_length(text[start:end]))
        self.insert(replacement)


def wave(start: float, end: float, y: float, height: float = 1.5) -> QPainterPath:
    """A wavy line from ``start`` to ``end`` at ``y``, as Qt's own spell-check underline."""
    path = QPainterPath(QPointF(start, y))
    x, up, step = start, True, 2.0
    while x < end:
        x = min(x + step, end)
        path.lineTo(QPointF(x, y - height if up else y + height))
        up = not up
    return path


Replace = Callable[[int, int, str], None]  # (start, end, replacement) in Python indices


def add_corrections(
    menu: QMenu, problem: SpellingProblem, service: SpellingService, lang: str, replace: Replace
) -> None:
    """Put the corrections for ``problem`` at the top of a field's standard ``menu``."""
    translate = QCoreApplication.translate
    actions: list[QAction] = []

    def entry(label: str, handler: Callable[[], None], enabled: bool = True) -> None:
        action = QAction(label, menu)
        action.setEnabled(enabled)
        action.triggered.connect(handler)
        actions.append(action)

    if problem.cut is not None:
        start, end = problem.cut
        if problem.kind == "doubled":
            label = translate("SpellCheck", "Remove the repeated word")
        else:
            label = translate("SpellCheck", "Remove the extra “i”")
        entry(label, lambda: replace(start, end, ""))
    else:
        speller = service.speller(lang)
        found = speller.suggestions(problem.word)[:SUGGESTIONS_SHOWN] if speller else []
        for suggestion in found:
            entry(suggestion, functools.partial(replace, problem.start, problem.end, suggestion))
        if not found:
            entry(translate("SpellCheck", "(no suggestions)"), lambda: None, enabled=False)
        entry(translate("SpellCheck", "Add to my dictionary"), lambda: add_word(service, problem))
        entry(translate("SpellCheck", "Ignore"), lambda: service.ignore_word(problem.word))
    first = menu.actions()[0] if menu.actions() else None
    if first is None:
        menu.addActions(actions)
        return
    menu.insertActions(first, actions)
    menu.insertSeparator(first)


def add_word(service: SpellingService, problem: SpellingProblem) -> None:
    """A dictionary file that cannot be written is no reason for a dialog in the middle of
    writing: the word is known until the app quits, and the next addition tries again."""
    from editor.errors import StorageError

    with contextlib.suppress(StorageError):
        service.add_word(problem.word)
