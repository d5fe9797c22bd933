"""The timeline editor: rows of time and what happened, kept in time order."""

from __future__ import annotations

import re
from datetime import datetime, time
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from editor.model.fields import FieldDef, TimelineRow, clean_line
from editor.ui.form.base import EditorContext, FieldEditor, tight_hbox, tight_vbox

TIME_COLUMN = 0
TEXT_COLUMN = 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
_COPIED_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    VALUE_ROLE,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ToolTipRole,
)
_MIN_ROWS = 3
_MAX_ROWS = 8
_HH_MM = r"(\d{1,2})[:. ]?(\d{2})"  # 06:30, 6.30, 6 30, 0630 and 630 alike
_TIME = re.compile(rf"{_HH_MM}")
_DATETIME = re.compile(rf"(\d{{4}})-(\d{{1,2}})-(\d{{1,2}})(?:[ T]+|\s*kl\.?\s*){_HH_MM}")
_PROBLEM_BRUSH = QBrush(QColor("#fde7e6"))


def parse_moment(text: str) -> time | datetime | None:
    """A timeline time as typed: ``15:37``, ``15.37``, ``1537``, ``6 30``, ``2018-09-21 06:30``;
    None if not one."""
    text = text.strip()
    try:
        if match := _TIME.fullmatch(text):
            return time(int(match[1]), int(match[2]))
        if match := _DATETIME.fullmatch(text):
            year, month, day, hour, minute = (int(part) for part in match.groups())
            return datetime(year, month, day, hour, minute)
    except ValueError:
        return None
    return None


def format_moment(value: time | datetime) -> str:
    if isinstance(value, datetime):
        day = f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
        return f"{day} {value.hour:02d}:{value.minute:02d}"
    return value.isoformat(timespec="minutes" if not value.second else "seconds")[:8]


def _sort_key(value: Any) -> tuple[int, Any]:
    if isinstance(value, time | datetime):
        return (0, TimelineRow(value, "").sort_key())
    return (1, 0)  # rows without a valid time stay at the end, in the order they were added


