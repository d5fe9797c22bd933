"""The paragraph editor: Markdown made by the toolbar and its shortcuts, and the link dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QToolButton

from editor.ui.form.link_dialog import LinkDialog
from editor.ui.form.paragraphs import MAX_LINES, MIN_LINES, ParagraphEditor
from tests.helpers import make_template
from tests.ui.test_form import make_form, show, type_text


def paragraph_editor(qtbot: Any, text: str | None = None) -> ParagraphEditor:
    """The editor, in a shown form that lives as long as the test (kept on qtbot)."""
    template = make_template(
        "{{ body }}",
        [
            {"key": "body", "type": "paragraphs", "label": "Brödtext"},
            {"key": "after", "type": "text", "label": "Efter"},
        ],
    )
    form = make_form(qtbot, template, {"body": text})
    show(qtbot, form)
    qtbot.form = form  # the Python object owns the widgets
    editor = form.editor("body")
    assert isinstance(editor, ParagraphEditor)
    return editor


def select(editor: ParagraphEditor, start: int, end: int) -> None:
    """Select by Qt positions (UTF-16 units), as a mouse drag would."""
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def select_text(editor: ParagraphEditor, part: str) -> None:
    text = editor.text_edit.toPlainText()
    start = text.index(part)
    select(editor, utf16(text[:start]), utf16(text[: start + len(part)]))


def click(qtbot: Any, editor: ParagraphEditor, name: str) -> None:
    action = editor.actions_by_name[name]
    buttons = [b for b in editor.toolbar.findChildren(QToolButton) if b.defaultAction() is action]
    assert len(buttons) == 1
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)


def selected(editor: ParagraphEditor) -> str:
    return editor.text_edit.textCursor().selectedText()


def test_bold_button_wraps_the_selection_and_toggles_back(qtbot: Any) -> None:
    editor = paragraph_editor(qtbot, "Akuten är öppen igen.")
    select_text(editor, "öppen")
    click(qtbot, editor, "bold")
    assert editor.value() == "Akuten är **öppen** igen."
    assert selected(editor) == "öppen"
    click(qtbot, editor, "bold")
    assert editor.value() == "Akuten är öppen igen."


def test_shortcuts_make_italic_bold_and_links(qtbot: Any) -> None:
    editor = paragraph_editor(qtbot, "Läs mer på webben")
    edit = editor.text_edit
    select_text(editor, "Läs")
    qtbot.keyClick(edit, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert editor.value() == "*Läs* mer på webben"
    select_text(editor, "mer ")  # the space stays outside the markers
    qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert editor.value() == "*Läs* **mer** på webben"
    asked: list[str] = []

    def answer(_parent: Any, initial: str) -> str:
        asked.append(initial)
        return "https://www.example.se/[sida]"

    editor.ask_url = answer
    select_text(editor, "webben")
    qtbot.keyClick(edit, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert editor.value() == "*Läs* **mer** på [webben](https://www.example.se/[sida])"
    assert asked == [""]


def test_a_link_can_be_cancelled_and_prefills_a_selected_address(qtbot: Any) -> None:
    editor = paragraph_editor(qtbot, "Se www.example.se i dag")
    asked: list[str] = []

    def cancel(_parent: Any, initial: str) -> None:
        asked.append(initial)
        return None

    editor.ask_url = cancel
    select_text(editor, "www.example.se")
    click(qtbot, editor, "link")
    assert asked == ["www.example.se"]
    assert editor.value() == "Se www.example.se i dag"


def test_link_text_with_brackets_is_escaped(qtbot: Any) -> None:
    editor = paragraph_editor(qtbot, "Rapporten [pdf]")
    editor.ask_url = lambda _parent, _initial: "https://example.se/r.pdf"
    select_text(editor, "Rapporten [pdf]")
    click(qtbot, editor, "link")
    assert editor.value() == r"[Rapporten \[pdf\]](https://example.se/r.pdf)"


def test_list_buttons_prefix_lines_and_switch_kind(qtbot: Any) -> None:
    editor = paragraph_editor(qtbot, "Inledning\nett\n\ntvå\nslut")
    select_text(editor, "ett\n\ntvå")
    click(qtbot, editor, "bullets")
    assert editor.value() == "Inledning\n- ett\n\n- två\nslut"
    select_text(editor, "ett")  # part of one line takes the whole list when all are bullets
    select(editor, editor.text_edit.toPlainText().index("- ett"), len("Inledning\n- ett\n\n- två"))
    click(qtbot, editor, "numbers")
    assert editor.value() == "Inledning\n1. ett\n\n2. två\nslut"
    click(qtbot, editor, "numbers")
    assert editor.value() == "Inledning\nett\n\ntvå\nslut"


def test_formatting_after_an_emoji_lands_in_the_right_place(qtbot: Any) -> None:
    editor = paragraph_editor(qtbot, "😀 hej 👩‍👩‍👧 då")
    select_text(editor, "då")
    assert editor.text_edit.textCursor().selectionStart() == 16  # Python counts 12
    click(qtbot, editor, "bold")
    assert editor.value() == "😀 hej 👩‍👩‍👧 **då**"
    assert selected(editor) == "då"


def test_one_undo_step_per_command(qtbot: Any) -> None:
    editor = paragraph_editor(qtbot, "ett\ntvå")
    select(editor, 0, len("ett\ntvå"))
    click(qtbot, editor, "numbers")
    assert editor.value() == "1. ett\n2. två"
    editor.text_edit.undo()
    assert editor.value() == "ett\ntvå"


def test_nothing_selected_inserts_markers_around_the_cursor(qtbot: Any) -> None:
    editor = paragraph_editor(qtbot, "ab")
    select(editor, 1, 1)
    click(qtbot, editor, "bold")
    type_text(editor.text_edit, "X")
    assert editor.value() == "a**X**b"


def test_tooltips_name_the_shortcuts(qtbot: Any) -> None:
    editor = paragraph_editor(qtbot)
    assert "Ctrl+B" in editor.actions_by_name["bold"].toolTip()
    assert "Ctrl+I" in editor.actions_by_name["italic"].toolTip()
    assert "Ctrl+K" in editor.actions_by_name["link"].toolTip()


def test_height_grows_with_the_text_and_stops(qtbot: Any) -> None:
    editor = paragraph_editor(qtbot)
    line = editor.text_edit.fontMetrics().lineSpacing()
    empty = editor.text_edit.height()
    editor.set_value("\n".join(["rad"] * MIN_LINES))
    assert editor.text_edit.height() == empty
    editor.set_value("\n".join(["rad"] * (MIN_LINES + 2)))
    assert editor.text_edit.height() == empty + 2 * line
    editor.set_value("\n".join(["rad"] * (MAX_LINES + 20)))
    assert editor.text_edit.height() == empty + (MAX_LINES - MIN_LINES) * line


def test_tab_leaves_the_editor(qtbot: Any) -> None:
    editor = paragraph_editor(qtbot, "text")
    editor.text_edit.setFocus()
    qtbot.waitUntil(editor.text_edit.hasFocus)
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Tab)
    assert editor.value() == "text"
    assert QApplication.focusWidget().objectName() == "field_after"


def test_link_dialog_refuses_what_cannot_be_linked(qtbot: Any) -> None:
    dialog = LinkDialog("javascript:alert(1)")
    qtbot.addWidget(dialog)
    dialog.show()
    ok_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok_button.isEnabled()
    assert dialog.message.isVisible() and dialog.message.text()
    dialog.address.setText("anna.exempel@example.se")
    assert ok_button.isEnabled() and not dialog.message.isVisible()
    assert dialog.url() == "mailto:anna.exempel@example.se"
    dialog.address.clear()
    assert not ok_button.isEnabled() and not dialog.message.isVisible()


def test_the_value_follows_every_change_of_the_text(qtbot: Any) -> None:
    """value() is kept between changes: it reads as the text does after a value is set, after
    typing, after a toolbar edit and after the text is cleared."""
    editor = paragraph_editor(qtbot)

    def read() -> str | None:
        text = editor.text_edit.toPlainText()
        return text if text.strip() else None

    editor.set_value("Första\r\nstycket\u2029\u2029Andra\tstycket \u0007slut")
    assert editor.value() == read() == "Första\nstycket\n\n\n\nAndra    stycket slut"
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor.text_edit, " och mer")
    assert editor.value() == read()
    assert editor.value().endswith("slut och mer")  # type: ignore[union-attr]
    select_text(editor, "Andra")
    click(qtbot, editor, "bold")
    assert editor.value() == read()
    assert "**Andra**" in editor.value()  # type: ignore[operator]
    editor.text_edit.clear()
    assert editor.value() is None
    editor.set_value("   ")
    assert editor.value() is None
