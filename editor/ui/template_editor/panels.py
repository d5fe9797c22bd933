"""The template editor's side panels: the problem list, the insert list (field keys and
filters) and the preview with sample values."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor.errors import PressklarError
from editor.model.levels import LevelSetRegistry
from editor.model.samples import sample_values
from editor.model.template import Template
from editor.render.engine import filter_help, render_document
from editor.render.template_draft import EditorProblem
from editor.render.writers.html import html_page
from editor.ui.panels.preview import BANNER_STYLE

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1
INSERT_ROLE = Qt.ItemDataRole.UserRole + 2
ERROR_COLOUR = QColor("#b3261e")
WARNING_COLOUR = QColor("#8a5300")


class ValidationPanel(QListWidget):
    """Each problem on one line, where it stands first; activating one goes there."""

    problem_chosen = Signal(object)  # EditorProblem

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemList")
        self.setWordWrap(True)
        self.itemClicked.connect(self._choose)
        self.itemActivated.connect(self._choose)
        self._problems: list[EditorProblem] = []

    def problems(self) -> list[EditorProblem]:
        return list(self._problems)

    def set_problems(self, problems: list[EditorProblem], field_names: list[str]) -> None:
        """``field_names``: each field's label (its key when it has none), in order."""
        self._problems = list(problems)
        self.clear()
        style = self.style()
        error_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        warning_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for problem in problems:
            item = QListWidgetItem(self.describe(problem, field_names))
            item.setIcon(warning_icon if problem.warning else error_icon)
            item.setForeground(QBrush(WARNING_COLOUR if problem.warning else ERROR_COLOUR))
            item.setData(PROBLEM_ROLE, problem)
            item.setToolTip(item.text())
            self.addItem(item)
        if not problems:
            item = QListWidgetItem(self.tr("No problems found."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(item)

    def describe(self, problem: EditorProblem, field_names: list[str]) -> str:
        if problem.line is not None:
            return self.tr("Line {line}: {message}").format(
                line=problem.line, message=problem.message
            )
        if problem.row is not None:
            name = field_names[problem.row] if problem.row < len(field_names) else ""
            return self.tr("Field {number} ({key}): {message}").format(
                number=problem.row + 1, key=name, message=problem.message
            )
        headers = {
            "name": self.tr("Name"),
            "language": self.tr("Language"),
            "description": self.tr("Description"),
            "level_set": self.tr("Level set"),
            "body": self.tr("Body"),
        }
        if problem.header in headers:
            return f"{headers[problem.header]}: {problem.message}"
        return problem.message

    def _choose(self, item: QListWidgetItem) -> None:
        problem = item.data(PROBLEM_ROLE)
        if isinstance(problem, EditorProblem):
            self.problem_chosen.emit(problem)


class InsertList(QListWidget):
    """Field keys and filters; a click (or Enter) inserts one at the body's cursor."""

    insert_requested = Signal(str, str)  # kind ("key" or "filter"), name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insertList")
        self.setToolTip(self.tr("Click to insert at the cursor in the body"))
        self.itemClicked.connect(self._insert)
        self.set_keys([])

    def set_keys(self, keys: list[tuple[str, str]]) -> None:
        """``keys``: (key, label) of each field, in order."""
        self.clear()
        self._heading(self.tr("Fields"))
        for key, label in keys:
            self._entry("key", key, f"{label} — {{{{ {key} }}}}" if label else key)
        self._heading(self.tr("Filters"))
        for name, help_text in filter_help().items():
            self._entry("filter", name, help_text)

    def _heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.addItem(item)

    def _entry(self, kind: str, name: str, tooltip: str) -> None:
        item = QListWidgetItem(("  " + name) if kind == "key" else f"  |{name}")
        item.setData(INSERT_ROLE, (kind, name))
        item.setToolTip(tooltip)
        self.addItem(item)

    def _insert(self, item: QListWidgetItem | None) -> None:
        data = item.data(INSERT_ROLE) if item is not None else None
        if isinstance(data, tuple):
            self.insert_requested.emit(*data)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._insert(self.currentItem())
            return
        super().keyPressEvent(event)


class SamplePreview(QWidget):
    """The release the template makes, filled with sample values; an error shows in a banner
    above the last version that worked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = QLabel(self)
        self.banner.setObjectName("templatePreviewBanner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.document().setDocumentMargin(14)
        self.browser.setToolTip(self.tr("The release this template makes, with sample values"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.browser)

    def show_template(
        self, template: Template | None, levels: LevelSetRegistry, now: datetime | None = None
    ) -> None:
        if template is None:
            self._show_error(self.tr("The template cannot be shown until its fields are right."))
            return
        moment = now or datetime.now()
        try:
            values = sample_values(template, levels, moment)
            document = render_document(template, values, levels, today=moment.date())
            page = html_page(document)
        except PressklarError as problem:
            self._show_error(getattr(problem, "message", str(problem)))
            return
        self.banner.hide()
        bar = self.browser.verticalScrollBar()
        top = bar.value()
        self.browser.setHtml(page)
        bar.setValue(top)

    def _show_error(self, message: str) -> None:
        text = self.tr("The preview cannot be made: {message}").format(message=message)
        if self.browser.document().characterCount() > 1:
            text += "\n" + self.tr("It shows the last version that worked.")
        self.banner.setText(text)
        self.banner.show()
