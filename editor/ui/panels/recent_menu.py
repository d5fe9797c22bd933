"""File > Open Recent: rebuilt from the settings each time it opens."""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget


class RecentFilesMenu(QMenu):
    open_requested = Signal(str)
    clear_requested = Signal()

    def __init__(self, paths: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Open &Recent"))
        self.setToolTipsVisible(True)
        self._paths = paths
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        paths = self._paths()
        for number, path in enumerate(paths, start=1):
            label = os.path.basename(path)
            if number < 10:
                label = f"&{number} {label}"
            action = self.addAction(label)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setData(path)
            action.triggered.connect(lambda _=False, p=path: self.open_requested.emit(p))
        if not paths:
            empty = self.addAction(self.tr("No recent releases"))
            empty.setEnabled(False)
        self.addSeparator()
        clear = self.addAction(self.tr("&Clear list"))
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self.clear_requested.emit)

    def recent_actions(self) -> list[str]:
        return [str(a.data()) for a in self.actions() if a.data()]