class TimelineEditor(FieldEditor):
    """A two-column table. Editing a time re-sorts the rows; a time that does not read as one is
    marked in the cell and its row left out of the value until it is fixed."""

    def __init__(
        self, field_def: FieldDef, context: EditorContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(field_def, context, parent)
        self._internal = False
        self._sort_pending: int | None = None
        hint = QCoreApplication.translate(
            "FormWidget", "Write a time as 15:37, or a date and time as 2018-09-21 06:30"
        )
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("FormWidget", "Time"),
                QCoreApplication.translate("FormWidget", "What happened"),
            ]
        )
        header_item = self.table.horizontalHeaderItem(TIME_COLUMN)
        if header_item is not None:
            header_item.setToolTip(hint)
        self.time_hint = hint
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TIME_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        width = self.table.fontMetrics().horizontalAdvance("2018-09-21 06:30") + 24
        self.table.setColumnWidth(TIME_COLUMN, width)
        self.add_button = QPushButton(QCoreApplication.translate("FormWidget", "Add row"), self)
        self.remove_button = QPushButton(
            QCoreApplication.translate("FormWidget", "Remove row"), self
        )
        buttons = tight_hbox()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = tight_vbox(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._adopt_input(self.table)
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.itemDelegate().closeEditor.connect(self._sort_if_pending)
        self.table.itemChanged.connect(self.changed)
        self.table.model().rowsRemoved.connect(self.changed)
        self.table.currentCellChanged.connect(self._update_buttons)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self.remove_current_row)
        self._fit_height()
        self._update_buttons()

    @property
    def input_widget(self) -> QWidget:
        return self.table

    def add_row(
        self, at: time | datetime | None = None, text: str = "", *, sort: bool = True
    ) -> int:
        """Append a row (sorted into place when it has a time); return where it ended up."""
        self._internal = True
        try:
            row = self.table.rowCount()
            self.table.insertRow(row)
            time_item = QTableWidgetItem(format_moment(at) if at is not None else "")
            time_item.setData(VALUE_ROLE, at)
            self.table.setItem(row, TIME_COLUMN, time_item)
            self.table.setItem(row, TEXT_COLUMN, QTableWidgetItem(text))
        finally:
            self._internal = False
        self._fit_height()
        self._update_buttons()
        return self._sort(follow=row) if sort and at is not None else row

    def _on_add_clicked(self) -> None:
        row = self.add_row()
        self.table.setFocus()
        self.table.setCurrentCell(row, TIME_COLUMN)
        self.table.editItem(self._item(row, TIME_COLUMN))  # an empty row changes no value

    def remove_current_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)  # rowsRemoved tells that the value changed
        self._fit_height()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.table.currentRow() >= 0)

    def _fit_height(self) -> None:
        rows = max(_MIN_ROWS, min(_MAX_ROWS, self.table.rowCount() + 1))
        height = (
            self.table.horizontalHeader().sizeHint().height()
            + rows * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
        )
        self.table.setFixedHeight(height)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._internal:
            return
        row = item.row()
        if item.column() == TIME_COLUMN:
            self._internal = True
            try:
                at = parse_moment(item.text())
                item.setData(VALUE_ROLE, at)
                if at is not None:
                    item.setText(format_moment(at))
            finally:
                self._internal = False
            self._mark(row)
            # moving rows while the cell editor is still open would let it write into the
            # wrong row: sort once it has closed
            self._sort_pending = row
            if self.table.state() != QAbstractItemView.State.EditingState:
                self._sort_if_pending()
        else:
            self._mark(row)

    def _sort_if_pending(self, *_: object) -> None:
        if self._sort_pending is not None:
            row, self._sort_pending = self._sort_pending, None
            self._sort(follow=row)

    def _mark(self, row: int) -> None:
        """Mark a time cell that does not read as a time, or is missing beside a text."""
        time_item = self.table.item(row, TIME_COLUMN)
        text_item = self.table.item(row, TEXT_COLUMN)
        if time_item is None:
            return
        has_text = text_item is not None and bool(text_item.text().strip())
        typed = time_item.text().strip()
        bad = (bool(typed) or has_text) and time_item.data(VALUE_ROLE) is None
        self._internal = True
        try:
            time_item.setData(Qt.ItemDataRole.BackgroundRole, _PROBLEM_BRUSH if bad else None)
            time_item.setData(Qt.ItemDataRole.ToolTipRole, self.time_hint if bad else None)
        finally:
            self._internal = False

    def _sort(self, follow: int) -> int:
        """Put the rows in time order; return where row ``follow`` went (and keep it current)."""
        count = self.table.rowCount()
        keys = [_sort_key(self._item(r, TIME_COLUMN).data(VALUE_ROLE)) for r in range(count)]
        order = sorted(range(count), key=lambda r: keys[r])
        if order == list(range(count)):
            return follow
        snapshot = [
            [
                {role: self._item(r, column).data(role) for role in _COPIED_ROLES}
                for column in (TIME_COLUMN, TEXT_COLUMN)
            ]
            for r in range(count)
        ]
        column = max(self.table.currentColumn(), 0)
        self._internal = True
        try:
            for new_row, old_row in enumerate(order):
                for column_index, roles in zip(
                    (TIME_COLUMN, TEXT_COLUMN), snapshot[old_row], strict=True
                ):
                    item = self._item(new_row, column_index)
                    for role, data in roles.items():
                        item.setData(role, data)
        finally:
            self._internal = False
        moved_to = order.index(follow)
        self.table.setCurrentCell(moved_to, column)
        return moved_to

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem("")
            self.table.setItem(row, column, item)
        return item

    def value(self) -> list[TimelineRow]:
        rows = []
        for row in range(self.table.rowCount()):
            at = self._item(row, TIME_COLUMN).data(VALUE_ROLE)
            if isinstance(at, time | datetime):
                rows.append(TimelineRow(at, clean_line(self._item(row, TEXT_COLUMN).text())))
        return rows

    def set_value(self, value: Any) -> None:
        self._internal = True
        try:
            self.table.setRowCount(0)
        finally:
            self._internal = False
        for row in value or []:
            if isinstance(row, TimelineRow):
                self.add_row(row.at, row.text, sort=False)  # as given: round trips
        self.table.setCurrentCell(-1, -1)
        self._fit_height()
        self._update_buttons()
