"""The contact book window's list: a model over the search results and a view that asks it
only for the rows on screen, so a book of 10,000 contacts lists as fast as one of ten."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QListView, QWidget

from editor.model.contacts import Contact
from editor.ui.form.contact import describe

ID_ROLE = Qt.ItemDataRole.UserRole

Index = QModelIndex | QPersistentModelIndex

# id -> (contact, its line): contacts are frozen and a book read again hands out the same ones,
# so each is described once, not once per search
_described: dict[str, tuple[Contact, str]] = {}


class ContactListModel(QStringListModel):
    """The contacts a search found, in the book's order. The rows are Qt's own strings, so
    the view lays out and filters 10,000 of them without calling back into Python; only the
    tooltip of a row is made here, when it is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contacts: list[Contact] = []

    def set_contacts(self, contacts: list[Contact]) -> None:
        self.contacts = contacts
        lines = []
        for contact in contacts:
            known = _described.get(contact.id)
            if known is None or known[0] is not contact:
                known = _described[contact.id] = (contact, describe(contact))
            lines.append(known[1])
        self.setStringList(lines)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # not editable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole or role == ID_ROLE:
            row = index.row()
            if not index.isValid() or not 0 <= row < len(self.contacts):
                return None
            contact = self.contacts[row]
            return contact.id if role == ID_ROLE else contact.email or contact.name
        return super().data(index, role)

    def row_of(self, contact_id: str | None) -> int:
        """The row of ``contact_id``, or -1 when the search does not show it."""
        if contact_id is not None:
            for row, contact in enumerate(self.contacts):
                if contact.id == contact_id:
                    return row
        return -1


class ContactListView(QListView):
    """A list of contacts with the few QListWidget calls the window and its tests use."""

    current_changed = Signal(object)  # the id of the contact now current, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contacts = ContactListModel(self)
        self.setModel(self.contacts)
        self.setUniformItemSizes(True)  # else the view measures every row up front
        self._quiet = False
        self.selectionModel().currentChanged.connect(self._on_current_changed)

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
