"""What File > New Follow-up, Also in English (or Swedish), the exercise mark and Edit > Find
in Archive do from a window, and the log entry every save, export and copy of an incident's
release leaves.

A log that cannot be written never stops a save or an export (the file is what matters on a
crisis day); the window's status bar says so instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from editor.errors import PressklarError
from editor.model.incident import suggested_next
from editor.ui.context import AppContext
from editor.ui.dialogs import messages
from editor.ui.session import ReleaseSession


def log_action(
    context: AppContext,
    session: ReleaseSession,
    action: str,
    fmt: str = "",
    written: str = "",
    data: bytes | None = None,
    distribution_list: str = "",
) -> str:
    """Record ``action`` in the incident's log and the archive; "" or what went wrong."""
    from editor.storage.archive import Archive
    from editor.storage.incidents import record

    release = session.release
    if written and data is None:
        try:
            data = Path(written).read_bytes()
        except OSError:
            data = b""
    try:
        record(release, session.path, context.paths.data, action, fmt=fmt, written=written,
               data=data or b"", distribution_list=distribution_list)  # fmt: skip
    except PressklarError as problem:
        return problem.text()
    archive = Archive.for_user(context.paths, context.settings.organisation_folder)
    for path in {session.path, written if action == "save" else ""} - {""}:
        archive.remember(path)
    return ""


class IncidentFlow(QObject):
    status = Signal(str)

    def __init__(
        self, window: QWidget, context: AppContext, session: ReleaseSession, save: object
    ) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._session = session
        self._save = save  # FileFlows.save: the release must be on disk before its follow-up

    def new_follow_up(self) -> bool:
        """The next release of this one's incident, in this window: this one is saved first
        (its file's hash goes into the follow-up), the template the incident suggests is
        offered and may be changed."""
        from editor.storage.incidents import follow_up_of
        from editor.ui.dialogs.template_picker import TemplatePicker, load_chosen
        from editor.ui.flows.library_reads import list_for_picker

        session = self._session
        if session.is_modified or not session.path:
            answer = messages.question(
                self._window,
                self.tr("New follow-up"),
                self.tr("The release is saved first, so the follow-up can name it. Save now?"),
            )
            if answer != messages.Button.Yes or not callable(self._save) or not self._save():
                return False
        listing = list_for_picker(self._window, self._context)
        if listing is None:  # listing for this window already
            return False
        suggested = suggested_next(session.template.id)
        entry = listing.find(suggested) or listing.find(session.template.id)
        key, accepted = TemplatePicker.get_data(
            self._window, listing, entry.key if entry else "", self._context.language
        )
        chosen = load_chosen(self._window, listing, key) if accepted else None
        if chosen is None or chosen.template is None:
            return False
        try:
            following = follow_up_of(session.path, chosen.template)
        except PressklarError as problem:
            messages.error(self._window, self.tr("New follow-up"), problem.text())
            return False
        session.load(following, "", modified=True)
        link = following.incident
        if link is not None:
            self.status.emit(
                self.tr("Follow-up {number} of “{title}”: the facts are carried over.").format(
                    number=link.number, title=link.title
                )
            )
        return True

    def new_language_copy(self) -> bool:
        """This release in the other language, from the paired template, in a window of its
        own beside this one (the officer translates with the original in view). Same incident,
        same number; when this release had no incident, both get a new one, and this window's
        release keeps it only if the officer saves it (it is marked modified)."""
        from editor.model.language import other_language
        from editor.model.language_copy import language_copy
        from editor.storage.language_pairs import paired_template
        from editor.ui.application import open_window
        from editor.ui.flows.library_reads import read_library

        session = self._session
        target = other_language(session.template.language)
        library = read_library(self._window, self._context)
        if library is None:  # this window is reading it already
            return False
        try:
            template = paired_template(session.template, target, library)
        except PressklarError as problem:
            messages.error(self._window, self.tr("Language copy"), problem.text())
            return False
        document = session.document
        title = document.title if document is not None else ""
        made = language_copy(session.release, template, self._context.levels(), title)
        if made.original.incident is not None:
            session.set_incident(made.original.incident)
        window = open_window(self._context, made.copy, "", modified=True)
        window.show()
        fields = len(made.copy.to_translate())
        window.statusBar().showMessage(
            self.tr("“{name}”: fields to translate, marked in the form: {count}").format(
                name=template.name, count=fields
            )
        )
        return True

    def set_exercise(self, exercise: bool) -> bool:
        """Mark the release as an exercise, or not; turning the mark off asks first. The
        result: whether the release is an exercise now."""
        session = self._session
        if exercise == session.release.exercise:
            return exercise
        if not exercise:
            answer = messages.question(
                self._window,
                self.tr("Exercise"),
                self.tr("Remove the exercise mark? Every format will then read as a real release."),
            )
            if answer != messages.Button.Yes:
                return True
        session.set_exercise(exercise)
        return exercise

    def find_in_archive(self) -> None:
        from editor.ui.dialogs.archive_search import ArchiveSearchDialog

        path, accepted = ArchiveSearchDialog.get_data(self._window, self._context)
        if accepted and path:
            opener = getattr(self._window, "files", None)
            if opener is not None:
                opener.open_release(path)
