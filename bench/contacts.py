"""The contact book at 10,000 contacts: search, the contact field, the book window, start-up.

    python bench/contacts.py [--contacts N] [--rounds N] [--start-runs N]

Figures (ms, median and p99 of ``--rounds`` runs, each its own fresh action), in a window that
has run the app's warm-up (which reads the book on its thread, started after the first paint
as the app starts it, once the form has built its later rows; the longest GUI-thread gap while
its thread runs is printed too):
- focus into a contact field's name (the completer offers the book; the first sample is the
  process's first focus, which asks for the book);
- open the pick menu (filled as it opens, shown, painted);
- open the book window (read from disk, listed, painted);
- book window search per keystroke: the search line's text set, the list repainted;
- core search per keystroke: ``ContactBook.search`` for each prefix of a typed query.
Then whole-process start-up (``main.py --exit-when-ready``) with the book on disk, as a ratio to
the same start with an empty book, alternating, medians of ``--start-runs`` runs each.

Goals (issue "Fast at every size"): search <= 16 ms; focus, menu, book window <= 50 ms each;
start-up ratio <= 1.05.
"""

from __future__ import annotations

import sys

# bench/typing.py would shadow the standard library's ``typing``: keep this folder off the path.
sys.path[:] = [p for p in sys.path if p not in ("", sys.path[0])]

import argparse
import itertools
import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

QUERY = "anna region"
FIRST_READ = """
import sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from editor.storage.contacts import load_contact_book
start = time.perf_counter()
load_contact_book(Path(sys.argv[2]))
print((time.perf_counter() - start) * 1000)
"""
FIRST = ["Anna", "Åsa", "Bo", "Örjan", "Élise", "Karl", "Lena", "Per", "Märta", "Zoë", "Ingrid"]
LAST = ["Exempel", "Öberg", "Berg", "Åström", "Lind", "Nilsson", "Ek", "Sandén", "Holm"]
TITLES = ["Pressekreterare", "Hälso- och sjukvårdsdirektör", "Chef", "Kommunikatör", "Läkare"]


def contacts(count: int) -> list[object]:
    from editor.model.contacts import Contact, Phone

    return [
        Contact(
            name=f"{FIRST[i % len(FIRST)]} {LAST[(i // 7) % len(LAST)]}{i // 63 or ''}",
            title=TITLES[i % len(TITLES)],
            organisation=f"Region {['Exempel', 'Kronoberg', 'Skåne', 'Norr'][i % 4]}",
            unit="Enheten för media och kriskommunikation" if i % 3 else "",
            email=f"person.{i}@example.se",
            phones=(Phone(f"070-{i:07}", "mobil"),),
        )
        for i in range(count)
    ]


