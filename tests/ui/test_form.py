"""The form generated from a template: values in and out, signals, problems, focus, tab order."""

from __future__ import annotations

import sys
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QDate, QEvent, Qt, QTime
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLabel, QLineEdit, QWidget

from editor.model.contacts import Contact, Phone
from editor.model.fields import FieldType, TimelineRow
from editor.model.template import Template
from tests.helpers import builtin, make_template

if TYPE_CHECKING:
    from editor.ui.form import FormWidget

EVERY_TYPE_FIELDS = [
    {"key": "headline", "type": "text", "label": "Headline", "required": True, "group": "Basics"},
    {"key": "body", "type": "paragraphs", "label": "Body", "group": "Basics"},
    {"key": "subtitle", "type": "text", "label": "Subtitle", "help": "Under the headline.",
     "group": "Basics"},
    {"key": "day", "type": "date", "label": "Day", "required": True, "group": "When"},
    {"key": "day_off", "type": "date", "label": "Optional day", "group": "When"},
    {"key": "at", "type": "time", "label": "At", "required": True, "group": "When"},
    {"key": "at_off", "type": "time", "label": "Optional time", "group": "When"},
    {"key": "moment", "type": "datetime", "label": "Moment", "required": True, "group": "When"},
    {"key": "moment_off", "type": "datetime", "label": "Optional moment", "group": "When"},
    {"key": "kind", "type": "choice", "label": "Kind", "choices": ["news", "alert"],
     "required": True, "group": "What"},
    {"key": "kind_off", "type": "choice", "label": "Optional kind", "choices": ["a", "b"],
     "group": "What"},
    {"key": "level", "type": "level", "label": "Level", "required": True, "group": "What"},
    {"key": "level_off", "type": "level", "label": "Optional level", "group": "What"},
    {"key": "contact", "type": "contact", "label": "Contact", "group": "Who"},
    {"key": "contacts", "type": "contact", "label": "Contacts", "multiple": True, "group": "Who"},
    {"key": "timeline", "type": "timeline", "label": "Timeline", "group": "What happened"},
    {"key": "urgent", "type": "yesno", "label": "Urgent", "group": "What happened"},
]  # fmt: skip


def every_type_template(language: str = "sv") -> Template:
    """One field of each type, required and optional where that changes the editor."""
    return make_template("{{ headline }}", EVERY_TYPE_FIELDS, language=language)


def make_form(
    qtbot: Any,
    template: Template,
    values: dict[str, Any] | None = None,
    complete: bool = True,
    **kw: Any,
):
    """A form of its own; ``complete``: with every row built at once (the form builds those
    below the first screen after its first paint: tests/ui/test_form_later_rows.py)."""
    from editor.ui.form import FormWidget

    form = FormWidget(template, values or {}, **kw)
    if complete:
        form.finish_building()
    qtbot.addWidget(form)
    form.resize(640, 720)
    return form


def show(qtbot: Any, form: Any) -> None:
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)


def full_values() -> dict[str, Any]:
    """A valid value for every field of every_type_template()."""
    return {
        "headline": "Sjukhuset öppnar igen",
        "body": "Första stycket med **fetstil**.\n\n- en punkt\n- en till",
        "subtitle": "Undertitel",
        "day": date(2018, 9, 25),
        "day_off": date(2018, 9, 26),
        "at": time(15, 37),
        "at_off": time(0, 0),
        "moment": datetime(2018, 9, 21, 6, 30),
        "moment_off": datetime(2018, 9, 25, 15, 37),
        "kind": "alert",
        "kind_off": "b",
        "level": "forstarkningslage",
        "level_off": "normal",
        "contact": [
            Contact(
                "Anna Exempel",
                title="Pressekreterare",
                organisation="Region Exempelby",
                unit="Enheten för media",
                email="anna.exempel@example.se",
                phones=(Phone("0470-58 80 00", "växel"), Phone("070-123 45 67")),
                id="book-1",
            )
        ],
        "contacts": [Contact("Bo Berg"), Contact("Cecilia", unit="Kommunikation")],
        "timeline": [
            TimelineRow(datetime(2018, 9, 21, 6, 30), "Störningen började"),
            TimelineRow(time(10, 15), "Beredskapen sänktes"),
        ],
        "urgent": True,
    }


