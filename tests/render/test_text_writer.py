"""Plain-text export: exact output for a small release, and invariants for any text."""

from __future__ import annotations

import re
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.model.fields import PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN, clean_line
from editor.render.document import DocumentMeta, RenderedDocument
from editor.render.escape import escape_markdown
from editor.render.writers.text import TextWriter, display_width, plain_text

# A line may pass 72 columns only for one unbreakable word (after a list marker or "> ").
ONE_WORD = re.compile(r"^ *(?:-|\d+\.|>)? *[^ ]+$")

RELEASE = """\
# Region Exempel går upp i stabsläge

**Region Exempel gick i dag klockan 07.45 upp i stabsläge** efter en omfattande \
IT-störning som påverkar journalsystemet vid regionens sjukhus och vårdcentraler.

## Vad gäller nu?

- Akutmottagningarna är *öppna* som vanligt.
- Planerade besök kan skjutas upp.

3. Ring 1177 vid frågor om vård.
4. Läs mer på [regionens webbplats](https://www.regionexempel.se/storning).

**Presskontakt**\\
Anna Andersson, presschef\\
070-123 45 67
"""

EXPECTED = """\
Region Exempel går upp i stabsläge
==================================

Region Exempel gick i dag klockan 07.45 upp i stabsläge efter en
omfattande IT-störning som påverkar journalsystemet vid regionens
sjukhus och vårdcentraler.

Vad gäller nu?
--------------

- Akutmottagningarna är öppna som vanligt.
- Planerade besök kan skjutas upp.

3. Ring 1177 vid frågor om vård.
4. Läs mer på regionens webbplats
   <https://www.regionexempel.se/storning>.

Presskontakt
Anna Andersson, presschef
070-123 45 67
"""


def document(markdown: str, language: str = "sv") -> RenderedDocument:
    meta = DocumentMeta(language=language, organisation="Region Exempel", template_name="Test")
    return RenderedDocument(markdown=markdown, meta=meta)


def text(markdown: str) -> str:
    return plain_text(document(markdown))


def assert_invariants(output: str) -> None:
    assert output.endswith("\n")
    assert not output.endswith("\n\n")
    assert "\r" not in output
    for line in output.split("\n"):
        assert line == line.rstrip(), repr(line)
        assert len(line) <= 72 or ONE_WORD.match(line), repr(line)


def test_sample_release_exactly() -> None:
    assert text(RELEASE) == EXPECTED


def test_writer_returns_utf8_bytes() -> None:
    writer = TextWriter()
    assert writer.write(document(RELEASE)) == EXPECTED.encode("utf-8")
    assert (writer.name, writer.extension) == ("txt", ".txt")
    assert writer.media_type == "text/plain; charset=utf-8"


def test_sample_release_invariants() -> None:
    assert_invariants(text(RELEASE))


def test_long_paragraph_wraps_at_72_without_breaking_urls_or_hyphens() -> None:
    url = "https://www.regionexempel.se/nyheter/2024/" + "mycket-lang-adress-" * 4 + "slut"
    words = " ".join(["journalsystemet"] * 12)
    output = text(f"{words} {url} och e-postadressen kommunikation.avdelningen@regionexempel.se.")
    assert_invariants(output)
    lines = output.splitlines()
    assert url in lines  # on a line of its own, whole
    assert all(len(line) <= 72 for line in lines if line != url)
    assert "kommunikation.avdelningen@regionexempel.se." in output
    assert not any(line.endswith("-") for line in lines)


def test_hyphenated_words_are_not_split() -> None:
    output = text(" ".join(["IT-störningen"] * 20))
    assert all(word == "IT-störningen" for word in output.split())


def test_only_the_first_h1_gets_the_double_underline() -> None:
    output = text("# Först\n\n# Sedan\n\n### Tredje nivån\n")
    assert output == "Först\n=====\n\nSedan\n-----\n\nTredje nivån\n------------\n"


def test_underline_counts_wide_characters_twice() -> None:
    assert text("# 東京 🚑\n") == "東京 🚑\n=======\n"
    assert display_width("e\u0301") == 1  # a combining accent takes no column


def test_links_show_the_address_once() -> None:
    output = text(
        "[https://example.se](https://example.se) och <https://example.se/a> och "
        "[press@example.se](mailto:press@example.se) och [070-123 45 67](tel:0701234567) "
        "och [webben](https://example.se/b)."
    )
    assert output == (
        "https://example.se och https://example.se/a och press@example.se och\n"
        "070-123 45 67 och webben <https://example.se/b>.\n"
    )


