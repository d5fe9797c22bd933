"""The timeline editor: rows added and removed, kept in time order, bad times marked."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor.model.fields import TimelineRow
from editor.ui.form.timeline import (
    TEXT_COLUMN,
    TIME_COLUMN,
    TimelineEditor,
    format_moment,
    parse_moment,
)
from tests.helpers import make_template
from tests.ui.test_form import make_form, show, type_into_cell


def timeline_editor(qtbot: Any, rows: list[TimelineRow] | None = None) -> TimelineEditor:
    template = make_template(
        "x",
        [
            {"key": "timeline", "type": "timeline", "label": "Förlopp"},
            {"key": "after", "type": "text", "label": "Efter"},
        ],
    )
    form = make_form(qtbot, template, {"timeline": rows or []})
    show(qtbot, form)
    qtbot.form = form  # the Python object owns the widgets
    editor = form.editor("timeline")
    assert isinstance(editor, TimelineEditor)
    return editor


def add_row(qtbot: Any, editor: TimelineEditor, at: str, text: str) -> None:
    """Add a row with the button, then type the text and the time as a user would."""
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    focused = QApplication.focusWidget()  # the time cell opens for typing at once
    assert focused is not None and focused.parent() is editor.table.viewport()
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    row = editor.table.rowCount() - 1
    type_into_cell(qtbot, editor.table, row, TEXT_COLUMN, text)
    type_into_cell(qtbot, editor.table, row, TIME_COLUMN, at)


def cells(editor: TimelineEditor) -> list[tuple[str, str]]:
    table = editor.table
    return [
        (table.item(r, TIME_COLUMN).text(), table.item(r, TEXT_COLUMN).text())
        for r in range(table.rowCount())
    ]


def test_rows_are_kept_in_time_order(qtbot: Any) -> None:
    editor = timeline_editor(qtbot)
    add_row(qtbot, editor, "15.37", "Beredskapsläget avslutades")
    add_row(qtbot, editor, "6:30", "Störningen började")
    add_row(qtbot, editor, "10:15", "Beredskapen sänktes")
    assert cells(editor) == [
        ("06:30", "Störningen började"),
        ("10:15", "Beredskapen sänktes"),
        ("15:37", "Beredskapsläget avslutades"),
    ]
    assert editor.value() == [
        TimelineRow(time(6, 30), "Störningen började"),
        TimelineRow(time(10, 15), "Beredskapen sänktes"),
        TimelineRow(time(15, 37), "Beredskapsläget avslutades"),
    ]
    assert editor.table.currentRow() == 1  # the edited row stays current where it went


def test_editing_a_time_moves_its_row(qtbot: Any) -> None:
    editor = timeline_editor(qtbot, [TimelineRow(time(6, 30), "a"), TimelineRow(time(10, 15), "b")])
    type_into_cell(qtbot, editor.table, 0, TIME_COLUMN, "2018-09-21 11:00")
    type_into_cell(qtbot, editor.table, 1, TIME_COLUMN, "2018-09-20 23:59")
    assert editor.value() == [
        TimelineRow(datetime(2018, 9, 20, 23, 59), "b"),
        TimelineRow(datetime(2018, 9, 21, 11, 0), "a"),
    ]


def test_a_bad_time_is_marked_and_left_out_until_fixed(qtbot: Any) -> None:
    editor = timeline_editor(qtbot, [TimelineRow(time(6, 30), "a")])
    add_row(qtbot, editor, "25:99", "b")
    bad = editor.table.item(1, TIME_COLUMN)
    assert (
        bad.background().color().name()
        != editor.table.item(0, TIME_COLUMN).background().color().name()
    )
    assert "15:37" in bad.toolTip()
    assert editor.value() == [TimelineRow(time(6, 30), "a")]
    type_into_cell(qtbot, editor.table, 1, TIME_COLUMN, "05:00")
    assert editor.value() == [TimelineRow(time(5, 0), "b"), TimelineRow(time(6, 30), "a")]
    assert not editor.table.item(0, TIME_COLUMN).toolTip()


def test_text_without_a_time_is_marked(qtbot: Any) -> None:
    editor = timeline_editor(qtbot)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not editor.table.item(0, TIME_COLUMN).toolTip()  # an empty row is no problem
    type_into_cell(qtbot, editor.table, 0, TEXT_COLUMN, "Larm")
    assert editor.table.item(0, TIME_COLUMN).toolTip()
    assert editor.value() == []


def test_remove_row_removes_the_current_row(qtbot: Any) -> None:
    rows = [TimelineRow(time(6, 30), "a"), TimelineRow(time(7, 0), "b")]
    editor = timeline_editor(qtbot, rows)
    assert not editor.remove_button.isEnabled()  # nothing chosen yet
    editor.table.setCurrentCell(0, TEXT_COLUMN)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.value() == [TimelineRow(time(7, 0), "b")]


def test_given_rows_round_trip_in_their_own_order(qtbot: Any) -> None:
    rows = [
        TimelineRow(time(10, 15), "sent, men så står det i filen"),
        TimelineRow(datetime(2018, 9, 21, 6, 30), "Störningen 😀 שלום"),
        TimelineRow(time(6, 30, 20), ""),
    ]
    editor = timeline_editor(qtbot, rows)
    assert editor.value() == rows


def test_tab_leaves_the_table(qtbot: Any) -> None:
    editor = timeline_editor(qtbot, [TimelineRow(time(6, 30), "a")])
    editor.table.setFocus()
    qtbot.waitUntil(editor.table.hasFocus)
    qtbot.keyClick(editor.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.add_button


@pytest.mark.parametrize(
    ("typed", "moment"),
    [
        ("15:37", time(15, 37)),
        ("15.37", time(15, 37)),
        (" 6:05 ", time(6, 5)),
        ("0630", time(6, 30)),
        ("630", time(6, 30)),
        ("6 30", time(6, 30)),
        ("6.30", time(6, 30)),
        ("2018-09-21 0630", datetime(2018, 9, 21, 6, 30)),
        ("12345", None),
        ("6:3", None),
        ("2018-09-21 06:30", datetime(2018, 9, 21, 6, 30)),
        ("2018-09-21T06.30", datetime(2018, 9, 21, 6, 30)),
        ("2018-09-21 kl. 06.30", datetime(2018, 9, 21, 6, 30)),
        ("24:00", None),
        ("2018-02-30 10:00", None),
        ("15", None),
        ("kvart över tre", None),
        ("", None),
    ],
)
def test_parse_moment(typed: str, moment: time | datetime | None) -> None:
    assert parse_moment(typed) == moment


def test_format_moment() -> None:
    assert format_moment(time(6, 5)) == "06:05"
    assert format_moment(time(6, 5, 9)) == "06:05:09"
    assert format_moment(datetime(2018, 9, 21, 6, 30)) == "2018-09-21 06:30"
