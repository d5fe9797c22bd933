"""Editors for single-line text, yes/no, a choice from a list and a readiness level."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from editor.model.fields import FieldDef, clean_line
from editor.ui.form.base import (
    MAX_LINE_LENGTH,
    EditorContext,
    FieldEditor,
    tight_hbox,
    tight_vbox,
)
from editor.ui.form.spell_check import SpellLineEdit


class TextEditor(FieldEditor):
    """One line of text; empty or only spaces is no value (None)."""

    def __init__(
        self, field_def: FieldDef, context: EditorContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(field_def, context, parent)
        self.line_edit: QLineEdit = SpellLineEdit(context.spelling, context.language, self)
        self.line_edit.setMaxLength(MAX_LINE_LENGTH)
        self.line_edit.setClearButtonEnabled(False)
        tight_hbox(self).addWidget(self.line_edit)
        self._adopt_input(self.line_edit)
        self.line_edit.textChanged.connect(self.changed)

    @property
    def input_widget(self) -> QWidget:
        return self.line_edit

    def value(self) -> str | None:
        text = self.line_edit.text()
        return clean_line(text) if text.strip() else None

    def set_value(self, value: Any) -> None:
        text = "" if value is None else clean_line(str(value))
        if text != self.line_edit.text():
            self.line_edit.setText(text)
            self.line_edit.setCursorPosition(0)


class YesNoEditor(FieldEditor):
    """A check box that carries the field's label itself (the form leaves its label cell empty)."""

    shows_label = True

    def __init__(
        self, field_def: FieldDef, context: EditorContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(field_def, context, parent)
        label = field_def.label + ("\u00a0*" if field_def.required else "")
        self.check_box = QCheckBox(label, self)
        row = tight_hbox(self)
        row.addWidget(self.check_box)
        row.addStretch(1)
        self._adopt_input(self.check_box)
        self.check_box.toggled.connect(self.changed)

    @property
    def input_widget(self) -> QWidget:
        return self.check_box

    def value(self) -> bool:
        return self.check_box.isChecked()

    def set_value(self, value: Any) -> None:
        self.check_box.setChecked(bool(value))


class ChoiceEditor(FieldEditor):
    """A drop-down list of the field's choices; the value is the chosen text.

    An optional field starts with an empty entry. A required field without a value shows a
    "Choose…" placeholder until something is chosen. A value the list does not hold (a release
    written with an older template) is added as an entry of its own rather than lost.
    """

    def __init__(
        self, field_def: FieldDef, context: EditorContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(field_def, context, parent)
        self.combo = QComboBox(self)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(12)
        self._layout = tight_vbox(self)
        row = tight_hbox()
        row.addWidget(self.combo, 1)
        row.addStretch(0)
        self._layout.addLayout(row)
        self._adopt_input(self.combo)
        self._fill()
        self.combo.currentIndexChanged.connect(self._on_index_changed)
        self.combo.currentIndexChanged.connect(self.changed)

    @property
    def input_widget(self) -> QWidget:
        return self.combo

    def options(self) -> list[tuple[str, str, str]]:
        """(value, shown text, tooltip) for each entry, in order."""
        return [(choice, choice, "") for choice in self.field_def.choices if choice.strip()]

    def _fill(self) -> None:
        if not self.field_def.required:
            self.combo.addItem(QCoreApplication.translate("FormWidget", "(none)"), None)
        for value, text, tooltip in self.options():
            self.combo.addItem(text, value)
            if tooltip:
                self.combo.setItemData(self.combo.count() - 1, tooltip, Qt.ItemDataRole.ToolTipRole)
        if self.field_def.required:
            self.combo.setPlaceholderText(QCoreApplication.translate("FormWidget", "Choose…"))
            self.combo.setCurrentIndex(-1)

    def _on_index_changed(self, _index: int) -> None:
        self.selection_changed()

    def selection_changed(self) -> None:
        """A hook for subclasses that show something about the chosen entry."""

    def value(self) -> str | None:
        data = self.combo.currentData()
        return data if isinstance(data, str) and data.strip() else None

    def set_value(self, value: Any) -> None:
        if value is None or (isinstance(value, str) and not value.strip()):
            self.combo.setCurrentIndex(-1 if self.field_def.required else 0)
            return
        text = clean_line(str(getattr(value, "id", value)))  # a Level counts as its id
        index = self.combo.findData(text)
        if index < 0:
            self.combo.addItem(text, text)
            index = self.combo.count() - 1
            self.combo.setItemData(
                index,
                QCoreApplication.translate("FormWidget", "Not one of this template's choices"),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.combo.setCurrentIndex(index)


class LevelEditor(ChoiceEditor):
    """A readiness level, picked by name, with the chosen level's explanation under the list."""

    def __init__(
        self, field_def: FieldDef, context: EditorContext, parent: QWidget | None = None
    ) -> None:
        self.description = QLabel()
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setWordWrap(True)
        font = self.description.font()
        font.setItalic(True)
        self.description.setFont(font)
        super().__init__(field_def, context, parent)
        self._layout.addWidget(self.description)
        self.selection_changed()

    def options(self) -> list[tuple[str, str, str]]:
        set_id = self.field_def.level_set or self.context.template.level_set
        level_set = self.context.levels.get(set_id)
        if level_set is None:
            return []
        options = []
        for level in level_set.all_levels(self.context.language):
            options.append((level.id, level.list_name, level.description))
        return options

    def selection_changed(self) -> None:
        index = self.combo.currentIndex()
        text = ""
        if index >= 0:
            text = str(self.combo.itemData(index, Qt.ItemDataRole.ToolTipRole) or "")
        if not self.options() and not text:
            set_id = self.field_def.level_set or self.context.template.level_set
            text = QCoreApplication.translate(
                "FormWidget", "The level set “{0}” is not installed."
            ).format(set_id)
        self.description.setText(text)
        self.description.setVisible(bool(text))
