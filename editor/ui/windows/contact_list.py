"""The contact book window's list: a model over the search results and a view that asks it
only for the rows on screen, so a book of 10,000 contacts lists as fast as one of ten."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from editor.model.contacts import Contact, picker_line

ID_ROLE = Qt.ItemDataRole.UserRole

Index = QModelIndex | QPersistentModelIndex


class ContactListModel(QAbstractListModel):
    """The contacts a search found, in the book's order. A search hands over its list as it
    is: nothing is made per contact until the view asks for a row, and the table view asks
    only for the rows on screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contacts: list[Contact] = []

    def set_contacts(self, contacts: list[Contact]) -> None:
        self.beginResetModel()
        self.contacts = contacts
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.contacts)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # not editable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self.contacts):
            return None
        contact = self.contacts[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return picker_line(contact)
        if role == Qt.ItemDataRole.ToolTipRole:
            return contact.email or contact.name
        if role == ID_ROLE:
            return contact.id
        return None

    def row_of(self, contact_id: str | None) -> int:
        """The row of ``contact_id``, or -1 when the search does not show it."""
        if contact_id is not None:
            for row, contact in enumerate(self.contacts):
                if contact.id == contact_id:
                    return row
        return -1


class ContactListView(QTableView):
    """A list of contacts with the few QListWidget calls the window and its tests use.

    A one-column table without headers or grid, because a table asks its model only for the
    rows on screen: a QListView lays out every row, asking a Python model for each (twice),
    which made a search that finds 10,000 contacts cost 25 ms more than the search."""

    current_changed = Signal(object)  # the id of the contact now current, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contacts = ContactListModel(self)
        self.setModel(self.contacts)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the list, as it does a QListView
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measured row by row
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        self._quiet = False
        self.selectionModel().currentChanged.connect(self._on_current_changed)

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Home and End go to the first and last contact, as in a list (in a table they go to
        the first and last column of the row)."""
        Move = QAbstractItemView.CursorAction
        if cursorAction in (Move.MoveHome, Move.MoveEnd) and self.count():
            row = 0 if cursorAction == Move.MoveHome else self.count() - 1
            return self.contacts.index(row, 0)
        return super().moveCursor(cursorAction, modifiers)

    def count(self) -> int:
        return self.contacts.rowCount()

    def currentRow(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def setCurrentRow(self, row: int) -> None:
        if 0 <= row < self.count():
            index = self.contacts.index(row, 0)
            self.setCurrentIndex(index)
            self.scrollTo(index)
        else:
            self.setCurrentIndex(QModelIndex())
            self.clearSelection()

    def current_id(self) -> str | None:
        row = self.currentRow()
        return self.contacts.contacts[row].id if row >= 0 else None

    def show_contacts(self, contacts: list[Contact], current: str | None) -> None:
        """List ``contacts`` with ``current`` (an id) current if listed; no signal."""
        self._quiet = True
        try:
            self.contacts.set_contacts(contacts)
            # the new rows laid out now, not by the timer a reset starts: that timer ran after
            # the paint the reset asked for, and its new scroll range painted the list again
            self.executeDelayedItemsLayout()
            self.setCurrentRow(self.contacts.row_of(current))
        finally:
            self._quiet = False

    def set_current_quietly(self, row: int) -> None:
        self._quiet = True
        try:
            self.setCurrentRow(row)
        finally:
            self._quiet = False

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet:
            row = current.row() if current.isValid() else -1
            self.current_changed.emit(self.contacts.contacts[row].id if row >= 0 else None)
