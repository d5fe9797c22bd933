"""Incidents on disk: a follow-up made from a saved release, the thread rebuilt from the files
in a folder alone, and the log entries that go with saving, exporting and copying."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.errors import PressklarError
from editor.model.followup import follow_up
from editor.model.incident import content_hash
from editor.model.release import RELEASE_SUFFIX, Release, parse_release
from editor.model.template import Template
from editor.storage import incident_log
from editor.storage.releases import MAX_RELEASE_FILE


def follow_up_of(path: str | os.PathLike[str], template: Template | None = None) -> Release:
    """The next release after the one saved at ``path`` (its file's hash recorded)."""
    target = Path(path)
    from editor.storage.atomic import read_text

    text = read_text(target, limit=MAX_RELEASE_FILE)
    previous = parse_release(text, target.name)
    title = rendered_title(previous) if previous.incident is None else ""  # names a new one
    return follow_up(previous, text.encode("utf-8"), template, title=title)


def rendered_title(release: Release) -> str:
    """The headline ``release`` renders to ("" when it cannot be rendered)."""
    from editor.render.session import render_release

    try:
        return render_release(release).title
    except PressklarError:
        return ""


@dataclass(frozen=True)
class ThreadItem:
    path: Path
    release: Release
    intact: bool  # the release it follows is in the folder, with the hash recorded


def releases_in(folder: Path) -> Iterator[tuple[Path, Release, bytes]]:
    """Every release file in ``folder`` that can be read, by name, with its bytes; the others
    are passed over."""
    for path in sorted(folder.glob(f"*{RELEASE_SUFFIX}")):
        try:
            data = path.read_bytes()
            release = parse_release(data.decode("utf-8"), path.name)
        except (OSError, UnicodeDecodeError, PressklarError):
            continue
        yield path, release, data


def incident_thread(folder: Path, incident_id: str) -> list[ThreadItem]:
    """Every release of the incident found in ``folder``, by number. A release whose
    predecessor is missing, or was changed after the follow-up was made, is not intact."""
    found: list[tuple[Path, Release, str]] = []
    for path, release, data in releases_in(folder):
        if release.incident is not None and release.incident.incident_id == incident_id:
            found.append((path, release, content_hash(data)))
    hashes = {release.id: digest for _, release, digest in found}
    items = []
    for path, release, _ in sorted(
        found, key=lambda f: f[1].incident.number if f[1].incident else 0
    ):
        link = release.incident
        assert link is not None
        intact = not link.follows_id or hashes.get(link.follows_id) == link.follows_hash
        items.append(ThreadItem(path, release, intact))
    return items


def log_folder_for(release: Release, release_path: str, fallback: Path) -> Path | None:
    """Where the release's incident logs: beside its file, else in ``fallback`` (the user's
    data folder) for a release never saved; None for a release of no incident."""
    if release.incident is None:
        return None
    incident_id = release.incident.incident_id
    if release_path:
        return incident_log.log_folder(release_path, incident_id)
    return fallback / "incidents" / incident_id


def record(
    release: Release,
    release_path: str,
    fallback: Path,
    action: str,
    *,
    fmt: str = "",
    written: str = "",
    data: bytes = b"",
    distribution_list: str = "",
) -> dict[str, Any] | None:
    """Log ``action`` for a release of an incident (nothing for any other release)."""
    folder = log_folder_for(release, release_path, fallback)
    if folder is None or release.incident is None:
        return None
    facts: dict[str, Any] = {
        "incident": release.incident.incident_id,
        "release": release.id,
        "number": release.incident.number,
        "exercise": release.exercise,
    }
    if fmt:
        facts["format"] = fmt
    if written:
        facts.update(incident_log.file_facts(written, data))
    if distribution_list:
        facts["distribution_list"] = distribution_list
    return incident_log.append(folder, action, **facts)
