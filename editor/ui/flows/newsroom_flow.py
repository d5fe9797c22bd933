"""What File > Publish Newsroom Folder… does: the releases of a chosen folder published as a
static site in its ``newsroom`` subfolder (``editor.storage.newsroom``), then "Open" in the
status bar. Files left out are named; a site that cannot be written is a message, not a crash.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

from editor.errors import PressklarError
from editor.i18n import text
from editor.ui.context import AppContext
from editor.ui.dialogs import file_dialogs, messages
from editor.ui.session import ReleaseSession

SITE_FOLDER = "newsroom"  # the site's folder inside the folder of releases


class NewsroomFlow(QObject):
    status = Signal(str)  # a short message for the status bar
    published = Signal(str)  # the site's index.html, for "Open" and "Show in folder"

    def __init__(self, window: QWidget, context: AppContext, session: ReleaseSession) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._session = session

    def publish(self) -> bool:
        path = self._session.path
        start = os.path.dirname(path) if path else self._context.settings.last_open_folder
        folder = file_dialogs.ask_folder(
            self._window, start, self.tr("Choose the folder of releases to publish")
        )
        return bool(folder) and self.publish_folder(folder)

    def publish_folder(self, folder: str) -> bool:
        from editor.storage.newsroom import publish_newsroom

        site = os.path.join(folder, SITE_FOLDER)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = publish_newsroom(folder, site, self._context.settings, self._context.levels())
        except PressklarError as problem:
            QApplication.restoreOverrideCursor()
            messages.error(self._window, self.tr("Could not publish the newsroom"), problem.text())
            return False
        QApplication.restoreOverrideCursor()
        if result.notes:
            messages.warn(
                self._window,
                self.tr("Publish newsroom"),
                self.tr("The newsroom is published, but not everything could go in it."),
                "\n".join(note.text() for note in result.notes),
            )
        self.published.emit(str(result.index))
        self.status.emit(text("newsroom.published", None, count=len(result.published), folder=site))
        return True
