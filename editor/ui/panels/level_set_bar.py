"""The release's level set, above the form: which readiness levels this release speaks in.

Shown only for a template with level fields. A new release starts in the organisation's default
set (Settings) or the template's own; picking another here moves each level to the one of the
same rank in the new set, and the release file keeps the choice.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from editor.model.level_choice import uses_levels
from editor.model.levels import LevelSetRegistry
from editor.model.template import Template
from editor.ui.form.base import BAR_MARGINS, tight_hbox


class LevelSetBar(QWidget):
    changed = Signal(str)  # the id of the set picked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName("release_level_set")
        self.combo.setToolTip(
            self.tr(
                "The readiness levels this release speaks in. Another set moves each level to"
                " the one of the same rank."
            )
        )
        label = QLabel(self.tr("Level set:"), self)
        label.setBuddy(self.combo)
        layout = tight_hbox(self)
        layout.setContentsMargins(*BAR_MARGINS)
        layout.addWidget(label)
        layout.addWidget(self.combo, 1)
        self.combo.activated.connect(self._picked)

    def show_for(self, template: Template, registry: LevelSetRegistry, language: str) -> None:
        """Fill the list for ``template`` (names in the UI's ``language``); hidden when the
        template has no level of its own to pick."""
        blocked = self.combo.blockSignals(True)
        self.combo.clear()
        for level_set in sorted(registry, key=lambda s: s.name(language).lower()):
            self.combo.addItem(level_set.name(language), level_set.id)
        if self.combo.findData(template.level_set) < 0:
            self.combo.addItem(template.level_set, template.level_set)
        self.combo.setCurrentIndex(self.combo.findData(template.level_set))
        self.combo.blockSignals(blocked)
        self.setVisible(uses_levels(template))

    def current_set(self) -> str:
        return str(self.combo.currentData() or "")

    def _picked(self, _index: int) -> None:
        self.changed.emit(self.current_set())
