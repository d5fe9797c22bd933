"""The PDF made in the helper's child process: the same pages, text and metadata as the one made
in this process; a child that crashes or hangs is an error in words, and the next PDF works."""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterator
from io import BytesIO
from typing import Any

import pytest
from pypdf import PdfReader

from editor.errors import ExportError
from editor.i18n import english
from editor.render import writers
from editor.render.document import DocumentMeta, RenderedDocument
from editor.render.pdf import page_source, pdf_bytes
from editor.render.pdf_process import PdfHelper, helper_command
from editor.render.writers.base import ExportOptions

SENTENCE = "Akutmottagningarna var öppna hela tiden och ingen patient kom till skada."
PARAGRAPH = " ".join([SENTENCE] * 6)
MARKDOWN = (
    "# Stabsläget avslutat – åäö\n\n"
    + "\n\n".join([PARAGRAPH] * 20)
    + "\n\n## Kontakt\n\nAnna Exempel, pressekreterare\n"
)
CRASHES = "import sys; sys.stdin.readline(); sys.exit(3)"  # takes the request, then dies
HANGS = "import sys, time; sys.stdin.readline(); time.sleep(60)"
SENDS_NOISE = "import sys; sys.stdin.readline(); print('hello'); sys.stdout.flush()"


def document() -> RenderedDocument:
    return RenderedDocument(MARKDOWN, DocumentMeta("sv", author="Region Exempel"))


@pytest.fixture
def helper() -> Iterator[PdfHelper]:
    made = PdfHelper()
    yield made
    made.close()


def pages_text(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(data)).pages]


def test_the_childs_pdf_has_the_same_pages_text_and_title(qapp: Any, helper: PdfHelper) -> None:
    made_there = helper.pdf_bytes(document())
    made_here = pdf_bytes(document())
    assert made_there.startswith(b"%PDF-")
    there, here = pages_text(made_there), pages_text(made_here)
    assert len(there) >= 2 and there == here
    assert "Stabsläget avslutat – åäö" in there[0] and "Anna Exempel" in there[-1]
    metadata = PdfReader(BytesIO(made_there)).metadata
    assert metadata is not None
    assert metadata.title == "Stabsläget avslutat – åäö"
    assert metadata.author == "Region Exempel" and metadata.creator == "Pressklar"
    # byte for byte the same, but for the file's own id and dates
    assert len(made_there) == len(made_here)


def test_the_pdf_writer_uses_the_helper_named_in_the_options(helper: PdfHelper) -> None:
    pages: list[tuple[int, int]] = []

    class Counting(PdfHelper):
        def pdf_bytes(self, doc: RenderedDocument, on_page: Any = None) -> bytes:
            return helper.pdf_bytes(doc, lambda page, count: pages.append((page, count)))

    data = writers.get("pdf").write(document(), ExportOptions(pdf_helper=Counting()))
    count = len(PdfReader(BytesIO(data)).pages)
    assert pages == [(page, count) for page in range(1, count + 1)]  # told page by page


def test_the_pdf_writer_tells_each_page_to_the_options_on_page(helper: PdfHelper) -> None:
    pages: list[tuple[int, int]] = []
    options = ExportOptions(pdf_helper=helper, on_page=lambda *told: pages.append(told))
    data = writers.get("pdf").write(document(), options)
    count = len(PdfReader(BytesIO(data)).pages)
    assert count >= 2 and pages == [(page, count) for page in range(1, count + 1)]


def test_the_child_is_kept_for_the_next_pdf_and_started_again_once_gone(
    helper: PdfHelper,
) -> None:
    first = helper.pdf_bytes(document())
    process = helper._process
    assert process is not None and process.poll() is None
    assert pages_text(helper.pdf_bytes(document())) == pages_text(first)
    assert helper._process is process  # the same child, warm
    process.kill()
    process.wait()
    assert pages_text(helper.pdf_bytes(document())) == pages_text(first)  # a new one
    assert helper._process is not process


def test_a_child_that_crashes_is_an_error_in_words_and_the_next_pdf_is_made() -> None:
    crashing = PdfHelper([sys.executable, "-c", CRASHES])
    with pytest.raises(ExportError) as raised:
        crashing.pdf_of(page_source(document()))
    error = raised.value
    assert error.code == "pdf.helper_stopped"
    assert error.text("en") == english("pdf.helper_stopped")
    assert "Nothing was written" in error.text("en")
    assert error.text("sv") != error.text("en") and "Inget har skrivits" in error.text("sv")
    assert crashing._process is None  # forgotten: the next request starts a new child


