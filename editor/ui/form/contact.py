"""The contact editor: one or more people, typed in freely or picked from the contact book."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractProxyModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)

from editor.model.contacts import Contact, Phone, picker_line
from editor.model.email_address import is_email_address
from editor.model.fields import FieldDef, clean_line
from editor.ui.form import wheel
from editor.ui.form.base import (
    MAX_LINE_LENGTH,
    EditorContext,
    FieldEditor,
    fit_placeholder,
    tight_hbox,
    tight_vbox,
)

ContactBook = Callable[[], list[Contact]]
MENU_LIMIT = 50  # the pick menu lists this many; a bigger book is searched by typing a name


def _line(text: str) -> str:
    cleaned = clean_line(text)
    return cleaned if cleaned.strip() else ""


def _line_edit(parent: QWidget, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setMaxLength(MAX_LINE_LENGTH)
    edit.setPlaceholderText(placeholder)
    return edit


_described: tuple[list[Contact], list[str]] | None = None


def _descriptions(contacts: list[Contact]) -> list[str]:
    """The line of every contact, made once per book read (every card shares them; the
    warm-up has described the book on disk already)."""
    global _described
    if _described is None or _described[0] is not contacts:
        _described = (contacts, list(map(picker_line, contacts)))
    return _described[1]


class ContactCompleter(QCompleter):
    """Offers the book's contacts as a name is typed: matches anywhere in how a contact reads
    in the picker, case-insensitively, and puts the contact's name in the line.

    The rows are a QStringListModel, so Qt filters 10,000 contacts in C++ per keystroke;
    ``set_contacts`` refills it only when the book was read again."""

    def __init__(self, parent: QWidget) -> None:
        self.contacts: list[Contact] = []
        self._rows = QStringListModel(parent)
        super().__init__(self._rows, parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def set_contacts(self, contacts: list[Contact]) -> None:
        if contacts is not self.contacts:
            self.contacts = contacts
            self._rows.setStringList(_descriptions(contacts))

    def contact_at(self, index: QModelIndex | QPersistentModelIndex) -> Contact | None:
        """The contact of a row of the popup (or of the completer's own model)."""
        proxy = self.completionModel()
        if index.model() is proxy and isinstance(proxy, QAbstractProxyModel):
            index = proxy.mapToSource(proxy.index(index.row(), 0))
        row = index.row()
        return self.contacts[row] if 0 <= row < len(self.contacts) else None

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        contact = self.contact_at(index)
        return contact.name if contact is not None else super().pathFromIndex(index)


class PhoneRow(QWidget):
    changed = Signal()

    def __init__(self, on_remove: Callable[[PhoneRow], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.number = _line_edit(self, QCoreApplication.translate("FormWidget", "Number"))
        self.number.setAccessibleName(QCoreApplication.translate("FormWidget", "Phone number"))
        self.label = _line_edit(
            self, QCoreApplication.translate("FormWidget", "Label (e.g. mobile)")
        )
        self.label.setAccessibleName(QCoreApplication.translate("FormWidget", "Phone label"))
        fit_placeholder(self.label)
        self.remove = QToolButton(self)
        self.remove.setText("×")
        self.remove.setToolTip(QCoreApplication.translate("FormWidget", "Remove this number"))
        self.remove.setAccessibleName(self.remove.toolTip())
        layout = tight_hbox(self, spacing=4)
        layout.addWidget(self.number, 3)
        layout.addWidget(self.label, 2)
        layout.addWidget(self.remove)
        self.number.textChanged.connect(self.changed)
        self.label.textChanged.connect(self.changed)
        self.remove.clicked.connect(lambda: on_remove(self))
        self.remove.clicked.connect(self.changed)

    def phone(self) -> Phone | None:
        number = _line(self.number.text())
        return Phone(number, _line(self.label.text())) if number else None

    def set_phone(self, phone: Phone) -> None:
        self.number.setText(phone.number)
        self.label.setText(phone.label)

    def focus_chain(self) -> list[QWidget]:
        return [self.number, self.label, self.remove]


class ContactCard(QFrame):
    """One person. Picking from the book fills every line; each line stays editable."""

    changed = Signal()

    def __init__(
        self,
        book: ContactBook | None,
        on_remove: Callable[[ContactCard], None],
        on_layout_changed: Callable[[], None],
        parent: QWidget,
        add_to_book: Callable[[Contact], Contact | None] | None = None,
        groups: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.book = book
        # the heading the contact stands under in the release, when the field has groups
        self.group = QComboBox(self)
        self.group.setEditable(True)
        self.group.addItems(list(groups))
        self.group.setCurrentText(groups[0] if groups else "")
        wheel.guard_made(self.group)  # a contact added after the window had the focus
        self._grouped = bool(groups)
        self._on_layout_changed = on_layout_changed
        self._id = ""
        self.pick = QToolButton(self)
        self.pick.setText(QCoreApplication.translate("FormWidget", "Pick from contact book…"))
        self.pick.setToolTip(
            QCoreApplication.translate(
                "FormWidget", "Fills in a person from the contact book; every line stays editable"
            )
        )
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.pick.setMenu(QMenu(self.pick))
        self.pick.menu().aboutToShow.connect(self._fill_menu)
        self.name = _line_edit(self)
        self.title = _line_edit(self)
        self.organisation = _line_edit(self)
        self.unit = _line_edit(self)
        self.email = _line_edit(self)
        # the contact book's words, so the form and the book refuse an address alike
        self.email_hint = QLabel(
            QCoreApplication.translate(
                "ContactBookWindow", "This does not look like an e-mail address."
            ),
            self,
        )
        self.email_hint.setStyleSheet("color: #b3261e;")
        self.phones: list[PhoneRow] = []
        self.phone_box = QWidget(self)
        self.phone_layout = tight_vbox(self.phone_box, spacing=4)
        self.add_phone()
        self.add_phone_button = QPushButton(
            QCoreApplication.translate("FormWidget", "Add phone number"), self.phone_box
        )
        self.phone_layout.addWidget(self.add_phone_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.remove = QPushButton(QCoreApplication.translate("FormWidget", "Remove contact"), self)
        self.remove.setVisible(False)
        self.add_to_book = QPushButton(
            QCoreApplication.translate("FormWidget", "Add to contact book"), self
        )
        self.add_to_book.setToolTip(
            QCoreApplication.translate("FormWidget", "Keep this person in the contact book")
        )
        self.add_to_book.setVisible(add_to_book is not None)
        self.add_to_book.setEnabled(False)

        pick_row = tight_hbox()
        pick_row.addWidget(self.pick)
        pick_row.addStretch(1)
        self.form = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(4)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("", pick_row)
        form.setRowVisible(0, book is not None)
        heading = QCoreApplication.translate("FormWidget", "Heading")
        form.addRow(heading, self.group)
        form.setRowVisible(self.group, bool(groups))
        self.group.setAccessibleName(heading)
        self.group.currentTextChanged.connect(self.changed)
        rows: list[tuple[str, Any, QWidget]] = [
            (QCoreApplication.translate("FormWidget", "Name"), self.name, self.name),
            (QCoreApplication.translate("FormWidget", "Title"), self.title, self.title),
            (
                QCoreApplication.translate("FormWidget", "Organisation"),
                self.organisation,
                self.organisation,
            ),
            (QCoreApplication.translate("FormWidget", "Unit"), self.unit, self.unit),
            (QCoreApplication.translate("FormWidget", "E-mail"), self.email, self.email),
            ("", self.email_hint, self.email_hint),
            (QCoreApplication.translate("FormWidget", "Phone"), self.phone_box, self.phone_box),
        ]
        for text, item, widget in rows:
            form.addRow(text, item)
            label = form.labelForField(item)
            if label is not None:
                label.setBuddy(widget)  # type: ignore[attr-defined]
            if isinstance(widget, QLineEdit):
                widget.setAccessibleName(text)
                widget.textChanged.connect(self.changed)
        self.email.textChanged.connect(self._show_email_hint)
        self._show_email_hint(self.email.text())
        remove_row = tight_hbox()
        remove_row.addWidget(self.remove)
        remove_row.addWidget(self.add_to_book)
        remove_row.addStretch(1)
        form.addRow("", remove_row)
        self.add_phone_button.clicked.connect(self._on_add_phone)
        self.remove.clicked.connect(lambda: on_remove(self))
        self.remove.clicked.connect(self.changed)
        if add_to_book is not None:
            self.add_to_book.clicked.connect(lambda: self._add_to_book(add_to_book))
            self.name.textChanged.connect(
                lambda text: self.add_to_book.setEnabled(bool(text.strip()))
            )
        self.completer: ContactCompleter | None = None
        if book is not None:
            # filled on focus, not here: the form is built before the first paint
            self.completer = ContactCompleter(self)
            self.completer.activated[QModelIndex].connect(  # type: ignore[index]
                self._on_completed
            )
            self.name.setCompleter(self.completer)
            self.name.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.name and event.type() == QEvent.Type.FocusIn:
            self.fill_completer()  # the book may have changed since
        return super().eventFilter(watched, event)

    def _book(self) -> list[Contact]:
        """The book's contacts: the same list until the file changes (do not change it)."""
        return self.book() if self.book is not None else []

    def fill_completer(self) -> None:
        if self.completer is not None:
            self.completer.set_contacts(self._book())

    def _on_completed(self, index: QModelIndex) -> None:
        contact = self.completer.contact_at(index) if self.completer is not None else None
        if contact is not None:
            self.set_contact(contact)

    def _fill_menu(self) -> None:
        menu = self.pick.menu()
        menu.clear()
        contacts = self._book()
        if not contacts:
            empty = menu.addAction(
                QCoreApplication.translate("FormWidget", "The contact book is empty")
            )
            empty.setEnabled(False)
        for contact in contacts[:MENU_LIMIT]:
            action = menu.addAction(picker_line(contact))
            action.triggered.connect(lambda _=False, c=contact: self.set_contact(c))
        if len(contacts) > MENU_LIMIT:
            more = menu.addAction(
                QCoreApplication.translate(
                    "FormWidget", "…and {count} more: type a name to find them"
                ).format(count=len(contacts) - MENU_LIMIT)
            )
            more.setEnabled(False)

    def _on_add_phone(self) -> None:
        row = self.add_phone()
        row.number.setFocus()

    def add_phone(self, phone: Phone | None = None) -> PhoneRow:
        row = PhoneRow(self._remove_phone, self.phone_box)
        if phone is not None:
            row.set_phone(phone)
        self.phone_layout.insertWidget(len(self.phones), row)
        self.phones.append(row)
        row.changed.connect(self.changed)
        self._on_layout_changed()
        return row

    def _remove_phone(self, row: PhoneRow) -> None:
        if len(self.phones) == 1:
            row.set_phone(Phone(""))
            return
        self.phones.remove(row)
        row.hide()
        row.deleteLater()
        self._on_layout_changed()

    def _show_email_hint(self, text: str) -> None:
        """The checks will flag an address that is not one; say so where it is typed."""
        self.form.setRowVisible(self.email_hint, bool(text.strip()) and not is_email_address(text))

    def email_hint_shown(self) -> bool:
        return bool(self.form.isRowVisible(self.email_hint))

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = [self.pick, *([self.group] if self._grouped else [])]
        chain += [self.name, self.title, self.organisation]
        chain += [self.unit, self.email]
        for row in self.phones:
            chain += row.focus_chain()
        return [*chain, self.add_phone_button, self.remove, self.add_to_book]

    def _add_to_book(self, add: Callable[[Contact], Contact | None]) -> None:
        stored = add(self.contact())
        if stored is not None:
            self._id = stored.id  # now picked from the book, as if chosen there

    def contact(self) -> Contact:
        phones = tuple(p for p in (row.phone() for row in self.phones) if p is not None)
        return Contact(
            name=_line(self.name.text()),
            title=_line(self.title.text()),
            organisation=_line(self.organisation.text()),
            unit=_line(self.unit.text()),
            email=_line(self.email.text()),
            phones=phones,
            id=self._id,
            group=_line(self.group.currentText()) if self._grouped else "",
        )

    def set_contact(self, contact: Contact) -> None:
        self._id = contact.id
        if contact.group:
            self.group.setCurrentText(contact.group)
        for edit, text in (
            (self.name, contact.name),
            (self.title, contact.title),
            (self.organisation, contact.organisation),
            (self.unit, contact.unit),
            (self.email, contact.email),
        ):
            if edit.text() != text:
                edit.setText(text)
                edit.setCursorPosition(0)
        wanted = max(1, len(contact.phones))
        while len(self.phones) > wanted:
            row = self.phones.pop()
            row.hide()
            row.deleteLater()
        while len(self.phones) < wanted:
            self.add_phone()
        for row, phone in zip(self.phones, contact.phones or (Phone(""),), strict=True):
            row.set_phone(phone)
        self._on_layout_changed()


class ContactEditor(FieldEditor):
    """One contact, or several when the field allows (``multiple``). Empty contacts are dropped."""

    def __init__(
        self, field_def: FieldDef, context: EditorContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(field_def, context, parent)
        self.cards: list[ContactCard] = []
        self._layout = tight_vbox(self, spacing=8)
        self._adopt_input(self)
        self.add_button: QPushButton | None = None
        self.add_card()
        self.add_button = QPushButton(QCoreApplication.translate("FormWidget", "Add contact"), self)
        self.add_button.setVisible(field_def.multiple)
        self.add_button.clicked.connect(self._on_add_contact)
        self._layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Focus given to the field (a label's shortcut, the form) goes to the first name.

        Not a focus proxy: with one, Tab would skip the contact book button above the name."""
        self.cards[0].name.setFocus(event.reason())

    def add_card(self) -> ContactCard:
        card = ContactCard(
            self.context.contacts,
            self._remove_card,
            self._fix_tab_order,
            self,
            add_to_book=self.context.add_contact,
            groups=self.field_def.groups,
        )
        if self.field_def.multiple:
            card.setFrameShape(QFrame.Shape.StyledPanel)
            card.form.setContentsMargins(8, 8, 8, 8)
        self._layout.insertWidget(len(self.cards), card)
        self.cards.append(card)
        card.changed.connect(self.changed)
        self._update_remove_buttons()
        self._fix_tab_order()
        return card

    def _on_add_contact(self) -> None:
        card = self.add_card()
        card.name.setFocus()

    def _remove_card(self, card: ContactCard) -> None:
        if len(self.cards) == 1:
            card.set_contact(Contact(""))
        else:
            self.cards.remove(card)
            card.hide()
            card.deleteLater()
            self._update_remove_buttons()
            self._fix_tab_order()

    def _update_remove_buttons(self) -> None:
        for card in self.cards:
            card.remove.setVisible(self.field_def.multiple or len(self.cards) > 1)

    def focus_chain(self) -> list[QWidget]:
        chain = [w for card in self.cards for w in card.focus_chain()]
        return chain if self.add_button is None else [*chain, self.add_button]

    def _fix_tab_order(self) -> None:
        """Widgets added later go to the end of the window's tab chain; put them back in place."""
        for first, second in itertools.pairwise(self.focus_chain()):
            QWidget.setTabOrder(first, second)

    def value(self) -> list[Contact]:
        contacts = (card.contact() for card in self.cards)
        return [contact for contact in contacts if not contact.is_empty()]

    def set_value(self, value: Any) -> None:
        if isinstance(value, Contact):
            value = [value]
        contacts = [c for c in (value or []) if isinstance(c, Contact)]
        wanted = max(1, len(contacts))
        while len(self.cards) > wanted:
            card = self.cards.pop()
            card.hide()
            card.deleteLater()
        while len(self.cards) < wanted:
            self.add_card()
        for card, contact in zip(self.cards, contacts or [Contact("")], strict=True):
            card.set_contact(contact)
        self._update_remove_buttons()
        self._fix_tab_order()
