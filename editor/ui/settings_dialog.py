"""The Settings dialog: it edits a copy of the settings and hands it back; the caller saves."""

from __future__ import annotations

import copy

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from editor.storage.settings import Settings
from editor.ui import file_dialogs


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = copy.deepcopy(settings)
        self.setWindowTitle(self.tr("Settings"))

        self.language_box = QComboBox(self)
        self.language_box.addItem(self.tr("Same as the system"), "")
        self.language_box.addItem("Svenska", "sv")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(settings.ui_language)))
        self.language_box.setToolTip(self.tr("Takes effect the next time Pressklar starts"))

        self.organisation_edit = QLineEdit(settings.organisation_name, self)
        self.organisation_edit.setPlaceholderText(self.tr("For example Region Exempelby"))
        self.organisation_edit.setToolTip(
            self.tr("Used in exported files' properties when a release names no organisation")
        )

        self.folder_edit = QLineEdit(settings.organisation_folder, self)
        self.folder_edit.setPlaceholderText(self.tr("A shared folder of templates (optional)"))
        self.folder_edit.setToolTip(
            self.tr("Templates in this folder appear under New for everyone who points here")
        )
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit)
        folder_row.addWidget(browse)

        self.autosave_spin = QDoubleSpinBox(self)
        self.autosave_spin.setRange(1, 60)
        self.autosave_spin.setDecimals(0)
        self.autosave_spin.setSuffix(self.tr(" s"))
        self.autosave_spin.setValue(settings.autosave_seconds)
        self.autosave_spin.setToolTip(
            self.tr("How soon after an edit unsaved work is kept safe against a crash")
        )

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        form.addRow(self.tr("&Language of the program:"), self.language_box)
        form.addRow(self.tr("&Organisation:"), self.organisation_edit)
        folder_label = QLabel(self.tr("Organisation's &templates:"), self)
        folder_label.setBuddy(self.folder_edit)  # a row holding a layout gets no buddy itself
        form.addRow(folder_label, folder_row)
        form.addRow(self.tr("&Autosave after:"), self.autosave_spin)
        form.addRow(buttons)

    def _browse(self) -> None:
        folder = file_dialogs.ask_folder(self, self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def result_settings(self) -> Settings:
        result = self._settings
        result.ui_language = str(self.language_box.currentData() or "")
        result.organisation_name = self.organisation_edit.text().strip()
        result.organisation_folder = self.folder_edit.text().strip()
        result.autosave_seconds = float(self.autosave_spin.value())
        return result

    @classmethod
    def get_data(cls, parent: QWidget | None, settings: Settings) -> tuple[Settings | None, bool]:
        dialog = cls(settings, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return (dialog.result_settings() if accepted else None), accepted
