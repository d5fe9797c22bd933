"""The registry from format name to writer, built from the writer classes themselves.

Writer modules are light (python-docx and QtGui are imported inside ``write``), so listing the
formats costs little, and start-up never pays for any of them: the classes are imported on the
first question about formats.
"""

from __future__ import annotations

import functools
import importlib

from editor.errors import ExportError
from editor.render.writers.base import DEFAULT_OPTIONS, ExportOptions, Writer

__all__ = ["DEFAULT_OPTIONS", "ExportOptions", "Writer", "extension", "get", "label", "names"]

# In the order export menus show them.
_WRITERS = (
    "editor.render.writers.html:HtmlWriter",
    "editor.render.writers.docx:DocxWriter",
    "editor.render.writers.text:TextWriter",
    "editor.render.writers.markdown:MarkdownWriter",
    "editor.render.writers.eml:EmlWriter",
    "editor.render.writers.pdf:PdfWriter",
    "editor.render.writers.cap:CapWriter",
)


@functools.cache
def _classes() -> dict[str, type[Writer]]:
    found: dict[str, type[Writer]] = {}
    for spec in _WRITERS:
        module_name, class_name = spec.split(":")
        writer_class: type[Writer] = getattr(importlib.import_module(module_name), class_name)
        found[writer_class.name] = writer_class
    return found


def names() -> list[str]:
    return list(_classes())


def writer_class(name: str) -> type[Writer]:
    try:
        return _classes()[name]
    except KeyError:
        known = ", ".join(_classes())
        raise ExportError("export.unknown_format", name=name, formats=known) from None


def extension(name: str) -> str:
    return writer_class(name).extension


def label(name: str) -> str:
    """The format's label in English (the UI translates it)."""
    return writer_class(name).label


def get(name: str) -> Writer:
    return writer_class(name)()
