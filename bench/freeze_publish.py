"""The longest freeze of the GUI thread while File > Publish Newsroom Folder… and File > Print
run, with the freeze detector of ``bench/freeze.py`` (a 1 ms timer, the longest gap between its
ticks). Each case the way the window does it, and the same work called on the GUI thread (what
the window did before, and the floor of the work itself: the freeze it would be).

    python bench/freeze_publish.py [--releases N] [--pages N] [--rounds N]

The window settles first, as in ``bench/freeze.py``.

- newsroom: a folder of ``--releases`` releases published (every page, alert, feed, index);
- print: a ``--pages``-page release printed (to a PDF file through QPrinter, the dialog
  answered at once): in the window, laid out in the PDF helper's child process and replayed on
  the printer page by page from a worker; the first print (the helper started) apart; on the
  GUI thread, laid out and painted on the printer in this process.
- print preview: Qt's print preview of the same release, shown until it has every page: in
  the window, laid out in the helper before the dialog opens, replayed on the GUI thread when
  the preview asks (it must be, see ``editor/ui/flows/print_flow.py``); on the GUI thread,
  laid out and painted for the preview in this process.

Goal: the longest gap <= 50 ms in each case the window runs.
"""

from __future__ import annotations

import sys

# bench/typing.py would shadow the standard library's ``typing``: keep this folder off the path.
sys.path[:] = [p for p in sys.path if p not in ("", sys.path[0])]

import argparse
import importlib.util
import os
import statistics
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QDialog

_spec = importlib.util.spec_from_file_location("freeze", Path(__file__).with_name("freeze.py"))
assert _spec is not None and _spec.loader is not None
freeze = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(freeze)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=40, help="releases in the newsroom")
    parser.add_argument("--pages", type=int, default=50, help="how long the printed release is")
    parser.add_argument("--rounds", type=int, default=5, help="runs of each case")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="pressklar-freeze-"))
    os.environ["PRESSKLAR_HOME"] = str(home)
    app = QApplication(sys.argv[:1])

    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget

    from editor.model.release import Release, values_from_json
    from editor.render import pdf
    from editor.storage.newsroom import publish_newsroom
    from editor.storage.releases import save_release
    from editor.ui.context import AppContext
    from editor.ui.dialogs import messages
    from editor.ui.flows import print_flow
    from editor.ui.windows.main_window import MainWindow

    context = AppContext.load("sv")
    entry = context.library().find("readiness-ended-sv")
    assert entry is not None and entry.template is not None
    template = entry.template

    def release_of(pages: int) -> Release:
        reference = {
            **freeze.REFERENCE,
            "consequences": "\n\n".join([freeze.PARAGRAPH] * 7 * pages),
        }
        values, problems = values_from_json(template, reference)
        assert not problems, problems
        return Release.new(template, values)

    folder = home / "releases"
    folder.mkdir()
    one = release_of(1)
    for n in range(args.releases):
        save_release(replace(one, id=f"r{n:04}"), folder / f"r{n:04}.pressklar")
    context.settings.cap_sender = "press@region.example"
    context.settings.cap_area = "Exempelby län"
    messages.warn = lambda *a, **k: None  # type: ignore[assignment]
    messages.error = lambda *a, **k: None  # type: ignore[assignment]
    context.spelling().load_now("sv")  # as the app has it once the first paint is past
    window = MainWindow(context, release_of(args.pages))
    window.resize(1240, 780)
    window.show()
    app.processEvents()
    while not window.form.is_complete():  # its later rows, built a moment after the first
        app.processEvents()  # paint: their cost is the start-up's, not the work measured here
    window.session.current_document()  # and the preview of what they changed, shown
    app.processEvents()
    detector = freeze.FreezeDetector()

    def publish_in_window() -> None:
        assert window.newsroom.publish_folder(str(folder))

    def publish_on_gui_thread() -> None:
        publish_newsroom(folder, folder / "newsroom", context.settings, context.levels())

    out = home / "printed.pdf"

    def answer(dialog: QDialog) -> int:
        """The print dialog accepted at once; while it is open its own event loop runs (as in
        ``exec``), so the work before it and the work after it are two stretches, not one. The
        print preview: shown until it shows the pages, then closed."""
        if isinstance(dialog, QPrintPreviewDialog):
            return shown_until_painted(dialog)
        app.processEvents()
        printer = dialog.printer()  # type: ignore[attr-defined]
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted.value

    def shown_until_painted(dialog: QPrintPreviewDialog) -> int:
        dialog.show()  # the preview asks for its pages as it is shown
        preview = dialog.findChild(QPrintPreviewWidget)
        while preview.pageCount() < args.pages:
            app.processEvents()
        dialog.close()
        return QDialog.DialogCode.Rejected.value

    print_flow.run_dialog = answer

    def preview_in_window() -> None:
        window.printing.preview()

    def preview_on_gui_thread() -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)
        dialog = QPrintPreviewDialog(printer, window)
        doc = window.session.current_document()
        dialog.paintRequested.connect(lambda target: pdf.print_release(doc, target))
        shown_until_painted(dialog)

    def print_in_window() -> None:
        window.printing.print_release()

    def print_on_gui_thread() -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        pdf.print_release(window.session.current_document(), printer)

    cases = [
        (f"newsroom of {args.releases} releases", publish_in_window, publish_on_gui_thread),
        (f"print of {args.pages} pages", print_in_window, print_on_gui_thread),
        (f"print preview of {args.pages} pages", preview_in_window, preview_on_gui_thread),
    ]
    print(f"longest GUI-thread gap (1 ms timer), medians of {args.rounds}")
    first_print = detector.measure(print_in_window)  # the PDF helper's process starts
    print(
        f"first print in the process (window, the PDF helper started): {first_print:6.1f} ms"
        f"   goal <= {freeze.GOAL_MS} ms"
    )
    for name, in_window, on_gui in cases:
        mine = [detector.measure(in_window) for _ in range(args.rounds)]
        floor = [detector.measure(on_gui) for _ in range(args.rounds)]
        print(
            f"{name}: window {statistics.median(mine):6.1f} ms ({freeze.spread(mine)}),"
            f" the same on the GUI thread {statistics.median(floor):6.1f} ms"
            f" ({freeze.spread(floor)})   goal <= {freeze.GOAL_MS} ms"
        )
    window.session.load(window.session.release)  # nothing unsaved: close quietly
    window.close()
    context.close_pdf_helper()
    return 0


if __name__ == "__main__":
    sys.exit(main())
