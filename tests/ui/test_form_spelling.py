"""Spelling in the form: red waves under misspelt words in paragraph and one-line fields, the
right-click corrections, "Add to my dictionary" and "Ignore", and the finding in the Checks
tab. Real dictionaries, real widgets: what is asserted is the text, the formats, the pixels."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QTextBlock, QTextCharFormat
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from editor.model.release import Release, values_from_json
from editor.storage.user_dictionary import load_words
from editor.ui.context import AppContext
from editor.ui.form.paragraphs import ParagraphEditor
from editor.ui.form.simple import TextEditor
from editor.ui.form.spell_check import SpellLineEdit
from editor.ui.spelling import SpellingService
from editor.ui.windows.main_window import MainWindow
from tests.helpers import make_template
from tests.ui.test_form import make_form, show

WAVE = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
FIELDS = [
    {"key": "headline", "type": "text", "label": "Rubrik"},
    {"key": "body", "type": "paragraphs", "label": "Brödtext"},
]


def service_for(tmp_path: Path, lang: str = "sv") -> SpellingService:
    service = SpellingService(tmp_path / "dictionary.txt")
    assert service.load_now(lang) is not None
    return service


def form_with(qtbot: QtBot, service: SpellingService, lang: str = "sv", **typed: str) -> Any:
    template = make_template("# {{ headline }}\n\n{{ body }}\n", FIELDS, language=lang)
    form = make_form(qtbot, template, typed, spelling=service)
    show(qtbot, form)
    return form


def block_waves(block: QTextBlock) -> list[str]:
    """The underlined words of a paragraph, read from its layout's formats."""
    text = block.text()
    return [
        text[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() == WAVE
    ]


def waves(editor: ParagraphEditor) -> list[str]:
    """The underlined words of the first paragraph."""
    return block_waves(editor.text_edit.document().firstBlock())


def every_paragraphs_waves(editor: ParagraphEditor) -> list[list[str]]:
    """The underlined words of each paragraph with text."""
    document = editor.text_edit.document()
    blocks = (document.findBlockByNumber(n) for n in range(document.blockCount()))
    return [block_waves(block) for block in blocks if block.text()]


def menu_at(editor: ParagraphEditor, word: str) -> QMenu:
    text_edit = editor.text_edit
    cursor = text_edit.textCursor()
    cursor.setPosition(text_edit.toPlainText().index(word) + 1)
    return text_edit.context_menu(text_edit.cursorRect(cursor).center())


def texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions()]


def trigger(menu: QMenu, text: str) -> None:
    next(a for a in menu.actions() if a.text() == text).trigger()
    menu.deleteLater()


def test_a_misspelt_word_gets_a_wave_in_a_paragraph_field(qtbot: QtBot, tmp_path: Path) -> None:
    form = form_with(qtbot, service_for(tmp_path), body="Sjukhsuet har stängt, upphörde i idag.")
    editor = form.editor("body")
    assert waves(editor) == ["Sjukhsuet", "i"]


def test_underlining_is_no_edit(qtbot: QtBot, tmp_path: Path) -> None:
    """Formats applied at the start, or when a dictionary loads or a word is added, must not
    count as typing: the release would otherwise be modified by being opened."""
    service = SpellingService(tmp_path / "dictionary.txt")
    form = form_with(qtbot, service, body="Sjukhsuet och Blorfa.", headline="Sjukhsuet")
    edits: list[None] = []
    form.values_changed.connect(lambda: edits.append(None))
    service.load_now("sv")
    qtbot.waitUntil(lambda: waves(form.editor("body")) == ["Sjukhsuet", "Blorfa"])
    service.add_word("Blorfa")
    service.ignore_word("Sjukhsuet")
    qtbot.wait(50)
    assert waves(form.editor("body")) == []
    assert edits == []


def test_the_menu_corrects_adds_and_ignores(qtbot: QtBot, tmp_path: Path) -> None:
    service = service_for(tmp_path)
    form = form_with(qtbot, service, body="Sjukhsuet och regoinen och Blorfa stänger.")
    editor = form.editor("body")
    menu = menu_at(editor, "Sjukhsuet")
    assert texts(menu)[:4] == ["Sjukhuset", "Add to my dictionary", "Ignore", ""]
    assert "Paste" in " ".join(texts(menu)).replace("&", "")  # the standard menu follows
    trigger(menu, "Sjukhuset")
    assert editor.value() == "Sjukhuset och regoinen och Blorfa stänger."
    assert waves(editor) == ["regoinen", "Blorfa"]

    trigger(menu_at(editor, "regoinen"), "Add to my dictionary")
    assert waves(editor) == ["Blorfa"]
    assert load_words(tmp_path / "dictionary.txt") == {"regoinen"}

    trigger(menu_at(editor, "Blorfa"), "Ignore")
    assert waves(editor) == []
    assert load_words(tmp_path / "dictionary.txt") == {"regoinen"}  # ignoring is not kept


