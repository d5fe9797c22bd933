"""Level sets (in the settings): the built-in ones to read, the user's own to add, edit and
delete. Templates name a level set by its id; the levels' order is their rank, lowest first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.errors import InvalidFileError, PressklarError
from editor.model.levels import LevelDefinition, LevelSet
from editor.storage.level_sets import (
    builtin_level_set_ids,
    delete_level_set,
    level_registry,
    save_level_set,
    templates_using_level_set,
    user_level_set_entries,
    validate_level_set,
)
from editor.storage.library import Library
from editor.storage.paths import Paths
from editor.ui.dialogs import messages
from editor.ui.panels.preview import NOTE_STYLE

translate = QCoreApplication.translate
SET_ROLE = Qt.ItemDataRole.UserRole
LANGUAGES = ("sv", "en")
ID, BASELINE = 0, 1
TEXT_KINDS = ("names", "definites", "descriptions", "glosses")
ERROR_COLOUR = QColor("#b3261e")


def _columns() -> list[str]:
    titles = [translate("LevelSetsDialog", "Id"), translate("LevelSetsDialog", "Baseline")]
    kinds = [
        translate("LevelSetsDialog", "Name"),
        translate("LevelSetsDialog", "With article"),
        translate("LevelSetsDialog", "Description"),
        translate("LevelSetsDialog", "In running text"),
    ]
    return titles + [f"{kind} ({language})" for kind in kinds for language in LANGUAGES]


def _text(texts: dict[str, str], language: str) -> str:
    return texts.get(language) or texts.get("", "")


class LevelSetsDialog(QDialog):
    changed = Signal()  # a user level set was saved or deleted

    def __init__(
        self,
        paths: Paths,
        library: Library | None = None,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._wording: dict[str, dict[str, str]] = {}
        self._level_wording: dict[str, dict[str, dict[str, str]]] = {}
        self._level_cap: dict[str, dict[str, str]] = {}  # CAP grading, kept as the file has it
        self._cap_category = ""
        self.paths = paths
        self.language = language  # the UI's, for the sets' names
        self.library = library
        self._editing: str | None = None  # the id of the user set in the editor; None if new
        self.setWindowTitle(self.tr("Level sets"))
        self.resize(1100, 560)

        self.list = QListWidget(self)
        self.list.setObjectName("levelSetList")
        self.list.setWordWrap(True)
        self.new_button = QPushButton(self.tr("&New"), self)
        self.duplicate_button = QPushButton(self.tr("D&uplicate"), self)
        self.delete_button = QPushButton(self.tr("&Delete…"), self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        self.id_edit = QLineEdit(self)
        self.id_edit.setPlaceholderText(self.tr("Lower-case letters, digits and -, e.g. my-levels"))
        self.name_edits = {language: QLineEdit(self) for language in LANGUAGES}
        self.table = QTableWidget(0, len(_columns()), self)
        self.table.setObjectName("levelTable")
        self.table.setHorizontalHeaderLabels(_columns())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for column, width in enumerate((110, 70, 150, 150, 130, 130, 240, 240, 190, 190)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)  # the last column never cut
        self.add_level_button = QPushButton(self.tr("&Add level"), self)
        self.remove_level_button = QPushButton(self.tr("&Remove level"), self)
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.down_button = QPushButton(self.tr("Move do&wn"), self)
        self.save_button = QPushButton(self.tr("&Save level set"), self)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b3261e;")
        self._build_layout()

        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.new_button.clicked.connect(self.new_set)
        self.duplicate_button.clicked.connect(self.duplicate_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.add_level_button.clicked.connect(lambda: self.add_level())
        self.remove_level_button.clicked.connect(self.remove_level)
        self.up_button.clicked.connect(lambda: self.move_level(-1))
        self.down_button.clicked.connect(lambda: self.move_level(1))
        self.save_button.clicked.connect(self.save)
        self.reload()

    def _build_layout(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.duplicate_button, self.delete_button):
            buttons.addWidget(button)
        left.addLayout(buttons)
        form = QFormLayout()
        form.addRow(self.tr("&Id:"), self.id_edit)
        form.addRow(self.tr("Name (&Swedish):"), self.name_edits["sv"])
        form.addRow(self.tr("Name (&English):"), self.name_edits["en"])
        level_buttons = QHBoxLayout()
        for button in (
            self.add_level_button,
            self.remove_level_button,
            self.up_button,
            self.down_button,
        ):
            level_buttons.addWidget(button)
        level_buttons.addStretch(1)
        level_buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addWidget(self.note)
        right.addLayout(form)
        levels_label = QLabel(self.tr("&Levels, lowest first (the order is the rank):"), self)
        levels_label.setBuddy(self.table)
        right.addWidget(levels_label)
        right.addWidget(self.table, 1)
        right.addLayout(level_buttons)
        right.addWidget(self.problems)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 5)
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)

    def reload(self, select: str | None = None) -> None:
        current = select if select is not None else self.current_set_id()
        registry = level_registry(self.paths)
        builtin = builtin_level_set_ids()
        blocked = self.list.blockSignals(True)
        self.list.clear()
        for level_set in sorted(registry, key=lambda s: (s.id not in builtin, s.id)):
            suffix = self.tr(" (built in)") if level_set.id in builtin else ""
            item = QListWidgetItem(f"{level_set.name(self.language)}{suffix}")
            item.setData(SET_ROLE, level_set.id)
            item.setToolTip(level_set.id)
            self.list.addItem(item)
        for entry in user_level_set_entries(self.paths.level_sets):
            if entry.level_set is None:
                item = QListWidgetItem(
                    self.tr("{file}: cannot be used: {error}").format(
                        file=entry.path.name, error=entry.error
                    )
                )
                item.setForeground(QBrush(ERROR_COLOUR))
                item.setToolTip(entry.error)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.list.addItem(item)
        self.list.blockSignals(blocked)
        self._registry = registry
        self._select(current)

    def _select(self, set_id: str | None) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if set_id and item.data(SET_ROLE) == set_id:
                self.list.setCurrentItem(item)
                return
        if self.list.count():
            self.list.setCurrentRow(0)
        self._show_current()

    def current_set_id(self) -> str | None:
        item = self.list.currentItem()
        value = item.data(SET_ROLE) if item is not None else None
        return str(value) if value else None

    def set_ids(self) -> list[str]:
        ids = (self.list.item(row).data(SET_ROLE) for row in range(self.list.count()))
        return [str(set_id) for set_id in ids if set_id]

    def _show_current(self) -> None:
        set_id = self.current_set_id()
        level_set = self._registry.get(set_id) if set_id else None
        built_in = set_id in builtin_level_set_ids()
        self._editing = None if built_in or level_set is None else level_set.id
        self._show(level_set, read_only=built_in)

    def _show(self, level_set: LevelSet | None, read_only: bool) -> None:
        # The table has no columns for the wording (raised, lowered...): it is kept as it was.
        self._wording = dict(level_set.wording) if level_set else {}
        self._level_wording = {d.id: dict(d.wording) for d in level_set.levels} if level_set else {}
        self._level_cap = {d.id: dict(d.cap) for d in level_set.levels} if level_set else {}
        self._cap_category = level_set.cap_category if level_set else ""
        self.id_edit.setText(level_set.id if level_set else "")
        for language, edit in self.name_edits.items():
            edit.setText(_text(level_set.names, language) if level_set else "")
        self.table.setRowCount(0)
        for definition in sorted(level_set.levels if level_set else (), key=lambda d: d.rank):
            self.add_level(definition)
        self.note.setText(
            self.tr(
                "Built-in level sets cannot be changed. Duplicate one to make a set of your own."
            )
            if read_only
            else ""
        )
        self.note.setVisible(read_only)
        self.problems.clear()
        self._set_read_only(read_only)

    def _set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for edit in (self.id_edit, *self.name_edits.values()):
            edit.setReadOnly(read_only)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
        )
        for button in (
            self.add_level_button,
            self.remove_level_button,
            self.up_button,
            self.down_button,
            self.save_button,
        ):
            button.setEnabled(not read_only)
        self.delete_button.setEnabled(not read_only and self._editing is not None)
        self.duplicate_button.setEnabled(self.current_set_id() is not None)

    def add_level(self, definition: LevelDefinition | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, ID, QTableWidgetItem(definition.id if definition else ""))
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        baseline = definition is not None and definition.baseline
        check.setCheckState(Qt.CheckState.Checked if baseline else Qt.CheckState.Unchecked)
        self.table.setItem(row, BASELINE, check)
        column = BASELINE + 1
        for kind in TEXT_KINDS:
            for language in LANGUAGES:
                texts = getattr(definition, kind) if definition else {}
                item = QTableWidgetItem(_text(texts, language))
                item.setToolTip(item.text())
                self.table.setItem(row, column, item)
                column += 1
        if definition is None:
            self.table.setCurrentCell(row, ID)
        return row

    def remove_level(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def move_level(self, offset: int) -> None:
        row = self.table.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        items = [self.table.takeItem(row, c) for c in range(self.table.columnCount())]
        others = [self.table.takeItem(target, c) for c in range(self.table.columnCount())]
        for column, (mine, theirs) in enumerate(zip(items, others, strict=True)):
            self.table.setItem(target, column, mine)
            self.table.setItem(row, column, theirs)
        self.table.setCurrentCell(target, self.table.currentColumn())

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def edited_set(self) -> LevelSet:
        levels = []
        for row in range(self.table.rowCount()):
            texts: dict[str, dict[str, str]] = {}
            column = BASELINE + 1
            for kind in TEXT_KINDS:
                texts[kind] = {}
                for language in LANGUAGES:
                    if self._cell(row, column):
                        texts[kind][language] = self._cell(row, column)
                    column += 1
            check = self.table.item(row, BASELINE)
            levels.append(
                LevelDefinition(
                    id=self._cell(row, ID),
                    rank=row,
                    baseline=check is not None and check.checkState() == Qt.CheckState.Checked,
                    names=texts["names"],
                    definites=texts["definites"],
                    descriptions=texts["descriptions"],
                    glosses=texts["glosses"],
                    wording=self._level_wording.get(self._cell(row, ID), {}),
                    cap=self._level_cap.get(self._cell(row, ID), {}),
                )
            )
        names = {lang: edit.text().strip() for lang, edit in self.name_edits.items()}
        return LevelSet(
            id=self.id_edit.text().strip(),
            names={lang: text for lang, text in names.items() if text},
            levels=tuple(levels),
            wording=self._wording,
            cap_category=self._cap_category,
        )

    def new_set(self) -> None:
        blocked = self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(blocked)
        self._editing = None
        self._show(None, read_only=False)
        self.add_level()
        self.id_edit.setFocus()

    def duplicate_current(self) -> None:
        set_id = self.current_set_id()
        level_set = self._registry.get(set_id) if set_id else None
        if level_set is None:
            return
        taken = set(self.set_ids())
        new_id, counter = f"{level_set.id}-copy", 2
        while new_id in taken:
            new_id, counter = f"{level_set.id}-copy-{counter}", counter + 1
        blocked = self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(blocked)
        self._editing = None
        copy = LevelSet(
            new_id,
            dict(level_set.names),
            level_set.levels,
            dict(level_set.wording),
            level_set.cap_category,
        )
        self._show(copy, read_only=False)
        self.id_edit.setFocus()

    def save(self) -> bool:
        level_set = self.edited_set()
        problems = validate_level_set(level_set)
        if problems:
            self.problems.setText("\n".join(p.text() for p in problems))
            return False
        folder = self.paths.level_sets
        try:
            save_level_set(level_set, folder, overwrite=self._editing == level_set.id)
            if self._editing is not None and self._editing != level_set.id:
                delete_level_set(self._editing, folder)
        except InvalidFileError as error:
            self.problems.setText("\n".join(p.text() for p in error.problems))
            return False
        except PressklarError as error:
            messages.error(self, self.tr("Could not save the level set"), error.text())
            return False
        self.problems.clear()
        self.reload(level_set.id)
        self.changed.emit()
        return True

    def delete_current(self) -> None:
        set_id = self._editing
        if set_id is None:
            return
        using = templates_using_level_set(set_id, self.library) if self.library else []
        details = (
            self.tr("These templates use it: {names}").format(
                names=", ".join(entry.name for entry in using)
            )
            if using
            else ""
        )
        answer = messages.question(
            self,
            self.tr("Delete level set"),
            self.tr("Delete the level set “{id}”?").format(id=set_id),
            messages.Button.Yes | messages.Button.No,
            messages.Button.No,
            details,
        )
        if answer != messages.Button.Yes:
            return
        try:
            delete_level_set(set_id, self.paths.level_sets)
        except PressklarError as error:
            messages.error(self, self.tr("Could not delete the level set"), error.text())
            return
        self.reload("")
        self.changed.emit()