def stats(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(times) * 1000, p99 * 1000


def report(name: str, times: list[float], goal: float) -> None:
    median, p99 = stats(times)
    verdict = "ok" if p99 <= goal else "MISSED"
    print(f"{name:<42} median {median:7.2f} ms   p99 {p99:7.2f} ms", end="")
    print(f"   goal <= {goal:.0f} ms  {verdict}")


def timed(action: Callable[[], object], before: Callable[[], object] | None = None) -> float:
    if before is not None:
        before()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def gui_figures(home: Path, rounds: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from editor.model.release import Release
    from editor.storage.contacts import load_contact_book
    from editor.ui.context import AppContext
    from editor.ui.form.contact import ContactEditor
    from editor.ui.warm_up import WarmUpAfter
    from editor.ui.windows.contact_book import ContactBookWindow
    from editor.ui.windows.main_window import MainWindow

    context = AppContext.load("sv")
    path = context.paths.contacts_file
    # what the first focus, menu or book window of a process pays once, on top of the figures:
    # read in new processes (this one has the book it saved in memory)
    first_read = statistics.median(
        float(
            subprocess.run(
                [sys.executable, "-c", FIRST_READ, str(ROOT), str(path)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        for _ in range(5)
    )
    print(f"{'reading the book, first time in a process':<42} {first_read:7.2f} ms (median of 5)")
    prefixes = [QUERY[: i + 1] for i in range(len(QUERY))]

    entry = context.library().find("readiness-ended-sv")
    assert entry is not None and entry.template is not None
    window = MainWindow(context, Release.new(entry.template))
    window.resize(1240, 780)
    painted = QEventLoop()
    window.preview.first_painted.connect(painted.quit)
    window.show()
    QTimer.singleShot(10_000, painted.quit)  # a window that never paints: measured all the same
    painted.exec()

    # what the app does after its first paint: the warm-up reads the book on its thread while
    # the window runs (the book was written in this process as a file only, not read). It
    # starts as the app starts it, once the form has built its later rows (bench/freeze.py
    # measures the window from its first paint on, these rows included)
    warm_up = WarmUpAfter.for_window(window, context)
    run_while(lambda: warm_up.worker is None)
    worker = warm_up.worker
    assert worker is not None
    longest = longest_gap_while(worker.is_alive)
    print(f"{'longest GUI-thread gap during the warm-up':<42} {longest:7.2f} ms   goal <= 50 ms")

    assert window.form is not None
    field = next(f.key for f in entry.template.fields if f.type == "contact")
    editor = window.form.editor(field)
    assert isinstance(editor, ContactEditor)
    card = editor.cards[0]
    elsewhere = window.form.findChildren(QLineEdit)[0]

    def focus_away() -> None:
        elsewhere.setFocus()
        app.processEvents()

    def focus_name() -> None:
        card.name.setFocus()
        app.processEvents()

    # the first focus in the process is the first sample: it asks the context for the book
    focus = [timed(focus_name, focus_away) for _ in range(rounds)]
    report("focus into a contact field", focus, 50)

    menu = card.pick.menu()

    def open_menu() -> None:
        menu.popup(card.pick.mapToGlobal(card.pick.rect().bottomLeft()))
        app.processEvents()

    def close_menu() -> None:
        menu.hide()
        app.processEvents()

    menus = [timed(open_menu, close_menu) for _ in range(max(3, rounds // 3))]
    close_menu()
    report("open the pick menu", menus, 50)

    opened: list[ContactBookWindow] = []

    def open_book() -> None:
        book_window = ContactBookWindow(path)
        book_window.show()
        book_window.list.viewport().repaint()
        app.processEvents()
        opened.append(book_window)

    def close_book() -> None:
        while opened:
            opened.pop().close()
        app.processEvents()

    books = [timed(open_book, close_book) for _ in range(max(3, rounds // 3))]
    report("open the book window", books, 50)

    book_window = ContactBookWindow(path)
    book_window.show()
    app.processEvents()

    def type_prefix(prefix: str) -> Callable[[], None]:
        def run() -> None:
            book_window.search_edit.setText(prefix)
            book_window.list.viewport().repaint()
            app.processEvents()

        return run

    typing: list[float] = []
    for _ in range(max(1, rounds // len(prefixes))):
        book_window.search_edit.clear()
        app.processEvents()
        for prefix in prefixes:
            typing.append(timed(type_prefix(prefix)))
    report("book window search per keystroke", typing, 16)
    book_window.close()
    window.session.load(window.session.release)
    window.close()

    book, _ = load_contact_book(path)
    core: list[float] = []
    for _ in range(max(1, rounds // len(prefixes))):
        for prefix in prefixes:
            core.append(timed(lambda p=prefix: book.search(p)))
    report(f"core search per keystroke ({len(book)} contacts)", core, 16)


def run_while(running: Callable[[], bool]) -> None:
    """The event loop, while ``running()`` (asked every 5 ms)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    watcher = QTimer()
    watcher.setInterval(5)
    watcher.timeout.connect(lambda: None if running() else loop.quit())
    watcher.start()
    loop.exec()
    watcher.stop()


def longest_gap_while(running: Callable[[], bool]) -> float:
    """The longest gap (ms) between ticks of a 1 ms timer on the GUI thread while
    ``running()``, the event loop running meanwhile."""
    from PySide6.QtCore import QTimer

    ticks = [time.perf_counter()]
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    run_while(running)
    timer.stop()
    ticks.append(time.perf_counter())
    return max(b - a for a, b in itertools.pairwise(ticks)) * 1000


def start_ratio(home: Path, runs: int) -> None:
    """Two fresh homes that differ only in the book (the GUI figures left settings and caches
    in ``home``)."""
    import shutil

    book_file = home / "data" / "contacts.json"
    home = home.parent / "book-home"
    (home / "data").mkdir(parents=True)
    shutil.copy(book_file, home / "data" / "contacts.json")
    empty = home.parent / "empty-home"
    command = [sys.executable, str(ROOT / "main.py"), "--exit-when-ready", "--lang", "sv"]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ["QT_QPA_PLATFORM"]}
    times: dict[str, list[float]] = {"book": [], "empty": []}
    for folder in (home, empty):  # warm the file cache, make the first-run files
        subprocess.run([*command, "--home", str(folder)], check=True, env=env, cwd=ROOT)
    for _ in range(runs):
        for name, folder in (("empty", empty), ("book", home)):
            start = time.perf_counter()
            subprocess.run([*command, "--home", str(folder)], check=True, env=env, cwd=ROOT)
            times[name].append(time.perf_counter() - start)
    book, no_book = statistics.median(times["book"]), statistics.median(times["empty"])
    print(
        f"app start with the book {book * 1000:.0f} ms, with an empty book {no_book * 1000:.0f} ms"
        f" (medians of {runs}, alternating): ratio {book / no_book:.2f}   goal <= 1.05"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=33)
    parser.add_argument("--start-runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pressklar-bench-") as folder:
        home = Path(folder) / "home"
        os.environ["PRESSKLAR_HOME"] = str(home)
        from editor.storage.atomic import atomic_write
        from editor.storage.contacts import ContactBook, contacts_to_json
        from editor.storage.paths import user_paths

        # written as a file only: this process has not read it, as the app has not at start
        book = ContactBook(contacts(args.contacts))
        atomic_write(user_paths().contacts_file, contacts_to_json(book), make_dirs=True)
        gui_figures(home, args.rounds)
        if args.start_runs:
            start_ratio(home, args.start_runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
