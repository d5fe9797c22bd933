"""File > Print and Print Preview: standard shortcut, Qt's dialogs (through the patched helper,
never a real modal), and pages painted by the PDF's own layout."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import QDialog

from editor.model.release import Release
from editor.render import pdf
from editor.ui.flows import print_flow
from editor.ui.windows.main_window import MainWindow


def test_print_has_the_standard_shortcut(
    reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    actions = make_window(reference_release).window_actions
    assert actions.print.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Print)
    assert actions.print.shortcut().toString() == "Ctrl+P"
    assert actions.print_preview.shortcut().toString() == "Ctrl+Shift+P"
    assert actions.print in actions.window_commands()


def test_print_preview_opens_qts_preview_painted_in_the_pdfs_layout(
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Any,
) -> None:
    window = make_window(reference_release)
    shown: list[QDialog] = []
    painted: list[int] = []
    real = pdf.replay_pages

    def paint(pictures: Any, device: Any, on_page: Any = None) -> int:
        painted.append(real(pictures, device, on_page))
        return painted[-1]

    def run(dialog: QDialog) -> int:
        shown.append(dialog)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "preview.pdf"))
        assert isinstance(dialog, QPrintPreviewDialog)
        dialog.paintRequested.emit(printer)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(print_flow, "run_dialog", run)
    monkeypatch.setattr(pdf, "replay_pages", paint)
    window.window_actions.print_preview.trigger()
    assert len(shown) == 1 and isinstance(shown[0], QPrintPreviewDialog)
    assert painted and painted[0] >= 1


def test_print_shows_the_print_dialog_and_prints_when_accepted(
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Any,
) -> None:
    window = make_window(reference_release)
    target = tmp_path / "printed.pdf"

    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, QPrintDialog)
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(print_flow, "run_dialog", run)
    window.window_actions.print.trigger()
    from pypdf import PdfReader

    reader = PdfReader(str(target))
    text = " ".join(reader.pages[-1].extract_text().split())  # a printer's PDF: not our spaces
    assert text.endswith(pdf.page_number(len(reader.pages), len(reader.pages)))
    assert window.statusBar().currentMessage()


def test_the_application_icon_is_on_every_window_and_in_the_about_box(
    qapp: Any, reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    from editor.ui.dialogs.about_dialog import AboutDialog
    from editor.ui.icon import APP_ID, app_icon, install_app_icon

    install_app_icon(qapp)
    assert not qapp.windowIcon().isNull()
    assert qapp.desktopFileName() == APP_ID
    assert {size.width() for size in app_icon().availableSizes()} >= {16, 32, 48, 256}
    window = make_window(reference_release)
    assert not window.windowIcon().isNull()
    about = AboutDialog(window)
    assert not about.windowIcon().isNull()
    pixmap = about.icon_label.pixmap()
    assert not pixmap.isNull() and pixmap.width() >= 64


def test_the_preview_has_the_shipped_font(
    reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    from PySide6.QtGui import QFontDatabase

    make_window(reference_release)
    assert "Carlito" in QFontDatabase.families()


def test_qts_real_print_preview_shows_the_pages_and_paints_them_again_when_asked(
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
) -> None:
    """Painted for the preview with an event loop running (a worker's), a second request
    crashed now and then: Qt's preview had dropped the pictures a repaint meanwhile read."""
    window = make_window(reference_release)
    counts: list[int] = []

    def run(dialog: QDialog) -> int:
        dialog.show()  # the preview asks for its pages as it is shown
        widget = dialog.findChild(QPrintPreviewWidget)
        qtbot.waitUntil(lambda: widget.pageCount() >= 1)
        counts.append(widget.pageCount())
        widget.updatePreview()  # asked again (zoom, page setup): painted again
        counts.append(widget.pageCount())
        assert dialog.isEnabled()  # input back once the pages are there
        dialog.close()
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(print_flow, "run_dialog", run)
    window.window_actions.print_preview.trigger()
    assert counts == [1, 1]


def test_printing_50_pages_keeps_the_event_loop_running(
    context: Any,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Any,
) -> None:
    from test_export_worker import _long_release

    window = make_window(_long_release(context, 50))
    target = tmp_path / "printed.pdf"
    ticks: list[int] = [0]
    accepted: list[bool] = []

    def tick() -> None:
        if accepted and not target.exists():  # the print dialog accepted, the pages not done
            ticks[0] += 1

    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, QPrintDialog)
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        accepted.append(True)
        return QDialog.DialogCode.Accepted.value

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    monkeypatch.setattr(print_flow, "run_dialog", run)
    window.window_actions.print.trigger()
    timer.stop()
    assert ticks[0] > 0  # the GUI thread went on running its timers
    from pypdf import PdfReader

    assert len(PdfReader(str(target)).pages) >= 50


def _printed_to(target: Any) -> Callable[[QDialog], int]:
    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, QPrintDialog)
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted.value

    return run


def test_the_pages_laid_out_by_the_helper_print_as_those_laid_out_on_the_printer(
    qtbot: Any,
    context: Any,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Any,
) -> None:
    from pypdf import PdfReader
    from test_export_worker import _long_release

    window = make_window(_long_release(context, 3))
    # once the contact row is built its editor names the group, which the document shows
    qtbot.waitUntil(window.form.is_complete)
    monkeypatch.setattr(print_flow, "run_dialog", _printed_to(tmp_path / "printed.pdf"))
    window.window_actions.print.trigger()
    here = QPrinter(QPrinter.PrinterMode.HighResolution)
    here.setFullPage(True)
    here.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    here.setOutputFileName(str(tmp_path / "here.pdf"))
    pdf.print_release(window.session.current_document(), here)  # laid out on the printer
    del here  # finishes the file

    def pages(name: str) -> list[str]:
        reader = PdfReader(str(tmp_path / name))
        return [" ".join(page.extract_text().split()) for page in reader.pages]

    printed = pages("printed.pdf")
    assert len(printed) >= 3 and printed == pages("here.pdf")
    assert printed[-1].endswith(pdf.page_number(len(printed), len(printed)))
    assert window.statusBar().currentMessage() == "Sent to the printer."


def test_a_helper_that_crashes_while_printing_is_shown_in_words_and_nothing_is_printed(
    context: Any,
    dialogs: Any,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Any,
) -> None:
    import sys

    from editor.i18n import english
    from editor.render.pdf_process import PdfHelper

    context._pdf_helper = PdfHelper([sys.executable, "-c", "import sys; sys.exit(3)"])
    window = make_window(reference_release)
    target = tmp_path / "printed.pdf"
    monkeypatch.setattr(print_flow, "run_dialog", _printed_to(target))
    window.window_actions.print.trigger()
    [error] = dialogs.texts("error")
    assert error.startswith("Cannot print: The release cannot be printed.")
    assert english("pdf.helper_stopped") in error
    assert not target.exists() or len(target.read_bytes()) == 0


def test_a_helper_that_crashes_before_the_preview_is_shown_in_words_and_no_preview_opens(
    context: Any,
    dialogs: Any,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from editor.i18n import english
    from editor.render.pdf_process import PdfHelper

    context._pdf_helper = PdfHelper([sys.executable, "-c", "import sys; sys.exit(3)"])
    window = make_window(reference_release)
    opened: list[QDialog] = []
    monkeypatch.setattr(print_flow, "run_dialog", lambda dialog: opened.append(dialog) or 0)
    window.window_actions.print_preview.trigger()
    [error] = dialogs.texts("error")
    assert error.startswith("Cannot print: The release cannot be printed.")
    assert english("pdf.helper_stopped") in error
    assert opened == []  # the pages are laid out before the preview opens
