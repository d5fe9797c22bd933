"""The Settings dialog: it edits a copy of the settings and hands it back; the caller saves."""

from __future__ import annotations

import copy
import os

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.i18n import current_language
from editor.model.alerting import is_cap_token
from editor.model.email_address import is_email_address
from editor.model.levels import LevelSetRegistry, default_registry
from editor.storage.settings import Settings
from editor.ui.dialogs import file_dialogs, messages
from editor.ui.dialogs.distribution_lists import DistributionListsEditor
from editor.ui.form.base import note_label

LETTERHEAD_SUFFIXES = (".docx", ".dotx")


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        levels: LevelSetRegistry | None = None,
    ) -> None:
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

        self.press_email_edit = QLineEdit(settings.press_office_email, self)
        self.press_email_edit.setObjectName("press_office_email")
        self.press_email_edit.setPlaceholderText(self.tr("For example press@region.example"))
        self.press_email_edit.setToolTip(
            self.tr("The sender of e-mail drafts; empty leaves it to your mail program")
        )
        self.press_email_note = note_label("", self)
        self.press_email_edit.textChanged.connect(self._check_press_email)
        self._check_press_email()

        self.cap_sender_edit = QLineEdit(settings.cap_sender, self)
        self.cap_sender_edit.setObjectName("cap_sender")
        self.cap_sender_edit.setPlaceholderText(self.tr("Empty: the press office's e-mail"))
        self.cap_sender_edit.setToolTip(
            self.tr(
                "Who sends the organisation's CAP alerts, as alerting systems know it: one word"
                " without spaces, such as press@region.example"
            )
        )
        self.cap_sender_note = note_label("", self)
        self.cap_sender_edit.textChanged.connect(self._check_cap_sender)
        self._check_cap_sender()
        self.cap_area_edit = QLineEdit(settings.cap_area, self)
        self.cap_area_edit.setObjectName("cap_area")
        self.cap_area_edit.setPlaceholderText(self.tr("For example Exempelby county"))
        self.cap_area_edit.setToolTip(self.tr("The area CAP alerts concern, in words"))
        self.web_edit = QLineEdit(settings.public_web_address, self)
        self.web_edit.setObjectName("public_web_address")
        self.web_edit.setPlaceholderText(self.tr("For example https://region.example/press"))
        self.web_edit.setToolTip(
            self.tr(
                "Where the newsroom folder is published: each CAP alert links to its release there"
            )
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

        self.letterhead_edit = QLineEdit(settings.letterhead, self)
        self.letterhead_edit.setObjectName("letterhead")
        self.letterhead_edit.setPlaceholderText(self.tr("None: the built-in look"))
        self.letterhead_edit.setToolTip(
            self.tr(
                "A Word document or template (.docx, .dotx) with the organisation's header,"
                " footer and logo: Word exports start from it, unless a template names its own"
            )
        )
        self.letterhead_browse = QPushButton(self.tr("Bro&wse…"), self)
        self.letterhead_browse.clicked.connect(self._browse_letterhead)
        letterhead_row = QHBoxLayout()
        letterhead_row.addWidget(self.letterhead_edit)
        letterhead_row.addWidget(self.letterhead_browse)
        self.letterhead_note = note_label("", self)
        self.letterhead_edit.textChanged.connect(self._check_letterhead)
        self._check_letterhead()

        self.lists_editor = DistributionListsEditor(settings.distribution_lists, self)
        lists_box = QGroupBox(self.tr("Distribution lists for e-mail"), self)
        lists_layout = QVBoxLayout(lists_box)
        lists_layout.addWidget(
            note_label(
                self.tr(
                    "An e-mail export can put one list in Bcc, so the recipients do not see"
                    " each other."
                ),
                lists_box,
            )
        )
        lists_layout.addWidget(self.lists_editor)

        self.level_set_box = QComboBox(self)
        self.level_set_box.setObjectName("default_level_set")
        self.level_set_box.addItem(self.tr("Each template's own"), "")
        registry = levels or default_registry()
        for level_set in sorted(registry, key=lambda s: s.name(current_language()).lower()):
            self.level_set_box.addItem(level_set.name(current_language()), level_set.id)
        if (
            settings.default_level_set
            and self.level_set_box.findData(settings.default_level_set) < 0
        ):
            missing = self.tr("{0} (not installed)").format(settings.default_level_set)
            self.level_set_box.addItem(missing, settings.default_level_set)
        self.level_set_box.setCurrentIndex(
            max(0, self.level_set_box.findData(settings.default_level_set))
        )
        self.level_set_box.setToolTip(
            self.tr(
                "The readiness levels new releases speak in. A release can pick another set in"
                " its form."
            )
        )

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
        form.addRow(self.tr("Le&vel set:"), self.level_set_box)
        form.addRow(self.tr("Press office's e-&mail:"), self.press_email_edit)
        form.addRow("", self.press_email_note)
        form.addRow(self.tr("CAP s&ender:"), self.cap_sender_edit)
        form.addRow("", self.cap_sender_note)
        form.addRow(self.tr("CAP re&gion:"), self.cap_area_edit)
        form.addRow(self.tr("P&ublic web address:"), self.web_edit)
        folder_label = QLabel(self.tr("Organisation's &templates:"), self)
        folder_label.setBuddy(self.folder_edit)  # a row holding a layout gets no buddy itself
        form.addRow(folder_label, folder_row)
        letterhead_label = QLabel(self.tr("Letter&head for Word:"), self)
        letterhead_label.setBuddy(self.letterhead_edit)
        form.addRow(letterhead_label, letterhead_row)
        form.addRow("", self.letterhead_note)
        form.addRow(self.tr("&Autosave after:"), self.autosave_spin)
        form.addRow(lists_box)
        form.addRow(buttons)

    def _browse(self) -> None:
        folder = file_dialogs.ask_folder(self, self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def _browse_letterhead(self) -> None:
        path = file_dialogs.ask_letterhead(self, self.letterhead_edit.text())
        if path:
            self.letterhead_edit.setText(path)

    def _check_letterhead(self) -> None:
        """A word about a path that cannot be a letterhead; the export says exactly why."""
        path = os.path.expanduser(self.letterhead_edit.text().strip())
        note = ""
        if path and not os.path.isfile(path):
            note = self.tr("There is no such file.")
        elif path and not path.lower().endswith(LETTERHEAD_SUFFIXES):
            note = self.tr("A letterhead is a Word document (.docx) or Word template (.dotx).")
        self.letterhead_note.setText(note)
        self.letterhead_note.setVisible(bool(note))

    def _check_press_email(self) -> None:
        address = self.press_email_edit.text().strip()
        note = ""
        if address and not is_email_address(address):
            note = self.tr("This is not an e-mail address.")
        self.press_email_note.setText(note)
        self.press_email_note.setVisible(bool(note))

    def _check_cap_sender(self) -> None:
        sender = self.cap_sender_edit.text().strip()
        note = ""
        if sender and not is_cap_token(sender):
            note = self.tr("A CAP sender has no spaces, commas, < or &.")
        self.cap_sender_note.setText(note)
        self.cap_sender_note.setVisible(bool(note))

    def accept(self) -> None:
        bad = self.lists_editor.invalid_addresses()
        if bad and (
            messages.question(
                self,
                self.tr("Distribution lists"),
                self.tr(
                    "These are not e-mail addresses: {addresses}. An e-mail to their list cannot"
                    " be made until they are corrected. Save the settings anyway?"
                ).format(addresses=", ".join(bad)),
            )
            != messages.Button.Yes
        ):
            return
        super().accept()

    def result_settings(self) -> Settings:
        result = self._settings
        result.ui_language = str(self.language_box.currentData() or "")
        result.organisation_name = self.organisation_edit.text().strip()
        result.default_level_set = str(self.level_set_box.currentData() or "")
        result.organisation_folder = self.folder_edit.text().strip()
        result.press_office_email = self.press_email_edit.text().strip()
        result.autosave_seconds = float(self.autosave_spin.value())
        result.letterhead = self.letterhead_edit.text().strip()
        result.distribution_lists = self.lists_editor.lists()
        result.cap_sender = self.cap_sender_edit.text().strip()
        result.cap_area = self.cap_area_edit.text().strip()
        result.public_web_address = self.web_edit.text().strip()
        return result

    @classmethod
    def get_data(
        cls, parent: QWidget | None, settings: Settings, levels: LevelSetRegistry | None = None
    ) -> tuple[Settings | None, bool]:
        dialog = cls(settings, parent, levels)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return (dialog.result_settings() if accepted else None), accepted
