"""Which editor edits which field type: the form is built from this table and the template.

Each editor's module is imported when a form first needs that type, so a window whose template
has five field types does not import the other editors (and their widgets) to start."""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QWidget

from editor.model.fields import FieldDef, FieldType
from editor.ui.form.base import EditorContext, FieldEditor

EDITORS: dict[FieldType, tuple[str, str]] = {  # module under editor.ui.form, class
    FieldType.TEXT: ("simple", "TextEditor"),
    FieldType.PARAGRAPHS: ("paragraphs", "ParagraphEditor"),
    FieldType.DATE: ("temporal", "DateEditor"),
    FieldType.TIME: ("temporal", "TimeEditor"),
    FieldType.DATETIME: ("temporal", "DateTimeEditor"),
    FieldType.CHOICE: ("simple", "ChoiceEditor"),
    FieldType.LEVEL: ("simple", "LevelEditor"),
    FieldType.CONTACT: ("contact", "ContactEditor"),
    FieldType.TIMELINE: ("timeline", "TimelineEditor"),
    FieldType.YESNO: ("simple", "YesNoEditor"),
    FieldType.QUOTE: ("quote", "QuoteEditor"),
}


def editor_class(field_type: FieldType) -> type[FieldEditor]:
    """The editor class of a field type; an unknown type gets a line of text."""
    module, name = EDITORS.get(field_type, EDITORS[FieldType.TEXT])
    found: type[FieldEditor] = getattr(importlib.import_module(f"editor.ui.form.{module}"), name)
    return found


def create_editor(
    field_def: FieldDef, context: EditorContext, parent: QWidget | None = None
) -> FieldEditor:
    """The editor for one field; an unknown type gets a line of text rather than a crash."""
    return editor_class(field_def.type)(field_def, context, parent)
