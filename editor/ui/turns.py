"""One slice of deferred work in each turn of the GUI thread's event loop.

After a release is opened the window does its work in slices from timers: the form's later
rows, the underlines of a long field, the preview's first part (once the new form has painted)
and its later parts, the deletion of the form it replaced, and the collector's look at the
garbage (``editor.ui.gc_guard``). Each slice is short, but Qt runs every due timer and posted
call in the same turn, so one slice of each came after the other, and with the paint that
followed a turn froze the window for 50-110 ms. A slice that finds another one ended a moment
ago (in this turn) waits for a later turn. The form's rows come first in practice: the row that
ran posts the next one first.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QAbstractEventDispatcher

# Work that must come after the paint a change just asked for goes on a timer of this many
# milliseconds, not a zero-timer: Qt runs zero-timers with the posted events, the paint's
# among them, all in one pass of the event loop.
AFTER_PAINT_MS = 1
# Without an event dispatcher to count turns by: a slice that ended this recently ran in the
# same turn.
_SAME_TURN_SECONDS = 0.002


class _Turns:
    """The turns of the GUI thread's event loop, counted by its dispatcher's ``awake`` (once
    per pass: work posted during a pass runs in the next one)."""

    def __init__(self) -> None:
        self.count = 0
        self._dispatcher: QAbstractEventDispatcher | None = None

    def counting(self) -> bool:
        """True while the turns are counted (from the first call with a dispatcher on)."""
        dispatcher = QAbstractEventDispatcher.instance()
        if dispatcher is None:
            return False
        if dispatcher is not self._dispatcher:  # the first, or a new application's
            self._dispatcher = dispatcher
            dispatcher.awake.connect(self._next)
        return True

    def _next(self) -> None:
        self.count += 1


_turns = _Turns()
_last_turn = -1
_last_end = float("-inf")


def slice_done() -> None:
    """A slice of deferred work has just ended."""
    global _last_end, _last_turn
    _last_end = time.perf_counter()
    _last_turn = _turns.count if _turns.counting() else -1


def my_turn() -> bool:
    """True unless another slice of deferred work has run in this turn: the caller's slice
    waits for a later turn then."""
    if _last_turn >= 0 and _turns.counting():
        return _turns.count != _last_turn
    return time.perf_counter() - _last_end >= _SAME_TURN_SECONDS
