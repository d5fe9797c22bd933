"""The top of the template editor: the read-only notice of a built-in template, and the
template's name, language, level set and description."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.model.levels import LevelSetRegistry
from editor.model.template import Template
from editor.ui.dialogs.save_as_template import LANGUAGES

NOTICE_STYLE = (
    "QWidget#readOnlyNotice { background: #fff4ce; border: 1px solid #e6d28a; border-radius: 3px; }"
)


class TemplateHeader(QWidget):
    edited = Signal()  # the user changed the name, description, language or level set
    duplicate_requested = Signal()

    def __init__(
        self, levels: LevelSetRegistry, ui_language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.notice = QWidget(self)
        self.notice.setObjectName("readOnlyNotice")
        self.notice.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice_label = QLabel(self.notice)
        self.notice_label.setWordWrap(True)
        self.duplicate_button = QPushButton(self.tr("&Duplicate to edit"), self.notice)
        self.duplicate_button.clicked.connect(self.duplicate_requested)
        notice_row = QHBoxLayout(self.notice)
        notice_row.addWidget(self.notice_label, 1)
        notice_row.addWidget(self.duplicate_button)

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("templateName")
        self.name_edit.setPlaceholderText(self.tr("The name shown when a release is started"))
        self.description_edit = QLineEdit(self)
        self.description_edit.setPlaceholderText(self.tr("What kind of release this is for"))
        self.language_box = QComboBox(self)
        for code, name in LANGUAGES:
            self.language_box.addItem(name, code)
        self.language_box.setToolTip(self.tr("Dates, times and numbers follow this language"))
        self.level_set_box = QComboBox(self)
        self.level_set_box.setToolTip(self.tr("The level set that readiness-level fields use"))
        for level_set in sorted(levels, key=lambda s: s.id):
            self.level_set_box.addItem(
                f"{level_set.name(ui_language)} ({level_set.id})", level_set.id
            )
        self.id_label = QLabel(self)
        self.id_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_edit.textEdited.connect(self.edited)
        self.description_edit.textEdited.connect(self.edited)
        self.language_box.activated.connect(self.edited)
        self.level_set_box.activated.connect(self.edited)
        self._build_layout()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _build_layout(self) -> None:
        first = QHBoxLayout()
        first.addWidget(self.name_edit, 3)
        first.addWidget(self._label(self.tr("&Language:"), self.language_box))
        first.addWidget(self.language_box)
        first.addWidget(self._label(self.tr("Level &set:"), self.level_set_box))
        first.addWidget(self.level_set_box, 1)
        second = QHBoxLayout()
        second.addWidget(self.description_edit, 1)
        second.addWidget(self.id_label)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._label(self.tr("&Name:"), self.name_edit), first)
        form.addRow(self._label(self.tr("&Description:"), self.description_edit), second)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notice)
        layout.addLayout(form)

    def show_template(self, template: Template) -> None:
        """Show the template's settings (emits nothing: loading is not an edit)."""
        self.name_edit.setText(template.name)
        self.description_edit.setText(template.description)
        self.description_edit.setCursorPosition(0)
        _select(self.language_box, template.language)
        _select(self.level_set_box, template.level_set)
        self.id_label.setText(self.tr("Id: {id}").format(id=template.id) if template.id else "")

    def set_read_only(self, read_only: bool, name: str) -> None:
        self.notice.setVisible(read_only)
        self.notice_label.setText(
            self.tr(
                "“{name}” is a built-in template and cannot be changed. Duplicate it to get a copy"
                " of your own to edit."
            ).format(name=name)
        )
        for edit in (self.name_edit, self.description_edit):
            edit.setReadOnly(read_only)
        for box in (self.language_box, self.level_set_box):
            box.setEnabled(not read_only)

    def name(self) -> str:
        return self.name_edit.text().strip()

    def language(self) -> str:
        return str(self.language_box.currentData() or "")

    def description(self) -> str:
        return self.description_edit.text().strip()

    def level_set(self) -> str:
        return str(self.level_set_box.currentData() or "")

    def focus_setting(self, setting: str) -> bool:
        """Focus the widget of a header setting ("name", "language"...); False if none."""
        widgets: dict[str, QWidget] = {
            "name": self.name_edit,
            "language": self.language_box,
            "level_set": self.level_set_box,
            "description": self.description_edit,
        }
        widget = widgets.get(setting)
        if widget is not None:
            widget.setFocus()
        return widget is not None


def _select(box: QComboBox, value: str) -> None:
    if box.findData(value) < 0:
        box.addItem(value, value)
    box.setCurrentIndex(box.findData(value))
