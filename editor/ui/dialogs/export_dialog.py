"""The Export dialog: a format and a file, with a name made from the release's date and headline;
for an e-mail, the distribution list to put in Bcc."""

from __future__ import annotations

import os
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from editor.render import writers
from editor.ui.dialogs import file_dialogs
from editor.ui.flows.export import ExportChoice, format_label

__all__ = ["ExportChoice", "ExportDialog"]


class ExportDialog(QDialog):
    def __init__(
        self,
        file_name: str,
        folder: str,
        fmt: str,
        parent: QWidget | None = None,
        lists: Sequence[str] = (),
        chosen_list: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export release"))
        self.format_box = QComboBox(self)
        for name in writers.names():
            self.format_box.addItem(f"{format_label(name)} ({writers.extension(name)})", name)
        self.format_box.setToolTip(self.tr("The kind of file to make"))
        self.path_edit = QLineEdit(os.path.join(folder, file_name), self)
        self.path_edit.setToolTip(self.tr("Where the file is saved, and its name"))
        self.path_edit.setMinimumWidth(420)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.setToolTip(self.tr("Choose the folder and file name"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path_edit)
        where.addWidget(browse)
        self.list_box = QComboBox(self)
        self.list_box.addItem(self.tr("None"), "")
        for name in lists:
            self.list_box.addItem(name, name)
        self.list_box.setToolTip(
            self.tr(
                "The addresses of this list go in Bcc, so the recipients do not see each other."
                " Lists are set up in Settings."
            )
        )

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.path_edit.textChanged.connect(
            lambda text: self.export_button.setEnabled(bool(text.strip()))
        )

        self.list_box.setCurrentIndex(max(0, self.list_box.findData(chosen_list)))
        form = QFormLayout(self)
        self._form = form
        form.addRow(self.tr("&Format:"), self.format_box)
        save_as = QLabel(self.tr("&Save as:"), self)
        save_as.setBuddy(self.path_edit)  # a row holding a layout gets no buddy by itself
        form.addRow(save_as, where)
        self.list_label = QLabel(self.tr("&Distribution list:"), self)
        self.list_label.setBuddy(self.list_box)
        form.addRow(self.list_label, self.list_box)
        self._list_row = form.rowCount() - 1
        form.addRow(buttons)
        index = self.format_box.findData(fmt)
        self.format_box.setCurrentIndex(max(index, 0))
        self._extension = writers.extension(self.format())
        self._apply_extension()
        self.format_box.currentIndexChanged.connect(self._apply_extension)

    def format(self) -> str:
        return str(self.format_box.currentData())

    def choice(self) -> ExportChoice:
        path = os.path.expanduser(self.path_edit.text().strip())
        if path and not path.lower().endswith(self._extension):
            path += self._extension
        distribution = str(self.list_box.currentData() or "") if self.format() == "eml" else ""
        return ExportChoice(self.format(), path, distribution)

    def _apply_extension(self) -> None:
        """Keep the file name's extension in step with the chosen format."""
        new = writers.extension(self.format())
        path = self.path_edit.text()
        stem, old = os.path.splitext(path)
        if old.lower() in (self._extension, *(writers.extension(n) for n in writers.names())):
            path = stem
        self.path_edit.setText(path + new)
        self._extension = new
        # The whole row, so a hidden one leaves no empty space (hiding its widgets does).
        self._form.setRowVisible(self._list_row, self.format() == "eml")

    def _browse(self) -> None:
        path = file_dialogs.ask_export_path(
            self, self.path_edit.text(), format_label(self.format()), self._extension
        )
        if path:
            self.path_edit.setText(path)

    @classmethod
    def get_data(
        cls,
        parent: QWidget | None,
        file_name: str,
        folder: str,
        fmt: str,
        lists: Sequence[str] = (),
        chosen_list: str = "",
    ) -> tuple[ExportChoice | None, bool]:
        dialog = cls(file_name, folder, fmt, parent, lists, chosen_list)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return (dialog.choice() if accepted else None), accepted
