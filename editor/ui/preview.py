"""The live preview: the release formatted (the HTML writer's output), as plain text, its
pre-flight checks and its short versions for SMS and social media.

Updates are coalesced the way ReText's ``triggerPreviewUpdate`` does it: an edit sets an
"outdated" flag and starts a short single-shot timer unless it already runs, so a burst of
keystrokes renders once and a steady typist sees the preview follow every ~80 ms. Rendering
runs on the GUI thread (a page renders in well under a millisecond). The checks run on the
document that render made (never a second render): at once when a release is opened, and
once typing pauses while it is edited. The plain-text and Channels tabs are only filled when
they are shown. A template error shows in a banner above the last good preview; an embargo in
a banner of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor.errors import PressklarError, TemplateError
from editor.model.levels import LevelSetRegistry
from editor.model.release import Release
from editor.render.checks import check_release
from editor.render.document import RenderedDocument
from editor.render.engine import embargo_notice, render_document
from editor.render.markdown import is_safe_link
from editor.render.writers.html import html_page
from editor.render.writers.text import plain_text
from editor.ui.channels_panel import ChannelsPanel
from editor.ui.checks_panel import ChecksPanel

Source = Callable[[], Release]
DELAY_MS = 80
CHECKS_DELAY_MS = 200  # the checks follow once typing pauses, after the preview has painted
BANNER_STYLE = (
    "QLabel { background: #fdecea; color: #611a15; border: 1px solid #f5c2c0;"
    " border-radius: 3px; padding: 6px; }"
)
EMBARGO_STYLE = (
    "QLabel { background: #fff4ce; color: #4d3800; border: 1px solid #f0d78c;"
    " border-radius: 3px; padding: 6px; font-weight: bold; }"
)


class PreviewPane(QWidget):
    rendered = Signal(object)  # RenderedDocument, after every good render
    failed = Signal(object)  # PressklarError, when the template cannot be rendered
    first_painted = Signal()  # once, when the first preview has been painted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source: Source | None = None
        self.organisation = ""
        self.levels: LevelSetRegistry | None = None  # None: the built-in level sets
        self.language = "en"  # the UI's, for the checks' messages
        self._outdated = False
        self._text_outdated = False
        self._channels_outdated = False
        self._release: Release | None = None
        self._document: RenderedDocument | None = None
        self._html = ""
        self._error: PressklarError | None = None
        self._painted = False

        self.banner = QLabel(self)
        self.banner.setObjectName("previewErrorBanner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.embargo_banner = QLabel(self)
        self.embargo_banner.setObjectName("previewEmbargoBanner")
        self.embargo_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.embargo_banner.setWordWrap(True)
        self.embargo_banner.setStyleSheet(EMBARGO_STYLE)
        self.embargo_banner.hide()

        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.document().setDocumentMargin(18)
        self.browser.anchorClicked.connect(self._open_link)
        self.browser.setToolTip(self.tr("The release as it will look when exported"))
        self.text_view = QPlainTextEdit(self)
        self.text_view.setReadOnly(True)
        self.text_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # wrapped at 72 already
        self.text_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text_view.setToolTip(self.tr("The release as plain text, for e-mail and web forms"))

        self.checks = ChecksPanel(self)
        self.channels = ChannelsPanel(self)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.browser, self.tr("Formatted"))
        self.tabs.addTab(self.text_view, self.tr("Plain text"))
        checks = self.tabs.addTab(self.checks, self.checks_title())
        channels = self.tabs.addTab(self.channels, self.tr("Channels"))
        self.tabs.setTabToolTip(
            checks, self.tr("Pre-flight checks: what to look at before sending")
        )
        self.tabs.setTabToolTip(channels, self.tr("The release as an SMS and a social-media post"))
        self.tabs.currentChanged.connect(self._fill_text_if_shown)
        self.tabs.currentChanged.connect(self._fill_channels_if_shown)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.embargo_banner)
        layout.addWidget(self.tabs)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.update_now)
        self._pending_checks: tuple[Release, RenderedDocument] | None = None
        self._checks_timer = QTimer(self)
        self._checks_timer.setSingleShot(True)
        self._checks_timer.setInterval(CHECKS_DELAY_MS)
        self._checks_timer.timeout.connect(self.flush_checks)
        self.browser.viewport().installEventFilter(self)

    def set_source(self, source: Source) -> None:
        """Where the template and values come from (another release); renders at once."""
        self._source = source
        self._document, self._html, self._error = None, "", None
        self._release = None
        self._outdated = True
        self.update_now()
        self.flush_checks()  # a release just opened shows its checks at once

    @property
    def document(self) -> RenderedDocument | None:
        """The last good render (it may be older than the values when the template fails)."""
        return self._document

    @property
    def release(self) -> Release | None:
        """The release as it was at the last good render (its values, its embargo)."""
        return self._release

    @property
    def error(self) -> PressklarError | None:
        return self._error

    def is_outdated(self) -> bool:
        """True between an edit and the render that shows it."""
        return self._outdated

    def document_html(self) -> str:
        """The HTML page the formatted tab shows (the HTML export's)."""
        return self._html

    def current_document(self) -> RenderedDocument:
        """The release rendered as it stands now; the template's error when it cannot be."""
        self.update_now()
        if self._error is not None:
            raise self._error
        if self._document is None:
            raise TemplateError("render.nothing_to_show")
        return self._document

    def trigger_update(self) -> None:
        if not self._outdated:
            self._outdated = True
            self._timer.start()

    def update_now(self) -> None:
        self._timer.stop()
        if not self._outdated or self._source is None:
            return
        self._outdated = False
        release = self._source()
        try:
            document = render_document(
                release.template,
                release.values,
                self.levels,
                organisation=self.organisation,
                embargo=release.embargo,
            )
            page = html_page(document)
        except PressklarError as problem:
            self._show_error(problem)
            return
        self._release, self._document = release, document
        self._error = None
        self.banner.hide()
        self._show_embargo(release)
        self._html = page
        _keep_scroll(self.browser, lambda: self.browser.setHtml(page))
        self._text_outdated = self._channels_outdated = True
        self._fill_text_if_shown()
        self._pending_checks = (release, document)
        self._checks_timer.start()
        self._fill_channels_if_shown()
        self.rendered.emit(document)

    def show_tab(self, page: QWidget) -> None:
        self.tabs.setCurrentWidget(page)

    def checks_title(self) -> str:
        count = self.checks.count()
        if not count:
            return self.tr("Checks")
        return self.tr("Checks ({count})").format(count=count)

    def flush_checks(self) -> None:
        """Run the checks of the latest render now, if they are still due (before an export
        reads them). Otherwise they run CHECKS_DELAY_MS after the last render, so a keystroke
        never waits for them."""
        self._checks_timer.stop()
        pending, self._pending_checks = self._pending_checks, None
        if pending is not None:
            self._run_checks(*pending)

    def _run_checks(self, release: Release, document: RenderedDocument) -> None:
        findings = check_release(
            release, self.language, doc=document, levels=self.levels, organisation=self.organisation
        )
        labels = {f.key: f.label for f in release.template.fields}
        self.checks.show_findings(findings, labels)
        title = self.checks_title()
        index = self.tabs.indexOf(self.checks)
        if self.tabs.tabText(index) != title:
            self.tabs.setTabText(index, title)

    def _show_embargo(self, release: Release) -> None:
        if release.embargo is None:
            self.embargo_banner.hide()
            return
        self.embargo_banner.setText(embargo_notice(release.embargo, release.template.language))
        self.embargo_banner.show()

    def _fill_channels_if_shown(self) -> None:
        if not (self._channels_outdated and self.tabs.currentWidget() is self.channels):
            return
        if self._release is None:
            return
        from editor.render.short import short_versions

        self._channels_outdated = False
        release = self._release
        try:
            versions = short_versions(release.template, release.values, levels=self.levels)
        except PressklarError as problem:
            self.channels.show_error(getattr(problem, "message", str(problem)))
            return
        self.channels.show_versions(versions)

    def _fill_text_if_shown(self) -> None:
        if self._text_outdated and self.tabs.currentWidget() is self.text_view and self._document:
            text = plain_text(self._document)
            _keep_scroll(self.text_view, lambda: self.text_view.setPlainText(text))
            self._text_outdated = False

    def _show_error(self, problem: PressklarError) -> None:
        self._error = problem
        line = getattr(problem, "line", None)
        message = getattr(problem, "message", str(problem))
        if line is not None:
            text = self.tr("The template has an error on line {line}: {message}").format(
                line=line, message=message
            )
        else:
            text = self.tr("The template has an error: {message}").format(message=message)
        if self._document is not None:
            text += "\n" + self.tr("The preview shows the last version that worked.")
        else:  # nothing of this release ever rendered: show no other release's text
            self.browser.clear()
            self.text_view.clear()
        self.banner.setText(text)
        self.banner.show()
        self.failed.emit(problem)

    def _rendered_once(self) -> bool:
        return self._document is not None or self._error is not None

    def _open_link(self, url: QUrl) -> None:
        if is_safe_link(url.toString()):
            QDesktopServices.openUrl(url)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted and self._rendered_once():
            self._painted = True
            self.browser.viewport().removeEventFilter(self)
            QTimer.singleShot(0, self.first_painted.emit)
        return False


def _keep_scroll(view: QAbstractScrollArea, replace: Callable[[], None]) -> None:
    """Replace a view's content without moving where the reader is."""
    vertical, horizontal = view.verticalScrollBar(), view.horizontalScrollBar()
    top, left = vertical.value(), horizontal.value()
    replace()
    vertical.setValue(top)
    horizontal.setValue(left)
