"""The preview's document updated part by part looks exactly as a fresh ``setHtml`` of the page:
the same text, block formats (headings, lists, margins) and character formats (bold, links)."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from uihelpers import template_named, type_text

from editor.model.fields import FieldType
from editor.model.release import Release
from editor.render.document import DocumentMeta, RenderedDocument
from editor.render.writers.html import PageParts, page_parts
from editor.ui import turns
from editor.ui.context import AppContext
from editor.ui.panels.preview_document import PartwiseDocument, block_count
from editor.ui.windows.main_window import MainWindow

Look = tuple[object, ...]


def look(document: QTextDocument) -> list[Look]:
    """What a reader sees of each block: its text, its block format and each run's format."""
    blocks: list[Look] = []
    block = document.begin()
    while block.isValid():
        form = block.blockFormat()
        listed = block.textList()
        runs = []
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            char = fragment.charFormat()
            runs.append(
                (
                    fragment.text(),
                    char.fontWeight(),
                    char.fontItalic(),
                    char.fontPointSize(),
                    char.isAnchor(),
                    char.anchorHref(),
                    char.foreground().color().name(),
                )
            )
            it += 1
        blocks.append(
            (
                block.text(),
                form.headingLevel(),
                form.topMargin(),
                form.bottomMargin(),
                form.leftMargin(),
                form.alignment(),
                listed.format().style() if listed is not None else None,
                listed.count() if listed is not None else 0,
                block.charFormat().fontPointSize(),
                tuple(runs),
            )
        )
        block = block.next()
    return blocks


def page_of(blocks: list[str]) -> PageParts:
    return page_parts(RenderedDocument("\n\n".join(blocks), DocumentMeta("sv")))


WORDS = ["regionen", "**akut**", "*vård*", "[läs mer](https://example.se)", "x", " ", "ö"]
MARKUP = ["1.", "#", "-", "*", "\n", "\n\n", "  \n", "`"]  # typed, they change the structure


def edit(rng: random.Random, blocks: list[str], wild: bool) -> None:
    """One random change of a Markdown body: mostly typing and deleting, sometimes a block."""
    index = rng.randrange(1, len(blocks))
    kind = rng.choice(["type"] * 6 + ["delete"] * 3 + ["add", "remove", "heading", "list", "item"])
    text = blocks[index]
    if kind == "type":
        at = rng.randrange(len(text) + 1)
        blocks[index] = text[:at] + rng.choice(WORDS + MARKUP if wild else WORDS) + text[at:]
    elif kind == "delete" and len(text) > 4:
        at = rng.randrange(len(text)) if wild else rng.randrange(3, len(text))
        blocks[index] = text[:at] + text[at + 1 :]
    elif kind == "add":
        blocks.insert(index, rng.choice(["Ett nytt stycke.", "## Ny rubrik", "- en punkt"]))
    elif kind == "remove" and len(blocks) > 3:
        del blocks[index]
    elif kind == "heading":
        blocks[index] = text[3:] if text.startswith("## ") else "## " + text
    elif kind == "list":
        blocks[index] = "- " + text.replace("\n", " ") if not text.startswith("- ") else text[2:]
    elif kind == "item":
        blocks[index] = text + "\n- " + rng.choice(WORDS[:4])


@pytest.mark.parametrize(("seed", "wild"), [(seed, seed % 2 == 1) for seed in range(8)])
def test_random_edits_look_as_a_fresh_page(qtbot: QtBot, seed: int, wild: bool) -> None:
    """Typing, deleting, paragraphs, headings and list items added and removed; ``wild`` also
    types Markdown's markup anywhere (empty items, nested lists, a block split in two)."""
    rng = random.Random(seed)
    blocks = ["PRESSMEDDELANDE", "# Stabsläget avslutat", "Regionen avslutade stabsläget i dag."]
    blocks += [f"Stycke {n} om **vården** och [mer](https://example.se/{n})." for n in range(8)]
    blocks += ["- ett\n- två", "## Kontakt", "Anna Exempel  \nPresskontakt"]
    shown = QTextDocument()
    partwise = PartwiseDocument(shown)
    fresh = QTextDocument()
    for step in range(120):
        edit(rng, blocks, wild)
        page = page_of(blocks)
        partwise.show(page)
        fresh.setHtml(page.html())
        assert shown.toPlainText() == fresh.toPlainText(), (seed, step)
        assert look(shown) == look(fresh), (seed, step, blocks)
    if not wild:  # most edits replaced only their own parts
        assert partwise.replaced_whole < 30  # of 120


