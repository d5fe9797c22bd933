"""The one writer interface: a RenderedDocument and ExportOptions in, one file format's bytes out.

A format's name, file extension, media type and label are declared once, here on its writer
class; the registry (``editor.render.writers``) and every menu read them from there.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from editor.render.document import RenderedDocument

if TYPE_CHECKING:  # made only for a CAP export, and the GUI's PDF
    from editor.render.alert import AlertContext
    from editor.render.pdf_process import OnPage, PdfHelper


@dataclass(frozen=True)
class ExportOptions:
    """What an export takes besides the document. Each writer uses the options that apply to
    it and ignores the rest, so the CLI and the GUI pass the same object to every format."""

    letterhead: str = ""  # docx: a reference .docx/.dotx to start from; "" for the built-in look
    letterhead_fallback: bool = False  # docx: an unusable letterhead gives the built-in look
    sender_name: str = ""  # eml: the organisation, in Organization (and From with an address)
    sender_address: str = ""  # eml: From, when the press office's address is known
    bcc: tuple[str, ...] = ()  # eml: a distribution list's addresses
    alert: AlertContext | None = None  # cap: the sender, the thread and every language version
    # pdf: laid out and painted in this helper's child process (the GUI's, so that Qt's layout
    # never holds its GIL); None: in this process (the CLI). The file is the same.
    pdf_helper: PdfHelper | None = None
    # pdf, through a helper: called (page, pages) as each page is painted (a progress bar)
    on_page: OnPage | None = None


DEFAULT_OPTIONS = ExportOptions()


class Writer(ABC):
    name: ClassVar[str]  # the CLI's --to value
    extension: ClassVar[str]  # with the dot
    media_type: ClassVar[str]
    label: ClassVar[str]  # for export menus, in English; the UI translates it
    # True when the writer needs ExportOptions.alert: the release's facts beyond its document
    # (who sends it, its incident thread, its language versions), which storage gathers.
    needs_alert: ClassVar[bool] = False

    @abstractmethod
    def write(self, doc: RenderedDocument, options: ExportOptions = DEFAULT_OPTIONS) -> bytes:
        """The whole file. Raises ExportError for what the user can fix."""
