"""Long work (an export of a long release: PDF, DOCX, the file written and synced) on a worker
thread, while the window keeps painting and its timers keep running.

``run_in_worker`` returns only once the work is done, so a flow reads as straight code (the
export dialog's loop stays a loop); meanwhile a local event loop runs, and a busy progress
dialog, modal to the window, appears if the work takes longer than a moment (the flow itself
refuses to start a second export meanwhile). An exception of the work is raised
again in the caller's thread, for the flow to show translated as before.

While the work runs, the window it was started from refuses to close (in the moment before the
progress dialog appears, the window still takes clicks and shortcuts, and a flow must not go on
over a destroyed window); a close asked for meanwhile is carried out once the work is done.

The work must not touch widgets: it is given plain data (an immutable rendered document,
options) and returns bytes. Work that holds the GIL for long stretches in C++ still stops the GUI
thread from here (it needs the GIL for every Python slot and event filter): Qt's layout of a PDF
is such work, so the worker hands it to a child process (``editor.render.pdf_process``) and
waits for its answer, which holds no GIL.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar, cast

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QThread, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from editor.ui.gc_guard import before_a_worker_starts

T = TypeVar("T")

PROGRESS_DELAY_MS = 250  # shorter work finishes without a dialog flashing up
PROGRESS_UPDATE_MS = 100  # how often the dialog shows how far work that says so has come


class Progress:
    """How far work on a worker has come, as it says (``progress(done, total)``, from any
    thread); ``run_in_worker`` shows it in its dialog's bar, which is busy until then."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = (0, 0)

    def __call__(self, done: int, total: int) -> None:
        with self._lock:
            self._state = (done, total)

    def state(self) -> tuple[int, int]:
        with self._lock:
            return self._state


class _Worker(QThread):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self._work = work
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._work()
        except BaseException as error:  # raised again on the GUI thread
            self.error = error


class _CloseGuard(QObject):
    """Holds back the close of a window (and the app's quit) while work runs on its behalf."""

    def __init__(self, window: QWidget | None) -> None:
        super().__init__()
        self._window = window
        self.wanted = False
        if window is not None:
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            event.ignore()
            self.wanted = True
            return True
        return False

    def release(self) -> None:
        """Stop holding back; a close asked for meanwhile happens in the next turn (after the
        flow that ran the work has finished with the window)."""
        window = self._window
        if window is None or not isValid(window):
            return
        window.removeEventFilter(self)
        if self.wanted:
            QTimer.singleShot(0, window, window.close)


@contextmanager
def close_held(widget: QWidget | None) -> Iterator[None]:
    """While the block runs, the window of ``widget`` does not close; a close asked for
    meanwhile is carried out after it. For flows that go on using their window after work or
    a dialog (held again inside, as ``run_in_worker`` does, it is released by the outermost)."""
    guard = _CloseGuard(widget.window() if widget is not None else None)
    try:
        yield
    finally:
        guard.release()


def run_in_worker(
    parent: QWidget | None,
    label: str,
    work: Callable[[], T],
    progress_of: Progress | None = None,
) -> T:
    """``work()`` on a worker thread; its result, or its exception raised here. ``progress_of``:
    what the work tells of how far it has come."""
    worker = _Worker(work)
    loop = QEventLoop()
    worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)  # a file half made is never left: it runs to its end
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.hide()
    shower = QTimer()
    shower.setSingleShot(True)
    shower.timeout.connect(progress.show)
    shower.start(PROGRESS_DELAY_MS)
    updater = QTimer()
    if progress_of is not None:
        updater.timeout.connect(lambda: _show_progress(progress, progress_of))
        updater.start(PROGRESS_UPDATE_MS)
    with close_held(parent):
        before_a_worker_starts()
        worker.start()
        try:
            loop.exec()  # until the worker's finished signal, queued to this thread, arrives
            worker.wait()
        finally:
            shower.stop()
            updater.stop()
            progress.close()
            progress.deleteLater()
    if worker.error is not None:
        raise worker.error
    return cast(T, worker.result)


def _show_progress(dialog: QProgressDialog, progress: Progress) -> None:
    done, total = progress.state()
    if total > 0:
        dialog.setMaximum(total)
        dialog.setValue(min(done, total))
