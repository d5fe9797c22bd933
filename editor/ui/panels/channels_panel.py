"""The Channels tab: the release cut to an SMS and a social-media post, counted as they will be.

The texts come from the template's short forms (``editor.render.short``); this panel shows
them read-only with their counters, and copies them. An SMS is counted honestly: one character
outside the GSM-7 alphabet (an emoji, a curly quote the template kept) makes the whole message
UCS-2, 70 characters instead of 160, and the counter says which character did it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # the short versions are made only when the tab is first shown
    from editor.render.short import ShortText

OVER_COLOUR = "#b3261e"
MAX_NAMED = 3  # non-GSM characters named in the counter


def non_gsm_characters(text: str) -> list[str]:
    """The characters that push an SMS out of GSM-7, each once, in order of appearance."""
    from editor.render.short import GSM7_BASIC, GSM7_EXTENSION

    found = [c for c in text if c not in GSM7_BASIC and c not in GSM7_EXTENSION]
    return list(dict.fromkeys(found))


class ChannelBox(QGroupBox):
    """One channel: its text, its counter and a Copy button."""

    copied = Signal(str)  # the channel copied

    def __init__(self, channel: str, title: str, copy_label: str, parent: QWidget) -> None:
        super().__init__(title, parent)
        self.channel = channel
        self.setObjectName(f"channel_{channel}")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName(f"{channel}Text")
        self.text.setReadOnly(True)
        self.text.setAccessibleName(title)
        lines = 4 if channel == "sms" else 7
        metrics = QFontMetrics(self.text.font())
        self.text.setFixedHeight(metrics.lineSpacing() * lines + 12)
        self.placeholders = QLabel(self)
        self.placeholders.setTextFormat(Qt.TextFormat.PlainText)
        self.placeholders.setWordWrap(True)
        _paint(self.placeholders, QColor(OVER_COLOUR))
        self.placeholders.hide()
        self.counter = QLabel(self)
        self.counter.setObjectName(f"{channel}Counter")
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.counter.setWordWrap(True)
        self._counter_palette = self.counter.palette()
        self.copy_button = QPushButton(copy_label, self)
        self.copy_button.setObjectName(f"{channel}Copy")
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addWidget(self.counter, 1)
        row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.placeholders)
        layout.addLayout(row)

    def show_text(self, short: ShortText, counter: str, tip: str) -> None:
        if self.text.toPlainText() != short.text:
            self.text.setPlainText(short.text)
        self.counter.setText(counter)
        self.counter.setToolTip(tip)
        if short.over:
            _paint(self.counter, QColor(OVER_COLOUR))
        else:
            self.counter.setPalette(self._counter_palette)
        font = self.counter.font()
        font.setBold(short.over)
        self.counter.setFont(font)
        if short.placeholders:
            self.placeholders.setText(
                self.tr("Still to fill in: {fields}").format(fields=", ".join(short.placeholders))
            )
        self.placeholders.setVisible(bool(short.placeholders))
        self.copy_button.setEnabled(bool(short.text))

    def copy(self) -> None:
        QApplication.clipboard().setText(self.text.toPlainText())
        self.copied.emit(self.channel)


def _paint(label: QLabel, colour: QColor) -> None:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    label.setPalette(palette)


class ChannelsPanel(QScrollArea):
    copied = Signal(str)  # "sms" or "social", after its text went to the clipboard

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("channelsPanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        page = QWidget(self)
        self.note = QLabel(page)
        self.note.setObjectName("channelsNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.sms = ChannelBox("sms", self.tr("SMS"), self.tr("Copy SMS"), page)
        self.social = ChannelBox("social", self.tr("Social media post"), self.tr("Copy post"), page)
        for box in (self.sms, self.social):
            box.copied.connect(self.copied)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.note)
        layout.addWidget(self.sms)
        layout.addWidget(self.social)
        layout.addStretch(1)
        self.setWidget(page)
        self.boxes = {"sms": self.sms, "social": self.social}

    def show_versions(self, versions: Mapping[str, ShortText]) -> None:
        """The template's short versions; a box for a channel it has no form for is hidden."""
        for channel, box in self.boxes.items():
            short = versions.get(channel)
            box.setVisible(short is not None)
            if short is not None:
                counter, tip = (
                    self.sms_counter(short) if channel == "sms" else self.social_counter(short)
                )
                box.show_text(short, counter, tip)
        if not versions:
            self._note(
                self.tr(
                    "This template has no short versions. A template gets them from a [short]"
                    " section with an sms and a social text (Templates > Edit Template…)."
                )
            )
        elif len(versions) < len(self.boxes):
            missing = self.tr("SMS") if "sms" not in versions else self.tr("Social media post")
            self._note(
                self.tr("This template has no short form for: {channel}.").format(channel=missing)
            )
        else:
            self._note("")

    def show_error(self, message: str) -> None:
        for box in self.boxes.values():
            box.hide()
        self._note(self.tr("The short versions cannot be made: {message}").format(message=message))

    def _note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def sms_counter(self, short: ShortText) -> tuple[str, str]:
        """("94/160 GSM-7, 1 SMS", tooltip) or ("UCS-2: 71/70, 2 parts", tooltip)."""
        count = f"{short.length}/{short.limit}"
        if short.parts > 1:
            parts = self.tr("{parts} parts").format(parts=short.parts)
        else:
            parts = self.tr("1 SMS") if short.parts else self.tr("empty")
        if short.encoding == "gsm7":
            counter = self.tr("{count} GSM-7, {parts}").format(count=count, parts=parts)
            tip = self.tr("160 characters fit in one SMS (153 a part in a longer one).")
            return counter, tip
        named = non_gsm_characters(short.text)
        shown = " ".join(named[:MAX_NAMED]) + (" …" if len(named) > MAX_NAMED else "")
        counter = self.tr("UCS-2: {count}, {parts} (because of {characters})").format(
            count=count, parts=parts, characters=shown
        )
        tip = self.tr(
            "A character outside the GSM-7 alphabet makes the whole SMS UCS-2: 70 characters"
            " fit in one SMS instead of 160."
        )
        return counter, tip

    def social_counter(self, short: ShortText) -> tuple[str, str]:
        counter = f"{short.length}/{short.limit}"
        if short.over:
            counter += " " + self.tr("(too long)")
        return counter, self.tr("A link counts as 23 characters, as X and Mastodon count it.")
