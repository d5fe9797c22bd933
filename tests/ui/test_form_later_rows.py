"""The form builds the rows of the first screen with the window and the rest after its first
paint, one a turn: once the window has settled every row exists, takes input, shows its problem
and sits in its place in the tab order; until then the values are already whole."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from test_form import make_form, owning_field, show, type_text

from editor.model.release import Release, values_from_json
from editor.model.template import Template
from editor.ui.windows.main_window import MainWindow
from tests.helpers import make_template

FIELDS = [
    *({"key": f"line{n}", "type": "text", "label": f"Line {n}"} for n in range(30)),
    {"key": "day", "type": "date", "label": "Day", "required": True},
    {"key": "last", "type": "text", "label": "Last", "required": True},
]


def long_template() -> Template:
    return make_template("{{ line0 }} {{ last }} {{ day }}", FIELDS)


def test_rows_below_the_first_screen_come_after_the_first_paint_and_take_input(
    qtbot: QtBot,
) -> None:
    given = {"line29": "Skrivet före", "last": None}
    form = make_form(qtbot, long_template(), given, complete=False)
    assert not form.is_complete()
    assert form.findChild(QLabel, "label_last") is None  # not built yet
    values = form.values()
    assert list(values) == [f["key"] for f in FIELDS]  # whole before the rows are
    assert values["line29"] == "Skrivet före"
    form.set_problems({"last": "Fyll i."})
    show(qtbot, form)
    qtbot.waitUntil(form.is_complete)
    row = form.findChild(QLineEdit, "row_last") or form.findChild(QLabel, "label_last")
    assert row is not None and row.isVisible()
    assert form.findChild(QLabel, "problem_last").isVisibleTo(form)
    assert form.values()["line29"] == "Skrivet före"
    editor = form.field_editor("last")
    with qtbot.waitSignal(form.values_changed):
        type_text(editor, "Sist")
    assert form.values()["last"] == "Sist"


def test_a_row_built_late_that_fills_a_value_says_so(qtbot: QtBot) -> None:
    form = make_form(qtbot, long_template(), {"day": None}, complete=False)
    assert form.values()["day"] is None  # as given, while its row is still to come
    with qtbot.waitSignal(form.values_settled):
        show(qtbot, form)
    assert form.is_complete()
    assert form.values()["day"] == date.today()  # the required date the form fills


def test_tab_visits_every_field_in_order_once_the_window_has_settled(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    template = long_template()
    window = make_window(Release.new(template))
    form = window.form
    assert form is not None
    qtbot.waitUntil(form.is_complete)
    first = form.findChild(QLabel, "label_line0").buddy()
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    visited: list[Any] = []
    for _ in range(3 * len(FIELDS)):
        key = owning_field(QApplication.focusWidget())
        if not visited or visited[-1] != key:
            visited.append(key)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    order = [f.key for f in template.fields]
    assert visited[: len(order)] == order, str(visited)


def test_the_preview_shows_the_value_a_late_row_fills(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(Release.new(long_template(), {"line0": "Rubrik", "day": None}))
    assert window.form is not None
    qtbot.waitUntil(window.form.is_complete)
    qtbot.waitUntil(lambda: window.session.release.values["day"] == date.today())
    window.session.update_now()
    assert str(date.today().year) in window.session.plain_text()
    assert not window.isWindowModified()


def test_a_contact_without_a_heading_reads_the_same_before_and_after_its_row_is_built(
    qtbot: QtBot,
) -> None:
    """The row offers the field's first heading for a contact that names none; the values
    given to the form say so already, so the preview does not change when the row comes."""
    fields = [
        *FIELDS[:30],
        {"key": "who", "type": "contact", "label": "Who", "groups": ["Presskontakt", "Mer"]},
    ]
    template = make_template("{{ who|contact_groups }}", fields)
    given, problems = values_from_json(template, {"who": [{"name": "Anna Exempel"}]})
    assert not problems
    form = make_form(qtbot, template, given, complete=False)
    assert not form.is_complete()
    before = form.values()["who"]
    form.finish_building()
    assert form.values()["who"] == before
    assert [c.group for c in before] == ["Presskontakt"]


def test_the_form_says_when_its_last_row_is_built(qtbot: QtBot) -> None:
    form = make_form(qtbot, long_template(), {}, complete=False)
    completions: list[None] = []
    form.completed.connect(lambda: completions.append(None))
    assert not form.is_complete()
    with qtbot.waitSignal(form.completed):
        show(qtbot, form)
    assert form.is_complete() and form.findChild(QLabel, "label_last") is not None
    form.finish_building()  # nothing left: no second signal
    qtbot.wait(10)
    assert completions == [None]


def test_the_warm_up_starts_once_the_later_rows_are_built(qtbot: QtBot) -> None:
    """Its imports hold the GIL in slices: the rows were built at half speed beside it."""
    from editor.ui.warm_up import WarmUpAfter

    form = make_form(qtbot, long_template(), {}, complete=False)
    warm = WarmUpAfter(form, form)
    assert warm.worker is None and warm.running()
    started_with_rows_to_come: list[bool] = []
    show(qtbot, form)
    while not form.is_complete():
        started_with_rows_to_come.append(warm.worker is not None)
        qtbot.wait(1)
    assert not any(started_with_rows_to_come)
    qtbot.waitUntil(lambda: warm.worker is not None)  # a moment after the last row
    assert warm.worker is not None
    warm.worker.join(timeout=60)
    assert not warm.running()


def test_the_warm_up_of_a_complete_form_starts_at_the_next_turn(qtbot: QtBot) -> None:
    from editor.ui.warm_up import WarmUpAfter

    form = make_form(qtbot, make_template("{{ a }}", [{"key": "a", "type": "text"}]), {})
    assert form.is_complete()
    warm = WarmUpAfter(form, form)
    assert warm.worker is None
    qtbot.waitUntil(lambda: warm.worker is not None)
    warm.worker.join(timeout=60)


def test_the_rows_of_the_first_screen_keep_their_place_and_height_while_the_rest_come(
    qtbot: QtBot,
) -> None:
    """Each row built later once squeezed the rows above it (fields half their height, help
    lines cut) until the next turn, and the page's width changed when its scroll bar came."""
    help_text = "A help line long enough to wrap onto a second line in a form this wide. " * 2
    fields = [
        {"key": f"line{n}", "type": "text", "label": f"Line {n}", "help": help_text}
        for n in range(30)
    ]
    form = make_form(qtbot, make_template("{{ line0 }}", fields), complete=False)
    show(qtbot, form)
    first = [form.findChild(QLabel, f"label_line{n}") for n in range(30)]
    shown = [label for label in first if label is not None]
    assert 2 <= len(shown) < 30  # some rows on the first screen, the rest to come

    fields_shown = [label.buddy() for label in shown]

    def places() -> list[tuple[int, int]]:
        return [(field.mapTo(form, QPoint(0, 0)).y(), field.height()) for field in fields_shown]

    seen = [places()]
    sampler = QTimer()
    sampler.timeout.connect(lambda: seen.append(places()))
    sampler.start(0)
    qtbot.waitUntil(form.is_complete)
    qtbot.wait(50)  # the layout after the last row
    sampler.stop()
    assert len(seen) > 30  # a sample every turn
    assert all(sample == seen[0] for sample in seen), [s for s in seen if s != seen[0]][:3]
