"""The status bar's countdown to the next update a release promises ("Next update 12.00: in
44 min"), red once that time has passed; empty when the release promises none."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from editor.model.incident import promised_update
from editor.model.release import Release

CLOCK_MS = 30_000  # how often the countdown moves on
PASSED_STYLE = "QLabel { color: #b3261e; font-weight: bold; }"


class NextUpdateLabel(QLabel):
    def __init__(self, release: Callable[[], Release | None], parent: QWidget | None = None):
        """``release`` gives the release as last rendered (None before the first render)."""
        super().__init__(parent)
        self.setObjectName("nextUpdate")
        self._release = release
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(self.refresh)
        self._clock.start()

    def refresh(self, now: datetime | None = None) -> None:
        """The time left until the promised update, as of ``now`` (by default the clock's)."""
        release = self._release()
        promised = promised_update(release.values) if release is not None else None
        if promised is None:
            self.setText("")
            return
        now = now or datetime.now()
        clock = (
            promised.strftime("%H.%M")
            if promised.date() == now.date()
            else (promised.strftime("%Y-%m-%d %H.%M"))
        )
        left = int((promised - now).total_seconds() // 60)
        if left >= 0:
            text = (
                self.tr("Next update {clock}: in {hours} h {minutes} min").format(
                    clock=clock, hours=left // 60, minutes=left % 60
                )
                if left >= 60
                else self.tr("Next update {clock}: in {minutes} min").format(
                    clock=clock, minutes=left
                )
            )
            self.setStyleSheet("")
        else:
            text = self.tr("Next update {clock}: the time has passed").format(clock=clock)
            self.setStyleSheet(PASSED_STYLE)
        self.setText(text)
