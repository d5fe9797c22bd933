"""What every window of one running app shares: user folders, settings, the template library,
the level sets, the contact book, and the signals that tell every window when one changed.

Passed into each window (no globals), so tests build one around a temporary folder. The
settings are one object that every window and tool holds: ``apply_settings`` changes it in
place and ``events.settings_changed`` tells them all at once.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from editor.model.contacts import Contact
from editor.model.fields import FieldType
from editor.model.level_choice import starting_level_set, with_level_set
from editor.model.levels import LevelSetRegistry
from editor.model.release import ORGANISATION_FIELD, Release
from editor.model.template import Template
from editor.storage.autosave import Autosaver
from editor.storage.contacts import load_contact_book
from editor.storage.level_sets import level_registry
from editor.storage.library import Library, load_library
from editor.storage.paths import Paths, user_paths
from editor.storage.settings import Settings, SettingsStore
from editor.storage.template_index import Listing, list_library
from editor.ui.spelling import SpellingService

if TYPE_CHECKING:  # started at the first PDF, not at start-up
    from editor.render.pdf_process import PdfHelper


class AppEvents(QObject):
    """What changed for every open window."""

    settings_changed = Signal(object)  # the Settings (the same object, changed in place)
    levels_changed = Signal()  # the user's level sets were edited
    library_changed = Signal()  # a template was added, changed or removed


@dataclass
class AppContext:
    paths: Paths
    store: SettingsStore
    language: str = "en"
    events: AppEvents = field(default_factory=AppEvents)
    windows: list[QWidget] = field(default_factory=list)  # open top-level windows, kept alive
    tools: list[QWidget] = field(default_factory=list)  # template editors, contact book...
    _library: Library | None = None
    _levels: LevelSetRegistry | None = None
    _contacts: tuple[tuple[int, int] | None, list[Contact]] | None = None
    _spelling: SpellingService | None = None
    _pdf_helper: PdfHelper | None = None

    @classmethod
    def load(cls, language: str = "en") -> AppContext:
        paths = user_paths()
        return cls(paths, SettingsStore(paths.settings_file), language)

    def spelling(self) -> SpellingService:
        """The app's one spelling service: dictionaries loaded once, the user's words shared."""
        if self._spelling is None:
            self._spelling = SpellingService(self.paths.dictionary_file)
        return self._spelling

    def pdf_helper(self) -> PdfHelper:
        """The app's one PDF helper: the child process that lays out PDFs (so no layout holds
        the GUI thread), started at the first PDF and kept for the next ones."""
        if self._pdf_helper is None:
            from editor.render.pdf_process import PdfHelper

            self._pdf_helper = PdfHelper()
            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(self.close_pdf_helper)
        return self._pdf_helper

    def close_pdf_helper(self) -> None:
        """End the PDF helper's process, if one was started (the next PDF starts another)."""
        if self._pdf_helper is not None:
            self._pdf_helper.close()

    @property
    def settings(self) -> Settings:
        """The one settings object of the app: every window and tool holds this one."""
        return self.store.settings

    @property
    def settings_warning(self) -> str:
        """What was wrong with the settings file at start, in the UI language ("" when
        nothing was)."""
        return "\n".join(note.text() for note in self.store.notes)

    def apply_settings(self, settings: Settings) -> None:
        """Make ``settings`` the settings of every window, then write them; StorageError when
        they cannot be written (they still apply for as long as the app runs)."""
        self.settings.update_from(settings)
        self.events.settings_changed.emit(self.settings)
        self.save_settings()

    def new_release(self, template: Template) -> Release:
        """A new release of ``template``, with what the settings say about the organisation
        filled in (its name), so a new release does not start with a field the office has
        already told Pressklar."""
        set_id = starting_level_set(template, self.settings.default_level_set)
        release = Release.new(with_level_set(template, {}, set_id, self.levels())[0])
        name = self.settings.organisation_name.strip()
        keys = {f.key for f in template.fields if f.type == FieldType.TEXT}
        if name and ORGANISATION_FIELD in keys and not release.values.get(ORGANISATION_FIELD):
            release = release.with_values({**release.values, ORGANISATION_FIELD: name})
        return release

    def save_settings(self) -> None:
        """Write what this app changed, merged onto the file (another instance may have
        written it since); StorageError when it cannot be written. Values taken in from the
        file reach every window."""
        if self.store.save():
            self.events.settings_changed.emit(self.settings)

    def save_settings_quietly(self) -> None:
        """For settings saved in passing (window size, recent files): a failure is not worth a
        dialog, the next save tries again."""
        from editor.errors import StorageError

        try:
            self.save_settings()
        except StorageError as problem:
            print(f"pressklar: {problem}", file=sys.stderr)

    def library(self, reload: bool = False) -> Library:
        """The template library, read (TOML only) on first use and when asked to reload."""
        if self._library is None or reload:
            self._library = load_library(
                self.paths.templates,
                self.settings.organisation_folder,
                cache_file=self.paths.template_cache,
            )
        return self._library

    def template_listing(self) -> Listing:
        """The library as the New dialog lists it, read now from the listing index (the
        templates themselves are read when one is chosen)."""
        return list_library(
            self.paths.templates,
            self.settings.organisation_folder,
            index_file=self.paths.template_index,
        )

    def levels(self, reload: bool = False) -> LevelSetRegistry:
        """The built-in level sets and the user's own, read once (and when asked to reload)."""
        if self._levels is None or reload:
            self._levels = level_registry(self.paths)
        return self._levels

    def level_sets_edited(self) -> None:
        """Read the level sets again and tell every window."""
        self.levels(reload=True)
        self.events.levels_changed.emit()

    def templates_edited(self) -> None:
        """Read the template library again and tell every window."""
        self.library(reload=True)
        self.events.library_changed.emit()

    def contacts(self) -> list[Contact]:
        """The contact book as it is on disk now; read when the form's picker asks (never at
        start-up), and again only when the file has changed: until then the same list, which
        callers must not change. A damaged book is kept aside by the store, which says so."""
        try:
            stamp = self.paths.contacts_file.stat()
            key = (stamp.st_mtime_ns, stamp.st_size)
        except OSError:
            key = None
        if self._contacts is None or self._contacts[0] != key:
            book, warning = load_contact_book(self.paths.contacts_file)
            if warning:  # told once: the damaged file has been moved aside now
                QTimer.singleShot(0, lambda: _warn_contact_book(warning))
            self._contacts = (key, book.contacts)
        return self._contacts[1]

    def autosaver(self) -> Autosaver:
        return Autosaver(self.paths.autosave)


def _warn_contact_book(warning: str) -> None:
    from editor.ui.dialogs import messages

    messages.warn(None, QCoreApplication.translate("ContactBookWindow", "Contact book"), warning)
