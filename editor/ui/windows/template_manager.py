"""The template manager: every template in the library, with import, export, rename,
duplicate, delete and edit.

Broken templates are listed with their error (in red), never hidden; an organisation folder
that cannot be used shows as a notice above the list, and everything else goes on working.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.errors import PressklarError
from editor.model.levels import LevelSetRegistry
from editor.model.template import Template
from editor.storage.level_sets import level_registry
from editor.storage.library import (
    BUILTIN,
    ORGANISATION,
    TEMPLATE_SUFFIX,
    USER,
    Library,
    LibraryEntry,
    describe_entry,
    load_library,
)
from editor.storage.paths import Paths
from editor.storage.settings import Settings
from editor.storage.template_io import (
    ImportResult,
    OnClash,
    delete_template,
    duplicate_template,
    export_template,
    import_template,
    rename_template,
)
from editor.ui.dialogs import messages
from editor.ui.dialogs.save_as_template import (
    ask_text,
    problem_details,
    settle_clash,
    target_label,
    template_targets,
)
from editor.ui.dialogs.template_picker import LANGUAGE_NAMES, source_label
from editor.ui.panels.preview import BANNER_STYLE

translate = QCoreApplication.translate

KEY_ROLE = Qt.ItemDataRole.UserRole
ERROR_COLOUR = QColor("#b3261e")


def _filter() -> str:
    return (
        translate("TemplateManager", "Pressklar templates (*{suffix})").format(
            suffix=TEMPLATE_SUFFIX
        )
        + ";;"
        + translate("TemplateManager", "All files (*)")
    )


def ask_template_file(parent: QWidget | None, folder: str) -> str:
    """The template file to import, or "" (tests patch this)."""
    path, _ = QFileDialog.getOpenFileName(
        parent, translate("TemplateManager", "Import template"), folder, _filter()
    )
    return path


def ask_export_path(parent: QWidget | None, suggested: str) -> str:
    """Where to export a template, or "" (tests patch this)."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        translate("TemplateManager", "Export template"),
        suggested,
        _filter(),
    )
    if path and not path.endswith(TEMPLATE_SUFFIX):
        path += TEMPLATE_SUFFIX
    return path


def _documents() -> str:
    location = QStandardPaths.StandardLocation.DocumentsLocation
    return QStandardPaths.writableLocation(location) or os.path.expanduser("~")


