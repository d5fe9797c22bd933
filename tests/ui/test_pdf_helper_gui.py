"""File > Export to PDF through the PDF helper's child process: the file reads back as the one
the CLI makes in-process; a child that crashes or hangs is a message in words, the export
dialog comes back, and no file (not even half of one) is left in the folder."""

from __future__ import annotations

import sys
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QProgressDialog
from pytestqt.qtbot import QtBot
from uihelpers import ScriptedDialogs, export_through_dialog

from editor.i18n import english
from editor.model.release import Release
from editor.render.document import RenderedDocument
from editor.render.pdf import pdf_bytes
from editor.render.pdf_process import OnPage, PdfHelper
from editor.ui.context import AppContext
from editor.ui.dialogs.export_dialog import ExportDialog
from editor.ui.windows.main_window import MainWindow

CRASHES = "import sys; sys.stdin.readline(); sys.exit(3)"
HANGS = "import sys, time; sys.stdin.readline(); time.sleep(60)"


def pages_text(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(data)).pages]


def test_the_exported_pdf_is_made_by_the_helper_and_matches_the_clis(
    tmp_path: Path,
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
) -> None:
    exported: list[RenderedDocument] = []

    class Noting(PdfHelper):
        def pdf_bytes(self, doc: RenderedDocument, on_page: OnPage | None = None) -> bytes:
            exported.append(doc)
            return super().pdf_bytes(doc, on_page)

    helper = context._pdf_helper = Noting()
    window = make_window(reference_release)
    seen: dict[str, str] = {}
    export_through_dialog(window, "pdf", tmp_path, seen)
    data = (tmp_path / seen["suggested"]).read_bytes()
    assert "again" not in seen
    assert helper._process is not None and helper._process.poll() is None  # kept warm
    [doc] = exported
    in_process = pdf_bytes(doc)  # as the CLI makes it
    assert pages_text(data) == pages_text(in_process)
    metadata = PdfReader(BytesIO(data)).metadata
    assert metadata is not None and metadata.title == "Stabsläget avslutat"
    assert window.statusBar().currentMessage().startswith("Exported ")
    assert not any(d.isVisible() for d in window.findChildren(QProgressDialog))


@pytest.mark.parametrize(
    ("program", "code"), [(CRASHES, "pdf.helper_stopped"), (HANGS, "pdf.helper_timeout")]
)
def test_a_helper_that_fails_is_shown_in_words_and_leaves_no_file(
    tmp_path: Path,
    qtbot: QtBot,
    context: AppContext,
    dialogs: ScriptedDialogs,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    program: str,
    code: str,
) -> None:
    context._pdf_helper = PdfHelper([sys.executable, "-c", program], timeout=1)
    window = make_window(reference_release)
    seen: dict[str, str] = {}
    export_through_dialog(window, "pdf", tmp_path, seen)
    assert seen["again"] == seen["suggested"]  # the dialog came back with the same name
    [error] = dialogs.texts("error")
    assert error.startswith("Could not export the release: ")
    assert english(code, seconds=1) in error and "Traceback" not in error
    assert list(tmp_path.iterdir()) == []  # nothing written, no temporary file left
    assert window.isEnabled() and window.isVisible()


def test_the_helper_starts_when_the_export_dialog_offers_pdf(
    tmp_path: Path,
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
) -> None:
    context.settings.last_export_format = "pdf"
    window = make_window(reference_release)
    started: list[bool] = []
    real = ExportDialog.get_data

    def note(*args: Any, **kwargs: Any) -> Any:
        process = context.pdf_helper()._process
        started.append(process is not None and process.poll() is None)
        return None, False  # cancelled

    ExportDialog.get_data = classmethod(lambda cls, *a, **k: note(*a, **k))  # type: ignore[method-assign]
    try:
        assert not window.exports.export()
    finally:
        ExportDialog.get_data = real  # type: ignore[method-assign]
    assert started == [True]  # running while the dialog is open, before anything is asked
