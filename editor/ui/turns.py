"""One slice of deferred work in each turn of the GUI thread's event loop.

After a release is opened the window does three kinds of work in slices from zero-timers: the
form's later rows, the underlines of a long field and the preview's later parts. Each slice is
short, but Qt runs every due timer and posted call in the same turn, so one slice of each came
after the other, and with the paint that followed a turn froze the window for 50-70 ms. A slice
that finds another one ended a moment ago (in this turn) waits for a later turn; the form's rows
never wait (what is shown first comes first), so the others go on once the form is built.
"""

from __future__ import annotations

import time

_SAME_TURN_SECONDS = 0.002  # a slice that ended this recently ran in the same turn
# Work that must come after the paint a change just asked for goes on a timer of this many
# milliseconds, not a zero-timer: Qt runs zero-timers with the posted events, the paint's
# among them, all in one pass of the event loop.
AFTER_PAINT_MS = 1
_last_end = float("-inf")


def slice_done() -> None:
    """A slice of deferred work has just ended."""
    global _last_end
    _last_end = time.perf_counter()


def my_turn() -> bool:
    """True unless another slice of deferred work has just run (in this turn, as far as one
    can tell): the caller's slice waits for a later turn then."""
    return time.perf_counter() - _last_end >= _SAME_TURN_SECONDS
