"""The release open in one window: its values, its file, whether it has unsaved changes, and the
pipeline that turns it into the rendered document, its findings and its short versions.

One object per open release. Widgets observe it by signals and ask it for what they show; none
of them renders, and none reaches into another. While the user types, the form is the source of
truth: an edit only marks the release stale and modified and starts a timer (cheap: it runs on
every keystroke). Renders are coalesced the way ReText's ``triggerPreviewUpdate`` does it: a
burst of keystrokes renders once, a steady typist sees the preview follow every ~80 ms. The
checks run on the document that render made, never a second render: at once when a release is
opened, and once typing pauses while it is edited (``flush_checks`` runs them at once, before an
export reads them). What is stale and what is made from what lives in the Qt-free
``editor.render.session``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from editor.errors import PressklarError, StorageError
from editor.model.incident import IncidentLink
from editor.model.level_choice import release_in_level_set
from editor.model.levels import LevelSetRegistry
from editor.model.release import RELEASE_SUFFIX, Release
from editor.model.template import Template
from editor.render.document import RenderedDocument
from editor.render.session import RenderSession, RenderSettings
from editor.storage.locks import HeldLock, Owner
from editor.storage.releases import claim_release, open_elsewhere, save_release
from editor.ui.gc_guard import before_a_worker_starts

if TYPE_CHECKING:
    from editor.render.checks import Finding
    from editor.render.short import ShortText
    from editor.render.writers.html import PageParts

ValuesSource = Callable[[], dict[str, Any]]


RENDER_DELAY_MS = 80
CHECKS_DELAY_MS = 200  # the checks follow once typing pauses, after the preview has painted


def describe_open_elsewhere(name: str, owner: Owner | None) -> str:
    """ "NAME is open on HOST by USER since 14.05", in the UI's language."""
    return open_elsewhere(name, owner).text()