def test_a_child_that_hangs_is_stopped_after_the_timeout() -> None:
    hanging = PdfHelper([sys.executable, "-c", HANGS], timeout=0.5)
    with pytest.raises(ExportError) as raised:
        hanging.pdf_of(page_source(document()))
    assert raised.value.code == "pdf.helper_timeout"
    assert re.search(r"\b1 sekunder|\b0 sekunder", raised.value.text("sv"))
    assert hanging._process is None


def test_a_child_that_answers_what_is_not_a_pdf_is_an_error() -> None:
    noisy = PdfHelper([sys.executable, "-c", SENDS_NOISE])
    with pytest.raises(ExportError) as raised:
        noisy.pdf_of(page_source(document()))
    assert raised.value.code == "pdf.helper_stopped"


def test_a_child_that_cannot_be_started_is_an_error_in_words(tmp_path: Any) -> None:
    missing = PdfHelper([str(tmp_path / "no-such-program")])
    with pytest.raises(ExportError) as raised:
        missing.pdf_of(page_source(document()))
    assert raised.value.code == "pdf.helper_stopped"


def test_the_child_is_started_with_this_interpreter() -> None:
    assert helper_command()[0] == sys.executable
    assert helper_command()[1:] == ["-m", "editor.render.pdf_process"]


def test_a_frozen_app_starts_itself_as_the_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert helper_command() == [sys.executable, "--pdf-helper"]


def test_the_apps_entry_point_serves_as_the_helper_of_a_frozen_app(qapp: Any) -> None:
    as_frozen = "import sys; from editor.app import main; sys.exit(main(['--pdf-helper']))"
    frozen = PdfHelper([sys.executable, "-c", as_frozen])
    try:
        assert pages_text(frozen.pdf_bytes(document())) == pages_text(pdf_bytes(document()))
    finally:
        frozen.close()


def test_close_ends_the_child_and_the_next_pdf_starts_another(helper: PdfHelper) -> None:
    helper.pdf_bytes(document())
    process = helper._process
    assert process is not None
    helper.close()  # as the app does when it quits
    assert process.poll() is not None
    assert helper.pdf_bytes(document()).startswith(b"%PDF-")


def test_the_helper_works_from_any_folder_with_the_package_where_it_is(tmp_path: Any) -> None:
    """The child is found by module name with the package's own folder on its path, not the
    current folder: as from a checkout started elsewhere, or an installed package."""
    import subprocess

    from tests.helpers import ROOT

    probe = (
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from editor.render.document import DocumentMeta, RenderedDocument\n"
        "from editor.render.pdf_process import PdfHelper\n"
        "helper = PdfHelper()\n"
        "data = helper.pdf_bytes(RenderedDocument('# Rubrik åäö\\n', DocumentMeta('sv')))\n"
        "helper.close()\n"
        "print(data[:5].decode())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["%PDF-"]


def test_a_child_started_ahead_serves_the_next_pdf(helper: PdfHelper) -> None:
    helper.start()  # as the export dialog does when PDF is the format it offers
    process = helper._process
    assert process is not None and process.poll() is None
    helper.start()  # already running: the same child
    assert helper._process is process
    assert helper.pdf_bytes(document()).startswith(b"%PDF-")
    assert helper._process is process


def test_a_child_that_cannot_be_started_ahead_is_told_by_the_request(tmp_path: Any) -> None:
    missing = PdfHelper([str(tmp_path / "no-such-program")])
    missing.start()  # says nothing
    with pytest.raises(ExportError) as raised:
        missing.pdf_of(page_source(document()))
    assert raised.value.code == "pdf.helper_stopped"


def test_a_child_left_idle_ends_and_the_next_pdf_starts_another() -> None:
    idle = PdfHelper(idle=0.5)
    try:
        first = idle.pdf_bytes(document())
        assert idle.running()
        deadline = time.monotonic() + 30
        while idle.running() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not idle.running()  # ended on its own, its 70 MB given back
        assert pages_text(idle.pdf_bytes(document())) == pages_text(first)
    finally:
        idle.close()


def test_a_child_asked_again_before_its_idle_time_is_kept() -> None:
    idle = PdfHelper(idle=1.5)
    try:
        idle.pdf_bytes(document())
        process = idle._process
        time.sleep(1.0)
        idle.pdf_bytes(document())  # the idle time starts again from here
        time.sleep(1.0)
        assert idle.running() and idle._process is process
    finally:
        idle.close()


def test_a_child_started_ahead_and_never_asked_ends_too() -> None:
    idle = PdfHelper(idle=0.3)
    try:
        idle.start()
        assert idle.running()
        deadline = time.monotonic() + 30
        while idle.running() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not idle.running()
    finally:
        idle.close()
