"""The New dialog's list as a model: one row per listed template (and one per source folder that
cannot be read), filtered by the words typed. A view asks only for the rows it shows, so 1,000
templates cost 1,000 small tuples, not 1,000 widgets."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from editor.storage.library import BUILTIN, ORGANISATION, USER
from editor.storage.template_index import ListedTemplate

LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}
KEY_ROLE = Qt.ItemDataRole.UserRole  # the library key ("" for a row that cannot be chosen)
DESCRIPTION_ROLE = Qt.ItemDataRole.UserRole + 2  # the full description (or the error)

Index = QModelIndex | QPersistentModelIndex


def source_label(source: str) -> str:
    labels = {
        BUILTIN: QCoreApplication.translate("TemplatePicker", "Built-in"),
        USER: QCoreApplication.translate("TemplatePicker", "Your own"),
        ORGANISATION: QCoreApplication.translate("TemplatePicker", "Organisation"),
    }
    return labels.get(source, source)


@dataclass(frozen=True)
class Row:
    key: str  # "" when it cannot be chosen
    columns: tuple[str, str, str, str]  # name, language, source, description (or error)
    search: str  # name and description, case-folded once
    searchable: bool = True  # a folder's problem is shown only while nothing is searched

    @property
    def usable(self) -> bool:
        return bool(self.key)


def template_row(listed: ListedTemplate, source: str = "") -> Row:
    """The row of one template; ``source`` its source's label (default: made here)."""
    language = LANGUAGE_NAMES.get(listed.language, listed.language)
    if listed.error is None:
        description = listed.description
    else:
        error = listed.error.text()
        description = QCoreApplication.translate("TemplatePicker", "Cannot be used: {error}")
        description = description.format(error=error)
    columns = (listed.name, language, source or source_label(listed.source), description)
    search = f"{listed.name}\n{description}".casefold()
    return Row(listed.key if listed.usable else "", columns, search)


def problem_row(source: str, problem: str) -> Row:
    return Row("", ("", "", source_label(source), problem), "", searchable=False)


class TemplateListModel(QAbstractTableModel):
    def __init__(self, rows: list[Row], parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._all = rows
        self._shown = rows

    def headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("TemplatePicker", "Template"),
            QCoreApplication.translate("TemplatePicker", "Language"),
            QCoreApplication.translate("TemplatePicker", "Source"),
            QCoreApplication.translate("TemplatePicker", "Description"),
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def row(self, number: int) -> Row | None:
        return self._shown[number] if 0 <= number < len(self._shown) else None

    def rows(self) -> list[Row]:
        """The rows shown now, in order."""
        return list(self._shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.columns[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return row.columns[3]
        if role == KEY_ROLE:
            return row.key
        if role == DESCRIPTION_ROLE:
            return row.columns[3]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        row = self.row(index.row()) if index.isValid() else None
        if row is None or not row.usable:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def set_query(self, text: str) -> None:
        """Show the rows whose name or description holds every word of ``text``."""
        words = text.casefold().split()
        self.beginResetModel()
        if not words:
            self._shown = self._all
        else:
            self._shown = [
                row
                for row in self._all
                if row.searchable and all(word in row.search for word in words)
            ]
        self.endResetModel()

    def row_of(self, key: str) -> int:
        """The shown row of the template with ``key``; -1 when it is not shown."""
        return next((n for n, row in enumerate(self._shown) if key and row.key == key), -1)

    def first_usable(self) -> int:
        return next((n for n, row in enumerate(self._shown) if row.usable), -1)
