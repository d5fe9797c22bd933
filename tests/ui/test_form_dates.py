"""Date, time and date-time editors: the empty state of optional ones, formats, exact values."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication

from editor.model.template import Template
from editor.ui.form.temporal import TemporalEditor
from tests.helpers import make_template
from tests.ui.test_form import make_form, show

FIELDS = [
    {"key": "day", "type": "date", "label": "Dag"},
    {"key": "at", "type": "time", "label": "Klockan"},
    {"key": "moment", "type": "datetime", "label": "Tidpunkt"},
    {"key": "release_date", "type": "date", "label": "Datum", "required": True,
     "default": "today"},
    {"key": "fixed", "type": "date", "label": "Fast", "required": True, "default": "2018-09-25"},
    {"key": "raised_at", "type": "datetime", "label": "Höjdes", "required": True},
]  # fmt: skip


def dates_template(language: str = "sv") -> Template:
    return make_template("x", FIELDS, language=language)


def temporal(form: Any, key: str) -> TemporalEditor:
    editor = form.editor(key)
    assert isinstance(editor, TemporalEditor)
    return editor


def test_an_optional_date_starts_not_set(qtbot: Any) -> None:
    form = make_form(qtbot, dates_template())
    for key in ("day", "at", "moment"):
        editor = temporal(form, key)
        assert editor.set_box is not None and not editor.set_box.isChecked()
        assert not editor.edit.isEnabled()
        assert editor.edit.text() == "not set"
        assert form.values()[key] is None


def test_the_box_sets_and_clears_and_remembers(qtbot: Any) -> None:
    form = make_form(qtbot, dates_template())
    show(qtbot, form)
    editor = temporal(form, "moment")
    assert editor.set_box is not None
    qtbot.mouseClick(editor.set_box, Qt.MouseButton.LeftButton)
    assert editor.edit.isEnabled()
    now = form.values()["moment"]
    assert isinstance(now, datetime) and now.second == 0
    assert abs(now - datetime.now()) < timedelta(minutes=2)
    editor.edit.setDate(QDate(2018, 9, 21))
    editor.edit.setTime(QTime(6, 30))
    qtbot.mouseClick(editor.set_box, Qt.MouseButton.LeftButton)
    assert form.values()["moment"] is None and editor.edit.text() == "not set"
    qtbot.mouseClick(editor.set_box, Qt.MouseButton.LeftButton)
    assert form.values()["moment"] == datetime(2018, 9, 21, 6, 30)


def test_setting_the_editor_itself_sets_the_field(qtbot: Any) -> None:
    form = make_form(qtbot, dates_template())
    form.field_editor("at").setTime(QTime(15, 37))
    assert form.values()["at"] == time(15, 37)
    assert temporal(form, "at").set_box.isChecked()  # type: ignore[union-attr]
    form.set_values({"at": time(0, 0)})
    assert form.values()["at"] == time(0, 0)  # midnight is a time, not "not set"
    assert temporal(form, "at").edit.text() == "00:00"


def test_required_dates_always_have_a_value(qtbot: Any) -> None:
    form = make_form(qtbot, dates_template())
    values = form.values()
    assert values["release_date"] == date.today()
    assert values["fixed"] == date(2018, 9, 25)
    assert isinstance(values["raised_at"], datetime)
    for key in ("release_date", "fixed", "raised_at"):
        assert temporal(form, key).set_box is None
    form.set_values({"fixed": None})
    assert form.values()["fixed"] == date(2018, 9, 25)


@pytest.mark.parametrize(
    ("language", "date_format", "day_text"),
    [("sv", "yyyy-MM-dd", "2018-09-25"), ("en", "d MMM yyyy", "25 Sep 2018")],
)
def test_formats_follow_the_template_language_and_times_are_24_hour(
    qtbot: Any, language: str, date_format: str, day_text: str
) -> None:
    form = make_form(qtbot, dates_template(language))
    form.set_values(
        {"day": date(2018, 9, 25), "at": time(6, 30), "moment": datetime(2018, 9, 21, 18, 5)}
    )
    day, at = temporal(form, "day").edit, temporal(form, "at").edit
    assert day.displayFormat() == date_format and day.calendarPopup()
    assert day.locale().name().startswith(language)
    assert day.text() == day_text
    assert at.text() == "06:30"  # press style in both languages, never "6:30 AM"
    moment = temporal(form, "moment").edit
    assert moment.displayFormat().startswith(date_format) and moment.calendarPopup()
    assert moment.text().endswith(" 18:05")


def test_a_wall_clock_time_in_a_daylight_saving_gap_is_kept(qtbot: Any) -> None:
    values = {"moment": datetime(2018, 3, 25, 2, 30), "day": date(1999, 12, 31)}
    form = make_form(qtbot, dates_template(), values)
    assert form.values()["moment"] == datetime(2018, 3, 25, 2, 30)
    assert form.values()["day"] == date(1999, 12, 31)


def test_what_the_editor_cannot_show_survives_until_edited(qtbot: Any) -> None:
    aware = datetime(2018, 9, 21, 6, 30, 15, tzinfo=timezone(timedelta(hours=2)))
    form = make_form(qtbot, dates_template(), {"moment": aware, "at": time(6, 30, 45)})
    assert form.values()["moment"] == aware and form.values()["at"] == time(6, 30, 45)
    form.field_editor("moment").setTime(QTime(7, 0))
    assert form.values()["moment"] == datetime(2018, 9, 21, 7, 0)


def test_odd_values_do_not_crash(qtbot: Any) -> None:
    form = make_form(qtbot, dates_template())
    form.set_values({"day": "2018-09-25", "at": 12, "moment": date(2018, 9, 21), "fixed": []})
    values = form.values()
    assert values["day"] is None and values["at"] is None
    assert values["moment"] == datetime(2018, 9, 21, 0, 0)
    assert values["fixed"] == date(2018, 9, 25)


def test_focus_goes_to_the_box_of_an_empty_optional_field(qtbot: Any) -> None:
    form = make_form(qtbot, dates_template())
    show(qtbot, form)
    form.focus_field("day")
    editor = temporal(form, "day")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.set_box)
    form.set_values({"day": date(2018, 9, 25)})
    form.focus_field("at")
    form.focus_field("day")
    qtbot.waitUntil(lambda: QApplication.focusWidget() in (editor.edit, editor.edit.focusProxy()))


def test_a_date_time_may_hold_a_date_alone(qtbot: Any) -> None:
    from editor.model.fields import DayOnly, has_time
    from editor.ui.form.temporal import DateTimeEditor

    form = make_form(qtbot, dates_template())
    editor = temporal(form, "raised_at")
    assert isinstance(editor, DateTimeEditor) and editor.day_only_box is not None
    editor.set_value(datetime(2018, 9, 21, 6, 30))
    assert has_time(editor.value())
    editor.day_only_box.setChecked(True)
    value = editor.value()
    assert isinstance(value, DayOnly) and value.date() == date(2018, 9, 21)
    editor.set_value(DayOnly.of(date(2018, 9, 22)))
    assert editor.day_only_box.isChecked() and not has_time(editor.value())


def click_at_start(qtbot: Any, edit: Any, x: int = 4) -> None:
    """A click a few pixels into the editor's text, on its first section."""
    from PySide6.QtCore import QPoint

    line = edit.lineEdit()
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(x, line.height() // 2))
    qtbot.wait(20)  # the section is selected once Qt has placed the cursor


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("typed", ["0630", "630", "6.30", "6:30", "6 30"])
def test_a_time_typed_the_ways_people_type_it(qtbot: Any, typed: str, language: str) -> None:
    form = make_form(qtbot, dates_template(language), {"at": time(19, 0)})
    show(qtbot, form)
    edit = temporal(form, "at").edit
    click_at_start(qtbot, edit)
    qtbot.keyClicks(edit, typed)
    edit.interpretText()
    assert form.values()["at"] == time(6, 30)
    assert edit.text() == "06:30"


def test_a_click_anywhere_then_digits_replace_the_section_under_it(qtbot: Any) -> None:
    from PySide6.QtCore import QPoint

    form = make_form(qtbot, dates_template(), {"at": time(19, 0), "day": date(2018, 9, 25)})
    show(qtbot, form)
    at = temporal(form, "at").edit
    line = at.lineEdit()
    end = QPoint(line.width() - 3, line.height() // 2)  # past the text's end
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=end)
    qtbot.wait(20)
    qtbot.keyClicks(at, "45")
    assert form.values()["at"] == time(19, 45)
    day = temporal(form, "day").edit
    click_at_start(qtbot, day)
    qtbot.keyClicks(day, "2019-10-03")
    day.interpretText()
    assert form.values()["day"] == date(2019, 10, 3)


def test_a_click_on_an_empty_optional_date_sets_it_and_takes_digits(qtbot: Any) -> None:
    form = make_form(qtbot, dates_template())
    show(qtbot, form)
    editor = temporal(form, "day")
    assert not editor.edit.isEnabled()
    click_at_start(qtbot, editor.edit)
    assert editor.edit.isEnabled() and editor.edit.hasFocus()
    qtbot.keyClicks(editor.edit, "2019")
    editor.edit.interpretText()
    value = form.values()["day"]
    assert isinstance(value, date) and value.year == 2019


@pytest.mark.parametrize(("language", "first"), [("sv", "2019"), ("en", "3")])
def test_tab_after_ticking_the_box_enters_the_first_section(
    qtbot: Any, language: str, first: str
) -> None:
    from PySide6.QtWidgets import QDateTimeEdit

    form = make_form(qtbot, dates_template(language))
    show(qtbot, form)
    editor = temporal(form, "day")
    assert editor.set_box is not None
    qtbot.mouseClick(editor.set_box, Qt.MouseButton.LeftButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(editor.edit.hasFocus)
    first_section = editor.edit.sectionAt(0)
    assert editor.edit.currentSection() == first_section
    assert first_section in (QDateTimeEdit.Section.YearSection, QDateTimeEdit.Section.DaySection)
    qtbot.keyClicks(editor.edit, first)
    editor.edit.interpretText()
    value = form.values()["day"]
    assert (value.year if language == "sv" else value.day) == int(first)


def test_help_under_a_date_keeps_all_its_lines_after_the_form_re_lays_out(qtbot: Any) -> None:
    """Three-line hints lost their first and last line once a problem line in another row (or
    a narrower form) made the form lay itself out again."""
    from tests.helpers import builtin

    template = builtin("readiness-ended-sv")
    form = make_form(qtbot, template)
    show(qtbot, form)
    clipped: list[str] = []
    for width in range(380, 760, 20):
        form.resize(width, 700)
        for problems in ({"raised_at": "Fyll i när beredskapen höjdes, med klockslag."}, {}):
            form.set_problems(problems)
            qtbot.wait(30)
            for key in ("release_date", "raised_at", "lowered_at", "ended_at"):
                label = form._rows[key].help
                if label.height() < label.heightForWidth(label.width()):
                    clipped.append(f"{key} at {width}: {label.height()} px")
    assert not clipped
