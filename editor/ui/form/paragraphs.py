"""The paragraph editor: Markdown text with buttons and shortcuts for bold, italic, lists, links."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolButton, QWidget

from editor.model.fields import FieldDef, clean_paragraphs
from editor.render.markdown_ops import (
    Edit,
    make_link,
    normalise_url,
    toggle_emphasis,
    toggle_list,
)
from editor.ui.form.base import EditorContext, FieldEditor, tight_hbox, tight_vbox
from editor.ui.form.spell_check import (
    SpellHighlighter,
    add_corrections,
    problem_at,
    problems_in,
)
from editor.ui.spelling import SpellingService

MIN_LINES = 3
MAX_LINES = 6


def _utf16_offset(text: str, index: int) -> int:
    """Qt counts positions in UTF-16 units; an emoji is two of them but one Python character."""
    return len(text[:index].encode("utf-16-le")) // 2


def _python_index(text: str, offset: int) -> int:
    return len(text.encode("utf-16-le")[: 2 * offset].decode("utf-16-le", errors="ignore"))


def ask_url_with_dialog(parent: QWidget, initial: str) -> str | None:
    from editor.ui.form.link_dialog import LinkDialog  # a dialog's classes: not for the first paint

    url, accepted = LinkDialog.get_url(parent, initial)
    return url if accepted else None


class MarkdownEdit(QPlainTextEdit):
    """A plain text editor that lets its own formatting shortcuts win over the built-in ones
    (Ctrl+K deletes to the end of the line on Linux otherwise)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shortcut_actions: list[QAction] = []
        self.setTabChangesFocus(True)
        self.highlighter: SpellHighlighter | None = None

    def check_spelling(self, service: SpellingService, lang: str) -> None:
        self.highlighter = SpellHighlighter(self.document(), service, lang, self)

    def set_text(self, text: str) -> None:
        """As ``setPlainText``; a long text is underlined in slices, the window painting
        between them."""
        if self.highlighter is None:
            self.setPlainText(text)
        else:
            self.highlighter.set_text(self, text)

    def _action_for(self, event: QKeyEvent) -> QAction | None:
        pressed = QKeySequence(event.keyCombination())
        for action in self.shortcut_actions:
            for shortcut in action.shortcuts():
                if not shortcut.isEmpty() and pressed.matches(shortcut) == (
                    QKeySequence.SequenceMatch.ExactMatch
                ):
                    return action
        return None

    def event(self, event: QEvent) -> bool:
        is_override = event.type() == QEvent.Type.ShortcutOverride
        if is_override and isinstance(event, QKeyEvent) and self._action_for(event) is not None:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self._action_for(event)
        if action is not None:
            action.trigger()
            event.accept()
            return
        super().keyPressEvent(event)

    def context_menu(self, pos: QPoint) -> QMenu:
        """The right-click menu at ``pos`` (viewport coordinates): spelling corrections for the
        word there, the standard entries, then the formatting actions."""
        menu = self.createStandardContextMenu(pos)
        menu.addSeparator()
        for action in self.shortcut_actions:
            menu.addAction(action)
        self._add_corrections(menu, self.cursorForPosition(pos))
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _add_corrections(self, menu: QMenu, at: QTextCursor) -> None:
        """The spelling corrections for the word under ``at``, first in the menu."""
        highlighter = self.highlighter
        if highlighter is None:
            return
        block = at.block()
        text = block.text()
        problems = problems_in(highlighter.service, highlighter.lang, text)
        problem = problem_at(problems, _python_index(text, at.positionInBlock()))
        if problem is None:
            return

        def replace(start: int, end: int, replacement: str) -> None:
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + _utf16_offset(text, start))
            offset = block.position() + _utf16_offset(text, end)
            cursor.setPosition(offset, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(replacement)  # one undo step, textChanged as for typing

        add_corrections(menu, problem, highlighter.service, highlighter.lang, replace)


class ParagraphEditor(FieldEditor):
    """Paragraphs of Markdown. The toolbar edits the text itself: what you see is what is stored.

    ``ask_url`` asks for a link's address; tests replace it with a function that answers.
    """

    def __init__(
        self, field_def: FieldDef, context: EditorContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(field_def, context, parent)
        self.ask_url: Callable[[QWidget, str], str | None] = ask_url_with_dialog
        self.text_edit = MarkdownEdit(self)
        self.text_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.toolbar = QWidget(self)
        self.actions_by_name: dict[str, QAction] = {}
        bar = tight_hbox(self.toolbar, spacing=2)
        for name, glyph, label, shortcut, handler in self._action_table():
            action = QAction(label, self)
            action.setIconText(glyph)
            action.setObjectName(f"action_{name}")
            hint = label
            if shortcut:
                sequence = QKeySequence(shortcut)
                action.setShortcut(sequence)
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                native = sequence.toString(QKeySequence.SequenceFormat.NativeText)
                hint = f"{label} ({native})"
            action.setToolTip(hint)
            action.triggered.connect(handler)
            self.actions_by_name[name] = action
            self.text_edit.shortcut_actions.append(action)
            button = QToolButton(self.toolbar)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field; keys do this
            button.setAccessibleName(label)
            button.setAutoRaise(True)
            if name in ("bold", "italic"):
                font = button.font()
                font.setBold(name == "bold")
                font.setItalic(name == "italic")
                button.setFont(font)
            bar.addWidget(button)
        bar.addStretch(1)
        layout = tight_vbox(self, spacing=1)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.text_edit)
        self._adopt_input(self.text_edit)
        if context.spelling is not None:
            self.text_edit.check_spelling(context.spelling, context.language)
        self._value: tuple[str | None] | None = None  # value(), until the text changes
        self.text_edit.document().contentsChanged.connect(self._forget_value)
        self.text_edit.textChanged.connect(self.changed)
        layout_engine = self.text_edit.document().documentLayout()
        layout_engine.documentSizeChanged.connect(self._fit_height)
        self._fit_height()

    def _action_table(self) -> list[tuple[str, str, str, str, Callable[[], None]]]:
        """(name, button text, label, shortcut, handler): the toolbar, as data."""
        translate = QCoreApplication.translate
        return [
            ("bold", "B", translate("FormWidget", "Bold"), "Ctrl+B", self.make_bold),
            ("italic", "I", translate("FormWidget", "Italic"), "Ctrl+I", self.make_italic),
            ("bullets", "•", translate("FormWidget", "Bulleted list"), "", self.make_bullets),
            ("numbers", "1.", translate("FormWidget", "Numbered list"), "", self.make_numbered),
            ("link", translate("FormWidget", "Link"), translate("FormWidget", "Link…"), "Ctrl+K",
             self.make_link),
        ]  # fmt: skip

    @property
    def input_widget(self) -> QWidget:
        return self.text_edit

    def value(self) -> str | None:
        """The field's text, cleaned; kept until the text changes (100 pages take 10 ms to
        read and clean, and every render asks)."""
        if self._value is None:
            text = self.text_edit.document().toRawText().replace("\u2029", "\n")
            self._value = (clean_paragraphs(text) if text.strip() else None,)
        return self._value[0]

    def _forget_value(self) -> None:
        self._value = None

    def set_value(self, value: Any) -> None:
        text = "" if value is None else clean_paragraphs(str(value))
        if text != (self.value() or ""):
            self.text_edit.set_text(text)
            self._value = (text if text.strip() else None,)  # what reading it would give

    def _fit_height(self) -> None:
        lines = int(self.text_edit.document().size().height())
        lines = max(MIN_LINES, min(MAX_LINES, lines))
        margins = self.text_edit.contentsMargins()
        height = (
            lines * self.text_edit.fontMetrics().lineSpacing()
            + int(2 * self.text_edit.document().documentMargin())
            + margins.top()
            + margins.bottom()
            + 2 * self.text_edit.frameWidth()
        )
        if height != self.text_edit.height():
            self.text_edit.setFixedHeight(height)

    def _selection(self) -> tuple[str, int, int]:
        text = self.text_edit.toPlainText()
        cursor = self.text_edit.textCursor()
        start = _python_index(text, cursor.selectionStart())
        end = _python_index(text, cursor.selectionEnd())
        return text, start, end

    def apply(self, edit: Edit) -> None:
        """Make the edit as one undo step and select what it says."""
        text = self.text_edit.toPlainText()
        cursor = self.text_edit.textCursor()
        cursor.beginEditBlock()
        cursor.setPosition(_utf16_offset(text, edit.start))
        cursor.setPosition(_utf16_offset(text, edit.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(edit.replacement)
        cursor.endEditBlock()
        new_text = edit.apply(text)
        anchor, position = edit.selection
        cursor.setPosition(_utf16_offset(new_text, anchor))
        cursor.setPosition(_utf16_offset(new_text, position), QTextCursor.MoveMode.KeepAnchor)
        self.text_edit.setTextCursor(cursor)
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def make_bold(self) -> None:
        self.apply(toggle_emphasis(*self._selection(), "**"))

    def make_italic(self) -> None:
        self.apply(toggle_emphasis(*self._selection(), "*"))

    def make_bullets(self) -> None:
        self.apply(toggle_list(*self._selection(), numbered=False))

    def make_numbered(self) -> None:
        self.apply(toggle_list(*self._selection(), numbered=True))

    def make_link(self) -> None:
        text, start, end = self._selection()
        selected = text[start:end].strip()
        initial = selected if normalise_url(selected) and "." in selected else ""
        url = self.ask_url(self, initial)
        if url:
            self.apply(make_link(text, start, end, url))
