"""Start-up: ``python main.py --exit-when-ready`` against its floor, measured alternately.

The floor is a bare PySide6 window with a QTextBrowser showing the same HTML as the app's first
preview, after importing only what the first preview needs (Jinja2, markdown-it-py, Babel),
quitting once the browser has painted. Whole-process wall time and peak RSS, per run.

    python bench/startup.py [--runs N]

Goals: median time ratio <= 1.2; peak RSS at most 35 MB above the floor.
"""

from __future__ import annotations

import sys

# bench/typing.py would shadow the standard library's ``typing``: keep this folder off the path.
sys.path[:] = [p for p in sys.path if p not in ("", sys.path[0])]

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FLOOR = """
import sys, time
import babel, jinja2, markdown_it  # what the first preview needs, nothing else
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTextBrowser

class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
browser = QTextBrowser()
browser.setHtml(open(sys.argv[1], encoding="utf-8").read())
window.setCentralWidget(browser)
painted = Painted()
browser.viewport().installEventFilter(painted)
window.resize(1240, 780)
window.show()
app.exec()
sys.stderr.write(f"READY {time.time():.6f}\\n")
"""

# main.py itself, run so that the moment it has finished (before the interpreter tears down)
# is known too: that is "ready", the same moment the floor reports.
APP = """
import runpy, sys, time
sys.argv = ["main.py", *sys.argv[1:]]
try:
    runpy.run_path("main.py", run_name="__main__")
finally:
    sys.stderr.write(f"READY {time.time():.6f}\\n")
"""


def first_preview_html(home: Path) -> str:
    """The HTML the app's first preview shows for a fresh home (the general release)."""
    os.environ["PRESSKLAR_HOME"] = str(home)
    from editor.model.release import Release
    from editor.render.engine import render_document
    from editor.render.writers.html import html_page
    from editor.ui.application import initial_template
    from editor.ui.context import AppContext

    context = AppContext.load("sv")
    template = initial_template(context)
    assert template is not None
    release = Release.new(template)
    return html_page(render_document(release.template, release.values))


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, float, float]:
    """(seconds for the whole process, seconds until it was ready, peak RSS in MB, CPU seconds:
    user and system, which other load on the machine changes less than wall time)."""
    spawned = time.time()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors}")
    ready = next(float(line.split()[1]) for line in errors.splitlines() if line.startswith("READY"))
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, ready - spawned, usage.ru_maxrss / 1024, cpu  # KiB on Linux


def byte_compile() -> None:
    """Write the app's .pyc files, as ``pip install`` does: the floor's libraries have theirs, and
    a checkout run with PYTHONDONTWRITEBYTECODE would otherwise compile ~50 modules per start."""
    import compileall

    compileall.compile_dir(ROOT / "editor", quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--no-compile", action="store_true", help="measure without writing .pyc files first"
    )
    args = parser.parse_args()
    if not args.no_compile:
        byte_compile()
    env = {**os.environ}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        html_file = Path(folder) / "preview.html"
        html_file.write_text(first_preview_html(home), encoding="utf-8")
        floor_file = Path(folder) / "floor.py"
        floor_file.write_text(FLOOR, encoding="utf-8")
        app_args = ["--exit-when-ready", "--home", str(home), "--lang", "sv"]
        commands = {
            "app": [sys.executable, "-c", APP, *app_args],
            "floor": [sys.executable, str(floor_file), str(html_file)],
        }
        for command in commands.values():
            timed(command, env)  # warm the file cache for both
        runs: dict[str, list[tuple[float, float, float, float]]] = {"app": [], "floor": []}
        for _ in range(args.runs):
            for name, command in commands.items():
                runs[name].append(timed(command, env))
    medians = {
        name: [statistics.median(run[i] for run in results) for i in range(4)]
        for name, results in runs.items()
    }
    (app_total, app_ready, app_rss, app_cpu), (floor_total, floor_ready, floor_rss, floor_cpu) = (
        medians["app"],
        medians["floor"],
    )
    ms = 1000
    print(f"runs: {args.runs} each, alternating ({env['QT_QPA_PLATFORM']})")
    for name, (total, ready, rss, cpu) in medians.items():
        print(
            f"{name:5} whole process {total * ms:6.1f} ms   ready after {ready * ms:6.1f} ms",
            end="",
        )
        print(f"   CPU {cpu * ms:6.1f} ms   peak RSS {rss:5.1f} MB")
    print(f"whole-process time ratio (median): {app_total / floor_total:.2f}   goal <= 1.2")
    print(
        f"time-to-ready ratio (median, without interpreter teardown): {app_ready / floor_ready:.2f}"
    )
    cpu_ratio = app_cpu / floor_cpu
    print(f"CPU time ratio (median, user + system; steadier on a busy machine): {cpu_ratio:.2f}")
    print(f"peak RSS: +{app_rss - floor_rss:.1f} MB over the floor   goal <= +35 MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
