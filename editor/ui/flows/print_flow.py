"""What File > Print and File > Print Preview do: the release on paper, in the PDF's look.

Both paint the PDF's own layout and pagination (the same font, margins, kept headings, unsplit
contact block and page numbers) on a QPrinter put in full-page mode, so the margins are ours
and not the printer driver's.

The pages are laid out in the PDF helper's child process (``editor.render.pdf_process``), at the
printer's resolution, and come back as one QPicture a page, which a worker replays on the
printer (``editor.render.pdf.replay_pages``): the same glyphs in the same places as a layout on
the printer itself. Laid out in this process, even on a worker, Qt's layout of a long release
holds the GIL long enough to stop the window; a page replayed is a few milliseconds of it. The
progress dialog of ``run_in_worker`` shows meanwhile. The print preview dialog takes no input
meanwhile: a second paint request on the same printer while the first is painted would paint
over it.

The dialogs are run through ``run_dialog``, the one place tests patch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from editor.errors import PressklarError
from editor.ui.context import AppContext
from editor.ui.dialogs import messages
from editor.ui.session import ReleaseSession

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


def run_dialog(dialog: QDialog) -> int:
    """Show a print or print preview dialog and wait for it (tests patch this)."""
    return dialog.exec()


class PrintFlow(QObject):
    status = Signal(str)  # a short message for the status bar

    def __init__(self, window: QWidget, context: AppContext, session: ReleaseSession) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._session = session

    def _printer(self) -> QPrinter:
        """The printer to paint on; the PDF helper starts meanwhile, while a dialog is open."""
        from PySide6.QtPrintSupport import QPrinter

        self._context.pdf_helper().start()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)
        return printer

    def _paint(self, printer: QPrinter, dialog: QWidget | None = None) -> None:
        """Lay the release out in the PDF helper and paint it on ``printer``, on a worker;
        ``dialog`` (the print preview asking) takes no input meanwhile."""
        from editor.render import pdf
        from editor.ui.flows.background import run_in_worker

        if dialog is not None:
            dialog.setEnabled(False)
        try:
            doc = self._session.current_document()
            printer.setDocName(doc.title)
            helper = self._context.pdf_helper()

            def paint() -> int:
                pictures = helper.page_pictures(doc, printer.resolution())
                return pdf.replay_pages(pictures, printer)

            label = self.tr("Laying out the pages…")
            run_in_worker(dialog or self._window, label, paint)
        except PressklarError as problem:
            messages.error(
                self._window,
                self.tr("Cannot print"),
                self.tr("The release cannot be printed."),
                problem.text(),
            )
        finally:
            if dialog is not None:
                dialog.setEnabled(True)

    def print_release(self) -> None:
        """The system's print dialog, then the release on the printer chosen."""
        from PySide6.QtPrintSupport import QPrintDialog

        printer = self._printer()
        dialog = QPrintDialog(printer, self._window)
        dialog.setWindowTitle(self.tr("Print Release"))
        if run_dialog(dialog) == QDialog.DialogCode.Accepted:
            self._paint(printer)
            self.status.emit(self.tr("Sent to the printer."))

    def preview(self) -> None:
        """The pages as they will print, in Qt's print preview (which can print them too)."""
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self._window)
        dialog.setWindowTitle(self.tr("Print Preview"))
        dialog.paintRequested.connect(lambda printer: self._paint(printer, dialog))
        run_dialog(dialog)
