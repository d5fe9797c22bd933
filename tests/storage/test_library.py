"""The template library: built-in, user and organisation templates merged, nothing hidden."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from editor import cli
from editor.errors import InvalidFileError
from editor.storage.library import (
    BUILTIN,
    ORGANISATION,
    USER,
    load_library,
    resolve_template,
)
from editor.storage.paths import user_paths
from editor.storage.settings import Settings, save_settings

ROOT_USER = os.name == "posix" and os.geteuid() == 0


def template_text(template_id: str, name: str) -> str:
    return (
        f'format = 1\nid = "{template_id}"\nname = "{name}"\nlanguage = "en"\n'
        'body = "Hello {{ who }}"\n[[fields]]\nkey = "who"\ntype = "text"\nlabel = "Who"\n'
    )


def put(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    user = tmp_path / "user"
    organisation = tmp_path / "share"
    put(user, "briefing.toml", template_text("briefing", "Press briefing"))
    put(organisation, "briefing.toml", template_text("briefing", "Press briefing"))
    put(organisation, "invitation.toml", template_text("invitation", "Media invitation"))
    return user, organisation


def test_three_sources_in_one_library(folders: tuple[Path, Path]) -> None:
    user, organisation = folders
    library = load_library(user, str(organisation))
    sources = {entry.source for entry in library.entries}
    assert sources == {BUILTIN, USER, ORGANISATION}
    keys = [entry.key for entry in library.entries]
    assert "user:briefing" in keys and "org:briefing" in keys and "org:invitation" in keys
    assert "readiness-ended-sv" in keys
    assert len(keys) == len(set(keys))
    assert library.source_errors == {}
    builtin_entry = library.find("readiness-ended-sv")
    assert builtin_entry is not None and builtin_entry.template is not None
    assert builtin_entry.template.read_only
    user_entry = library.find("user:briefing")
    assert user_entry is not None and user_entry.template is not None
    assert user_entry.template.source == USER and not user_entry.template.read_only


def test_same_name_in_two_sources_is_shown_twice_told_apart_by_source(
    folders: tuple[Path, Path],
) -> None:
    user, organisation = folders
    library = load_library(user, str(organisation))
    briefings = [e for e in library.entries if e.name == "Press briefing"]
    assert sorted((e.source, e.key) for e in briefings) == [
        (ORGANISATION, "org:briefing"),
        (USER, "user:briefing"),
    ]
    by_id = library.find("briefing")  # a bare id: built-in first, then user, then organisation
    assert by_id is not None and by_id.source == USER


def test_a_template_that_fails_to_load_is_listed_with_its_error(
    folders: tuple[Path, Path],
) -> None:
    user, organisation = folders
    put(user, "broken.toml", 'name = "Broken"\nbody = = "x"\n')
    put(
        organisation,
        "newer.toml",
        template_text("newer", "Newer").replace("format = 1", "format = 9"),
    )
    put(organisation, "no-body.toml", 'format = 1\nname = "No body"\nlanguage = "sv"\n')
    (organisation / "folder.toml").mkdir()
    with (organisation / "huge.toml").open("wb") as stream:
        stream.truncate(30_000_000)
    library = load_library(user, str(organisation))

    errors = {e.key: str(e.error) for e in library.entries if e.template is None}
    assert set(errors) == {
        "user:broken",
        "org:newer",
        "org:no-body",
        "org:folder",
        "org:huge",
    }
    assert "TOML" in errors["user:broken"] and "line" in errors["user:broken"]
    assert "newer Pressklar" in errors["org:newer"]
    assert "needs a body" in errors["org:no-body"]
    assert "folder" in errors["org:folder"]
    assert "too large" in errors["org:huge"]
    assert library.find("org:invitation") is not None  # the rest still load
    assert all(e.template is not None for e in library.ok())
    broken = library.find("user:broken")
    assert broken is not None and broken.name == "broken"  # named by its file
    with pytest.raises(InvalidFileError):
        resolve_template("user:broken", library)


def test_hidden_and_foreign_files_are_ignored(folders: tuple[Path, Path]) -> None:
    user, _ = folders
    put(user, ".briefing.toml.x1y2.tmp", "half-written")
    put(user, ".hidden.toml", template_text("hidden", "Hidden"))
    put(user, "notes.txt", "not a template")
    library = load_library(user)
    assert [e.key for e in library.entries if e.source == USER] == ["user:briefing"]


def test_missing_user_folder_is_simply_empty(tmp_path: Path) -> None:
    library = load_library(tmp_path / "never-created")
    assert library.source_errors == {}
    assert {e.source for e in library.entries} == {BUILTIN}


def test_missing_organisation_folder_shows_as_such(folders: tuple[Path, Path]) -> None:
    user, organisation = folders
    missing = organisation.parent / "unmounted-share"
    library = load_library(user, str(missing))
    assert "cannot be found" in str(library.source_errors[ORGANISATION])
    assert str(missing) in str(library.source_errors[ORGANISATION])
    assert library.find("user:briefing") is not None
    assert library.find("readiness-ended-sv") is not None


def test_an_organisation_path_that_is_a_file_shows_as_unreadable(
    folders: tuple[Path, Path],
) -> None:
    user, organisation = folders
    not_a_folder = put(organisation.parent, "share.lnk", "a shortcut, not a folder")
    library = load_library(user, str(not_a_folder))
    assert "not a folder" in str(library.source_errors[ORGANISATION])
    assert library.find("user:briefing") is not None


@pytest.mark.skipif(ROOT_USER or os.name != "posix", reason="root reads folders chmod 000")
def test_an_unreadable_organisation_folder_shows_as_such(folders: tuple[Path, Path]) -> None:
    user, organisation = folders
    organisation.chmod(0o000)
    try:
        library = load_library(user, str(organisation))
    finally:
        organisation.chmod(0o755)
    assert "cannot be read" in str(library.source_errors[ORGANISATION])
    assert library.find("user:briefing") is not None


@pytest.mark.skipif(ROOT_USER or os.name != "posix", reason="root reads folders chmod 000")
def test_an_organisation_folder_behind_a_locked_parent_is_not_fatal(
    folders: tuple[Path, Path],
) -> None:
    user, organisation = folders
    locked = organisation.parent / "locked"
    inner = locked / "share"
    inner.mkdir(parents=True)
    locked.chmod(0o000)
    try:
        library = load_library(user, str(inner))
    finally:
        locked.chmod(0o755)
    assert ORGANISATION in library.source_errors
    assert library.find("user:briefing") is not None


def test_cli_lists_all_three_sources_with_errors(
    folders: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, organisation = folders
    paths = user_paths()
    put(paths.templates, "mine.toml", template_text("mine", "Press briefing"))
    put(paths.templates, "broken.toml", "name = [")
    save_settings(Settings(organisation_folder=str(organisation)), paths.settings_file)

    assert cli.main(["templates", "--json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)["templates"]}
    assert rows["user:mine"]["source"] == USER and rows["org:briefing"]["source"] == ORGANISATION
    assert rows["user:mine"]["name"] == rows["org:briefing"]["name"] == "Press briefing"
    assert rows["user:broken"]["error"]
    assert rows["readiness-ended-sv"]["source"] == BUILTIN

    save_settings(
        Settings(organisation_folder=str(organisation.parent / "gone")), paths.settings_file
    )
    assert cli.main(["templates"]) == 0
    captured = capsys.readouterr()
    assert "user:mine" in captured.out
    assert (
        "organisation templates unavailable" in captured.err and "cannot be found" in captured.err
    )


def test_two_reads_at_once_parse_each_template_once_and_keep_a_whole_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Flows read the library on workers: two windows at once wrote the cache while the other
    added to it (the pickling saw the dict change) and parsed every file twice."""
    import threading

    from editor.storage import library

    folder, cache = tmp_path / "user", tmp_path / "cache" / "templates.pickle"
    for n in range(20):
        put(folder, f"t{n:02}.toml", template_text(f"t{n:02}", f"Mall {n}"))
    parsed: list[str] = []
    real = library.parse_template

    def counting(text: str, name: str, **kwargs: Any) -> Any:
        parsed.append(name)
        threading.Event().wait(0.002)  # long enough for the other read to overlap
        return real(text, name, **kwargs)

    monkeypatch.setattr(library, "parse_template", counting)
    errors: list[BaseException] = []
    names: list[list[str]] = []

    def read() -> None:
        try:
            loaded = load_library(folder, cache_file=cache)
            names.append(sorted(e.name for e in loaded.entries if e.source == USER))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=read) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert len(names) == 2 and names[0] == names[1] and len(names[0]) == 20
    assert len(parsed) == len(set(parsed))  # each file once, the built-ins' too
