from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from editor.storage.paths import user_paths
from editor.storage.settings import (
    Settings,
    SettingsStore,
    load_settings,
    read_settings,
    save_settings,
)
from tests.helpers import ROOT


def test_pressklar_home_redirects_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRESSKLAR_HOME", str(tmp_path))
    paths = user_paths()
    for folder in (paths.config, paths.data, paths.state, paths.autosave, paths.templates):
        assert tmp_path in folder.parents
    assert user_paths(tmp_path / "other").config == tmp_path / "other" / "config"


def test_settings_round_trip(tmp_path: Path) -> None:
    settings = Settings(ui_language="sv", organisation_name="Region Exempel")
    settings.add_recent(str(tmp_path / "a.pressklar"))
    settings.add_recent(str(tmp_path / "b.pressklar"))
    settings.add_recent(str(tmp_path / "a.pressklar"))
    path = tmp_path / "config" / "settings.json"
    save_settings(settings, path)
    again = load_settings(path)
    assert again == settings
    assert again.recent_files[0].endswith("a.pressklar") and len(again.recent_files) == 2


def test_missing_and_corrupt_settings_give_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.json") == Settings()
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert load_settings(path) == Settings()
    assert (tmp_path / "settings.corrupt-1.json").read_text(encoding="utf-8") == "{not json"


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"\xff\xfe{\x00", "not a UTF-8 text file"),
        (b"{not json", "not valid JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"autosave_seconds": ' + b"9" * 5000 + b"}", "number too large"),
    ],
)
def test_every_damaged_settings_file_is_kept_numbered_and_the_user_told(
    tmp_path: Path, content: bytes, why: str
) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b"first damaged copy")
    read_settings(path)
    path.write_bytes(content)
    settings, notes = read_settings(path)
    warning = " ".join(note.text("en") for note in notes)
    assert settings == Settings()
    assert why in warning and "settings.corrupt-2.json" in warning
    assert (tmp_path / "settings.corrupt-1.json").read_bytes() == b"first damaged copy"
    assert (tmp_path / "settings.corrupt-2.json").read_bytes() == content
    assert not path.exists()  # nothing of it is ever written over


@pytest.mark.parametrize("seconds", ["NaN", "Infinity", "1e308", "1e7", "-3", "0"])
def test_an_autosave_interval_out_of_range_falls_back_with_a_note(
    tmp_path: Path, seconds: str
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        f'{{"autosave_seconds": {seconds}, "organisation_name": "Region X"}}', encoding="utf-8"
    )
    settings, notes = read_settings(path)
    assert settings.autosave_seconds == 3.0 and settings.organisation_name == "Region X"
    assert [note.code for note in notes] == ["settings.out_of_range"]
    assert "autosave_seconds" in notes[0].text("en") and "används" in notes[0].text("sv")
    assert path.exists()  # a value out of range is not damage: the file stays


def test_a_window_layout_that_is_not_base64_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"window_geometry": "åäö", "splitter_state": "AAA="}), "utf-8")
    settings, notes = read_settings(path)
    assert settings.window_geometry == "" and settings.splitter_state == "AAA="
    assert [note.code for note in notes] == ["settings.not_a_layout"]


def test_a_store_writes_only_what_it_changed_over_what_another_wrote(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(Settings(organisation_name="Region X", letterhead="a.docx"), path)
    early, late = SettingsStore(path), SettingsStore(path)
    late.settings.organisation_name = "Region Y"
    late.settings.add_recent(str(tmp_path / "late.pressklar"))
    late.save()
    early.settings.letterhead = "b.docx"  # started earlier; it never saw Region Y
    early.settings.add_recent(str(tmp_path / "early.pressklar"))
    assert early.save() is True  # it took in what the other wrote
    on_disk = load_settings(path)
    assert on_disk.organisation_name == "Region Y" and on_disk.letterhead == "b.docx"
    assert [Path(p).name for p in on_disk.recent_files] == ["early.pressklar", "late.pressklar"]
    assert early.settings.organisation_name == "Region Y"


WRITER = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from editor.storage.settings import SettingsStore
store = SettingsStore(Path({path!r}))
for n in range({count}):
    store.settings.distribution_lists[{name!r} + str(n)] = [str(n)]
    store.save()
"""


def test_two_processes_saving_hundreds_of_times_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    count = 150
    scripts = [
        WRITER.format(root=str(ROOT), path=str(path), count=count, name=name) for name in ("a", "b")
    ]
    processes = [subprocess.Popen([sys.executable, "-c", script]) for script in scripts]
    assert [p.wait(120) for p in processes] == [0, 0]
    lists = load_settings(path).distribution_lists
    assert len(lists) == 2 * count


def test_wrong_types_fall_back_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "ui_language": 5,
                "organisation_name": "Region X",
                "autosave_seconds": "fast",
                "recent_files": ["a", 3],
                "unknown": True,
            }
        ),
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert settings.ui_language == "" and settings.organisation_name == "Region X"
    assert settings.autosave_seconds == 3.0 and settings.recent_files == ["a"]
