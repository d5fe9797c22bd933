"""Every window and dialog opened in both languages, with Qt's own strings translated too."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from editor import resources
from editor.model.release import Release
from editor.storage.autosave import Recoverable
from editor.ui.context import AppContext
from editor.ui.dialogs.about_dialog import AboutDialog
from editor.ui.dialogs.export_dialog import ExportDialog
from editor.ui.dialogs.recovery_dialog import RecoveryDialog
from editor.ui.dialogs.settings_dialog import SettingsDialog
from editor.ui.dialogs.template_picker import TemplatePicker
from editor.ui.i18n import choose_language, install_translators, remove_translators
from editor.ui.windows.main_window import MainWindow

EXPECTED = {
    "sv": {
        "menus": ["&Arkiv", "&Redigera", "&Visa", "&Mallar", "&Hjälp"],
        "tabs": ["Formaterat", "Ren text", "Kontroller (1)", "Kanaler"],
        "titles": [
            "Nytt pressmeddelande",
            "Exportera pressmeddelande",
            "Inställningar",
            "Om Pressklar",
            "Återställ osparade pressmeddelanden",
        ],
        "cancel": "Avbryt",
    },
    "en": {
        "menus": ["&File", "&Edit", "&View", "&Templates", "&Help"],
        "tabs": ["Formatted", "Plain text", "Checks (1)", "Channels"],
        "titles": [
            "New release",
            "Export release",
            "Settings",
            "About Pressklar",
            "Recover unsaved releases",
        ],
        "cancel": "Cancel",
    },
}


@pytest.fixture(params=["sv", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = install_translators(qapp, request.param)
    yield request.param
    remove_translators(qapp, translators)


def _dialogs(context: AppContext, window: MainWindow, release: Release) -> list[QDialog]:
    recoverable = Recoverable(
        Path("x.autosave.json"), datetime(2018, 9, 25, 15, 40), "", "R", release
    )
    return [
        TemplatePicker(context.template_listing(), "readiness-ended-sv", context.language, window),
        ExportDialog("2018-09-25 Stabsläget avslutat.docx", "/tmp", "docx", window),
        SettingsDialog(context.settings, window),
        AboutDialog(window),
        RecoveryDialog([recoverable], window),
    ]


def test_every_window_and_dialog_in_both_languages(
    qtbot: QtBot,
    language: str,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
) -> None:
    context.language = language
    expected = EXPECTED[language]
    window = make_window(reference_release)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == expected["menus"]
    tabs = [window.preview.tabs.tabText(i) for i in range(window.preview.tabs.count())]
    assert tabs == expected["tabs"]
    assert window.windowTitle().startswith("Untitled" if language == "en" else "Namnlöst")
    actions = [a for a in vars(window.window_actions).values() if isinstance(a, QAction)]
    assert len(actions) > 15
    for action in actions:
        assert action.text() and action.toolTip()  # every action explains itself

    titles = []
    for dialog in _dialogs(context, window, reference_release):
        dialog.show()
        qtbot.waitExposed(dialog)
        titles.append(dialog.windowTitle())
        dialog.close()
    assert titles == expected["titles"]

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)  # Qt's own translation
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == expected["cancel"]


def test_every_string_has_a_swedish_translation_and_the_compiled_file_matches() -> None:
    ts = Path(str(resources.path("translations", "pressklar_sv.ts")))
    translator = QTranslator()
    assert translator.load(str(resources.path("translations", "pressklar_sv.qm")))
    checked = 0
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None and translation.get("type") is None, source
            assert (translation.text or "").strip(), source
            assert translator.translate(name, source) == translation.text, source
            checked += 1
    assert checked > 150


def test_the_ui_follows_the_flag_then_the_setting_then_the_system() -> None:
    assert choose_language("sv", "en") == "sv"
    assert choose_language(None, "en") == "en"
    assert choose_language(None, "") in ("sv", "en")
    assert choose_language("fi", "") in ("sv", "en")


def test_a_regional_or_upper_case_wish_names_its_language() -> None:
    """Was: "sv-FI" and "SV_se" were no wish at all, so the system's language won."""
    assert choose_language("sv-FI", "en") == "sv"
    assert choose_language(None, "SV_se") == "sv"
    assert choose_language("en_GB", "sv") == "en"
