"""The About box: version, purpose, and the libraries Pressklar stands on with their licences."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from editor import __version__
from editor.ui.icon import app_icon

ICON_SIZE = 64

LIBRARIES = (
    ("Qt / PySide6", "LGPLv3"),
    ("Jinja2", "BSD-3-Clause"),
    ("python-docx", "MIT"),
    ("markdown-it-py", "MIT"),
    ("Babel", "BSD-3-Clause"),
    ("Carlito", "SIL OFL 1.1"),
    ("platformdirs", "MIT"),
    ("tomli-w", "MIT"),
)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Pressklar"))
        rows = "".join(
            f"<tr><td>{html.escape(name)}</td><td>&nbsp;&nbsp;{html.escape(licence)}</td></tr>"
            for name, licence in LIBRARIES
        )
        purpose = self.tr(
            "Press releases from templates: fill in a form, watch the release take shape,"
            " export it. Works offline."
        )
        licence = self.tr(
            "Pressklar is free software under the GNU General Public License, version 3 or later."
        )
        built_with = self.tr("Built with")
        text = (
            f"<h2>Pressklar {html.escape(__version__)}</h2>"
            f"<p>{html.escape(purpose)}</p><p>{html.escape(licence)}</p>"
            f"<p><b>{html.escape(built_with)}</b> (Qt {html.escape(qVersion())})</p>"
            f"<table>{rows}</table>"
        )
        self.label = QLabel(text, self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.icon_label = QLabel(self)
        self.icon_label.setPixmap(app_icon().pixmap(ICON_SIZE, ICON_SIZE))
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setWindowIcon(app_icon())
        row = QHBoxLayout()
        row.addWidget(self.icon_label)
        row.addWidget(self.label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
