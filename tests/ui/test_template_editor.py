"""The template editor: the field table, validation as you type with lines, key renames, saving,
built-in templates read-only, the sample preview."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot
from uihelpers import ScriptedDialogs

from editor.model.fields import FieldDef, FieldType
from editor.model.template import Template, parse_template
from editor.render.body_keys import lines_using_key, rename_key
from editor.storage.library import USER, load_library
from editor.storage.paths import Paths, user_paths
from editor.storage.settings import Settings
from editor.storage.template_io import duplicate_template
from editor.ui.dialogs import messages
from editor.ui.dialogs.save_as_template import SaveAsTemplateDialog
from editor.ui.template_editor import TemplateEditorWindow
from editor.ui.template_editor.field_model import CHOICES, KEY, TYPE
from editor.ui.template_editor.panels import PROBLEM_ROLE

Button = messages.Button
Make = Callable[..., TemplateEditorWindow]


@pytest.fixture
def paths(pressklar_home: Path) -> Paths:
    return user_paths()


@pytest.fixture
def make_editor(qtbot: QtBot, paths: Paths, dialogs: ScriptedDialogs) -> Iterator[Make]:
    windows: list[TemplateEditorWindow] = []

    def make(template: Template | None = None, language: str = "en") -> TemplateEditorWindow:
        window = TemplateEditorWindow(paths, Settings(), template, language=language)
        if template is None:
            window.name_edit.setText("Test")  # as if loaded: not an edit
            window.check_now()
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    yield make
    dialogs.strict = False  # closing at teardown discards what a test left unsaved
    for window in windows:
        window.close()
        window.deleteLater()


def builtin(key: str) -> Template:
    entry = load_library(None).find(key)
    assert entry is not None and entry.template is not None
    return entry.template


def user_copy(paths: Paths, key: str = "general-en") -> Template:
    return duplicate_template(builtin(key), paths.templates)


def built(window: TemplateEditorWindow) -> Template:
    check = window.check_now()
    assert check.template is not None, check.problems
    return check.template


def test_a_field_added_in_the_table_is_in_the_template(qtbot: QtBot, make_editor: Make) -> None:
    window = make_editor()
    window.fields.select_row(2)
    qtbot.mouseClick(window.fields.add_button, Qt.MouseButton.LeftButton)
    row = window.fields.current_row()
    assert row == 3
    editor = QApplication.focusWidget()  # Add opens the new key for typing
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "venue")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.model.field_keys()[row] == "venue")  # committed, queued
    model = window.model
    model.setData(model.index(row, TYPE), "choice")
    model.setData(model.index(row, CHOICES), "Aulan, Stora salen")
    check = model.index(row, 3)  # Required
    model.setData(check, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)

    field = built(window).field("venue")
    assert field == FieldDef(
        "venue", FieldType.CHOICE, "New field", required=True, choices=("Aulan", "Stora salen")
    )
    assert [f.key for f in built(window).fields] == ["headline", "release_date", "text", "venue"]
    assert window.isWindowModified()


def test_rows_move_and_go(make_editor: Make) -> None:
    window = make_editor()
    window.fields.select_row(2)
    window.fields.move_field(-1)
    assert [f.key for f in built(window).fields] == ["headline", "text", "release_date"]
    assert window.fields.current_row() == 1  # the moved row stays selected
    window.fields.remove_field()
    assert [f.key for f in built(window).fields] == ["headline", "release_date"]


def go_to_end_of_line(window: TemplateEditorWindow, line: int) -> None:
    cursor = QTextCursor(window.editor.document().findBlockByNumber(line - 1))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    window.editor.setTextCursor(cursor)


def test_a_syntax_error_is_listed_with_its_line_and_leads_there(
    qtbot: QtBot, make_editor: Make
) -> None:
    window = make_editor()
    assert not [p for p in window.problems.problems() if not p.warning]
    go_to_end_of_line(window, 3)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, " {{ headline }")

    def listed() -> None:
        assert [p.line for p in window.problems.problems()] == [3]

    qtbot.waitUntil(listed, timeout=3000)  # after the debounce, no call needed
    assert window.editor.problem_lines() == {3}
    window.editor.go_to_line(1)
    item = window.problems.item(0)
    assert item.text().startswith("Line 3: ")
    assert item.data(PROBLEM_ROLE).line == 3
    rect = window.problems.visualItemRect(item)
    qtbot.mouseClick(window.problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editor.current_line() == 3
    assert window.editor.hasFocus()


def test_unknown_filters_unsafe_access_and_field_problems(make_editor: Make) -> None:
    window = make_editor()
    window.editor.setPlainText("# {{ headline }}\n\n{{ text|shout }}\n")
    assert [(p.line, "shout" in p.message) for p in window.check_now().problems] == [(3, True)]
    window.editor.setPlainText("{{ headline }}\n{{ headline.__class__ }}\n")
    problems = window.check_now().problems
    assert [p.line for p in problems] == [2] and "unsafe" in problems[0].message
    window.editor.setPlainText("{{ headline }}\n")
    window.model.setData(window.model.index(2, KEY), "headline")  # a second "headline"
    check = window.check_now()
    assert check.template is None
    assert [p.row for p in check.problems] == [2]
    window.go_to_problem(check.problems[0])
    assert window.fields.current_row() == 2


def test_renaming_a_key_renames_its_uses_in_the_body(
    make_editor: Make, dialogs: ScriptedDialogs
) -> None:
    window = make_editor()
    window.editor.setPlainText(
        "# {{ headline }}\n{% if headline %}{{ headline|upper }}{% endif %}\nheadline stays\n"
        "{{ text }} {{ x.headline }} {{ 'headline' }}\n"
    )
    dialogs.answers = [Button.Yes]
    window.model.setData(window.model.index(0, KEY), "title")
    assert window.editor.toPlainText() == (
        "# {{ title }}\n{% if title %}{{ title|upper }}{% endif %}\nheadline stays\n"
        "{{ text }} {{ x.headline }} {{ 'headline' }}\n"
    )
    assert not window.rename_note.isVisible()
    window.editor.undo()  # one undo step brings the old body back
    assert window.editor.toPlainText().startswith("# {{ headline }}\n{% if headline %}")


def test_a_declined_rename_lists_the_lines_still_using_the_old_key(
    make_editor: Make, dialogs: ScriptedDialogs
) -> None:
    window = make_editor()
    window.editor.setPlainText("# {{ headline }}\n\n{{ text }}\n{{ headline|lowerfirst }}\n")
    dialogs.answers = [Button.No]
    window.model.setData(window.model.index(0, KEY), "title")
    check = window.check_now()
    assert "headline" in window.editor.toPlainText()
    assert window.rename_note.isVisible()
    assert "1, 4" in window.rename_note.text() and "headline" in window.rename_note.text()
    assert {p.line for p in check.problems} == {1, 4}
    assert all(p.warning for p in check.problems)  # the undefined-name error is not repeated


def test_saving_writes_a_file_that_reads_back_identical(make_editor: Make, paths: Paths) -> None:
    original = user_copy(paths)
    window = make_editor(original)
    assert not window.read_only
    window.fields.add_field()
    row = window.fields.current_row()
    window.model.setData(window.model.index(row, KEY), "embargo_note")
    window.editor.setPlainText(window.editor.toPlainText() + "\n{{ embargo_note }}\n")
    window.description_edit.setText("Changed")
    expected = built(window)
    assert window.save()
    assert not window.isWindowModified()
    path = Path(original.path)
    assert path.parent == paths.templates
    on_disk = parse_template(path.read_text(encoding="utf-8"), path.name, path.stem)
    assert on_disk.to_dict() == expected.to_dict()
    assert on_disk.description == "Changed" and on_disk.field("embargo_note") is not None
    listed = [e for e in load_library(paths.templates).entries if e.path == str(path)]
    assert listed and listed[0].template is not None and listed[0].error is None


def test_a_new_template_is_saved_as_into_the_users_folder(
    make_editor: Make, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    def run(dialog: SaveAsTemplateDialog) -> QDialog.DialogCode:
        dialog.save()
        return QDialog.DialogCode(dialog.result())

    monkeypatch.setattr(SaveAsTemplateDialog, "exec", run)
    window = make_editor()
    window.name_edit.setText("Vårt eget")
    window.check_now()
    assert window.save()  # never saved: Save is Save As
    files = list(paths.templates.glob("*.toml"))
    assert [f.name for f in files] == ["vart-eget.toml"]
    assert window.template is not None and window.template.source == USER
    on_disk = parse_template(files[0].read_text(encoding="utf-8"))
    assert on_disk.name == "Vårt eget" and on_disk.body == window.editor.toPlainText()


def test_a_template_with_errors_is_not_saved(
    make_editor: Make, paths: Paths, dialogs: ScriptedDialogs
) -> None:
    original = user_copy(paths)
    before = Path(original.path).read_bytes()
    window = make_editor(original)
    window.editor.setPlainText("{% if %}")
    assert not window.save()
    assert Path(original.path).read_bytes() == before
    assert dialogs.texts("error")[0].startswith("The template has problems")


def test_a_builtin_template_opens_read_only_and_can_be_duplicated(
    make_editor: Make, paths: Paths
) -> None:
    window = make_editor(builtin("readiness-raised-en"))
    assert window.read_only and window.notice.isVisible()
    assert window.editor.isReadOnly() and window.name_edit.isReadOnly()
    assert not window.save_action.isEnabled()
    assert not window.fields.add_button.isEnabled()
    assert not window.model.flags(window.model.index(0, KEY)) & Qt.ItemFlag.ItemIsEditable
    window.duplicate_button.click()
    files = list(paths.templates.glob("*.toml"))
    assert [f.name for f in files] == ["readiness-raised-en-copy.toml"]
    assert not window.read_only and not window.notice.isVisible()
    assert not window.editor.isReadOnly()
    assert window.template is not None and window.template.path == str(files[0])
    assert window.name_edit.text() == "Copy of Readiness raised"


def test_the_preview_shows_the_template_with_sample_values(make_editor: Make) -> None:
    window = make_editor(builtin("readiness-raised-sv"))
    text = window.preview.browser.toPlainText()
    assert "Exempel (Rubrik)" in text or "höjer" in text
    assert "Anna Exempel" in text  # the made-up contact
    assert "förstärkningsläge" in text  # the field's default level
    assert not window.preview.banner.isVisible()
    window2 = make_editor(builtin("general-en"))
    assert "Example (" in window2.preview.browser.toPlainText()


def test_the_preview_keeps_the_last_good_version_while_the_body_is_broken(
    make_editor: Make,
) -> None:
    window = make_editor()
    window.editor.setPlainText("# {{ headline }}\n")
    window.check_now()
    assert "Example (Headline)" in window.preview.browser.toPlainText()
    window.editor.setPlainText("# {{ headline }\n")
    window.check_now()
    assert window.preview.banner.isVisibleTo(window)
    assert "Example (Headline)" in window.preview.browser.toPlainText()


def test_keys_and_filters_are_inserted_at_the_cursor(make_editor: Make) -> None:
    window = make_editor()
    window.editor.setPlainText("A \n{{ text }}")
    cursor = window.editor.textCursor()
    cursor.setPosition(2)
    window.editor.setTextCursor(cursor)
    window.insert("key", "headline")
    assert window.editor.toPlainText() == "A {{ headline }}\n{{ text }}"
    cursor.setPosition(len("A {{ headline }}\n{{ text"))
    window.editor.setTextCursor(cursor)
    window.insert("filter", "lowerfirst")
    assert window.editor.toPlainText().endswith("{{ text|lowerfirst }}")
    items = [window.insert_list.item(i).text().strip() for i in range(window.insert_list.count())]
    assert "release_date" in items and "|relative_day" in items


def test_closing_with_unsaved_changes_asks(
    qtbot: QtBot, make_editor: Make, dialogs: ScriptedDialogs
) -> None:
    window = make_editor()
    window.close()  # nothing changed: no question
    assert not window.isVisible() and not dialogs.shown
    window = make_editor()
    qtbot.keyClicks(window.name_edit, "Draft")
    assert window.isWindowModified()
    dialogs.answers = [Button.Cancel]
    window.close()
    assert window.isVisible()
    dialogs.answers = [Button.Discard]
    window.close()
    assert not window.isVisible()


def test_key_uses_are_found_only_in_code() -> None:
    body = (
        "name {{ name }} {{ a.name }} {{ x|name }} {{ 'name' }} {# name #}\n"
        "{% for n in name %}{{ f(name=1) }}{{ name is name }}{% endfor %}\n"
        "{% raw %}{{ name }}{% endraw %} {{ name_2 }} {{name}}"
    )
    assert lines_using_key(body, "name") == [1, 2, 3]
    renamed, count = rename_key(body, "name", "who")
    assert count == 4
    assert renamed == (
        "name {{ who }} {{ a.name }} {{ x|name }} {{ 'name' }} {# name #}\n"
        "{% for n in who %}{{ f(name=1) }}{{ who is name }}{% endfor %}\n"
        "{% raw %}{{ name }}{% endraw %} {{ name_2 }} {{who}}"
    )


def test_saving_under_a_name_another_template_of_the_folder_has_is_refused(
    make_editor: Make, paths: Paths, dialogs: ScriptedDialogs
) -> None:
    first = user_copy(paths)
    second = user_copy(paths)
    assert first.name != second.name
    window = make_editor(second)
    before = Path(second.path).read_bytes()
    window.name_edit.setText(first.name)
    window.check_now()
    assert not window.save()
    assert Path(second.path).read_bytes() == before
    [(kind, _title, text)] = dialogs.shown
    assert kind == "error" and f"The name “{first.name}” is also taken" in text
    window.name_edit.setText("A name of its own")
    assert window.save()
    assert parse_template(Path(second.path).read_text(encoding="utf-8")).name == "A name of its own"


def test_the_window_fits_its_screen_with_the_problem_list_in_view(make_editor: Make) -> None:
    window = make_editor(builtin("readiness-ended-sv"))
    room = window.screen().availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height() - 40
    problems = window.problems
    bottom = problems.mapTo(window, problems.rect().bottomLeft()).y()
    assert problems.isVisible() and problems.height() >= 40
    assert bottom <= window.height()


@pytest.mark.parametrize(
    ("language", "level", "own_set", "today"),
    [
        ("sv", "Förstärkningsläge", "Som mallen: Beredskapslägen i hälso- och sjukvården", "i dag"),
        ("en", "Reinforced readiness", "As the template: ", "today"),
    ],
)
def test_the_field_table_names_levels_and_sets_as_a_user_knows_them(
    qtbot: QtBot, qapp: QApplication, paths: Paths, language: str, level: str, own_set: str,
    today: str,
) -> None:  # fmt: skip
    from editor.ui.i18n import install_translators, remove_translators
    from editor.ui.template_editor.field_model import DEFAULT, LEVEL_SET

    translators = install_translators(qapp, language)
    try:
        window = TemplateEditorWindow(
            paths, Settings(ui_language=language), builtin("readiness-ended-sv")
        )
        qtbot.addWidget(window)
        model = window.model
        keys = model.field_keys()
        raised_to = keys.index("raised_to")
        shown_default = model.index(raised_to, DEFAULT).data()
        shown_set = model.index(raised_to, LEVEL_SET).data()
        assert model.index(raised_to, DEFAULT).data(Qt.ItemDataRole.EditRole) == "forstarkningslage"
        assert shown_default != "forstarkningslage"
        if language == "sv":
            assert shown_default == level
        assert shown_set.startswith(own_set) and "se-healthcare" not in shown_set
        assert "(" not in shown_set  # not "(mallens)"
        release_date = keys.index("release_date")
        assert model.index(release_date, DEFAULT).data() == today
        model.setData(model.index(release_date, DEFAULT), today)
        assert model.row(release_date).default == "today"  # the word typed is the template's
        window.problems.set_problems([], model.field_names())
    finally:
        remove_translators(qapp, translators)


def test_a_problem_of_a_field_names_the_field_by_its_label(make_editor: Make) -> None:
    from editor.ui.template_editor.field_model import LABEL

    window = make_editor()
    model = window.model
    model.setData(model.index(0, TYPE), "date")
    model.setData(model.index(0, 4), "not a date")  # the default
    model.setData(model.index(0, LABEL), "Rubriken")
    window.check_now()
    texts = [window.problems.item(i).text() for i in range(window.problems.count())]
    assert any(text.startswith("Field 1 (Rubriken):") for text in texts), texts
