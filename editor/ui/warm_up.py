"""After the first paint: the modules the first export and the first save need, imported on a
background thread, so that the first File > Export does not import them on the GUI thread.

python-docx (with lxml), portalocker (the settings and the incident log are written under a
lock), the writer classes (the export dialog lists them; the e-mail writer brings Python's
``email`` package) and the incident log cost 150-250 ms together the first time. Then the
contact book is read (``_read_contact_book``), and the template library listed
(``AppContext.template_listing``): its index brought up to date, so that the first New dialog
parses no template file on the GUI thread, even when a thousand are new since the last start
(``bench/templates.py``). An import runs its module's code holding the GIL only in short
slices, so the window goes on painting while this thread works (``bench/freeze.py`` shows
it); an import the GUI thread starts meanwhile waits for the module,
never for a second copy of it. What this thread makes stays for the session and is kept out of
later collections (``gc_guard.making_long_lived``).

The app starts it once the window's form has built its later rows (``WarmUpAfter``): while
this thread imports, the GUI thread has the GIL only every other slice, and each later row
took twice as long to build (gaps of 60-80 ms where 30 were the row's own).
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from editor.ui.gc_guard import before_a_worker_starts, making_long_lived

if TYPE_CHECKING:
    from editor.ui.context import AppContext
    from editor.ui.form.widget import FormWidget
    from editor.ui.windows.main_window import MainWindow

QUIET_MS = 200  # after the last row: its layout and paint, the first underlining slices
AT_THE_LATEST_MS = 3000  # after the first paint, however long the form takes (or if it goes)

MODULES = (
    "docx",
    "portalocker",
    "editor.render.writers.docx_build",
    "editor.storage.archive",
    "editor.storage.incidents",
)  # Qt-free: no Qt class is made off the GUI thread


def _import_all(listing: Callable[[], object] | None) -> None:
    with making_long_lived():  # the modules and the book stay: no collection scans them again
        from editor.render import writers

        writers.names()  # every writer class
        for name in MODULES:
            with contextlib.suppress(ImportError):  # the export that needs it says so, in words
                importlib.import_module(name)
        _read_contact_book()
        if listing is not None:
            _list_library(listing)


def _read_contact_book() -> None:
    """The contact book read, sorted, folded for search and described for the pickers, for
    the first contact field entered or the book window (10,000 contacts: 250 ms)."""
    from editor.model.contacts import picker_line
    from editor.storage.contacts import read_ahead
    from editor.storage.paths import user_paths  # the app's: --home sets its variable

    for contact in read_ahead(user_paths().contacts_file):
        picker_line(contact)


def _list_library(listing: Callable[[], object]) -> None:
    """The library listed once (``listing``: the context's ``template_listing``); a folder that
    cannot be read says so when the New dialog lists it, not here."""
    with contextlib.suppress(Exception):  # the New dialog lists it again, and says what fails
        listing()


def warm_up(listing: Callable[[], object] | None = None) -> threading.Thread:
    """Start importing (and listing the library with ``listing``); the thread (daemon:
    quitting never waits for it) is returned."""
    thread = threading.Thread(target=_import_all, args=(listing,), name="warm-up", daemon=True)
    before_a_worker_starts()
    thread.start()
    return thread


class WarmUpAfter(QObject):
    """Starts ``warm_up`` once (on the GUI thread) ``QUIET_MS`` after ``form`` has built its
    later rows (or at once when it has none to build, or there is none), and after
    ``AT_THE_LATEST_MS`` in any case (a form replaced by an opened release never completes).
    Started with the last row, the thread's imports took every other GIL slice while the GUI
    thread laid out and painted it: 70-90 ms gaps where 30 were the row's own."""

    def __init__(
        self,
        form: FormWidget | None,
        parent: QObject,
        listing: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker: threading.Thread | None = None
        self._listing = listing
        if form is None or form.is_complete():
            self._start_soon()
        else:
            form.completed.connect(self._start_soon)
        QTimer.singleShot(AT_THE_LATEST_MS, self, self.start)

    @classmethod
    def for_window(cls, window: MainWindow, context: AppContext) -> WarmUpAfter:
        """The app's, after its first window has painted: after that window's form, the
        library listed from ``context`` last."""
        return cls(window.form, window, context.template_listing)

    def _start_soon(self) -> None:
        QTimer.singleShot(QUIET_MS, self, self.start)

    def start(self) -> None:
        if self.worker is None:
            self.worker = warm_up(self._listing)

    def running(self) -> bool:
        """True until the warm-up has started and ended."""
        return self.worker is None or self.worker.is_alive()
