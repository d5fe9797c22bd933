"""The incident beside the form: every release of the thread with its number, time, template
and state (draft, sent), from the files in the release's folder and the incident's log; a
click opens one. Hidden for a release of no incident."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from editor.ui.session import ReleaseSession

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
        self.releases = QListWidget(self)
        self.releases.itemActivated.connect(self._open)
        self.releases.itemClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.releases)
        session.replaced.connect(self.refresh)
        session.saved.connect(lambda _: self.refresh())
        session.incident_changed.connect(self.refresh)
        self.hide()

    def refresh(self) -> None:
        release = self._session.release
        link = release.incident
        if link is None:
            self.hide()
            return
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
