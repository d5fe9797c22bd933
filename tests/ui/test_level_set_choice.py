"""The organisation's default level set (Settings) and the release's own pick (above the form),
saved and read back."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from uihelpers import ScriptedDialogs, preview_text, template_named

from editor.model.release import Release
from editor.storage.releases import load_release, save_release
from editor.storage.settings import load_settings
from editor.ui.context import AppContext
from editor.ui.dialogs.settings_dialog import SettingsDialog
from editor.ui.windows.main_window import MainWindow


def _pick(combo_owner: object, set_id: str) -> None:
    combo = combo_owner.combo  # type: ignore[attr-defined]
    index = combo.findData(set_id)
    assert index >= 0, set_id
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_the_organisations_default_set_is_a_setting_new_releases_start_in(
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window(reference_release)

    def choose(dialog: SettingsDialog) -> None:
        box = dialog.level_set_box
        assert box.itemData(0) == "" and box.itemText(0) == "Each template's own"
        box.setCurrentIndex(box.findData("se-healthcare"))
        dialog.accept()

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        choose(dialog)

    QTimer.singleShot(0, run)
    window.window_actions.settings.trigger()
    assert load_settings(context.paths.settings_file).default_level_set == "se-healthcare"
    english = template_named(context, "readiness-raised-en")
    assert english.level_set == "nhs-incident"
    assert context.new_release(english).template.level_set == "se-healthcare"
    assert context.new_release(english).values["raised_to"] == "forstarkningslage"
    # A template without levels is left as it is.
    assert context.new_release(template_named(context, "general-en")).template.level_set == (
        template_named(context, "general-en").level_set
    )


def test_without_a_default_the_english_release_speaks_nhs(
    context: AppContext, make_window: Callable[..., MainWindow]
) -> None:
    release = context.new_release(template_named(context, "readiness-raised-en"))
    window = make_window(release)
    assert window.level_set_bar.isVisible()
    assert window.level_set_bar.current_set() == "nhs-incident"
    assert release.values["raised_to"] == "critical"


def test_a_release_picks_another_set_in_the_form_and_keeps_it(
    tmp_path: Path,
    qtbot: QtBot,
    context: AppContext,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    release = context.new_release(template_named(context, "readiness-raised-en"))
    window = make_window(release)
    _pick(window.level_set_bar, "se-healthcare")
    assert window.isWindowModified()
    assert window.session.template.level_set == "se-healthcare"
    # The critical incident (rank 2) became förstärkningsläge (rank 2).
    assert window.session.release.values["raised_to"] == "forstarkningslage"
    window.session.update_now()
    qtbot.waitUntil(lambda: "förstärkningsläge" in preview_text(window))
    assert "critical incident" not in preview_text(window)

    dialogs.paths.append(str(tmp_path / "raised"))
    window.window_actions.save_as.trigger()
    saved = tmp_path / "raised.pressklar"
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["template"]["level_set"] == "se-healthcare"
    assert data["values"]["raised_to"] == "forstarkningslage"
    window.close()
    reopened = make_window(load_release(saved), str(saved))
    assert reopened.level_set_bar.current_set() == "se-healthcare"
    assert not reopened.isWindowModified()


def test_a_release_whose_set_is_gone_opens_in_one_with_its_levels(
    tmp_path: Path,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    data = json.loads(json.dumps(reference_release.to_dict()))
    data["template"]["level_set"] = "our-own-levels"  # defined on another computer
    path = tmp_path / "elsewhere.pressklar"
    save_release(reference_release, path)
    path.write_text(json.dumps(data), encoding="utf-8")
    window = make_window(reference_release)
    assert window.files.open_release(str(path))
    notes = dialogs.texts("info")
    assert any("our-own-levels" in n and "se-healthcare" in n for n in notes), notes
    assert window.session.template.level_set == "se-healthcare"
    assert "Förstärkningsläge" in window.session.current_document().markdown or (
        "förstärkningsläge" in window.session.current_document().markdown
    )
