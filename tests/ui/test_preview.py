"""The live preview: filled through the form's widgets, coalesced, scroll kept, errors shown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from uihelpers import (
    REFERENCE_VALUES,
    choose,
    preview_text,
    set_date,
    set_datetime,
    template_named,
    type_text,
)

from editor.model.fields import FieldDef, FieldType
from editor.model.release import Release
from editor.model.template import Template
from editor.storage.releases import save_release
from editor.ui.context import AppContext
from editor.ui.windows.main_window import MainWindow


def test_filling_the_form_field_by_field_builds_the_release(
    qtbot: QtBot, context: AppContext, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(Release.new(template_named(context, "readiness-ended-sv")))
    form = window.form
    assert form is not None
    assert "[Organisation]" in preview_text(window)
    assert 'class="placeholder"' in window.session.html_page()

    set_date(form.field_editor("release_date"), 2018, 9, 25)
    type_text(qtbot, form.field_editor("organisation"), "Region Kronoberg")
    form.field_editor("headline").clear()  # type: ignore[attr-defined]
    type_text(qtbot, form.field_editor("headline"), "Stabsläget avslutat")
    type_text(qtbot, form.field_editor("cause"), REFERENCE_VALUES["cause"])
    set_datetime(form.field_editor("raised_at"), "2018-09-21T06:30")
    choose(form.field_editor("raised_to"), "forstarkningslage")
    type_text(qtbot, form.field_editor("consequences"), "Under fredagen bedrevs endast akut vård.")
    form.editor("lowered_at").set_box.setChecked(True)  # type: ignore[attr-defined]
    set_datetime(form.field_editor("lowered_at"), "2018-09-21T10:15")
    choose(form.field_editor("lowered_to"), "stabslage")
    set_datetime(form.field_editor("ended_at"), "2018-09-25T15:37")
    card = form.editor("contact").cards[0]  # type: ignore[attr-defined]
    type_text(qtbot, card.name, "Anna Exempel")
    type_text(qtbot, card.title, "Pressekreterare")

    qtbot.waitUntil(lambda: "Anna Exempel" in window.preview.browser.toPlainText())
    text = preview_text(window)
    assert "25 september 2018" in text
    assert "Stabsläget avslutat" in text
    assert "Region Kronoberg avslutade stabsläget i dag tisdag den 25 september" in text
    assert "klockan 15.37" in text
    assert "I fredags morse" in text
    assert "vilket är den lägsta beredskapsgraden" in text
    assert "Under fredagen bedrevs endast akut vård." in text
    assert "[" not in text  # no placeholder left
    assert window.session.document is not None and not window.session.document.problems
    assert window.isWindowModified()
    assert window.counts_label.text().startswith("Words: ")


def test_the_status_bar_counts_the_words_and_characters_a_reader_reads(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    body = "# {{ title }}\n\nOne *two* three.\n\n{{ missing }}\n"
    fields = (
        FieldDef("title", FieldType.TEXT, "Title"),
        FieldDef("missing", FieldType.TEXT, "Missing", required=True),
    )
    template = Template(id="t", name="T", language="en", body=body, fields=fields)
    window = make_window(Release.new(template, {"title": "Hello world"}))
    assert window.counts_label.text() == "Words: 5   Characters: 25"
    assert window.problems_label.text() == "Required fields to fill in: 1 (F8)"


def test_a_burst_of_keystrokes_renders_once(
    qtbot: QtBot, reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(reference_release)
    assert window.form is not None
    renders: list[object] = []
    window.session.rendered.connect(renders.append)
    type_text(qtbot, window.form.field_editor("cause"), " och i telefonin")
    assert renders == []  # typing itself never renders
    qtbot.waitUntil(lambda: "och i telefonin" in window.preview.browser.toPlainText())
    qtbot.wait(150)
    assert len(renders) == 1


def test_plain_text_tab_shows_the_text_export(
    qtbot: QtBot, reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(reference_release)
    window.window_actions.show_plain.trigger()
    text = window.preview.text_view.toPlainText()
    assert "Stabsläget avslutat\n===================" in text
    assert "070-123 45 67" in text


def _long_release(context: AppContext) -> Release:
    template = template_named(context, "readiness-ended-sv")
    release = Release.new(template)
    long_text = "\n\n".join(
        f"Stycke {n} om läget i regionen och vad det betyder." for n in range(80)
    )
    return Release.new(template, {**release.values, "consequences": long_text})


def test_the_preview_keeps_its_scroll_position_on_refresh(
    qtbot: QtBot, context: AppContext, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(_long_release(context))
    assert window.form is not None
    for index, view in ((0, window.preview.browser), (1, window.preview.text_view)):
        window.preview.tabs.setCurrentIndex(index)
        bar = view.verticalScrollBar()
        assert bar.maximum() > 20
        bar.setValue(bar.maximum() // 2)
        position = bar.value()
        type_text(qtbot, window.form.field_editor("organisation"), "X")
        qtbot.waitUntil(lambda: not window.session.is_outdated())
        assert "X" in window.preview.browser.toPlainText()
        assert bar.value() == position


def _template(body: str) -> Template:
    fields = (FieldDef("title", FieldType.TEXT, "Title", required=True),)
    return Template(id="broken", name="Broken", language="en", body=body, fields=fields)


def test_a_template_error_shows_its_line_and_keeps_the_last_good_preview(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    body = "# {{ title }}\n\nText.\n{% if title == 'boom' %}{{ title|date }}{% endif %}\n"
    window = make_window(Release.new(_template(body), {"title": "Good news"}))
    assert window.form is not None
    assert "Good news" in preview_text(window)
    editor = window.form.field_editor("title")
    editor.clear()  # type: ignore[attr-defined]
    type_text(qtbot, editor, "boom")
    qtbot.waitUntil(window.preview.banner.isVisible)
    assert "line 4" in window.preview.banner.text()
    assert "Good news" in window.preview.browser.toPlainText()  # never a blank

    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: not window.preview.banner.isVisible())
    assert "boo" in window.preview.browser.toPlainText()


def test_a_template_with_a_syntax_error_opens_and_the_app_stays_usable(
    qtbot: QtBot, make_window: Callable[..., MainWindow], dialogs: object
) -> None:
    body = "# {{ title }}\n\n{% if title %}\nNo end to this block.\n"
    window = make_window(Release.new(_template(body), {"title": "Hello"}))
    assert window.preview.banner.isVisible()
    assert "line" in window.preview.banner.text()
    assert window.form is not None
    type_text(qtbot, window.form.field_editor("title"), " again")
    assert window.isWindowModified()
    window.window_actions.export.trigger()  # refused with the error, nothing crashes
    assert any("template" in text for text in dialogs.texts("error"))  # type: ignore[attr-defined]


def test_a_broken_release_opened_after_a_good_one_shows_no_stale_text(
    qtbot: QtBot,
    tmp_path: Path,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window(reference_release)
    assert "Stabsläget avslutat" in preview_text(window)
    broken = tmp_path / "trasig.pressklar"
    save_release(Release.new(_template("# {{ title }\n"), {"title": "X"}), broken)
    assert window.files.open_release(str(broken))
    assert window.preview.banner.isVisible()
    assert "Stabsläget" not in window.preview.browser.toPlainText()
    assert "last version that worked" not in window.preview.banner.text()
