"""What File > Publish Newsroom Folder… does: the releases of a chosen folder published as a
static site in its ``newsroom`` subfolder (``editor.storage.newsroom``), then "Open" in the
status bar. Files left out are named; a site that cannot be written is a message, not a crash.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

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
        """Publish on a worker (every release rendered, its page and alert written), the window
        painting meanwhile and a progress dialog shown if it takes a while."""
        import copy

        from editor.storage.newsroom import publish_newsroom
        from editor.ui.flows.background import run_in_worker

        site = os.path.join(folder, SITE_FOLDER)
        settings = copy.deepcopy(self._context.settings)  # the worker's own: the GUI may edit
        levels = self._context.levels()
        label = self.tr("Publishing the newsroom…")
        try:
            result = run_in_worker(
                self._window, label, lambda: publish_newsroom(folder, site, settings, levels)
            )
        except PressklarError as problem:
            messages.error(self._window, self.tr("Could not publish the newsroom"), problem.text())
            return False
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
