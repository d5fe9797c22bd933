"""Which editor edits which field type: the form is built from this table and the template."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from editor.model.fields import FieldDef, FieldType
from editor.ui.form.base import EditorContext, FieldEditor
from editor.ui.form.contact import ContactEditor
from editor.ui.form.paragraphs import ParagraphEditor
from editor.ui.form.quote import QuoteEditor
from editor.ui.form.simple import ChoiceEditor, LevelEditor, TextEditor, YesNoEditor
from editor.ui.form.temporal import DateEditor, DateTimeEditor, TimeEditor
from editor.ui.form.timeline import TimelineEditor

EDITORS: dict[FieldType, type[FieldEditor]] = {
    FieldType.TEXT: TextEditor,
    FieldType.PARAGRAPHS: ParagraphEditor,
    FieldType.DATE: DateEditor,
    FieldType.TIME: TimeEditor,
    FieldType.DATETIME: DateTimeEditor,
    FieldType.CHOICE: ChoiceEditor,
    FieldType.LEVEL: LevelEditor,
    FieldType.CONTACT: ContactEditor,
    FieldType.TIMELINE: TimelineEditor,
    FieldType.YESNO: YesNoEditor,
    FieldType.QUOTE: QuoteEditor,
}


def create_editor(
    field_def: FieldDef, context: EditorContext, parent: QWidget | None = None
) -> FieldEditor:
    """The editor for one field; an unknown type gets a line of text rather than a crash."""
    editor_class = EDITORS.get(field_def.type, TextEditor)
    return editor_class(field_def, context, parent)