def empty_values() -> dict[str, Any]:
    """What parse_value gives for nothing, for the fields that may be empty."""
    values = {key: None for key in ("subtitle", "body", "day_off", "at_off", "moment_off")}
    values |= {"kind_off": None, "level_off": None, "contact": [], "contacts": []}
    return values | {"timeline": [], "urgent": False}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_values_round_trip_for_every_type(qtbot: Any, language: str) -> None:
    template = every_type_template(language)
    values = full_values()
    assert make_form(qtbot, template, values).values() == values
    form = make_form(qtbot, template)
    form.set_values(values)
    assert form.values() == values


def test_empty_values_round_trip(qtbot: Any) -> None:
    template = every_type_template()
    values = full_values() | empty_values()
    form = make_form(qtbot, template, values)
    assert form.values() == values
    form.set_values(full_values())
    form.set_values(empty_values())
    assert form.values() == values


def test_the_readiness_template_round_trips_a_real_release(qtbot: Any) -> None:
    from editor.model.release import Release, values_from_json

    readiness_template = builtin("readiness-ended-sv")
    values, problems = values_from_json(
        readiness_template,
        {
            "organisation": "Region Kronoberg",
            "headline": "Stabsläget avslutat",
            "cause": "en omfattande störning i regionens IT-system",
            "raised_at": "2018-09-21T06:30",
            "raised_to": "forstarkningslage",
            "consequences": "Under fredagen bedrevs endast **akut** verksamhet.",
            "lowered_at": "2018-09-21T10:15",
            "ended_at": "2018-09-25T15:37",
            "contact": {
                "name": "Anna Exempel",
                "phones": ["0470-58 80 00"],
                "group": "Presskontakt",
            },
        },
    )
    assert not problems
    release = Release.new(readiness_template, values)
    form = make_form(qtbot, readiness_template, release.values)
    assert form.values() == release.values
    assert list(form.values()) == [f.key for f in readiness_template.fields]


def test_a_required_date_always_has_a_value_and_an_optional_one_starts_empty(qtbot: Any) -> None:
    form = make_form(qtbot, every_type_template())
    values = form.values()
    assert values["day"] == date.today()
    assert isinstance(values["moment"], datetime) and values["moment"].second == 0
    assert isinstance(values["at"], time)
    assert values["day_off"] is None and values["at_off"] is None and values["moment_off"] is None
    # nothing else is invented
    assert values["headline"] is None and values["kind"] is None and values["level"] is None


