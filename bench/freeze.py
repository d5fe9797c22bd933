"""The longest freeze of the GUI thread during long work: a freeze detector.

A 1 ms timer runs on the GUI thread and records the longest gap between two of its ticks while
the work runs. Cases (the issue's table): PDF export of a 50-page release, the first DOCX export
in the process (after the app's warm-up imports, which run after its first paint), and the
checks at 100 pages. Before the first export the window runs its own loop for a moment with
the app's warm-up (as it does while the user reads it: the warm-up imports on its thread, the
form builds its later rows), and again after the 100-page release is loaded, before the
checks (the opened release's own checks included): those gaps are printed on their own lines,
not inside the case that follows; that opening (of another 100-page release each time) is
measured --rounds times as well. Each export and checks
case is measured twice in the same run: the way the window does it (File > Export, the export dialog
answered at once, the file made on a worker, a PDF laid out in the PDF helper's child process,
kept warm after the first; the checks as they run once typing pauses, on a worker), and the same
work called on the GUI thread, the PDF laid out in this process (what the window did before, and
the floor of the work itself: the freeze it would be). Each case prints its median and range.

    python bench/freeze.py [--pages N] [--rounds N]

Goal: the longest gap <= 50 ms in each case the window runs.
"""

from __future__ import annotations

import sys

# bench/typing.py would shadow the standard library's ``typing``: keep this folder off the path.
sys.path[:] = [p for p in sys.path if p not in ("", sys.path[0])]

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

PARAGRAPH = " ".join(
    ["Akutmottagningarna var öppna hela tiden och ingen patient kom till skada."] * 6
)
GOAL_MS = 50
SETTLE_MS = 1500  # the window's own loop after a first paint or a load, before the next case
REFERENCE = {
    "label": "PRESSMEDDELANDE",
    "release_date": "2018-09-25",
    "organisation": "Region Exempel",
    "headline": "Stabsläget avslutat",
    "cause": "en omfattande störning i regionens IT-system",
    "raised_at": "2018-09-21T06:30",
    "raised_to": "forstarkningslage",
    "lowered_at": "2018-09-21T10:15",
    "lowered_to": "stabslage",
    "ended_at": "2018-09-25T15:37",
    "follow_up": "En teknisk analys har påbörjats.",
    "contact": {
        "name": "Anna Exempel",
        "title": "Pressekreterare",
        "unit": "Enheten för media och kriskommunikation",
        "email": "anna.exempel@example.se",
        "phones": ["0470-00 00 00", "070-000 00 00"],
    },
}


class FreezeDetector:
    """The longest gap between ticks of a 1 ms timer on the GUI thread, while it runs."""

    def __init__(self) -> None:
        self._timer = QTimer()
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def measure(self, work: Callable[[], object]) -> float:
        """The longest gap (ms) while ``work`` runs, the gap up to its end included."""
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer.start()
        work()
        self._tick()
        self._timer.stop()
        return self.longest * 1000


def spread(values: list[float]) -> str:
    """The range of a case's runs, beside its median."""
    return f"{min(values):.1f}-{max(values):.1f}"


