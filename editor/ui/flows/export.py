"""Exports from the GUI: format labels, default file names, atomic writes, "Copy formatted".

The session's rendered document is what gets exported, so what the user sees is what they get.
The bytes come from the core's one export path (``editor.render.export``), with the options the
template and the settings give, exactly as the CLI makes them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMimeData

from editor.model.release import Release
from editor.render import writers
from editor.render.document import RenderedDocument
from editor.render.writers.base import ExportOptions
from editor.storage.atomic import atomic_write
from editor.storage.filenames import export_file_name
from editor.ui.context import AppContext


@dataclass(frozen=True)
class ExportChoice:
    format: str
    path: str
    distribution_list: str = ""  # e-mail: a list's name from the settings, "" for none


# The writers' labels, for the translation files (a writer class declares its label in English).
FORMAT_LABELS = (
    QT_TRANSLATE_NOOP("Formats", "Web page (HTML)"),
    QT_TRANSLATE_NOOP("Formats", "Word document (DOCX)"),
    QT_TRANSLATE_NOOP("Formats", "Plain text"),
    QT_TRANSLATE_NOOP("Formats", "Markdown"),
    QT_TRANSLATE_NOOP("Formats", "E-mail draft (EML)"),
    QT_TRANSLATE_NOOP("Formats", "PDF document"),
    QT_TRANSLATE_NOOP("Formats", "CAP 1.2 alert (XML)"),
)


def format_label(name: str) -> str:
    """The writer's label, in the UI's language (the writer class declares it in English)."""
    return QCoreApplication.translate("Formats", writers.label(name))


def default_file_name(doc: RenderedDocument, fmt: str) -> str:
    fallback = QCoreApplication.translate("Formats", "Release")
    return export_file_name(doc.meta.release_date, doc.title, writers.extension(fmt), fallback)


def choice_options(
    choice: ExportChoice,
    release: Release,
    release_path: str,
    context: AppContext,
    doc: RenderedDocument,
    *,
    fallback: bool = False,
) -> ExportOptions:
    """The core's options for what the user chose in the export dialog (read on the GUI
    thread, where the settings live); ExportError for a distribution list that is gone.
    ``fallback``: the user agreed to the built-in look when the letterhead cannot be used. A
    CAP alert's options carry the incident's thread and the release's language versions; a
    PDF's, the app's PDF helper."""
    from editor.storage.alerts import options_for_release  # the incidents, CAP: not to start

    options = options_for_release(
        release,
        release_path,
        choice.format,
        context.settings,
        context.levels(),
        doc,
        distribution_list=choice.distribution_list if choice.format == "eml" else "",
        letterhead_fallback=fallback,
    )
    if choice.format == "pdf":  # laid out in the helper's process: the window never waits
        options = replace(options, pdf_helper=context.pdf_helper())
    return options


def write_export(doc: RenderedDocument, choice: ExportChoice, options: ExportOptions) -> bytes:
    """Build the file and write it atomically; the bytes written. LetterheadError when the
    letterhead cannot be used (unless the options fall back to the built-in look); ExportError
    or StorageError for the rest, in which case nothing on disk has changed. Touches no widget
    and no settings: the export flow runs it on a worker thread."""
    from editor.render.export import export_document

    data = export_document(doc, choice.format, options)
    atomic_write(choice.path, data)
    return data


def formatted_mime_data(html: str, text: str) -> QMimeData:
    """HTML and plain text together, so a paste keeps its formatting where it can."""
    data = QMimeData()
    data.setHtml(html)
    data.setText(text)
    return data
