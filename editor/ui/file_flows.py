"""What File > New, Open, Save and Save As do, prompts included (Export: ``export_flow``).

Every message goes through ``messages`` and every file chooser through ``file_dialogs``, so
tests drive these flows without a modal dialog in the way. The dialogs are imported when first
used: start-up only builds what the first window shows.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QWidget

from editor.errors import PressklarError
from editor.model.release import RELEASE_SUFFIX, Release
from editor.storage.releases import load_release
from editor.storage.settings import Settings
from editor.ui import file_dialogs, messages
from editor.ui.autosave import AutosaveScheduler
from editor.ui.context import AppContext
from editor.ui.controller import DocumentController
from editor.ui.filenames import safe_stem
from editor.ui.preview import PreviewPane

Button = messages.Button
STATUS_MS = 8000


def documents_folder() -> str:
    return QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or os.path.expanduser("~")


class FileFlows(QObject):
    status = Signal(str)  # a short message for the status bar

    def __init__(
        self,
        window: QWidget,
        context: AppContext,
        controller: DocumentController,
        preview: PreviewPane,
        autosave: AutosaveScheduler,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._controller = controller
        self._preview = preview
        self._autosave = autosave

    @property
    def _settings(self) -> Settings:
        return self._context.settings

    def keep_or_discard_changes(self) -> bool:
        """Ask about unsaved changes; False when the user cancels (or saving failed)."""
        if not self._controller.is_modified:
            return True
        answer = messages.ask_save_changes(
            self._window, self._controller.display_name(self.tr("Untitled"))
        )
        if answer == Button.Save:
            return self.save()
        if answer == Button.Discard:
            self._autosave.discard()
            return True
        return False

    def new_release(self) -> None:
        from editor.ui.template_picker import TemplatePicker

        library = self._context.library(reload=True)
        key, accepted = TemplatePicker.get_data(
            self._window, library, self._settings.last_template, self._context.language
        )
        entry = library.find(key) if accepted else None
        if entry is None or entry.template is None or not self.keep_or_discard_changes():
            return
        self._settings.last_template = entry.key
        self._context.save_settings_quietly()
        self._controller.load(Release.new(entry.template))

    def open_release(self, path: str = "") -> bool:
        if not path:
            folder = self._settings.last_open_folder or documents_folder()
            path = file_dialogs.ask_open_release(self._window, folder)
            if not path:
                return False
        try:
            release = load_release(path)
        except PressklarError as problem:
            messages.error(self._window, self.tr("Could not open the release"), problem.text())
            if not os.path.exists(path) and os.path.abspath(path) in self._settings.recent_files:
                self._settings.recent_files.remove(os.path.abspath(path))
                self._context.save_settings_quietly()
            return False
        if not self.keep_or_discard_changes():
            return False
        self._controller.load(release, path)
        self._settings.last_open_folder = os.path.dirname(os.path.abspath(path))
        self._remember(path)
        return True

    def save(self) -> bool:
        if not self._controller.path:
            return self.save_as()
        return self._save_to(self._controller.path)

    def save_as(self) -> bool:
        suggested = self._controller.path or os.path.join(
            self._settings.last_open_folder or documents_folder(),
            safe_stem(self._headline(), self.tr("Release")) + RELEASE_SUFFIX,
        )
        path = file_dialogs.ask_save_release(self._window, suggested)
        if path and not path.endswith(RELEASE_SUFFIX):
            path += RELEASE_SUFFIX
        return bool(path) and self._save_to(path)

    def _save_to(self, path: str) -> bool:
        try:
            saved = self._controller.save(path)
        except PressklarError as problem:
            messages.error(
                self._window,
                self.tr("Could not save the release"),
                problem.text(),
                self.tr("Your text is still here. Try another folder with Save As."),
            )
            return False
        self._autosave.discard()
        self._settings.last_open_folder = os.path.dirname(saved)
        self._remember(saved)
        self.status.emit(self.tr("Saved {path}").format(path=saved))
        return True

    def _headline(self) -> str:
        doc = self._preview.document
        return doc.title if doc is not None else ""

    def _remember(self, path: str) -> None:
        self._settings.add_recent(path)
        self._context.save_settings_quietly()

    def clear_recent(self) -> None:
        self._settings.recent_files = []
        self._context.save_settings_quietly()

    def apply_settings(self, settings: Settings) -> None:
        language_changed = settings.ui_language != self._settings.ui_language
        self._context.settings = settings
        try:
            self._context.save_settings()
        except PressklarError as problem:
            messages.error(self._window, self.tr("Could not save the settings"), problem.text())
        if language_changed:
            messages.info(
                self._window,
                self.tr("Language"),
                self.tr("The new language is used the next time you start Pressklar."),
            )
