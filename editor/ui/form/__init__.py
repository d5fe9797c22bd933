"""The form generated from a template's fields (see ``FormWidget``)."""

from editor.ui.form.widget import FormWidget

__all__ = ["FormWidget"]
