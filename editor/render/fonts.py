"""The shipped Carlito (``resources/fonts``, SIL OFL), registered with Qt once per process.

Carlito is metric-compatible with Calibri: the preview, the PDF and print use it, so no machine
falls back to whatever it has. This module needs only ``QFontDatabase``: the preview registers
the font before its first paint without importing the PDF writer's classes.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtGui import QFontDatabase

from editor import resources

FONT_FAMILY = "Carlito"
FONT_FILES = ("Carlito-Regular.ttf", "Carlito-Bold.ttf", "Carlito-Italic.ttf")


@functools.cache
def register_fonts() -> str:
    """Carlito registered with Qt (once per process); its family name, "" if Qt refused it."""
    family = ""
    for name in FONT_FILES:
        resource = resources.path("fonts", name)
        if isinstance(resource, Path):  # an installed or checked-out file: Qt reads what it needs
            font_id = QFontDatabase.addApplicationFont(str(resource))
        else:  # inside an archive
            font_id = QFontDatabase.addApplicationFontFromData(resource.read_bytes())
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else "")
    return family
