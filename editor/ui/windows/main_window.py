"""The main window: the form on the left, the live preview on the right.

It arranges widgets and wires them together. The release and everything made from it live in
the window's ``ReleaseSession``; the form writes into it, the preview, the status bar and the
flows (new, open, save in ``file_flows``, export in ``export_flow``) observe it or ask it.
The settings, level sets and templates are the app's (``AppContext``): a change made in any
window reaches this one through ``context.events``.
"""

from __future__ import annotations

import os
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget
from shiboken6 import delete, isValid

from editor.errors import PressklarError, Problem
from editor.model.contacts import Contact
from editor.model.release import RELEASE_SUFFIX, Release
from editor.render.context import REQUIRED
from editor.render.document import EMBARGO_FIELD, RenderedDocument
from editor.render.session import RenderSettings
from editor.render.statistics import text_statistics
from editor.storage.settings import Settings
from editor.ui import qt_types, turns
from editor.ui.actions import WindowActions, WindowShortcuts
from editor.ui.app_events import app_events
from editor.ui.autosave import AutosaveScheduler
from editor.ui.context import AppContext
from editor.ui.flows.file_flows import STATUS_MS, FileFlows
from editor.ui.form import FormWidget
from editor.ui.panels.embargo_bar import EmbargoBar
from editor.ui.panels.incident_panel import IncidentPanel
from editor.ui.panels.level_set_bar import LevelSetBar
from editor.ui.panels.next_update import NextUpdateLabel
from editor.ui.panels.preview import PreviewPane
from editor.ui.panels.recent_menu import RecentFilesMenu
from editor.ui.screen_fit import resize_to_fit
from editor.ui.session import ReleaseSession, describe_open_elsewhere

if TYPE_CHECKING:  # each flow is made (and imported) when first used: start-up needs none
    from editor.ui.flows.export_flow import ExportFlow
    from editor.ui.flows.incident_flow import IncidentFlow
    from editor.ui.flows.library_flows import LibraryFlows
    from editor.ui.flows.newsroom_flow import NewsroomFlow
    from editor.ui.flows.print_flow import PrintFlow

