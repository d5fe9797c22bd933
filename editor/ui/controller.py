"""The release open in one window: its values, its file, whether it has unsaved changes.

While the user types, the form is the source of truth. An edit only marks the release stale
and modified (cheap: it runs on every keystroke); the values are read from the form once, when
someone needs the release (the preview, autosave, save).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from editor.model.release import RELEASE_SUFFIX, Release
from editor.model.template import Template
from editor.storage.releases import save_release

ValuesSource = Callable[[], dict[str, Any]]


class DocumentController(QObject):
    replaced = Signal()  # another release was loaded: the form must be rebuilt
    edited = Signal()  # the user changed a value
    modified_changed = Signal(bool)
    path_changed = Signal(str)
    saved = Signal(str)  # the path written

    def __init__(self, release: Release, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._release = release
        self._path = ""
        self._modified = False
        self._stale = False
        self._values_source: ValuesSource | None = None

    def bind_values(self, source: ValuesSource | None) -> None:
        """Where the current values come from (the form's ``values``). They are read from it at
        the next use, so the preview shows what the form shows (a required date the form fills
        with today, say) without the release counting as modified."""
        self._values_source = source
        self._stale = source is not None

    @property
    def release(self) -> Release:
        """The release with the values as they stand now."""
        if self._stale and self._values_source is not None:
            self._release = self._release.with_values(self._values_source())
        self._stale = False
        return self._release

    @property
    def template(self) -> Template:
        return self._release.template

    def values(self) -> dict[str, Any]:
        return self.release.values

    @property
    def path(self) -> str:
        return self._path

    @property
    def is_modified(self) -> bool:
        return self._modified

    def display_name(self, untitled: str) -> str:
        """The file name, or ``untitled`` plus the release suffix for a release never saved."""
        return Path(self._path).name if self._path else untitled + RELEASE_SUFFIX

    def note_edit(self) -> None:
        self._stale = True
        self._set_modified(True)
        self.edited.emit()

    def set_embargo(self, embargo: datetime | None) -> None:
        """A new embargo (None: none) is an edit like any other: modified, autosaved."""
        if embargo == self._release.embargo:
            return
        self._release = self.release.with_embargo(embargo)
        self.note_edit()

    def load(self, release: Release, path: str = "", modified: bool = False) -> None:
        self._release = release
        self._stale = False
        self._set_path(os.path.abspath(path) if path else "")
        self.replaced.emit()
        self._set_modified(modified, force=True)

    def save(self, path: str = "") -> str:
        """Write the release (atomically) to ``path`` or its own file; StorageError on failure,
        in which case the release stays modified and nothing on disk changed."""
        target = os.path.abspath(path or self._path)
        if not target:
            raise ValueError("a release never saved needs a path")
        save_release(self.release, target)
        self._set_path(target)
        self._set_modified(False)
        self.saved.emit(target)
        return target

    def _set_path(self, path: str) -> None:
        if path != self._path:
            self._path = path
            self.path_changed.emit(path)

    def _set_modified(self, modified: bool, force: bool = False) -> None:
        if modified != self._modified or force:
            self._modified = modified
            self.modified_changed.emit(modified)
