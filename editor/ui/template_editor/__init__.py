"""The template editor window (see ``window.TemplateEditorWindow``)."""

from editor.model.samples import starter_template
from editor.ui.template_editor.window import TemplateEditorWindow

__all__ = ["TemplateEditorWindow", "starter_template"]
