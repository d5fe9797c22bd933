"""After the first paint: the modules the first export and the first save need, imported on a
background thread, so that the first File > Export does not import them on the GUI thread.

python-docx (with lxml), portalocker (the settings and the incident log are written under a
lock), the writer classes (the export dialog lists them; the e-mail writer brings Python's
``email`` package) and the incident log cost 150-250 ms together the first time. An import runs
its module's code holding the GIL only in short slices, so the window goes on painting while
this thread works (``bench/freeze.py`` shows it); an import the GUI thread starts meanwhile waits
for the module, never for a second copy of it.
"""

from __future__ import annotations

import contextlib
import importlib
import threading

from editor.ui.gc_guard import collect_on_gui_thread

MODULES = (
    "docx",
    "portalocker",
    "editor.render.writers.docx_build",
    "editor.storage.archive",
    "editor.storage.incidents",
)  # Qt-free: no Qt class is made off the GUI thread


def _import_all() -> None:
    from editor.render import writers

    writers.names()  # every writer class
    for name in MODULES:
        with contextlib.suppress(ImportError):  # the export that needs it says so, in words
            importlib.import_module(name)


def warm_up() -> threading.Thread:
    """Start importing; the thread (daemon: quitting never waits for it) is returned."""
    thread = threading.Thread(target=_import_all, name="warm-up", daemon=True)
    collect_on_gui_thread()
    thread.start()
    return thread
