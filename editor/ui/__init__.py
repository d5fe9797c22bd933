"""The Qt GUI.

The Qt-free core the first window needs is imported here, before any module of this package
imports PySide6: PySide6's ``__feature__`` import hook reads the source of every module
imported after PySide6 itself (about 250 at start-up, some 30 ms and 8 MiB). The list is the
first window's: ``tests/ui/test_start_up_imports.py`` names any core module that the start-up
still imports after PySide6.
"""

import locale  # noqa: F401  (the date and number widgets)

import editor.model.level_choice
import editor.render.context
import editor.render.embargo
import editor.render.engine
import editor.render.escape
import editor.render.markdown_ops
import editor.render.session
import editor.render.spelling
import editor.render.statistics
import editor.render.writers.html
import editor.storage.autosave
import editor.storage.compiled_cache
import editor.storage.contacts
import editor.storage.filenames
import editor.storage.level_sets
import editor.storage.library
import editor.storage.releases
import editor.storage.settings
import editor.storage.template_index
import editor.storage.user_dictionary  # noqa: F401
