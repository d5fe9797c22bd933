"""Long work (an export of a long release: PDF, DOCX, the file written and synced) on a worker
thread, while the window keeps painting and its timers keep running.

``run_in_worker`` returns only once the work is done, so a flow reads as straight code (the
export dialog's loop stays a loop); meanwhile a local event loop runs, and a busy progress
dialog, modal to the window, appears if the work takes longer than a moment (the flow itself
refuses to start a second export meanwhile). An exception of the work is raised
again in the caller's thread, for the flow to show translated as before.

The work must not touch widgets: it is given plain data (an immutable rendered document,
options) and returns bytes. Qt's text layout and PDF writer are reentrant, so the PDF is made
on the worker too (on its own QTextDocument and QPdfWriter).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

from PySide6.QtCore import QEventLoop, Qt, QThread, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")

PROGRESS_DELAY_MS = 250  # shorter work finishes without a dialog flashing up


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


def run_in_worker(parent: QWidget | None, label: str, work: Callable[[], T]) -> T:
    """``work()`` on a worker thread; its result, or its exception raised here."""
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
    worker.start()
    loop.exec()  # until the worker's finished signal, queued to this thread, arrives
    worker.wait()
    shower.stop()
    progress.close()
    progress.deleteLater()
    if worker.error is not None:
        raise worker.error
    return cast(T, worker.result)
