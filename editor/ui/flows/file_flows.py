"""What File > New, Open, Save and Save As do, prompts included (Export: ``export_flow``).

Every message goes through ``messages`` and every file chooser through ``file_dialogs``, so
tests drive these flows without a modal dialog in the way. The dialogs are imported when first
used: start-up only builds what the first window shows.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QWidget

from editor.errors import PressklarError
from editor.model.level_choice import settle_release
from editor.model.release import RELEASE_SUFFIX, Release
from editor.storage.filenames import safe_stem
from editor.storage.locks import Owner
from editor.storage.releases import load_release
from editor.storage.settings import Settings
from editor.ui.autosave import AutosaveScheduler
from editor.ui.context import AppContext
from editor.ui.dialogs import file_dialogs, messages
from editor.ui.session import ReleaseSession, describe_open_elsewhere

STATUS_MS = 8000


def documents_folder() -> str:
    return QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or os.path.expanduser("~")


def open_claimed(
    window: QWidget, session: ReleaseSession, release: Release, path: str, modified: bool = False
) -> bool:
    """Load ``release`` from ``path`` into ``session``, marked as open in this window. When
    another window or officer has it open, say who and offer it read only or as a copy; False
    when the user cancels."""
    from editor.storage.releases import claim_release

    try:
        lock, owner = claim_release(path)
    except PressklarError:  # a folder where no mark can be made: open it as before
        session.load(release, path, modified)
        return True
    if lock is not None:
        session.load(release, path, modified, lock=lock)
        return True
    translate = QCoreApplication.translate
    choice = messages.choose(
        window,
        translate("FileFlows", "The release is open elsewhere"),
        describe_open_elsewhere(os.path.basename(path), owner),
        [translate("FileFlows", "Open &read only"), translate("FileFlows", "Open a &copy")],
        details=translate(
            "FileFlows",
            "Read only: you can read and export it; Save asks for another file."
            " A copy: a new release with the same text, not yet saved.",
        ),
    )
    if choice == 0:
        session.load(release, path, modified, open_elsewhere=owner or Owner.me())
    elif choice == 1:
        session.load(replace(release, id=uuid.uuid4().hex), "", modified=True)
    return choice in (0, 1)


class FileFlows(QObject):
    status = Signal(str)  # a short message for the status bar

    def __init__(
        self,
        window: QWidget,
        context: AppContext,
        session: ReleaseSession,
        autosave: AutosaveScheduler,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._session = session
        self._autosave = autosave

    @property
    def _settings(self) -> Settings:
        return self._context.settings

    def keep_or_discard_changes(self) -> bool:
        """Ask about unsaved changes; False when the user cancels (or saving failed)."""
        if not self._session.is_modified:
            return True
        answer = messages.ask_save_changes(
            self._window, self._session.display_name(self.tr("Untitled"))
        )
        if answer == messages.Button.Save:
            return self.save()
        if answer == messages.Button.Discard:
            self._autosave.discard()
            return True
        return False

    def new_release(self) -> None:
        from editor.ui.dialogs.template_picker import TemplatePicker, load_chosen
        from editor.ui.flows.library_reads import list_for_picker

        listing = list_for_picker(self._window, self._context)
        if listing is None:  # listing for this window already
            return
        key, accepted = TemplatePicker.get_data(
            self._window, listing, self._settings.last_template, self._context.language
        )
        entry = load_chosen(self._window, listing, key) if accepted else None
        if entry is None or entry.template is None or not self.keep_or_discard_changes():
            return
        self._settings.last_template = entry.key
        self._context.save_settings_quietly()
        self._session.load(self._context.new_release(entry.template))

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
        release, notes = settle_release(release, self._context.levels())
        if notes:
            title = self.tr("The release’s level set")
            messages.info(self._window, title, "\n".join(n.text() for n in notes))
        opened = open_claimed(self._window, self._session, release, path)
        if opened:
            self._settings.last_open_folder = os.path.dirname(os.path.abspath(path))
            self._remember(path)
        return opened

    def save(self) -> bool:
        if not self._session.path or self._session.read_only:
            return self.save_as()
        return self._save_to(self._session.path)

    def save_as(self) -> bool:
        suggested = self._session.path or os.path.join(
            self._settings.last_open_folder or documents_folder(),
            safe_stem(self._headline(), self.tr("Release")) + RELEASE_SUFFIX,
        )
        path = file_dialogs.ask_save_release(self._window, suggested)
        if path and not path.endswith(RELEASE_SUFFIX):
            path += RELEASE_SUFFIX
        return bool(path) and self._save_to(path)

    def _save_to(self, path: str) -> bool:
        try:
            saved = self._session.save(path)
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
        from editor.ui.flows.incident_flow import log_action

        log_action(self._context, self._session, "save", "", saved)
        return True

    def _headline(self) -> str:
        return self._session.headline

    def _remember(self, path: str) -> None:
        self._settings.add_recent(path)
        self._context.save_settings_quietly()

    def clear_recent(self) -> None:
        self._settings.recent_files = []
        self._context.save_settings_quietly()

    def apply_settings(self, settings: Settings) -> None:
        """The settings from the Settings dialog, for every window at once."""
        language_changed = settings.ui_language != self._settings.ui_language
        try:
            self._context.apply_settings(settings)
        except PressklarError as problem:
            messages.error(self._window, self.tr("Could not save the settings"), problem.text())
        if language_changed:
            messages.info(
                self._window,
                self.tr("Language"),
                self.tr("The new language is used the next time you start Pressklar."),
            )
