"""The incident beside the form: every release of the thread with its number, time, template
and state (draft, sent), from the files in the release's folder and the incident's log; a
click opens one. Hidden for a release of no incident."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from editor.ui.session import ReleaseSession

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListWidget, QListWidgetItem

PATH_ROLE = Qt.ItemDataRole.UserRole
MAX_ROWS = 8  # the list scrolls beyond this


class IncidentPanel(QWidget):
    open_requested = Signal(str)  # a release file of the thread

    def __init__(self, session: ReleaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidentPanel")
        self._session = session
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self._releases: QListWidget | None = None  # made for the first release of an incident
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 6, 12, 6)
        self._layout.addWidget(self.title)
        session.replaced.connect(self.refresh)
        session.saved.connect(lambda _: self.refresh())
        session.incident_changed.connect(self.refresh)
        self.hide()

    @property
    def releases(self) -> QListWidget:
        """The thread's releases, made when first shown (PySide makes a class's Python type,
        enums and all, when it is first named: the list view's, 3-5 ms, at start-up before)."""
        if self._releases is None:
            from PySide6.QtWidgets import QListWidget

            self._releases = QListWidget(self)
            self._releases.itemActivated.connect(self._open)
            self._releases.itemClicked.connect(self._open)
            self._layout.addWidget(self._releases)
        return self._releases

    def refresh(self) -> None:
        release = self._session.release
        link = release.incident
        if link is None:
            self.hide()
            return
        from PySide6.QtWidgets import QListWidgetItem

        from editor.storage import incident_log  # only for a release in an incident
        from editor.storage.incidents import incident_thread

        self.title.setText(
            self.tr("Incident: {title} (this is number {number})").format(
                title=link.title or "–", number=link.number
            )
        )
        self.releases.clear()
        path = self._session.path
        folder = Path(path).parent if path else None
        items = incident_thread(folder, link.incident_id) if folder else []
        sent: set[str] = set()
        if path:
            entries, _ = incident_log.read_log(incident_log.log_folder(path, link.incident_id))
            sent = {str(e.get("release")) for e in entries if e.get("action") in ("export", "copy")}
        for item in items:
            number = item.release.incident.number if item.release.incident else 1
            state = self.tr("sent") if item.release.id in sent else self.tr("draft")
            when = item.release.modified.strftime("%Y-%m-%d %H.%M")
            text = f"{number}. {item.release.template.name} · {when} · {state}"
            if not item.intact:
                text += " · " + self.tr("changed after its follow-up was made")
            row = QListWidgetItem(text)
            row.setData(PATH_ROLE, str(item.path))
            row.setToolTip(str(item.path))
            self.releases.addItem(row)
        rows = min(MAX_ROWS, self.releases.count())
        if rows:
            self.releases.setFixedHeight(self.releases.sizeHintForRow(0) * rows + 6)
        self.releases.setVisible(bool(rows))  # a release not yet saved has no thread on disk
        self.show()

    def _open(self, item: QListWidgetItem) -> None:
        target = str(item.data(PATH_ROLE))
        if target and target != self._session.path:
            self.open_requested.emit(target)