def test_a_typo_is_removed_from_the_menu(qtbot: QtBot, tmp_path: Path) -> None:
    form = form_with(qtbot, service_for(tmp_path), body="Vi har att att ta hand om det.")
    editor = form.editor("body")
    text_edit = editor.text_edit
    cursor = text_edit.textCursor()
    cursor.setPosition(len("Vi har att a"))
    menu = text_edit.context_menu(text_edit.cursorRect(cursor).center())
    trigger(menu, "Remove the repeated word")
    assert editor.value() == "Vi har att ta hand om det."
    text_edit.document().undo()
    assert editor.value() == "Vi har att att ta hand om det."  # one undo step, as typing


def test_a_one_line_field_paints_its_waves(qtbot: QtBot, tmp_path: Path) -> None:
    form = form_with(qtbot, service_for(tmp_path, "en"), "en", headline="The hospitl is open")
    editor = form.editor("headline")
    assert isinstance(editor, TextEditor)
    line = editor.line_edit
    assert isinstance(line, SpellLineEdit)
    ((start, end),) = line.underline_spans()
    metrics = line.fontMetrics()
    assert end - start == metrics.horizontalAdvance("hospitl")
    image = line.grab().toImage()
    red = sum(
        1
        for x in range(int(start), int(end))
        for y in range(image.height())
        if image.pixelColor(x, y).red() > 170 and image.pixelColor(x, y).green() < 90
    )
    assert red > 5
    menu = line.context_menu(_x_point(line, start + 3))
    assert texts(menu)[0] == "hospital"
    trigger(menu, "hospital")
    assert editor.value() == "The hospital is open"
    assert line.underline_spans() == []


