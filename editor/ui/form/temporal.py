"""Date, time and date-time editors, with a way to leave an optional one empty.

A QDateTimeEdit always holds a value, so an optional field gets a check box in front of it (the
pattern of the Windows date picker): unchecked, the editor is greyed and reads "not set", and
the value is None; checking it brings back the last value (or today / now). Changing the
editor's date in code checks the box too, so a value set either way counts. A required field
has no box and always holds a value: its own, the template's default, or today / now.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtGui import QFocusEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QTimeEdit,
    QWidget,
)

from editor.model.fields import DayOnly, FieldDef, default_value, has_time
from editor.ui.form.base import EditorContext, FieldEditor, tight_hbox
from editor.ui.form.clock_input import date_format, date_time_format, make_typeable, time_format


def _qdatetime(day: date, moment: time) -> QDateTime:
    """In UTC, so no local daylight-saving gap can move a naive wall-clock time."""
    return QDateTime(
        QDate(day.year, day.month, day.day), QTime(moment.hour, moment.minute), QTimeZone.utc()
    )


def _now() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)


class TemporalEditor(FieldEditor):
    """The shared behaviour; subclasses say which Qt editor and how values convert."""

    def __init__(
        self, field_def: FieldDef, context: EditorContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(field_def, context, parent)
        self._internal = False
        self._last: Any = None  # what to bring back when the box is checked again
        self._given: Any = None  # the value last set, returned as is while the editor shows it
        layout = tight_hbox(self)
        self.set_box: QCheckBox | None = None
        if not field_def.required:
            self.set_box = QCheckBox(self)
            tip = QCoreApplication.translate(
                "FormWidget", "Check to give “{0}” a value; uncheck to leave it empty"
            ).format(field_def.label)
            self.set_box.setToolTip(tip)
            self.set_box.setAccessibleName(
                QCoreApplication.translate("FormWidget", "{0}: set").format(field_def.label)
            )
            self.set_box.setAccessibleDescription(tip)
            layout.addWidget(self.set_box)
            self.set_box.toggled.connect(self._on_box_toggled)
            self.set_box.toggled.connect(self.changed)
        self.edit = self.make_edit()
        self.edit.setLocale(context.locale)
        self.edit.setTimeZone(QTimeZone.utc())
        make_typeable(self.edit)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self._adopt_input(self.edit)
        if self.set_box is not None:
            # no proxy, so Tab visits the box and then the editor; focusInEvent picks one
            self.setFocusProxy(None)  # type: ignore[arg-type]
        self.edit.dateTimeChanged.connect(self._on_edit_changed)
        self.edit.dateTimeChanged.connect(self.changed)
        self.set_value(None)

    def make_edit(self) -> QDateTimeEdit:
        raise NotImplementedError

    def from_edit(self) -> Any:
        raise NotImplementedError

    def to_edit(self, value: Any) -> None:
        raise NotImplementedError

    def fallback(self) -> Any:
        """The value a field shows when it must have one and has none: today or now."""
        raise NotImplementedError

    def coerce(self, value: Any) -> Any:
        """A value of the right type for this editor, or None."""
        raise NotImplementedError

    @property
    def input_widget(self) -> QWidget:
        return self.edit

    def is_set(self) -> bool:
        return self.set_box is None or self.set_box.isChecked()

    def value(self) -> Any:
        if not self.is_set():
            return None
        shown = self.from_edit()
        if self._given is not None and self._same(self._given, shown):
            return self._given  # keeps seconds or a time zone the editor cannot show
        return shown

    def _same(self, given: Any, shown: Any) -> bool:
        if isinstance(given, datetime | time):
            given = given.replace(tzinfo=None, second=0, microsecond=0)
        return bool(given == shown)

    def set_value(self, value: Any) -> None:
        value = self.coerce(value)
        if value is None and self.set_box is None:
            value = self.coerce(default_value(self.field_def)) or self.fallback()
        self._internal = True
        try:
            if value is None:
                self._given = self._last = None
                self._show_unset()
            else:
                self._given = value
                self._last = value
                if self.set_box is not None:
                    self.set_box.setChecked(True)
                self.edit.setSpecialValueText("")
                self.edit.setEnabled(True)
                self.to_edit(value)
        finally:
            self._internal = False

    def _show_unset(self) -> None:
        assert self.set_box is not None
        self.set_box.setChecked(False)
        self.edit.setSpecialValueText(QCoreApplication.translate("FormWidget", "not set"))
        self.edit.setDateTime(self.edit.minimumDateTime())
        self.edit.setEnabled(False)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Focus given to the whole editor goes to the box while the editor is greyed."""
        target = self.edit if self.set_box is None or self.set_box.isChecked() else self.set_box
        target.setFocus(event.reason())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click on the greyed editor (Qt passes it here) sets the field and puts the cursor
        where the click was, its section selected, so digits typed next replace it."""
        point = event.position().toPoint()
        if self.set_box is None or self.is_set() or not self.edit.geometry().contains(point):
            super().mousePressEvent(event)
            return
        self.set_box.setChecked(True)
        line = self.edit.lineEdit()
        self.edit.setFocus(Qt.FocusReason.MouseFocusReason)
        if line is not None:
            line.setCursorPosition(line.cursorPositionAt(line.mapFrom(self, point)))
        self.edit.setSelectedSection(self.edit.currentSection())
        event.accept()

    def _on_box_toggled(self, checked: bool) -> None:
        if self._internal:
            return
        self._internal = True
        try:
            if checked:
                value = self._last or self.coerce(default_value(self.field_def)) or self.fallback()
                self._given = None
                self.edit.setSpecialValueText("")
                self.edit.setEnabled(True)
                self.to_edit(value)
            else:
                self._last = self.from_edit()
                self._show_unset()
        finally:
            self._internal = False
        # the focus stays on the box: Tab then enters the editor at its first section (had the
        # editor taken the focus here, Tab would have moved on inside it, to the month)

    def _on_edit_changed(self) -> None:
        if self._internal:
            return
        if self.set_box is not None and not self.set_box.isChecked():
            # a date set on the editor itself (by code or a test) makes the field set
            self._internal = True
            try:
                self.set_box.setChecked(True)
                self.edit.setSpecialValueText("")
                self.edit.setEnabled(True)
            finally:
                self._internal = False
        self._given = None  # the user's value from now on


class DateEditor(TemporalEditor):
    def make_edit(self) -> QDateTimeEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_format(self.context.language))
        return edit

    def from_edit(self) -> date:
        shown = self.edit.date()
        return date(shown.year(), shown.month(), shown.day())

    def to_edit(self, value: date) -> None:
        self.edit.setDateTime(_qdatetime(value, time(0, 0)))

    def fallback(self) -> date:
        return date.today()

    def coerce(self, value: Any) -> date | None:
        if isinstance(value, datetime):
            return value.date()
        return value if isinstance(value, date) else None


class TimeEditor(TemporalEditor):
    def make_edit(self) -> QDateTimeEdit:
        edit = QTimeEdit(self)
        edit.setDisplayFormat(time_format())
        return edit

    def from_edit(self) -> time:
        shown = self.edit.time()
        return time(shown.hour(), shown.minute())

    def to_edit(self, value: time) -> None:
        self.edit.setTime(QTime(value.hour, value.minute))

    def fallback(self) -> time:
        return _now().time()

    def coerce(self, value: Any) -> time | None:
        if isinstance(value, datetime):
            return value.time()
        return value if isinstance(value, time) else None


class DateTimeEditor(TemporalEditor):
    """A date and a time, or a date alone when "No time" is checked (then the release never
    prints a time for it)."""

    def __init__(
        self, field_def: FieldDef, context: EditorContext, parent: QWidget | None = None
    ) -> None:
        self.day_only_box: QCheckBox | None = None
        super().__init__(field_def, context, parent)
        box = QCheckBox(QCoreApplication.translate("FormWidget", "No time"), self)
        box.setToolTip(
            QCoreApplication.translate(
                "FormWidget", "Check when only the date is known; the text then gives no time"
            )
        )
        box.setAccessibleName(
            QCoreApplication.translate("FormWidget", "{0}: no time").format(field_def.label)
        )
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.insertWidget(layout.count() - 1, box)
        self.day_only_box = box
        box.toggled.connect(self._on_day_only)
        box.toggled.connect(self.changed)

    def _on_day_only(self, checked: bool) -> None:
        language = self.context.language
        self.edit.setDisplayFormat(date_format(language) if checked else date_time_format(language))

    def make_edit(self) -> QDateTimeEdit:
        edit = QDateTimeEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_time_format(self.context.language))
        return edit

    def value(self) -> Any:
        shown = super().value()
        if isinstance(shown, datetime) and self.day_only_box and self.day_only_box.isChecked():
            return DayOnly.of(shown.date())
        return shown

    def from_edit(self) -> datetime:
        day = self.edit.date()
        shown = self.edit.time()
        return datetime(day.year(), day.month(), day.day(), shown.hour(), shown.minute())

    def to_edit(self, value: datetime) -> None:
        self.edit.setDateTime(_qdatetime(value.date(), value.time()))
        if self.day_only_box is not None:
            self.day_only_box.setChecked(not has_time(value))

    def fallback(self) -> datetime:
        return _now()

    def coerce(self, value: Any) -> datetime | None:
        if isinstance(value, datetime):
            return value
        if isinstance(value, date):
            return DayOnly.of(value)
        return None
