"""The New dialog: a search line that filters by name and description as the user types, and the
chosen template's description in full."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from editor.storage.template_index import INDEX_FORMAT
from editor.ui.context import AppContext
from editor.ui.dialogs.template_list_model import Row
from editor.ui.dialogs.template_picker import TemplatePicker

LONG = "En mall för att prova sökningen. " * 12


def _shown(picker: TemplatePicker) -> list[str]:
    """The names in the list's rows, read from the view's model as the view shows them."""
    model = picker.view.model()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def _picker(qtbot: QtBot, context: AppContext) -> TemplatePicker:
    context.paths.templates.mkdir(parents=True, exist_ok=True)
    (context.paths.templates / "provmall.toml").write_text(
        "format = 1\nname = 'Provmall'\nlanguage = 'sv'\n"
        f"description = '{LONG.strip()}'\nbody = '# Rubrik'\n",
        encoding="utf-8",
    )
    picker = TemplatePicker(context.template_listing(), "", "sv")
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
    names = _shown(picker)
    assert names == ["Lex Maria-anmälan", "Lex Maria report"]  # the UI's language first
    assert picker.selected_key() == "lex-maria-sv"
    picker.search.setText("PROVA SÖKNINGEN")  # a description's words, in any case
    assert _shown(picker) == ["Provmall"]
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


def test_enter_in_the_search_creates_the_release_from_the_match(
    qtbot: QtBot, context: AppContext
) -> None:
    picker = _picker(qtbot, context)
    picker.search.setText("provmall")
    with qtbot.waitSignal(picker.accepted):
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.selected_key() == "user:provmall"


def test_the_list_comes_from_the_index_and_a_changed_template_is_read_again(
    qtbot: QtBot, context: AppContext
) -> None:
    picker = _picker(qtbot, context)
    index = context.paths.template_index
    rows = json.loads(index.read_text(encoding="utf-8"))["rows"]
    assert any("Provmall" in row for row in rows.values())
    file = context.paths.templates / "provmall.toml"
    file.write_text(
        "format = 1\nname = 'Omdöpt mall'\nlanguage = 'sv'\nbody = '# Rubrik'\n", encoding="utf-8"
    )
    again = TemplatePicker(context.template_listing(), "", "sv")
    qtbot.addWidget(again)
    assert "Omdöpt mall" in _shown(again) and "Provmall" not in _shown(again)
    assert len(_shown(again)) == len(_shown(picker))


def test_a_corrupt_or_newer_index_is_rebuilt(qtbot: QtBot, context: AppContext) -> None:
    _picker(qtbot, context)
    index = context.paths.template_index
    for damaged in ("{not json", json.dumps({"format": 99, "rows": {"x": 1}}), "[1, 2]"):
        index.write_text(damaged, encoding="utf-8")
        picker = TemplatePicker(context.template_listing(), "", "sv")
        qtbot.addWidget(picker)
        assert "Provmall" in _shown(picker)
        assert json.loads(index.read_text(encoding="utf-8"))["format"] == INDEX_FORMAT


def test_only_the_rows_in_sight_are_asked_for(qtbot: QtBot, context: AppContext) -> None:
    """1,000 templates: the view is a model/view list of rows of one height, not 1,000
    widgets, and asks for the rows it shows."""
    folder = context.paths.templates
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1000):
        (folder / f"mall-{n:04}.toml").write_text(
            f"format = 1\nname = 'Mall {n:04}'\nlanguage = 'sv'\nbody = 'x'\n", encoding="utf-8"
        )
    picker = TemplatePicker(context.template_listing(), "", "sv")
    qtbot.addWidget(picker)
    picker.show()
    asked: list[int] = []
    model = picker.model
    original = model.row

    def counting(number: int) -> Row | None:
        asked.append(number)
        return original(number)

    model.row = counting  # type: ignore[method-assign]
    picker.view.viewport().grab()  # paints what is in sight
    assert model.rowCount() > 1000 and 0 < len(set(asked)) < 100
    picker.search.setText("mall 0999")
    assert _shown(picker) == ["Mall 0999"] and picker.selected_key() == "user:mall-0999"
