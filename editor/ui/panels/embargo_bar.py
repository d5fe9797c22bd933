"""The embargo bar above the form: "Embargo until" and a date and time, for every release.

Checked, the release carries an embargo (``Release.embargo``): its notice heads the preview and
every export, and the checks warn once it has passed. The bar keeps its own undo history, so
Edit > Undo with the keyboard focus in it takes back an embargo change as it does a field's
edit; a run of steps in the date-time editor (typing 0, 6, 0, 0) is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QWidget

from editor.render.embargo import default_embargo
from editor.ui.actions import WINDOW_UNDO
from editor.ui.form.base import BAR_MARGINS, note_label, tight_hbox
from editor.ui.form.clock_input import date_time_format, make_typeable

Embargo = datetime | None


class _Change(QUndoCommand):
    """One change of the embargo. Changes with the same ``session`` (> 0) merge into one step:
    QUndoStack merges a command into the one before it only when their ids match."""

    def __init__(self, bar: EmbargoBar, before: Embargo, after: Embargo, session: int) -> None:
        super().__init__()
        self._bar, self.before, self.after, self._session = bar, before, after, session

    def id(self) -> int:
        return self._session

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _Change):
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self._bar._apply(self.after)

    def undo(self) -> None:
        self._bar._apply(self.before)


class _UndoableCheckBox(QCheckBox):
    """Edit > Undo acts on the focused widget: here that means the bar's history."""

    def __init__(self, bar: EmbargoBar) -> None:
        super().__init__(bar)
        self._bar = bar

    def undo(self) -> None:
        self._bar.undo()

    def redo(self) -> None:
        self._bar.redo()


class _UndoableDateTimeEdit(QDateTimeEdit):
    """Ctrl+Z and its kin reach the window's Undo and Redo, not the spin box's inner line edit
    (which would claim them for a text history the embargo has none of): the window's shortcut
    filter declines them for a widget marked ``WINDOW_UNDO`` (see ``WindowShortcuts``). Not an
    ``event()`` of its own: that is a call into Python for every event of the widget."""

    def __init__(self, bar: EmbargoBar) -> None:
        super().__init__(bar)
        self._bar = bar
        self.setProperty(WINDOW_UNDO, True)

    def undo(self) -> None:
        self._bar.undo()

    def redo(self) -> None:
        self._bar.redo()


class EmbargoBar(QWidget):
    changed = Signal(object)  # the new embargo (datetime, or None for none), on a user's edit

    def __init__(
        self, parent: QWidget | None = None, release_day: Callable[[], object] | None = None
    ) -> None:
        """``release_day`` gives the release's date (a value of its "release_date" field), for
        where a new embargo starts (``default_embargo``)."""
        super().__init__(parent)
        self.setObjectName("embargoBar")
        self._release_day = release_day
        self._embargo: Embargo = None
        self._last: Embargo = None  # brought back when the box is checked again
        self._applying = False
        self._session = 0  # > 0 while steps in the date-time editor merge into one undo step
        self._sessions = 0
        self.undo_stack = QUndoStack(self)

        self.check = _UndoableCheckBox(self)
        self.check.setObjectName("embargoCheck")
        self.check.setText(self.tr("Em&bargo until"))
        self.check.setToolTip(
            self.tr(
                "Not to be published before this moment: the notice heads the release in every"
                " format"
            )
        )
        self.edit = _UndoableDateTimeEdit(self)
        self.edit.setObjectName("embargoEdit")
        self.edit.setCalendarPopup(True)
        self.edit.setTimeZone(QTimeZone.utc())  # wall-clock time: no daylight-saving gap
        self.edit.setAccessibleName(self.tr("Embargo until"))
        make_typeable(self.edit)
        self.edit.setEnabled(False)
        self.note = note_label("", self)
        layout = tight_hbox(self)
        layout.setContentsMargins(*BAR_MARGINS)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addWidget(self.note, 1)
        self.set_language("en")
        self._show(None)

        self.check.toggled.connect(self._on_toggled)
        self.edit.dateTimeChanged.connect(self._on_edited)
        self.edit.editingFinished.connect(self._close_session)

    def set_language(self, language: str) -> None:
        """The release's language, for how the date and time read."""
        self.edit.setLocale(QLocale(language))
        self.edit.setDisplayFormat(date_time_format(language))

    def default_embargo(self) -> datetime:
        day = self._release_day() if self._release_day is not None else None
        return default_embargo(day if isinstance(day, date) else None, datetime.now())

    def embargo(self) -> Embargo:
        return self._embargo

    def set_embargo(self, embargo: Embargo) -> None:
        """Show a release's embargo (another release was loaded): no signal, a fresh history."""
        self._last = embargo
        self._apply(embargo, notify=False)
        self.undo_stack.clear()
        self._session = 0

    def focus_control(self) -> None:
        """The date-time editor when there is an embargo, else the box that sets one."""
        target = self.edit if self.check.isChecked() else self.check
        target.setFocus()

    def undo(self) -> None:
        self._session = 0
        self.undo_stack.undo()

    def redo(self) -> None:
        self._session = 0
        self.undo_stack.redo()

    def _on_toggled(self, checked: bool) -> None:
        if self._applying:
            return
        after = (self._last or self.default_embargo()) if checked else None
        self._session = 0
        self.undo_stack.push(_Change(self, self._embargo, after, -1))
        # the focus stays on the box, so Tab enters the editor at its first section

    def _on_edited(self) -> None:
        if self._applying or not self.check.isChecked():
            return
        if not self._session:
            self._sessions += 1
            self._session = self._sessions
        self.undo_stack.push(_Change(self, self._embargo, self._shown(), self._session))

    def _close_session(self) -> None:
        self._session = 0

    def _shown(self) -> datetime:
        day, clock = self.edit.date(), self.edit.time()
        return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())

    def _apply(self, embargo: Embargo, notify: bool = True) -> None:
        """Show ``embargo`` and, for a user's change (or its undo), tell the window."""
        if embargo is not None:
            self._last = embargo
        changed = embargo != self._embargo
        self._embargo = embargo
        self._show(embargo)
        if notify and changed:
            self.changed.emit(embargo)

    def _show(self, embargo: Embargo) -> None:
        self._applying = True
        try:
            if embargo is None and self.window().focusWidget() is self.edit:
                self.check.setFocus()  # the edit greys out: keep the focus (and undo) in the bar
            self.check.setChecked(embargo is not None)
            self.edit.setEnabled(embargo is not None)
            shown = embargo or self._last or self.default_embargo()
            self.edit.setDateTime(
                QDateTime(
                    QDate(shown.year, shown.month, shown.day),
                    QTime(shown.hour, shown.minute),
                    QTimeZone.utc(),
                )
            )
        finally:
            self._applying = False
        self.note.setText(
            "" if embargo is not None else self.tr("none: the release may be published at once")
        )
