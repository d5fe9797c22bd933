"""The pipeline of one open release, without Qt: template and values in, the rendered document,
its HTML page and plain text, its pre-flight findings and its short versions out.

It knows what is stale. A change of values (``invalidate``) or of what the rendering depends on
(``configure``: the organisation, the level sets, the message language) marks everything stale;
each product is made again on the first question after that, from the one document the last
render made, so the preview, the checks, the channels and every export agree. When the template
cannot be rendered, the error is kept and the last good products stay available: a preview can
go on showing them while it names the error.

The GUI's ``ReleaseSession`` wraps this with timers and signals; the CLI uses it directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from editor.errors import PressklarError, TemplateError
from editor.model.levels import LevelSetRegistry
from editor.model.release import Release
from editor.render.document import RenderedDocument

if TYPE_CHECKING:  # the checks and the short forms are imported when first asked for
    from editor.render.checks import Finding
    from editor.render.short import ShortText
    from editor.render.spelling_checks import SpellerSource
    from editor.render.writers.html import PageParts

ReleaseSource = Callable[[], Release]


@dataclass(frozen=True)
class RenderSettings:
    """What a render depends on besides the release itself."""

    organisation: str = ""  # the settings' organisation name, for the metadata and the checks
    levels: LevelSetRegistry | None = None  # None: the built-in level sets
    language: str = "en"  # the UI's language: the checks' messages
    spelling: SpellerSource | None = None  # a language's speller; None: no unknown-word check


class RenderSession:
    def __init__(self, source: ReleaseSource, settings: RenderSettings | None = None) -> None:
        self._source = source
        self._settings = settings or RenderSettings()
        self._stale = True
        self._release: Release | None = None
        self._document: RenderedDocument | None = None
        self._error: PressklarError | None = None
        self._products: dict[str, Any] = {}  # made from self._document, dropped at each render
        self._checks_round = 0  # which findings a findings_job makes: one more at each change

    @property
    def settings(self) -> RenderSettings:
        return self._settings

    def set_source(self, source: ReleaseSource) -> None:
        """Another release: nothing of the last one is shown for it, not even on an error."""
        self._source = source
        self._release, self._document, self._error = None, None, None
        self._products.clear()
        self._checks_round += 1
        self._stale = True

    def configure(self, **changes: Any) -> None:
        """Change what the render depends on (``organisation``, ``levels``, ``language``)."""
        settings = replace(self._settings, **changes)
        if settings != self._settings:
            self._settings = settings
            self._stale = True

    def invalidate(self) -> None:
        """The values changed: the next question renders again."""
        self._stale = True

    @property
    def stale(self) -> bool:
        return self._stale

    def refresh(self) -> bool:
        """Render if stale. True when a render ran (a new document, or a new error)."""
        if not self._stale:
            return False
        self._stale = False
        from editor.render.engine import render_document

        release = self._source()
        settings = self._settings
        try:
            document = render_document(
                release.template,
                release.values,
                settings.levels,
                organisation=settings.organisation,
                embargo=release.embargo,
                exercise=release.exercise,
                number=release.incident.number if release.incident else 1,
            )
        except PressklarError as problem:
            self._error = problem
            return True
        self._release, self._document, self._error = release, document, None
        self._products.clear()
        self._checks_round += 1
        return True

    @property
    def document(self) -> RenderedDocument | None:
        """The last good render (older than the values while the template fails)."""
        return self._document

    @property
    def release(self) -> Release | None:
        """The release as it was at the last good render (its values, its embargo)."""
        return self._release

    @property
    def error(self) -> PressklarError | None:
        """Why the latest render failed; None when it worked."""
        return self._error

    def current_document(self) -> RenderedDocument:
        """The release rendered as it stands now; the template's error when it cannot be."""
        self.refresh()
        if self._error is not None:
            raise self._error
        if self._document is None:
            raise TemplateError("render.nothing_to_show")
        return self._document

    def _product(self, name: str, make: Callable[[RenderedDocument], Any]) -> Any:
        if self._document is None:
            return None
        if name not in self._products:
            self._products[name] = make(self._document)
        return self._products[name]

    def html_page(self) -> str:
        """The HTML page of the last good render (what the HTML export writes); "" before one."""
        page = self.page_parts()
        return self._product("html", lambda _document: page.html()) if page else ""

    def page_parts(self) -> PageParts | None:
        """``html_page`` in pieces (head, each part of the body, tail); None before a render."""
        from editor.render.writers.html import page_parts

        made: PageParts | None = self._product("page_parts", page_parts)
        return made

    def plain_text(self) -> str:
        """The plain text of the last good render (what the text export writes)."""
        from editor.render.writers.text import plain_text

        return str(self._product("text", plain_text) or "")

    def recheck(self) -> None:
        """Make the findings again on the next question (the user's dictionary changed, or a
        dictionary finished loading): the render itself still holds."""
        self._products.pop("findings", None)
        self._checks_round += 1

    def has_findings(self) -> bool:
        """True when the findings of the last good render are made already."""
        return "findings" in self._products

    def findings(self) -> list[Finding]:
        """The pre-flight findings of the last good render, made on first question."""
        job = self.findings_job()
        if job is not None:
            self.keep_findings(job[0], job[1]())
        found = self._products.get("findings") if self._document is not None else None
        return list(found) if found is not None else []

    def findings_job(self) -> tuple[int, Callable[[], list[Finding]]] | None:
        """The checks of the last good render as work that touches nothing of this session
        (the release, the document and the settings are captured; none of them changes), for
        a worker thread, with a ticket; None when they are made already, or there is no
        render. Give the result to ``keep_findings`` with the ticket."""
        if self._document is None or self._release is None or "findings" in self._products:
            return None
        from editor.render.checks import check_release

        release, document, settings = self._release, self._document, self._settings
        # the speller is asked for here, on the caller's thread (asking may start its loading)
        source = settings.spelling
        speller = source(release.template.language) if source is not None else None

        def make() -> list[Finding]:
            return check_release(
                release,
                settings.language,
                doc=document,
                levels=settings.levels,
                organisation=settings.organisation,
                spelling=lambda _language: speller,
            )

        return self._checks_round, make

    def keep_findings(self, ticket: int, findings: list[Finding]) -> bool:
        """Keep the findings a ``findings_job`` made, if nothing changed since it was given
        (no render, no recheck) and none were kept meanwhile (then True)."""
        if ticket != self._checks_round or "findings" in self._products:
            return False
        self._products["findings"] = list(findings)
        return True

    def short_versions(self) -> dict[str, ShortText]:
        """The template's SMS and social versions for the last good render's values; the short
        form's TemplateError when one of them cannot be rendered."""
        from editor.render.short import short_versions

        def make(_: RenderedDocument) -> dict[str, ShortText] | PressklarError:
            assert self._release is not None
            try:
                return short_versions(
                    self._release.template,
                    self._release.values,
                    levels=self._settings.levels,
                    exercise=self._release.exercise,
                )
            except PressklarError as problem:
                return problem

        versions = self._product("short", make)
        if isinstance(versions, PressklarError):
            raise versions
        return dict(versions or {})


def render_release(release: Release, settings: RenderSettings | None = None) -> RenderedDocument:
    """One release rendered, for a headless export; TemplateError when it cannot be."""
    return RenderSession(lambda: release, settings).current_document()
