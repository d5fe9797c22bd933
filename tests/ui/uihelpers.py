"""Helpers for the GUI tests: the reference release's values and ways to fill widgets."""

from __future__ import annotations

import email
import email.policy
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTime, QTimer
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from editor.model.template import Template
from editor.ui.context import AppContext
from editor.ui.dialogs import messages
from editor.ui.dialogs.export_dialog import ExportDialog
from editor.ui.windows.main_window import MainWindow

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


def when_modal(kind: type[QWidget], act: Any, timeout_ms: int = 10_000) -> None:
    """``act(dialog)`` once a modal dialog of ``kind`` is up (a flow may run work on a worker,
    its own event loop turning, before it opens the dialog); asked every 5 ms."""
    waited = [0]

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
        elif waited[0] < timeout_ms:
            waited[0] += 5
            QTimer.singleShot(5, look)

    QTimer.singleShot(0, look)


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
        if char == "\n":  # QTest has no key for a bare line feed: press Return
            qtbot.keyClick(widget, Qt.Key.Key_Return)
            continue
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
    window.session.update_now()
    window.preview.show_due()  # a release just opened shows a turn later
    return window.preview.browser.toPlainText()


def export_through_dialog(
    window: MainWindow,
    fmt: str,
    folder: Path,
    seen: dict[str, str] | None = None,
    distribution_list: str = "",
) -> None:
    """Export through the real dialog: choose the format (and a distribution list), keep the
    suggested name in ``folder``. What the dialog offered is put in ``seen``. When the export
    fails the dialog comes back, with the same choices; then it is cancelled (``seen["again"]``
    says it came back)."""
    seen = {} if seen is None else seen
    first: list[QWidget] = []
    finished: list[bool] = []

    def cancel_when_back() -> None:
        if finished:
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ExportDialog) and first and dialog is not first[0]:
            seen["again"] = Path(dialog.path_edit.text()).name
            dialog.reject()
            return
        QTimer.singleShot(20, cancel_when_back)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        first.append(dialog)
        dialog.format_box.setCurrentIndex(dialog.format_box.findData(fmt))
        seen["suggested"] = Path(dialog.path_edit.text()).name
        seen["lists"] = ",".join(
            str(dialog.list_box.itemData(i)) for i in range(dialog.list_box.count())
        )
        seen["lists_shown"] = str(dialog.list_box.isVisible())
        if distribution_list:
            choose(dialog.list_box, distribution_list)
        dialog.path_edit.setText(str(folder / seen["suggested"]))
        QTimer.singleShot(0, cancel_when_back)
        dialog.export_button.click()

    QTimer.singleShot(0, fill)
    window.window_actions.export.trigger()
    finished.append(True)


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.headings: list[str] = []
        self._tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag = tag

    def handle_endtag(self, tag: str) -> None:
        self._tag = ""

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        if self._tag == "h1":
            self.headings.append(data)


def html_headings(path: Path) -> list[str]:
    parser = _TextOf()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.headings


def exported_text(path: Path, fmt: str) -> str:
    """The readable text of an exported file, read back with a library that knows the format."""
    if fmt == "docx":
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    if fmt == "eml":
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))  # type: ignore[attr-defined]
        assert body is not None
        return str(body.get_content())
    if fmt == "html":
        parser = _TextOf()
        parser.feed(path.read_text(encoding="utf-8"))
        return " ".join(parser.parts)
    return path.read_text(encoding="utf-8")
