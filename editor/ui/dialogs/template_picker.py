"""Choose the template for a new release: every template in the library, broken ones included
(greyed out, with the error that stops them, so an organisation's template author sees why).

A search line filters the list by name and description as the user types (an organisation may
have hundreds of templates); the chosen template's description is shown in full under the list,
wrapped, as the list's column has room for its beginning only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.model.language import base_language
from editor.storage.library import (
    BUILTIN,
    ORGANISATION,
    USER,
    Library,
    LibraryEntry,
    describe_entry,
)

LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1  # name and description, case-folded once
DESCRIPTION_ROLE = Qt.ItemDataRole.UserRole + 2  # the full description (or the error)


def _usable(item: QTreeWidgetItem) -> bool:
    return bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)


def source_label(source: str) -> str:
    labels = {
        BUILTIN: QCoreApplication.translate("TemplatePicker", "Built-in"),
        USER: QCoreApplication.translate("TemplatePicker", "Your own"),
        ORGANISATION: QCoreApplication.translate("TemplatePicker", "Organisation"),
    }
    return labels.get(source, source)


class TemplatePicker(QDialog):
    def __init__(
        self,
        library: Library,
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
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(
            [self.tr("Template"), self.tr("Language"), self.tr("Source"), self.tr("Description")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        intro.setBuddy(self.search)
        self.description = QLabel(self)
        self.description.setObjectName("templateDescription")
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.no_match = QLabel(self.tr("No template matches the search."), self)
        self.no_match.hide()
        entries = sorted(
            library.entries,
            key=lambda e: (
                base_language(e.language) != base_language(language),
                e.language,
                e.name.casefold(),
            ),
        )
        self._items = [self._item(entry) for entry in entries]
        self.tree.addTopLevelItems(self._items)
        for column, width in enumerate((220, 80, 100)):
            self.tree.setColumnWidth(column, width)
        for problem in library.source_errors.values():
            self.tree.addTopLevelItem(self._broken_source_item(problem.text()))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.tree.currentItemChanged.connect(self._update_ok)
        self.tree.itemActivated.connect(lambda item, _: self._accept_item(item))
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._accept_current)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.no_match)
        layout.addWidget(self.description)
        layout.addWidget(buttons)
        self.search.setFocus()
        self._select(current)
        self._update_ok()

    def _item(self, entry: LibraryEntry) -> QTreeWidgetItem:
        language = LANGUAGE_NAMES.get(entry.language, entry.language)
        if entry.template is not None:
            description = entry.template.description
        else:
            description = self.tr("Cannot be used: {error}").format(error=describe_entry(entry))
        item = QTreeWidgetItem([entry.name, language, source_label(entry.source), description])
        item.setData(0, Qt.ItemDataRole.UserRole, entry.key)
        item.setData(0, SEARCH_ROLE, f"{entry.name}\n{description}".casefold())
        item.setData(3, DESCRIPTION_ROLE, description)
        item.setToolTip(3, description)
        if entry.template is None:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        return item

    def _broken_source_item(self, problem: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(["", "", source_label(ORGANISATION), problem])
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        return item

    def _select(self, key: str) -> None:
        first = None
        for item in self._items:
            if not item.flags() & Qt.ItemFlag.ItemIsEnabled:
                continue
            first = first or item
            if item.data(0, Qt.ItemDataRole.UserRole) == key:
                first = item
                break
        if first is not None:
            self.tree.setCurrentItem(first)

    def _filter(self, text: str) -> None:
        """Show the templates whose name or description holds every word typed."""
        words = text.casefold().split()
        shown = 0
        for item in self._items:
            haystack = str(item.data(0, SEARCH_ROLE) or "")
            hidden = not all(word in haystack for word in words)
            item.setHidden(hidden)
            shown += not hidden
        for index in range(len(self._items), self.tree.topLevelItemCount()):
            broken_source = self.tree.topLevelItem(index)
            if broken_source is not None:
                broken_source.setHidden(bool(words))
        self.no_match.setVisible(shown == 0)
        current = self.tree.currentItem()
        if current is None or current.isHidden():
            visible = next((i for i in self._items if not i.isHidden() and _usable(i)), None)
            if visible is not None:
                self.tree.setCurrentItem(visible)
            else:
                self.tree.setCurrentIndex(self.tree.rootIndex())
        self._update_ok()

    def _accept_current(self) -> None:
        if self.selected_key():
            self.accept()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.selected_key()))
        item = self.tree.currentItem()
        shown = "" if item is None or item.isHidden() else item.data(3, DESCRIPTION_ROLE)
        self.description.setText(str(shown or ""))

    def _accept_item(self, item: QTreeWidgetItem) -> None:
        if item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.accept()

    def selected_key(self) -> str:
        item = self.tree.currentItem()
        if item is None or item.isHidden() or not _usable(item):
            return ""
        return str(item.data(0, Qt.ItemDataRole.UserRole) or "")

    @classmethod
    def get_data(
        cls, parent: QWidget | None, library: Library, current: str = "", language: str = ""
    ) -> tuple[str, bool]:
        """The chosen library key, and whether the user confirmed. Templates in ``language``
        (the UI's) come first."""
        dialog = cls(library, current, language, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted and bool(dialog.selected_key())
        return (dialog.selected_key() if accepted else ""), accepted
