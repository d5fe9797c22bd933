"""Exports from the GUI: the writers registry, atomic writes, and "Copy formatted".

The preview's rendered document is what gets exported, so what the user sees is what they get.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMimeData

from editor.render import writers
from editor.render.document import RenderedDocument
from editor.storage.atomic import atomic_write
from editor.ui.filenames import export_file_name


def format_label(name: str) -> str:
    """The registry's label, translated; a format added later shows its own label."""
    translate = QCoreApplication.translate
    labels = {
        "html": translate("Formats", "Web page (HTML)"),
        "docx": translate("Formats", "Word document (DOCX)"),
        "txt": translate("Formats", "Plain text"),
        "md": translate("Formats", "Markdown"),
        "pdf": translate("Formats", "PDF document"),
        "eml": translate("Formats", "E-mail draft (EML)"),
    }
    return labels.get(name) or writers.label(name)


def default_file_name(doc: RenderedDocument, fmt: str) -> str:
    fallback = QCoreApplication.translate("Formats", "Release")
    return export_file_name(doc.meta.release_date, doc.title, writers.extension(fmt), fallback)


def write_export(doc: RenderedDocument, fmt: str, path: str) -> None:
    """Build the file and write it atomically; ExportError or StorageError when it cannot be,
    in which case nothing on disk has changed."""
    atomic_write(path, writers.get(fmt).write(doc))


def formatted_mime_data(doc: RenderedDocument) -> QMimeData:
    """HTML and plain text together, so a paste keeps its formatting where it can."""
    from editor.render.writers.html import html_page
    from editor.render.writers.text import plain_text

    data = QMimeData()
    data.setHtml(html_page(doc))
    data.setText(plain_text(doc))
    return data
