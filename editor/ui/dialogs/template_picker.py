"""Choose the template for a new release: every template in the library, broken ones included
(greyed out, with the error that stops them, so an organisation's template author sees why).

A search line filters the list by name and description as the user types (an organisation may
have hundreds of templates); the chosen template's description is shown in full under the list,
wrapped, as the list's column has room for its beginning only. The dialog lists (from the
library's listing index) and returns a key: the caller reads the chosen template itself."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.model.language import base_language
from editor.storage.library import LibraryEntry, describe_entry
from editor.storage.template_index import Listing, load_listed
from editor.ui.dialogs import messages
from editor.ui.dialogs.template_list_model import (
    DESCRIPTION_ROLE,
    KEY_ROLE,
    LANGUAGE_NAMES,
    TemplateListModel,
    problem_row,
    source_label,
    template_row,
)

__all__ = ["LANGUAGE_NAMES", "TemplatePicker", "load_chosen", "source_label"]


def load_chosen(parent: QWidget | None, listing: Listing, key: str) -> LibraryEntry | None:
    """The whole template chosen by ``key`` in ``listing``, read now; when it cannot be read
    (changed or removed since it was listed) the user is told why, and None."""
    listed = listing.find(key) if key else None
    if listed is None:
        return None
    entry = load_listed(listed)
    if entry.template is None:
        title = QCoreApplication.translate("TemplatePicker", "Could not use the template")
        messages.error(parent, title, describe_entry(entry))
        return None
    return entry


class TemplatePicker(QDialog):
    def __init__(
        self,
        listing: Listing,
        current: str = "",
        language: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New release"))
        self.resize(760, 420)
        intro = QLabel(self.tr("Choose the kind of release to write:"), self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by name or description"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search templates"))
        wanted = base_language(language)
        other = {
            lang: base_language(lang) != wanted for lang in {e.language for e in listing.entries}
        }
        entries = sorted(
            listing.entries, key=lambda e: (other[e.language], e.language, e.name.casefold())
        )
        labels = {source: source_label(source) for source in {e.source for e in entries}}
        rows = [template_row(entry, labels[entry.source]) for entry in entries]
        rows += [problem_row(s, problem.text()) for s, problem in listing.source_errors.items()]
        self.model = TemplateListModel(rows, self)
        self.view = QTableView(self)  # lazy: unlike a tree view it never walks every row
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        rows_high = self.view.verticalHeader()
        rows_high.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows_high.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setHighlightSections(False)
        self.view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        for column, width in enumerate((220, 80, 100)):
            self.view.setColumnWidth(column, width)
        intro.setBuddy(self.search)
        self.description = QLabel(self)
        self.description.setObjectName("templateDescription")
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.no_match = QLabel(self.tr("No template matches the search."), self)
        self.no_match.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.view.selectionModel().currentChanged.connect(self._update_ok)
        self.view.activated.connect(self._accept_index)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._accept_current)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.no_match)
        layout.addWidget(self.description)
        layout.addWidget(buttons)
        self.search.setFocus()
        self.select(current)
        self._update_ok()

    def select(self, key: str) -> None:
        """Make the template with ``key`` current if it is shown, else the first usable one."""
        row = self.model.row_of(key)
        if row < 0:
            row = self.model.first_usable()
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))
        else:
            self.view.setCurrentIndex(QModelIndex())

    def _filter(self, text: str) -> None:
        """Show the templates whose name or description holds every word typed."""
        key = self.selected_key()
        self.model.set_query(text)
        self.no_match.setVisible(not any(row.key for row in self.model.rows()))
        self.select(key)
        self._update_ok()

    def _accept_current(self) -> None:
        if self.selected_key():
            self.accept()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.selected_key()))
        index = self.view.currentIndex()
        shown = self.model.data(index, DESCRIPTION_ROLE) if index.isValid() else ""
        self.description.setText(str(shown or ""))

    def _accept_index(self, index: QModelIndex) -> None:
        if self.model.data(index, KEY_ROLE):
            self.accept()

    def selected_key(self) -> str:
        index = self.view.currentIndex()
        return str(self.model.data(index, KEY_ROLE) or "") if index.isValid() else ""

    @classmethod
    def get_data(
        cls, parent: QWidget | None, listing: Listing, current: str = "", language: str = ""
    ) -> tuple[str, bool]:
        """The chosen library key, and whether the user confirmed. Templates in ``language``
        (the UI's) come first."""
        dialog = cls(listing, current, language, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted and bool(dialog.selected_key())
        return (dialog.selected_key() if accepted else ""), accepted
