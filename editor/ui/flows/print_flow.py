"""What File > Print and File > Print Preview do: the release on paper, in the PDF's look.

Both paint the PDF's own layout and pagination (the same font, margins, kept headings, unsplit
contact block and page numbers) on a QPrinter put in full-page mode, so the margins are ours
and not the printer driver's.

The pages are laid out in the PDF helper's child process (``editor.render.pdf_process``), at the
printer's resolution, and come back as one QPicture a page, which is replayed on the printer
(``editor.render.pdf.replay_pages``): the same glyphs in the same places as a layout on the
printer itself. Laid out in this process, even on a worker, Qt's layout of a long release
holds the GIL long enough to stop the window; a page replayed is a few milliseconds of it.

Printing replays the pages on a worker (Qt paints on a QPrinter from any thread), the progress
dialog of ``run_in_worker`` showing meanwhile. The print preview lays the pages out on a worker
before its dialog opens; when the dialog asks for them (as it opens, and again after a change of
page setup) they are replayed at once on the GUI thread, with no event loop running: Qt's
preview drops the pictures it shows as soon as it asks for new ones, and a repaint of the
pages meanwhile, from the event loop a worker needs, read freed memory (a crash). Printed from
the preview dialog, the pages go to the printer on a worker as above.

The dialogs are run through ``run_dialog``, the one place tests patch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
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
        from editor.ui.flows.background import Progress, run_in_worker

        if dialog is not None:
            dialog.setEnabled(False)
        try:
            doc = self._session.current_document()
            printer.setDocName(doc.title)
            helper = self._context.pdf_helper()
            progress = Progress()

            def paint() -> int:
                pictures = helper.page_pictures(
                    doc, printer.resolution(), lambda page, pages: progress(page, 2 * pages)
                )
                count = len(pictures)
                return pdf.replay_pages(
                    pictures, printer, lambda page, pages: progress(count + page, 2 * count)
                )

            label = self.tr("Laying out the pages…")
            run_in_worker(dialog or self._window, label, paint, progress)
        except PressklarError as problem:
            self._cannot_print(problem)
        finally:
            if dialog is not None:
                dialog.setEnabled(True)

    def _cannot_print(self, problem: PressklarError) -> None:
        messages.error(
            self._window,
            self.tr("Cannot print"),
            self.tr("The release cannot be printed."),
            problem.text(),
        )

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

        from editor.render import pdf
        from editor.ui.flows.background import Progress, run_in_worker

        printer = self._printer()
        doc = self._session.current_document()
        printer.setDocName(doc.title)
        helper = self._context.pdf_helper()
        resolution = printer.resolution()
        progress = Progress()
        try:
            laid_out = run_in_worker(
                self._window,
                self.tr("Laying out the pages…"),
                lambda: helper.page_pictures(doc, resolution, progress),
                progress,
            )
        except PressklarError as problem:
            self._cannot_print(problem)
            return
        pictures = {resolution: laid_out}

        def paint(target: QPrinter) -> None:
            if not _previewing(target):
                self._paint(target, dialog)  # printed from the preview dialog
                return
            try:
                if target.resolution() not in pictures:  # another printer chosen meanwhile
                    pictures[target.resolution()] = helper.page_pictures(doc, target.resolution())
                pdf.replay_pages(pictures[target.resolution()], target)
            except PressklarError as problem:  # said once the preview is done asking
                QTimer.singleShot(0, self, lambda error=problem: self._cannot_print(error))

        dialog = QPrintPreviewDialog(printer, self._window)
        dialog.setWindowTitle(self.tr("Print Preview"))
        dialog.paintRequested.connect(paint)
        run_dialog(dialog)


def _previewing(printer: QPrinter) -> bool:
    """True when ``printer`` is painted for Qt's print preview, not for paper or a file."""
    from PySide6.QtGui import QPaintEngine

    engine = printer.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Picture
