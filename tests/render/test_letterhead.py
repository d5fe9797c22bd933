"""The organisation's Word letterhead: made here with python-docx (a header with a logo, a
footer, its own margins and fonts), then checked to survive the export around the release."""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import replace
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Cm, Pt

from editor.render.document import RenderedDocument
from editor.render.engine import render_document
from editor.render.letterhead import (
    WORD_DOCUMENT_MAIN,
    WORD_TEMPLATE_MAIN,
    LetterheadError,
    as_document_package,
    export_docx,
    letterhead_for,
    load_letterhead,
)
from tests.helpers import make_template, values

HEADLINE = "Regionen höjer beredskapen"
FOOTER = "Region Exempel · Box 1 · 351 12 Växjö"
FIELDS: list[dict[str, Any]] = [
    {"key": "headline", "type": "text", "label": "Rubrik"},
    {"key": "text", "type": "paragraphs", "label": "Text"},
]


def tiny_png() -> bytes:
    """A 2 x 2 red PNG, made by hand: signature, IHDR, IDAT, IEND."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)  # 8-bit RGB
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def make_letterhead(folder: Path, name: str = "brevmall.docx") -> Path:
    logo = folder / "logo.png"
    logo.write_bytes(tiny_png())
    reference = docx.Document()
    section = reference.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = Cm(3.3)
    section.top_margin = Cm(4)
    header = section.header.paragraphs[0]
    header.add_run().add_picture(str(logo), width=Cm(3))
    header.add_run("Region Exempel")
    section.footer.paragraphs[0].text = FOOTER
    reference.styles["Normal"].font.name = "Georgia"
    reference.styles["Normal"].font.size = Pt(12)
    reference.add_paragraph("Skriv ditt pressmeddelande här.")
    reference.add_paragraph().add_run().add_picture(str(logo), width=Cm(1))
    path = folder / name
    reference.save(str(path))
    return path


def as_template_file(document_path: Path, name: str = "brevmall.dotx") -> Path:
    """The same package with the main part typed as a Word template, as Word saves a .dotx."""
    path = document_path.with_name(name)
    with zipfile.ZipFile(document_path) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(WORD_DOCUMENT_MAIN.encode(), WORD_TEMPLATE_MAIN.encode())
            target.writestr(item, data)
    return path


def document(embargo: datetime | None = None) -> RenderedDocument:
    template = make_template("# {{ headline }}\n\n{{ text }}\n", FIELDS)
    data = {"headline": HEADLINE, "text": "Beredskapen höjdes i dag."}
    return render_document(template, values(template, data), embargo=embargo)


def reopen(data: bytes) -> Any:
    return docx.Document(BytesIO(data))


def body_text(opened: Any) -> list[str]:
    return [p.text for p in opened.paragraphs if p.text]


@pytest.fixture
def letterhead(tmp_path: Path) -> Path:
    return make_letterhead(tmp_path)


def test_header_footer_and_logo_are_kept(letterhead: Path) -> None:
    data = export_docx(document(), letterhead)
    with zipfile.ZipFile(BytesIO(data)) as package:
        names = package.namelist()
        headers = [n for n in names if n.startswith("word/header") and n.endswith(".xml")]
        footers = [n for n in names if n.startswith("word/footer") and n.endswith(".xml")]
        assert headers and footers
        header_rels = package.read(f"word/_rels/{Path(headers[0]).name}.rels").decode()
        assert RT.IMAGE in header_rels
        assert any(n.startswith("word/media/") for n in names)
        assert FOOTER in package.read(footers[0]).decode()
    opened = reopen(data)
    section = opened.sections[0]
    assert "Region Exempel" in section.header.paragraphs[0].text
    assert any(rel.reltype == RT.IMAGE for rel in section.header.part.rels.values())
    assert section.footer.paragraphs[0].text == FOOTER


def test_page_setup_and_styles_are_kept(letterhead: Path) -> None:
    opened = reopen(export_docx(document(), letterhead))
    section = opened.sections[0]
    assert round(section.left_margin.cm, 2) == 3.3 and round(section.top_margin.cm, 2) == 4
    assert opened.styles["Normal"].font.name == "Georgia"
    assert opened.styles["Normal"].font.size == Pt(12)


def test_the_body_is_replaced_by_the_release(letterhead: Path) -> None:
    opened = reopen(export_docx(document(), letterhead))
    texts = body_text(opened)
    assert texts[0] == HEADLINE and "Beredskapen höjdes i dag." in texts
    assert "Skriv ditt pressmeddelande här." not in texts
    # the body's own picture went with the body; the header keeps its logo
    assert not [r for r in opened.part.rels.values() if r.reltype == RT.IMAGE]
    assert opened.element.body[-1].tag.endswith("}sectPr")


def test_a_word_template_dotx_works_too(letterhead: Path) -> None:
    dotx = as_template_file(letterhead)
    with pytest.raises(ValueError):  # what python-docx itself does with a .dotx
        docx.Document(str(dotx))
    data = export_docx(document(), dotx)
    with zipfile.ZipFile(BytesIO(data)) as package:
        types = package.read("[Content_Types].xml").decode()
    assert WORD_DOCUMENT_MAIN in types and WORD_TEMPLATE_MAIN not in types
    opened = reopen(data)
    assert body_text(opened)[0] == HEADLINE
    assert opened.sections[0].footer.paragraphs[0].text == FOOTER


def test_the_reference_file_itself_is_not_changed(letterhead: Path) -> None:
    before = letterhead.read_bytes()
    export_docx(document(), as_template_file(letterhead))
    export_docx(document(), letterhead)
    assert letterhead.read_bytes() == before


def test_a_document_package_passes_unchanged() -> None:
    data = BytesIO()
    docx.Document().save(data)
    assert as_document_package(data.getvalue()) == data.getvalue()


def test_without_a_letterhead_the_built_in_look_is_a4(tmp_path: Path) -> None:
    opened = reopen(export_docx(document(), None))
    assert round(opened.sections[0].page_width.cm, 2) == 21
    assert body_text(opened)[0] == HEADLINE


def test_a_missing_letterhead_is_a_clear_error_unless_fallback_is_agreed(tmp_path: Path) -> None:
    missing = tmp_path / "finns-inte.dotx"
    with pytest.raises(LetterheadError, match="was not found") as caught:
        export_docx(document(), missing)
    assert caught.value.path == str(missing)
    fallback = reopen(export_docx(document(), missing, fallback=True))
    assert body_text(fallback)[0] == HEADLINE
    assert round(fallback.sections[0].page_width.cm, 2) == 21


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a zip at all", "is not a Word document"),
        (b"PK\x03\x04 broken zip", "is not a Word document"),
    ],
)
def test_a_file_that_is_not_word_is_a_clear_error(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "brevmall.docx"
    path.write_bytes(content)
    with pytest.raises(LetterheadError, match=message):
        load_letterhead(path)


def write_zip(path: Path, files: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as package:
        for name, text in files.items():
            package.writestr(name, text)
    return path


def content_types(main: str) -> str:
    return (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Override PartName="/word/document.xml" ContentType="'
        + main
        + '"/></Types>'
    )


def test_another_office_file_is_not_a_word_file(tmp_path: Path) -> None:
    sheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    path = write_zip(tmp_path / "ark.xlsx", {"[Content_Types].xml": content_types(sheet)})
    with pytest.raises(LetterheadError, match="not a Word document"):
        load_letterhead(path)
    plain = write_zip(tmp_path / "plain.zip", {"readme.txt": "hej"})
    with pytest.raises(LetterheadError, match="not a Word document"):
        load_letterhead(plain)


def test_a_damaged_word_file_is_a_clear_error(tmp_path: Path) -> None:
    path = write_zip(
        tmp_path / "trasig.docx", {"[Content_Types].xml": content_types(WORD_DOCUMENT_MAIN)}
    )
    with pytest.raises(LetterheadError, match="is damaged"):
        load_letterhead(path)


def test_a_macro_enabled_template_is_refused_with_advice(tmp_path: Path) -> None:
    macro = "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
    path = write_zip(tmp_path / "brevmall.dotm", {"[Content_Types].xml": content_types(macro)})
    with pytest.raises(LetterheadError, match=r"macros.*\.dotx"):
        load_letterhead(path)


def test_a_folder_is_not_a_letterhead(tmp_path: Path) -> None:
    with pytest.raises(LetterheadError, match="is a folder"):
        load_letterhead(tmp_path)


def test_the_template_names_the_letterhead_before_the_settings(tmp_path: Path) -> None:
    template = make_template("x", [])
    assert letterhead_for(template) == ""
    assert letterhead_for(template, "/org/brevmall.dotx") == "/org/brevmall.dotx"
    own = replace(template, letterhead="mall.dotx", path=str(tmp_path / "mall.toml"))
    assert letterhead_for(own, "/org/brevmall.dotx") == str(tmp_path / "mall.dotx")
    absolute = replace(template, letterhead=str(tmp_path / "a.docx"))
    assert letterhead_for(absolute) == str(tmp_path / "a.docx")


def test_the_embargo_is_in_the_word_file(letterhead: Path) -> None:
    embargo = datetime(2018, 9, 25, 15, 37)
    notice = "EMBARGO: Publiceras tidigast tisdag den 25 september 2018 klockan 15.37"
    for data in (export_docx(document(embargo), letterhead), export_docx(document(embargo))):
        texts = body_text(reopen(data))
        assert texts[0] == notice and texts[1] == HEADLINE


def _code(path: str | Path) -> str:
    with pytest.raises(LetterheadError) as raised:
        export_docx(document(), path)
    return raised.value.code


def test_a_letterhead_that_is_not_a_regular_file_is_refused_without_reading_it() -> None:
    assert _code("/dev/zero") == "letterhead.not_a_file"  # was: read until memory ran out


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, letterhead: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(letterhead) as source, zipfile.ZipFile(bomb, "w") as out:
        for item in source.infolist():
            out.writestr(item, source.read(item.filename))
        out.writestr(
            zipfile.ZipInfo("word/media/huge.bin"), b"\0" * 300_000_000, zipfile.ZIP_DEFLATED
        )
    assert bomb.stat().st_size < 2_000_000
    assert _code(bomb) == "letterhead.too_large"


def test_a_password_protected_letterhead_is_named_as_such(tmp_path: Path) -> None:
    protected = tmp_path / "skyddad.docx"  # Word encrypts into an OLE compound file
    protected.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    assert _code(protected) == "letterhead.protected"
    encrypted = tmp_path / "krypterad.docx"  # a zip whose members are encrypted
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        out.writestr("[Content_Types].xml", "x")
    data = bytearray(buffer.getvalue())
    for offset in (6, data.rfind(b"PK\x01\x02") + 8):  # the flag bits, local and central
        data[offset] |= 0x1
    encrypted.write_bytes(bytes(data))
    assert _code(encrypted) == "letterhead.protected"
