"""The registry from format name to writer. Writers are imported on first use, so start-up
never pays for python-docx or Qt's PDF support."""

from __future__ import annotations

import importlib

from editor.errors import ExportError
from editor.render.writers.base import Writer

# name -> (module, class, file extension, label)
_REGISTRY: dict[str, tuple[str, str, str, str]] = {
    "html": ("editor.render.writers.html", "HtmlWriter", ".html", "Web page (HTML)"),
    "docx": ("editor.render.writers.docx", "DocxWriter", ".docx", "Word document (DOCX)"),
    "txt": ("editor.render.writers.text", "TextWriter", ".txt", "Plain text"),
    "md": ("editor.render.writers.markdown", "MarkdownWriter", ".md", "Markdown"),
    "eml": ("editor.render.writers.eml", "EmlWriter", ".eml", "E-mail draft (EML)"),
    # The one writer that needs QtGui: outside this package, imported only when asked for.
    "pdf": ("editor.render.pdf", "PdfWriter", ".pdf", "PDF"),
}


def register(name: str, module: str, class_name: str, extension: str, label: str) -> None:
    _REGISTRY[name] = (module, class_name, extension, label)


def names() -> list[str]:
    return list(_REGISTRY)


def extension(name: str) -> str:
    return _REGISTRY[name][2]


def label(name: str) -> str:
    return _REGISTRY[name][3]


def get(name: str) -> Writer:
    try:
        module_name, class_name, _, _ = _REGISTRY[name]
    except KeyError:
        known = ", ".join(_REGISTRY)
        raise ExportError("export.unknown_format", name=name, formats=known) from None
    writer_class: type[Writer] = getattr(importlib.import_module(module_name), class_name)
    return writer_class()
