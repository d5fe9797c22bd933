"""Autosave on a timer, written off the GUI thread.

The first edit after a write starts a single-shot timer; further edits do not restart it, so
a user typing without pause is still saved every few seconds, and nothing typed more than
one delay before a crash is lost. The write itself (JSON, fsync, rename) runs in one worker
thread, in order, so no keystroke ever waits for the disk.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, QTimer, Signal

from editor.errors import PressklarError
from editor.model.release import Release
from editor.storage.autosave import Autosaver
from editor.ui.controller import DocumentController


class AutosaveScheduler(QObject):
    failed = Signal(str)  # a message for the status bar; emitted from the worker thread

    def __init__(
        self,
        controller: DocumentController,
        autosaver: Autosaver,
        delay_seconds: float,
        title: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._autosaver = autosaver
        self._title = title
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self.set_delay(delay_seconds)
        self._timer.timeout.connect(self.write_now)
        controller.edited.connect(self._on_edit)
        self._written: Release | None = None  # the release the last autosave file belongs to

    def set_delay(self, seconds: float) -> None:
        self._timer.setInterval(max(200, int(seconds * 1000)))

    def _on_edit(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def write_now(self) -> Future[None] | None:
        """Write the current state if it has unsaved changes (in the worker thread)."""
        self._timer.stop()
        if not self._controller.is_modified:
            return None
        release = self._controller.release
        self._written = release
        return self._executor.submit(self._save, release, self._controller.path, self._title())

    def _save(self, release: Release, path: str, title: str) -> None:
        try:
            self._autosaver.save(release, path, title)
        except PressklarError as problem:
            self.failed.emit(problem.text())

    def discard(self) -> Future[None]:
        """Forget the autosave of the release (saved, or closed without keeping changes)."""
        self._timer.stop()
        release = self._written or self._controller.release
        self._written = None
        return self._executor.submit(self._autosaver.discard, release)

    def close(self) -> None:
        """Finish pending writes; call when the window closes."""
        self._timer.stop()
        self._executor.shutdown(wait=True)
