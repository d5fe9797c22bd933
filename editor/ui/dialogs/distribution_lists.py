"""A small editor for the distribution lists in the settings: a named list of e-mail addresses.

An e-mail export can put one list in Bcc. Addresses are typed one a line; a list pasted from a
mail program ("Anna Exempel <anna@example.se>; per@example.se") is understood too, and only the
addresses are kept. Addresses that are not e-mail addresses are pointed out as they are typed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from email.utils import getaddresses

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.model.email_address import is_email_address

PROBLEM_COLOUR = "#b3261e"


def parse_addresses(text: str) -> list[str]:
    """The addresses in ``text``: one a line, or separated by commas or semicolons, each
    possibly with a display name. Empty entries are dropped, duplicates kept once."""
    entries = [part for line in text.splitlines() for part in line.replace(";", ",").split(",")]
    addresses = []
    for entry in entries:
        entry = entry.strip()
        if not entry:
            continue
        if "<" in entry:  # "Anna Exempel <anna@example.se>": keep the address
            parsed = getaddresses([entry])
            if len(parsed) == 1 and parsed[0][1]:
                entry = parsed[0][1].strip()
        addresses.append(entry)
    return list(dict.fromkeys(addresses))


class DistributionListsEditor(QWidget):
    def __init__(self, lists: Mapping[str, Sequence[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[list[str]] = [[name, "\n".join(a)] for name, a in lists.items()]
        self._loading = False

        self.names = QListWidget(self)
        self.names.setObjectName("distributionLists")
        self.names.setAccessibleName(self.tr("Distribution lists"))
        self.add_button = QPushButton(self.tr("Add li&st"), self)
        self.add_button.clicked.connect(self.add_list)
        self.remove_button = QPushButton(self.tr("Re&move"), self)
        self.remove_button.clicked.connect(self.remove_list)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("distributionListName")
        self.name_edit.setPlaceholderText(self.tr("For example Regional media"))
        self.addresses_edit = QPlainTextEdit(self)
        self.addresses_edit.setObjectName("distributionListAddresses")
        self.addresses_edit.setPlaceholderText(self.tr("One e-mail address a line"))
        self.addresses_edit.setTabChangesFocus(True)
        self.problem = QLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        palette = self.problem.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(PROBLEM_COLOUR))
        self.problem.setPalette(palette)
        self.problem.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left = QVBoxLayout()
        left.addWidget(self.names, 1)
        left.addLayout(buttons)
        right = QFormLayout()
        right.addRow(self.tr("&Name:"), self.name_edit)
        right.addRow(self.tr("A&ddresses:"), self.addresses_edit)
        right.addRow(self.problem)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)

        for name, _ in self._entries:
            self.names.addItem(name)
        self.names.currentRowChanged.connect(self._show_entry)
        self.name_edit.textEdited.connect(self._rename)
        self.addresses_edit.textChanged.connect(self._store_addresses)
        self.names.setCurrentRow(0 if self._entries else -1)
        self._show_entry(self.names.currentRow())

    def lists(self) -> dict[str, list[str]]:
        """The lists as the settings keep them; a list without a name is left out."""
        result: dict[str, list[str]] = {}
        for name, text in self._entries:
            if name.strip():
                result[name.strip()] = parse_addresses(text)
        return result

    def invalid_addresses(self) -> list[str]:
        return [
            a for _, text in self._entries for a in parse_addresses(text) if not is_email_address(a)
        ]

    def add_list(self) -> None:
        taken = {name for name, _ in self._entries}
        base = self.tr("New list")
        name, number = base, 2
        while name in taken:
            name, number = f"{base} {number}", number + 1
        self._entries.append([name, ""])
        self.names.addItem(name)
        self.names.setCurrentRow(len(self._entries) - 1)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def remove_list(self) -> None:
        row = self.names.currentRow()
        if row < 0:
            return
        del self._entries[row]
        self.names.takeItem(row)
        self._show_entry(self.names.currentRow())

    def _show_entry(self, row: int) -> None:
        has = 0 <= row < len(self._entries)
        self._loading = True
        try:
            self.name_edit.setText(self._entries[row][0] if has else "")
            self.addresses_edit.setPlainText(self._entries[row][1] if has else "")
        finally:
            self._loading = False
        for widget in (self.name_edit, self.addresses_edit, self.remove_button):
            widget.setEnabled(has)
        self._check(row)

    def _rename(self, text: str) -> None:
        row = self.names.currentRow()
        if 0 <= row < len(self._entries):
            self._entries[row][0] = text
            item = self.names.item(row)
            item.setText(text)

    def _store_addresses(self) -> None:
        row = self.names.currentRow()
        if self._loading or not 0 <= row < len(self._entries):
            return
        self._entries[row][1] = self.addresses_edit.toPlainText()
        self._check(row)

    def _check(self, row: int) -> None:
        bad = []
        if 0 <= row < len(self._entries):
            bad = [a for a in parse_addresses(self._entries[row][1]) if not is_email_address(a)]
        self.problem.setText(
            self.tr("Not e-mail addresses: {addresses}").format(addresses=", ".join(bad))
            if bad
            else ""
        )
        self.problem.setVisible(bool(bad))
