"""The form: one editor per template field, grouped as the template groups them, scrolling.

The rows that fit on the screen are built with the form; the rest follow one a turn of the event
loop once the form has painted (see ``FormWidget``), so a long template does not hold up the
window's first paint.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from editor.model.contacts import Contact
from editor.model.fields import FieldDef, FieldGroup, default_value
from editor.model.levels import LevelSetRegistry, default_registry
from editor.model.template import Template
from editor.ui import qt_types, turns
from editor.ui.form.base import EditorContext, FieldEditor, note_label
from editor.ui.form.row import FieldRow, tab_stops
from editor.ui.form.spell_check import SpellHighlighter
from editor.ui.spelling import SpellingService


def _plain_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


class FormWidget(QScrollArea):
    """The form generated from a template's fields.

    ``values_changed`` fires on every edit a user makes, never for ``set_values``; the window
    coalesces preview updates itself. ``values()`` gives the Python values exactly as
    ``editor.model.fields.parse_value`` produces them.

    Rows below the first screen are built after the form's first paint, one per turn of the
    event loop; until then ``values()`` reports the value given for such a field (or its
    default), and ``values_settled`` fires if a row, once built, shows another (a required date
    filled with today). ``finish_building`` builds the rest at once; every method that hands out
    a row's widgets calls it. ``completed`` fires once the last of them is built (never for a
    form that had none to build later: ``is_complete`` says so).
    """

    values_changed = Signal()
    values_settled = Signal()
    completed = Signal()  # the last row still to come has been built

    def __init__(
        self,
        template: Template,
        values: dict[str, Any],
        *,
        levels: LevelSetRegistry | None = None,
        contacts: Callable[[], list[Contact]] | None = None,
        add_contact: Callable[[Contact], Contact | None] | None = None,
        spelling: SpellingService | None = None,
        room: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``room``: the most height the form can show at once (the window's; by default the
        screen's): the rows beyond it are built after the first paint."""
        super().__init__(parent)
        self.template = template
        self._room = room
        self._editors: dict[str, FieldEditor] = {}
        self._rows: dict[str, FieldRow] = {}
        self._headings: dict[str, QLabel] = {}  # first field of a group -> the group's heading
        self._later: deque[tuple[int, FieldGroup, FieldDef | None]] = deque()  # rows to build
        self._unbuilt_values: dict[str, Any] = {}  # given by set_values for rows not yet built
        self._problems: dict[str, str] = {}
        self._marks: tuple[set[str], Callable[[str], None]] | None = None
        self._settled_differently = False
        self.setObjectName("form")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab visits fields, which scroll into view
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        registry = levels if levels is not None else default_registry()
        context = EditorContext(template, registry, contacts, add_contact, spelling)
        self.setWidget(self._build(context))
        if self._later:  # the rows to come will need it: the first rows wrap once, not twice
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
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
                self._later.append((index, group, None))
            self._later.extend((index, group, field_def) for field_def in group.fields)
        self._form, self._context, self._page = form, context, page
        screen = self.screen()
        room = self._room
        if room is None and screen is not None:
            room = screen.availableGeometry().height()
        notes = page.findChildren(QLabel)  # above the fields
        used = layout.contentsMargins().top()
        used += sum(note.sizeHint().height() + layout.spacing() for note in notes)
        while self._later and (room is None or used <= room):
            used += self._build_next()
        rows = list(self._rows.values())
        stops = tab_stops(rows[-1]) if rows else []
        self._tab_tail: QWidget | None = stops[-1] if stops else None
        layout.addLayout(form)
        layout.addStretch(1)
        if self._later:
            page.installEventFilter(self)
        return page

    def _build_next(self) -> int:
        """Build the next heading or row; at least the height it takes (labels above their
        field would take more: the estimate errs on the side of building too much at once)."""
        index, group, field_def = self._later.popleft()
        form, page = self._form, self._page
        if field_def is None:
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
            return heading.sizeHint().height() + form.verticalSpacing()
        row = self._add_field(form, field_def, self._context, page)
        label_height = row.label.sizeHint().height() if row.label is not None else 0
        return max(row.sizeHint().height(), label_height) + form.verticalSpacing()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The form's first paint starts building the rows below the first screen."""
        if watched is self._page and event.type() == QEvent.Type.Paint:
            self._page.removeEventFilter(self)
            QTimer.singleShot(0, self, self._build_later)
        return super().eventFilter(watched, event)

    def _build_later(self) -> None:
        # a turn makes Qt's Python classes until they are all made, then builds a row; it
        # waits while another slice ran in this turn (see editor.ui.turns), as they wait for it
        if self._later and turns.my_turn():
            if qt_types.make_some():  # see editor.ui.qt_types
                self._build_one_later()
            turns.slice_done()
        if self._later:
            QTimer.singleShot(0, self, self._build_later)

    def _build_one_later(self) -> None:
        """A row below the first screen, in its place in the tab order."""
        built, made = set(self._rows), len(self._page.children())
        self._build_next()
        for key in self._rows.keys() - built:
            self._adopt_row(key)
        if self._page.isVisible():  # shown now, not a turn later as a layout would
            for child in self._page.children()[made:]:
                hidden = isinstance(child, QWidget) and child.testAttribute(
                    Qt.WidgetAttribute.WA_WState_ExplicitShowHide
                )
                if isinstance(child, QWidget) and not hidden:
                    child.show()
            self._grow_page()
        if not self._later and self._settled_differently:
            self._settled_differently = False
            self.values_settled.emit()
        if not self._later:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            self.completed.emit()

    def _grow_page(self) -> None:
        """The page as tall as its rows need at its width, now: the scroll area would make it so
        only after the page's layout had set the rows in the old height, squeezing every row
        (fields half their height, help lines cut) for as long as rows are being added."""
        page = self._page
        needed = page.heightForWidth(page.width())
        if needed > page.height():
            page.resize(page.width(), needed)

    def _adopt_row(self, key: str) -> None:
        """A row built late: it shows the value, problem and mark it would have had, and Tab
        reaches it right after the row above (a widget made late joins the window's tab chain
        at its end)."""
        row, editor = self._rows[key], self._editors[key]
        given = key in self._unbuilt_values
        reported = self._unbuilt_values.pop(key) if given else default_value(row.field_def)
        if given:
            blocked = editor.blockSignals(True)
            try:
                editor.set_value(reported)
            finally:
                editor.blockSignals(blocked)
        if editor.value() != reported:
            self._settled_differently = True
        if self._problems.get(key):
            row.set_problem(self._problems[key])
        if self._marks is not None:
            row.set_to_translate(key in self._marks[0], self._marks[1])
        previous = self._tab_tail
        for widget in tab_stops(row):
            if previous is not None:
                QWidget.setTabOrder(previous, widget)
            previous = widget
        self._tab_tail = previous

    def finish_building(self) -> None:
        """Build every row still to come, now."""
        while self._later:
            self._build_one_later()

    def is_complete(self) -> bool:
        """True once every row exists."""
        return not self._later

    def underlining(self) -> bool:
        """True while a field's text is still being underlined in slices (a long text just
        given, a dictionary just loaded)."""
        return any(h.underlining() for h in self.findChildren(SpellHighlighter))

    def _add_field(
        self, form: QFormLayout, field_def: FieldDef, context: EditorContext, page: QWidget
    ) -> FieldRow:
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
        return row

    def values(self) -> dict[str, Any]:
        if not self._later:
            return {key: editor.value() for key, editor in self._editors.items()}
        values = {}
        for field_def in self.template.fields:
            key = field_def.key
            editor = self._editors.get(key)
            if editor is not None:
                values[key] = editor.value()
            elif key not in values:
                values[key] = self._unbuilt_values.get(key, default_value(field_def))
        return values

    def set_values(self, values: dict[str, Any]) -> None:
        """Show these values; fields not named keep theirs. Emits nothing."""
        for key, value in values.items():
            editor = self._editors.get(key)
            if editor is None:
                self._unbuilt_values[key] = value
                continue
            blocked = editor.blockSignals(True)
            try:
                editor.set_value(value)
            finally:
                editor.blockSignals(blocked)

    def set_problems(self, problems: dict[str, str]) -> None:
        self._problems = dict(problems)
        for key, row in self._rows.items():
            row.set_problem(problems.get(key))

    def set_to_translate(self, keys: set[str], kept: Callable[[str], None]) -> None:
        """Mark these fields "To translate" (a language copy's copied text) and no others;
        ``kept(key)`` when the officer keeps a field's text as it is. (A callback, not a
        signal: see ``FieldEditor`` on signals emitted from Python.)"""
        self._marks = (set(keys), kept)
        for key, row in self._rows.items():
            row.set_to_translate(key in keys, kept)

    def to_translate(self) -> set[str]:
        """The fields that show the mark now (or will, once their row is built)."""
        shown = {
            key
            for key, row in self._rows.items()
            if row.translate_mark is not None and not row.translate_mark.isHidden()
        }
        marked = self._marks[0] if self._marks is not None else set()
        return shown | {key for key in marked if key not in self._rows}

    def focus_field(self, key: str) -> None:
        self.finish_building()
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
        self.finish_building()
        return self._editors[key].input_widget

    def editor(self, key: str) -> FieldEditor:
        """The field's editor object, with ``value()`` and ``set_value()``."""
        self.finish_building()
        return self._editors[key]
