"""The template library read for a flow on a worker thread, the window painting meanwhile and a
progress dialog up if it takes more than a moment (``run_in_worker``).

Templates new since the last read are parsed (1,000 of them: 1.5 s), and a shared folder on a
slow network is looked at file by file: on the GUI thread, either froze the window. The first
read of the whole library in a process also unpickles its cache, 140 ms at 1,000 templates.

A read of the whole library makes what stays for the session (the templates, in the cache):
tens of thousands of objects, which the GUI thread's collector does not look at while the
worker makes them, and which are kept out of its later collections at the end
(``gc_guard.making_long_lived``). Seen by the collector, they froze the window for 30-110 ms
during and just after a read of 1,000 templates. The garbage there is is collected first, so
that none of it is frozen with them. A listing makes little that stays, and is left as it is.

A read the same window has under way is not started again (the command asked for a second
time in the moment before the progress dialog took the input): None then, and the flow stops.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from editor.storage.library import Library
    from editor.storage.template_index import Listing
    from editor.ui.context import AppContext

T = TypeVar("T")

_under_way: set[tuple[int, str]] = set()  # (window, what) being read


def _on_worker(
    parent: QWidget, what: str, label: str, work: Callable[[], T], *, long_lived: bool = False
) -> T | None:
    from editor.ui.flows.background import run_in_worker

    key = (id(parent.window()), what)
    if key in _under_way:
        return None
    _under_way.add(key)
    try:
        return run_in_worker(parent, label, _kept(work) if long_lived else work)
    finally:
        _under_way.discard(key)


def _kept(work: Callable[[], T]) -> Callable[[], T]:
    """``work`` whose objects are kept out of the collector's sight; the garbage there is now
    collected first (here, on the GUI thread), so that none of it is frozen with them."""
    import gc

    from editor.ui.gc_guard import making_long_lived

    gc.collect()

    def kept() -> T:
        with making_long_lived():
            return work()

    return kept


def list_for_picker(parent: QWidget, context: AppContext) -> Listing | None:
    """The library as the New dialog lists it (``AppContext.template_listing``)."""
    label = QCoreApplication.translate("LibraryReads", "Listing the templates…")
    return _on_worker(parent, "listing", label, context.template_listing)


def read_library(parent: QWidget, context: AppContext) -> Library | None:
    """The whole library read again (``AppContext.library(reload=True)``)."""
    label = QCoreApplication.translate("LibraryReads", "Reading the templates…")
    return _on_worker(parent, "library", label, partial(context.library, True), long_lived=True)
