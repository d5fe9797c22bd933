"""The template editor's field list as a table model: one row per field, one column per setting.

Rows hold what the user typed, even when it is not valid yet (a key with a space, a default
that is not a date): validation reports it, the model never refuses an edit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from editor.model.fields import FieldDef, FieldType

if TYPE_CHECKING:
    from editor.ui.template_editor.level_names import LevelNames

translate = QCoreApplication.translate

Index = QModelIndex | QPersistentModelIndex
KEY, LABEL, TYPE, REQUIRED, DEFAULT, CHOICES, LEVEL_SET, MULTIPLE, GROUP, HELP = range(10)
COLUMN_COUNT = 10
_CHECKED = (REQUIRED, MULTIPLE)
_MOMENTS = (FieldType.DATE, FieldType.TIME, FieldType.DATETIME)
_MOMENT_WORDS = {
    "today": lambda: translate("FieldTable", "today"),
    "now": lambda: translate("FieldTable", "now"),
}
_TRUE_WORDS = ("yes", "ja", "true", "1")
_FALSE_WORDS = ("no", "nej", "false", "0")


def type_label(kind: FieldType) -> str:
    labels = {
        FieldType.TEXT: translate("FieldTable", "Text (one line)"),
        FieldType.PARAGRAPHS: translate("FieldTable", "Paragraphs"),
        FieldType.DATE: translate("FieldTable", "Date"),
        FieldType.TIME: translate("FieldTable", "Time"),
        FieldType.DATETIME: translate("FieldTable", "Date and time"),
        FieldType.CHOICE: translate("FieldTable", "Choice"),
        FieldType.LEVEL: translate("FieldTable", "Readiness level"),
        FieldType.CONTACT: translate("FieldTable", "Contact"),
        FieldType.TIMELINE: translate("FieldTable", "Timeline"),
        FieldType.YESNO: translate("FieldTable", "Yes/no"),
        FieldType.QUOTE: translate("FieldTable", "Quote"),
    }
    return labels.get(kind, str(kind))


def column_titles() -> list[str]:
    return [
        translate("FieldTable", "Key"),
        translate("FieldTable", "Label"),
        translate("FieldTable", "Type"),
        translate("FieldTable", "Required"),
        translate("FieldTable", "Default"),
        translate("FieldTable", "Choices"),
        translate("FieldTable", "Level set"),
        translate("FieldTable", "Several"),
        translate("FieldTable", "Group"),
        translate("FieldTable", "Help text"),
    ]


@dataclass
class FieldRow:
    key: str
    type: FieldType = FieldType.TEXT
    label: str = ""
    help: str = ""
    required: bool = False
    default: Any = None  # the JSON form, as FieldDef keeps it
    group: str = ""
    choices: list[str] = field(default_factory=list)
    level_set: str = ""
    multiple: bool = False

    @classmethod
    def from_field(cls, field_def: FieldDef) -> FieldRow:
        return cls(
            key=field_def.key,
            type=field_def.type,
            label=field_def.label,
            help=field_def.help,
            required=field_def.required,
            default=field_def.default,
            group=field_def.group,
            choices=list(field_def.choices),
            level_set=field_def.level_set,
            multiple=field_def.multiple,
        )

    def to_field(self) -> FieldDef:
        return FieldDef(
            key=self.key,
            type=self.type,
            label=self.label,
            help=self.help,
            required=self.required,
            default=self.default,
            group=self.group,
            choices=tuple(self.choices),
            level_set=self.level_set,
            multiple=self.multiple,
        )

    def to_dict(self) -> dict[str, Any]:
        return self.to_field().to_dict()


def default_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return translate("FieldTable", "yes") if value else translate("FieldTable", "no")
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def parse_default(text: str, kind: FieldType) -> Any:
    """What the user typed as a default, in the JSON form a template keeps."""
    stripped = text.strip()
    if not stripped:
        return None
    if kind == FieldType.YESNO:
        folded = stripped.casefold()
        if folded in (*_TRUE_WORDS, translate("FieldTable", "yes").casefold()):
            return True
        if folded in (*_FALSE_WORDS, translate("FieldTable", "no").casefold()):
            return False
        return stripped
    if kind in _MOMENTS:
        for word, shown in _MOMENT_WORDS.items():
            if stripped.casefold() == shown().casefold():
                return word  # "i dag" typed in the Swedish UI is the template's "today"
    if kind in (FieldType.CONTACT, FieldType.TIMELINE, FieldType.QUOTE) and stripped[0] in "[{":
        try:
            return json.loads(stripped)
        except json.JSONDecodeError:
            return text
    return text


def split_choices(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def applies(column: int, kind: FieldType) -> bool:
    """Whether a column means anything for a field of this type."""
    if column == CHOICES:
        return kind == FieldType.CHOICE
    if column == LEVEL_SET:
        return kind == FieldType.LEVEL
    if column == MULTIPLE:
        return kind == FieldType.CONTACT
    return True


class FieldTableModel(QAbstractTableModel):
    edited = Signal()  # any change to the fields (cell, row added, removed or moved)
    key_renamed = Signal(str, str)  # old, new

    def __init__(self, rows: list[FieldRow] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FieldRow] = list(rows or [])
        self.read_only = False
        self.level_names: LevelNames | None = None  # None: level sets and levels by their ids

    def set_template_level_set(self, set_id: str) -> None:
        """The header's level set changed: the fields that use it show its name."""
        names = self.level_names
        if names is None or names.template_set == set_id:
            return
        names.template_set = set_id
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, DEFAULT), self.index(last, LEVEL_SET))

    def rows(self) -> list[FieldRow]:
        return [replace(row, choices=list(row.choices)) for row in self._rows]

    def row(self, index: int) -> FieldRow:
        return self._rows[index]

    def set_rows(self, rows: list[FieldRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def field_dicts(self) -> list[dict[str, Any]]:
        return [row.to_dict() for row in self._rows]

    def field_keys(self) -> list[str]:
        return [row.key for row in self._rows]

    def field_names(self) -> list[str]:
        """How each field is named to a user: its label, else its key."""
        return [row.label.strip() or row.key for row in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_titles()[section]
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only or not applies(index.column(), self._rows[index.row()].type):
            return flags
        if index.column() in _CHECKED:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column in _CHECKED:
            if not applies(column, row.type):
                return None
            checked = row.required if column == REQUIRED else row.multiple
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and not applies(column, row.type):
            colour = QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            return QBrush(colour)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of a cell too narrow for it
            return (row.help if column == HELP else self._text(row, column, False)) or None
        return None

    def _text(self, row: FieldRow, column: int, editing: bool) -> Any:
        if column == KEY:
            return row.key
        if column == LABEL:
            return row.label
        if column == TYPE:
            return str(row.type) if editing else type_label(row.type)
        if column == DEFAULT:
            names = self.level_names
            if names is not None and row.type == FieldType.LEVEL and isinstance(row.default, str):
                return row.default if editing else names.level_name(row.level_set, row.default)
            if not editing and row.type in _MOMENTS and row.default in _MOMENT_WORDS:
                return _MOMENT_WORDS[row.default]()  # "today" and "now" in the UI's language
            return default_text(row.default)
        if column == CHOICES:
            return ", ".join(row.choices) if applies(CHOICES, row.type) or editing else ""
        if column == LEVEL_SET:
            if not applies(LEVEL_SET, row.type):
                return ""
            if editing:
                return row.level_set
            if self.level_names is not None:
                return self.level_names.field_set_label(row.level_set)
            return row.level_set
        if column == GROUP:
            return row.group
        if column == HELP:
            return row.help if editing else row.help.replace("\n", " ")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.read_only:
            return False
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column in _CHECKED:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            if column == REQUIRED:
                row.required = checked
            else:
                row.multiple = checked
        elif role == Qt.ItemDataRole.EditRole:
            if not self._set_text(row, column, str(value if value is not None else "")):
                return False
        else:
            return False
        first = self.index(index.row(), 0)
        last = self.index(index.row(), COLUMN_COUNT - 1)
        self.dataChanged.emit(first, last)
        self.edited.emit()
        return True

    def _set_text(self, row: FieldRow, column: int, text: str) -> bool:
        if column == KEY:
            new = text.strip()
            old = row.key
            if new == old:
                return False
            row.key = new
            self.key_renamed.emit(old, new)
        elif column == LABEL:
            row.label = text
        elif column == TYPE:
            try:
                row.type = FieldType(text)
            except ValueError:
                return False
        elif column == DEFAULT:
            row.default = parse_default(text, row.type)
        elif column == CHOICES:
            row.choices = split_choices(text)
        elif column == LEVEL_SET:
            row.level_set = text.strip()
        elif column == GROUP:
            row.group = text
        elif column == HELP:
            row.help = text
        else:
            return False
        return True

    def set_choices(self, index: int, choices: list[str]) -> None:
        self._rows[index].choices = [c for c in choices if c.strip()]
        self.dataChanged.emit(self.index(index, CHOICES), self.index(index, CHOICES))
        self.edited.emit()

    def free_key(self, base: str = "field") -> str:
        taken = set(self.field_keys())
        candidate, counter = base, 2
        while candidate in taken:
            candidate, counter = f"{base}_{counter}", counter + 1
        return candidate

    def insert_field(self, position: int, row: FieldRow) -> int:
        position = max(0, min(position, len(self._rows)))
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, row)
        self.endInsertRows()
        self.edited.emit()
        return position

    def remove_field(self, position: int) -> FieldRow:
        self.beginRemoveRows(QModelIndex(), position, position)
        row = self._rows.pop(position)
        self.endRemoveRows()
        self.edited.emit()
        return row

    def move_field(self, position: int, offset: int) -> int:
        """Move a row up (-1) or down (+1); returns its new position."""
        target = position + offset
        if not 0 <= position < len(self._rows) or not 0 <= target < len(self._rows):
            return position
        destination = target + 1 if offset > 0 else target
        self.beginMoveRows(QModelIndex(), position, position, QModelIndex(), destination)
        self._rows.insert(target, self._rows.pop(position))
        self.endMoveRows()
        self.edited.emit()
        return target
