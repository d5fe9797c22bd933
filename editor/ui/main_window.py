"""The main window: the form on the left, the live preview on the right.

It arranges widgets and wires them together; the release itself lives in the
DocumentController, the file flows (new, open, save, export) in ``file_flows``.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from editor.errors import Problem
from editor.model.release import RELEASE_SUFFIX, Release
from editor.render.checks import EMBARGO_FIELD
from editor.render.context import REQUIRED
from editor.render.document import RenderedDocument
from editor.ui.actions import WindowActions
from editor.ui.autosave import AutosaveScheduler
from editor.ui.context import AppContext
from editor.ui.controller import DocumentController
from editor.ui.embargo_bar import EmbargoBar
from editor.ui.export_flow import ExportFlow
from editor.ui.file_flows import STATUS_MS, FileFlows
from editor.ui.form import FormWidget
from editor.ui.library_flows import LibraryFlows
from editor.ui.preview import PreviewPane
from editor.ui.recent_menu import RecentFilesMenu
from editor.ui.statistics import text_statistics


class MainWindow(QMainWindow):
    def __init__(
        self,
        context: AppContext,
        release: Release,
        path: str = "",
        modified: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setAcceptDrops(True)
        self.controller = DocumentController(release, self)
        self.preview = PreviewPane(self)
        self.preview.organisation = context.settings.organisation_name
        self.preview.levels = context.levels()
        self.preview.language = context.language
        self.form: FormWidget | None = None
        self._problems: dict[str, str] = {}
        self._headline = ""

        self.embargo_bar = EmbargoBar(self)
        self.form_pane = QWidget(self)
        self._form_layout = QVBoxLayout(self.form_pane)
        self._form_layout.setContentsMargins(0, 0, 0, 0)
        self._form_layout.setSpacing(0)
        self._form_layout.addWidget(self.embargo_bar)
        self._form_slot: QWidget = QWidget(self.form_pane)  # the form's place (_install_form)
        self._form_layout.addWidget(self._form_slot, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.form_pane)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.setCentralWidget(self.splitter)

        self.counts_label = QLabel(self)
        self.problems_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.problems_label)
        self.statusBar().addPermanentWidget(self.counts_label)

        self.autosave = AutosaveScheduler(
            self.controller,
            context.autosaver(),
            context.settings.autosave_seconds,
            self._autosave_title,
            self,
        )
        self.autosave.failed.connect(self._autosave_failed)
        self.files = FileFlows(self, context, self.controller, self.preview, self.autosave)
        self.exports = ExportFlow(self, context, self.preview)
        self.exports.status.connect(lambda text: self.statusBar().showMessage(text, STATUS_MS))
        self.library_flows = LibraryFlows(
            self, context, lambda: self.controller.release, self.preview
        )
        recent = RecentFilesMenu(lambda: context.settings.recent_files, self)
        self.window_actions = WindowActions(self, recent)
        self.window_actions.build_menus()
        self._connect()

        self.controller.load(release, path, modified)
        self._restore_layout()

    def _connect(self) -> None:
        a, files = self.window_actions, self.files
        a.new.triggered.connect(files.new_release)
        a.open.triggered.connect(lambda: files.open_release())
        a.recent.open_requested.connect(files.open_release)
        a.recent.clear_requested.connect(files.clear_recent)
        a.save.triggered.connect(files.save)
        a.save_as.triggered.connect(files.save_as)
        a.export.triggered.connect(self.exports.export)
        a.copy_formatted.triggered.connect(self.exports.copy_formatted)
        a.quit.triggered.connect(lambda: QApplication.closeAllWindows())
        for action, method in (
            (a.undo, "undo"), (a.redo, "redo"), (a.cut, "cut"), (a.copy, "copy"),
            (a.paste, "paste"),
        ):  # fmt: skip
            action.triggered.connect(lambda _=False, m=method: self._apply_to_focused(m))
        a.settings.triggered.connect(self.show_settings)
        a.show_formatted.triggered.connect(lambda: self.preview.tabs.setCurrentIndex(0))
        a.show_plain.triggered.connect(lambda: self.preview.tabs.setCurrentIndex(1))
        a.show_checks.triggered.connect(lambda: self.preview.show_tab(self.preview.checks))
        a.show_channels.triggered.connect(lambda: self.preview.show_tab(self.preview.channels))
        a.focus_form.triggered.connect(self.focus_form)
        a.focus_preview.triggered.connect(lambda: self.preview.tabs.currentWidget().setFocus())
        a.next_problem.triggered.connect(self.focus_next_problem)
        lf = self.library_flows
        a.new_template.triggered.connect(lf.new_template)
        a.edit_template.triggered.connect(lf.edit_template)
        a.save_as_template.triggered.connect(lf.save_as_template)
        a.manage_templates.triggered.connect(lf.manage_templates)
        a.import_template.triggered.connect(lf.import_template)
        a.contact_book.triggered.connect(lf.contact_book)
        a.level_sets.triggered.connect(lf.level_sets)
        lf.status.connect(lambda text: self.statusBar().showMessage(text, STATUS_MS))
        a.about.triggered.connect(self.show_about)
        a.about_qt.triggered.connect(lambda: QApplication.aboutQt())

        self.controller.replaced.connect(self._install_form)
        self.controller.modified_changed.connect(self.setWindowModified)
        self.controller.path_changed.connect(self._update_title)
        self.preview.rendered.connect(self._on_rendered)
        self.preview.checks.field_requested.connect(self.focus_finding)
        self.preview.channels.copied.connect(self._channel_copied)
        self.embargo_bar.changed.connect(self._on_embargo)
        files.status.connect(lambda text: self.statusBar().showMessage(text, STATUS_MS))

    def _install_form(self) -> None:
        template = self.controller.template
        form = FormWidget(
            template,
            self.controller.release.values,
            levels=self.context.levels(),
            contacts=self.context.contacts,
            add_contact=self.library_flows.add_contact,
        )
        form.values_changed.connect(self._on_edit)
        self._form_layout.replaceWidget(self._form_slot, form)
        self._form_slot.deleteLater()
        self._form_slot = form
        self.form = form
        self._problems = {}
        self.controller.bind_values(form.values)
        self.embargo_bar.set_language(template.language)
        self.embargo_bar.set_embargo(self.controller.release.embargo)
        self._update_title()
        self.preview.set_source(lambda: self.controller.release)

    def _on_edit(self) -> None:
        """Runs on every keystroke in the form: only flags and timers, no rendering, no disk."""
        self.controller.note_edit()
        self.preview.trigger_update()

    def _on_embargo(self, embargo: datetime | None) -> None:
        self.controller.set_embargo(embargo)
        self.preview.trigger_update()

    def focus_finding(self, key: str) -> None:
        """Move the keyboard focus to what a finding concerns: a field, or the embargo."""
        if key == EMBARGO_FIELD:
            self.embargo_bar.focus_control()
        elif self.form is not None:
            self.form.focus_field(key)

    def _channel_copied(self, channel: str) -> None:
        text = (
            self.tr("The SMS text is on the clipboard.")
            if channel == "sms"
            else self.tr("The social-media post is on the clipboard.")
        )
        self.statusBar().showMessage(text, STATUS_MS)

    def _on_rendered(self, doc: RenderedDocument) -> None:
        self._headline = doc.title
        problems = {p.field: self._problem_text(p) for p in doc.problems if p.field}
        if self.form is not None and problems != self._problems:
            self.form.set_problems(problems)  # restyles rows: only when the problems change
        self._problems = problems
        words, characters = text_statistics(doc)
        self.counts_label.setText(
            self.tr("Words: {words}   Characters: {characters}").format(
                words=words, characters=characters
            )
        )
        self.problems_label.setText(
            self.tr("Required fields to fill in: {count} (F8)").format(count=len(problems))
            if problems
            else ""
        )

    def _problem_text(self, problem: Problem) -> str:
        if problem.code == REQUIRED:
            return self.tr("This field must be filled in.")
        return problem.message

    def _update_title(self) -> None:
        name = self.controller.display_name(self.tr("Untitled"))
        self.setWindowTitle(f"{name}[*] — Pressklar")
        self.setWindowModified(self.controller.is_modified)

    def _autosave_title(self) -> str:
        return self._headline or self.controller.display_name(self.tr("Untitled"))

    def _autosave_failed(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Autosave failed: {message}").format(message=message))

    def _apply_to_focused(self, method: str) -> None:
        """Undo, redo, cut, copy, paste act on the field with the keyboard focus (the window's
        focus widget stays that field while a menu is open)."""
        widget = self.focusWidget()
        if widget is not None and callable(getattr(widget, method, None)):
            getattr(widget, method)()

    def focus_form(self) -> None:
        if self.form is not None:
            self.form.setFocus()
            self.form.focusNextChild()

    def focus_next_problem(self) -> None:
        self.preview.update_now()
        if not self._problems or self.form is None:
            return
        focused = self.focusWidget()
        keys = list(self._problems)
        current = next(
            (i for i, k in enumerate(keys) if _contains(self.form.field_editor(k), focused)), -1
        )
        self.form.focus_field(keys[(current + 1) % len(keys)])

    def show_about(self) -> None:
        from editor.ui.about_dialog import AboutDialog

        AboutDialog(self).exec()

    def show_settings(self) -> None:
        from editor.ui.settings_dialog import SettingsDialog

        settings, accepted = SettingsDialog.get_data(self, self.context.settings)
        if accepted and settings is not None:
            self.files.apply_settings(settings)
            self.autosave.set_delay(settings.autosave_seconds)
            self.preview.organisation = settings.organisation_name
            self.preview.trigger_update()

    def _restore_layout(self) -> None:
        settings = self.context.settings
        if not settings.window_geometry or not self.restoreGeometry(
            QByteArray.fromBase64(settings.window_geometry.encode("ascii"))
        ):
            screen = self.screen().availableGeometry()
            self.resize(min(1240, screen.width()), min(780, screen.height()))
        if not settings.splitter_state or not self.splitter.restoreState(
            QByteArray.fromBase64(settings.splitter_state.encode("ascii"))
        ):
            self.splitter.setSizes([520, 640])

    def _remember_layout(self) -> None:
        settings = self.context.settings
        settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        settings.splitter_state = bytes(self.splitter.saveState().toBase64().data()).decode("ascii")
        self.context.save_settings_quietly()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.keep_or_discard_changes():
            event.ignore()
            return
        self._remember_layout()
        self.autosave.close()
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_release(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_release(event)
        if path:
            event.acceptProposedAction()
            self.files.open_release(path)


def _dropped_release(event: QDragEnterEvent | QDropEvent) -> str:
    for url in event.mimeData().urls():
        if url.isLocalFile() and url.toLocalFile().endswith(RELEASE_SUFFIX):
            return url.toLocalFile()
    return ""


def _contains(parent: QWidget, widget: QWidget | None) -> bool:
    return widget is not None and (widget is parent or parent.isAncestorOf(widget))