def type_text(widget: QWidget, text: str) -> None:
    """Type as a keyboard or input method does: one key event per character, any character
    (QTest.keyClicks handles ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def owning_field(widget: QWidget | None) -> str | None:
    """The key of the field a widget belongs to (its row is named row_<key>)."""
    while widget is not None:
        if widget.objectName().startswith("row_"):
            return widget.objectName()[4:]
        widget = widget.parentWidget()
    return None


def test_every_field_filled_through_its_widgets(qtbot: Any) -> None:
    template = every_type_template()
    form = make_form(qtbot, template)
    show(qtbot, form)

    type_text(form.field_editor("headline"), "Sjukhuset öppnar igen")
    body = form.field_editor("body")
    type_text(body, "Första stycket.")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    type_text(body, "Andra raden.")
    form.field_editor("day").setDate(QDate(2018, 9, 25))
    form.field_editor("day_off").setDate(QDate(2018, 9, 26))  # setting it checks the box
    form.field_editor("at").setTime(QTime(15, 37))
    at_off = form.editor("at_off")
    qtbot.mouseClick(at_off.set_box, Qt.MouseButton.LeftButton)
    at_off.edit.setTime(QTime(6, 5))
    form.field_editor("moment").setDate(QDate(2018, 9, 21))
    form.field_editor("moment").setTime(QTime(6, 30))
    for key, value in (("kind", "alert"), ("level", "stabslage"), ("level_off", "katastroflage")):
        combo = form.field_editor(key)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData(value))
    card = form.editor("contact").cards[0]
    type_text(card.name, "Anna Exempel")
    type_text(card.title, "presschef")
    type_text(card.email, "anna@example.se")
    type_text(card.phones[0].number, "070-123 45 67")
    contacts = form.editor("contacts")
    type_text(contacts.cards[0].name, "Bo")
    qtbot.mouseClick(contacts.add_button, Qt.MouseButton.LeftButton)
    type_text(contacts.cards[1].name, "Cecilia")
    type_text(contacts.cards[1].unit, "Kommunikation")
    timeline = form.editor("timeline")
    for moment, text in (("15.37", "Avslut"), ("6:30", "Larm")):
        qtbot.mouseClick(timeline.add_button, Qt.MouseButton.LeftButton)
        row = timeline.table.rowCount() - 1
        type_into_cell(qtbot, timeline.table, row, 1, text)
        type_into_cell(qtbot, timeline.table, row, 0, moment)
    qtbot.mouseClick(form.field_editor("urgent"), Qt.MouseButton.LeftButton)

    assert form.values() == {
        "headline": "Sjukhuset öppnar igen",
        "body": "Första stycket.\nAndra raden.",
        "subtitle": None,
        "day": date(2018, 9, 25),
        "day_off": date(2018, 9, 26),
        "at": time(15, 37),
        "at_off": time(6, 5),
        "moment": datetime(2018, 9, 21, 6, 30),
        "moment_off": None,
        "kind": "alert",
        "kind_off": None,
        "level": "stabslage",
        "level_off": "katastroflage",
        "contact": [
            Contact(
                "Anna Exempel",
                title="presschef",
                email="anna@example.se",
                phones=(Phone("070-123 45 67"),),
            )
        ],
        "contacts": [Contact("Bo"), Contact("Cecilia", unit="Kommunikation")],
        "timeline": [TimelineRow(time(6, 30), "Larm"), TimelineRow(time(15, 37), "Avslut")],
        "urgent": True,
    }


def type_into_cell(qtbot: Any, table: Any, row: int, column: int, text: str) -> None:
    """Open the cell's editor as a user does (the edit key), type, press Enter."""
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.viewport().focusWidget() or QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def test_values_changed_on_edits_but_not_on_set_values(qtbot: Any) -> None:
    form = make_form(qtbot, every_type_template())
    show(qtbot, form)
    emitted: list[None] = []
    form.values_changed.connect(lambda: emitted.append(None))
    form.set_values(full_values() | empty_values())
    form.set_values(full_values())
    assert emitted == []
    type_text(form.field_editor("headline"), "x")
    assert len(emitted) == 1
    contacts = form.editor("contacts")
    edits = [
        lambda: form.field_editor("moment").setTime(QTime(9, 0)),
        lambda: qtbot.mouseClick(form.field_editor("urgent"), Qt.MouseButton.LeftButton),
        lambda: qtbot.mouseClick(form.editor("day_off").set_box, Qt.MouseButton.LeftButton),
        lambda: form.field_editor("level").setCurrentIndex(3),
        lambda: type_text(form.field_editor("body"), "y"),
        lambda: type_text(contacts.cards[0].phones[0].number, "1"),
        lambda: qtbot.mouseClick(contacts.cards[0].remove, Qt.MouseButton.LeftButton),
        lambda: qtbot.mouseClick(form.editor("timeline").remove_button, Qt.MouseButton.LeftButton),
    ]
    form.editor("timeline").table.setCurrentCell(0, 1)
    for number, make_edit in enumerate(edits):
        before = len(emitted)
        make_edit()
        assert len(emitted) > before, f"edit {number} did not say so"


def _problem_shown(form: FormWidget, key: str) -> bool:
    """A field's problem line is made when it first has a problem."""
    label = form.findChild(QLabel, f"problem_{key}")
    return label is not None and label.isVisibleTo(form)