class TemplateManager(QDialog):
    library_changed = Signal()  # a template was imported, renamed, duplicated, deleted, saved

    def __init__(
        self,
        paths: Paths,
        settings: Settings,
        levels: LevelSetRegistry | None = None,
        parent: QWidget | None = None,
        library: Library | None = None,
    ) -> None:
        """``library``: the library read just now (by the flow, on a worker), listed as it is;
        None: read here."""
        super().__init__(parent)
        self.paths = paths
        self.settings = settings
        self.levels = levels if levels is not None else level_registry(paths)
        self.library = Library()
        self.editors: list[QWidget] = []  # template editors opened from here, kept alive
        self.setWindowTitle(self.tr("Manage templates"))
        self.resize(1000, 540)

        self.notice = QLabel(self)
        self.notice.setObjectName("sourceNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setStyleSheet(BANNER_STYLE)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(
            [
                self.tr("Template"),
                self.tr("Language"),
                self.tr("Source"),
                self.tr("Id or file"),
                self.tr("Description"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSortingEnabled(False)
        for column, width in enumerate((260, 80, 100, 170)):
            self.tree.setColumnWidth(column, width)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.tree.itemActivated.connect(lambda *_: self.edit_selected())

        self.edit_button = self._button(self.tr("&Edit…"), self.edit_selected)
        self.new_button = self._button(self.tr("&New…"), self.new_template)
        self.duplicate_button = self._button(self.tr("D&uplicate"), self.duplicate_selected)
        self.rename_button = self._button(self.tr("&Rename…"), self.rename_selected)
        self.export_button = self._button(self.tr("E&xport…"), self.export_selected)
        self.delete_button = self._button(self.tr("&Delete…"), self.delete_selected)
        self.import_button = self._button(self.tr("&Import…"), self.import_file)
        self.target_box = QComboBox(self)
        self.target_box.setToolTip(self.tr("Where imported templates go"))
        close = self._button(self.tr("Close"), self.close)

        side = QVBoxLayout()
        for button in (self.edit_button, self.new_button, self.duplicate_button):
            side.addWidget(button)
        side.addWidget(self.rename_button)
        side.addWidget(self.export_button)
        side.addWidget(self.delete_button)
        side.addSpacing(16)
        side.addWidget(self.import_button)
        target_label_widget = QLabel(self.tr("Imp&ort into:"), self)
        target_label_widget.setBuddy(self.target_box)
        side.addWidget(target_label_widget)
        side.addWidget(self.target_box)
        side.addStretch(1)
        side.addWidget(close)
        row = QHBoxLayout()
        row.addWidget(self.tree, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(row)
        self.reload(library=library)

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def reload(self, select: str = "", library: Library | None = None) -> None:
        """Read the library again (or take ``library``, read just now) and list it; ``select``
        is a template path to select."""
        current = select or self._selected_path()
        if library is None:
            library = load_library(
                self.paths.templates,
                self.settings.organisation_folder,
                cache_file=self.paths.template_cache,
            )
        self.library = library
        self.tree.clear()
        order = {BUILTIN: 0, USER: 1, ORGANISATION: 2}
        entries = sorted(
            self.library.entries, key=lambda e: (order.get(e.source, 3), e.name.casefold())
        )
        self.tree.addTopLevelItems([self._item(entry) for entry in entries])  # one insert
        notices = [
            self.tr("{source}: {problem}").format(
                source=source_label(source), problem=problem.text()
            )
            for source, problem in self.library.source_errors.items()
        ]
        self.notice.setText("\n".join(notices))
        self.notice.setVisible(bool(notices))
        self._fill_targets()
        self._select_path(current)
        self._update_buttons()

    def _item(self, entry: LibraryEntry) -> QTreeWidgetItem:
        language = LANGUAGE_NAMES.get(entry.language, entry.language)
        where = entry.template.id if entry.template is not None else Path(entry.path).name
        if entry.template is None:
            description = self.tr("Cannot be used: {error}").format(error=describe_entry(entry))
        else:
            description = entry.template.description
        columns = [entry.name, language, source_label(entry.source), where, description]
        item = QTreeWidgetItem(columns)
        item.setData(0, KEY_ROLE, entry.key)
        tip = description if entry.source == BUILTIN else f"{description}\n{entry.path}"
        for column in range(len(columns)):
            item.setToolTip(column, tip.strip())
            if entry.template is None:
                item.setForeground(column, QBrush(ERROR_COLOUR))
        return item

    def _fill_targets(self) -> None:
        chosen = self.target_box.currentData()
        self.target_box.clear()
        self._targets = template_targets(self.paths, self.settings.organisation_folder)
        for source in self._targets:
            self.target_box.addItem(target_label(source), source)
        index = self.target_box.findData(chosen)
        self.target_box.setCurrentIndex(max(0, index))
        self.target_box.setEnabled(self.target_box.count() > 1)

    def selected_entry(self) -> LibraryEntry | None:
        item = self.tree.currentItem()
        key = item.data(0, KEY_ROLE) if item is not None else None
        return self.library.find(str(key)) if key else None

    def _selected_path(self) -> str:
        entry = self.selected_entry()
        return entry.path if entry is not None else ""

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _select_path(self, path: str) -> None:
        items = self._items()
        if path:
            wanted = os.path.abspath(path)
            by_key = {entry.key: entry for entry in self.library.entries}
            for item in items:
                entry = by_key.get(str(item.data(0, KEY_ROLE)))
                if entry is not None and os.path.abspath(entry.path) == wanted:
                    self.tree.setCurrentItem(item)
                    return
        if items and self.tree.currentItem() is None:
            self.tree.setCurrentItem(items[0])

    def _update_buttons(self, *_: object) -> None:
        entry = self.selected_entry()
        usable = entry is not None and entry.template is not None
        own = entry is not None and entry.source in (USER, ORGANISATION)
        self.edit_button.setEnabled(usable)
        self.duplicate_button.setEnabled(usable)
        self.export_button.setEnabled(usable)
        self.rename_button.setEnabled(usable and own)
        self.delete_button.setEnabled(own)
        if entry is not None and entry.source == BUILTIN:
            self.delete_button.setToolTip(self.tr("Built-in templates cannot be deleted"))
        else:
            self.delete_button.setToolTip("")

    def _changed(self, select: str = "") -> None:
        self.reload(select)
        self.library_changed.emit()

    def _failed(self, title: str, error: PressklarError) -> None:
        messages.error(self, title, problem_details(error))

    def import_file(self, path: str = "") -> Template | None:
        path = path or ask_template_file(self, _documents())
        if not path:
            return None
        source = str(self.target_box.currentData() or USER)
        folder = self._targets.get(source, self.paths.templates)

        def attempt(on_clash: OnClash, new_name: str | None) -> ImportResult:
            return import_template(
                path,
                folder,
                on_clash=on_clash,
                new_name=new_name,
                source=source,
                levels=self.levels,
            )

        try:
            result = settle_clash(self, attempt)
        except PressklarError as error:
            messages.error(
                self,
                self.tr("Could not import the template"),
                self.tr("{file} was not imported. Nothing has been changed.").format(
                    file=os.path.basename(path)
                ),
                problem_details(error),
            )
            return None
        if result is None:
            return None
        template, warnings = result.template, result.warnings
        self._changed(str(result.path))
        if warnings:
            messages.warn(
                self,
                self.tr("Template imported"),
                self.tr("“{name}” was imported, with a note:").format(name=template.name),
                "\n".join(warning.text() for warning in warnings),
            )
        return template

    def export_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.template is None:
            return
        suggested = os.path.join(_documents(), entry.template.id + TEMPLATE_SUFFIX)
        path = ask_export_path(self, suggested)
        if not path:
            return
        try:
            export_template(entry.template, path)
        except PressklarError as error:
            self._failed(self.tr("Could not export the template"), error)

    def rename_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.template is None:
            return
        name = ask_text(self, self.tr("Rename template"), self.tr("New name:"), entry.name)
        if name is None or name == entry.name:
            return
        try:
            renamed = rename_template(entry.template, name)
        except PressklarError as error:
            self._failed(self.tr("Could not rename the template"), error)
            return
        self._changed(renamed.path)

    def duplicate_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.template is None:
            return
        try:
            copy = duplicate_template(entry.template, self.paths.templates)
        except PressklarError as error:
            self._failed(self.tr("Could not duplicate the template"), error)
            return
        self._changed(copy.path)

    def delete_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.source not in (USER, ORGANISATION):
            return
        where = (
            self.tr("It is removed for everyone who uses the organisation's templates.")
            if entry.source == ORGANISATION
            else self.tr("This cannot be undone.")
        )
        answer = messages.question(
            self,
            self.tr("Delete template"),
            self.tr("Delete the template “{name}”?").format(name=entry.name),
            messages.Button.Yes | messages.Button.No,
            messages.Button.No,
            where,
        )
        if answer != messages.Button.Yes:
            return
        try:
            delete_template(entry)
        except PressklarError as error:
            self._failed(self.tr("Could not delete the template"), error)
            return
        self._changed()

    def edit_selected(self) -> QWidget | None:
        entry = self.selected_entry()
        if entry is None or entry.template is None:
            return None
        return self.open_editor(entry.template)

    def new_template(self) -> QWidget:
        return self.open_editor(None)

    def open_editor(self, template: Template | None) -> QWidget:
        from editor.ui.template_editor import TemplateEditorWindow

        language = self.settings.ui_language or "sv"
        editor = TemplateEditorWindow(self.paths, self.settings, template, self.levels, language)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.library_changed.connect(lambda: self._changed())
        editor.destroyed.connect(lambda: self.editors.remove(editor))
        self.editors.append(editor)
        editor.show()
        return editor
