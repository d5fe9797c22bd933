"""PDF export through Qt, read back with pypdf: A4, titled, fonts embedded, text extractable.

Tests use pytest-qt's ``qapp`` so the process's one Qt application is a QApplication that the
widget tests can share; without one, the writer makes its own (see the headless test).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime
from io import BytesIO
from typing import Any

import pytest
from pypdf import PdfReader

from editor.render import writers
from editor.render.document import RenderedDocument
from editor.render.engine import render_document
from tests.helpers import ROOT, make_template, values

HEADLINE = "Regionen höjer beredskapen – åäö ÅÄÖ"
FIELDS: list[dict[str, Any]] = [
    {"key": "headline", "type": "text", "label": "Rubrik"},
    {"key": "organisation", "type": "text", "label": "Organisation"},
    {"key": "text", "type": "paragraphs", "label": "Text"},
]
BODY = "# {{ headline }}\n\n{{ text }}\n"
TEXT = "En omfattande störning; beredskapen är tillfälligt höjd. Effektiva åtgärder fattas."


def document(embargo: datetime | None = None) -> RenderedDocument:
    template = make_template(BODY, FIELDS)
    data = {"headline": HEADLINE, "organisation": "Region Exempel", "text": TEXT}
    return render_document(template, values(template, data), embargo=embargo)


@pytest.fixture
def pdf(qapp: Any) -> bytes:
    return writers.get("pdf").write(document())


def page_text(data: bytes) -> str:
    reader = PdfReader(BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_it_is_a_pdf(pdf: bytes) -> None:
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert writers.extension("pdf") == ".pdf"


def test_the_page_is_a4(pdf: bytes) -> None:
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert boxes
    for width, height in boxes:
        assert round(float(width)) == 595 and round(float(height)) == 842  # 210 x 297 mm
    page = PdfReader(BytesIO(pdf)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_the_text_is_extractable_with_swedish_letters(pdf: bytes) -> None:
    text = page_text(pdf)
    assert HEADLINE in text
    # "ti", "ff" and "tt" are ligatures in Calibri/Carlito; they must not eat letters
    assert TEXT in text


def test_title_and_creator_metadata(pdf: bytes) -> None:
    metadata = PdfReader(BytesIO(pdf)).metadata
    assert metadata is not None
    assert metadata.title == HEADLINE
    assert metadata.creator == "Pressklar"
    assert metadata.author == "Region Exempel"


def test_fonts_are_embedded(pdf: bytes) -> None:
    assert re.search(rb"/FontFile[23]?\s", pdf)
    reader = PdfReader(BytesIO(pdf))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert len(fonts) >= 1


def test_the_embargo_is_in_the_pdf(qapp: Any) -> None:
    data = writers.get("pdf").write(document(embargo=datetime(2018, 9, 25, 15, 37)))
    assert "EMBARGO: Publiceras tidigast tisdag den 25 september 2018 klockan 15.37" in (
        page_text(data)
    )


def test_headless_without_a_display_or_an_application() -> None:
    probe = (
        "import os\n"
        "from editor.render import writers\n"
        "from editor.render.engine import render_document\n"
        "from tests.helpers import make_template\n"
        "t = make_template('# Rubrik åäö\\n', [])\n"
        "data = writers.get('pdf').write(render_document(t, {}))\n"
        "print(data[:5].decode(), os.environ.get('QT_QPA_PLATFORM'))\n"
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["%PDF-", "offscreen"]


def test_qt_is_loaded_only_when_a_pdf_is_asked_for() -> None:
    probe = (
        "import sys\n"
        "from editor.render import writers\n"
        "import editor.render.engine, editor.render.checks, editor.render.short\n"
        "import editor.render.letterhead, editor.render.writers.eml\n"
        "before = any(m.startswith('PySide6') for m in sys.modules)\n"
        "assert 'pdf' in writers.names()\n"
        "writer = writers.get('pdf')\n"
        "listed = any(m.startswith('PySide6') for m in sys.modules)\n"
        "from editor.render.engine import render_document\n"
        "from tests.helpers import builtin\n"
        "writer.write(render_document(builtin('general-en'), {}))\n"
        "print(before, listed, any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "True"]
