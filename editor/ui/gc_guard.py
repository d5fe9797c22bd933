"""Python's cyclic garbage collector runs on the GUI thread only.

The collector runs in whichever thread happens to allocate when its threshold is reached. When
that is a worker (an export, the checks, the warm-up), it may destroy a cycle that holds Qt
widgets, off the thread that owns them, and Qt crashes. So once a worker thread is about to
start, automatic collection is switched off and a timer on the GUI thread collects instead,
whenever the collector's own first-generation threshold has been reached. Reference counting,
which frees nearly everything, is not affected.

What the warm-up made on its thread (the modules of the first export, the contact book: 10,000
contacts are 40,000 objects) would then be scanned by the first collections on the GUI thread:
70-120 ms of frozen window. While ``making_long_lived`` runs (the warm-up), the GUI thread
does not collect; at its end everything made so far is moved out of the collector's sight
(``gc.freeze``), so a collection on the GUI thread looks only at what was made since. What is
frozen is still freed when nothing refers to it; only a cycle among those objects, if one
becomes garbage later, is never collected.

A worker also competes with the GUI thread for the GIL, and the GUI thread needs it for every
Python call Qt makes: each slot, each timer, and every event that passes the app's event
filters (the window's shortcuts and wheel guard see them all). A thread waiting for the GIL
gets it only after the switch interval (5 ms by default) while the other runs: a worker
replaying printed pages or importing modules made each of those calls wait 5 ms, several
times between two paints (30-120 ms frozen while a long release printed). So once a worker
may start, threads hand the GIL over every millisecond (``SWITCH_INTERVAL_S``).
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer
from shiboken6 import isValid

from editor.ui import turns

INTERVAL_MS = 500  # how often the GUI thread looks at the collector's counts
SWITCH_INTERVAL_S = 0.001  # the longest a thread waiting for the GIL waits while another runs
_long_lived_work = 0  # how many ``making_long_lived`` blocks run now


class _Collector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> None:
        if _long_lived_work:
            return  # it would scan what that work makes, only to find it all alive
        if not turns.my_turn():
            return  # another slice of deferred work ran in this turn: at the next look
        threshold = gc.get_threshold()[0]
        first, second, third = gc.get_count()
        if first > threshold:
            gc.collect(0)
            if second > gc.get_threshold()[1]:
                gc.collect(1)
                if third > gc.get_threshold()[2]:
                    gc.collect(2)
            turns.slice_done()  # a slice of its own (see editor.ui.turns)


_collector: _Collector | None = None


@contextlib.contextmanager
def making_long_lived() -> Iterator[None]:
    """For work (on any thread) that makes what stays for the whole session: the start-up's
    modules, the contact book. No collection runs meanwhile; at the end, everything made so
    far is kept out of every later collection. Freezing frees nothing, so it is safe on any
    thread."""
    global _long_lived_work
    _long_lived_work += 1
    try:
        yield
    finally:
        _long_lived_work -= 1
        gc.freeze()


def before_a_worker_starts() -> None:
    """Called (on the GUI thread) before a worker thread starts: from now on the GUI thread
    alone collects cycles, and waits at most ``SWITCH_INTERVAL_S`` for the GIL. Does nothing
    without an application or when already in place."""
    global _collector
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() != app.thread():
        return
    if _collector is None or not isValid(_collector):
        _collector = _Collector(app)
    gc.disable()
    sys.setswitchinterval(SWITCH_INTERVAL_S)
