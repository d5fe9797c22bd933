"""The static newsroom: a thread of three releases published as index.html (newest first), one
page and one CAP alert per release and an Atom feed, all linked relatively; broken files are
left out and named, an unwritable site is a clear message."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest

from editor.errors import StorageError
from editor.model.release import Release
from editor.render.session import render_release
from editor.render.writers.html import html_page
from editor.storage.incidents import follow_up_of
from editor.storage.newsroom import publish_newsroom
from editor.storage.releases import save_release
from editor.storage.settings import Settings
from tests.helpers import HtmlChecker, assert_valid_cap, builtin, values
from tests.reference.cases import raw_values
from tests.storage.test_alerts import SETTINGS, _home, _reference
from tests.test_cli import run

ATOM = "{http://www.w3.org/2005/Atom}"


def _finished(release: Release, **typed: object) -> Release:
    """``release`` with ``typed`` and, where a required field is still empty, its case's value:
    the newsroom leaves drafts out."""
    case = values(release.template, raw_values(release.template.id))
    filled = {
        f.key: case[f.key]
        for f in release.template.fields
        if f.required and not release.values[f.key]
    }
    parsed = values(release.template, typed)
    return release.with_values({**release.values, **filled, **{k: parsed[k] for k in typed}})


def _thread(folder: Path) -> list[Path]:
    first = folder / "1.pressklar"
    save_release(_reference("readiness-raised-sv"), first)
    second = follow_up_of(first, builtin("incident-update-sv"))
    save_release(_finished(second, headline="Läget"), folder / "2.pressklar")
    third = follow_up_of(folder / "2.pressklar", builtin("readiness-ended-sv"))
    save_release(_finished(third), folder / "3.pressklar")
    (folder / "broken.pressklar").write_text("{not a release", encoding="utf-8")
    return [folder / f"{n}.pressklar" for n in (1, 2, 3)]


def _checked(path: Path) -> HtmlChecker:
    checker = HtmlChecker()
    checker.feed(path.read_text(encoding="utf-8"))
    checker.close()
    assert checker.open == [], path.name
    return checker


def test_a_thread_becomes_a_site_with_its_feed(tmp_path: Path) -> None:
    folder, site = tmp_path / "releases", tmp_path / "site"
    folder.mkdir()
    files = _thread(folder)
    result = publish_newsroom(folder, site, Settings(**SETTINGS))  # type: ignore[arg-type]
    assert [n.code for n in result.notes] == ["newsroom.skipped"]
    assert "broken.pressklar" in result.notes[0].text()

    index = _checked(site / "index.html")
    pages = [link for link in index.links if link.endswith(".html")]
    assert len(pages) == 3
    titles = [render_release(_release_at(f)).title for f in reversed(files)]
    shown = " ".join(" ".join(index.text).split())
    assert [shown.index(title) for title in titles] == sorted(shown.index(t) for t in titles)
    for link in index.links:
        assert "://" not in link and not link.startswith("/"), link
        assert (site / link).is_file(), link
    for page, path in zip(pages, reversed(files), strict=True):
        assert (site / page).read_text(encoding="utf-8") == html_page(
            render_release(_release_at(path))
        )
        _checked(site / page)
        assert_valid_cap((site / page).with_suffix(".xml").read_bytes())

    feed = ET.parse(site / "feed.atom").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}title") == "Region Exempel: press releases"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == titles
    for entry in entries:
        assert (entry.findtext(f"{ATOM}id") or "").startswith("urn:uuid:")
        assert entry.findtext(f"{ATOM}updated")
        links = {link.get("rel"): link.get("href") or "" for link in entry.findall(f"{ATOM}link")}
        assert (site / links["alternate"]).is_file() and (site / links["related"]).is_file()
        assert entry.findtext(f"{ATOM}summary")
        assert "<h1>" in (entry.findtext(f"{ATOM}content") or "")


def _release_at(path: Path) -> Release:
    from editor.storage.releases import load_release

    return load_release(path)


def test_typed_markup_is_escaped_everywhere_in_the_site(tmp_path: Path) -> None:
    folder, site = tmp_path / "releases", tmp_path / "site"
    folder.mkdir()
    template = builtin("general-en")
    typed = {
        **raw_values("general-en"),
        "headline": "<script>alert(1)</script> & more",
        "organisation": "Region <b>",
    }
    save_release(Release.new(template, values(template, typed)), folder / "x.pressklar")
    publish_newsroom(folder, site, Settings(organisation_name="Region <i>Exempel</i>"))
    for path in site.iterdir():
        assert b"<script>" not in path.read_bytes(), path.name
    _checked(site / "index.html")
    assert "<script>alert(1)</script> & more" in " ".join(_checked(site / "index.html").text)
    ET.parse(site / "feed.atom")  # well-formed XML


def test_releases_under_embargo_and_drafts_stay_off_the_public_site(tmp_path: Path) -> None:
    folder, site = tmp_path / "releases", tmp_path / "site"
    folder.mkdir()
    done = _reference("holding-sv")
    save_release(done, folder / "done.pressklar")
    later = datetime(2030, 1, 2, 9, 0)
    save_release(_reference("holding-en").with_embargo(later), folder / "embargo.pressklar")
    draft = Release.new(builtin("general-sv"))  # its required fields still empty
    save_release(draft, folder / "draft.pressklar")
    now = datetime(2030, 1, 1, 12, 0)
    result = publish_newsroom(folder, site, Settings(**SETTINGS), now=now)  # type: ignore[arg-type]
    assert [p.release.id for p in result.published] == [done.id]
    notes = {n.code: n.text() for n in result.notes}
    assert notes["newsroom.embargoed"] == (
        "embargo.pressklar was left out: it is under embargo until 2030-01-02 09:00."
    )
    assert notes["newsroom.unfinished"].startswith("draft.pressklar was left out")
    index = " ".join(_checked(site / "index.html").text)
    assert render_release(done).title in index
    assert render_release(_reference("holding-en")).title not in index
    after = publish_newsroom(folder, site, Settings(**SETTINGS), now=later)  # type: ignore[arg-type]
    assert len(after.published) == 2  # the embargo has passed


def test_an_unwritable_site_or_a_missing_folder_is_a_clear_message(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    folder.mkdir()
    save_release(_reference("holding-sv"), folder / "h.pressklar")
    in_the_way = tmp_path / "site"
    in_the_way.write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(StorageError) as blocked:
        publish_newsroom(folder, in_the_way / "inner", Settings(**SETTINGS))  # type: ignore[arg-type]
    assert "inner" in blocked.value.text()
    with pytest.raises(StorageError) as missing:
        publish_newsroom(tmp_path / "nowhere", tmp_path / "out", Settings())
    assert "nowhere" in missing.value.text()


def test_the_cli_publishes_and_names_what_it_left_out(tmp_path: Path) -> None:
    home = _home(tmp_path)
    folder = tmp_path / "releases"
    folder.mkdir()
    _thread(folder)
    result = run("newsroom", str(folder), "-o", str(tmp_path / "site"), home=home)
    assert result.returncode == 0, result.stderr
    assert "broken.pressklar" in result.stderr and "Traceback" not in result.stderr
    assert "3" in result.stdout
    assert len(list((tmp_path / "site").glob("*.xml"))) == 3
    failed = run("newsroom", str(tmp_path / "nowhere"), "-o", str(tmp_path / "s"), home=home)
    assert failed.returncode == 2 and "nowhere" in failed.stderr
