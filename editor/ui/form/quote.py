"""The quote editor: an optional, repeatable section ("+ Add quote"). Each quote has a speaker,
picked from the contact book (which fills in the title) or typed, and the words said."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from editor.model.contacts import Contact
from editor.model.fields import FieldDef, clean_line, clean_paragraphs
from editor.model.quotes import Quote
from editor.ui.form.base import (
    MAX_LINE_LENGTH,
    EditorContext,
    FieldEditor,
    tight_hbox,
    tight_vbox,
)


class QuoteRow(QFrame):
    """One quote: speaker name and title on a line, the words under them."""

    def __init__(self, contacts: list[Contact], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._contacts = {c.name: c for c in contacts if c.name}
        self.contact_id = ""
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(MAX_LINE_LENGTH)
        self.name_edit.setPlaceholderText(
            QCoreApplication.translate("QuoteEditor", "Who said it (name)")
        )
        self.name_edit.setAccessibleName(
            QCoreApplication.translate("QuoteEditor", "Speaker's name")
        )
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(MAX_LINE_LENGTH)
        self.title_edit.setPlaceholderText(QCoreApplication.translate("QuoteEditor", "Title"))
        self.title_edit.setAccessibleName(
            QCoreApplication.translate("QuoteEditor", "Speaker's title")
        )
        self.remove_button = QPushButton(
            QCoreApplication.translate("QuoteEditor", "Remove quote"), self
        )
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setPlaceholderText(
            QCoreApplication.translate("QuoteEditor", "What was said, in full sentences")
        )
        self.text_edit.setAccessibleName(QCoreApplication.translate("QuoteEditor", "Quote"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setFixedHeight(self.text_edit.fontMetrics().lineSpacing() * 4 + 12)
        if self._contacts:
            completer = QCompleter(QStringListModel(sorted(self._contacts), self), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.activated.connect(self.pick)
            self.name_edit.setCompleter(completer)
        line = tight_hbox()
        line.addWidget(self.name_edit, 2)
        line.addWidget(self.title_edit, 2)
        line.addWidget(self.remove_button)
        layout = tight_vbox(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(line)
        layout.addWidget(self.text_edit)

    def pick(self, name: str) -> None:
        """A speaker from the contact book: name and title as the book has them."""
        contact = self._contacts.get(name)
        if contact is None:
            return
        self.name_edit.setText(contact.name)
        self.title_edit.setText(contact.title)
        self.contact_id = contact.id

    def quote(self) -> Quote:
        return Quote(
            clean_paragraphs(self.text_edit.toPlainText()).strip(),
            clean_line(self.name_edit.text()).strip(),
            clean_line(self.title_edit.text()).strip(),
            self.contact_id,
        )

    def set_quote(self, quote: Quote) -> None:
        self.name_edit.setText(quote.name)
        self.title_edit.setText(quote.title)
        self.text_edit.setPlainText(quote.text)
        self.contact_id = quote.contact_id


class QuoteEditor(FieldEditor):
    """No quote until "+ Add quote" is pressed; each quote can be removed again."""

    def __init__(
        self, field_def: FieldDef, context: EditorContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(field_def, context, parent)
        self.rows: list[QuoteRow] = []
        self.add_button = QPushButton(
            QCoreApplication.translate("QuoteEditor", "+ Add quote"), self
        )
        self.add_button.setAccessibleName(
            QCoreApplication.translate("QuoteEditor", "{0}: add quote").format(field_def.label)
            if field_def.label
            else ""
        )
        self._rows_layout = tight_vbox()
        layout = tight_vbox(self)
        layout.addLayout(self._rows_layout)
        buttons = tight_hbox()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._adopt_input(self.add_button)
        self.add_button.clicked.connect(self._on_add)

    def _contacts(self) -> list[Contact]:
        return self.context.contacts() if self.context.contacts is not None else []

    def add_row(self, quote: Quote | None = None) -> QuoteRow:
        row = QuoteRow(self._contacts(), self)
        if quote is not None:
            row.set_quote(quote)
        self._rows_layout.addWidget(row)
        self.rows.append(row)
        row.name_edit.textChanged.connect(self.changed)
        row.title_edit.textChanged.connect(self.changed)
        row.text_edit.textChanged.connect(self.changed)
        row.remove_button.clicked.connect(lambda: self.remove_row(row))
        return row

    def _on_add(self) -> None:
        row = self.add_row()
        row.name_edit.setFocus()

    def remove_row(self, row: QuoteRow) -> None:
        if row in self.rows:
            self.rows.remove(row)
            row.text_edit.setPlainText("")  # Qt's own signal tells the form it changed
            row.hide()
            row.deleteLater()

    def value(self) -> list[Quote]:
        return [q for q in (row.quote() for row in self.rows) if not q.is_empty()]

    def set_value(self, value: Any) -> None:
        for row in list(self.rows):
            self.rows.remove(row)
            row.hide()
            row.deleteLater()
        for quote in value or []:
            if isinstance(quote, Quote):
                self.add_row(quote)
