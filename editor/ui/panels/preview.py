"""The live preview: the release formatted (the HTML writer's output), as plain text, its
pre-flight checks and its short versions for SMS and social media.

It observes the window's ``ReleaseSession`` and shows what the session made; it renders nothing
itself. The plain-text and Channels tabs are only filled when they are shown. A template error
shows in a banner above the last good preview; an embargo in a banner of its own. The Checks
and Channels panels are this pane's own: what they ask for (a field to focus, a text copied)
leaves it as this pane's signals.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor.errors import PressklarError
from editor.model.release import Release
from editor.render.document import RenderedDocument
from editor.render.engine import embargo_notice
from editor.render.markdown import is_safe_link
from editor.render.marks import exercise_word
from editor.ui import turns
from editor.ui.panels.preview_document import PartwiseDocument
from editor.ui.session import ReleaseSession

if TYPE_CHECKING:  # the checks are imported once they run, after the first paint
    from editor.render.checks import Finding
    from editor.ui.panels.channels_panel import ChannelsPanel
    from editor.ui.panels.checks_panel import ChecksPanel

BANNER_STYLE = (
    "QLabel { background: #fdecea; color: #611a15; border: 1px solid #f5c2c0;"
    " border-radius: 3px; padding: 6px; }"
)
NOTE_STYLE = (  # information, not a problem: neutral
    "QLabel { background: #eef1f5; color: #1f2933; border: 1px solid #c9d1db;"
    " border-radius: 3px; padding: 6px; }"
)
EXERCISE_STYLE = (
    "QLabel { background: #e3f2fd; color: #0d3c61; border: 1px solid #90caf9;"
    " border-radius: 3px; padding: 6px; font-weight: bold; }"
)
EMBARGO_STYLE = (
    "QLabel { background: #fff4ce; color: #4d3800; border: 1px solid #f0d78c;"
    " border-radius: 3px; padding: 6px; font-weight: bold; }"
)


class PreviewPane(QWidget):
    first_painted = Signal()  # once, when the first preview has been painted
    field_requested = Signal(str)  # a finding was clicked: its field key, or EMBARGO_FIELD
    channel_copied = Signal(str)  # "sms" or "social": its text is on the clipboard

    def __init__(self, session: ReleaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._text_outdated = False
        self._channels_outdated = False
        self._shown_any = False  # a render or an error of the current release has been shown
        # Another release opened in a shown window: its first render is shown a turn later,
        # after the window has painted the new form (one long freeze was two in one turn).
        self._due: RenderedDocument | None = None
        self._due_timer = QTimer(self)
        self._due_timer.setSingleShot(True)
        self._due_timer.setInterval(turns.AFTER_PAINT_MS)
        self._due_timer.timeout.connect(self._show_due_in_turn)

        self.banner = self._banner("previewErrorBanner", BANNER_STYLE)
        self.embargo_banner = self._banner("previewEmbargoBanner", EMBARGO_STYLE)
        self.exercise_banner = self._banner("previewExerciseBanner", EXERCISE_STYLE)

        from editor.render.fonts import register_fonts

        register_fonts()  # the shipped Carlito, so the preview looks like the PDF everywhere
        self.browser = _Browser(self)
        self.browser.after_paint = self._after_paint
        self.browser.setOpenLinks(False)
        self.browser.document().setDocumentMargin(18)
        self._page = PartwiseDocument(self.browser.document(), self.browser.setHtml)
        self.browser.anchorClicked.connect(self._open_link)
        self.browser.setToolTip(self.tr("The release as it will look when exported"))
        # The tabs behind the first are made when first needed (shown, or given findings):
        # the first paint shows the formatted release only.
        self._text_view: QPlainTextEdit | None = None
        self._checks: ChecksPanel | None = None
        self._channels: ChannelsPanel | None = None
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.browser, self.tr("Formatted"))
        self._text_tab = self._tab(self.tr("Plain text"))
        self._checks_tab = self._tab(
            self.checks_title(), self.tr("Pre-flight checks: what to look at before sending")
        )
        self._channels_tab = self._tab(
            self.tr("Channels"), self.tr("The release as an SMS and a social-media post")
        )
        self.tabs.currentChanged.connect(self.current_page)  # first: the page is made
        self.tabs.currentChanged.connect(self._fill_text_if_shown)
        self.tabs.currentChanged.connect(self._fill_channels_if_shown)
        self.tabs.currentChanged.connect(self._check_if_shown)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.exercise_banner)
        layout.addWidget(self.embargo_banner)
        layout.addWidget(self.tabs)

        session.replaced.connect(self._new_release)
        session.rendered.connect(self._show_document)
        session.failed.connect(self._show_error)
        session.findings_changed.connect(self._show_findings)

    def _tab(self, title: str, tip: str = "") -> QWidget:
        """An empty tab, the place of a page made when first needed (``_fill_tab``)."""
        tab = QWidget(self.tabs)
        tab_layout = QVBoxLayout(tab)
        tab_layout.setContentsMargins(0, 0, 0, 0)
        index = self.tabs.addTab(tab, title)
        if tip:
            self.tabs.setTabToolTip(index, tip)
        return tab

    @staticmethod
    def _fill_tab(tab: QWidget, page: QWidget) -> None:
        layout = tab.layout()
        assert layout is not None
        layout.addWidget(page)
        page.show()  # at once, not at the next turn of the event loop (the tab may be shown)

    @property
    def text_view(self) -> QPlainTextEdit:
        """The Plain text tab's page."""
        if self._text_view is None:
            view = QPlainTextEdit(self._text_tab)
            view.setReadOnly(True)
            view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # wrapped at 72 already
            view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
            view.setToolTip(self.tr("The release as plain text, for e-mail and web forms"))
            self._fill_tab(self._text_tab, view)
            self._text_view = view
        return self._text_view

    @property
    def checks(self) -> ChecksPanel:
        """The Checks tab's page."""
        if self._checks is None:
            from editor.ui.panels.checks_panel import ChecksPanel

            panel = ChecksPanel(self._checks_tab)
            panel.field_requested.connect(self.field_requested)
            self._fill_tab(self._checks_tab, panel)
            self._checks = panel
        return self._checks

    @property
    def channels(self) -> ChannelsPanel:
        """The Channels tab's page."""
        if self._channels is None:
            from editor.ui.panels.channels_panel import ChannelsPanel

            panel = ChannelsPanel(self._channels_tab)
            panel.copied.connect(self.channel_copied)
            self._fill_tab(self._channels_tab, panel)
            self._channels = panel
        return self._channels

    def _banner(self, name: str, style: str) -> QLabel:
        """A line above the preview (an error, the embargo, an exercise), hidden until used."""
        banner = QLabel(self)
        banner.setObjectName(name)
        banner.setTextFormat(Qt.TextFormat.PlainText)
        banner.setWordWrap(True)
        banner.setStyleSheet(style)
        banner.hide()
        return banner

    def filling(self) -> bool:
        """True while a long page just set is still being filled in (see PartwiseDocument), or
        the first render of a release just opened is still to be shown."""
        return self._due is not None or self._page.filling()

    def show_formatted(self) -> None:
        self.tabs.setCurrentWidget(self.browser)

    def show_plain_text(self) -> None:
        self.tabs.setCurrentWidget(self._text_tab)

    def show_checks(self) -> None:
        self.tabs.setCurrentWidget(self._checks_tab)

    def show_channels(self) -> None:
        self.tabs.setCurrentWidget(self._channels_tab)

    def focus_current_tab(self) -> None:
        self.current_page().setFocus()

    def current_page(self) -> QWidget:
        """What the current tab shows (made now if it was not yet)."""
        current = self.tabs.currentWidget()
        pages: dict[QWidget, Callable[[], QWidget]] = {
            self._text_tab: lambda: self.text_view,
            self._checks_tab: lambda: self.checks,
            self._channels_tab: lambda: self.channels,
        }
        page = pages.get(current)
        return page() if page is not None else current

    def checks_title(self) -> str:
        count = self._checks.count() if self._checks is not None else 0
        if not count:
            return self.tr("Checks")
        return self.tr("Checks ({count})").format(count=count)

    def _new_release(self) -> None:
        self._shown_any = False
        self._due = None
        self._page.clear()  # another release: its first preview is set whole

    def _show_document(self, document: RenderedDocument) -> None:
        if not self._shown_any and self.isVisible():
            self._due = document  # the latest render, shown once the new form has painted
            self._due_timer.start()
            return
        self._show_now()

    def _show_due_in_turn(self) -> None:
        if not turns.my_turn():  # another slice ran in this turn (see editor.ui.turns)
            self._due_timer.start()
            return
        self.show_due()
        turns.slice_done()

    def show_due(self) -> None:
        """Show now the render of a release just opened, still due (for a reader at once)."""
        if self._due is not None:
            self._due_timer.stop()
            self._show_now()

    def _show_now(self) -> None:
        self._due = None
        self._shown_any = True
        self.banner.hide()
        release = self._session.rendered_release
        if release is not None:
            self._show_embargo(release)
        page = self._session.page_parts()
        if page is not None:
            _keep_scroll(self.browser, lambda: self._page.show(page))
        self._text_outdated = self._channels_outdated = True
        self._fill_text_if_shown()
        self._fill_channels_if_shown()

    def _show_findings(self, findings: list[Finding]) -> None:
        labels = {f.key: f.label for f in self._session.template.fields}
        self.checks.show_findings(findings, labels)
        title = self.checks_title()
        index = self.tabs.indexOf(self._checks_tab)
        if self.tabs.tabText(index) != title:
            self.tabs.setTabText(index, title)

    def _show_embargo(self, release: Release) -> None:
        if release.exercise:
            self.exercise_banner.setText(
                self.tr("{word}: this release is an exercise, and every format says so.").format(
                    word=exercise_word(release.template.language)
                )
            )
        self.exercise_banner.setVisible(release.exercise)
        if release.embargo is None:
            self.embargo_banner.hide()
            return
        self.embargo_banner.setText(embargo_notice(release.embargo, release.template.language))
        self.embargo_banner.show()

    def _check_if_shown(self) -> None:
        """The Checks tab opened while checks are due (before the first paint, or while
        typing): they run now, as someone wants to read them."""
        if self.tabs.currentWidget() is self._checks_tab:
            self._session.flush_checks()

    def _fill_channels_if_shown(self) -> None:
        if not (self._channels_outdated and self.tabs.currentWidget() is self._channels_tab):
            return
        if self._session.document is None:
            return
        self._channels_outdated = False
        try:
            versions = self._session.short_versions()
        except PressklarError as problem:
            self.channels.show_error(getattr(problem, "message", str(problem)))
            return
        self.channels.show_versions(versions)

    def _fill_text_if_shown(self) -> None:
        if self._text_outdated and self.tabs.currentWidget() is self._text_tab:
            text = self._session.plain_text()
            _keep_scroll(self.text_view, lambda: self.text_view.setPlainText(text))
            self._text_outdated = False

    def _show_error(self, problem: PressklarError) -> None:
        if self._due is not None:  # the render it follows first: "the last version that worked"
            self._show_now()
        line = getattr(problem, "line", None)
        message = getattr(problem, "message", str(problem))
        if line is not None:
            text = self.tr("The template has an error on line {line}: {message}").format(
                line=line, message=message
            )
        else:
            text = self.tr("The template has an error: {message}").format(message=message)
        if self._session.document is not None:
            text += "\n" + self.tr("The preview shows the last version that worked.")
        else:  # nothing of this release ever rendered: show no other release's text
            self.browser.clear()
            self._page.clear()
            if self._text_view is not None:
                self._text_view.clear()
        self._shown_any = True
        self.banner.setText(text)
        self.banner.show()

    def _open_link(self, url: QUrl) -> None:
        if is_safe_link(url.toString()):
            QDesktopServices.openUrl(url)

    def _after_paint(self) -> None:
        if self._shown_any:
            self.browser.after_paint = None
            QTimer.singleShot(0, self.first_painted.emit)


class _Browser(QTextBrowser):
    """The formatted preview, which calls ``after_paint`` (while set) once it has painted.

    Not an event filter on the viewport: the viewport is a widget PySide has no object for, and
    asking for it makes PySide create the type of every widget class not made yet, some 20 ms
    before the first paint (``editor.ui.qt_types`` makes them after it, a few a turn).
    """

    after_paint: Callable[[], None] | None = None

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.after_paint is not None:
            self.after_paint()


def _keep_scroll(view: QAbstractScrollArea, replace: Callable[[], None]) -> None:
    """Replace a view's content without moving where the reader is."""
    vertical, horizontal = view.verticalScrollBar(), view.horizontalScrollBar()
    top, left = vertical.value(), horizontal.value()
    replace()
    vertical.setValue(top)
    horizontal.setValue(left)
