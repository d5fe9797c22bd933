"""Qt's Python classes made ahead, a few a turn, after the first paint: before the window puts
its shortcut and wheel filters on the application, and before the form builds its later rows.

PySide makes a class's Python type (with its enums) when the class is first used. The first time
an object of a class it does not bind reaches Python (a text field's private text control, the
window's private window object, as every event does once those filters are on the
application), PySide makes the type of every QObject subclass it has not made yet, to find the
object's nearest bound class: 30-45 ms in one go. Made here beforehand, in slices of
``SLICE_SECONDS``, that moment costs nothing. The state is PySide's own, one per process, so
this module's is too.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Iterator

MODULES = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets")  # the app's Qt modules
SLICE_SECONDS = 0.004  # the longest a turn makes classes


def _names() -> Iterator[tuple[object, str]]:
    for name in MODULES:
        module = importlib.import_module(name)
        for attribute in dir(module):
            if attribute.startswith("Q"):
                yield module, attribute


_pending: Iterator[tuple[object, str]] | None = None
_done = False


def make_some(seconds: float = SLICE_SECONDS) -> bool:
    """Make classes for about ``seconds`` (a class at least); True once every class is made."""
    global _pending, _done
    if _done:
        return True
    if _pending is None:
        _pending = _names()
    deadline = time.perf_counter() + seconds
    for module, attribute in _pending:
        getattr(module, attribute)
        if time.perf_counter() >= deadline:
            return False
    _pending, _done = None, True
    return True
