"""Level sets and levels in the field table by the names a user knows (“Förstärkningsläge”,
“Beredskapslägen i hälso- och sjukvården”), never by their ids (“forstarkningslage”): the ids
are what the template file keeps and what the editors hand back."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from editor.model.fields import FieldType
from editor.model.levels import LevelSetRegistry
from editor.ui.template_editor.field_model import FieldTableModel, Index

translate = QCoreApplication.translate


@dataclass
class LevelNames:
    levels: LevelSetRegistry
    language: str  # of the UI
    template_set: str = ""  # the template's own level set, chosen in the header

    def set_name(self, set_id: str) -> str:
        level_set = self.levels.get(set_id)
        return level_set.name(self.language) if level_set is not None else set_id

    def field_set_label(self, set_id: str) -> str:
        """A field's level set; an empty one is the template's."""
        if set_id:
            return self.set_name(set_id)
        if not self.template_set:
            return translate("FieldTable", "As the template")
        return translate("FieldTable", "As the template: {name}").format(
            name=self.set_name(self.template_set)
        )

    def levels_of(self, set_id: str) -> list[tuple[str, str]]:
        """(id, name) of each level of a field's set, lowest first."""
        level_set = self.levels.get(set_id or self.template_set)
        if level_set is None:
            return []
        return [(level.id, level.list_name) for level in level_set.all_levels(self.language)]

    def level_name(self, set_id: str, level_id: str) -> str:
        for known, name in self.levels_of(set_id):
            if known == level_id:
                return name
        return level_id  # a level the set does not have: the validation says so


def _names(index: Index) -> LevelNames | None:
    model = index.model()
    return model.level_names if isinstance(model, FieldTableModel) else None


def _levels(index: Index) -> list[tuple[str, str]] | None:
    """The levels a readiness-level field's default is chosen from; None for other types."""
    model = index.model()
    if not isinstance(model, FieldTableModel) or model.level_names is None:
        return None
    row = model.row(index.row())
    return model.level_names.levels_of(row.level_set) if row.type == FieldType.LEVEL else None


class LevelSetDelegate(QStyledItemDelegate):
    """A combo box of the level sets there are, by name; empty means the template's own."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        names = _names(index)
        own = names.field_set_label("") if names else translate("FieldTable", "As the template")
        combo.addItem(own, "")
        if names is not None:
            for level_set in sorted(names.levels, key=lambda s: s.name(names.language)):
                combo.addItem(level_set.name(names.language), level_set.id)
        combo.activated.connect(lambda _=0: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        _select_or_keep(editor, str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DefaultDelegate(QStyledItemDelegate):
    """The default of a readiness-level field is picked from its set's levels, by name; every
    other type's default is typed as before."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        levels = _levels(index)
        if levels is None:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.addItem(self.tr("(none)"), "")
        for level_id, name in levels:
            combo.addItem(name, level_id)
        combo.activated.connect(lambda _=0: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            _select_or_keep(editor, str(index.data(Qt.ItemDataRole.EditRole) or ""))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


def _select_or_keep(combo: QComboBox, current: str) -> None:
    found = combo.findData(current)
    if found < 0:  # an id this installation does not have: keep it choosable
        combo.addItem(current, current)
        found = combo.count() - 1
    combo.setCurrentIndex(found)
