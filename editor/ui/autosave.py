"""Autosave on a timer, written off the GUI thread.

The first edit after a write starts a single-shot timer; further edits do not restart it, so
a user typing without pause is still saved every few seconds, and nothing typed more than
one delay before a crash is lost. The write itself (JSON, fsync, rename) runs in one worker
thread, in order, so no keystroke ever waits for the disk.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from editor.errors import PressklarError
from editor.model.release import Release
from editor.storage.autosave import Autosaver, AutosaveSlot, Recoverable
from editor.ui.gc_guard import before_a_worker_starts
from editor.ui.session import ReleaseSession

if TYPE_CHECKING:  # the worker starts with the first write, after start-up
    from concurrent.futures import Future, ThreadPoolExecutor


class AutosaveScheduler(QObject):
    failed = Signal(str)  # a message for the status bar; emitted from the worker thread

    def __init__(
        self,
        session: ReleaseSession,
        autosaver: Autosaver,
        delay_seconds: float,
        title: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._autosaver = autosaver
        self._title = title
        self._worker: ThreadPoolExecutor | None = None  # started with the first write
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self.set_delay(delay_seconds)
        self._timer.timeout.connect(self.write_now)
        session.edited.connect(self._on_edit)
        self._slot = autosaver.new_slot()
        session.replaced.connect(self._new_slot)

    def _executor(self) -> ThreadPoolExecutor:
        """The one writer thread, in order: made when first needed."""
        if self._worker is None:
            from concurrent.futures import ThreadPoolExecutor

            before_a_worker_starts()
            self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        return self._worker

    def set_delay(self, seconds: float) -> None:
        self._timer.setInterval(max(200, int(seconds * 1000)))

    def _on_edit(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def write_now(self) -> Future[None] | None:
        """Write the current state if it has unsaved changes (in the worker thread)."""
        self._timer.stop()
        if not self._session.is_modified:
            return None
        slot, release = self._slot, self._session.release
        return self._executor().submit(self._save, slot, release, self._session.path, self._title())

    def _save(self, slot: AutosaveSlot, release: Release, path: str, title: str) -> None:
        try:
            slot.save(release, path, title)
        except PressklarError as problem:
            self.failed.emit(problem.text())

    def discard(self) -> Future[None]:
        """Forget this window's autosave (saved, or closed without keeping changes)."""
        self._timer.stop()
        return self._executor().submit(self._slot.discard)

    def _new_slot(self) -> None:
        """Another release in this window is another editing session: the last one's autosave
        was saved or discarded before (the window asked), so let it go."""
        self._timer.stop()
        old, self._slot = self._slot, self._autosaver.new_slot()
        if self._worker is not None:  # else nothing was ever written: no file, no lock
            self._worker.submit(old.discard)

    def adopt(self, recovered: Recoverable) -> Future[None] | None:
        """A recovered autosave now belongs to this window: write it as this window's own,
        then remove the file it came from."""
        written = self.write_now()
        self._executor().submit(self._autosaver.remove, recovered)
        return written

    def close(self) -> None:
        """Finish pending writes and let go of the lock; call when the window closes."""
        self._timer.stop()
        if self._worker is not None:  # else nothing was ever written: no lock to let go
            self._worker.submit(self._slot.close)
            self._worker.shutdown(wait=True)
