"""The Checks tab: findings from the preview's own render, live, and a way to each field."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem
from pytestqt.qtbot import QtBot
from uihelpers import REFERENCE_VALUES, template_named, type_text

from editor.model.fields import FieldDef, FieldType
from editor.model.release import Release, values_from_json
from editor.model.template import Template
from editor.render import checks
from editor.ui.context import AppContext
from editor.ui.panels.checks_panel import FIELD_ROLE
from editor.ui.session import CHECKS_DELAY_MS
from editor.ui.windows.main_window import MainWindow

CHECKS_WAIT_MS = 2 * CHECKS_DELAY_MS


def _item(window: MainWindow, field: str) -> QListWidgetItem:
    findings = window.preview.checks.list
    for row in range(findings.count()):
        if findings.item(row).data(FIELD_ROLE) == field:
            return findings.item(row)
    raise AssertionError(f"no finding for {field}")


def _click(qtbot: QtBot, window: MainWindow, item: QListWidgetItem) -> None:
    findings = window.preview.checks.list
    rect = findings.visualItemRect(item)
    qtbot.mouseClick(findings.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _without(context: AppContext, key: str, *empty: str) -> Release:
    template = template_named(context, key)
    values, problems = values_from_json(template, {**REFERENCE_VALUES, **dict.fromkeys(empty, "")})
    assert not problems
    return Release.new(template, values)


def _tab_title(window: MainWindow) -> str:
    tabs = window.preview.tabs
    return tabs.tabText(tabs.indexOf(window.preview.checks.parentWidget()))


def test_an_empty_required_field_is_listed_and_clicking_it_focuses_the_field(
    qtbot: QtBot, context: AppContext, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(_without(context, "readiness-ended-sv", "organisation"))
    assert window.form is not None
    window.window_actions.show_checks.trigger()
    assert window.preview.current_page() is window.preview.checks
    item = _item(window, "organisation")
    assert item.text() == "“Organisation” is required and still empty.\nField: Organisation"
    assert window.preview.checks.findings[0].severity == "error"
    # the error and "the release date (2018) has passed"; info (readability) is not counted
    assert _tab_title(window) == "Checks (2)"
    assert window.preview.checks.readability.text().startswith("Readability: LIX ")

    _click(qtbot, window, item)
    assert window.focusWidget() is window.form.field_editor("organisation")

    window.preview.checks.list.setFocus()  # and Enter on a finding does the same
    window.preview.checks.list.setCurrentItem(_item(window, "release_date"))
    qtbot.keyClick(window.preview.checks.list, Qt.Key.Key_Return)
    assert window.focusWidget() is window.form.field_editor("release_date")


def test_the_findings_follow_the_typing(
    qtbot: QtBot, context: AppContext, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(_without(context, "readiness-ended-sv", "organisation"))
    assert window.form is not None
    renders: list[object] = []
    window.session.rendered.connect(renders.append)
    type_text(qtbot, window.form.field_editor("organisation"), "Region Kronoberg")
    qtbot.waitUntil(lambda: _tab_title(window) == "Checks (1)")
    codes = [f.code for f in window.preview.checks.findings]
    assert "required_empty" not in codes and "release_date_past" in codes
    # the checks read the preview's document: one render per update, not two
    assert window.preview.checks.findings == checks.check_release(
        window.session.release, doc=window.session.document
    )
    assert len(renders) < len("Region Kronoberg")  # coalesced

    headline = window.form.field_editor("headline")
    type_text(qtbot, headline, " efter en lång störning i IT-systemen i hela regionen i dag")
    qtbot.waitUntil(lambda: "headline_long" in [f.code for f in window.preview.checks.findings])
    assert _item(window, "headline").text().startswith("The headline is ")


def test_no_errors_or_warnings_says_ready_to_send(
    qtbot: QtBot, context: AppContext, make_window: Callable[..., MainWindow]
) -> None:
    fields = (FieldDef("title", FieldType.TEXT, "Title", required=True),)
    body = "# {{ title }}\n\nThe clinic opens on Monday. It is open on weekdays.\n"
    template = Template(id="t", name="T", language="en", body=body, fields=fields)
    window = make_window(Release.new(template, {"title": "A new clinic"}))
    panel = window.preview.checks
    assert [f.severity for f in panel.findings] == ["info", "info"]  # readability, longest
    assert panel.summary.text() == "No errors or warnings: ready to send."
    assert _tab_title(window) == "Checks"


@pytest.mark.parametrize(("key", "method"), [("general-sv", "LIX"), ("general-en", "Flesch")])
def test_readability_is_shown_with_its_band(
    context: AppContext, make_window: Callable[..., MainWindow], key: str, method: str
) -> None:
    template = template_named(context, key)
    body = next(f.key for f in template.fields if f.type == "paragraphs")
    text = "The region has opened a new clinic. It is open on weekdays. Everyone is welcome."
    window = make_window(Release.new(template, {body: text}))
    readability = window.preview.checks.readability.text()
    assert method in readability
    band = readability.rsplit("(", 1)[1].rstrip(").")
    bands = [b for _, b in checks.readability.LIX_BANDS + checks.readability.FLESCH_BANDS]
    labels = {
        checks.readability.band_label(b, "en") for b in [*bands, "very_hard", "very_difficult"]
    }
    assert band in labels


def test_messages_follow_the_ui_language(
    context: AppContext, make_window: Callable[..., MainWindow]
) -> None:
    context.language = "sv"
    window = make_window(_without(context, "readiness-ended-sv", "organisation"))
    assert window.preview.checks.findings[0].message == "”Organisation” måste fyllas i."
    assert window.preview.checks.readability.text().startswith("Läsbarhet: LIX ")


def test_the_checks_of_a_new_window_wait_for_its_first_paint(
    qtbot: QtBot, context: AppContext
) -> None:
    window = MainWindow(context, _without(context, "readiness-ended-sv", "organisation"))
    qtbot.addWidget(window)
    qtbot.wait(CHECKS_WAIT_MS)  # longer than the pause after typing: still not run
    assert window.preview.checks.findings == []
    with qtbot.waitSignal(window.preview.first_painted):
        window.show()
    with qtbot.waitSignal(window.session.findings_changed):  # in the turn after that paint
        pass
    assert _item(window, "organisation")


def test_checks_after_typing_arrive_from_the_worker_and_match_the_release(
    qtbot: QtBot, context: AppContext, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(_without(context, "readiness-ended-sv"))
    assert window.form is not None
    assert not [f for f in window.preview.checks.findings if f.field == "organisation"]
    with qtbot.waitSignal(window.session.findings_changed, timeout=5000) as arrived:
        window.form.field_editor("organisation").clear()
    keys = {f.field for f in arrived.args[0]}
    assert "organisation" in keys
    assert _item(window, "organisation")
    assert keys == {f.field for f in window.session.findings()}


def test_the_checks_of_a_long_release_opened_wait_for_the_window_to_build_it(
    qtbot: QtBot, context: AppContext, make_window: Callable[..., MainWindow]
) -> None:
    """A worker checking a long release holds Python's lock for most of its time: its checks
    start once the form has built its rows and underlined them and the preview is filled in."""
    window = make_window(_without(context, "readiness-ended-sv"))
    long = _without(context, "readiness-ended-sv", "organisation")
    body = "\n\n".join(
        [f"Stycke {n} om läget på akutmottagningarna i regionen." for n in range(900)]
    )
    window.session.load(replace(long, values={**long.values, "consequences": body}))
    assert window.form is not None and not window.form.is_complete()
    states: list[tuple[bool, bool, bool]] = []
    window.session.findings_changed.connect(
        lambda _: states.append(
            (window.form.is_complete(), window.form.underlining(), window.preview.filling())
        )
    )
    qtbot.waitUntil(lambda: bool(states), timeout=20000)
    assert states[0] == (True, False, False)
    assert _item(window, "organisation")
