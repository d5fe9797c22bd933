"""No English reaches the Swedish UI: broken templates in the template editor and the preview,
an export to a folder that cannot be written, all in Swedish.

``english_words`` looks for common English words in what is shown, after leaving out what is
the user's own (text in quotation marks, file paths): any hit is English prose that slipped past
the one catalog of messages (Jinja's, Python's, or ours untranslated)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QWidget
from pytestqt.qtbot import QtBot
from uihelpers import ScriptedDialogs, export_through_dialog

from editor.model.release import Release
from editor.model.template import Template, parse_template
from editor.storage.paths import user_paths
from editor.storage.settings import Settings
from editor.ui.context import AppContext
from editor.ui.dialogs.messages import Button
from editor.ui.i18n import install_translators, remove_translators
from editor.ui.template_editor import TemplateEditorWindow
from editor.ui.windows.main_window import MainWindow
from tests.helpers import english_words


def test_the_detector_finds_english_and_passes_swedish() -> None:
    assert english_words("Rad 49: Expected an expression, got 'end of statement block'")
    assert english_words("No filter named 'shout'.") == {"No", "named"}
    assert english_words("The folder /tmp/x does not exist.") == {"The", "folder", "does", "not"}
    assert not english_words("rad 3: Det finns inget filter som heter ”shout” (är det felstavat?).")
    assert not english_words("Mappen /tmp/pytest-of-root/the folder/x finns inte.")


def visible_texts(widget: QWidget, *lists: QListWidget) -> list[str]:
    """What a person can read in the window: its title, its labels, the rows of ``lists``."""
    texts = [widget.windowTitle()]
    for label in widget.findChildren(QLabel):
        if label.isVisibleTo(widget) and label.text():
            texts.append(label.text())
    for panel in lists:
        texts.extend(panel.item(row).text() for row in range(panel.count()))
    return texts


@pytest.fixture
def swedish(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "sv")
    yield
    remove_translators(qapp, translators)


TEMPLATE = """format = 1
name = "Trasig mall"
language = "sv"
level_set = "se-healthcare"
body = "# {{ rubrik }}"

[[fields]]
key = "rubrik"
type = "text"
label = "Rubrik"
required = true

[[fields]]
key = "datum"
type = "date"
label = "Datum"
"""

BROKEN_BODIES = {
    "unclosed expression": "{{ rubrik }",
    "missing end": "{% if rubrik %}\nText utan slut",
    "unexpected end": "{% endif %}",
    "unknown filter": "{{ rubrik|ropa }}",
    "unknown test": "{% if rubrik is tomt %}x{% endif %}",
    "unknown name": "{{ okänd_nyckel }}",
    "unknown attribute": "{{ datum.nyckel.mer }}",
    "unsafe": "{{ rubrik.__class__.__mro__ }}",
    "limit": "{{ 'x' * 10**9 }}",
    "loops": "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
    "division": "{{ 1 / 0 }}",
    "wrong value": "{{ 'i dag'|date }}",
    "recursion": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
}


def broken(body: str) -> Template:
    return replace(parse_template(TEMPLATE, "trasig.toml"), body=f"# {{{{ rubrik }}}}\n\n{body}\n")


@pytest.mark.usefixtures("swedish")
def test_the_template_editor_shows_broken_templates_in_swedish(
    qtbot: QtBot, pressklar_home: Path, dialogs: ScriptedDialogs
) -> None:
    window = TemplateEditorWindow(user_paths(), Settings(), broken("ok"), language="sv")
    qtbot.addWidget(window)
    dialogs.strict = False  # closing discards the broken body
    window.show()
    for case, body in BROKEN_BODIES.items():
        window.editor.setPlainText(f"# {{{{ rubrik }}}}\n\n{body}\n")
        check = window.check_now()
        assert [p for p in check.problems if not p.warning], case
        window.preview.show_template(check.preview, window.levels)
        shown = visible_texts(window, window.problems)
        found = {text: english_words(text) for text in shown if english_words(text)}
        assert not found, (case, found)
    window.editor.setPlainText("# {{ rubrik }}\n")
    window.model.setData(window.model.index(1, 0), "rubrik")  # two fields with one key
    shown = visible_texts(window, window.problems)
    shown += [window.insert_list.item(row).toolTip() for row in range(window.insert_list.count())]
    assert not {t: english_words(t) for t in shown if english_words(t)}
    window.close()


@pytest.mark.usefixtures("swedish")
def test_the_preview_banner_shows_a_template_error_in_swedish(
    qtbot: QtBot, pressklar_home: Path
) -> None:
    context = AppContext.load("sv")
    template = broken("{{ rubrik|ropa }}\n{{ okänd }}")
    window = MainWindow(context, Release.new(template), "", False)
    qtbot.addWidget(window)
    window.show()
    window.session.update_now()
    assert window.preview.banner.isVisibleTo(window)
    banner = window.preview.banner.text()
    assert "ropa" in banner and not english_words(banner), banner


@pytest.mark.usefixtures("swedish")
def test_an_export_to_a_folder_that_cannot_be_written_says_so_in_swedish(
    tmp_path: Path,
    qtbot: QtBot,
    pressklar_home: Path,
    dialogs: ScriptedDialogs,
    make_window: Callable[..., MainWindow],
    reference_release: Release,
) -> None:
    blocker = tmp_path / "inte-en-mapp"
    blocker.write_text("en fil där mappen skulle vara")
    for folder, answer in ((tmp_path / "saknad mapp", Button.No), (blocker / "under", Button.Yes)):
        dialogs.shown.clear()
        dialogs.answers.append(answer)  # make the folder? no; yes (but a file is in the way)
        window = make_window(reference_release)
        export_through_dialog(window, "docx", folder, {})
        errors = dialogs.texts("error") + dialogs.texts("question")
        assert errors, folder
        shown = [title for kind, title, _ in dialogs.shown] + errors
        assert not {t: english_words(t) for t in shown if english_words(t)}, shown
