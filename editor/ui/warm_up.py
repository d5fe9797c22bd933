"""After the first paint: the modules the first export and the first save need, imported on a
background thread, so that the first File > Export does not import them on the GUI thread.

python-docx (with lxml), portalocker (the settings and the incident log are written under a
lock), the writer classes (the export dialog lists them; the e-mail writer brings Python's
``email`` package) and the incident log cost 150-250 ms together the first time. Then the
contact book is read (``_read_contact_book``). An import runs its module's code holding the GIL
only in short slices, so the window goes on painting while this thread works
(``bench/freeze.py`` shows it); an import the GUI thread starts meanwhile waits for the module,
never for a second copy of it. What this thread makes stays for the session and is kept out of
later collections (``gc_guard.making_long_lived``).
"""

from __future__ import annotations

import contextlib
import importlib
import threading

from editor.ui.gc_guard import collect_on_gui_thread, making_long_lived

MODULES = (
    "docx",
    "portalocker",
    "editor.render.writers.docx_build",
    "editor.storage.archive",
    "editor.storage.incidents",
)  # Qt-free: no Qt class is made off the GUI thread


def _import_all() -> None:
    with making_long_lived():  # the modules and the book stay: no collection scans them again
        from editor.render import writers

        writers.names()  # every writer class
        for name in MODULES:
            with contextlib.suppress(ImportError):  # the export that needs it says so, in words
                importlib.import_module(name)
        _read_contact_book()


def _read_contact_book() -> None:
    """The contact book read, sorted, folded for search and described for the pickers, for
    the first contact field entered or the book window (10,000 contacts: 250 ms)."""
    from editor.model.contacts import picker_line
    from editor.storage.contacts import read_ahead
    from editor.storage.paths import user_paths  # the app's: --home sets its variable

    for contact in read_ahead(user_paths().contacts_file):
        picker_line(contact)


def warm_up() -> threading.Thread:
    """Start importing; the thread (daemon: quitting never waits for it) is returned."""
    thread = threading.Thread(target=_import_all, name="warm-up", daemon=True)
    collect_on_gui_thread()
    thread.start()
    return thread
