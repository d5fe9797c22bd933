"""Save as template: a new template from the current release (or from the template editor).

Also the small prompts the template windows share: asking for a name, and settling a name
clash (Rename…, Replace, Cancel) around any call of ``editor.storage.template_io``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from editor.errors import InvalidFileError, PressklarError
from editor.model.release import Release
from editor.model.template import Template
from editor.storage.library import ORGANISATION, USER
from editor.storage.paths import Paths
from editor.storage.template_io import OnClash, TemplateClashError, save_as_template
from editor.storage.template_io import template_targets as _template_targets
from editor.ui.dialogs import messages

translate = QCoreApplication.translate

T = TypeVar("T")
LANGUAGES = (("sv", "Svenska"), ("en", "English"))


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """One line of text from the user; None when cancelled or left empty (tests patch this)."""
    value, accepted = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value.strip() if accepted and value.strip() else None


def template_targets(paths: Paths, organisation_folder: str) -> dict[str, Path]:
    return _template_targets(paths.templates, organisation_folder)


def target_label(source: str) -> str:
    if source == ORGANISATION:
        return translate("SaveAsTemplate", "The organisation's templates")
    return translate("SaveAsTemplate", "Your own templates")


def problem_details(error: PressklarError) -> str:
    if isinstance(error, InvalidFileError):
        return "\n".join(problem.text() for problem in error.problems)
    return error.text()


def settle_clash(parent: QWidget | None, attempt: Callable[[OnClash, str | None], T]) -> T | None:
    """``attempt("ask", None)``; when the name is taken, ask Rename…, Replace or Cancel and try
    again (``"rename"`` with the new name the user typed, or ``"replace"``). None if cancelled.
    Other errors are raised to the caller."""
    on_clash: OnClash = "ask"
    new_name: str | None = None
    while True:
        try:
            return attempt(on_clash, new_name)
        except TemplateClashError as clash:
            choice = messages.choose(
                parent,
                translate("SaveAsTemplate", "Name already taken"),
                clash.text(),
                [
                    translate("SaveAsTemplate", "Rename…"),
                    translate("SaveAsTemplate", "Replace"),
                ],
            )
            if choice == 0:
                new_name = ask_text(
                    parent,
                    translate("SaveAsTemplate", "Rename"),
                    translate("SaveAsTemplate", "New name of the template:"),
                    clash.suggested_name,
                )
                if new_name is None:
                    return None
                on_clash = "rename"
            elif choice == 1:
                on_clash, new_name = "replace", None
            else:
                return None


class SaveAsTemplateDialog(QDialog):
    """Name, description, language, whether the values become defaults, and where to save."""

    def __init__(
        self,
        release: Release,
        paths: Paths,
        organisation_folder: str = "",
        *,
        offer_defaults: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.release = release
        self.saved: Template | None = None
        template = release.template
        self.setWindowTitle(self.tr("Save as template"))
        self.setMinimumWidth(520)
        self.name_edit = QLineEdit(template.name, self)
        self.name_edit.setObjectName("templateName")
        self.description_edit = QLineEdit(template.description, self)
        self.description_edit.setCursorPosition(0)
        self.language_box = QComboBox(self)
        for code, name in LANGUAGES:
            self.language_box.addItem(name, code)
        if self.language_box.findData(template.language) < 0:
            self.language_box.addItem(template.language, template.language)
        self.language_box.setCurrentIndex(self.language_box.findData(template.language))
        self.defaults_box = QCheckBox(self.tr("Use the current &values as defaults"), self)
        self.defaults_box.setToolTip(
            self.tr("Dates and times keep their own defaults, such as today")
        )
        self.defaults_box.setVisible(offer_defaults)
        self._targets = template_targets(paths, organisation_folder)
        self.target_box = QComboBox(self)
        for source in self._targets:
            self.target_box.addItem(target_label(source), source)
        self.target_note = QLabel(self)
        self.target_note.setWordWrap(True)
        if organisation_folder and ORGANISATION not in self._targets:
            self.target_note.setText(
                self.tr(
                    "The organisation's folder cannot be written from here, so the template is"
                    " saved among your own. Export it to share it."
                )
            )
        self.target_note.setVisible(bool(self.target_note.text()))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(
            lambda text: self.save_button.setEnabled(bool(text.strip()))
        )
        self.save_button.setEnabled(bool(template.name.strip()))

        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Description:"), self.description_edit)
        form.addRow(self.tr("&Language:"), self.language_box)
        if offer_defaults:
            form.addRow("", self.defaults_box)
        form.addRow(self.tr("Save &in:"), self.target_box)
        form.addRow(self.target_note)
        form.addRow(buttons)

    def target(self) -> tuple[str, Path]:
        source = str(self.target_box.currentData() or USER)
        return source, self._targets.get(source, self._targets[USER])

    def save(self) -> None:
        """Save the template; on success the dialog closes with ``saved`` set."""
        name = self.name_edit.text().strip()
        source, folder = self.target()

        def attempt(on_clash: OnClash, new_name: str | None) -> Template:
            return save_as_template(
                self.release,
                name=new_name or name,
                description=self.description_edit.text(),
                language=str(self.language_box.currentData()),
                use_values_as_defaults=self.defaults_box.isVisible()
                and self.defaults_box.isChecked(),
                folder=folder,
                source=source,
                on_clash="ask" if on_clash == "rename" else on_clash,
            )

        try:
            saved = settle_clash(self, attempt)
        except PressklarError as error:
            messages.error(
                self,
                self.tr("Could not save the template"),
                self.tr("The template was not saved."),
                problem_details(error),
            )
            return
        if saved is not None:
            self.saved = saved
            self.accept()

    @classmethod
    def get_data(
        cls,
        parent: QWidget | None,
        release: Release,
        paths: Paths,
        organisation_folder: str = "",
        *,
        offer_defaults: bool = True,
    ) -> tuple[Template | None, bool]:
        """The template saved (with its source and path), and whether one was."""
        dialog = cls(
            release, paths, organisation_folder, offer_defaults=offer_defaults, parent=parent
        )
        accepted = dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None
        return dialog.saved, accepted