CHECKS_WAIT_MS = 50  # how often an opened release's held checks look whether the window is done


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
        spelling = context.spelling()
        render_settings = RenderSettings(
            context.settings.organisation_name,
            context.levels(),
            context.language,
            spelling=spelling.speller,
        )
        self.session = ReleaseSession(release, render_settings, self)
        spelling.ready.connect(self.session.recheck)
        spelling.words_changed.connect(self.session.recheck)
        self.preview = PreviewPane(self.session, self)
        self.form: FormWidget | None = None
        self._problems: dict[str, str] = {}

        self.embargo_bar = EmbargoBar(self, lambda: self.session.release.values.get("release_date"))
        self.level_set_bar = LevelSetBar(self)
        self.form_pane = QWidget(self)
        self._form_layout = QVBoxLayout(self.form_pane)
        self._form_layout.setContentsMargins(0, 0, 0, 0)
        self._form_layout.setSpacing(0)
        self._form_layout.addWidget(self.embargo_bar)
        self._form_layout.addWidget(self.level_set_bar)
        self.incident_panel = IncidentPanel(self.session, self.form_pane)
        self._form_layout.addWidget(self.incident_panel)
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
        self.next_update_label = NextUpdateLabel(lambda: self.session.rendered_release, self)
        self.statusBar().addPermanentWidget(self.next_update_label)
        self.statusBar().addPermanentWidget(self.problems_label)
        self.statusBar().addPermanentWidget(self.counts_label)

        self.autosave = AutosaveScheduler(
            self.session,
            context.autosaver(),
            context.settings.autosave_seconds,
            self._autosave_title,
            self,
        )
        self.autosave.failed.connect(self._autosave_failed)
        self.files = FileFlows(self, context, self.session, self.autosave)
        self.exported_links = QLabel(self)
        self.exported_links.setObjectName("exportedLinks")
        self.exported_links.setTextFormat(Qt.TextFormat.RichText)
        self.exported_links.linkActivated.connect(self._open_exported)
        self.exported_links.hide()
        self.statusBar().addPermanentWidget(self.exported_links)
        self._exported = ""
        self.incident_panel.open_requested.connect(self.files.open_release)
        recent = RecentFilesMenu(lambda: context.settings.recent_files, self)
        self.window_actions = WindowActions(self, recent)
        self.window_actions.build_menus()
        self._shortcuts: WindowShortcuts | None = None  # once painted: see _guard_input
        self.preview.first_painted.connect(self._guard_input)
        self._connect()

        self._restore_layout()  # first: the form builds the rows this height shows at once
        self.load_marked(release, path, modified)
        self.session.hold_checks()
        self.preview.first_painted.connect(
            lambda: QTimer.singleShot(0, lambda: self.session.release_checks(pause=False))
        )
        self._checks_wait = QTimer(self)
        self._checks_wait.setInterval(CHECKS_WAIT_MS)
        self._checks_wait.timeout.connect(self._release_checks_once_built)
        self.session.replaced.connect(self._check_once_built)  # the releases opened later

    def load_marked(self, release: Release, path: str, modified: bool) -> None:
        """Load a release without asking (the window's first, or one recovered): marked as open
        here, or read only when another window or officer has the file open (the title and
        the status bar say so)."""
        if not path:
            self.session.load(release, path, modified)
            return
        from editor.storage.releases import claim_release

        try:
            lock, owner = claim_release(path)
        except PressklarError:
            lock, owner = None, None
        if lock is None and owner is not None:
            self.session.load(release, path, modified, open_elsewhere=owner)
            self.statusBar().showMessage(
                describe_open_elsewhere(Path(path).name, owner) + " " + self.tr("Read only.")
            )
        else:
            self.session.load(release, path, modified, lock=lock)

    def _connect(self) -> None:
        a, files = self.window_actions, self.files
        a.new.triggered.connect(files.new_release)
        a.open.triggered.connect(lambda: files.open_release())
        a.recent.open_requested.connect(files.open_release)
        a.recent.clear_requested.connect(files.clear_recent)
        a.save.triggered.connect(files.save)
        a.save_as.triggered.connect(files.save_as)
        a.export.triggered.connect(lambda: self.exports.export())
        a.publish_newsroom.triggered.connect(lambda: self.newsroom.publish())
        a.new_follow_up.triggered.connect(lambda: self.incidents.new_follow_up())
        a.language_copy.triggered.connect(lambda: self.incidents.new_language_copy())
        a.find_in_archive.triggered.connect(lambda: self.incidents.find_in_archive())
        a.exercise.triggered.connect(
            lambda checked: a.exercise.setChecked(self.incidents.set_exercise(checked))
        )
        a.copy_formatted.triggered.connect(lambda: self.exports.copy_formatted())
        a.print.triggered.connect(lambda: self.printing.print_release())
        a.print_preview.triggered.connect(lambda: self.printing.preview())
        a.quit.triggered.connect(lambda: QApplication.closeAllWindows())
        for action, method in (
            (a.undo, "undo"), (a.redo, "redo"), (a.cut, "cut"), (a.copy, "copy"),
            (a.paste, "paste"),
        ):  # fmt: skip
            action.triggered.connect(lambda _=False, m=method: self._apply_to_focused(m))
        a.settings.triggered.connect(self.show_settings)
        a.show_formatted.triggered.connect(self.preview.show_formatted)
        a.show_plain.triggered.connect(self.preview.show_plain_text)
        a.show_checks.triggered.connect(self.preview.show_checks)
        a.show_channels.triggered.connect(self.preview.show_channels)
        a.focus_form.triggered.connect(self.focus_form)
        a.focus_preview.triggered.connect(self.preview.focus_current_tab)
        a.next_problem.triggered.connect(self.focus_next_problem)
        a.new_template.triggered.connect(lambda: self.library_flows.new_template())
        a.edit_template.triggered.connect(lambda: self.library_flows.edit_template())
        a.save_as_template.triggered.connect(lambda: self.library_flows.save_as_template())
        a.manage_templates.triggered.connect(lambda: self.library_flows.manage_templates())
        a.import_template.triggered.connect(lambda: self.library_flows.import_template())
        a.contact_book.triggered.connect(lambda: self.library_flows.contact_book())
        a.level_sets.triggered.connect(lambda: self.library_flows.level_sets())
        a.about.triggered.connect(self.show_about)
        a.about_qt.triggered.connect(lambda: QApplication.aboutQt())

        self.session.replaced.connect(self._install_form)
        self.session.template_changed.connect(self._install_form)
        self.level_set_bar.changed.connect(
            lambda set_id: self.session.set_level_set(set_id, self.context.levels())
        )
        self.session.modified_changed.connect(self.setWindowModified)
        self.session.edited.connect(self.exported_links.hide)
        self.session.path_changed.connect(self._update_title)
        self.session.saved.connect(self._update_title)
        self.session.rendered.connect(self._on_rendered)
        self.preview.field_requested.connect(self.focus_finding)
        self.preview.channel_copied.connect(self._channel_copied)
        self.embargo_bar.changed.connect(self.session.set_embargo)
        files.status.connect(self._show_status)
        events = self.context.events
        events.settings_changed.connect(self._settings_changed)
        events.levels_changed.connect(self._levels_changed)

    @cached_property
    def exports(self) -> ExportFlow:
        from editor.ui.flows.export_flow import ExportFlow

        flow = ExportFlow(self, self.context, self.session)
        flow.status.connect(self._show_status)
        flow.exported.connect(self._show_exported)
        return flow

    @cached_property
    def newsroom(self) -> NewsroomFlow:
        from editor.ui.flows.newsroom_flow import NewsroomFlow

        flow = NewsroomFlow(self, self.context, self.session)
        flow.status.connect(self._show_status)
        flow.published.connect(self._show_exported)
        return flow

    @cached_property
    def library_flows(self) -> LibraryFlows:
        from editor.ui.flows.library_flows import LibraryFlows

        flow = LibraryFlows(self, self.context, self.session)
        flow.status.connect(self._show_status)
        return flow

    @cached_property
    def incidents(self) -> IncidentFlow:
        from editor.ui.flows.incident_flow import IncidentFlow

        flow = IncidentFlow(self, self.context, self.session, self.files.save)
        flow.status.connect(self._show_status)
        return flow

    @cached_property
    def printing(self) -> PrintFlow:
        from editor.ui.flows.print_flow import PrintFlow

        flow = PrintFlow(self, self.context, self.session)
        flow.status.connect(self._show_status)
        return flow

    def _add_contact(self, contact: Contact) -> Contact | None:
        return self.library_flows.add_contact(contact)

    def _guard_input(self) -> None:
        """Once the window has painted and Qt's Python classes are made (a slice a turn, see
        ``editor.ui.qt_types``: the filters' first event would make them all at once): the
        window's shortcuts before a field's editing keys, and the wheel that changes no value."""
        if not qt_types.make_some():
            QTimer.singleShot(0, self, self._guard_input)
            return
        events = app_events()
        if self._shortcuts is None and events is not None:
            self._shortcuts = WindowShortcuts(self, self.window_actions)
            events.add_shortcuts(self._shortcuts)

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MS)

    def _install_form(self) -> None:
        template = self.session.template
        old = self.form
        if old is not None and self.isVisible():  # the height the form shows now
            room = old.viewport().height()
        else:  # the window's first: before it is laid out, its height at most
            room = self.height() - self.menuBar().sizeHint().height()
        form = FormWidget(
            template,
            self.session.release.values,
            levels=self.context.levels(),
            contacts=self.context.contacts,
            add_contact=self._add_contact,
            spelling=self.context.spelling(),
            room=room,
        )
        form.values_changed.connect(self.session.note_edit)
        form.values_settled.connect(lambda: self._values_settled(form))
        self._form_layout.replaceWidget(self._form_slot, form)
        self._drop_later(self._form_slot)
        self._form_slot = form
        self.form = form
        self._problems = {}
        self.session.bind_values(form.values)
        self.window_actions.exercise.setChecked(self.session.release.exercise)
        self.embargo_bar.set_language(template.language)
        self.window_actions.show_language_copy_target(template.language)
        self.embargo_bar.set_embargo(self.session.release.embargo)
        self.level_set_bar.show_for(template, self.context.levels(), self.context.language)
        self._update_title()

    def _drop_later(self, old: QWidget) -> None:
        """The form another release replaced, hidden now and deleted in a later turn of its
        own (see ``editor.ui.turns``): deleting a long release's form takes a while, and the
        new form paints first."""
        old.blockSignals(True)  # what its rows still do meanwhile is no edit of the release
        old.hide()

        def drop() -> None:
            if not turns.my_turn():
                QTimer.singleShot(turns.AFTER_PAINT_MS, self, drop)
            elif isValid(old):
                delete(old)
                turns.slice_done()

        QTimer.singleShot(turns.AFTER_PAINT_MS, self, drop)

    def _check_once_built(self) -> None:
        """Another release opened: its checks run on a worker once the window has done its own
        work for it in slices, the form's later rows, the underlines and the preview (see
        ``ReleaseSession.hold_checks``)."""
        self.session.hold_checks()
        self._checks_wait.start()

    def _release_checks_once_built(self) -> None:
        form = self.form
        busy = form is not None and (not form.is_complete() or form.underlining())
        if not busy and not self.preview.filling():
            self._checks_wait.stop()
            self.session.release_checks()

    def _values_settled(self, form: FormWidget) -> None:
        """A row built after the first paint shows another value than the form reported for it
        (a required date it fills with today): the preview follows, the release unmodified."""
        if form is self.form:
            self.session.bind_values(form.values)
            self.session.trigger_update()

    def _settings_changed(self, settings: Settings) -> None:
        """Settings changed in this window or another: render and autosave by the new ones."""
        self.autosave.set_delay(settings.autosave_seconds)
        self.session.configure(organisation=settings.organisation_name)

    def _levels_changed(self) -> None:
        self.session.configure(levels=self.context.levels())

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

    def _show_exported(self, path: str) -> None:
        """ "Open" and "Show in folder" for the file just written, until the next edit."""
        self._exported = path
        opening, showing = self.tr("Open"), self.tr("Show in folder")
        self.exported_links.setText(
            f'<a href="open">{opening}</a> · <a href="folder">{showing}</a>'
        )
        self.exported_links.setToolTip(path)
        self.exported_links.show()

    def _open_exported(self, link: str) -> None:
        if not self._exported:
            return
        target = self._exported if link == "open" else os.path.dirname(self._exported)
        QDesktopServices.openUrl(QUrl.fromLocalFile(target))

    def show_next_update(self, now: datetime | None = None) -> None:
        self.next_update_label.refresh(now)

    def _on_rendered(self, doc: RenderedDocument) -> None:
        self.show_next_update()
        problems = {p.field: self._problem_text(p) for p in doc.problems if p.field}
        if self.form is not None and problems != self._problems:
            self.form.set_problems(problems)  # restyles rows: only when the problems change
        self._problems = problems
        rendered = self.session.rendered_release
        if self.form is not None and rendered is not None:  # a language copy's marks
            self.form.set_to_translate(set(rendered.to_translate()), self.session.mark_translated)
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
        name = self.session.display_name(self.tr("Untitled"))
        if self.session.read_only:
            name = self.tr("{name} (read only)").format(name=name)
        self.setWindowTitle(f"{name}[*] — Pressklar")
        self.setWindowModified(self.session.is_modified)

    def _autosave_title(self) -> str:
        return self.session.headline or self.session.display_name(self.tr("Untitled"))

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
        self.session.update_now()
        if not self._problems or self.form is None:
            return
        focused = self.focusWidget()
        keys = list(self._problems)
        current = next(
            (i for i, k in enumerate(keys) if _contains(self.form.field_editor(k), focused)), -1
        )
        self.form.focus_field(keys[(current + 1) % len(keys)])

    def show_about(self) -> None:
        from editor.ui.dialogs.about_dialog import AboutDialog

        AboutDialog(self).exec()

    def show_settings(self) -> None:
        from editor.ui.dialogs.settings_dialog import SettingsDialog

        settings, accepted = SettingsDialog.get_data(
            self, self.context.settings, self.context.levels()
        )
        if accepted and settings is not None:
            self.files.apply_settings(settings)

    def _restore_layout(self) -> None:
        settings = self.context.settings
        if not settings.window_geometry or not self.restoreGeometry(
            QByteArray.fromBase64(settings.window_geometry.encode("ascii"))
        ):
            resize_to_fit(self, 1240, 780)
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
        self.session.close()
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
