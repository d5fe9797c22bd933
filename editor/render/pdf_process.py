"""The PDF laid out and painted in a child process, so the GUI's thread never waits for it.

Qt lays out a QTextDocument (``setHtml`` and the layout of a 50-page release take a few hundred
milliseconds) without releasing Python's GIL, so on a worker thread of the GUI process it still
stops the GUI thread, which needs the GIL for every Python slot and event filter. A child
process has a GIL of its own. ``PdfHelper`` starts one (``python -m editor.render.pdf_process``
with the same interpreter, or the frozen app itself with ``--pdf-helper``), keeps it for later
exports (the next PDF does not pay for starting Python and Qt again), and hands it a
``PageSource``: the page's HTML and the few facts of the document the pagination needs, plain
data. The child answers with the bytes of the PDF, made by the same ``editor.render.pdf`` the
CLI uses in-process, so the file is the same.

Print and print preview paint on the GUI's QPrinter, so for them the child records each page
as a QPicture, laid out at the printer's resolution (``page_pictures``), which the GUI replays on
the printer one page at a time (``editor.render.pdf.replay_pages``): the same glyphs in the same
places as a layout on the printer itself, a few milliseconds of Qt per page.

The protocol is one JSON line a request on the child's stdin (``{"source": {...}}``, with
``"pictures": dpi`` for print); the child answers with a JSON line per page painted
(``{"page": 3, "pages": 50}``, with ``"picture": N`` and its N bytes for print), then
``{"size": N}`` and the N bytes of the PDF (0 for print), or ``{"error": code, "params": {...}}``
for an ExportError. A child that stops (a crash)
or sends no sign of life for ``timeout`` seconds (a hang: it is killed) is an ExportError with
a message in words; the next export starts a new child. Nothing is written by the child: the
caller writes the bytes atomically, so a failed PDF leaves no file behind. The child ends when
its stdin closes (the app quits, or crashed), at ``close``, or once it has had no request for
``idle`` seconds (it holds some 70 MB; the next PDF, or its dialog opening, starts another).

This module imports no Qt: the child imports ``editor.render.pdf`` once it runs.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from editor.errors import ExportError

if TYPE_CHECKING:
    from editor.render.document import RenderedDocument

HELPER_FLAG = "--pdf-helper"  # how a frozen app is asked to be the helper (``editor.app``)
TIMEOUT_S = 60.0  # no sign of life for this long (a page painted, the file): the child hangs
CLOSE_WAIT_S = 2.0
IDLE_S = 600.0  # a child with no request for this long ends
NICENESS = 5  # the child's priority below the app's: the window is what the user waits on

OnPage = Callable[[int, int], None]  # (page painted, pages in all)


@dataclass(frozen=True)
class PageSource:
    """What a release's pages are made from (``editor.render.pdf.page_source``)."""

    html: str
    title: str
    author: str = ""
    contact_heading: str = ""  # the contact block, from this heading on, is kept together


def helper_command() -> list[str]:
    """How to start the child: the same interpreter (or the frozen app) as this process."""
    if getattr(sys, "frozen", False):
        return [sys.executable, HELPER_FLAG]
    return [sys.executable, "-m", "editor.render.pdf_process"]


def _child_environment() -> dict[str, str]:
    environment = dict(os.environ)
    if not getattr(sys, "frozen", False):  # run from a checkout: the package where it is
        root = str(Path(__file__).resolve().parents[2])
        paths = [root, *filter(None, environment.get("PYTHONPATH", "").split(os.pathsep))]
        environment["PYTHONPATH"] = os.pathsep.join(paths)
    if sys.platform not in ("win32", "darwin"):
        environment["QT_QPA_PLATFORM"] = "offscreen"  # it shows nothing, needs no display
    return environment


class _Watchdog:
    """Calls ``on_expiry`` once ``seconds`` pass without a ``poke``."""

    def __init__(self, seconds: float, on_expiry: Callable[[], None]) -> None:
        self._seconds = seconds
        self._on_expiry = on_expiry
        self._deadline = time.monotonic() + seconds
        self._done = threading.Event()
        self.expired = False
        threading.Thread(target=self._watch, name="pdf-watchdog", daemon=True).start()

    def _watch(self) -> None:
        while not self._done.wait(max(0.0, self._deadline - time.monotonic())):
            if time.monotonic() >= self._deadline:
                self.expired = True
                self._on_expiry()
                return

    def poke(self) -> None:
        self._deadline = time.monotonic() + self._seconds

    def stop(self) -> None:
        self._done.set()