def test_link_text_without_scheme_shows_the_full_address() -> None:
    assert text("[example.se](https://example.se/)") == "https://example.se/\n"


def test_unsafe_links_stay_text() -> None:
    assert text("[klicka](javascript:alert(1))") == "[klicka](javascript:alert(1))\n"


def test_image_becomes_alt_text_and_address() -> None:
    assert text("![Karta](https://example.se/karta.png)") == (
        "Karta <https://example.se/karta.png>\n"
    )


def test_emphasis_is_plain_but_strikethrough_stays_visible() -> None:
    assert text("**fet** *kursiv* `kod` ~~fel~~ rätt") == "fet kursiv kod ~~fel~~ rätt\n"


def test_placeholder_in_brackets() -> None:
    output = text(f"Beslutet gäller från {PLACEHOLDER_OPEN}Datum för beslut{PLACEHOLDER_CLOSE}.")
    assert output == "Beslutet gäller från [Datum för beslut].\n"


def test_contact_block_lines_are_wrapped_separately() -> None:
    long_title = "Anna Andersson, presschef vid kommunikationsavdelningen för " + "hälso- och " * 3
    output = text(f"**Presskontakt**\\\n{long_title.strip()}\\\n070-123 45 67\n")
    lines = output.splitlines()
    assert lines[0] == "Presskontakt"
    assert lines[-1] == "070-123 45 67"
    assert len(lines) == 4  # the title wraps onto two lines; the other lines stay whole
    assert_invariants(output)


def test_soft_breaks_are_rewrapped() -> None:
    assert text("En rad\nsom fortsätter\n") == "En rad som fortsätter\n"


def test_nested_and_loose_lists() -> None:
    output = text("- ett\n  - under " + "ord " * 20 + "\n- två\n\n9. nio\n10. tio\n")
    assert output == (
        "- ett\n"
        "  - under ord ord ord ord ord ord ord ord ord ord ord ord ord ord ord\n"
        "    ord ord ord ord ord\n"
        "- två\n"
        "\n"
        " 9. nio\n"
        "10. tio\n"
    )
    loose = text("1. ett\n\n   mer om ett\n\n2. två\n")
    assert loose == "1. ett\n\n   mer om ett\n\n2. två\n"


def test_blockquote_code_and_rule() -> None:
    output = text(
        "> Citat som\n> fortsätter.\n>\n> Andra stycket.\n\n```\nrad 1\n\n  rad 2\n```\n\n---\n"
    )
    assert output == (
        "> Citat som fortsätter.\n"
        ">\n"
        "> Andra stycket.\n"
        "\n"
        "    rad 1\n"
        "\n"
        "      rad 2\n"
        "\n"
        "--------------------\n"
    )


def test_table_as_aligned_columns() -> None:
    output = text("| Tid | Händelse |\n|----:|---|\n| 7.45 | Stabsläge |\n| 10.00 | Möte |\n")
    assert output.splitlines() == [
        "  Tid | Händelse",
        "------+----------",
        " 7.45 | Stabsläge",
        "10.00 | Möte",
    ]


def test_too_wide_table_falls_back_to_rows() -> None:
    cell = "ord " * 15
    output = text(f"| A | B |\n|---|---|\n| {cell} | {cell} |\n")
    assert_invariants(output)
    assert output.startswith("A | B\n")


def test_empty_document_is_one_newline() -> None:
    assert text("") == "\n"


def test_text_writer_does_not_import_python_docx() -> None:
    code = (
        "import sys, editor.render.writers as w, editor.render.writers.text;"
        "assert 'docx' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def normalized(value: str) -> str:
    return " ".join(value.split())


@settings(max_examples=50, deadline=None)
@given(st.text())
def test_any_typed_value_comes_out_literally(raw: str) -> None:
    value = clean_line(raw)
    escaped = escape_markdown(value)
    markdown = f"# {escaped}\n\nFöre {escaped} efter.\n\n- {escaped}\n\n**Kontakt**\\\n{escaped}\n"
    output = text(markdown)
    assert_invariants(output)
    assert normalized(f"Före {value} efter.") in normalized(output)
    want = normalized(value)
    if want:
        assert normalized(output).count(want) >= 4
