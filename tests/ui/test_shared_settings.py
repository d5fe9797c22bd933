"""One settings object for the whole app: a change made in one window reaches every window at
once, and so does a change of the level sets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from editor.model.levels import LevelSet
from editor.model.release import Release
from editor.storage.level_sets import save_level_set
from editor.storage.settings import load_settings
from editor.ui.context import AppContext
from editor.ui.dialogs.settings_dialog import SettingsDialog
from editor.ui.windows.main_window import MainWindow


def _change_in_settings_dialog(window: MainWindow, organisation: str, autosave: float) -> None:
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        dialog.organisation_edit.setText(organisation)
        dialog.autosave_spin.setValue(autosave)
        dialog.accept()

    QTimer.singleShot(0, run)
    window.window_actions.settings.trigger()


def test_a_settings_change_in_one_window_reaches_the_other_at_once(
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
) -> None:
    first, second = make_window(reference_release), make_window(reference_release)
    held_before = context.settings  # what tools opened earlier hold
    _change_in_settings_dialog(first, "Region Exempelby", 7.0)

    assert context.settings is held_before and held_before.organisation_name == "Region Exempelby"
    for window in (first, second):
        assert window.session.render_settings.organisation == "Region Exempelby"
        assert window.autosave._timer.interval() == 7000
        document = window.session.current_document()
        assert document.meta.organisation in ("Region Exempelby", "Region Kronoberg")
    assert load_settings(context.paths.settings_file).organisation_name == "Region Exempelby"


def test_the_organisation_setting_reaches_a_release_that_names_none(
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
) -> None:
    release = reference_release.with_values({**reference_release.values, "organisation": ""})
    first, second = make_window(release), make_window(release)
    assert second.session.current_document().meta.organisation == ""
    _change_in_settings_dialog(first, "Region Exempelby", 3.0)
    assert second.session.current_document().meta.organisation == "Region Exempelby"


def test_edited_level_sets_reach_every_window(
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
) -> None:
    first, second = make_window(reference_release), make_window(reference_release)
    builtin = context.levels().get("se-healthcare")
    assert builtin is not None
    own = LevelSet("own-levels", {"sv": "Egna nivåer"}, builtin.levels)
    save_level_set(own, context.paths.level_sets)
    context.level_sets_edited()
    for window in (first, second):
        levels = window.session.render_settings.levels
        assert levels is not None and levels.get("own-levels") is not None


def test_the_organisation_in_the_settings_fills_a_new_release(
    qtbot: QtBot, context: AppContext, reference_release: Release
) -> None:
    """Was: a new release still had an empty, red Organisation field."""
    template = reference_release.template
    assert context.new_release(template).values["organisation"] in ("", None)
    context.settings.organisation_name = "Region Exempelby"
    assert context.new_release(template).values["organisation"] == "Region Exempelby"
    from uihelpers import template_named

    general = template_named(context, "general-sv")
    assert context.new_release(general).values["organisation"] == "Region Exempelby"
