"""Every message box Pressklar shows goes through these functions.

One place to keep their look consistent, and the one place tests patch: a test replaces
``question`` (or ``error``...) with a function that answers, and no modal box ever blocks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

    Button = QMessageBox.StandardButton
else:

    def __getattr__(name: str) -> Any:
        """``Button`` (QMessageBox's standard buttons) when first asked for. QMessageBox is
        named only where a box is made: PySide makes a class's Python type, enums and all, when
        it is first named (3 ms the first window does not need)."""
        if name == "Button":
            return QtWidgets.QMessageBox.StandardButton
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _buttons() -> type[QMessageBox.StandardButton]:
    return QtWidgets.QMessageBox.StandardButton


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    details: str = "",
) -> QMessageBox:
    box = QtWidgets.QMessageBox(icon, title, text, _buttons().Ok, parent)
    if details:
        box.setInformativeText(details)
    return box


def info(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    _box(parent, QtWidgets.QMessageBox.Icon.Information, title, text, details).exec()


def warn(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    _box(parent, QtWidgets.QMessageBox.Icon.Warning, title, text, details).exec()


def error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    _box(parent, QtWidgets.QMessageBox.Icon.Critical, title, text, details).exec()


def question(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button | None = None,
    default: Button | None = None,
    details: str = "",
) -> Button:
    """Ask, and return the standard button the user chose (Escape gives the Cancel/No one);
    by default with Yes (the default one) and No."""
    button = _buttons()
    box = _box(parent, QtWidgets.QMessageBox.Icon.Question, title, text, details)
    box.setStandardButtons(buttons if buttons is not None else button.Yes | button.No)
    box.setDefaultButton(default if default is not None else button.Yes)
    return button(box.exec())


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
    box = _box(parent, QtWidgets.QMessageBox.Icon.Question, title, text, details)
    box.setStandardButtons(_buttons().Cancel)
    buttons = [
        box.addButton(choice, QtWidgets.QMessageBox.ButtonRole.AcceptRole) for choice in choices
    ]
    if buttons:
        box.setDefaultButton(buttons[max(0, min(default, len(buttons) - 1))])
    box.setEscapeButton(_buttons().Cancel)
    box.exec()
    clicked = box.clickedButton()
    return next((i for i, button in enumerate(buttons) if button is clicked), -1)


def ask_save_changes(parent: QWidget | None, name: str) -> Button:
    """Save, Discard or Cancel for a release with unsaved changes."""
    button = _buttons()
    return question(
        parent,
        QCoreApplication.translate("Messages", "Unsaved changes"),
        QCoreApplication.translate("Messages", "Do you want to save the changes to {name}?").format(
            name=name
        ),
        button.Save | button.Discard | button.Cancel,
        button.Save,
        QCoreApplication.translate(
            "Messages", "If you don't save, the changes since the last save are lost."
        ),
    )
