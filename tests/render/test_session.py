"""The release session's Qt-free pipeline: values in; document, page, text, findings and short
versions out; what is stale and what is kept when the template fails."""

from __future__ import annotations

from typing import Any

import pytest

from editor.errors import TemplateError
from editor.model.release import Release
from editor.render.session import RenderSession, RenderSettings, render_release
from tests.helpers import builtin, make_template, values

FIELDS = [{"key": "headline", "type": "text", "label": "Rubrik", "required": True}]


class Source:
    """A release whose values a test changes, and a count of how often it was read."""

    def __init__(self, release: Release) -> None:
        self.release = release
        self.reads = 0

    def __call__(self) -> Release:
        self.reads += 1
        return self.release

    def set(self, **changes: Any) -> None:
        self.release = self.release.with_values({**self.release.values, **changes})


def session_for(body: str = "# {{ headline }}\n\nText.") -> tuple[RenderSession, Source]:
    source = Source(Release.new(make_template(body, FIELDS), {"headline": "Första"}))
    return RenderSession(source), source


def test_values_in_document_page_and_text_out() -> None:
    session, _ = session_for()
    document = session.current_document()
    assert document.title == "Första"
    assert "<h1>Första</h1>" in session.html_page()
    assert session.plain_text().startswith("Första\n")


def test_the_page_in_parts_is_the_html_page_once_per_render() -> None:
    session, _ = session_for("# {{ headline }}\n\nEtt stycke.\n\n- a\n- b")
    assert session.page_parts() is None  # nothing rendered yet
    session.refresh()
    page = session.page_parts()
    assert page is not None and session.page_parts() is page
    assert page.html() == session.html_page()
    assert page.parts == (
        "<h1>Första</h1>\n",
        "<p>Ett stycke.</p>\n",
        "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n",
    )


def test_nothing_renders_until_something_is_stale() -> None:
    session, source = session_for()
    assert session.stale
    assert session.refresh() is True
    assert session.refresh() is False and source.reads == 1
    source.set(headline="Andra")
    assert session.document is not None and session.document.title == "Första"
    session.invalidate()
    assert session.stale
    assert session.current_document().title == "Andra"
    assert source.reads == 2


def test_products_are_made_once_per_render_from_the_same_document() -> None:
    session, source = session_for()
    session.refresh()
    page = session.html_page()
    assert session.html_page() is page
    assert not session.has_findings()
    first = session.findings()
    assert session.has_findings() and session.findings() == first
    source.set(headline="")
    session.invalidate()
    session.refresh()
    assert not session.has_findings()
    codes = [f.code for f in session.findings()]
    assert "required_empty" in codes
    assert "Andra" not in session.html_page() and "Första" not in session.html_page()


def test_a_template_error_is_kept_beside_the_last_good_document() -> None:
    session, source = session_for("# {{ headline }}\n\n{% if headline %}ok{% endif %}")
    session.refresh()
    good = session.document
    source.release = Release.new(make_template("# {{ headline }", FIELDS), {"headline": "x"})
    session.invalidate()
    assert session.refresh() is True
    assert isinstance(session.error, TemplateError)
    assert session.document is good  # still shown, with the error named beside it
    with pytest.raises(TemplateError):
        session.current_document()


def test_another_release_shows_nothing_of_the_last_one() -> None:
    session, _ = session_for()
    session.refresh()
    broken = Release.new(make_template("{{ nope(", FIELDS))
    session.set_source(lambda: broken)
    assert session.document is None and session.html_page() == ""
    session.refresh()
    assert session.document is None and session.error is not None


def test_settings_are_part_of_what_is_stale() -> None:
    template = builtin("general-sv")
    release = Release.new(template, values(template, {"headline": "Rubrik"}))
    session = RenderSession(lambda: release, RenderSettings(organisation="Region Exempel"))
    assert session.current_document().meta.organisation == "Region Exempel"
    session.configure(organisation="Region Exempel")
    assert not session.stale  # the same settings: nothing to do
    session.configure(organisation="Region Annan")
    assert session.stale
    assert session.current_document().meta.organisation == "Region Annan"


def test_findings_are_in_the_configured_language() -> None:
    session, source = session_for()
    source.set(headline="")
    session.configure(language="sv")
    session.refresh()
    messages = [f.message for f in session.findings() if f.code == "required_empty"]
    assert messages and "måste fyllas i" in messages[0]


def test_short_versions_come_from_the_rendered_values() -> None:
    template = builtin("readiness-raised-sv")
    release = Release.new(template, {})
    session = RenderSession(lambda: release)
    session.refresh()
    versions = session.short_versions()
    assert set(versions) == {"sms", "social"}
    assert versions["sms"].length > 0


def test_render_release_is_the_headless_path() -> None:
    template = builtin("general-en")
    release = Release.new(template, values(template, {"headline": "Roads reopen"}))
    assert render_release(release).title == "Roads reopen"


def test_findings_made_elsewhere_are_kept_only_while_nothing_changed() -> None:
    session, source = session_for()
    session.current_document()
    job = session.findings_job()
    assert job is not None
    ticket, make = job
    made = make()  # as a worker thread would, touching nothing of the session
    assert session.keep_findings(ticket, made)
    assert [f.code for f in session.findings()] == [f.code for f in made]
    assert session.findings_job() is None  # made already

    stale = session.findings_job()
    session.recheck()
    job = session.findings_job()
    assert stale is None and job is not None
    ticket, make = job
    source.set(headline="")
    session.invalidate()
    session.current_document()  # a new render: the job's findings are for the last one
    assert not session.keep_findings(ticket, make())
    assert any(f.field == "headline" for f in session.findings())  # made for this render
