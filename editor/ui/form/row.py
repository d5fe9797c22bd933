"""One row of the form: a field's editor, its help line, its problem line and its marks."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from editor.model.fields import FieldDef
from editor.ui.form import wheel
from editor.ui.form.base import EditorContext, WrappingLabel, note_label, tight_hbox, tight_vbox
from editor.ui.form.registry import create_editor
from editor.ui.icon import problem_icon

if TYPE_CHECKING:
    from editor.ui.form.translate_mark import TranslateMark

PROBLEM_COLOUR = "#b3261e"
BAR_WIDTH = 3
PROBLEM_ICON_SIZE = 16  # logical pixels, as the style's small icons


def _paint_text(label: QLabel, colour: QColor) -> None:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    label.setPalette(palette)


def tab_stops(row: QWidget) -> list[QWidget]:
    """The widgets of a row that Tab visits, in the window's tab order (a row's widgets follow
    it in the chain: they are made after it, inside it)."""
    stops: list[QWidget] = []
    widget: QWidget | None = row.nextInFocusChain()
    while widget is not None and widget is not row and row.isAncestorOf(widget):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


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
        wheel.guard_made(editor)  # a row built after the window had the focus
        self.label: QLabel | None = None
        layout = tight_vbox(self, spacing=2)
        layout.addWidget(editor)
        self.help = note_label(field_def.help, self)
        self.help.setVisible(bool(field_def.help))
        self.help.setObjectName(f"help_{field_def.key}")
        layout.addWidget(self.help)
        # the problem line, made when the field first has a problem (most never do)
        self.problem: QWidget | None = None
        self.problem_text: WrappingLabel | None = None
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
            # a rectangle with no pen, not fillRect: its overloads make PySide create QGradient
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(PROBLEM_COLOUR))
            painter.drawRect(0, 0, BAR_WIDTH, self.height())
            painter.end()

    def _problem_line(self) -> tuple[QWidget, WrappingLabel]:
        """The problem line below the help line, made at its first use."""
        if self.problem is None or self.problem_text is None:
            problem = QWidget(self)
            problem_layout = tight_hbox(problem, spacing=4)
            icon = QLabel(problem)
            icon.setPixmap(problem_icon().pixmap(PROBLEM_ICON_SIZE, PROBLEM_ICON_SIZE))
            icon.setAlignment(Qt.AlignmentFlag.AlignTop)
            text = WrappingLabel(problem)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setWordWrap(True)
            text.setObjectName(f"problem_{self.field_def.key}")
            _paint_text(text, QColor(PROBLEM_COLOUR))
            problem_layout.addWidget(icon)
            problem_layout.addWidget(text, 1)
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.addWidget(problem)
            self.problem, self.problem_text = problem, text
        return self.problem, self.problem_text

    def set_problem(self, message: str | None) -> None:
        marked = bool(message)
        if not marked and self.problem is None:
            return  # no problem now, and none before
        problem, text = self._problem_line()
        text.setText(message or "")
        problem.setVisible(marked)
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
