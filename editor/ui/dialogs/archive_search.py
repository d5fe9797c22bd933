"""Find in Archive (Ctrl+Shift+F): every release saved or exported through Pressklar, and the
organisation folder's, by any word of its text. Results follow the typing; Enter or a
double-click opens the release.

The index is brought up to the files in a worker thread when the dialog opens (reading
thousands of new files takes seconds); meanwhile the search uses the index as it stands, and
the results are made again when it is up to date."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.storage.archive import Archive
from editor.ui.context import AppContext
from editor.ui.gc_guard import before_a_worker_starts

PATH_ROLE = Qt.ItemDataRole.UserRole
DELAY_MS = 150


class ArchiveSearchDialog(QDialog):
    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find in Archive"))
        self._archive = archive
        self._up_to_date = False
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Words from the release: rubrik, plats, namn…"))
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setWordWrap(True)
        self.results.itemActivated.connect(lambda _: self.accept())
        self.count = QLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.query.textChanged.connect(lambda _: self._timer.start())
        self.resize(640, 460)
        self.refreshed.connect(self._refreshed)
        self.count.setText(self.tr("Updating the index…"))
        self._worker = threading.Thread(target=self._refresh, name="archive", daemon=True)
        before_a_worker_starts()  # it reads thousands of releases: no collection there
        self._worker.start()

    refreshed = Signal()

    def _refresh(self) -> None:
        self._archive.refresh()
        self.refreshed.emit()  # queued to the GUI thread

    def _refreshed(self) -> None:
        self._up_to_date = True
        self.search()

    def search(self) -> None:
        self._timer.stop()
        self.results.clear()
        text = self.query.text()
        hits = self._archive.search(text, refresh=False) if text.strip() else []
        for hit in hits:
            item = QListWidgetItem(f"{hit.title}\n{hit.snippet}\n{Path(hit.path).name}")
            item.setData(PATH_ROLE, hit.path)
            item.setToolTip(hit.path)
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
        found = self.tr("{count} releases found").format(count=len(hits)) if text.strip() else ""
        if not self._up_to_date:
            found = (found + " " + self.tr("Updating the index…")).strip()
        self.count.setText(found)

    def selected_path(self) -> str:
        item = self.results.currentItem()
        return str(item.data(PATH_ROLE)) if item is not None else ""

    @classmethod
    def get_data(cls, parent: QWidget | None, context: AppContext) -> tuple[str, bool]:
        archive = Archive.for_user(context.paths, context.settings.organisation_folder)
        dialog = cls(archive, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.wait_for_index()
        return (dialog.selected_path() if accepted else ""), accepted

    def wait_for_index(self, seconds: float = 30) -> None:
        """Let the worker finish before the dialog goes (it writes the index)."""
        self._worker.join(seconds)