def test_block_counts_are_known_only_for_simple_parts() -> None:
    assert block_count('<p class="lead">Text <strong>fet</strong></p>\n') == 1
    assert block_count("<h2>Kontakt</h2>\n") == 1
    assert block_count("<ul>\n<li>a</li>\n<li>b <em>c</em></li>\n</ul>\n") == 2
    assert block_count("<ul>\n<li>a<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>\n") is None
    assert block_count("<table><tr><td>a</td></tr></table>\n") is None


def test_typing_in_the_window_replaces_one_part_and_keeps_the_scroll(
    qtbot: QtBot, context: AppContext, make_window: Callable[..., MainWindow]
) -> None:
    template = template_named(context, "readiness-ended-sv")
    body = next(f.key for f in template.fields if f.type == FieldType.PARAGRAPHS)
    window = make_window(Release.new(template, {body: "\n\n".join(["Ett långt stycke."] * 200)}))
    browser = window.preview.browser
    qtbot.waitUntil(lambda: "Ett långt stycke." in browser.toPlainText())
    assert window.form is not None
    qtbot.waitUntil(window.form.is_complete)  # its later rows can change the page's length
    window.session.update_now()  # and what they changed is shown before the scroll is set
    qtbot.wait(10)
    bar = browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    whole_before = window.preview._page.replaced_whole
    editor = window.form.field_editor(body)  # type: ignore[union-attr]
    type_text(qtbot, editor, " Tillägg")
    window.session.update_now()
    assert "Tillägg" in browser.toPlainText()
    assert window.preview._page.replaced_whole == whole_before
    assert bar.value() == bar.maximum() // 2
    fresh = QTextDocument()
    fresh.setHtml(window.session.html_page())
    assert look(browser.document()) == look(fresh)


def long_blocks(paragraphs: int) -> list[str]:
    """A long body with every kind of part: headings, lists, a quote, a table, an empty
    heading."""
    blocks = ["PRESSMEDDELANDE", "# Stabsläget avslutat"]
    for n in range(paragraphs):
        blocks.append(f"Stycke {n} om **vården** och [mer](https://example.se/{n}). " * 4)
        if n % 25 == 7:
            blocks += ["## Läget", "- ett\n- två", "> ett citat\n> till", "## "]
        if n % 40 == 13:
            blocks += ["| a | b |\n|---|---|\n| 1 | 2 |", "1. x\n2. y\n\n   löst"]
    return [*blocks, "## Kontakt", "Anna Exempel  \nPresskontakt"]


def test_a_long_page_shows_its_start_at_once_and_ends_as_a_fresh_page(qtbot: QtBot) -> None:
    page = page_of(long_blocks(300))
    shown = QTextDocument()
    partwise = PartwiseDocument(shown)
    fresh = QTextDocument()
    fresh.setHtml(page.html())
    partwise.show(page)
    assert partwise.filling()
    assert shown.toPlainText().startswith("PRESSMEDDELANDE\nStabsläget avslutat\nStycke 0 om")
    assert 3 < shown.blockCount() < fresh.blockCount() // 4  # its first parts only, for now
    qtbot.waitUntil(lambda: not partwise.filling())
    assert shown.toPlainText() == fresh.toPlainText()
    assert look(shown) == look(fresh)
    assert partwise.replaced_whole == 1


@pytest.mark.parametrize("seed", range(6))
def test_edits_while_a_long_page_fills_in_land_as_a_fresh_page(qtbot: QtBot, seed: int) -> None:
    """A change made before the last slice (anywhere: in the parts shown, in those to come, or
    of the page's head) ends as a fresh ``setHtml`` of the last page; so does a later one."""
    rng = random.Random(seed)
    blocks = long_blocks(200)
    shown = QTextDocument()
    partwise = PartwiseDocument(shown)
    partwise.show(page_of(blocks))
    for _ in range(12):
        for _ in range(rng.randrange(4)):  # a few slices, or none, between two changes
            QCoreApplication.processEvents()
        edit(rng, blocks, wild=seed % 2 == 1)
        partwise.show(page_of(blocks))
    qtbot.waitUntil(lambda: not partwise.filling())
    for _ in range(3):
        edit(rng, blocks, wild=False)
        partwise.show(page_of(blocks))
    qtbot.waitUntil(lambda: not partwise.filling())
    fresh = QTextDocument()
    fresh.setHtml(page_of(blocks).html())
    assert shown.toPlainText() == fresh.toPlainText()
    assert look(shown) == look(fresh)


