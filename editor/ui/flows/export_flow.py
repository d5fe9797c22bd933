"""What File > Export and Edit > Copy Formatted Release do, prompts included.

Both start from the document the window's session rendered (the one the preview shows). A
release with errors among its pre-flight findings is only exported or copied after the user has
said so. A letterhead that cannot be used is named, and the release is exported with the
built-in look only if the user agrees.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from editor.errors import PressklarError, StorageError, os_reason
from editor.model.release import Release
from editor.render import writers
from editor.render.document import RenderedDocument
from editor.storage.settings import Settings
from editor.ui.context import AppContext
from editor.ui.dialogs import messages
from editor.ui.flows.export import ExportChoice
from editor.ui.flows.file_flows import documents_folder
from editor.ui.flows.incident_flow import log_action
from editor.ui.session import ReleaseSession

if TYPE_CHECKING:  # the checks are imported once they run, after the first paint
    from editor.render.checks import Finding

MAX_LISTED = 8  # errors listed in the question; the Checks tab has them all


def export_folder(release_path: str, last_used: str) -> str:
    """Where an export goes first: the release file's folder, else the last one used, else the
    Documents folder when there is one, else home; never the program's own folder."""
    for candidate in (os.path.dirname(release_path) if release_path else "", last_used):
        if candidate and os.path.isdir(candidate):
            return candidate
    documents = documents_folder()
    return documents if os.path.isdir(documents) else os.path.expanduser("~")


