"""The Channels tab: the SMS and the social-media post, counted honestly, live, and copied."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from uihelpers import REFERENCE_VALUES, template_named, type_text

from editor.model.release import Release, values_from_json
from editor.render.short import measure_sms, social_length
from editor.ui.context import AppContext
from editor.ui.windows.main_window import MainWindow


def _show_channels(window: MainWindow) -> None:
    window.window_actions.show_channels.trigger()
    assert window.preview.current_page() is window.preview.channels


def test_the_sms_and_the_post_are_counted_as_measure_sms_counts_them(
    reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(reference_release)
    _show_channels(window)
    channels = window.preview.channels
    assert channels.note.isHidden()
    sms = channels.sms.text.toPlainText()
    assert sms.startswith("Region Kronoberg avslutade stabsläget")
    measured = measure_sms(sms)
    assert measured.encoding == "gsm7" and measured.parts == 1
    assert channels.sms.counter.text() == f"{measured.length}/160 GSM-7, 1 SMS"
    post = channels.social.text.toPlainText()
    assert "\n\n" in post  # the post keeps its paragraphs
    assert channels.social.counter.text() == f"{social_length(post)}/280"
    assert channels.sms.text.isReadOnly() and channels.social.text.isReadOnly()


def test_an_emoji_turns_the_sms_into_ucs2(
    qtbot: QtBot, reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(reference_release)
    assert window.form is not None
    _show_channels(window)
    counter = window.preview.channels.sms.counter
    before = counter.palette().color(counter.foregroundRole())
    type_text(qtbot, window.form.field_editor("organisation"), " 🚑")
    qtbot.waitUntil(lambda: counter.text().startswith("UCS-2: "))
    sms = window.preview.channels.sms.text.toPlainText()
    assert "Region Kronoberg 🚑 avslutade" in sms
    measured = measure_sms(sms)
    assert measured.encoding == "ucs2" and measured.limit == 70 and measured.over
    assert counter.text() == f"UCS-2: {measured.length}/70, {measured.parts} parts (because of 🚑)"
    assert counter.palette().color(counter.foregroundRole()) != before  # red when over

    window.form.field_editor("organisation").clear()  # type: ignore[attr-defined]
    type_text(qtbot, window.form.field_editor("organisation"), "Region Kronoberg")
    qtbot.waitUntil(lambda: "GSM-7" in counter.text())
    assert counter.palette().color(counter.foregroundRole()) == before


def test_the_copy_buttons_put_each_text_on_the_clipboard(
    qtbot: QtBot, reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(reference_release)
    _show_channels(window)
    channels = window.preview.channels
    for box in (channels.sms, channels.social):
        qtbot.mouseClick(box.copy_button, Qt.MouseButton.LeftButton)
        assert QApplication.clipboard().text() == box.text.toPlainText()
    assert window.statusBar().currentMessage() == "The social-media post is on the clipboard."


def test_a_template_without_short_forms_says_so(
    context: AppContext, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(Release.new(template_named(context, "lex-maria-sv")))
    _show_channels(window)
    channels = window.preview.channels
    assert channels.note.isVisible()
    assert channels.note.text().startswith("This template has no short versions.")
    assert channels.sms.isHidden() and channels.social.isHidden()


def test_empty_required_fields_are_named_under_the_text(
    context: AppContext, make_window: Callable[..., MainWindow]
) -> None:
    template = template_named(context, "readiness-ended-sv")
    values, _ = values_from_json(template, {**REFERENCE_VALUES, "organisation": ""})
    window = make_window(Release.new(template, values))
    _show_channels(window)
    sms = window.preview.channels.sms
    assert sms.text.toPlainText().startswith("[Organisation] avslutade")
    assert sms.placeholders.isVisible()
    assert sms.placeholders.text() == "Still to fill in: Organisation"
