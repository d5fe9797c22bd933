"""The contact book window: search, add, edit and delete the people of contact blocks.

Every change is written at once (atomically) to the contact book file. Before each change the
file is read again, so a contact added meanwhile from a form ("Add to contact book") or by
another Pressklar is never overwritten. A damaged book was kept aside when it was loaded: the
user is told once. A book written by a newer Pressklar can be read here but not changed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.errors import PressklarError
from editor.model.contacts import Contact, Phone
from editor.model.email_address import is_email_address
from editor.storage.contacts import ContactBook, load_contact_book, save_contact_book
from editor.ui.dialogs import messages
from editor.ui.panels.preview import BANNER_STYLE
from editor.ui.windows.contact_list import ContactListView

translate = QCoreApplication.translate


def email_looks_right(text: str) -> bool:
    """An e-mail address by the one rule the checks use too, or nothing at all (a contact may
    have only a phone)."""
    return not text.strip() or is_email_address(text)


class PhoneTable(QWidget):
    """Any number of phone numbers, each with a label (switchboard, mobile...)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("phoneTable")
        self.table.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Label")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(110)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.add_button = QPushButton(self.tr("Add &number"), self)
        self.remove_button = QPushButton(self.tr("Remove n&umber"), self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def phones(self) -> tuple[Phone, ...]:
        phones = []
        for row in range(self.table.rowCount()):
            number, label = (self.table.item(row, column) for column in (0, 1))
            text = number.text().strip() if number is not None else ""
            if text:
                phones.append(Phone(text, label.text().strip() if label is not None else ""))
        return tuple(phones)

    def set_phones(self, phones: tuple[Phone, ...]) -> None:
        blocked = self.table.blockSignals(True)
        try:
            self.table.setRowCount(0)
            for phone in phones:
                self._append(phone)
        finally:
            self.table.blockSignals(blocked)

    def _append(self, phone: Phone) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(phone.number))
        self.table.setItem(row, 1, QTableWidgetItem(phone.label))
        return row

    def add_row(self) -> None:
        row = self._append(Phone(""))
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)
        self.changed.emit()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        triggers = (
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
        )
        self.table.setEditTriggers(triggers)
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)


