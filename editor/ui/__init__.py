"""The Qt GUI.

The Qt-free core the first window needs is imported here, before any module of this package
imports PySide6: PySide6's ``__feature__`` import hook reads the source of every module
imported after PySide6 itself (about 250 at start-up, some 30 ms and 8 MiB).
"""

import editor.render.session
import editor.render.writers.html
import editor.storage.autosave
import editor.storage.contacts
import editor.storage.level_sets
import editor.storage.library
import editor.storage.releases
import editor.storage.settings  # noqa: F401
