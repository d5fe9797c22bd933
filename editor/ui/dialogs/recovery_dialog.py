"""After a crash: offer every release that autosave kept, newest first."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.storage.autosave import Recoverable


class RecoveryDialog(QDialog):
    def __init__(self, items: list[Recoverable], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items = items
        self.setWindowTitle(self.tr("Recover unsaved releases"))
        self.resize(680, 300)
        intro = QLabel(
            self.tr(
                "Pressklar was closed before these releases were saved. Tick the ones to"
                " recover; they open with their unsaved changes. Releases you untick are"
                " deleted."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Release"), self.tr("File"), self.tr("Last changed")])
        locale = QLocale()
        self._rows: list[QTreeWidgetItem] = []
        for item in items:
            where = item.original_path or self.tr("never saved")
            saved_at = QDateTime.fromString(
                item.saved_at.isoformat(timespec="seconds"), Qt.DateFormat.ISODate
            )
            when = locale.toString(saved_at, QLocale.FormatType.ShortFormat)
            row = QTreeWidgetItem([item.title or self.tr("Untitled"), where, when])
            row.setCheckState(0, Qt.CheckState.Checked)
            row.setToolTip(1, where)
            self.tree.addTopLevelItem(row)
            self._rows.append(row)
        self.tree.setColumnWidth(0, 260)
        self.tree.setColumnWidth(1, 240)
        intro.setBuddy(self.tree)

        buttons = QDialogButtonBox(self)
        recover = buttons.addButton(
            self.tr("Recover selected"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        recover.setDefault(True)
        later = buttons.addButton(self.tr("Decide later"), QDialogButtonBox.ButtonRole.RejectRole)
        later.setToolTip(self.tr("Keep them all and ask again at the next start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)

    def set_checked(self, index: int, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self._rows[index].setCheckState(0, state)

    def decision(self) -> tuple[list[Recoverable], list[Recoverable]]:
        """(to recover, to discard), by the tick boxes."""
        recover: list[Recoverable] = []
        discard: list[Recoverable] = []
        for row, item in zip(self._rows, self._items, strict=True):
            checked = row.checkState(0) == Qt.CheckState.Checked
            (recover if checked else discard).append(item)
        return recover, discard

    @classmethod
    def get_data(
        cls, parent: QWidget | None, items: list[Recoverable]
    ) -> tuple[tuple[list[Recoverable], list[Recoverable]], bool]:
        """((to recover, to discard), accepted); when not accepted, nothing is to be touched."""
        dialog = cls(items, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return (dialog.decision() if accepted else ([], [])), accepted