class ContactBookWindow(QDialog):
    changed = Signal()  # the contact book file was written

    def __init__(
        self, path: Path, book: ContactBook | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(self.tr("Contact book"))
        self.resize(860, 520)
        if book is None:
            book = self._load()
        self.book = book
        self._current_id: str | None = None  # None: a new contact, not in the book yet
        self._dirty = False

        self.read_only_note = QLabel(self)
        self.read_only_note.setObjectName("readOnlyNote")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setStyleSheet(BANNER_STYLE)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("contactSearch")
        self.search_edit.setPlaceholderText(self.tr("Search by name, title, unit or e-mail"))
        self.search_edit.setClearButtonEnabled(True)
        self.list = ContactListView(self)
        self.list.setObjectName("contactList")
        self.new_button = QPushButton(self.tr("&New contact"), self)
        self.delete_button = QPushButton(self.tr("&Delete…"), self)

        self.name_edit = QLineEdit(self)
        self.title_edit = QLineEdit(self)
        self.organisation_edit = QLineEdit(self)
        self.unit_edit = QLineEdit(self)
        self.unit_edit.setPlaceholderText(self.tr("For example: the unit for media and crisis"))
        self.email_edit = QLineEdit(self)
        self.email_hint = QLabel(self.tr("This does not look like an e-mail address."), self)
        self.email_hint.setStyleSheet("color: #b3261e;")
        self.email_hint.hide()
        self.phones = PhoneTable(self)
        self.save_button = QPushButton(self.tr("&Save contact"), self)
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("&Undo changes"), self)
        self._build_layout()

        self.search_edit.textChanged.connect(lambda _text: self.refresh())
        self.list.current_changed.connect(self._on_current_changed)
        self.new_button.clicked.connect(self.new_contact)
        self.delete_button.clicked.connect(self.delete_current)
        self.save_button.clicked.connect(self.save_current)
        self.revert_button.clicked.connect(self._revert)
        for edit in self._edits():
            edit.textEdited.connect(self._on_edit)
        self.phones.changed.connect(self._on_edit)
        self._apply_read_only()
        self.refresh()
        if not self.book.contacts:
            self.new_contact()

    def _edits(self) -> list[QLineEdit]:
        return [
            self.name_edit,
            self.title_edit,
            self.organisation_edit,
            self.unit_edit,
            self.email_edit,
        ]

    def _build_layout(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.search_edit)
        left.addWidget(self.list, 1)
        left_buttons = QHBoxLayout()
        left_buttons.addWidget(self.new_button)
        left_buttons.addWidget(self.delete_button)
        left_buttons.addStretch(1)
        left.addLayout(left_buttons)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Organisation:"), self.organisation_edit)
        form.addRow(self.tr("U&nit:"), self.unit_edit)
        form.addRow(self.tr("&E-mail:"), self.email_edit)
        form.addRow("", self.email_hint)
        phones_label = QLabel(self.tr("&Phones:"), self)
        phones_label.setBuddy(self.phones.table)
        form.addRow(phones_label, self.phones)
        editor_buttons = QHBoxLayout()
        editor_buttons.addStretch(1)
        editor_buttons.addWidget(self.revert_button)
        editor_buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addStretch(1)
        right.addLayout(editor_buttons)

        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only_note)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)

    def _load(self) -> ContactBook:
        book, warning = load_contact_book(self.path)
        if warning:
            messages.warn(self.parentWidget() or self, self.tr("Contact book"), warning)
        return book

    def _apply_read_only(self) -> None:
        read_only = self.book.read_only
        self.read_only_note.setText(
            self.tr("The contact book cannot be changed here. {reason}").format(
                reason=self.book.read_only_reason
            )
            if read_only
            else ""
        )
        self.read_only_note.setVisible(read_only)
        for edit in self._edits():
            edit.setReadOnly(read_only)
        self.phones.set_read_only(read_only)
        self.new_button.setEnabled(not read_only)
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = not self.book.read_only
        self.delete_button.setEnabled(writable and self._current_id is not None)
        email_ok = email_looks_right(self.email_edit.text())
        self.email_hint.setVisible(not email_ok)
        can_save = bool(self.name_edit.text().strip()) and email_ok
        self.save_button.setEnabled(writable and self._dirty and can_save)
        self.revert_button.setEnabled(writable and self._dirty)

    def refresh(self, select: str | None = None) -> None:
        """List the contacts matching the search; ``select`` is an id to make current."""
        wanted = self._current_id if select is None else select
        self.list.show_contacts(self.book.search(self.search_edit.text()), wanted)

    def contact_ids(self) -> list[str]:
        """The ids listed, in order (what the search shows)."""
        return [contact.id for contact in self.list.contacts.contacts]

    def editor_contact(self) -> Contact:
        return Contact(
            name=self.name_edit.text().strip(),
            title=self.title_edit.text().strip(),
            organisation=self.organisation_edit.text().strip(),
            unit=self.unit_edit.text().strip(),
            email=self.email_edit.text().strip(),
            phones=self.phones.phones(),
            id=self._current_id or "",
        )

    def _show(self, contact: Contact | None) -> None:
        self._current_id = contact.id if contact is not None else None
        contact = contact or Contact("")
        for edit, text in zip(
            self._edits(),
            (contact.name, contact.title, contact.organisation, contact.unit, contact.email),
            strict=True,
        ):
            edit.setText(text)
            edit.setCursorPosition(0)
        self.phones.set_phones(contact.phones)
        self._dirty = False
        self._update_buttons()

    def _on_edit(self, *_: object) -> None:
        self._dirty = True
        self._update_buttons()

    def _on_current_changed(self, target: str | None) -> None:
        if not self.settle_unsaved():
            self.refresh(self._current_id)  # stay on the contact being edited
            return
        self._show(self.book.get(target) if target else None)
        self.refresh(target)  # a save rebuilt the list: point it at the contact again

    def settle_unsaved(self) -> bool:
        """Save or discard the contact being edited; False if the user cancels."""
        if not self._dirty or self.book.read_only:
            return True
        name = self.name_edit.text().strip() or self.tr("the new contact")
        answer = messages.ask_save_changes(self, name)
        if answer == messages.Button.Save:
            return self.save_current()
        return answer == messages.Button.Discard

    def new_contact(self) -> None:
        if not self.settle_unsaved():
            return
        self.list.set_current_quietly(-1)
        self._show(None)
        self.name_edit.setFocus()

    def _revert(self) -> None:
        self._show(self.book.get(self._current_id) if self._current_id else None)

    def reload(self) -> None:
        """Show the book as it is on disk now (a form may have added to it)."""
        self.book = self._load()
        self._apply_read_only()
        self.refresh()

    def _fresh_book(self) -> ContactBook:
        """The book as it is on disk now (another window may have added to it)."""
        book = self._load()
        self.book = book
        return book

    def save_current(self) -> bool:
        contact = self.editor_contact()
        if not contact.name:
            messages.error(self, self.tr("Contact book"), self.tr("A contact needs a name."))
            return False
        if not email_looks_right(contact.email):
            messages.error(
                self,
                self.tr("Contact book"),
                self.tr("“{email}” does not look like an e-mail address.").format(
                    email=contact.email
                ),
            )
            return False
        try:
            book = self._fresh_book()
            if self._current_id is not None and self._current_id in book:
                stored = book.update(contact)
            else:
                stored = book.add(contact)
            save_contact_book(book, self.path)
        except PressklarError as error:
            messages.error(self, self.tr("Could not save the contact"), error.text())
            self._apply_read_only()
            return False
        self._current_id = stored.id
        self._dirty = False
        self.refresh(stored.id)
        self._update_buttons()
        self.changed.emit()
        return True

    def delete_current(self) -> None:
        if self._current_id is None:
            return
        contact = self.book.get(self._current_id)
        name = contact.name if contact is not None else self.name_edit.text()
        answer = messages.question(
            self,
            self.tr("Delete contact"),
            self.tr("Delete “{name}” from the contact book?").format(name=name),
            messages.Button.Yes | messages.Button.No,
            messages.Button.No,
            self.tr("Releases that already name this person keep their own copy."),
        )
        if answer != messages.Button.Yes:
            return
        try:
            book = self._fresh_book()
            if self._current_id in book:
                book.delete(self._current_id)
                save_contact_book(book, self.path)
        except PressklarError as error:
            messages.error(self, self.tr("Could not delete the contact"), error.text())
            return
        self._dirty = False
        self._current_id = None
        self.refresh()
        self.changed.emit()
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self._show(None)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.settle_unsaved():
            event.ignore()
            return
        event.accept()

    def reject(self) -> None:
        """Escape closes the window the way its Close button does (asking about changes)."""
        self.close()


