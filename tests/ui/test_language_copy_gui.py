"""Also in English from a window: the copy opens in a window of its own, in the same incident,
its copied free text marked "To translate" in the form and in the checks until the officer
edits the field (or keeps it as it is); the marks survive save and open."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QToolButton, QWidget
from pytestqt.qtbot import QtBot
from uihelpers import ScriptedDialogs, preview_text, template_named, type_text

from editor.model.release import Release
from editor.storage.releases import load_release
from editor.ui.context import AppContext
from editor.ui.windows.main_window import MainWindow
from tests.helpers import ROOT, values
from tests.reference.cases import case_template, raw_values

SV = json.loads((ROOT / "tests/reference/values/readiness-raised-sv.json").read_text("utf-8"))


@pytest.fixture
def copies(context: AppContext, dialogs: ScriptedDialogs) -> Iterator[list[MainWindow]]:
    """The windows the copies open in, closed afterwards (their unsaved copies discarded)."""
    yield context.windows
    dialogs.strict = False
    for window in list(context.windows):
        window.close()


def _codes(window: MainWindow) -> list[str]:
    window.session.flush_checks()
    return [f.code for f in window.preview.checks.findings]


def test_also_in_english_opens_the_copy_with_its_marks(
    tmp_path: Path,
    qtbot: QtBot,
    context: AppContext,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
    copies: list[MainWindow],
) -> None:
    template = template_named(context, "readiness-raised-sv")
    window = make_window(Release.new(template, values(template, SV)))
    action = window.window_actions.language_copy
    assert action.text() == "Also in &English…"
    action.trigger()
    assert len(copies) == 1
    copy = copies[0]
    qtbot.waitExposed(copy)
    # the original had no incident: both share a new one, the original marked modified
    assert copy.session.release.incident is not None
    assert window.session.release.incident == copy.session.release.incident
    # named by the headline the template wrote, as the preview shows it
    assert (
        copy.session.release.incident.title
        == "Region Kronoberg höjer beredskapen till förstärkningsläge"
    )
    assert window.isWindowModified() and window.incident_panel.isVisible()
    assert copy.window_actions.language_copy.text() == "Also in &Swedish…"
    text = preview_text(copy)
    assert "21 September 2018" in text and "raised its readiness level to förstärkningsläge" in text
    form = copy.form
    assert form is not None
    qtbot.waitUntil(lambda: "situation" in form.to_translate())
    assert form.to_translate() == {
        "cause", "decided_by", "situation", "consequences", "advice", "quotes", "press_phone",
    }  # fmt: skip
    assert "to_translate" in _codes(copy)

    type_text(qtbot, form.field_editor("cause"), " (translated)")  # an edit clears the mark
    qtbot.waitUntil(lambda: "cause" not in form.to_translate())
    assert "cause" not in copy.session.release.to_translate()
    button = form.findChild(QToolButton, "keep_decided_by")  # the officer keeps it as it is
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "decided_by" not in form.to_translate())

    dialogs.paths.append(str(tmp_path / "en.pressklar"))
    copy.window_actions.save.trigger()
    saved = load_release(tmp_path / "en.pressklar")
    assert "cause" not in saved.to_translate() and "decided_by" not in saved.to_translate()
    assert "situation" in saved.to_translate()
    reopened = make_window(saved, str(tmp_path / "en.pressklar"))
    assert reopened.form is not None
    qtbot.waitUntil(lambda: "situation" in reopened.form.to_translate())
    assert "cause" not in reopened.form.to_translate()
    finding = next(f for f in reopened.preview.checks.findings if f.code == "to_translate")
    assert "What has happened" in finding.message and "Reason" not in finding.message


def test_no_pair_says_so(
    context: AppContext, make_window: Callable[..., MainWindow], dialogs: ScriptedDialogs
) -> None:
    window = make_window(Release.new(template_named(context, "critical-incident-declared-en")))
    window.window_actions.language_copy.trigger()
    assert dialogs.texts("error") and "has no template in Swedish" in dialogs.texts("error")[0]
    assert len(context.windows) == 0 and not window.isWindowModified()


def test_from_english_it_is_aven_pa_svenska_in_a_swedish_ui(
    qapp: QApplication,
    qtbot: QtBot,
    context: AppContext,
    make_window: Callable[..., MainWindow],
    copies: list[MainWindow],
) -> None:
    from editor.ui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, "sv")
    try:
        template = case_template(
            "readiness-raised-en",
            {"readiness-raised-en": template_named(context, "readiness-raised-en")},
        )  # in the level set the reference case picked
        english = raw_values("readiness-raised-en")
        window = make_window(Release.new(template, values(template, english)))
        action = window.window_actions.language_copy
        assert action.text() == "Även på &svenska…"
        action.trigger()
        copy = copies[0]
        assert copy.form is not None
        qtbot.waitUntil(lambda: "cause" in copy.form.to_translate())
        banner = copy.form.findChild(QWidget, "translate_cause")
        assert banner is not None
        assert any("Att översätta" in label.text() for label in banner.findChildren(QLabel))
        assert "21 september 2018" in preview_text(copy)
        finding = next(f for f in copy.session.findings() if f.code == "to_translate")
        assert finding.field == "cause"  # (its words follow the context's language)
    finally:
        remove_translators(qapp, translators)


PAIRS = sorted(
    path.stem
    for path in (ROOT / "resources/templates").glob("*-sv.toml")
    if path.with_name(path.name.replace("-sv.", "-en.")).exists()
)


@pytest.mark.parametrize("template_id", PAIRS)
def test_every_builtin_pair_keeps_its_marks_through_the_form(
    template_id: str, context: AppContext, make_window: Callable[..., MainWindow]
) -> None:
    """The form shows the copied values as they are: reading them back is no edit, so no mark
    goes before the officer touches the field (quotes, timelines and paragraphs included)."""
    from editor.model.language_copy import language_copy

    template = template_named(context, template_id)
    data = json.loads((ROOT / f"tests/reference/values/{template_id}.json").read_text("utf-8"))
    made = language_copy(
        Release.new(template, values(template, data)),
        template_named(context, template_id.replace("-sv", "-en")),
        context.levels(),
    )
    assert made.copy.to_translate() and not made.copy.language_copy.dropped  # type: ignore[union-attr]
    window = make_window(made.copy)
    assert window.form is not None
    window.session.note_edit()  # the values are read back from the form
    window.session.update_now()
    assert window.session.release.to_translate() == made.copy.to_translate()
    assert window.form.to_translate() == set(made.copy.to_translate())
