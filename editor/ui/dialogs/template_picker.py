"""Choose the template for a new release: every template in the library, broken ones included
(greyed out, with the error that stops them, so an organisation's template author sees why)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
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
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(
            [self.tr("Template"), self.tr("Language"), self.tr("Source"), self.tr("Description")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        intro.setBuddy(self.tree)
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

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
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

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.selected_key()))

    def _accept_item(self, item: QTreeWidgetItem) -> None:
        if item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.accept()

    def selected_key(self) -> str:
        item = self.tree.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
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