def _x_point(line: SpellLineEdit, x: float) -> Any:
    from PySide6.QtCore import QPoint

    return QPoint(int(x), line.height() // 2)


def test_underlines_appear_when_the_dictionary_has_loaded_in_the_background(
    qtbot: QtBot, tmp_path: Path
) -> None:
    service = SpellingService(tmp_path / "dictionary.txt")  # nothing loaded by this service
    form = form_with(qtbot, service, "en", body="The hospitl is open.")
    qtbot.waitUntil(lambda: waves(form.editor("body")) == ["hospitl"], timeout=20_000)


def test_the_checks_tab_lists_unknown_words_and_adding_one_clears_it(
    qtbot: QtBot, context: AppContext, make_window: Callable[..., MainWindow]
) -> None:
    template = make_template("# {{ headline }}\n\n{{ body }}\n", FIELDS)
    values, problems = values_from_json(template, {"headline": "Rubrik", "body": "Ett blorfa."})
    assert not problems
    context.spelling().load_now("sv")
    window = make_window(Release.new(template, values))
    window.session.flush_checks()
    codes = [(f.code, f.field) for f in window.preview.checks.findings]
    assert ("unknown_words", "body") in codes
    listed = [
        window.preview.checks.list.item(r).text() for r in range(window.preview.checks.list.count())
    ]
    assert any("words not in the dictionary (1): blorfa" in text for text in listed)
    context.spelling().add_word("blorfa")
    qtbot.waitUntil(
        lambda: all(f.code != "unknown_words" for f in window.preview.checks.findings),
        timeout=5_000,
    )
    assert not window.session.is_modified  # underlining and re-checking are no edits


START_WITHOUT_SPELLING_LIBRARY = """
import sys
from editor.app import main
code = main(sys.argv[1:])
loaded = sorted(m for m in sys.modules if m.split(".")[0] == "hunspell" or "hunspell" in m)
print("loaded:", ",".join(loaded))
sys.exit(code)
"""


def test_start_up_does_not_load_a_dictionary(tmp_path: Path) -> None:
    """The dictionary is loaded after the first paint, in a worker: a window that is ready and
    exits at once never touched Hunspell."""
    import os
    import subprocess
    import sys

    from tests.helpers import ROOT

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PRESSKLAR_HOME", None)
    result = subprocess.run(
        [sys.executable, "-c", START_WITHOUT_SPELLING_LIBRARY, "--exit-when-ready",
         "--home", str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "loaded: \n" in result.stdout


LOAD_WHILE_THE_LOOP_RUNS = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from editor.ui.spelling import SpellingService
service = SpellingService(Path(sys.argv[1]))
assert service.speller("sv") is None  # asked: loads in the background
ticks = [time.perf_counter()]
timer = QTimer()
timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
timer.start(5)
service.ready.connect(lambda lang: app.quit())
QTimer.singleShot(60_000, app.quit)
app.exec()
speller = service.speller("sv")
gap = max(b - a for a, b in zip(ticks, ticks[1:]))
print("unknown:", speller.unknown_in("Sjukhsuet har öppet") if speller else None)
print(f"gap: {gap:.3f}")
"""


def test_the_event_loop_runs_while_a_dictionary_loads(tmp_path: Path) -> None:
    """A fresh process, so the dictionary is really read: Hunspell loads it in the worker
    without the GIL, so the GUI thread's timer keeps ticking (the Cython binding held the GIL
    and stopped it for over a second)."""
    import os
    import subprocess
    import sys

    from tests.helpers import ROOT

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-c", LOAD_WHILE_THE_LOOP_RUNS, str(tmp_path / "words.txt")]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "unknown: ['Sjukhsuet']" in result.stdout
    gap = float(result.stdout.split("gap: ")[1])
    assert gap < 0.3, result.stdout


def test_a_long_field_is_underlined_whole_in_slices_and_typing_meanwhile_counts(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A 50-page field underlined in one go froze the window for half a second when the
    dictionary had loaded: it is underlined in slices, every paragraph in the end, and no
    slice counts as an edit."""
    service = SpellingService(tmp_path / "dictionary.txt")
    paragraphs = [f"Stycke {n}: sjukhsuet har stängt." for n in range(400)]
    form = form_with(qtbot, service, body="\n\n".join(paragraphs))
    editor = form.editor("body")
    edits: list[None] = []
    form.values_changed.connect(lambda: edits.append(None))
    service.load_now("sv")
    highlighter = editor.text_edit.highlighter
    assert highlighter is not None
    cursor = editor.text_edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.insertText(" Blorfa")  # typed while the slices may still run: underlined at once
    assert block_waves(editor.text_edit.document().lastBlock()) == ["sjukhsuet", "Blorfa"]
    qtbot.waitUntil(lambda: not highlighter.underlining(), timeout=10_000)
    underlined = every_paragraphs_waves(editor)
    assert underlined == [["sjukhsuet"]] * 399 + [["sjukhsuet", "Blorfa"]]
    assert len(edits) == 1  # the typing, not the underlining


def test_starting_to_underline_a_field_is_no_edit(qtbot: QtBot, tmp_path: Path) -> None:
    """Was: the pass that stands in for Qt's own at the start reported a change."""
    from editor.ui.form.paragraphs import MarkdownEdit

    field = MarkdownEdit()
    qtbot.addWidget(field)
    field.setPlainText("Sjukhsuet har stängt.\n\nEtt andra stycke att att.")
    changes: list[None] = []
    field.textChanged.connect(lambda: changes.append(None))
    field.check_spelling(service_for(tmp_path), "sv")
    qtbot.wait(20)
    assert changes == []
    first = field.document().firstBlock()
    assert [first.text()[r.start : r.start + r.length] for r in first.layout().formats()] == [
        "Sjukhsuet"
    ]


def test_a_long_text_set_in_a_field_is_underlined_in_slices_and_counts_as_no_edit(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Was: ``set_value`` (the later rows, an opened release) put a 50-page text in the field and
    Qt underlined every paragraph of it at once, 100 ms of frozen window after the first paint.
    Now the value is there at once, the underlines follow in slices, every paragraph in the
    end, and nothing reports an edit."""
    service = service_for(tmp_path)
    form = form_with(qtbot, service, body="Kort.")
    editor = form.editor("body")
    edits: list[None] = []
    form.values_changed.connect(lambda: edits.append(None))
    paragraphs = [f"Stycke {n}: sjukhsuet har stängt." for n in range(1000)]
    form.set_values({"body": "\n\n".join(paragraphs)})
    assert form.values()["body"] == "\n\n".join(paragraphs)
    highlighter = editor.text_edit.highlighter
    assert highlighter is not None and highlighter.underlining()  # not all of it in one go
    qtbot.waitUntil(lambda: not highlighter.underlining(), timeout=20_000)
    underlined = every_paragraphs_waves(editor)
    assert underlined == [["sjukhsuet"]] * 1000
    assert edits == []
