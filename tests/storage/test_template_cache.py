"""Parsed templates are cached by path and file stamp, in memory and on disk: a changed,
added or removed file is seen at once; a corrupt or foreign cache is ignored and rebuilt."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from editor.storage import template_cache as cache_module
from editor.storage.library import USER, folder_entry, load_library
from tests.storage.test_library import put, template_text


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts as a new process would: nothing cached in memory."""
    monkeypatch.setattr(cache_module, "_caches", {})


def names(library: object) -> list[str]:
    return sorted(e.name for e in library.entries if e.source == USER)  # type: ignore[attr-defined]


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the template files parsed from now on, in order."""
    import editor.storage.library as library_module

    parsed: list[str] = []
    real = library_module.parse_template

    def counting(text: str, source: str = "", default_id: str = "") -> object:
        parsed.append(source)
        return real(text, source, default_id)

    monkeypatch.setattr(library_module, "parse_template", counting)
    return parsed


def new_process() -> None:
    cache_module._caches.clear()


def test_a_changed_added_or_removed_file_is_seen(tmp_path: Path) -> None:
    folder, cache = tmp_path / "templates", tmp_path / "cache" / "templates.pickle"
    first = put(folder, "a.toml", template_text("a", "Alfa"))
    put(folder, "b.toml", template_text("b", "Beta"))
    assert names(load_library(folder, cache_file=cache)) == ["Alfa", "Beta"]
    assert cache.is_file()
    stat = first.stat()
    first.write_text(template_text("a", "Adam"), encoding="utf-8")  # same size, in place
    os.utime(first, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    put(folder, "c.toml", template_text("c", "Cesar"))
    (folder / "b.toml").unlink()
    assert names(load_library(folder, cache_file=cache)) == ["Adam", "Cesar"]
    new_process()  # the disk cache is as fresh as the files
    assert names(load_library(folder, cache_file=cache)) == ["Adam", "Cesar"]
    put(folder, "c.toml", "not = [toml")
    broken = [e for e in load_library(folder, cache_file=cache).entries if e.key == "user:c"]
    assert broken[0].template is None and broken[0].error is not None


def test_the_disk_cache_serves_a_new_process_without_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, cache = tmp_path / "templates", tmp_path / "cache" / "templates.pickle"
    for i in range(5):
        put(folder, f"t{i}.toml", template_text(f"t{i}", f"Mall {i}"))
    expected = load_library(folder, cache_file=cache)
    new_process()
    parsed = count_parses(monkeypatch)
    again = load_library(folder, cache_file=cache)
    assert not [name for name in parsed if name.startswith("t")]  # only built-ins parsed
    assert [e.template for e in again.entries if e.source == USER] == [
        e.template for e in expected.entries if e.source == USER
    ]


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"garbage, not a pickle",
        pickle.dumps({"signature": "0|another version", "entries": {"x": 1}}),
        pickle.dumps(["not", "a", "dict"]),
    ],
)
def test_a_corrupt_or_foreign_cache_is_ignored_and_rebuilt(tmp_path: Path, damage: bytes) -> None:
    folder, cache = tmp_path / "templates", tmp_path / "cache" / "templates.pickle"
    put(folder, "a.toml", template_text("a", "Alfa"))
    cache.parent.mkdir(parents=True)
    cache.write_bytes(damage)
    assert names(load_library(folder, cache_file=cache)) == ["Alfa"]
    data = pickle.loads(cache.read_bytes())  # rebuilt
    assert data["signature"] == cache_module._signature()
    users = [pickle.loads(t) for key, (_, t) in data["entries"].items() if key.startswith("user:")]
    assert [t.name for t in users] == ["Alfa"]  # each template pickled on its own


def test_a_cache_of_another_version_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, cache = tmp_path / "templates", tmp_path / "cache" / "templates.pickle"
    put(folder, "a.toml", template_text("a", "Alfa"))
    load_library(folder, cache_file=cache)
    new_process()
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    parsed = count_parses(monkeypatch)
    assert names(load_library(folder, cache_file=cache)) == ["Alfa"]
    assert "a.toml" in parsed


def test_one_user_template_is_read_alone(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    put(folder, "mine.toml", template_text("mine", "Min mall"))
    entry = folder_entry("user:mine", folder)
    assert entry is not None and entry.template is not None
    assert entry.template.name == "Min mall" and entry.key == "user:mine"
    assert folder_entry("user:gone", folder) is None
    assert folder_entry("user:../mine", folder) is None
    assert folder_entry("general-sv", folder) is None


def test_each_template_is_unpickled_on_its_own_and_a_damaged_one_is_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One pickle of the whole cache held the GIL for 70 ms at 1,000 templates."""
    folder, cache = tmp_path / "templates", tmp_path / "cache" / "templates.pickle"
    put(folder, "a.toml", template_text("a", "Alfa"))
    put(folder, "b.toml", template_text("b", "Beta"))
    load_library(folder, cache_file=cache)
    data = pickle.loads(cache.read_bytes())
    key = next(k for k in data["entries"] if k.startswith("user:") and k.endswith("a.toml"))
    stamp, _ = data["entries"][key]
    data["entries"][key] = (stamp, b"damaged, not a pickle")
    cache.write_bytes(pickle.dumps(data))
    new_process()
    parsed = count_parses(monkeypatch)
    assert names(load_library(folder, cache_file=cache)) == ["Alfa", "Beta"]
    assert parsed == ["a.toml"]  # Beta, the built-ins: each unpickled from the cache
    data = pickle.loads(cache.read_bytes())
    assert pickle.loads(data["entries"][key][1]).name == "Alfa"  # mended on disk