def test_problems_show_under_their_field_and_clear(qtbot: Any) -> None:
    form = make_form(qtbot, builtin("readiness-ended-sv"))
    show(qtbot, form)
    field_label = form.findChild(QLabel, "label_organisation")
    normal = field_label.palette().color(QPalette.ColorRole.WindowText)
    form.set_problems({"organisation": "Skriv organisationen.", "contact": "Saknas"})
    assert field_label.palette().color(QPalette.ColorRole.WindowText) != normal
    for key, message in (("organisation", "Skriv organisationen."), ("contact", "Saknas")):
        label = form.findChild(QLabel, f"problem_{key}")
        assert label.text() == message and label.isVisibleTo(form)
        editor = form.field_editor(key)
        below = label.mapTo(form.widget(), label.rect().topLeft()).y()
        assert below >= editor.mapTo(form.widget(), editor.rect().bottomLeft()).y()
        assert message in editor.accessibleDescription()
    assert not _problem_shown(form, "headline")  # a field that never had one has no line
    assert form.findChild(QLabel, "problem_headline") is None
    form.set_problems({"headline": "För lång"})
    assert not _problem_shown(form, "organisation")
    assert _problem_shown(form, "headline")
    form.set_problems({})
    assert not any(_problem_shown(form, f.key) for f in form.template.fields)
    assert "Skriv" not in form.field_editor("organisation").accessibleDescription()
    assert field_label.palette().color(QPalette.ColorRole.WindowText) == normal


def test_focus_field_scrolls_to_the_field_and_focuses_it(qtbot: Any) -> None:
    form = make_form(qtbot, builtin("readiness-ended-sv"))
    form.resize(640, 400)
    show(qtbot, form)
    assert form.verticalScrollBar().value() == 0
    form.focus_field("contact")
    editor = form.field_editor("contact")
    qtbot.waitUntil(lambda: owning_field(QApplication.focusWidget()) == "contact")
    assert QApplication.focusWidget() is form.editor("contact").cards[0].name
    assert form.verticalScrollBar().value() > 0
    top_left = editor.mapTo(form.viewport(), editor.rect().topLeft())
    assert form.viewport().rect().contains(top_left)
    form.focus_field("label")
    qtbot.waitUntil(form.field_editor("label").hasFocus)
    label = form.findChild(QLabel, "label_label")
    heading = next(w for w in form.findChildren(QLabel) if w.text() == "Grunduppgifter")
    for widget in (form.field_editor("label"), label, heading):
        top_left = widget.mapTo(form.viewport(), widget.rect().topLeft())
        assert form.viewport().rect().contains(top_left)
    form.focus_field("no_such_field")  # quietly nothing


def test_tab_goes_field_to_field_in_form_order(qtbot: Any) -> None:
    template = every_type_template()
    form = make_form(qtbot, template, full_values(), contacts=lambda: [Contact("Anna")])
    show(qtbot, form)
    form.field_editor("headline").setFocus()
    qtbot.waitUntil(form.field_editor("headline").hasFocus)
    visited: list[str | None] = []
    for _ in range(120):
        key = owning_field(QApplication.focusWidget())
        if not visited or visited[-1] != key:
            visited.append(key)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    order = [f.key for f in template.fields]
    assert visited[: len(order)] == order, str(visited)


def test_tab_order_follows_the_readiness_form(qtbot: Any) -> None:
    template = builtin("readiness-ended-sv")
    form = make_form(qtbot, template)
    show(qtbot, form)
    form.focus_field(template.fields[0].key)
    visited: list[str | None] = []
    for _ in range(80):
        key = owning_field(QApplication.focusWidget())
        if not visited or visited[-1] != key:
            visited.append(key)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    order = [f.key for f in template.fields]
    assert visited[: len(order)] == order


def test_labels_required_marks_help_and_names(qtbot: Any) -> None:
    form = make_form(qtbot, every_type_template())
    for field_def in form.template.fields:
        editor = form.field_editor(field_def.key)
        assert editor.objectName() == f"field_{field_def.key}"
        assert editor.accessibleName() == field_def.label
        label = form.findChild(QLabel, f"label_{field_def.key}")
        if field_def.type == "yesno":
            assert label is None  # the check box carries its label
            continue
        assert label.text() == field_def.label + ("\u00a0*" if field_def.required else "")
        assert label.buddy() is form.editor(field_def.key)
        if field_def.required:
            assert "Required" in editor.accessibleDescription()
    help_line = form.findChild(QLabel, "help_subtitle")
    assert help_line.text() == "Under the headline."
    assert form.field_editor("subtitle").toolTip() == "Under the headline."


