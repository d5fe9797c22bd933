"""What an export needs beyond the rendered document, read from the files: for a CAP alert, the
incident thread beside the release (its earlier alerts), the release's language versions and
the organisation's settings.

``options_for_release`` is what the CLI and the GUI both call for the options of an export; it
asks the folder only when the format's writer needs it (``Writer.needs_alert``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from editor.errors import PressklarError
from editor.model.alerting import alert_identifier, alert_sent, message_type
from editor.model.language import base_language
from editor.model.levels import LevelSetRegistry
from editor.model.release import Release
from editor.render import writers
from editor.render.alert import AlertContext, AlertReference, AlertVersion, alert_version
from editor.render.document import RenderedDocument
from editor.render.export import ExportSettings, export_options
from editor.render.writers.base import ExportOptions
from editor.storage.filenames import web_page_stem
from editor.storage.incidents import releases_in

Beside = list[tuple[Path, Release]]


def _beside(release_path: str | os.PathLike[str]) -> Beside:
    """The releases saved in the folder of ``release_path`` (none for a release never saved)."""
    if not str(release_path):
        return []
    folder = Path(release_path).resolve().parent
    return [(path, release) for path, release, _ in releases_in(folder)]


def _version_order(release: Release) -> tuple[bool, datetime, str]:
    """The original before its language copies (made in the same second, too), then by age."""
    return (release.language_copy is not None, release.created, release.template.language)


def language_versions(release_path: str | os.PathLike[str]) -> list[tuple[Path, Release]]:
    """The other language versions of the release saved at ``release_path``: the releases in
    its folder of the same incident and number in another language, the first made first."""
    from editor.storage.releases import load_release

    release = load_release(release_path)
    return _versions(release, release_path, _beside(release_path))


def _versions(release: Release, release_path: str | os.PathLike[str], beside: Beside) -> Beside:
    """(``beside``'s paths are resolved, as ``_beside`` gives them.)"""
    link = release.incident
    if link is None:
        return []
    own_path = Path(release_path).resolve()
    seen = {base_language(release.template.language)}
    found = []
    for path, other in sorted(beside, key=lambda pair: _version_order(pair[1])):
        language = base_language(other.template.language)
        if other.incident is None or path == own_path or language in seen:
            continue
        if (other.incident.incident_id, other.incident.number) == (link.incident_id, link.number):
            seen.add(language)
            found.append((path, other))
    return found


def web_address(base: str, release: Release, document: RenderedDocument) -> str:
    """The release's page in the newsroom published at ``base`` ("" when there is none)."""
    base = base.strip()
    if not base:
        return ""
    stem = web_page_stem(document.meta.release_date, document.title, release.id)
    return f"{base.rstrip('/')}/{stem}.html"


def _earlier(release: Release, beside: Beside) -> list[Release]:
    """The releases before this one: the chain of releases it follows (the first of an
    incident has no incident of its own), and the incident's lower numbers."""
    by_id = {other.id: other for _, other in beside}
    found: list[Release] = []
    link, seen = release.incident, {release.id}
    while link is not None and link.follows_id in by_id and link.follows_id not in seen:
        previous = by_id[link.follows_id]
        seen.add(previous.id)
        found.append(previous)
        link = previous.incident
    if release.incident is not None:
        incident, number = release.incident.incident_id, release.incident.number
        found += [
            other
            for _, other in beside
            if other.incident is not None
            and other.incident.incident_id == incident
            and other.incident.number < number
        ]
    return found


def _references(release: Release, beside: Beside) -> tuple[AlertReference, ...]:
    """The earlier alerts, each sent when its first language version was."""
    first_sent: dict[str, datetime] = {}
    for _, other in beside:
        identifier = alert_identifier(other.id, other.incident)
        sent = alert_sent(other.values, other.created)
        first_sent[identifier] = min(sent, first_sent.get(identifier, sent))
    own = alert_identifier(release.id, release.incident)
    named = {alert_identifier(other.id, other.incident) for other in _earlier(release, beside)}
    named.discard(own)
    references = [AlertReference(identifier, first_sent[identifier]) for identifier in named]
    return tuple(sorted(references, key=lambda r: (r.sent, r.identifier)))


def alert_context(
    release: Release,
    release_path: str | os.PathLike[str],
    settings: ExportSettings,
    levels: LevelSetRegistry | None,
    document: RenderedDocument,
    beside: Beside | None = None,
    rendered: Mapping[str, RenderedDocument] | None = None,
) -> AlertContext:
    """The alert of ``release`` (rendered as ``document``), with every language version saved
    beside it: exported from any of them, the alert is the same. ``beside``: the releases of
    its folder when already read, and ``rendered`` their documents by release id when already
    made (a newsroom reads and renders them once for all its alerts)."""
    from editor.render.session import RenderSettings, render_release

    beside = _beside(release_path) if beside is None else beside
    made: list[tuple[Release, RenderedDocument]] = [(release, document)]
    render_settings = RenderSettings(settings.organisation_name, levels)
    for _, other in _versions(release, release_path, beside):
        try:
            known = (rendered or {}).get(other.id)
            made.append((other, known or render_release(other, render_settings)))
        except PressklarError:
            continue  # a version that cannot be rendered is left out; this one still goes
    made.sort(key=lambda pair: _version_order(pair[0]))
    versions: list[AlertVersion] = [
        alert_version(r, d, levels, web_address(settings.public_web_address, r, d)) for r, d in made
    ]
    return AlertContext(
        identifier=alert_identifier(release.id, release.incident),
        sender=settings.cap_sender.strip() or settings.press_office_email.strip(),
        sent=min(alert_sent(r.values, r.created) for r, _ in made),
        versions=tuple(versions),
        sender_name=settings.organisation_name.strip() or document.meta.organisation,
        exercise=any(r.exercise for r, _ in made),
        msg_type=message_type(release.template.id, release.incident),
        references=_references(release, beside),
        incident=release.incident.incident_id if release.incident else "",
        area=settings.cap_area.strip(),
    )


def options_for_release(
    release: Release,
    release_path: str | os.PathLike[str],
    fmt: str,
    settings: ExportSettings,
    levels: LevelSetRegistry | None,
    document: RenderedDocument,
    beside: Beside | None = None,
    rendered: Mapping[str, RenderedDocument] | None = None,
    **choices: Any,
) -> ExportOptions:
    """``export_options`` (``choices``: letterhead, distribution_list, letterhead_fallback),
    with the alert when ``fmt``'s writer needs one (``beside``, ``rendered``: see
    ``alert_context``)."""
    options = export_options(release.template, settings, **choices)
    if not writers.writer_class(fmt).needs_alert:
        return options
    from dataclasses import replace

    alert = alert_context(release, release_path, settings, levels, document, beside, rendered)
    return replace(options, alert=alert)
