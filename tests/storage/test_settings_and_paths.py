from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.storage.paths import user_paths
from editor.storage.settings import Settings, load_settings, save_settings


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
    assert (tmp_path / "settings.json.corrupt").exists()


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
