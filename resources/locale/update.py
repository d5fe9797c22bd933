"""Regenerate the core's message catalogs from ``editor.i18n.catalog``.

    python resources/locale/update.py

Writes ``pressklar.pot`` (every code: msgctxt is the code, msgid the English text), merges it
into each ``<lang>/LC_MESSAGES/pressklar.po`` (a changed English text makes its translation
fuzzy, which the app does not use until a translator confirms it), and compiles each ``.mo``.
Translate in the ``.po`` (any PO editor, or by hand), then run this again. The ``.po`` and
``.mo`` are both committed: the ``.mo`` travels in the wheel, and a test proves it matches.

Babel is needed here, not by the running app (which reads the ``.mo`` with ``gettext``).
"""

from __future__ import annotations

import sys
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

HERE = Path(__file__).resolve().parent
DOMAIN = "pressklar"


def source_catalog() -> Catalog:
    """The catalog of the English source texts, as the code declares them."""
    sys.path.insert(0, str(HERE.parent.parent))
    from editor.i18n.catalog import ENGLISH

    catalog = Catalog(project="Pressklar", domain=DOMAIN, fuzzy=False)
    for code, english in ENGLISH.items():
        catalog.add(english, context=code)
    return catalog


def compiled(po_file: Path) -> bytes:
    """The .mo bytes for a .po file, fuzzy entries left out."""
    with po_file.open("rb") as stream:
        catalog = read_po(stream)
    out = BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def main() -> None:
    template = source_catalog()
    with (HERE / f"{DOMAIN}.pot").open("wb") as stream:
        write_po(stream, template, width=100, omit_header=False, sort_output=False)
    for po_file in sorted(HERE.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po_file.open("rb") as stream:
            catalog = read_po(stream)
        catalog.update(template, no_fuzzy_matching=True)
        with po_file.open("wb") as stream:
            write_po(stream, catalog, width=100, ignore_obsolete=True)
        po_file.with_suffix(".mo").write_bytes(compiled(po_file))


if __name__ == "__main__":
    main()