def add_to_contact_book(
    parent: QWidget | None,
    path: Path,
    contact: Contact,
    on_stored: Callable[[str], None] | None = None,
) -> Contact | None:
    """ "Add to contact book" from a filled contact field: the stored contact, or None.

    A contact picked from the book and then changed updates its entry (after asking).
    ``on_stored`` is given what was done, for a status bar: "Anna Exempel has been added to
    the contact book" (or updated in it); a contact already there was said so in a message.
    """
    title = translate("ContactBookWindow", "Contact book")
    book, warning = load_contact_book(path)
    if warning:
        messages.warn(parent, title, warning)
    if not contact.name.strip():
        messages.error(
            parent,
            title,
            translate("ContactBookWindow", "A contact needs a name."),
        )
        return None
    if not email_looks_right(contact.email):
        messages.error(
            parent,
            title,
            translate(
                "ContactBookWindow", "“{email}” does not look like an e-mail address."
            ).format(email=contact.email),
        )
        return None
    try:
        existing = book.get(contact.id) if contact.id else None
        if existing is not None:
            if existing == contact:
                messages.info(
                    parent,
                    title,
                    translate(
                        "ContactBookWindow", "“{name}” is already in the contact book."
                    ).format(name=contact.name),
                )
                return existing
            answer = messages.question(
                parent,
                title,
                translate(
                    "ContactBookWindow", "Update “{name}” in the contact book with these details?"
                ).format(name=existing.name),
            )
            if answer != messages.Button.Yes:
                return None
            stored = book.update(contact)
            done = translate("ContactBookWindow", "{name} has been updated in the contact book")
        else:
            stored = book.add(contact)
            done = translate("ContactBookWindow", "{name} has been added to the contact book")
        save_contact_book(book, path)
    except PressklarError as error:
        messages.error(parent, title, error.text())
        return None
    if on_stored is not None:
        on_stored(done.format(name=stored.name))
    return stored
