"""Keystroke to repainted preview: typing into the body of the reference release.

300 characters are typed into the release's first paragraphs field through Qt key events. For
each keystroke the clock runs from the key press until the preview has been re-rendered and
repainted with it (the coalescing timer is made to fire at once, as if the user paused). The
floor, measured alternately in the same run, is ``QTextBrowser.setHtml`` of the very HTML the
app showed after that keystroke, followed by one repaint. Both clocks stop when the event queue
is idle again, so neither side's deferred work (QTextDocument lays out lazily) is billed to the
other.

    python bench/typing.py [--chars N] [--pages N]

``--pages N`` makes the release N pages long (about 3,000 characters a page): the field typed
into starts with N - 1 pages of paragraphs, and the typing goes at its end. The issue's sizes:
``--pages 1``, ``--pages 10``, ``--pages 50``.

The preview replaces only the blocks of the parts a keystroke changed (``PartwiseDocument``),
so the app can beat its floor: a ratio below 1 is expected at every size. At the end the app's
preview must read exactly as the floor's fresh ``setHtml`` of the same page.

Goal: p99 ratio <= 1.5 at every size; no keystroke waits for
a DOCX build or a disk write.
"""

from __future__ import annotations

import sys

# Run as a script, this file's folder comes first on sys.path, and its name would shadow the
# standard library's ``typing`` for every later import: take the folder off the path first.
sys.path[:] = [p for p in sys.path if p not in ("", sys.path[0])]

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QTextBrowser, QWidget

TEXT = (
    "Under fredagen bedrevs endast akut verksamhet. Planerade mottagningsbesök och operationer"
    " ställdes in under delar av dagen, och patienterna kontaktades per telefon. Akutmottagningarna"
    " var öppna hela tiden och ingen patient kom till skada. Regionen tackar alla medarbetare som"
    " arbetade extra för att hålla vården igång. "
)

REFERENCE = {
    "label": "PRESSMEDDELANDE",
    "release_date": "2018-09-25",
    "organisation": "Region Kronoberg",
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
        "phones": ["0470-58 80 00", "070-123 45 67"],
    },
}


def press(widget: QWidget, char: str) -> None:
    code = ord(char.upper()) if ord(char.upper()) < 0x100 else Qt.Key.Key_unknown.value
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, char))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=300)
    parser.add_argument("--pages", type=int, default=1, help="how long the release is")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="pressklar-bench-")
    os.environ["PRESSKLAR_HOME"] = home
    app = QApplication(sys.argv[:1])

    from editor.model.fields import FieldType
    from editor.model.release import Release, values_from_json
    from editor.ui.context import AppContext
    from editor.ui.windows.main_window import MainWindow

    context = AppContext.load("sv")
    entry = context.library().find("readiness-ended-sv")
    assert entry is not None and entry.template is not None
    body = next(f.key for f in entry.template.fields if f.type == FieldType.PARAGRAPHS)
    reference = dict(REFERENCE)
    if args.pages > 1:
        page = "\n\n".join([TEXT.strip()] * 7)  # about 3,000 characters
        reference[body] = "\n\n".join([page] * (args.pages - 1)) + "\n\n"
    values, problems = values_from_json(entry.template, reference)
    assert not problems, problems
    window = MainWindow(context, Release.new(entry.template, values))
    window.resize(1240, 780)
    window.show()
    app.processEvents()
    assert window.form is not None
    editor = window.form.field_editor(body)
    editor.setFocus()
    if hasattr(editor, "moveCursor"):  # type at the end of what is there
        editor.moveCursor(QTextCursor.MoveOperation.End)
    preview, viewport = window.preview, window.preview.browser.viewport()

    floor = QTextBrowser()
    floor.document().setDocumentMargin(preview.browser.document().documentMargin())
    floor.resize(preview.browser.size())
    floor.move(window.geometry().right() + 10, 0)
    floor.show()
    app.processEvents()

    typed = (TEXT * (args.chars // len(TEXT) + 1))[: args.chars]
    app_times: list[float] = []
    floor_times: list[float] = []
    for index, char in enumerate(typed):
        start = time.perf_counter()
        press(editor, char)
        app.processEvents()  # what the event loop does with the key: signals, timers, autosave
        window.session.update_now()  # the coalescing timer fires
        viewport.repaint()
        app.processEvents()  # and whatever the repaint left pending, until the queue is idle
        app_times.append(time.perf_counter() - start)
        page = window.session.html_page()
        if char.strip() and index % 25 == 0:
            assert typed[: index + 1].split()[-1] in preview.browser.toPlainText()

        start = time.perf_counter()
        floor.setHtml(page)
        floor.viewport().repaint()
        app.processEvents()  # the floor's own pending work (its lazy layout), until idle
        floor_times.append(time.perf_counter() - start)

    assert typed.split()[-1] in preview.browser.toPlainText()
    assert preview.browser.toPlainText() == floor.toPlainText(), "the preview is not the page"
    ms = 1000
    app_median, floor_median = statistics.median(app_times), statistics.median(floor_times)
    app_p99, floor_p99 = percentile(app_times, 0.99), percentile(floor_times, 0.99)
    size = len(window.session.document.markdown) if window.session.document else 0
    print(
        f"keystrokes: {len(typed)} into '{body}' of the reference release,"
        f" {args.pages} page(s) ({size:,} characters of Markdown)"
    )
    print(f"app   median {app_median * ms:6.2f} ms   p99 {app_p99 * ms:6.2f} ms")
    print(f"floor median {floor_median * ms:6.2f} ms   p99 {floor_p99 * ms:6.2f} ms")
    print(f"median ratio {app_median / floor_median:.2f}")
    print(f"p99 ratio    {app_p99 / floor_p99:.2f}   goal <= 1.5")
    window.session.load(window.session.release)  # nothing unsaved: close quietly
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
