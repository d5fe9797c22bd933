"""A plain-text editor for template bodies with line numbers and marked problem lines.

The line numbers follow Qt's "Code Editor" example: a narrow widget in the editor's left
viewport margin, painted block by block as the text scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from editor.render.body_keys import key_spans, utf16_positions

PROBLEM_BACKGROUND = QColor("#fdecea")
PROBLEM_UNDERLINE = QColor("#b3261e")
CURRENT_LINE = QColor(0, 0, 0, 14)


class LineNumberArea(QWidget):
    def __init__(self, editor: CodeEditor) -> None:
        super().__init__(editor)
        self._editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self._editor.line_number_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._editor.paint_line_numbers(event)


class CodeEditor(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(False)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 4)
        self._problem_lines: set[int] = set()
        self.line_numbers = LineNumberArea(self)
        self.blockCountChanged.connect(self._update_margin)
        self.updateRequest.connect(self._update_area)
        self.cursorPositionChanged.connect(self._update_selections)
        self._update_margin()
        self._update_selections()

    def line_number_width(self) -> int:
        digits = max(3, len(str(max(1, self.blockCount()))))
        return 10 + self.fontMetrics().horizontalAdvance("9") * digits

    def _update_margin(self, _count: int = 0) -> None:
        self.setViewportMargins(self.line_number_width(), 0, 0, 0)

    def _update_area(self, rect: QRect, dy: int) -> None:
        if dy:
            self.line_numbers.scroll(0, dy)
        else:
            self.line_numbers.update(0, rect.y(), self.line_numbers.width(), rect.height())
        if rect.contains(self.viewport().rect()):
            self._update_margin()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        area = self.contentsRect()
        self.line_numbers.setGeometry(
            QRect(area.left(), area.top(), self.line_number_width(), area.height())
        )

    def paint_line_numbers(self, event: QPaintEvent) -> None:
        painter = QPainter(self.line_numbers)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.AlternateBase))
        block = self.firstVisibleBlock()
        number = block.blockNumber() + 1
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        bottom = top + round(self.blockBoundingRect(block).height())
        height = self.fontMetrics().height()
        width = self.line_numbers.width() - 5
        normal = palette.color(QPalette.ColorRole.PlaceholderText)
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible() and bottom >= event.rect().top():
                problem = number in self._problem_lines
                painter.setPen(PROBLEM_UNDERLINE if problem else normal)
                font = painter.font()
                font.setBold(problem)
                painter.setFont(font)
                painter.drawText(0, top, width, height, Qt.AlignmentFlag.AlignRight, str(number))
            block = block.next()
            top = bottom
            bottom = top + round(self.blockBoundingRect(block).height())
            number += 1
        painter.end()

    def problem_lines(self) -> set[int]:
        return set(self._problem_lines)

    def set_problem_lines(self, lines: set[int]) -> None:
        """Mark these lines (from 1): a pale red background and a wavy underline."""
        if lines != self._problem_lines:
            self._problem_lines = set(lines)
            self._update_selections()
            self.line_numbers.update()

    def _update_selections(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        current = QTextEdit.ExtraSelection()
        current.format.setBackground(CURRENT_LINE)  # type: ignore[attr-defined]
        current.format.setProperty(QTextFormat.Property.FullWidthSelection, True)  # type: ignore[attr-defined]
        cursor = self.textCursor()
        cursor.clearSelection()
        current.cursor = cursor  # type: ignore[attr-defined]
        selections.append(current)
        document = self.document()
        for line in sorted(self._problem_lines):
            block = document.findBlockByNumber(line - 1)
            if not block.isValid():
                continue
            background = QTextEdit.ExtraSelection()
            background.format.setBackground(PROBLEM_BACKGROUND)  # type: ignore[attr-defined]
            background.format.setProperty(QTextFormat.Property.FullWidthSelection, True)  # type: ignore[attr-defined]
            background.cursor = QTextCursor(block)  # type: ignore[attr-defined]
            selections.append(background)
            if block.length() > 1:
                wavy = QTextEdit.ExtraSelection()
                text_format = QTextCharFormat()
                text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                text_format.setUnderlineColor(PROBLEM_UNDERLINE)
                wavy.format = text_format  # type: ignore[attr-defined]
                span = QTextCursor(block)
                span.movePosition(
                    QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
                )
                wavy.cursor = span  # type: ignore[attr-defined]
                selections.append(wavy)
        self.setExtraSelections(selections)

    def go_to_line(self, line: int) -> None:
        """Put the cursor at the start of ``line`` (from 1), show it, and take the focus."""
        block = self.document().findBlockByNumber(max(0, line - 1))
        if not block.isValid():
            block = self.document().lastBlock()
        cursor = QTextCursor(block)
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def rename_key(self, old: str, new: str) -> int:
        """Rename each use of the field key ``old`` as one undoable edit; how many there were."""
        body = self.toPlainText()
        spans = key_spans(body, old)
        positions = utf16_positions(body)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for start, end in reversed(spans):
            cursor.setPosition(positions[start])
            cursor.setPosition(positions[end], QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(new)
        cursor.endEditBlock()
        return len(spans)

    def current_line(self) -> int:
        return self.textCursor().blockNumber() + 1

    def text_before_cursor(self) -> str:
        cursor = self.textCursor()
        cursor.clearSelection()
        cursor.movePosition(QTextCursor.MoveOperation.Start, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText().replace("\u2029", "\n")
