"""The file choosers Pressklar opens: each returns a path, or "" when the user cancels.

Like ``messages``, this is the place tests patch instead of clicking through a dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# QFileDialog is named only where a dialog opens: PySide makes a class's Python type, enums and
# all, when it is first named, and the first window opens none.

from editor.model.release import RELEASE_SUFFIX


def _release_filter() -> str:
    return QCoreApplication.translate("FileDialogs", "Pressklar releases (*{suffix})").format(
        suffix=RELEASE_SUFFIX
    )


def ask_open_release(parent: QWidget | None, folder: str) -> str:
    path, _ = QtWidgets.QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("FileDialogs", "Open release"),
        folder,
        _release_filter() + ";;" + QCoreApplication.translate("FileDialogs", "All files (*)"),
    )
    return path


def ask_save_release(parent: QWidget | None, suggested: str) -> str:
    path, _ = QtWidgets.QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("FileDialogs", "Save release as"),
        suggested,
        _release_filter(),
    )
    return path


def ask_export_path(parent: QWidget | None, suggested: str, label: str, extension: str) -> str:
    path, _ = QtWidgets.QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("FileDialogs", "Export as"),
        suggested,
        f"{label} (*{extension})",
        options=QtWidgets.QFileDialog.Option.DontConfirmOverwrite,  # the export flow asks itself
    )
    return path


def ask_folder(parent: QWidget | None, start: str, title: str = "") -> str:
    return QtWidgets.QFileDialog.getExistingDirectory(
        parent, title or QCoreApplication.translate("FileDialogs", "Choose a folder"), start
    )


def ask_letterhead(parent: QWidget | None, start: str) -> str:
    path, _ = QtWidgets.QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("FileDialogs", "Choose the letterhead"),
        start,
        QCoreApplication.translate("FileDialogs", "Word documents and templates (*.docx *.dotx)")
        + ";;"
        + QCoreApplication.translate("FileDialogs", "All files (*)"),
    )
    return path