def test_a_change_while_filling_in_keeps_what_is_shown(qtbot: QtBot) -> None:
    """A change below the parts shown so far neither sets the page again nor removes them."""
    blocks = long_blocks(300)
    shown = QTextDocument()
    partwise = PartwiseDocument(shown)
    partwise.show(page_of(blocks))
    first_blocks = shown.blockCount()
    blocks[-1] += " (ny)"
    partwise.show(page_of(blocks))
    assert partwise.replaced_whole == 1
    assert shown.blockCount() == first_blocks
    qtbot.waitUntil(lambda: not partwise.filling())
    fresh = QTextDocument()
    fresh.setHtml(page_of(blocks).html())
    assert "Presskontakt (ny)" in shown.toPlainText()
    assert look(shown) == look(fresh)


def test_opening_a_long_release_fills_in_the_preview_and_keeps_the_scroll(
    qtbot: QtBot, context: AppContext, make_window: Callable[..., MainWindow]
) -> None:
    template = template_named(context, "readiness-ended-sv")
    body = next(f.key for f in template.fields if f.type == FieldType.PARAGRAPHS)
    window = make_window(Release.new(template, {body: "Kort."}))
    browser = window.preview.browser
    text = "\n\n".join([f"Stycke {n} av ett långt pressmeddelande om vården." for n in range(600)])
    window.session.load(Release.new(template, {body: text}))
    assert window.preview.filling()  # its first part is due, once the new form has painted
    qtbot.waitUntil(window.preview._page.filling)  # then shown, the rest filled in
    bar = browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    top = bar.value()
    qtbot.waitUntil(lambda: not window.preview._page.filling())
    assert bar.value() == top
    fresh = QTextDocument()
    fresh.setHtml(window.session.html_page())
    assert browser.toPlainText() == fresh.toPlainText()
    assert look(browser.document()) == look(fresh)


def test_another_release_opened_shows_its_form_first_and_its_preview_a_turn_later(
    qtbot: QtBot, context: AppContext, make_window: Callable[..., MainWindow]
) -> None:
    """Opening a release in a shown window splits its work: the new form now (the old one
    hidden, deleted a turn later), the preview once the window has painted the form."""
    template = template_named(context, "readiness-ended-sv")
    window = make_window(Release.new(template, {"headline": "Första rubriken"}))
    old_form = window.form
    assert old_form is not None
    window.session.load(Release.new(template, {"headline": "Andra rubriken"}))
    assert window.form is not old_form and old_form.isHidden()
    assert window.form.values()["headline"] == "Andra rubriken"
    assert window.preview.filling()
    assert "Andra rubriken" not in window.preview.browser.toPlainText()
    qtbot.waitUntil(lambda: "Andra rubriken" in window.preview.browser.toPlainText())
    assert not window.preview.filling()
    assert "Första rubriken" not in window.preview.browser.toPlainText()
    qtbot.waitUntil(lambda: not isValid(old_form))
    assert not window.isWindowModified()


def test_turns_are_the_event_loops_passes(qtbot: QtBot) -> None:
    """Work posted during a pass of the event loop runs in the next one: another turn."""
    seen: list[tuple[str, bool]] = []

    def slice_now(left: int) -> None:
        seen.append(("slice", turns.my_turn()))
        turns.slice_done()
        if left:
            QTimer.singleShot(0, lambda: slice_now(left - 1))

    QTimer.singleShot(0, lambda: slice_now(2))
    QTimer.singleShot(0, lambda: seen.append(("other", turns.my_turn())))  # the same pass
    qtbot.waitUntil(lambda: len(seen) == 4)
    assert seen == [("slice", True), ("other", False), ("slice", True), ("slice", True)]


def test_a_slice_waits_for_a_turn_no_other_slice_had(qtbot: QtBot) -> None:
    """Another slice of deferred work (a form row, underlines) ran a moment ago, in this turn:
    the preview's next slice comes in a later turn, and the page still ends whole."""
    page = page_of(long_blocks(300))
    shown = QTextDocument()
    partwise = PartwiseDocument(shown)
    partwise.show(page)
    first_blocks = shown.blockCount()
    turns.slice_done()  # in this turn of the event loop, however slow the machine
    assert not turns.my_turn()
    partwise._insert_slice()
    assert shown.blockCount() == first_blocks
    QCoreApplication.processEvents()  # a later turn: the slice it put off runs
    assert turns.my_turn() or shown.blockCount() > first_blocks
    qtbot.waitUntil(lambda: shown.blockCount() > first_blocks)
    qtbot.waitUntil(lambda: not partwise.filling())
    fresh = QTextDocument()
    fresh.setHtml(page.html())
    assert look(shown) == look(fresh)
