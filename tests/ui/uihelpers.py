"""Helpers for the GUI tests: the reference release's values and ways to fill widgets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTime
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from editor.model.template import Template
from editor.ui import messages
from editor.ui.context import AppContext
from editor.ui.main_window import MainWindow

# The reference case (shared/reference/readiness-ended.md), as the CLI's values.json would say.
REFERENCE_VALUES: dict[str, Any] = {
    "label": "PRESSMEDDELANDE",
    "release_date": "2018-09-25",
    "organisation": "Region Kronoberg",
    "headline": "Stabsläget avslutat",
    "cause": "en omfattande störning i regionens IT-system",
    "raised_at": "2018-09-21T06:30",
    "raised_to": "forstarkningslage",
    "consequences": "Under fredagen bedrevs endast akut verksamhet.",
    "lowered_at": "2018-09-21T10:15",
    "lowered_to": "stabslage",
    "ended_at": "2018-09-25T15:37",
    "follow_up": "En teknisk analys har påbörjats.",
    "press_phone_closed": True,
    "crisis_management_dissolved": True,
    "contact": {
        "name": "Anna Exempel",
        "title": "Pressekreterare",
        "unit": "Enheten för media och kriskommunikation",
        "email": "anna.exempel@example.se",
        "phones": ["0470-58 80 00", "070-123 45 67"],
    },
}


@dataclass
class ScriptedDialogs:
    """Answers for message boxes and file choosers, given in order; what was shown is kept."""

    answers: list[messages.Button] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    shown: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, title, text)
    strict: bool = True

    def next_answer(self, title: str, text: str) -> messages.Button:
        self.shown.append(("question", title, text))
        if self.answers:
            return self.answers.pop(0)
        if self.strict:
            raise AssertionError(f"unexpected question: {title}: {text}")
        return messages.Button.Discard

    def next_path(self, *_: Any) -> str:
        if self.paths:
            return self.paths.pop(0)
        if self.strict:
            raise AssertionError("unexpected file dialog")
        return ""

    def texts(self, kind: str) -> list[str]:
        return [f"{title}: {text}" for shown_kind, title, text in self.shown if shown_kind == kind]


def template_named(context: AppContext, key: str) -> Template:
    entry = context.library().find(key)
    assert entry is not None and entry.template is not None, key
    return entry.template


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type as a user does: focus, then one key press and release per character (QTest's own
    keyClicks only knows ASCII, so å, ä, ö and the rest go as key events carrying their text)."""
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.end(False)
    elif isinstance(widget, QPlainTextEdit):
        widget.moveCursor(QTextCursor.MoveOperation.End)
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        code = ord(char.upper()) if ord(char.upper()) < 0x100 else Qt.Key.Key_unknown.value
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def set_date(widget: QWidget, year: int, month: int, day: int) -> None:
    widget.setDate(QDate(year, month, day))  # type: ignore[attr-defined]


def set_datetime(widget: QWidget, text: str) -> None:
    """Set a date-time editor the way its calendar and spin sections do (emits its signals)."""
    date_part, time_part = text.split("T")
    year, month, day = (int(p) for p in date_part.split("-"))
    hour, minute = (int(p) for p in time_part.split(":"))
    current = widget.dateTime()  # type: ignore[attr-defined]
    moment = QDateTime(QDate(year, month, day), QTime(hour, minute), current.timeZone())
    widget.setDateTime(moment)  # type: ignore[attr-defined]


def choose(widget: QWidget, value: str) -> None:
    assert isinstance(widget, QComboBox)
    index = widget.findData(value)
    assert index >= 0, value
    widget.setCurrentIndex(index)


def preview_text(window: MainWindow) -> str:
    window.preview.update_now()
    return window.preview.browser.toPlainText()
