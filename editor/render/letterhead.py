"""The organisation's Word letterhead: a reference .docx or .dotx the DOCX export starts from.

The letterhead keeps everything but its body: headers and footers (with the logo), page size
and margins, styles, theme and fonts. Its body (sample text, instructions) is removed, keeping
the final section properties that tie the headers and footers to the page, and the release is
written in its place in the letterhead's own styles. A logo placed in the body rather than the
header is removed with the body, as Word letterheads put it in the header.

A Word template (.dotx) is the same package as a document, except for the content type of its
main part; python-docx opens only documents, so the content type is rewritten in memory (the
file itself is never changed), and the export is a normal .docx.

Every way a reference file can fail (missing, unreadable, not a Word file, damaged, macro-
enabled) raises ``LetterheadError``, an ``ExportError`` with a message a press secretary
understands. The GUI shows it and asks whether to export with the built-in look instead; it
then calls ``export_docx(doc, path, fallback=True)`` (or with no letterhead).
"""

from __future__ import annotations

import os
import stat
import zipfile
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from editor.errors import ExportError, os_reason
from editor.i18n import Message
from editor.model.template import Template
from editor.render.document import RenderedDocument

if TYPE_CHECKING:
    from docx.document import Document

WORD_DOCUMENT_MAIN = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)
WORD_TEMPLATE_MAIN = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
)
MACRO_MAIN = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
CONTENT_TYPES = "[Content_Types].xml"
MAX_LETTERHEAD_BYTES = 50_000_000
MAX_UNPACKED_BYTES = 200_000_000  # what the package unpacks to, checked before it is unpacked
MAX_PARTS = 10_000
_COMPOUND_FILE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE: encrypted Office files, .doc
_RELATIONSHIPS_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_BODY_ONLY_RELATIONSHIPS = frozenset(
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + kind
    for kind in ("image", "hyperlink", "oleObject", "chart", "package", "diagramData")
)


class LetterheadError(ExportError):
    """A letterhead that cannot be used; ``path`` is the file as named."""

    def __init__(self, code: str, path: str | Message, **params: object) -> None:
        self.path = str(path)
        super().__init__(code, file=path, **params)


def letterhead_for(template: Template, default: str = "") -> str:
    """The letterhead to use: the template's own, else ``default`` (settings.letterhead), as a
    path. A relative path in a template counts from the template file's folder; "" for none."""
    chosen = template.letterhead.strip() or default.strip()
    if not chosen:
        return ""
    path = Path(chosen).expanduser()
    if not path.is_absolute() and template.letterhead.strip() and template.path:
        folder = Path(template.path).expanduser().parent
        if folder.is_dir():
            path = folder / path
    return str(path)


def _read(path: Path, shown: str) -> bytes:
    """The file's bytes: a regular file only (a template may name any path, ``/dev/zero`` or a
    pipe among them), and no more than MAX_LETTERHEAD_BYTES of it."""
    try:
        with path.open("rb") as stream:
            info = os.fstat(stream.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise LetterheadError("letterhead.not_a_file", shown)
            data = stream.read(MAX_LETTERHEAD_BYTES + 1)
        if len(data) > MAX_LETTERHEAD_BYTES:
            raise LetterheadError("letterhead.too_large", shown)
        return data
    except FileNotFoundError:
        raise LetterheadError("letterhead.not_found", shown) from None
    except IsADirectoryError:
        raise LetterheadError("letterhead.is_folder", shown) from None
    except PermissionError:
        raise LetterheadError("letterhead.no_permission", shown) from None
    except OSError as error:
        raise LetterheadError("letterhead.unreadable", shown, reason=os_reason(error)) from None


THE_LETTERHEAD = Message("letterhead.this")  # a letterhead whose file name is not known


def as_document_package(data: bytes, shown: str | Message = THE_LETTERHEAD) -> bytes:
    """The package's bytes with a Word template's main part typed as a document's, so that
    python-docx opens it; a document comes back unchanged. LetterheadError for anything that
    is not a Word document or template."""
    if data.startswith(_COMPOUND_FILE):  # what Word writes for a password-protected file
        raise LetterheadError("letterhead.protected", shown)
    try:
        with zipfile.ZipFile(BytesIO(data)) as package:
            members = package.infolist()
            if any(member.flag_bits & 0x1 for member in members):
                raise LetterheadError("letterhead.protected", shown)
            unpacked = sum(member.file_size for member in members)
            if unpacked > MAX_UNPACKED_BYTES or len(members) > MAX_PARTS:
                raise LetterheadError("letterhead.too_large", shown)
            types = package.read(CONTENT_TYPES).decode("utf-8")
            if WORD_DOCUMENT_MAIN in types:
                return data
            if any(kind in types for kind in MACRO_MAIN):
                raise LetterheadError("letterhead.macros", shown)
            if WORD_TEMPLATE_MAIN not in types:
                raise LetterheadError("letterhead.not_word", shown)
            out = BytesIO()
            with zipfile.ZipFile(out, "w") as rewritten:
                for item in package.infolist():
                    content = package.read(item.filename)
                    if item.filename == CONTENT_TYPES:
                        content = types.replace(WORD_TEMPLATE_MAIN, WORD_DOCUMENT_MAIN).encode()
                    rewritten.writestr(item, content)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, EOFError, ValueError):
        raise LetterheadError("letterhead.not_word", shown) from None
    except RuntimeError:  # zipfile: "File is encrypted, password required"
        raise LetterheadError("letterhead.protected", shown) from None


def load_letterhead(path: str | os.PathLike[str]) -> Document:
    """The letterhead as a python-docx document with an empty body, ready for the release."""
    import docx

    shown = str(path)
    data = as_document_package(_read(Path(path).expanduser(), shown), shown)
    try:
        document = docx.Document(BytesIO(data))
    except Exception:  # a damaged package can fail in python-docx or lxml in many ways
        raise LetterheadError("letterhead.damaged", shown) from None
    clear_body(document)
    return document


def clear_body(document: Document) -> None:
    """Remove the body's content but keep its last section properties (page setup, header and
    footer references), and drop relationships only the removed content used (its images)."""
    from docx.oxml.ns import qn

    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    part = document.part
    used = {
        value
        for element in part.element.iter()
        for name, value in element.attrib.items()
        if name.startswith(_RELATIONSHIPS_NS)
    }
    for rel_id, relationship in list(part.rels.items()):
        if relationship.reltype in _BODY_ONLY_RELATIONSHIPS and rel_id not in used:
            part.rels.pop(rel_id)


def export_docx(
    doc: RenderedDocument,
    letterhead: str | os.PathLike[str] | None = None,
    *,
    fallback: bool = False,
) -> bytes:
    """The release as .docx bytes, on the letterhead when one is named.

    A letterhead that cannot be used raises LetterheadError, unless ``fallback`` is true (the
    user has agreed to the built-in look), in which case the built-in look is used.
    """
    from editor.render.writers.docx_build import build_document

    base: Document | None = None
    if letterhead:
        try:
            base = load_letterhead(letterhead)
        except LetterheadError:
            if not fallback:
                raise
    document = build_document(doc, base=base)
    stream = BytesIO()
    document.save(stream)
    return stream.getvalue()
