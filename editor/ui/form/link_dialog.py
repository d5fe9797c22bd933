"""The small dialog that asks for a link's address, refusing what cannot be linked safely."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from editor.render.markdown_ops import normalise_url


class LinkDialog(QDialog):
    """Asks for a web address, e-mail address or phone number. OK only when it can be linked."""

    def __init__(self, initial: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("FormWidget", "Insert link"))
        layout = QVBoxLayout(self)
        prompt = QLabel(
            QCoreApplication.translate(
                "FormWidget", "&Address (web page, e-mail address or phone number):"
            ),
            self,
        )
        self.address = QLineEdit(initial, self)
        self.address.setPlaceholderText("https://")
        self.address.setMinimumWidth(360)
        prompt.setBuddy(self.address)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        palette = self.message.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#b3261e"))
        self.message.setPalette(palette)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for widget in (prompt, self.address, self.message, self.buttons):
            layout.addWidget(widget)
        self.address.textChanged.connect(self._check)
        self._check()

    def url(self) -> str | None:
        """The address as it will be linked (``mailto:``/``https://`` added), or None."""
        return normalise_url(self.address.text())

    def _check(self) -> None:
        text = self.address.text().strip()
        valid = self.url() is not None
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setEnabled(valid)
        self.message.setText(
            ""
            if valid or not text
            else QCoreApplication.translate(
                "FormWidget",
                "Only web addresses (http, https), e-mail addresses and phone numbers can be"
                " linked.",
            )
        )
        self.message.setVisible(bool(self.message.text()))

    @classmethod
    def get_url(cls, parent: QWidget | None, initial: str = "") -> tuple[str, bool]:
        """Ask; return (the normalised address, accepted)."""
        dialog = cls(initial, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        url = dialog.url() or ""
        dialog.deleteLater()
        return url, accepted and bool(url)
