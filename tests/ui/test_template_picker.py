"""The New dialog: a search line that filters by name and description as the user types, and the
chosen template's description in full."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from editor.ui.context import AppContext
from editor.ui.dialogs.template_picker import TemplatePicker

LONG = "En mall för att prova sökningen. " * 12


def _shown(picker: TemplatePicker) -> list[QTreeWidgetItem]:
    items = [picker.tree.topLevelItem(i) for i in range(picker.tree.topLevelItemCount())]
    return [item for item in items if item is not None and not item.isHidden()]


def _picker(qtbot: QtBot, context: AppContext) -> TemplatePicker:
    context.paths.templates.mkdir(parents=True, exist_ok=True)
    (context.paths.templates / "provmall.toml").write_text(
        "format = 1\nname = 'Provmall'\nlanguage = 'sv'\n"
        f"description = '{LONG.strip()}'\nbody = '# Rubrik'\n",
        encoding="utf-8",
    )
    picker = TemplatePicker(context.library(reload=True), "", "sv")
    qtbot.addWidget(picker)
    picker.show()
    return picker


def test_typing_in_the_search_filters_by_name_and_description(
    qtbot: QtBot, context: AppContext
) -> None:
    picker = _picker(qtbot, context)
    everything = len(_shown(picker))
    assert picker.search.hasFocus() or picker.focusWidget() is picker.search
    qtbot.keyClicks(picker.search, "lex maria")  # typed key by key: it filters as it goes
    names = [item.text(0) for item in _shown(picker)]
    assert names == ["Lex Maria-anmälan", "Lex Maria report"]  # the UI's language first
    assert picker.selected_key() == "lex-maria-sv"
    picker.search.setText("PROVA SÖKNINGEN")  # a description's words, in any case
    assert [item.text(0) for item in _shown(picker)] == ["Provmall"]
    assert picker.selected_key() == "user:provmall"
    picker.search.setText("finns inte någonstans")
    assert _shown(picker) == [] and picker.no_match.isVisible()
    assert picker.selected_key() == "" and not picker.ok_button.isEnabled()
    picker.search.clear()
    assert len(_shown(picker)) == everything and not picker.no_match.isVisible()


def test_the_chosen_templates_description_is_shown_in_full_and_wrapped(
    qtbot: QtBot, context: AppContext
) -> None:
    picker = _picker(qtbot, context)
    picker.search.setText("provmall")
    assert picker.description.text() == LONG.strip()
    assert picker.description.wordWrap()
    assert picker.tree.textElideMode() == Qt.TextElideMode.ElideNone


def test_enter_in_the_search_creates_the_release_from_the_match(
    qtbot: QtBot, context: AppContext
) -> None:
    picker = _picker(qtbot, context)
    picker.search.setText("provmall")
    with qtbot.waitSignal(picker.accepted):
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.selected_key() == "user:provmall"
