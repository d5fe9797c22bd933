"""Every message box Pressklar shows goes through these functions.

One place to keep their look consistent, and the one place tests patch: a test replaces
``question`` (or ``error``...) with a function that answers, and no modal box ever blocks.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    details: str = "",
) -> QMessageBox:
    box = QMessageBox(icon, title, text, Button.Ok, parent)
    if details:
        box.setInformativeText(details)
    return box


def info(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    _box(parent, QMessageBox.Icon.Information, title, text, details).exec()


def warn(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    _box(parent, QMessageBox.Icon.Warning, title, text, details).exec()


def error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    _box(parent, QMessageBox.Icon.Critical, title, text, details).exec()


def question(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button = Button.Yes | Button.No,
    default: Button = Button.Yes,
    details: str = "",
) -> Button:
    """Ask, and return the standard button the user chose (Escape gives the Cancel/No one)."""
    box = _box(parent, QMessageBox.Icon.Question, title, text, details)
    box.setStandardButtons(buttons)
    box.setDefaultButton(default)
    return Button(box.exec())


def choose(
    parent: QWidget | None,
    title: str,
    text: str,
    choices: list[str],
    default: int = 0,
    details: str = "",
) -> int:
    """Ask with buttons in our own words (plus Cancel); the index of the one chosen, or -1 for
    Cancel and Escape."""
    box = _box(parent, QMessageBox.Icon.Question, title, text, details)
    box.setStandardButtons(Button.Cancel)
    buttons = [box.addButton(choice, QMessageBox.ButtonRole.AcceptRole) for choice in choices]
    if buttons:
        box.setDefaultButton(buttons[max(0, min(default, len(buttons) - 1))])
    box.setEscapeButton(Button.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return next((i for i, button in enumerate(buttons) if button is clicked), -1)


def ask_save_changes(parent: QWidget | None, name: str) -> Button:
    """Save, Discard or Cancel for a release with unsaved changes."""
    return question(
        parent,
        QCoreApplication.translate("Messages", "Unsaved changes"),
        QCoreApplication.translate("Messages", "Do you want to save the changes to {name}?").format(
            name=name
        ),
        Button.Save | Button.Discard | Button.Cancel,
        Button.Save,
        QCoreApplication.translate(
            "Messages", "If you don't save, the changes since the last save are lost."
        ),
    )