def test_odd_input_is_accepted_and_cleaned(qtbot: Any) -> None:
    form = make_form(qtbot, every_type_template())
    show(qtbot, form)
    line = form.field_editor("headline")
    type_text(line, "a\x07b 😀 שלום")
    assert form.values()["headline"] == "ab 😀 שלום"
    line.clear()
    line.insert("Rad\x00ett\nrad två\u202e\ufeff\ue000 \u2028x")  # as a paste would
    assert form.values()["headline"] == "Radett rad två\u202e  x"
    long_text = "å" * 100_000
    line.setText(long_text)
    assert form.values()["headline"] == long_text
    body = form.field_editor("body")
    body.setPlainText("Ett\x1b stycke 👩‍👩‍👧\r\n\nמימין לשמאל\u2029slut\tslut")
    assert form.values()["body"] == "Ett stycke 👩‍👩‍👧\n\nמימין לשמאל\nslut    slut"
    form.set_values({"headline": "x\x00y", "kind": "\x00", "day": "not a date", "urgent": "ja"})
    values = form.values()
    assert values["headline"] == "xy" and values["day"] == date.today()
    assert values["urgent"] is True


def test_choices_required_and_optional(qtbot: Any) -> None:
    form = make_form(qtbot, every_type_template())
    kind = form.field_editor("kind")
    assert kind.currentIndex() == -1 and kind.placeholderText()
    optional = form.field_editor("kind_off")
    assert [optional.itemData(i) for i in range(optional.count())] == [None, "a", "b"]
    form.set_values({"kind": "retired choice"})
    assert form.values()["kind"] == "retired choice"  # never lost
    assert kind.currentText() == "retired choice"


def test_a_level_shows_its_explanation(qtbot: Any) -> None:
    from editor.model.levels import default_registry

    form = make_form(qtbot, every_type_template(), {"level": "stabslage"})
    show(qtbot, form)
    level_set = default_registry().get("se-healthcare")
    assert level_set is not None
    editor = form.editor("level")
    combo = form.field_editor("level")
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names == ["Normalläge", "Stabsläge", "Förstärkningsläge", "Katastrofläge"]
    assert editor.description.text() == level_set.level("stabslage", "sv").description
    combo.setCurrentIndex(combo.findData("katastroflage"))
    assert editor.description.text() == level_set.level("katastroflage", "sv").description
    assert form.values()["level"] == "katastroflage"


def test_an_unknown_level_set_is_said_not_crashed_on(qtbot: Any) -> None:
    template = make_template(
        "x", [{"key": "level", "type": "level", "label": "Nivå", "level_set": "no-such-set"}]
    )
    form = make_form(qtbot, template, {"level": "gul"})
    assert form.values() == {"level": "gul"}


def test_the_form_fits_a_small_screen(qtbot: Any) -> None:
    form = make_form(qtbot, builtin("readiness-ended-sv"))
    form.resize(480, 720)
    show(qtbot, form)
    assert form.widget().minimumSizeHint().width() <= 480
    assert not form.horizontalScrollBar().isVisible()
    assert form.verticalScrollBar().maximum() > 0  # it scrolls instead of growing


def test_edits_leave_the_reference_count_of_true_alone(qtbot: Any) -> None:
    """PySide6 6.12.0's ``Signal.emit()`` returns True without a reference: every call from
    Python lowered True's count, and a few thousand keystrokes aborted the app ("bool_dealloc").
    The form's signals are emitted by Qt only."""
    form = make_form(qtbot, every_type_template(), full_values())
    show(qtbot, form)
    before = sys.getrefcount(True)
    for _ in range(100):
        type_text(form.field_editor("headline"), "x")
        type_text(form.field_editor("body"), "y")
        qtbot.mouseClick(form.editor("day_off").set_box, Qt.MouseButton.LeftButton)
        form.field_editor("kind").setCurrentIndex(len(form.values()["headline"]) % 2)
    assert sys.getrefcount(True) > before - 100


def test_every_field_type_has_an_editor_class() -> None:
    from editor.ui.form.base import FieldEditor
    from editor.ui.form.registry import editor_class

    for field_type in FieldType:
        assert issubclass(editor_class(field_type), FieldEditor)