class ReleaseSession(QObject):
    replaced = Signal()  # another release was loaded: the form must be rebuilt
    edited = Signal()  # the user changed a value
    template_changed = Signal()  # the same release, its template changed (its level set)
    modified_changed = Signal(bool)
    path_changed = Signal(str)
    saved = Signal(str)  # the path written
    rendered = Signal(object)  # RenderedDocument, after every good render
    failed = Signal(object)  # PressklarError, when the template cannot be rendered
    findings_changed = Signal(object)  # list[Finding] of the latest good render
    incident_changed = Signal()  # the release was given a place in an incident
    _checked = Signal(int, object)  # a ticket and the findings a worker made for it

    def __init__(
        self,
        release: Release,
        settings: RenderSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._release = release
        self._path = ""
        self._modified = False
        self._open_lock: HeldLock | None = None  # marks self._path as open in this window
        self._open_elsewhere: Owner | None = None  # read only: who has the file open
        self._values_stale = False
        self._values_source: ValuesSource | None = None
        # What the file on disk says of the embargo and exercise mode (None: unknown, as for a
        # recovered autosave), and whether a value was edited since: turning the embargo on
        # and off again, with nothing else changed, leaves the release unmodified.
        self._clean: tuple[datetime | None, bool] | None = (release.embargo, release.exercise)
        self._values_edited = False
        self._pipeline = RenderSession(lambda: self.release, settings)
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(RENDER_DELAY_MS)
        self._render_timer.timeout.connect(self.update_now)
        self._checks_due = False
        self._checks_held = False  # hold_checks: the due checks wait for release_checks
        self._checks_timer = QTimer(self)
        self._checks_timer.setSingleShot(True)
        self._checks_timer.setInterval(CHECKS_DELAY_MS)
        self._checks_timer.timeout.connect(self.check_in_background)
        self._pending: int | None = None  # the ticket of the checks a worker is making
        self._checked.connect(self._keep_checked)  # queued: emitted on the worker

    # -- the release and its file --------------------------------------------------------

    def bind_values(self, source: ValuesSource | None) -> None:
        """Where the current values come from (the form's ``values``). They are read from it at
        the next use, so the preview shows what the form shows (a required date the form fills
        with today, say) without the release counting as modified."""
        self._values_source = source
        self._values_stale = source is not None

    @property
    def release(self) -> Release:
        """The release with the values as they stand now."""
        if self._values_stale and self._values_source is not None:
            self._release = self._release.with_values(self._values_source())
        self._values_stale = False
        return self._release

    @property
    def template(self) -> Template:
        return self._release.template

    @property
    def path(self) -> str:
        return self._path

    @property
    def is_modified(self) -> bool:
        return self._modified

    def display_name(self, untitled: str) -> str:
        """The file name, or ``untitled`` plus the release suffix for a release never saved."""
        return Path(self._path).name if self._path else untitled + RELEASE_SUFFIX

    def note_edit(self) -> None:
        """A value changed in the form: stale, modified, rendered when the timer fires."""
        self._values_edited = True
        self._values_stale = True
        self._set_modified(True)
        self.edited.emit()
        self.trigger_update()

    def _note_setting(self) -> None:
        """The embargo or exercise mode changed: an edit, unless it is back as saved."""
        back = (
            not self._values_edited
            and self._clean is not None
            and self._clean == (self._release.embargo, self._release.exercise)
        )
        self._set_modified(not back)
        self.edited.emit()
        self.trigger_update()

    def set_embargo(self, embargo: datetime | None) -> None:
        """A new embargo (None: none) is an edit like any other: modified, autosaved."""
        if embargo == self._release.embargo:
            return
        self._release = self.release.with_embargo(embargo)
        self._note_setting()

    def set_level_set(self, set_id: str, levels: LevelSetRegistry) -> None:
        """The release speaks in another level set: the form is rebuilt, an edit."""
        changed = release_in_level_set(self.release, set_id, levels)
        if changed is self._release:
            return
        self._release = changed
        self.template_changed.emit()
        self.note_edit()

    @property
    def read_only(self) -> bool:
        """Opened while another window or officer has the file open: Save writes elsewhere."""
        return self._open_elsewhere is not None

    @property
    def open_elsewhere(self) -> Owner | None:
        """Who has the file open, for a release opened read only."""
        return self._open_elsewhere

    def set_exercise(self, exercise: bool) -> None:
        """Mark the release as an exercise (or not): an edit like any other."""
        if exercise == self._release.exercise:
            return
        self._release = self.release.with_exercise(exercise)
        self._note_setting()

    def set_incident(self, link: IncidentLink) -> None:
        """Give the release a place in an incident (its language copy started one): an edit, so
        the file keeps it only when the officer saves."""
        if link == self._release.incident:
            return
        self._release = replace(self.release, incident=link)
        self.incident_changed.emit()
        self.note_edit()

    def mark_translated(self, key: str) -> None:
        """The officer says field ``key``'s copied text stands as it is: no longer to
        translate. An edit like any other."""
        release = self.release
        if key in release.to_translate():
            self._release = release.translated(key)
            self.note_edit()

    def load(
        self,
        release: Release,
        path: str = "",
        modified: bool = False,
        *,
        lock: HeldLock | None = None,
        open_elsewhere: Owner | None = None,
    ) -> None:
        """Show another release: the form is rebuilt (``replaced``), then it renders at once and
        its checks follow after the pause typing has (a window's first release: once it is painted,
        see MainWindow). ``lock`` marks ``path`` as open in
        this window (from ``claim_release``); ``open_elsewhere`` opens it read only, naming who
        has it."""
        self.close()
        self._open_lock, self._open_elsewhere = lock, open_elsewhere
        self._release = release
        self._values_stale = False
        self._clean = None if modified else (release.embargo, release.exercise)
        self._values_edited = False
        self._set_path(os.path.abspath(path) if path else "")
        self.replaced.emit()
        self._set_modified(modified, force=True)
        self._pipeline.set_source(lambda: self.release)
        self.update_now()  # which makes its checks due, after the usual pause

    def save(self, path: str = "") -> str:
        """Write the release (atomically) to ``path`` or its own file; StorageError on failure,
        in which case the release stays modified and nothing on disk changed."""
        target = os.path.abspath(path or self._path)
        if not target:
            raise ValueError("a release never saved needs a path")
        same_file = target == self._path  # both absolute
        lock = self._open_lock if same_file else None
        if lock is None:
            lock = self._claim(target)
        try:
            save_release(self.release, target)
        except PressklarError:
            if lock is not self._open_lock and lock is not None:
                lock.release()
            raise
        if lock is not self._open_lock:
            self.close()
            self._open_lock = lock
        self._open_elsewhere = None
        self._set_path(target)
        self._clean = (self._release.embargo, self._release.exercise)
        self._values_edited = False
        self._set_modified(False)
        self.saved.emit(target)
        return target

    def _claim(self, target: str) -> HeldLock | None:
        """The open mark of a file about to be written; StorageError when another window or
        officer has it open (writing it would undo their work)."""
        try:
            lock, owner = claim_release(target)
        except StorageError:
            return None  # no lock can be made there; the save itself will say what is wrong
        if lock is None:
            message = open_elsewhere(Path(target).name, owner)
            raise StorageError(message.code, **message.params)
        return lock

    def close(self) -> None:
        """The window lets go of its file: another window may open it for writing now."""
        lock, self._open_lock = self._open_lock, None
        if lock is not None:
            lock.release()

    def _set_path(self, path: str) -> None:
        if path != self._path:
            self._path = path
            self.path_changed.emit(path)

    def _set_modified(self, modified: bool, force: bool = False) -> None:
        if modified != self._modified or force:
            self._modified = modified
            self.modified_changed.emit(modified)

    # -- the pipeline ----------------------------------------------------------------------

    def configure(self, **changes: Any) -> None:
        """What rendering depends on changed (``organisation``, ``levels``, ``language``)."""
        before = self._pipeline.settings
        self._pipeline.configure(**changes)
        if self._pipeline.settings != before:
            self.trigger_update()

    def recheck(self) -> None:
        """The spelling changed (a dictionary loaded, a word added): the checks run again
        once typing pauses; the render holds."""
        self._pipeline.recheck()
        self._checks_due = True
        self._checks_soon()

    @property
    def render_settings(self) -> RenderSettings:
        return self._pipeline.settings

    def is_outdated(self) -> bool:
        """True between an edit and the render that shows it."""
        return self._pipeline.stale

    def trigger_update(self) -> None:
        self._pipeline.invalidate()
        if not self._render_timer.isActive():
            self._render_timer.start()

    def update_now(self) -> None:
        """Render now if anything changed since the last render, and tell the observers."""
        self._render_timer.stop()
        if not self._pipeline.refresh():
            return
        error = self._pipeline.error
        if error is not None:
            self.failed.emit(error)
            return
        self._checks_due = True
        self._checks_soon()
        self.rendered.emit(self._pipeline.document)

    def _checks_soon(self) -> None:
        if not self._checks_held:
            self._checks_timer.start()

    def hold_checks(self) -> None:
        """The due checks wait for ``release_checks`` (or ``flush_checks``): a new window runs
        them once it has painted its first preview (they import and run code that paint does
        not need), a release opened once its form has built its rows (a worker checking a long
        release takes Python's lock for most of its 100-300 ms, and every turn of the GUI
        thread's own work waited for it: a 200 ms freeze)."""
        self._checks_held = True
        self._checks_timer.stop()

    def release_checks(self, *, pause: bool = True) -> None:
        """The checks held run on a worker, if they are due: after the usual pause, or now."""
        self._checks_held = False
        if not pause:
            self.check_in_background()
        elif self._checks_due:
            self._checks_timer.start()

    def flush_checks(self) -> None:
        """Run the checks of the latest render now, if they are still due or on their way
        (before an export reads them). Otherwise they run on a worker CHECKS_DELAY_MS after the
        last render (``check_in_background``), so neither a keystroke nor the window waits."""
        self._checks_timer.stop()
        if self._checks_due or self._pending is not None:
            self._checks_due, self._pending = False, None
            self.findings_changed.emit(self._pipeline.findings())

    def checks_pending(self) -> bool:
        """True while the checks of the latest render are due, held or on a worker."""
        return self._checks_due or self._pending is not None

    def check_in_background(self) -> None:
        """Run the due checks on a worker thread (a long release takes over 50 ms to check);
        ``findings_changed`` follows on the GUI thread, unless the release changed meanwhile
        (then the next checks are due already)."""
        self._checks_timer.stop()
        if not self._checks_due:
            return
        self._checks_due = False
        job = self._pipeline.findings_job()
        if job is None:  # made already, or nothing rendered
            self.findings_changed.emit(self._pipeline.findings())
            return
        ticket, make = job
        self._pending = ticket

        def work() -> None:
            try:
                self._checked.emit(ticket, make())
            except Exception:  # made again, raising, when an export asks
                return

        before_a_worker_starts()
        threading.Thread(target=work, name="checks", daemon=True).start()

    def _keep_checked(self, ticket: int, findings: list[Finding]) -> None:
        if ticket != self._pending:
            return
        self._pending = None
        if self._pipeline.keep_findings(ticket, findings):
            self.findings_changed.emit(self._pipeline.findings())

    @property
    def document(self) -> RenderedDocument | None:
        """The last good render (it may be older than the values when the template fails)."""
        return self._pipeline.document

    @property
    def rendered_release(self) -> Release | None:
        """The release as it was at the last good render (its values, its embargo)."""
        return self._pipeline.release

    @property
    def error(self) -> PressklarError | None:
        return self._pipeline.error

    @property
    def headline(self) -> str:
        document = self._pipeline.document
        return document.title if document is not None else ""

    def current_document(self) -> RenderedDocument:
        """The release rendered as it stands now; the template's error when it cannot be."""
        self.update_now()
        return self._pipeline.current_document()

    def html_page(self) -> str:
        """The HTML page the formatted preview shows (the HTML export's)."""
        return self._pipeline.html_page()

    def page_parts(self) -> PageParts | None:
        """The same page in pieces, for a preview that replaces only the parts that changed."""
        return self._pipeline.page_parts()

    def plain_text(self) -> str:
        return self._pipeline.plain_text()

    def findings(self) -> list[Finding]:
        """The findings of the release as it stands now (renders and checks first if due)."""
        self.update_now()
        self.flush_checks()
        return self._pipeline.findings()

    def short_versions(self) -> dict[str, ShortText]:
        """The short versions of the last good render; TemplateError when one fails."""
        return self._pipeline.short_versions()
