"""The template editor: a window of its own with the field table, the body, the problems and a
preview with sample values.

Every edit restarts a short timer; when it fires, the draft is built and checked
(``validation.check_draft``), the problem lines are marked and the preview is redrawn. Saving
goes through ``editor.storage.template_io`` (validated, atomic). Built-in templates open read
only, with "Duplicate to edit".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.errors import PressklarError
from editor.model.fields import KEY_PATTERN
from editor.model.levels import LevelSetRegistry
from editor.model.release import Release
from editor.model.samples import starter_template
from editor.model.template import Template
from editor.render.body_keys import lines_using_key
from editor.render.template_draft import (
    DraftCheck,
    EditorProblem,
    TemplateDraft,
    check_draft,
)
from editor.storage.level_sets import level_registry
from editor.storage.library import BUILTIN, ORGANISATION, USER
from editor.storage.paths import Paths
from editor.storage.settings import Settings
from editor.storage.template_io import check_name_free, duplicate_template, export_template
from editor.ui.dialogs import messages
from editor.ui.dialogs.save_as_template import SaveAsTemplateDialog, problem_details
from editor.ui.panels.preview import BANNER_STYLE
from editor.ui.screen_fit import resize_to_fit
from editor.ui.template_editor.code_editor import CodeEditor
from editor.ui.template_editor.field_model import FieldRow, FieldTableModel
from editor.ui.template_editor.field_table import FieldTable
from editor.ui.template_editor.header import TemplateHeader
from editor.ui.template_editor.highlighter import TemplateHighlighter
from editor.ui.template_editor.level_names import LevelNames
from editor.ui.template_editor.panels import InsertList, SamplePreview, ValidationPanel

CHECK_DELAY_MS = 300


class TemplateEditorWindow(QMainWindow):
    saved = Signal(object)  # Template, with source and path, after every save
    library_changed = Signal()  # a template was added to the library (saved, duplicated)

    def __init__(
        self,
        paths: Paths,
        settings: Settings,
        template: Template | None = None,
        levels: LevelSetRegistry | None = None,
        language: str = "sv",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.settings = settings
        self.levels = levels if levels is not None else level_registry(paths)
        self._template: Template | None = None  # as last loaded or saved
        self._renamed: dict[str, str] = {}  # old key -> new key, where the body kept the old
        self._loading = False
        resize_to_fit(self, 1280, 860)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)

        self.header = TemplateHeader(self.levels, settings.ui_language or language, self)
        self.header.edited.connect(self._on_edit)
        self.header.duplicate_requested.connect(self.duplicate_to_edit)
        # the header's widgets, by the names the window's users (and tests) know
        self.notice = self.header.notice
        self.duplicate_button = self.header.duplicate_button
        self.name_edit = self.header.name_edit
        self.description_edit = self.header.description_edit
        self.model = FieldTableModel(parent=self)
        self.model.level_names = LevelNames(self.levels, settings.ui_language or language)
        self.fields = FieldTable(self.model, self)
        self.editor = CodeEditor(self)
        self.editor.setObjectName("templateBody")
        self.highlighter = TemplateHighlighter(self.editor.document())
        self.problems = ValidationPanel(self)
        self.insert_list = InsertList(self)
        self.preview = SamplePreview(self)
        self._build_layout()
        self._build_actions()

        self.model.edited.connect(self._on_edit)
        self.model.key_renamed.connect(self._on_key_renamed)
        self.editor.textChanged.connect(self._on_edit)
        self.problems.problem_chosen.connect(self.go_to_problem)
        self.insert_list.insert_requested.connect(self.insert)
        self.load(template or starter_template(language))

    def _build_layout(self) -> None:
        fields_box = QWidget(self)
        fields_layout = QVBoxLayout(fields_box)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(QLabel(self.tr("Fields"), fields_box))
        fields_layout.addWidget(self.fields)

        body_box = QWidget(self)
        body_layout = QVBoxLayout(body_box)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_label = QLabel(self.tr("&Body (Jinja and Markdown)"), body_box)
        body_label.setBuddy(self.editor)
        body_layout.addWidget(body_label)
        body_layout.addWidget(self.editor)
        self.rename_note = QLabel(body_box)
        self.rename_note.setWordWrap(True)
        self.rename_note.setStyleSheet(BANNER_STYLE)
        self.rename_note.hide()
        body_layout.addWidget(self.rename_note)

        insert_box, _ = self._titled(self.tr("Insert"), self.insert_list)
        preview_box, _ = self._titled(self.tr("Preview with sample values"), self.preview)
        problems_box, self.problems_title = self._titled(self.tr("Problems"), self.problems)
        editing = QSplitter(Qt.Orientation.Vertical, self)
        editing.addWidget(body_box)
        editing.addWidget(problems_box)
        editing.setStretchFactor(0, 4)
        editing.setStretchFactor(1, 1)
        editing.setSizes([420, 130])
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(editing)
        lower.addWidget(insert_box)
        lower.addWidget(preview_box)
        lower.setSizes([560, 170, 520])
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(fields_box)
        self.splitter.addWidget(lower)
        self.splitter.setSizes([260, 560])
        self.splitter.setChildrenCollapsible(False)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def _titled(self, title: str, widget: QWidget) -> tuple[QWidget, QLabel]:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(title, box)
        label.setBuddy(widget)
        layout.addWidget(label)
        layout.addWidget(widget)
        return box, label

    def _build_actions(self) -> None:
        self.save_action = QAction(self.tr("&Save"), self)
        self.save_action.setShortcuts(QKeySequence.StandardKey.Save)
        self.save_action.setToolTip(self.tr("Save the template"))
        self.save_action.triggered.connect(self.save)
        self.save_as_action = QAction(self.tr("Save &As…"), self)
        self.save_as_action.setShortcuts(QKeySequence.StandardKey.SaveAs)
        self.save_as_action.setToolTip(self.tr("Save a copy of the template under a new name"))
        self.save_as_action.triggered.connect(self.save_as)
        self.close_action = QAction(self.tr("&Close"), self)
        self.close_action.setShortcuts(QKeySequence.StandardKey.Close)
        self.close_action.triggered.connect(self.close)
        menu = self.menuBar().addMenu(self.tr("&Template"))
        menu.addActions([self.save_action, self.save_as_action])
        menu.addSeparator()
        menu.addAction(self.close_action)
        toolbar = self.addToolBar(self.tr("Template"))
        toolbar.setObjectName("templateToolbar")
        toolbar.setMovable(False)
        toolbar.addActions([self.save_action, self.save_as_action])

    @property
    def template(self) -> Template | None:
        """The template as last loaded or saved (with its source and path)."""
        return self._template

    @property
    def read_only(self) -> bool:
        return self._template is not None and self._template.source == BUILTIN

    def load(self, template: Template) -> None:
        self._loading = True
        try:
            self._template = template
            self._renamed = {}
            self.header.show_template(template)
            self.model.set_template_level_set(template.level_set)
            self.model.set_rows([FieldRow.from_field(f) for f in template.fields])
            self.editor.setPlainText(template.body)
            self.editor.document().clearUndoRedoStacks()
        finally:
            self._loading = False
        self._apply_read_only()
        self.setWindowModified(False)
        self._update_title()
        self.check_now()

    def _apply_read_only(self) -> None:
        read_only = self.read_only
        self.header.set_read_only(read_only, self._template.name if self._template else "")
        self.fields.set_read_only(read_only)
        self.editor.setReadOnly(read_only)
        self.insert_list.setEnabled(not read_only)
        self.save_action.setEnabled(not read_only)

    def _update_title(self) -> None:
        name = self.name_edit.text().strip() or self.tr("New template")
        self.setWindowTitle(self.tr("{name}[*] — Template editor").format(name=name))

    def _on_edit(self, *_: object) -> None:
        if self._loading:
            return
        self.setWindowModified(True)
        self.model.set_template_level_set(self.header.level_set())
        self._update_title()
        self._refresh_keys()
        self._timer.start()

    def _refresh_keys(self) -> None:
        self.insert_list.set_keys([(row.key, row.label) for row in self.model.rows()])

    def draft(self) -> TemplateDraft:
        return TemplateDraft(
            name=self.header.name(),
            language=self.header.language(),
            description=self.header.description(),
            level_set=self.header.level_set(),
            fields=self.model.field_dicts(),
            body=self.editor.toPlainText(),
            base=self._template,
        )

    def check_now(self) -> DraftCheck:
        """Build and check the draft at once, mark its problems and redraw the preview."""
        self._timer.stop()
        check = check_draft(self.draft(), self.levels, self._renamed)
        problems = check.problems
        self.problems.set_problems(problems, self.model.field_names())
        errors = sum(1 for p in problems if not p.warning)
        self.problems_title.setText(
            self.tr("Problems: {count}").format(count=len(problems))
            if problems
            else self.tr("No problems")
        )
        self.editor.set_problem_lines({p.line for p in problems if p.line is not None})
        self._update_rename_note()
        self._refresh_keys()
        self.preview.show_template(check.preview, self.levels)
        self.save_as_action.setEnabled(errors == 0 or self.read_only)
        return check

    def go_to_problem(self, problem: EditorProblem) -> None:
        if problem.line is not None:
            self.editor.go_to_line(problem.line)
        elif problem.row is not None:
            self.fields.select_row(problem.row)
            self.fields.view.setFocus()
        elif problem.header and not self.header.focus_setting(problem.header):
            self.editor.setFocus()  # "body", the one setting that is not in the header

    def insert(self, kind: str, name: str) -> None:
        """Insert a field key or a filter at the cursor: bare inside ``{{ }}``, else wrapped."""
        if self.editor.isReadOnly():
            return
        before = self.editor.text_before_cursor()
        inside = before.rfind("{{") > before.rfind("}}") or before.rfind("{%") > before.rfind("%}")
        cursor = self.editor.textCursor()
        if kind == "filter":
            text = f"|{name}" if inside else f"{{{{ |{name} }}}}"
            back = 0 if inside else len(f"|{name} }}}}")
        else:
            text = name if inside else f"{{{{ {name} }}}}"
            back = 0
        cursor.insertText(text)
        if back:
            cursor.movePosition(QTextCursor.MoveOperation.Left, n=back)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def _on_key_renamed(self, old: str, new: str) -> None:
        for earlier, renamed_to in list(self._renamed.items()):
            if renamed_to == old:
                self._renamed[earlier] = new
        if self._loading or not old:
            return
        body = self.editor.toPlainText()
        lines = lines_using_key(body, old)
        if not lines:
            return
        usable = KEY_PATTERN.match(new) is not None and self.model.field_keys().count(new) == 1
        if usable and old not in self.model.field_keys():
            answer = messages.question(
                self,
                self.tr("Rename in the body?"),
                self.tr(
                    "The body uses “{old}” on line {lines}. Rename it to “{new}” there too?"
                ).format(old=old, new=new, lines=", ".join(map(str, lines))),
            )
            if answer == messages.Button.Yes:
                self.rename_in_body(old, new)
                return
        self._renamed[old] = new
        self._timer.start()

    def rename_in_body(self, old: str, new: str) -> int:
        count = self.editor.rename_key(old, new)
        self._renamed.pop(old, None)
        return count

    def _update_rename_note(self) -> None:
        body = self.editor.toPlainText()
        keys = self.model.field_keys()
        notes = []
        for old, new in self._renamed.items():
            lines = lines_using_key(body, old)
            if lines and old not in keys:
                note = self.tr(
                    "Lines {lines} still use the old key “{old}” (the field is now “{new}”)."
                )
                notes.append(note.format(lines=", ".join(map(str, lines)), old=old, new=new))
        self.rename_note.setText("\n".join(notes))
        self.rename_note.setVisible(bool(notes))

    def _library_path(self) -> str:
        template = self._template
        if template is None or template.source not in (USER, ORGANISATION) or not template.path:
            return ""
        return template.path

    def _checked_for_saving(self) -> Template | None:
        check = self.check_now()
        template = check.template
        errors = [p for p in check.problems if not p.warning]
        if template is None or errors:
            names = self.model.field_names()
            messages.error(
                self,
                self.tr("The template has problems"),
                self.tr("Fix the problems listed under the body before saving."),
                "\n".join(self.problems.describe(p, names) for p in errors[:12]),
            )
            return None
        return template

    def save(self) -> bool:
        if self.read_only:
            return False
        path = self._library_path()
        if not path:
            return self.save_as()
        template = self._checked_for_saving()
        if template is None:
            return False
        assert self._template is not None
        try:
            check_name_free(template, path, self._template.source)
            export_template(template, path)
        except PressklarError as error:
            messages.error(
                self,
                self.tr("Could not save the template"),
                error.text(),
                self.tr("Your changes are still here. Try Save As."),
            )
            return False
        self._saved(template.with_source(self._template.source, path))
        return True

    def save_as(self) -> bool:
        template = self._checked_for_saving()
        if template is None:
            return False
        saved, accepted = SaveAsTemplateDialog.get_data(
            self,
            Release.new(template),
            self.paths,
            self.settings.organisation_folder,
            offer_defaults=False,
        )
        if not accepted or saved is None:
            return False
        self._saved(saved)
        return True

    def _saved(self, template: Template) -> None:
        renamed = dict(self._renamed)
        self.load(template)
        self._renamed = renamed
        self.check_now()
        self.saved.emit(template)
        self.library_changed.emit()

    def duplicate_to_edit(self) -> None:
        if self._template is None:
            return
        try:
            copy = duplicate_template(self._template, self.paths.templates)
        except PressklarError as error:
            messages.error(
                self, self.tr("Could not duplicate the template"), problem_details(error)
            )
            return
        self.load(copy)
        self.library_changed.emit()
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isWindowModified() and not self.read_only:
            name = self.name_edit.text().strip() or self.tr("New template")
            answer = messages.ask_save_changes(self, name)
            if answer == messages.Button.Cancel or (
                answer == messages.Button.Save and not self.save()
            ):
                event.ignore()
                return
        self._timer.stop()
        event.accept()