class ExportFlow(QObject):
    status = Signal(str)  # a short message for the status bar
    exported = Signal(str)  # the file written, for "Open" and "Show in folder"

    def __init__(self, window: QWidget, context: AppContext, session: ReleaseSession) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._session = session
        self._busy = False

    @property
    def _settings(self) -> Settings:
        return self._context.settings

    def _document(self, title: str) -> RenderedDocument | None:
        try:
            return self._session.current_document()
        except PressklarError as problem:
            messages.error(
                self._window,
                title,
                self.tr("The release cannot be made while its template has an error."),
                problem.text(),
            )
            return None

    def _confirm(self, title: str, text: str) -> bool:
        return messages.question(self._window, title, text) == messages.Button.Yes

    def _confirm_errors(self, question: str) -> bool:
        """True when the release has no errors, or the user goes ahead anyway."""
        errors = [f for f in self._session.findings() if f.severity == "error"]
        if not errors:
            return True
        return self._confirm(question, self.errors_text(errors) + "\n\n" + question)

    def errors_text(self, errors: Sequence[Finding]) -> str:
        if len(errors) == 1:
            text = self.tr("The release has 1 error:")
        else:
            text = self.tr("The release has {count} errors:").format(count=len(errors))
        lines = [f"• {finding.message}" for finding in errors[:MAX_LISTED]]
        if len(errors) > MAX_LISTED:
            lines.append(
                self.tr("… and {count} more (see the Checks tab).").format(
                    count=len(errors) - MAX_LISTED
                )
            )
        return "\n".join([text, *lines])

    def export(self) -> bool:
        """Ask where and how, then write. A problem (a folder that cannot be written, a full
        disk) is shown and the dialog comes back with the same choices, so nothing is typed
        twice; a folder that does not exist is offered to be made."""
        if self._busy:  # Ctrl+E again while a file is being made
            return False
        from editor.ui.flows.background import close_held

        self._busy = True
        try:
            with close_held(self._window):  # the window closed meanwhile closes after the flow
                return self._export()
        finally:
            self._busy = False

    def _export(self) -> bool:
        from editor.ui.dialogs.export_dialog import ExportDialog
        from editor.ui.flows.export import default_file_name

        doc = self._document(self.tr("Cannot export"))
        release = self._session.rendered_release
        if doc is None or release is None or not self._confirm_errors(self.tr("Export anyway?")):
            return False
        names = writers.names()
        fmt = self._settings.last_export_format
        fmt = fmt if fmt in names else names[0]
        if fmt == "pdf":  # likely again: the PDF helper starts while the dialog is open
            self._context.pdf_helper().start()
        name = default_file_name(doc, fmt)
        folder = export_folder(self._session.path, self._settings.last_export_folder)
        chosen_list = ""
        while True:
            choice, accepted = ExportDialog.get_data(
                self._window, name, folder, fmt, sorted(self._settings.distribution_lists),
                chosen_list,
            )  # fmt: skip
            if choice is None or not accepted:
                return False
            name, folder = os.path.basename(choice.path), os.path.dirname(choice.path)
            fmt, chosen_list = choice.format, choice.distribution_list
            outcome = self._write(doc, choice, release)
            if outcome is not None:
                return outcome

    def _in_worker(
        self, doc: RenderedDocument, choice: ExportChoice, release: Release, fallback: bool = False
    ) -> bytes:
        """``write_export`` on a worker thread, the window painting meanwhile; its bytes."""
        from editor.ui.flows.background import Progress, run_in_worker
        from editor.ui.flows.export import choice_options, write_export

        options = choice_options(
            choice, release, self._session.path, self._context, doc, fallback=fallback
        )
        progress = Progress()  # a PDF tells each page painted
        options = replace(options, on_page=progress)
        label = self.tr("Exporting {name}…").format(name=os.path.basename(choice.path))
        return run_in_worker(
            self._window, label, lambda: write_export(doc, choice, options), progress
        )

    def _write(self, doc: RenderedDocument, choice: ExportChoice, release: Release) -> bool | None:
        """True when written, False when the user stopped, None to ask again."""
        from editor.render.letterhead import LetterheadError  # not needed to start

        folder = os.path.dirname(os.path.abspath(choice.path))
        if not os.path.isdir(folder):
            if not self._confirm(
                self.tr("Create the folder?"),
                self.tr("The folder {folder} does not exist. Create it?").format(folder=folder),
            ):
                return None
            try:
                os.makedirs(folder, exist_ok=True)
            except OSError as error:
                messages.error(
                    self._window,
                    self.tr("Could not export the release"),
                    StorageError("storage.not_saved", file=folder, reason=os_reason(error)).text(),
                )
                return None
        if os.path.exists(choice.path) and not self._confirm(
            self.tr("Replace the file?"),
            self.tr("{name} already exists. Do you want to replace it?").format(
                name=os.path.basename(choice.path)
            ),
        ):
            return None
        try:
            try:
                data = self._in_worker(doc, choice, release)
            except LetterheadError as problem:
                if not self._confirm(
                    self.tr("Letterhead"),
                    self.tr("The letterhead {name} cannot be used: {reason}").format(
                        name=os.path.basename(problem.path) or problem.path, reason=problem.text()
                    )
                    + "\n\n"
                    + self.tr("Export with the built-in look?"),
                ):
                    return False
                data = self._in_worker(doc, choice, release, fallback=True)
        except PressklarError as problem:
            messages.error(self._window, self.tr("Could not export the release"), problem.text())
            return None
        self._settings.last_export_folder = folder
        self._settings.last_export_format = choice.format
        self._context.save_settings_quietly()
        self.exported.emit(choice.path)
        self.status.emit(self.tr("Exported {path}").format(path=choice.path))
        log_action(
            self._context, self._session, "export", choice.format, choice.path, data,
            distribution_list=choice.distribution_list,
        )  # fmt: skip
        return True

    def copy_formatted(self) -> None:
        from editor.ui.flows.export import formatted_mime_data

        doc = self._document(self.tr("Cannot copy"))
        if doc is None or not self._confirm_errors(self.tr("Copy anyway?")):
            return
        session = self._session
        QApplication.clipboard().setMimeData(
            formatted_mime_data(session.html_page(), session.plain_text())
        )
        log_action(self._context, session, "copy", "html")
        self.status.emit(self.tr("The release is on the clipboard, with its formatting."))