def byte_compile() -> None:
    """Write the app's .pyc files, as ``pip install`` does (``bench/startup.py`` too): a checkout
    run with PYTHONDONTWRITEBYTECODE would otherwise compile each module the window imports
    after its first paint on the GUI thread, 5-10 ms each, a cost no installed app has."""
    import compileall

    compileall.compile_dir(ROOT / "editor", quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=50, help="how long the exported release is")
    parser.add_argument("--rounds", type=int, default=5, help="exports of each kind")
    args = parser.parse_args()
    byte_compile()
    home = tempfile.mkdtemp(prefix="pressklar-freeze-")
    os.environ["PRESSKLAR_HOME"] = home
    app = QApplication(sys.argv[:1])

    from editor.model.release import Release, values_from_json
    from editor.ui.context import AppContext
    from editor.ui.dialogs import messages
    from editor.ui.dialogs.export_dialog import ExportDialog
    from editor.ui.flows.export import ExportChoice, choice_options, write_export
    from editor.ui.warm_up import WarmUpAfter
    from editor.ui.windows.main_window import MainWindow

    context = AppContext.load("sv")
    entry = context.library().find("readiness-ended-sv")
    assert entry is not None and entry.template is not None
    template = entry.template

    def release_of(pages: int) -> Release:
        reference = {**REFERENCE, "consequences": "\n\n".join([PARAGRAPH] * (7 * pages))}
        values, problems = values_from_json(template, reference)
        assert not problems, problems
        return Release.new(template, values)

    context.spelling().load_now("sv")  # as the app has it once the first paint is past
    window = MainWindow(context, release_of(args.pages))
    window.resize(1240, 780)
    window.show()
    app.processEvents()
    window.session.flush_checks()
    detector = FreezeDetector()
    out = Path(home) / "out"
    out.mkdir()
    answers: list[ExportChoice] = []
    messages.question = lambda *a, **k: messages.Button.Yes  # "Export anyway?" and the like
    ExportDialog.get_data = classmethod(  # type: ignore[method-assign]
        lambda cls, *a, **k: (answers.pop(0), True) if answers else (None, False)
    )

    def through_window(fmt: str, name: str) -> None:
        answers.append(ExportChoice(fmt, str(out / name)))
        assert window.exports.export()

    def on_gui_thread(fmt: str, name: str) -> None:
        doc = window.session.current_document()
        choice = ExportChoice(fmt, str(out / name))
        release = window.session.release
        options = choice_options(choice, release, window.session.path, context, doc)
        write_export(doc, choice, replace(options, pdf_helper=None))  # in this process

    def settle(busy: Callable[[], bool] | None = None) -> None:
        """The window's own event loop for SETTLE_MS (and while ``busy()``): what
        runs in it after a first paint or a load (the warm-up, the form's later rows, the
        preview's layout) runs here, not in the work measured next."""
        loop = QEventLoop()
        deadline = time.perf_counter() + SETTLE_MS / 1000
        watcher = QTimer()
        watcher.setInterval(5)
        watcher.timeout.connect(
            lambda: (
                None
                if time.perf_counter() < deadline or (busy is not None and busy())
                else loop.quit()
            )
        )
        watcher.start()
        loop.exec()
        watcher.stop()

    # what the app does after its first paint, while the user reads the window: the warm-up
    # starts once the form has built its later rows, as the app has it
    after_paint = detector.measure(lambda: settle(WarmUpAfter.for_window(window, context).running))
    first_docx = detector.measure(lambda: through_window("docx", "first.docx"))
    first_pdf = detector.measure(lambda: through_window("pdf", "first.pdf"))  # helper starts
    rows: list[tuple[str, list[float], list[float]]] = []
    for fmt in ("pdf", "docx"):
        window_gaps: list[float] = []
        gui_gaps: list[float] = []
        for index in range(args.rounds):
            mine, theirs = f"w{index}.{fmt}", f"g{index}.{fmt}"
            window_gaps.append(detector.measure(lambda f=fmt, n=mine: through_window(f, n)))
            gui_gaps.append(detector.measure(lambda f=fmt, n=theirs: on_gui_thread(f, n)))
        rows.append((fmt, window_gaps, gui_gaps))

    def load_long() -> None:
        window.session.load(release_of(2 * args.pages))
        settle(window.session.checks_pending)  # and until its checks are in, wherever they run

    opened = [detector.measure(load_long) for _ in range(args.rounds)]

    def checks_in_window() -> None:
        """What the window does once typing pauses: the checks on a worker, the result back."""
        loop = QEventLoop()
        window.session.findings_changed.connect(loop.quit)
        window.session.recheck()
        window.session.check_in_background()
        loop.exec()
        window.session.findings_changed.disconnect(loop.quit)

    def checks_on_gui_thread() -> None:
        window.session.recheck()
        window.session.flush_checks()

    checks = [detector.measure(checks_in_window) for _ in range(args.rounds)]
    checks_gui = [detector.measure(checks_on_gui_thread) for _ in range(args.rounds)]

    print(
        f"release: {args.pages} pages; longest GUI-thread gap (1 ms timer),"
        f" medians of {args.rounds}"
    )
    print(
        f"after the first paint (warm-up, later rows; {SETTLE_MS} ms):"
        f" {after_paint:6.1f} ms   goal <= {GOAL_MS} ms"
    )
    print(f"first DOCX export in the process (window): {first_docx:6.1f} ms   goal <= {GOAL_MS} ms")
    print(
        f"first PDF export in the process (window, the PDF helper started): {first_pdf:6.1f} ms"
        f"   goal <= {GOAL_MS} ms"
    )
    for fmt, window_gaps, gui_gaps in rows:
        mine, floor = statistics.median(window_gaps), statistics.median(gui_gaps)
        print(
            f"{fmt.upper():4} export: window {mine:6.1f} ms ({spread(window_gaps)}),"
            f" the same on the GUI thread {floor:6.1f} ms ({spread(gui_gaps)})"
            f"   goal <= {GOAL_MS} ms"
        )
    print(
        f"opening {2 * args.pages} pages (load, {SETTLE_MS} ms of the window after it"
        f" and until its checks are in): {statistics.median(opened):6.1f} ms ({spread(opened)})"
        f"   goal <= {GOAL_MS} ms"
    )
    print(
        f"checks at {2 * args.pages} pages: window {statistics.median(checks):6.1f} ms"
        f" ({spread(checks)}), the same on the GUI thread {statistics.median(checks_gui):6.1f} ms"
        f" ({spread(checks_gui)})"
        f"   goal <= {GOAL_MS} ms"
    )
    window.session.load(window.session.release)  # nothing unsaved: close quietly
    window.close()
    context.close_pdf_helper()
    return 0


if __name__ == "__main__":
    sys.exit(main())
