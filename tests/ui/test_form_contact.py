"""The contact editor: free entry, the contact book, phones, several contacts, tab order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from editor.model.contacts import Contact, Phone, picker_line
from editor.ui.form.contact import ContactEditor
from tests.helpers import make_template
from tests.ui.test_form import make_form, show, type_text

BOOK = [
    Contact(
        "Anna Exempel",
        title="pressekreterare",
        organisation="Region Exempelby",
        unit="Enheten för media och kriskommunikation",
        email="anna.exempel@example.se",
        phones=(Phone("0470-58 80 00", "växel"), Phone("070-123 45 67", "mobil")),
        id="anna",
    ),
    Contact("Bo Berg", title="presschef", id="bo"),
]


def contact_editor(
    qtbot: Any, key: str = "contact", value: list[Contact] | None = None, book: Any = BOOK
) -> ContactEditor:
    template = make_template(
        "x",
        [
            {"key": "contact", "type": "contact", "label": "Kontakt"},
            {"key": "contacts", "type": "contact", "label": "Kontakter", "multiple": True},
        ],
    )
    contacts = (lambda: list(book)) if book is not None else None
    form = make_form(qtbot, template, {key: value or []}, contacts=contacts)
    show(qtbot, form)
    qtbot.form = form  # the Python object owns the widgets
    editor = form.editor(key)
    assert isinstance(editor, ContactEditor)
    return editor


def test_free_entry(qtbot: Any) -> None:
    editor = contact_editor(qtbot)
    card = editor.cards[0]
    type_text(card.name, "Cecilia Ek")
    type_text(card.title, "kommunikatör")
    type_text(card.organisation, "Region Exempelby")
    type_text(card.unit, "Kommunikation")
    type_text(card.email, "cecilia@example.se")
    type_text(card.phones[0].number, "010-1 23 45")
    type_text(card.phones[0].label, "direkt")
    assert editor.value() == [
        Contact(
            "Cecilia Ek",
            title="kommunikatör",
            organisation="Region Exempelby",
            unit="Kommunikation",
            email="cecilia@example.se",
            phones=(Phone("010-1 23 45", "direkt"),),
        )
    ]


def test_picking_from_the_book_fills_every_line(qtbot: Any) -> None:
    editor = contact_editor(qtbot)
    card = editor.cards[0]
    assert card.pick.isVisible()
    card._fill_menu()  # what the menu does as it opens
    actions = [a for a in card.pick.menu().actions() if a.isEnabled()]
    assert [a.text() for a in actions] == [
        "Anna Exempel — pressekreterare, Region Exempelby",
        "Bo Berg — presschef",
    ]
    actions[0].trigger()
    assert editor.value() == [BOOK[0]]
    card.title.end(False)
    type_text(card.title, " och talesperson")  # still editable
    assert editor.value()[0].title == "pressekreterare och talesperson"


def test_typing_a_name_offers_the_book(qtbot: Any) -> None:
    editor = contact_editor(qtbot)
    card = editor.cards[0]
    card.name.setFocus()
    qtbot.waitUntil(card.name.hasFocus)
    type_text(card.name, "berg")
    completer = card.name.completer()
    qtbot.waitUntil(completer.popup().isVisible)
    popup = completer.popup()
    assert popup.model().rowCount() == 1
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.value() == [BOOK[1]]


def test_an_empty_book_and_no_book(qtbot: Any) -> None:
    editor = contact_editor(qtbot, book=[])
    card = editor.cards[0]
    card._fill_menu()
    assert [a.isEnabled() for a in card.pick.menu().actions()] == [False]
    assert not contact_editor(qtbot, book=None).cards[0].pick.isVisible()


def test_phones_are_added_and_removed(qtbot: Any) -> None:
    editor = contact_editor(qtbot, value=[Contact("Anna", phones=(Phone("1"),))])
    card = editor.cards[0]
    qtbot.mouseClick(card.add_phone_button, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is card.phones[1].number
    type_text(card.phones[1].number, "2")
    assert editor.value()[0].phones == (Phone("1"), Phone("2"))
    qtbot.mouseClick(card.phones[0].remove, Qt.MouseButton.LeftButton)
    assert editor.value()[0].phones == (Phone("2"),)
    qtbot.mouseClick(card.phones[0].remove, Qt.MouseButton.LeftButton)  # the last one clears
    assert editor.value() == [Contact("Anna")]
    assert len(card.phones) == 1


def test_several_contacts_and_empty_ones_dropped(qtbot: Any) -> None:
    editor = contact_editor(qtbot, key="contacts")
    assert editor.add_button is not None and editor.add_button.isVisible()
    type_text(editor.cards[0].name, "Anna")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    type_text(editor.cards[2].name, "Bo")
    type_text(editor.cards[1].name, "   ")  # only spaces is empty
    assert editor.value() == [Contact("Anna"), Contact("Bo")]
    qtbot.mouseClick(editor.cards[0].remove, Qt.MouseButton.LeftButton)
    assert editor.value() == [Contact("Bo")]
    assert len(editor.cards) == 2


def test_a_single_contact_field_has_no_add_or_remove(qtbot: Any) -> None:
    editor = contact_editor(qtbot)
    assert editor.add_button is not None and not editor.add_button.isVisible()
    assert not editor.cards[0].remove.isVisible()
    assert editor.value() == []


def test_round_trip_keeps_book_ids_and_every_contact(qtbot: Any) -> None:
    editor = contact_editor(qtbot, value=list(BOOK))  # two in a single field: none lost
    assert editor.value() == BOOK
    editor.set_value([BOOK[1]])
    assert editor.value() == [BOOK[1]] and len(editor.cards) == 1


def test_tab_goes_through_a_contact_in_order_after_adding(qtbot: Any) -> None:
    editor = contact_editor(qtbot, key="contacts", value=[BOOK[0]])
    card = editor.cards[0]
    qtbot.mouseClick(card.add_phone_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    expected: list[QWidget] = [
        w for c in editor.cards for w in c.focus_chain() if w.isVisible() and w.isEnabled()
    ]
    expected.append(editor.add_button)
    expected[0].setFocus()
    qtbot.waitUntil(expected[0].hasFocus)
    visited = []
    for _ in expected:
        visited.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert visited == expected


def test_an_address_that_is_not_one_is_pointed_out_where_it_is_typed(qtbot: Any) -> None:
    card = contact_editor(qtbot).cards[0]
    assert not card.email_hint_shown()
    type_text(card.email, "anna..b@region.se")
    assert card.email_hint_shown()
    card.email.clear()
    type_text(card.email, "anna.b@region.se")
    assert not card.email_hint_shown()


def test_a_big_book_is_offered_by_typing_and_the_menu_stays_short(qtbot: Any) -> None:
    from editor.ui.form.contact import MENU_LIMIT

    book = [Contact(f"Person {i:04}", title="kommunikatör", id=f"p{i}") for i in range(2000)]
    book.append(Contact("Zelda Öberg", title="presschef", id="zelda"))
    editor = contact_editor(qtbot, book=book)
    card = editor.cards[0]
    card._fill_menu()
    actions = card.pick.menu().actions()
    assert [a.text() for a in actions[:MENU_LIMIT]] == [picker_line(c) for c in book[:MENU_LIMIT]]
    assert len(actions) == MENU_LIMIT + 1 and not actions[-1].isEnabled()
    assert str(len(book) - MENU_LIMIT) in actions[-1].text()
    card.name.setFocus()
    qtbot.waitUntil(card.name.hasFocus)
    type_text(card.name, "öberg")  # matched case-insensitively, deep in the book
    completer = card.name.completer()
    qtbot.waitUntil(completer.popup().isVisible)
    popup = completer.popup()
    assert popup.model().rowCount() == 1
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.value() == [book[-1]]
    assert card.name.text() == "Zelda Öberg"  # the name goes into the line, not the title too


def test_a_phone_label_shows_its_whole_placeholder_in_a_narrow_form(qtbot: Any) -> None:
    from editor.ui.i18n import install_translators, remove_translators

    translators = install_translators(QApplication.instance(), "sv")  # the longer wording
    try:
        editor = contact_editor(qtbot)
        qtbot.form.resize(420, 700)
        label = editor.cards[0].phones[0].label
        qtbot.waitUntil(lambda: qtbot.form.width() == 420)
        placeholder = label.placeholderText()
        assert placeholder.startswith("Etikett")
        assert label.width() >= label.fontMetrics().horizontalAdvance(placeholder) + 8
    finally:
        remove_translators(QApplication.instance(), translators)
