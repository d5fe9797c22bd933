"""Exports from the GUI: the writers registry, atomic writes, and "Copy formatted".

The preview's rendered document is what gets exported, so what the user sees is what they get.
Two formats take more than the document, from the settings: DOCX starts from the letterhead
(the template's, else the organisation's), and an e-mail gets the organisation as its sender
and, when chosen, a distribution list in Bcc.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QMimeData

from editor.model.template import Template
from editor.render import writers
from editor.render.document import RenderedDocument
from editor.storage.atomic import atomic_write
from editor.storage.filenames import export_file_name
from editor.storage.settings import Settings


@dataclass(frozen=True)
class ExportChoice:
    format: str
    path: str
    distribution_list: str = ""  # e-mail: a list's name from the settings, "" for none


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


def export_bytes(
    doc: RenderedDocument,
    choice: ExportChoice,
    template: Template,
    settings: Settings,
    *,
    fallback: bool = False,
) -> bytes:
    """The file's bytes. LetterheadError when the letterhead cannot be used (unless
    ``fallback``: the user agreed to the built-in look), ExportError for the rest."""
    if choice.format == "docx":
        from editor.render.letterhead import export_docx, letterhead_for

        letterhead = letterhead_for(template, settings.letterhead)
        return export_docx(doc, letterhead or None, fallback=fallback)
    if choice.format == "eml":
        from editor.render.writers.eml import EmlWriter, distribution_list

        name = choice.distribution_list
        bcc = distribution_list(settings.distribution_lists, name) if name else []
        return EmlWriter(sender_name=settings.organisation_name or None, bcc=bcc).write(doc)
    return writers.get(choice.format).write(doc)


def write_export(
    doc: RenderedDocument,
    choice: ExportChoice,
    template: Template,
    settings: Settings,
    *,
    fallback: bool = False,
) -> None:
    """Build the file and write it atomically; ExportError or StorageError when it cannot be,
    in which case nothing on disk has changed."""
    atomic_write(choice.path, export_bytes(doc, choice, template, settings, fallback=fallback))


def formatted_mime_data(doc: RenderedDocument) -> QMimeData:
    """HTML and plain text together, so a paste keeps its formatting where it can."""
    from editor.render.writers.html import html_page
    from editor.render.writers.text import plain_text

    data = QMimeData()
    data.setHtml(html_page(doc))
    data.setText(plain_text(doc))
    return data