class PdfHelper:
    """One child process making PDFs, started on the first request and kept for the next.

    Thread-safe (one request at a time); call it from a worker thread, it blocks until the PDF
    is made. ``command``, ``timeout`` and ``idle`` are for tests (a child that crashes or hangs,
    a child left idle)."""

    def __init__(
        self,
        command: Sequence[str] | None = None,
        timeout: float = TIMEOUT_S,
        idle: float = IDLE_S,
    ) -> None:
        self._command = list(command) if command is not None else helper_command()
        self._timeout = timeout
        self._idle = idle
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._closing_at_exit = False
        self._idle_timer: threading.Timer | None = None
        self._requests = 0  # how many were asked for: an idle timer armed before one is stale

    def start(self) -> None:
        """Start the child now, if it is not running, without waiting for it: called when a
        PDF or a print is likely (its dialog opens), it is ready by the time it is asked.
        Never raises: a child that cannot start is reported by the request."""
        if not self._lock.acquire(blocking=False):
            return  # a request is running: the child is there
        try:
            self._running()
            self._end_when_idle()
        except ExportError:
            pass
        finally:
            self._lock.release()

    def pdf_bytes(self, doc: RenderedDocument, on_page: OnPage | None = None) -> bytes:
        """The release as a PDF file, as ``editor.render.pdf.pdf_bytes`` makes it."""
        from editor.render.pdf import page_source  # imports QtGui's classes, makes none

        return self.pdf_of(page_source(doc), on_page)

    def pdf_of(self, source: PageSource, on_page: OnPage | None = None) -> bytes:
        return self._request({"source": asdict(source)}, on_page, [])

    def page_pictures(
        self, doc: RenderedDocument, resolution: int, on_page: OnPage | None = None
    ) -> list[bytes]:
        """The release's pages as QPictures laid out for a printer of ``resolution`` dpi, for
        ``editor.render.pdf.replay_pages`` to paint on it (print and print preview)."""
        from editor.render.pdf import page_source

        pictures: list[bytes] = []
        request = {"source": asdict(page_source(doc)), "pictures": resolution}
        self._request(request, on_page, pictures)
        return pictures

    def _request(
        self, request: dict[str, Any], on_page: OnPage | None, pictures: list[bytes]
    ) -> bytes:
        line = (json.dumps(request, ensure_ascii=False) + "\n").encode("utf-8")
        with self._lock:
            self._requests += 1
            process = self._send(line)
            watchdog = _Watchdog(self._timeout, process.kill)
            try:
                return self._answer(process, watchdog, on_page, pictures)
            except BaseException:
                self._stop()  # whatever it was in the middle of, the next request starts anew
                raise
            finally:
                watchdog.stop()
                self._end_when_idle()

    def _end_when_idle(self) -> None:
        """(Holding the lock) the child ends ``idle`` seconds from now, unless asked meanwhile."""
        if self._idle_timer is not None:
            self._idle_timer.cancel()
        timer = threading.Timer(self._idle, self._end_if_idle, (self._requests,))
        timer.daemon = True  # quitting never waits for it
        timer.start()
        self._idle_timer = timer

    def _end_if_idle(self, requests: int) -> None:
        if not self._lock.acquire(blocking=False):
            return  # a request runs: it arms the timer again when it ends
        try:
            if self._requests == requests:
                self._end_child()
        finally:
            self._lock.release()

    def running(self) -> bool:
        """True while a child process is there."""
        return self._process is not None and self._process.poll() is None

    def _send(self, request: bytes) -> subprocess.Popen[bytes]:
        """The running child, the request written to it; a child that died since the last
        request is started again, once."""
        for attempt in (1, 2):
            process = self._running()
            assert process.stdin is not None
            try:
                process.stdin.write(request)
                process.stdin.flush()
                return process
            except OSError:
                self._stop()
                if attempt == 2:
                    raise ExportError("pdf.helper_stopped") from None
        raise AssertionError("unreachable")

    def _running(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console window on Windows
        try:
            self._process = subprocess.Popen(
                self._command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=_child_environment(),
                creationflags=flags,
            )
        except OSError:
            raise ExportError("pdf.helper_stopped") from None
        if not self._closing_at_exit:
            atexit.register(self.close)
            self._closing_at_exit = True
        return self._process

    def _answer(
        self,
        process: subprocess.Popen[bytes],
        watchdog: _Watchdog,
        on_page: OnPage | None,
        pictures: list[bytes],
    ) -> bytes:
        """Read the child's answer: pages told (their pictures kept in ``pictures``), then
        the PDF's bytes (none for pictures)."""
        stdout = process.stdout
        assert stdout is not None

        def stopped() -> ExportError:  # crashed, or killed by the watchdog
            if watchdog.expired:
                return ExportError("pdf.helper_timeout", seconds=round(self._timeout))
            return ExportError("pdf.helper_stopped")

        def payload(message: dict[str, Any], key: str) -> bytes:
            size = int(message[key])
            data = stdout.read(size)  # buffered: all of it, or less only at the end
            if len(data) != size:
                raise stopped()
            return data

        while True:
            message = _message(stdout.readline())
            if message is None:
                raise stopped()
            watchdog.poke()
            if "page" in message:
                if "picture" in message:
                    pictures.append(payload(message, "picture"))
                if on_page is not None:
                    on_page(int(message["page"]), int(message["pages"]))
            elif "size" in message:
                return payload(message, "size")
            else:
                params = message.get("params") or {}
                raise ExportError(str(message.get("error", "pdf.failed")), **params)

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        with contextlib.suppress(OSError):
            process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout):
            with contextlib.suppress(OSError):
                if stream is not None:
                    stream.close()

    def close(self) -> None:
        """End the child, now."""
        with self._lock:
            if self._idle_timer is not None:
                self._idle_timer.cancel()
            self._end_child()

    def _end_child(self) -> None:
        """(Holding the lock.) Its stdin closed, the child finishes; killed if it does not in
        a moment."""
        process, self._process = self._process, None
        if process is None:
            return
        with contextlib.suppress(OSError):
            if process.stdin is not None:
                process.stdin.close()
        try:
            process.wait(CLOSE_WAIT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


def _message(line: bytes) -> dict[str, Any] | None:
    """A line of the child's answer; None when it stopped (or sent what is not ours)."""
    if not line.endswith(b"\n"):
        return None
    try:
        message = json.loads(line)
    except ValueError:
        return None
    return message if isinstance(message, dict) else None


def serve(requests: IO[bytes], answers: IO[bytes]) -> int:
    """The child: each request's PDF, until ``requests`` ends."""
    from editor.render import pdf

    def send(message: dict[str, Any], data: bytes = b"") -> None:
        answers.write(json.dumps(message).encode("utf-8") + b"\n" + data)
        answers.flush()

    def picture(page: int, pages: int, data: bytes) -> None:
        send({"page": page, "pages": pages, "picture": len(data)}, data)

    pdf.ensure_gui_application()
    for line in requests:
        try:
            request = json.loads(line)
            source = PageSource(**request["source"])
            if "pictures" in request:
                pdf.page_pictures(source, int(request["pictures"]), picture)
                data = b""
            else:
                data = pdf.pdf_of(source, lambda page, pages: send({"page": page, "pages": pages}))
        except ExportError as error:
            params = {k: v for k, v in error.params.items() if isinstance(v, str | int | float)}
            send({"error": error.code, "params": params})
            continue
        send({"size": len(data)}, data)
    return 0


def main() -> int:
    """The child's entry point; anything printed goes to stderr, stdout is the channel."""
    answers = sys.stdout.buffer
    sys.stdout = sys.stderr
    if hasattr(os, "nice"):  # on a busy machine the window's process gets the CPU first
        with contextlib.suppress(OSError):
            os.nice(NICENESS)
    return serve(sys.stdin.buffer, answers)


if __name__ == "__main__":
    sys.exit(main())
