"""What the Templates menu, Contact book and Level sets do from a main window.

The windows opened here (template editors, the template manager, the contact book) are
top-level windows of their own, kept alive in ``AppContext.tools`` until they close, so closing
the main window never drops a template editor with unsaved changes.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from editor.model.contacts import Contact
from editor.model.template import Template
from editor.ui.context import AppContext
from editor.ui.session import ReleaseSession

W = TypeVar("W", bound=QWidget)


class LibraryFlows(QObject):
    status = Signal(str)  # a short message for the status bar

    def __init__(
        self,
        window: QWidget,
        context: AppContext,
        session: ReleaseSession,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._session = session

    def _keep(self, tool: W) -> W:
        tool.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        tools = self._context.tools
        tools.append(tool)
        tool.destroyed.connect(lambda: tools.remove(tool) if tool in tools else None)
        tool.show()
        tool.raise_()
        tool.activateWindow()
        return tool

    def _open_tool(self, kind: type[W]) -> W | None:
        for tool in self._context.tools:
            if isinstance(tool, kind):
                tool.show()
                tool.raise_()
                tool.activateWindow()
                return tool
        return None

    def _library_changed(self) -> None:
        self._context.templates_edited()

    def open_template_editor(self, template: Template | None) -> QWidget:
        from editor.ui.template_editor import TemplateEditorWindow

        context = self._context
        editor = TemplateEditorWindow(
            context.paths, context.settings, template, context.levels(), context.language
        )
        editor.library_changed.connect(self._library_changed)
        return self._keep(editor)

    def new_template(self) -> QWidget:
        return self.open_template_editor(None)

    def edit_template(self) -> QWidget | None:
        """The current release's template as the library has it: found by its file for a new
        release, by its id for one opened from a file (a built-in one read only, with
        "Duplicate to edit", either way). A template the library no longer has opens as an
        unsaved copy named as ``copy_name`` names one, never as a second template of the same
        name. The library is read on a worker (``library_reads``); None while this window is
        reading it already."""
        from editor.storage.library import USER
        from editor.storage.template_io import copy_name, names_in
        from editor.ui.flows.library_reads import read_library

        current = self._session.template
        library = read_library(self._window, self._context)
        if library is None:  # this window is reading it already
            return None
        by_path = [e for e in library.ok() if current.path and e.path == current.path]
        found = by_path[0] if by_path else library.find(current.id) if current.id else None
        if found is not None and found.template is not None:
            return self.open_template_editor(found.template)
        name = copy_name(current, names_in(self._context.paths.templates, USER))
        return self.open_template_editor(replace(current, id="", name=name, source="", path=""))

    def save_as_template(self) -> None:
        from editor.ui.dialogs.save_as_template import SaveAsTemplateDialog

        context = self._context
        saved, accepted = SaveAsTemplateDialog.get_data(
            self._window, self._session.release, context.paths, context.settings.organisation_folder
        )
        if accepted and saved is not None:
            self._library_changed()
            self.status.emit(self.tr("Saved the template “{name}”").format(name=saved.name))

    def manage_templates(self) -> QWidget | None:
        """The template manager, listing the library read now; the first one of the session
        opens once the library is read on a worker (``library_reads``), and lists what that
        read. None while this window is reading it already."""
        from editor.ui.flows.library_reads import read_library
        from editor.ui.windows.template_manager import TemplateManager

        manager = self._open_tool(TemplateManager)
        if manager is not None:
            manager.reload()
            return manager
        context = self._context
        library = read_library(self._window, context)
        if library is None:
            return None
        manager = TemplateManager(context.paths, context.settings, context.levels(), None, library)
        manager.library_changed.connect(self._library_changed)
        return self._keep(manager)

    def import_template(self) -> None:
        from editor.ui.windows.template_manager import TemplateManager

        manager = self.manage_templates()
        if not isinstance(manager, TemplateManager):  # still being read for this window
            return
        template = manager.import_file()
        if template is not None:
            self.status.emit(self.tr("Imported the template “{name}”").format(name=template.name))

    def contact_book(self) -> QWidget:
        from editor.ui.windows.contact_book import ContactBookWindow

        window = self._open_tool(ContactBookWindow)
        if window is None:
            window = self._keep(ContactBookWindow(self._context.paths.contacts_file))
        return window

    def add_contact(self, contact: Contact) -> Contact | None:
        """Add to contact book, from a contact field of the form."""
        from editor.ui.windows.contact_book import ContactBookWindow, add_to_contact_book

        path = self._context.paths.contacts_file
        stored = add_to_contact_book(self._window, path, contact, self.status.emit)
        if stored is not None:
            for tool in self._context.tools:
                if isinstance(tool, ContactBookWindow):
                    tool.reload()
        return stored

    def level_sets(self) -> None:
        from editor.ui.dialogs.level_sets_dialog import LevelSetsDialog

        context = self._context
        dialog = LevelSetsDialog(context.paths, context.library(), context.language, self._window)
        changed: list[bool] = []
        dialog.changed.connect(lambda: changed.append(True))
        dialog.exec()
        dialog.deleteLater()
        if changed:
            context.level_sets_edited()
