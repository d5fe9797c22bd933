"""The field list of the template editor: the table, its combo-box delegates and its buttons."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.model.fields import FieldType
from editor.ui.template_editor.field_model import (
    CHOICES,
    DEFAULT,
    HELP,
    KEY,
    LABEL,
    LEVEL_SET,
    TYPE,
    FieldRow,
    FieldTableModel,
    type_label,
)
from editor.ui.template_editor.level_names import DefaultDelegate, LevelSetDelegate

Index = QModelIndex | QPersistentModelIndex


class TypeDelegate(QStyledItemDelegate):
    """A combo box of the field types, labelled in the UI's language."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for kind in FieldType:
            combo.addItem(type_label(kind), str(kind))
        combo.activated.connect(lambda _=0: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ChoicesDialog(QDialog):
    """The choices of a choice field, one per line (for choices that hold a comma)."""

    def __init__(self, choices: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choices"))
        intro = QLabel(self.tr("One choice per line, in the order the form shows them:"), self)
        self.edit = QPlainTextEdit("\n".join(choices), self)
        intro.setBuddy(self.edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    def choices(self) -> list[str]:
        return [line.strip() for line in self.edit.toPlainText().splitlines() if line.strip()]


class FieldTable(QWidget):
    """The table plus Add, Remove, Move up, Move down and Choices buttons beside it."""

    row_selected = Signal(int)

    def __init__(
        self,
        model: FieldTableModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.view = QTableView(self)
        self.view.setObjectName("fieldTable")
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        self.view.setItemDelegateForColumn(TYPE, TypeDelegate(self.view))
        self.view.setItemDelegateForColumn(LEVEL_SET, LevelSetDelegate(self.view))
        self.view.setItemDelegateForColumn(DEFAULT, DefaultDelegate(self.view))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((KEY, 130), (LABEL, 170), (TYPE, 130), (CHOICES, 150)):
            self.view.setColumnWidth(column, width)
        self.view.setColumnWidth(DEFAULT, 140)
        self.view.setColumnWidth(LEVEL_SET, 220)
        self.view.setColumnWidth(HELP, 200)
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._on_current(current.row())
        )

        self.add_button = QPushButton(self.tr("&Add field"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.down_button = QPushButton(self.tr("Move do&wn"), self)
        self.choices_button = QPushButton(self.tr("C&hoices…"), self)
        self.choices_button.setToolTip(self.tr("Edit a choice field's choices, one per line"))
        self.add_button.clicked.connect(self.add_field)
        self.remove_button.clicked.connect(self.remove_field)
        self.up_button.clicked.connect(lambda: self.move_field(-1))
        self.down_button.clicked.connect(lambda: self.move_field(1))
        self.choices_button.clicked.connect(self.edit_choices)

        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addSpacing(8)
        buttons.addWidget(self.choices_button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.view, 1)
        row.addLayout(buttons)
        model.modelReset.connect(self._update_buttons)
        model.rowsInserted.connect(self._update_buttons)
        model.rowsRemoved.connect(self._update_buttons)
        model.dataChanged.connect(self._update_buttons)
        self._update_buttons()

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int, column: int = KEY) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, column)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def set_read_only(self, read_only: bool) -> None:
        self.model.read_only = read_only
        self._update_buttons()

    def _on_current(self, row: int) -> None:
        self._update_buttons()
        self.row_selected.emit(row)

    def _update_buttons(self, *_: object) -> None:
        row = self.current_row()
        editable = not self.model.read_only
        count = self.model.rowCount()
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and row >= 0)
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and 0 <= row < count - 1)
        is_choice = 0 <= row < count and self.model.row(row).type == FieldType.CHOICE
        self.choices_button.setEnabled(editable and is_choice)

    def add_field(self) -> int:
        row = self.current_row()
        position = row + 1 if row >= 0 else self.model.rowCount()
        key = self.model.free_key()
        previous = self.model.row(row) if row >= 0 else None
        group = previous.group if previous else ""
        new = FieldRow(key=key, label=self.tr("New field"), group=group)
        position = self.model.insert_field(position, new)
        self.select_row(position)
        self.view.setFocus()
        self.view.edit(self.model.index(position, KEY))
        return position

    def remove_field(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        self.model.remove_field(row)
        self.select_row(min(row, self.model.rowCount() - 1))

    def move_field(self, offset: int) -> None:
        row = self.current_row()
        if row < 0:
            return
        column = self.view.currentIndex().column()
        self.select_row(self.model.move_field(row, offset), column)
        self._update_buttons()

    def edit_choices(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        dialog = ChoicesDialog(self.model.row(row).choices, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.model.set_choices(row, dialog.choices())
