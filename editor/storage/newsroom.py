"""A static newsroom: every release in a folder published as a self-contained site for any web
server or a USB stick, for the day the organisation's own web is down.

The site holds ``index.html`` (the releases, newest first), one page per release (exactly what
the HTML export writes), the release's CAP alert beside its page, and ``feed.atom``. Links are
relative and nothing is fetched from the network, so the folder works wherever it is copied.
A release file that cannot be read or rendered is left out and named, and so is a release still
under embargo or not finished (a required field empty): the site is public. Nothing is ever
deleted from the site.
"""

from __future__ import annotations

import html
import os
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from editor.errors import PressklarError, StorageError
from editor.i18n import Message, current_language, text
from editor.model.alerting import alert_sent
from editor.model.language import language_tag
from editor.model.levels import LevelSetRegistry
from editor.model.release import RELEASE_SUFFIX, Release
from editor.render.document import RenderedDocument
from editor.render.export import ExportSettings, export_document
from editor.render.layout import Role, parts
from editor.render.plain import inline_text, inline_tokens
from editor.storage.alerts import options_for_release
from editor.storage.atomic import atomic_write
from editor.storage.filenames import web_page_stem

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
INDEX, FEED = "index.html", "feed.atom"


@dataclass(frozen=True)
class Published:
    release: Release
    document: RenderedDocument
    page: str  # the page's file name in the site
    alert: str  # the CAP file's name beside it, "" when none was made
    sent: datetime


@dataclass
class NewsroomResult:
    site: Path
    published: list[Published] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)  # files left out, and why

    @property
    def index(self) -> Path:
        return self.site / INDEX


def _summary(doc: RenderedDocument) -> str:
    """The lead, else the first paragraph of the body."""
    for part in parts(doc.tree):
        if part.role in (Role.LEAD, Role.BODY) and part.node.type == "paragraph":
            return inline_text(inline_tokens(part.node))
    return ""


def _read(path: Path, settings: ExportSettings, levels: LevelSetRegistry | None) -> Published:
    from editor.render.session import RenderSettings, render_release
    from editor.storage.releases import load_release

    release = load_release(path)
    document = render_release(release, RenderSettings(settings.organisation_name, levels))
    stem = web_page_stem(document.meta.release_date, document.title, release.id)
    return Published(release, document, stem, "", alert_sent(release.values, release.created))


def _not_ready(path: Path, item: Published, now: datetime) -> Message | None:
    """Why a release in the folder must not go on the public site yet: under embargo, or not
    finished (a required field still empty, so the text shows its placeholder)."""
    embargo = item.release.embargo
    if embargo is not None and embargo > now:
        moment = embargo.strftime("%Y-%m-%d %H:%M")
        return Message("newsroom.embargoed", {"file": path.name, "moment": moment})
    tokens = item.document.tokens
    inline = (child for token in tokens for child in (token.children or ()))
    if any(token.type == "placeholder" for token in (*tokens, *inline)):
        return Message("newsroom.unfinished", {"file": path.name})
    return None


def _unique(stem: str, taken: set[str]) -> str:
    name, counter = stem, 2
    while name in taken:
        name, counter = f"{stem}-{counter}", counter + 1
    taken.add(name)
    return name


def publish_newsroom(
    folder: str | os.PathLike[str],
    site: str | os.PathLike[str],
    settings: ExportSettings,
    levels: LevelSetRegistry | None = None,
    now: datetime | None = None,
) -> NewsroomResult:
    """Write the newsroom of the releases in ``folder`` into ``site``. StorageError when the
    folder is missing or the site cannot be written; what was left out is in ``notes``: files
    that cannot be read, releases under embargo at ``now`` and drafts not finished."""
    moment = now or datetime.now()
    source, target = Path(folder), Path(site)
    if not source.is_dir():
        raise StorageError("storage.folder_missing", folder=str(source))
    result = NewsroomResult(target)
    taken: set[str] = set()
    found: list[tuple[Path, Published]] = []
    beside: list[tuple[Path, Release]] = []
    for path in sorted(source.glob(f"*{RELEASE_SUFFIX}")):
        try:
            item = _read(path.resolve(), settings, levels)
        except PressklarError as error:
            result.notes.append(
                Message("newsroom.skipped", {"file": path.name, "why": error.text()})
            )
            continue
        not_ready = _not_ready(path, item, moment)
        if not_ready is not None:
            result.notes.append(not_ready)
            continue
        found.append((path.resolve(), replace(item, page=_unique(item.page, taken))))
        beside.append((path.resolve(), item.release))
    found.sort(key=lambda pair: (pair[1].sent, _number(pair[1].release)), reverse=True)
    rendered = {item.release.id: item.document for _, item in found}  # made once, for all
    no_alerts: PressklarError | None = None
    for path, item in found:
        page = f"{item.page}.html"
        atomic_write(target / page, export_document(item.document, "html"), make_dirs=True)
        alert = ""
        if no_alerts is None:
            try:
                options = options_for_release(
                    item.release, path, "cap", settings, levels, item.document, beside, rendered
                )
                data = export_document(item.document, "cap", options)
            except PressklarError as error:
                no_alerts = error
            else:
                alert = f"{item.page}.xml"
                atomic_write(target / alert, data)
        result.published.append(Published(item.release, item.document, page, alert, item.sent))
    if no_alerts is not None:
        result.notes.append(Message("newsroom.no_alerts", {"why": no_alerts.text()}))
    feed_id = _urn(settings.public_web_address.strip() or str(source.resolve()))
    atomic_write(target / FEED, atom_feed(result.published, settings, feed_id), make_dirs=True)
    atomic_write(target / INDEX, index_page(result.published, settings))
    return result


