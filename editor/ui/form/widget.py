"""The form: one editor per template field, grouped as the template groups them, scrolling."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from editor.model.contacts import Contact
from editor.model.fields import FieldDef
from editor.model.levels import LevelSetRegistry, default_registry
from editor.model.template import Template
from editor.ui.form.base import (
    EditorContext,
    FieldEditor,
    WrappingLabel,
    note_label,
    tight_hbox,
    tight_vbox,
)
from editor.ui.form.registry import create_editor
from editor.ui.form.wheel import install_wheel_guard
from editor.ui.spelling import SpellingService

if TYPE_CHECKING:
    from editor.ui.form.translate_mark import TranslateMark

PROBLEM_COLOUR = "#b3261e"
BAR_WIDTH = 3


def _paint_text(label: QLabel, colour: QColor) -> None:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    label.setPalette(palette)


def _plain_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


class FieldRow(QFrame):
    """The field column of one field: its editor, its help line and its problem line."""

    def __init__(
        self, field_def: FieldDef, context: EditorContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"row_{field_def.key}")
        self.field_def = field_def
        # made here, in its final parent: moving a widget to another parent resets its tab order
        self.editor = editor = create_editor(field_def, context, self)
        self.label: QLabel | None = None
        layout = tight_vbox(self, spacing=2)
        layout.addWidget(editor)
        self.help = note_label(field_def.help, self)
        self.help.setVisible(bool(field_def.help))
        self.help.setObjectName(f"help_{field_def.key}")
        layout.addWidget(self.help)
        self.problem = QWidget(self)
        problem_layout = tight_hbox(self.problem, spacing=4)
        icon = QLabel(self.problem)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(warning.pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.problem_text = WrappingLabel(self.problem)
        self.problem_text.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_text.setWordWrap(True)
        self.problem_text.setObjectName(f"problem_{field_def.key}")
        _paint_text(self.problem_text, QColor(PROBLEM_COLOUR))
        problem_layout.addWidget(icon)
        problem_layout.addWidget(self.problem_text, 1)
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        self._marked = False
        self._label_palette: QPalette | None = None
        self.translate_mark: TranslateMark | None = None  # made when first needed
        # room for the problem bar, kept when there is none, so that nothing shifts
        self.setContentsMargins(BAR_WIDTH + 4, 0, 0, 0)

    def set_to_translate(self, marked: bool, done: Callable[[str], None]) -> None:
        """Show or hide the "To translate" mark; ``done(key)`` when the officer keeps the text."""
        if self.translate_mark is None:
            if not marked:
                return
            from editor.ui.form.translate_mark import TranslateMark

            self.translate_mark = TranslateMark(self.field_def.key, self)
            self.translate_mark.done.connect(lambda: done(self.field_def.key))
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(0, self.translate_mark)
        self.translate_mark.setVisible(marked)

    def paintEvent(self, event: QPaintEvent) -> None:
        """A red bar left of a field with a problem (painted, not a style sheet: those slow the
        whole form's start and change how the widgets inside are drawn)."""
        super().paintEvent(event)
        if self._marked:
            painter = QPainter(self)
            painter.fillRect(0, 0, BAR_WIDTH, self.height(), QColor(PROBLEM_COLOUR))
            painter.end()

    def set_problem(self, message: str | None) -> None:
        marked = bool(message)
        self.problem_text.setText(message or "")
        self.problem.setVisible(marked)
        if marked != self._marked:
            self._marked = marked
            self.update()
            if self.label is not None:
                if self._label_palette is None:
                    self._label_palette = self.label.palette()
                if marked:
                    _paint_text(self.label, QColor(PROBLEM_COLOUR))
                else:
                    self.label.setPalette(self._label_palette)
        description = self._description()
        if marked:
            description = f"{message} {description}".strip()
        self.editor.input_widget.setAccessibleDescription(description)

    def _description(self) -> str:
        parts = []
        if self.field_def.required:
            parts.append(QCoreApplication.translate("FormWidget", "Required."))
        if self.field_def.help:
            parts.append(self.field_def.help)
        return " ".join(parts)


class FormWidget(QScrollArea):
    """The form generated from a template's fields.

    ``values_changed`` fires on every edit a user makes, never for ``set_values``; the window
    coalesces preview updates itself. ``values()`` gives the Python values exactly as
    ``editor.model.fields.parse_value`` produces them.
    """

    values_changed = Signal()

    def __init__(
        self,
        template: Template,
        values: dict[str, Any],
        *,
        levels: LevelSetRegistry | None = None,
        contacts: Callable[[], list[Contact]] | None = None,
        add_contact: Callable[[Contact], Contact | None] | None = None,
        spelling: SpellingService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.template = template
        self._editors: dict[str, FieldEditor] = {}
        self._rows: dict[str, FieldRow] = {}
        self._headings: dict[str, QLabel] = {}  # first field of a group -> the group's heading
        self.setObjectName("form")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab visits fields, which scroll into view
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        install_wheel_guard()  # the wheel scrolls the form; it never changes a value in passing
        registry = levels if levels is not None else default_registry()
        context = EditorContext(template, registry, contacts, add_contact, spelling)
        self.setWidget(self._build(context))
        self.set_values(values)

    def _build(self, context: EditorContext) -> QWidget:
        page = QWidget(self)
        page.setObjectName("formPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.setSpacing(6)
        if any(f.required for f in self.template.fields):
            layout.addWidget(
                note_label(
                    QCoreApplication.translate("FormWidget", "Fields marked * are required."),
                    page,
                )
            )
        if not self.template.fields:
            layout.addWidget(
                note_label(
                    QCoreApplication.translate("FormWidget", "This template has no fields."),
                    page,
                )
            )
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(10)
        for index, group in enumerate(self.template.groups()):
            if group.name:
                heading = _plain_label(group.name, page)
                font = heading.font()
                font.setBold(True)
                font.setPointSizeF(font.pointSizeF() * 1.15)
                heading.setFont(font)
                heading.setWordWrap(True)
                heading.setContentsMargins(0, 10 if index else 0, 0, 0)
                form.addRow(heading)
                if group.fields:
                    self._headings[group.fields[0].key] = heading
            for field_def in group.fields:
                self._add_field(form, field_def, context, page)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _add_field(
        self, form: QFormLayout, field_def: FieldDef, context: EditorContext, page: QWidget
    ) -> None:
        row = FieldRow(field_def, context, page)
        editor = row.editor
        tooltip = field_def.help
        if tooltip:
            editor.input_widget.setToolTip(tooltip)
        editor.input_widget.setAccessibleDescription(row._description())
        if getattr(editor, "shows_label", False):
            form.addRow(QWidget(page), row)
        else:
            text = field_def.label + ("\u00a0*" if field_def.required else "")
            label = _plain_label(text, page)
            label.setWordWrap(True)
            label.setToolTip(tooltip)
            label.setBuddy(editor)
            label.setObjectName(f"label_{field_def.key}")
            row.label = label
            form.addRow(label, row)
        editor.changed.connect(self.values_changed)  # Qt emits it: see FieldEditor
        self._editors[field_def.key] = editor
        self._rows[field_def.key] = row

    def values(self) -> dict[str, Any]:
        return {key: editor.value() for key, editor in self._editors.items()}

    def set_values(self, values: dict[str, Any]) -> None:
        """Show these values; fields not named keep theirs. Emits nothing."""
        for key, value in values.items():
            editor = self._editors.get(key)
            if editor is None:
                continue
            blocked = editor.blockSignals(True)
            try:
                editor.set_value(value)
            finally:
                editor.blockSignals(blocked)

    def set_problems(self, problems: dict[str, str]) -> None:
        for key, row in self._rows.items():
            row.set_problem(problems.get(key))

    def set_to_translate(self, keys: set[str], kept: Callable[[str], None]) -> None:
        """Mark these fields "To translate" (a language copy's copied text) and no others;
        ``kept(key)`` when the officer keeps a field's text as it is. (A callback, not a
        signal: see ``FieldEditor`` on signals emitted from Python.)"""
        for key, row in self._rows.items():
            row.set_to_translate(key in keys, kept)

    def to_translate(self) -> set[str]:
        """The fields that show the mark now."""
        return {
            key
            for key, row in self._rows.items()
            if row.translate_mark is not None and not row.translate_mark.isHidden()
        }

    def focus_field(self, key: str) -> None:
        row = self._rows.get(key)
        if row is None:
            return
        self.ensureWidgetVisible(row, 20, 40)
        for context in (row.label, self._headings.get(key)):
            if context is not None:
                self.ensureWidgetVisible(context, 20, 10)
        row.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def field_editor(self, key: str) -> QWidget:
        """The widget a user types into for this field (KeyError for an unknown key)."""
        return self._editors[key].input_widget

    def editor(self, key: str) -> FieldEditor:
        """The field's editor object, with ``value()`` and ``set_value()``."""
        return self._editors[key]
