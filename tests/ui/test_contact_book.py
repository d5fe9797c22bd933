"""The contact book window: add, edit, search, delete on disk; a damaged book kept aside; a
newer book read-only; "Add to contact book" from a form."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot
from uihelpers import ScriptedDialogs, type_text

from editor.model.contacts import Contact, Phone
from editor.model.release import Release
from editor.storage.contacts import ContactBook, load_contact_book, save_contact_book
from editor.storage.paths import user_paths
from editor.ui.context import AppContext
from editor.ui.dialogs import messages
from editor.ui.form.contact import ContactEditor
from editor.ui.windows.contact_book import ContactBookWindow, add_to_contact_book, email_looks_right
from editor.ui.windows.main_window import MainWindow

Button = messages.Button
Make = Callable[..., ContactBookWindow]


@pytest.fixture
def book_path(pressklar_home: Path) -> Path:
    return user_paths().contacts_file


@pytest.fixture
def make_book_window(qtbot: QtBot, book_path: Path, dialogs: ScriptedDialogs) -> Iterator[Make]:
    made: list[ContactBookWindow] = []

    def make() -> ContactBookWindow:
        window = ContactBookWindow(book_path)
        made.append(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    dialogs.strict = False
    for window in made:
        window.close()
        window.deleteLater()


def on_disk(path: Path) -> list[Contact]:
    book, warning = load_contact_book(path)
    assert warning is None
    return book.contacts


def fill(qtbot: QtBot, window: ContactBookWindow, **texts: str) -> None:
    for name, text in texts.items():
        edit = getattr(window, f"{name}_edit")
        edit.clear()
        type_text(qtbot, edit, text)  # keyClicks knows ASCII only


def test_add_edit_search_and_delete_on_disk(
    qtbot: QtBot, make_book_window: Make, book_path: Path, dialogs: ScriptedDialogs
) -> None:
    window = make_book_window()
    assert window.list.count() == 0 and not window.save_button.isEnabled()
    fill(
        qtbot,
        window,
        name="Åsa Öberg",
        title="pressekreterare",
        organisation="Region Exempelby",
        unit="Enheten för media och kriskommunikation",
        email="asa.oberg@example.se",
    )
    window.phones.add_row()
    window.phones.table.setItem(0, 0, QTableWidgetItem("070-123 45 67"))
    window.phones.table.setItem(0, 1, QTableWidgetItem("mobil"))
    window.save_button.click()
    [asa] = on_disk(book_path)
    assert asa.name == "Åsa Öberg" and asa.unit == "Enheten för media och kriskommunikation"
    assert asa.phones == (Phone("070-123 45 67", "mobil"),)
    assert window.contact_ids() == [asa.id]

    window.new_button.click()
    fill(qtbot, window, name="Bo Berg", title="presschef")
    window.save_button.click()
    assert [c.name for c in on_disk(book_path)] == ["Åsa Öberg", "Bo Berg"]

    window.list.setCurrentRow(0)  # Åsa, edited
    assert window.name_edit.text() == "Åsa Öberg"
    fill(qtbot, window, title="kommunikationschef")
    window.save_button.click()
    saved = {c.name: c for c in on_disk(book_path)}
    assert saved["Åsa Öberg"].title == "kommunikationschef"
    assert saved["Åsa Öberg"].id == asa.id and saved["Åsa Öberg"].phones == asa.phones

    window.search_edit.setText("asa oberg")  # case and accents ignored
    assert window.contact_ids() == [asa.id]
    window.search_edit.setText("presschef")
    assert window.contact_ids() == [saved["Bo Berg"].id]
    window.search_edit.clear()

    window.list.setCurrentRow(1)
    dialogs.answers = [Button.No]
    window.delete_button.click()
    assert len(on_disk(book_path)) == 2
    dialogs.answers = [Button.Yes]
    window.delete_button.click()
    assert [c.name for c in on_disk(book_path)] == ["Åsa Öberg"]
    assert "Delete “Bo Berg” from the contact book?" in dialogs.texts("question")[-1]


def test_a_damaged_book_is_kept_aside_and_the_user_told_once(
    qtbot: QtBot, make_book_window: Make, book_path: Path, dialogs: ScriptedDialogs
) -> None:
    book_path.parent.mkdir(parents=True)
    book_path.write_text("{not json", encoding="utf-8")
    window = make_book_window()
    warnings = dialogs.texts("warn")
    assert len(warnings) == 1 and "damaged" in warnings[0]
    [kept] = list(book_path.parent.glob("contacts.corrupt-*.json"))
    assert kept.read_text(encoding="utf-8") == "{not json"
    assert kept.name in warnings[0]
    assert not book_path.exists() and window.list.count() == 0
    fill(qtbot, window, name="Cecilia Ek")
    window.save_button.click()
    assert [c.name for c in on_disk(book_path)] == ["Cecilia Ek"]
    assert kept.read_text(encoding="utf-8") == "{not json"
    assert len(dialogs.texts("warn")) == 1


def test_a_book_from_a_newer_pressklar_is_read_only(
    make_book_window: Make, book_path: Path, dialogs: ScriptedDialogs
) -> None:
    book_path.parent.mkdir(parents=True)
    data = {"format": 99, "contacts": [{"name": "Anna Exempel", "phones": []}]}
    book_path.write_text(json.dumps(data), encoding="utf-8")
    before = book_path.read_bytes()
    window = make_book_window()
    assert window.list.count() == 1
    assert window.read_only_note.isVisible() and "newer Pressklar" in window.read_only_note.text()
    assert not window.new_button.isEnabled() and not window.delete_button.isEnabled()
    window.list.setCurrentRow(0)
    assert window.name_edit.isReadOnly() and not window.save_button.isEnabled()
    assert book_path.read_bytes() == before


def test_unsaved_edits_are_asked_about_when_moving_on(
    qtbot: QtBot, make_book_window: Make, book_path: Path, dialogs: ScriptedDialogs
) -> None:
    save_contact_book(ContactBook([Contact("Anna"), Contact("Bo")]), book_path)
    window = make_book_window()
    window.list.setCurrentRow(0)
    fill(qtbot, window, title="ny titel")
    dialogs.answers = [Button.Cancel]
    window.list.setCurrentRow(1)
    assert window.list.currentRow() == 0 and window.title_edit.text() == "ny titel"
    dialogs.answers = [Button.Save]
    window.list.setCurrentRow(1)
    assert {c.name: c.title for c in on_disk(book_path)} == {"Anna": "ny titel", "Bo": ""}
    assert window.name_edit.text() == "Bo"


def test_an_email_address_is_checked_lightly(qtbot: QtBot, make_book_window: Make) -> None:
    assert email_looks_right("anna.exempel@region.example.se") and email_looks_right("")
    assert not email_looks_right("anna@") and not email_looks_right("anna exempel@x.se")
    window = make_book_window()
    fill(qtbot, window, name="Anna", email="anna@example")
    assert window.email_hint.isVisible() and not window.save_button.isEnabled()
    fill(qtbot, window, email="anna@example.se")
    assert not window.email_hint.isVisible() and window.save_button.isEnabled()


def test_a_change_made_elsewhere_meanwhile_is_kept(
    qtbot: QtBot, make_book_window: Make, book_path: Path
) -> None:
    window = make_book_window()
    add_to_contact_book(None, book_path, Contact("From a form"))  # while the window is open
    fill(qtbot, window, name="From the window")
    window.save_button.click()
    assert [c.name for c in on_disk(book_path)] == ["From a form", "From the window"]
    assert window.list.count() == 2


def test_add_to_contact_book_from_a_filled_field(book_path: Path, dialogs: ScriptedDialogs) -> None:
    said: list[str] = []
    anna = Contact("Anna Exempel", title="pressekreterare")
    stored = add_to_contact_book(None, book_path, anna, said.append)
    assert said == ["Anna Exempel has been added to the contact book"]
    assert stored is not None and stored.id
    assert on_disk(book_path) == [stored]
    again = add_to_contact_book(None, book_path, stored)
    assert again == stored and "already in the contact book" in dialogs.texts("info")[0]
    changed = Contact(stored.name, title="presschef", id=stored.id)
    dialogs.answers = [Button.Yes]
    add_to_contact_book(None, book_path, changed, said.append)
    assert on_disk(book_path) == [changed]
    assert said[-1] == "Anna Exempel has been updated in the contact book"
    assert add_to_contact_book(None, book_path, Contact("")) is None
    assert len(on_disk(book_path)) == 1


def test_the_forms_contact_field_adds_to_the_book_and_picks_from_it(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    reference_release: Release,
    context: AppContext,
) -> None:
    window = make_window(reference_release)
    assert window.form is not None
    editor = window.form.editor("contact")
    assert isinstance(editor, ContactEditor)
    card = editor.cards[0]
    assert card.add_to_book.isVisible() and card.add_to_book.isEnabled()
    card.add_to_book.click()
    [anna] = on_disk(context.paths.contacts_file)
    assert anna.name == "Anna Exempel" and anna.email == "anna.exempel@example.se"
    assert window.statusBar().currentMessage() == "Anna Exempel has been added to the contact book"
    assert [c.name for c in context.contacts()] == ["Anna Exempel"]  # the picker offers her
    card._fill_menu()
    assert card.pick.menu().actions()[0].text().startswith("Anna Exempel")

    window.window_actions.contact_book.trigger()
    [book_window] = [t for t in context.tools if isinstance(t, ContactBookWindow)]
    assert book_window.contact_ids() == [anna.id]
    window.window_actions.contact_book.trigger()  # the same window again, not a second one
    assert len(context.tools) == 1
    book_window.close()
    qtbot.waitUntil(lambda: not context.tools)


def test_a_damaged_book_found_by_the_form_is_reported(
    qtbot: QtBot, context: AppContext, dialogs: ScriptedDialogs
) -> None:
    context.paths.contacts_file.parent.mkdir(parents=True)
    context.paths.contacts_file.write_text("[1, 2", encoding="utf-8")
    assert context.contacts() == []
    qtbot.waitUntil(lambda: bool(dialogs.texts("warn")))
    assert "damaged" in dialogs.texts("warn")[0]
    assert context.contacts() == [] and len(dialogs.texts("warn")) == 1


def test_the_book_and_the_form_refuse_what_the_checks_flag(
    qtbot: QtBot, make_book_window: Make, book_path: Path, dialogs: ScriptedDialogs
) -> None:
    """Was: the book's own regex took anna..b@region.se, and "Add to contact book" from the
    form checked no address at all."""
    assert not email_looks_right("anna..b@region.se") and email_looks_right("åsa@exempel.se")
    window = make_book_window()
    fill(qtbot, window, name="Anna", email="anna..b@region.se")
    assert window.email_hint.isVisible() and not window.save_button.isEnabled()
    refused = add_to_contact_book(None, book_path, Contact("Anna", email="anna..b@region.se"))
    assert refused is None and not on_disk(book_path)
    assert "anna..b@region.se" in dialogs.texts("error")[0]
    kept = add_to_contact_book(None, book_path, Contact("Åsa", email="åsa@exempel.se"))
    assert kept is not None and on_disk(book_path) == [kept]


def test_a_big_book_lists_what_the_search_finds_and_keeps_the_current_contact(
    qtbot: QtBot, make_book_window: Make, book_path: Path
) -> None:
    from tests.storage.test_contacts import big_book

    save_contact_book(ContactBook(big_book(3000)), book_path)
    window = make_book_window()
    book = window.book
    assert window.contact_ids() == [c.id for c in book.contacts]
    window.list.setCurrentRow(0)
    first = book.contacts[0]
    assert window.name_edit.text() == first.name
    window.search_edit.setText("ÅSA region")
    assert window.contact_ids() == [c.id for c in book.search("asa region")]
    assert window.list.current_id() == (first.id if "Åsa" in first.name else None)
    window.search_edit.setText(first.name)
    assert window.list.current_id() == first.id and window.list.currentRow() == 0
    index = window.list.contacts.index(0, 0)
    assert index.data() == f"{first.name} — {first.title}, {first.organisation}"


def test_the_list_of_a_big_book_is_walked_with_the_keyboard_and_the_mouse(
    qtbot: QtBot, make_book_window: Make, book_path: Path
) -> None:
    from PySide6.QtCore import Qt

    from tests.storage.test_contacts import big_book

    save_contact_book(ContactBook(big_book(2000)), book_path)
    window = make_book_window()
    contacts = window.book.contacts
    window.list.setFocus()
    window.list.setCurrentRow(0)
    qtbot.keyClick(window.list, Qt.Key.Key_Down)
    assert window.list.currentRow() == 1 and window.name_edit.text() == contacts[1].name
    qtbot.keyClick(window.list, Qt.Key.Key_End)
    assert window.list.current_id() == contacts[-1].id
    assert window.name_edit.text() == contacts[-1].name
    window.list.setCurrentRow(0)
    second = window.list.visualRect(window.list.contacts.index(2, 0)).center()
    qtbot.mouseClick(window.list.viewport(), Qt.MouseButton.LeftButton, pos=second)
    assert window.list.current_id() == contacts[2].id
    assert window.list.selectionModel().selectedRows()[0].row() == 2
    tip = window.list.contacts.index(2, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == contacts[2].email
    window.search_edit.setText("zzz")
    assert window.list.count() == 0 and window.list.current_id() is None


def test_each_keystroke_lists_what_the_search_finds_laid_out_at_once(
    qtbot: QtBot, make_book_window: Make, book_path: Path
) -> None:
    """The list's scroll range follows its rows as soon as the search has filled it, before
    the event loop runs again: one paint shows the new rows with their scroll bar."""
    from tests.storage.test_contacts import big_book

    save_contact_book(ContactBook(big_book(3000)), book_path)
    window = make_book_window()
    row_height = window.list.verticalHeader().defaultSectionSize()
    query = "anna region"
    for typed in [query[: end + 1] for end in range(len(query))] + ["ann", "a", ""]:
        window.search_edit.setText(typed)
        assert window.contact_ids() == [c.id for c in window.book.search(typed)]
        rows_height = window.list.count() * row_height
        expected = max(0, rows_height - window.list.viewport().height())
        assert window.list.verticalScrollBar().maximum() == expected, typed
