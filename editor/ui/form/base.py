"""What every field editor shares: the context it is built in and the interface the form uses."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from editor.model.contacts import Contact
from editor.model.fields import FieldDef
from editor.model.language import is_swedish
from editor.model.levels import LevelSetRegistry
from editor.model.template import Template

if TYPE_CHECKING:
    from editor.ui.spelling import SpellingService

# Big enough for any real text; QLineEdit would otherwise cut a pasted text at 32767 characters.
MAX_LINE_LENGTH = 1_000_000


@dataclass(frozen=True)
class EditorContext:
    """What an editor may need beyond its own field: passed in, never reached for."""

    template: Template
    levels: LevelSetRegistry
    contacts: Callable[[], list[Contact]] | None = None
    add_contact: Callable[[Contact], Contact | None] | None = None  # "Add to contact book"
    spelling: SpellingService | None = None  # None: no underlines (the template editor's preview)

    @property
    def language(self) -> str:
        return self.template.language

    @property
    def locale(self) -> QLocale:
        return QLocale(self.template.language)

    @property
    def swedish(self) -> bool:
        return is_swedish(self.template.language)


class FieldEditor(QWidget):
    """The editor of one field: a value in the Python form ``parse_value`` produces.

    ``changed`` is only ever emitted by Qt, connected from a child's own signal, never by
    ``changed.emit()`` in Python: PySide6 6.12.0's ``SignalInstance.emit`` returns ``True``
    without a reference, so each Python call lowers True's reference count until the
    interpreter aborts ("bool_dealloc"), after a few thousand keystrokes.

    ``input_widget`` is the widget a user types into first (a QLineEdit, a QComboBox...): it
    carries the object name ``field_<key>``, the accessible name, and is the focus proxy, so
    focusing the editor focuses it and a label's buddy points at it.
    """

    changed = Signal()

    def __init__(
        self, field_def: FieldDef, context: EditorContext, parent: QWidget | None = None
    ) -> None:
        """Make child widgets in the order Tab should visit them: the tab order is creation
        order (a widget moved to another parent, or added later, needs ``setTabOrder``)."""
        super().__init__(parent)
        self.field_def = field_def
        self.context = context

    @property
    def input_widget(self) -> QWidget:
        return self

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def _adopt_input(self, widget: QWidget) -> None:
        """Name the main input after the field and let it take this editor's focus."""
        widget.setObjectName(f"field_{self.field_def.key}")
        widget.setAccessibleName(self.field_def.label)
        if widget is not self:
            self.setFocusProxy(widget)


AIR = 4  # pixels beyond a text's measured width, so that it is never cut


def fit_placeholder(edit: QLineEdit) -> None:
    """Never narrower than its placeholder: "Label (e.g. mobile)" was cut to "Label (e.g. m".

    The width is the line edit's own size hint with the placeholder in place of the 17 x's
    that hint is measured for (frame, margins and the style's padding), and a few pixels of
    air for the rounding of text widths. It is read without the style object, whose Python
    type (with a dozen enums) PySide makes at its first use, 10 ms before the first paint.
    """
    metrics = edit.fontMetrics()
    padding = edit.sizeHint().width() - 17 * metrics.horizontalAdvance("x")
    edit.setMinimumWidth(metrics.horizontalAdvance(edit.placeholderText()) + padding + AIR)


BAR_MARGINS = (12, 6, 12, 0)  # a bar above the form (embargo, level set): in line with the form


def tight_hbox(parent: QWidget | None = None, spacing: int = 6) -> QHBoxLayout:
    layout = QHBoxLayout(parent) if parent is not None else QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    return layout


def tight_vbox(parent: QWidget | None = None, spacing: int = 4) -> QVBoxLayout:
    layout = QVBoxLayout(parent) if parent is not None else QVBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    return layout


class WrappingLabel(QLabel):
    """A word-wrapped label that is never shorter than its text at the width it was given.

    A wrapped QLabel's height depends on its width (heightForWidth), which QFormLayout asks at
    one width and then, after the form re-lays out (a problem line shown in another row, the
    form made narrower), may lay the row out at another: the label kept the height of two
    lines for three lines of text and, centred in it, lost its first and last line. So each
    time its width changes, the label asks for the height its text needs there.
    """

    def setText(self, text: str) -> None:
        self.setMinimumHeight(0)  # the new text's own height, asked again at the next resize
        super().setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.wordWrap():
            needed = self.heightForWidth(self.width()) if self.text() else 0
            if needed != self.minimumHeight():
                self.setMinimumHeight(max(needed, 0))


def note_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A small grey line of plain text (help under a field, a level's explanation)."""
    label = WrappingLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
    label.setFont(font)
    palette = label.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    label.setPalette(palette)
    return label
