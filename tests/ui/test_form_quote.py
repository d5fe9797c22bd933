"""The quote editor: an optional, repeatable section, the speaker picked or typed."""

from __future__ import annotations

from typing import Any

from editor.model.contacts import Contact
from editor.model.quotes import Quote
from editor.ui.form.quote import QuoteEditor
from tests.helpers import make_template
from tests.ui.test_form import make_form

FIELDS = [{"key": "quote", "type": "quote", "label": "Citat"}]
BOOK = [
    Contact("Anna Exempel", "Regiondirektör", id="c1"),
    Contact("Per Prov", "Smittskyddsläkare"),
]


def quote_editor(form: Any) -> QuoteEditor:
    editor = form.editor("quote")
    assert isinstance(editor, QuoteEditor)
    return editor


def test_there_is_no_quote_until_one_is_added(qtbot: Any) -> None:
    form = make_form(qtbot, make_template("{{ quote|quotes }}", FIELDS))
    editor = quote_editor(form)
    assert editor.rows == [] and form.values()["quote"] == []
    assert editor.add_button.text() in ("+ Add quote", "+ Lägg till citat")
    editor.add_button.click()
    editor.add_button.click()
    assert len(editor.rows) == 2
    assert form.values()["quote"] == []  # empty quotes are no quotes


def test_a_speaker_is_picked_from_the_contact_book_or_typed(qtbot: Any) -> None:
    form = make_form(qtbot, make_template("x", FIELDS), contacts=lambda: BOOK)
    editor = quote_editor(form)
    editor.add_button.click()
    row = editor.rows[0]
    row.pick("Anna Exempel")
    row.text_edit.setPlainText("Vi har läget under kontroll.")
    assert form.values()["quote"] == [
        Quote("Vi har läget under kontroll.", "Anna Exempel", "Regiondirektör", "c1")
    ]
    editor.add_button.click()
    typed = editor.rows[1]
    typed.name_edit.setText("Eva Exempel")
    typed.title_edit.setText("Verksamhetschef")
    typed.text_edit.setPlainText("Vi öppnar i morgon.")
    assert [q.name for q in form.values()["quote"]] == ["Anna Exempel", "Eva Exempel"]


def test_quotes_are_set_and_removed(
    qtbot: Any,
) -> None:
    form = make_form(qtbot, make_template("x", FIELDS))
    editor = quote_editor(form)
    editor.set_value([Quote("Ett.", "A"), Quote("Två.", "B")])
    assert len(editor.rows) == 2
    editor.rows[0].remove_button.click()
    assert editor.value() == [Quote("Två.", "B")]
    editor.set_value([])
    assert editor.rows == []


GROUPED = [
    {"key": "contact", "type": "contact", "label": "Kontakt", "multiple": True,
     "groups": ["Mer information", "Presskontakt"]},
]  # fmt: skip


def test_a_contact_field_with_groups_gives_each_contact_a_heading(qtbot: Any) -> None:
    from editor.ui.form.contact import ContactEditor

    template = make_template("{{ contact|contact_groups }}", GROUPED)
    assert template.fields[0].groups == ("Mer information", "Presskontakt")
    form = make_form(qtbot, template)
    editor = form.editor("contact")
    assert isinstance(editor, ContactEditor)
    editor.cards[0].name.setText("Anna Exempel")
    card = editor.add_card()
    card.name.setText("Per Prov")
    card.group.setCurrentText("Presskontakt")
    assert [(c.name, c.group) for c in form.values()["contact"]] == [
        ("Anna Exempel", "Mer information"),
        ("Per Prov", "Presskontakt"),
    ]
    form.set_values({"contact": [Contact("Eva", group="Presskontakt")]})
    assert editor.cards[0].group.currentText() == "Presskontakt"


def test_a_contact_field_without_groups_stores_no_heading(qtbot: Any) -> None:
    form = make_form(
        qtbot, make_template("x", [{"key": "contact", "type": "contact", "label": "K"}])
    )
    editor = form.editor("contact")
    editor.cards[0].name.setText("Anna")
    assert form.values()["contact"][0].group == ""
