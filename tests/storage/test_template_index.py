"""The library's listing index: what the New dialog lists of each template, read without
parsing a template; changed, added, removed and broken files are seen at once, and an index
that is corrupt, of another version or of a newer format is rebuilt."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from editor.storage import template_index
from editor.storage.library import BUILTIN, ORGANISATION, USER, load_library
from editor.storage.template_index import list_library, load_listed
from tests.storage.test_library import put, template_text


def count_loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the template files the listing loads (parses) from now on, in order."""
    parsed: list[str] = []
    real = template_index.load_file_entry

    def counting(path: Path, source: str, *rest: object) -> object:
        parsed.append(path.name)
        return real(path, source, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(template_index, "load_file_entry", counting)
    return parsed


def users(folder: Path, index: Path) -> list[tuple[str, str, bool]]:
    listing = list_library(folder, index_file=index)
    return sorted((e.key, e.name, e.usable) for e in listing.entries if e.source == USER)


def test_the_listing_says_what_the_library_says(tmp_path: Path) -> None:
    folder, index = tmp_path / "templates", tmp_path / "cache" / "index.json"
    put(folder, "a.toml", template_text("a", "Alfa"))
    put(folder, "b.toml", "name = 'B'\n")  # no body: listed with its error
    listing = list_library(folder, index_file=index)
    library = load_library(folder)
    assert [(e.key, e.source, e.name) for e in listing.entries] == [
        (e.key, e.source, e.name) for e in library.entries
    ]
    for listed, entry in zip(listing.entries, library.entries, strict=True):
        if entry.template is not None:
            assert (listed.id, listed.language, listed.description) == (
                entry.template.id,
                entry.template.language,
                entry.template.description,
            )
        else:
            assert listed.error is not None and not listed.usable
    assert any(e.source == BUILTIN for e in listing.entries)
    assert listing.find("a") is not None and listing.find("a").key == "user:a"  # type: ignore[union-attr]


def test_a_second_listing_parses_nothing_and_changes_are_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, index = tmp_path / "templates", tmp_path / "cache" / "index.json"
    first = put(folder, "a.toml", template_text("a", "Alfa"))
    put(folder, "b.toml", template_text("b", "Beta"))
    assert users(folder, index) == [("user:a", "Alfa", True), ("user:b", "Beta", True)]
    parsed = count_loads(monkeypatch)
    assert users(folder, index) == [("user:a", "Alfa", True), ("user:b", "Beta", True)]
    assert parsed == []  # built-ins and user templates all from the index
    stat = first.stat()
    first.write_text(template_text("a", "Adam"), encoding="utf-8")  # same size, in place
    os.utime(first, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    put(folder, "c.toml", template_text("c", "Cesar"))
    (folder / "b.toml").unlink()
    assert users(folder, index) == [("user:a", "Adam", True), ("user:c", "Cesar", True)]
    assert sorted(parsed) == ["a.toml", "c.toml"]
    rows = json.loads(index.read_text(encoding="utf-8"))["rows"]
    assert not any(key.endswith("b.toml") for key in rows)  # a removed file leaves the index
    put(folder, "c.toml", "not = [toml")
    assert users(folder, index)[-1] == ("user:c", "c", False)


@pytest.mark.parametrize(
    "damage",
    [
        "{not json",
        "[]",
        json.dumps({"format": 99, "version": "9", "rows": {}}),  # a newer Pressklar's
        json.dumps({"format": 1, "version": "0.0.0-other", "rows": {}}),
        "RECENT",  # rows of the right version whose shape is wrong
    ],
)
def test_a_corrupt_foreign_or_newer_index_is_rebuilt(tmp_path: Path, damage: str) -> None:
    folder, index = tmp_path / "templates", tmp_path / "cache" / "index.json"
    put(folder, "a.toml", template_text("a", "Alfa"))
    users(folder, index)
    if damage == "RECENT":
        data = json.loads(index.read_text(encoding="utf-8"))
        data["rows"] = {"user:x": {"stamp": "no", "name": 3}}
        damage = json.dumps(data)
    index.write_text(damage, encoding="utf-8")
    assert users(folder, index) == [("user:a", "Alfa", True)]
    data = json.loads(index.read_text(encoding="utf-8"))
    assert data["format"] == template_index.INDEX_FORMAT
    assert any("Alfa" in row for row in data["rows"].values())


def test_the_chosen_template_is_read_whole_and_a_vanished_one_has_its_error(
    tmp_path: Path,
) -> None:
    folder, organisation = tmp_path / "templates", tmp_path / "org"
    put(folder, "a.toml", template_text("a", "Alfa"))
    put(organisation, "o.toml", template_text("o", "Org"))
    listing = list_library(folder, str(organisation), index_file=tmp_path / "index.json")
    listed = listing.find("org:o")
    assert listed is not None and listed.source == ORGANISATION
    entry = load_listed(listed)
    assert entry.template is not None and entry.template.name == "Org" and entry.template.body
    builtin = next(e for e in listing.entries if e.source == BUILTIN)
    assert load_listed(builtin).template is not None
    (folder / "a.toml").unlink()
    gone = listing.find("user:a")
    assert gone is not None
    vanished = load_listed(gone)
    assert vanished.template is None and vanished.error is not None
    assert "a.toml" in vanished.error.text("en")


def test_a_missing_organisation_folder_is_reported(tmp_path: Path) -> None:
    listing = list_library(None, str(tmp_path / "nowhere"), index_file=tmp_path / "index.json")
    assert ORGANISATION in listing.source_errors
    assert any(e.source == BUILTIN for e in listing.entries)


def test_a_listing_asked_for_while_another_runs_waits_for_it_and_parses_nothing_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's warm-up lists the library on its thread; a New dialog opened meanwhile used
    to parse every new file a second time beside it."""
    import threading

    folder, index = tmp_path / "templates", tmp_path / "cache" / "index.json"
    for n in range(20):
        put(folder, f"t{n:02}.toml", template_text(f"t{n:02}", f"Mall {n}"))
    parsed: list[str] = []
    first_parse = threading.Event()
    second_asked = threading.Event()
    real = template_index.load_file_entry

    def counting(path: Path, source: str, *rest: object) -> object:
        parsed.append(path.name)
        if not first_parse.is_set():
            first_parse.set()
            second_asked.wait(timeout=10)  # the other listing is asked for meanwhile
            threading.Event().wait(0.05)  # and has had the time to start parsing, were it free
        return real(path, source, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(template_index, "load_file_entry", counting)
    listings: list[list[tuple[str, str]]] = []

    def list_users() -> None:
        listing = list_library(folder, index_file=index)
        listings.append([(e.key, e.name) for e in listing.entries if e.source == USER])

    first = threading.Thread(target=list_users)
    first.start()
    assert first_parse.wait(timeout=10)
    second = threading.Thread(target=list_users)
    second.start()
    second_asked.set()
    first.join(timeout=60)
    second.join(timeout=60)
    assert len(listings) == 2 and listings[0] == listings[1] and len(listings[0]) == 20
    assert len(parsed) == len(set(parsed))  # each file once, the built-ins' too
    assert {f"t{n:02}.toml" for n in range(20)} <= set(parsed)