def _number(release: Release) -> int:
    return release.incident.number if release.incident else 0


def _urn(text: str) -> str:
    """``urn:uuid:`` for a release's id (a UUID already), else one made from ``text``."""
    try:
        return uuid.UUID(hex=text).urn
    except ValueError:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"pressklar:{text}").urn


def _stamp(moment: datetime) -> str:
    aware = moment if moment.tzinfo is not None else moment.astimezone()
    return aware.replace(microsecond=0).isoformat(timespec="seconds")


def _heading(settings: ExportSettings) -> str:
    organisation = settings.organisation_name.strip()
    if organisation:
        return text("newsroom.heading_of", None, organisation=organisation)
    return text("newsroom.heading")


def atom_feed(published: list[Published], settings: ExportSettings, feed_id: str) -> bytes:
    """The Atom 1.0 feed (RFC 4287): one entry per release, newest first."""
    from editor.render.writers.html import html_fragment

    def add(parent: ET.Element, tag: str, value: str = "", **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, tag, attrs)
        if value:
            element.text = value
        return element

    # The namespace as a plain attribute: ElementTree cannot give the elements a default
    # namespace while their attributes (rel, href) have none.
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: language_tag(current_language())})
    add(feed, "title", _heading(settings))
    add(feed, "id", feed_id)
    updated = max((item.release.modified for item in published), default=datetime.now())
    add(feed, "updated", _stamp(updated))
    author = add(feed, "author")
    add(author, "name", settings.organisation_name.strip() or "Pressklar")
    add(feed, "link", rel="self", type="application/atom+xml", href=FEED)
    add(feed, "link", rel="alternate", type="text/html", href=INDEX)
    add(feed, "generator", "Pressklar")
    for item in published:
        entry = add(feed, "entry", **{XML_LANG: language_tag(item.document.meta.language)})
        add(entry, "id", _urn(item.release.id))
        add(entry, "title", item.document.title or item.page)
        add(entry, "updated", _stamp(item.release.modified))
        add(entry, "published", _stamp(item.sent))
        add(entry, "link", rel="alternate", type="text/html", href=item.page)
        if item.alert:
            add(entry, "link", rel="related", type="application/cap+xml", href=item.alert)
        summary = _summary(item.document)
        if summary:
            add(entry, "summary", summary)
        add(entry, "content", html_fragment(item.document), type="html")
    ET.indent(feed)
    body: bytes = ET.tostring(feed, encoding="utf-8")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"


def index_page(published: list[Published], settings: ExportSettings) -> str:
    """The site's front page: every release, newest first, with its date, lead and alert."""
    from editor.render.writers.html import stylesheet

    heading = html.escape(_heading(settings))
    items = []
    for item in published:
        lang = html.escape(language_tag(item.document.meta.language), quote=True)
        day = item.sent.date().isoformat()
        alert = (
            f' · <a href="{html.escape(item.alert, quote=True)}" type="application/cap+xml">'
            f"{html.escape(text('newsroom.alert'))}</a>"
            if item.alert
            else ""
        )
        summary = _summary(item.document)
        items.append(
            f'<li lang="{lang}">\n<h2><a href="{html.escape(item.page, quote=True)}">'
            f"{html.escape(item.document.title or item.page)}</a></h2>\n"
            f'<p class="masthead"><time datetime="{day}">{day}</time>{alert}</p>\n'
            + (f"<p>{html.escape(summary)}</p>\n" if summary else "")
            + "</li>\n"
        )
    listing = (
        f'<ul class="newsroom">\n{"".join(items)}</ul>\n'
        if items
        else f"<p>{html.escape(text('newsroom.empty'))}</p>\n"
    )
    feed = html.escape(text("newsroom.feed"))
    lang = html.escape(language_tag(current_language()), quote=True)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="Pressklar">\n'
        f"<title>{heading}</title>\n"
        f'<link rel="alternate" type="application/atom+xml" href="{FEED}" title="{feed}">\n'
        f"<style>\n{stylesheet()}ul.newsroom {{ list-style: none; padding: 0; }}\n</style>\n"
        f'</head>\n<body>\n<main>\n<h1>{heading}</h1>\n<p><a href="{FEED}">{feed}</a></p>\n'
        f"{listing}</main>\n</body>\n</html>\n"
    )
