"""The Checks tab: the pre-flight findings for the release as it stands, and its readability.

The findings come from ``editor.render.checks`` (run on the document the preview has just
rendered); this panel only shows them. Clicking a finding, or Enter on it, asks for its field
(``field_requested``); the window moves the keyboard focus there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from editor.render.document import EMBARGO_FIELD

if TYPE_CHECKING:  # the checks are imported once they run, after the first paint
    from editor.render.checks import Finding

FIELD_ROLE = Qt.ItemDataRole.UserRole
READABILITY_CODES = ("readability_lix", "readability_flesch")
_ICONS = {
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}


def counted(findings: Sequence[Finding]) -> int:
    """What the tab's title counts: errors and warnings (info is for the record)."""
    return sum(1 for f in findings if f.severity in ("error", "warning"))


class ChecksPanel(QWidget):
    field_requested = Signal(str)  # a field key, or EMBARGO_FIELD

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checksPanel")
        self._findings: list[Finding] = []
        self._labels: dict[str, str] = {}

        self.readability = QLabel(self)
        self.readability.setObjectName("readability")
        self.readability.setTextFormat(Qt.TextFormat.PlainText)
        self.readability.setWordWrap(True)
        font = self.readability.font()
        font.setBold(True)
        self.readability.setFont(font)
        self.readability.setToolTip(
            self.tr(
                "LIX for Swedish: under 30 very easy, 30–40 easy, 40–50 medium, 50–60 hard,"
                " 60 and over very hard. Flesch reading ease for English: the higher, the easier"
                " (60–70 is standard)."
            )
        )
        self.summary = QLabel(self)
        self.summary.setObjectName("checksSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)

        self.list = QListWidget(self)
        self.list.setObjectName("findings")
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(3)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.list.setIconSize(QSize(size, size))
        self.list.setAccessibleName(self.tr("Findings"))
        self.list.itemClicked.connect(self._activate)
        self.list.itemActivated.connect(self._activate)
        self.setFocusProxy(self.list)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.readability)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self._icons = {name: self.style().standardIcon(kind) for name, kind in _ICONS.items()}
        self.show_findings([], {})

    @property
    def findings(self) -> list[Finding]:
        return list(self._findings)

    def count(self) -> int:
        return counted(self._findings)

    def show_findings(self, findings: Sequence[Finding], labels: Mapping[str, str]) -> None:
        """Show these findings; ``labels`` names the fields by key. Nothing is redrawn when
        neither changed, so the selection and scroll position stay while the user types."""
        findings, labels = list(findings), dict(labels)
        if findings == self._findings and labels == self._labels and self.list.count():
            return
        self._findings, self._labels = findings, labels
        readability = next((f for f in findings if f.code in READABILITY_CODES), None)
        self.readability.setText(readability.message if readability else "")
        self.readability.setVisible(readability is not None)
        errors = sum(1 for f in findings if f.severity == "error")
        warnings = sum(1 for f in findings if f.severity == "warning")
        if errors or warnings:
            self.summary.setText(
                self.tr("Errors: {errors}   Warnings: {warnings}").format(
                    errors=errors, warnings=warnings
                )
            )
        else:
            self.summary.setText(self.tr("No errors or warnings: ready to send."))
        selected = self.list.currentRow() if self.list.selectedItems() else -1
        self.list.clear()
        for finding in findings:
            if finding.code in READABILITY_CODES:
                continue
            self.list.addItem(self._item(finding))
        # keep the user's place; select nothing the user did not select
        self.list.setCurrentRow(selected if selected < self.list.count() else -1)

    def _item(self, finding: Finding) -> QListWidgetItem:
        text = finding.message
        field = self._field_name(finding.field)
        if field:
            text += "\n" + self.tr("Field: {field}").format(field=field)
        item = QListWidgetItem(self._icons[finding.severity], text)
        item.setData(FIELD_ROLE, finding.field or "")
        severity = {
            "error": self.tr("Error"),
            "warning": self.tr("Warning"),
            "info": self.tr("Note"),
        }[finding.severity]
        tip = severity
        if finding.field:
            tip += " — " + self.tr("click or press Enter to go to the field")
        item.setToolTip(tip)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{severity}: {text}")
        return item

    def _field_name(self, key: str | None) -> str:
        if not key:
            return ""
        if key == EMBARGO_FIELD:
            return self.tr("Embargo")
        return self._labels.get(key, key)

    def _activate(self, item: QListWidgetItem) -> None:
        key = str(item.data(FIELD_ROLE) or "")
        if key:
            self.field_requested.emit(key)
