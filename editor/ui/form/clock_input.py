"""Typing into a date, time or date-time editor the way a user expects, in every one of them
(the form's fields and the embargo bar).

Qt's editors insert a digit at the text cursor, so a click at the end of "19:00" followed by
"0630" made "19:000630", which Qt rejects without a sound: typing did nothing until Tab had
selected a section. Here a click selects the section under the pointer, so digits replace it;
a separator a user types (".", ":", ",", a space, "-" or "/") moves on to the next section,
so "6.30", "6:30" and "6 30" all give 06:30 as "0630" and "630" do. Times are 24-hour in
every language (press style): the English UI showed "6:30 AM".
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateTimeEdit

from editor.model.language import is_swedish

SEPARATORS = frozenset(".:, -/")


def date_format(language: str) -> str:
    """Swedish press offices write ISO dates; other languages get an unambiguous month name."""
    return "yyyy-MM-dd" if is_swedish(language) else "d MMM yyyy"


def time_format() -> str:
    """24-hour with two-digit hours in every language."""
    return "HH:mm"


def date_time_format(language: str) -> str:
    return f"{date_format(language)} {time_format()}"


class _SectionTyping(QObject):
    """Watches one editor and its line edit (an event filter: works for any subclass)."""

    def __init__(self, edit: QDateTimeEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self._digit_from = -1  # the section the last key, a digit, was typed in (-1: not a digit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonRelease and watched is self._edit.lineEdit():
            # after Qt has placed the cursor (and the popup, if any, has had its say)
            QTimer.singleShot(0, self, self._select_current)  # dropped if the editor goes
        elif kind == QEvent.Type.KeyPress and watched is self._edit:
            assert isinstance(event, QKeyEvent)
            digit_from, self._digit_from = self._digit_from, -1
            if event.text().isdigit():
                self._digit_from = self._edit.currentSectionIndex()
            elif self._is_separator(event):
                if self._edit.currentSectionIndex() > digit_from >= 0:
                    # the digits filled their section and Qt moved on already: "2019-" stays
                    self._edit.setSelectedSection(self._edit.currentSection())
                else:
                    self._next_section()
                return True
        return False

    def _select_current(self) -> None:
        line = self._edit.lineEdit()
        if line is not None and not line.hasSelectedText() and self._edit.hasFocus():
            self._edit.setSelectedSection(self._edit.currentSection())

    def _is_separator(self, event: QKeyEvent) -> bool:
        text = event.text()
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        return len(text) == 1 and text in SEPARATORS and plain

    def _next_section(self) -> None:
        """To the next section, or stay in the last one (a stray separator is harmless)."""
        edit = self._edit
        index = edit.currentSectionIndex()
        if 0 <= index < edit.sectionCount() - 1:
            edit.setCurrentSectionIndex(index + 1)
        edit.setSelectedSection(edit.currentSection())


def make_typeable(edit: QDateTimeEdit) -> None:
    """Give ``edit`` the click and separator behaviour above (once per editor)."""
    watcher = _SectionTyping(edit)
    edit.installEventFilter(watcher)
    line = edit.lineEdit()
    if line is not None:
        line.installEventFilter(watcher)
