"""Python's cyclic garbage collector runs on the GUI thread only.

The collector runs in whichever thread happens to allocate when its threshold is reached. When
that is a worker (an export, the checks, the warm-up), it may destroy a cycle that holds Qt
widgets, off the thread that owns them, and Qt crashes. So once a worker thread is about to
start, automatic collection is switched off and a timer on the GUI thread collects instead,
whenever the collector's own first-generation threshold has been reached. Reference counting,
which frees nearly everything, is not affected.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer
from shiboken6 import isValid

INTERVAL_MS = 500  # how often the GUI thread looks at the collector's counts


class _Collector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> None:
        threshold = gc.get_threshold()[0]
        first, second, third = gc.get_count()
        if first > threshold:
            gc.collect(0)
            if second > gc.get_threshold()[1]:
                gc.collect(1)
                if third > gc.get_threshold()[2]:
                    gc.collect(2)


_collector: _Collector | None = None


def collect_on_gui_thread() -> None:
    """Before a worker thread starts: from now on the GUI thread alone collects cycles. Called
    on the GUI thread; does nothing without an application or when already in place."""
    global _collector
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() != app.thread():
        return
    if _collector is None or not isValid(_collector):
        _collector = _Collector(app)
    gc.disable()
