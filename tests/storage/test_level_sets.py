"""Level sets: the built-in incident scale, and user sets saved, listed and deleted on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.errors import InvalidFileError, StorageError
from editor.model.levels import LevelDefinition, LevelSet, default_registry
from editor.render.engine import render_markdown
from editor.storage.level_sets import (
    delete_level_set,
    level_registry,
    save_level_set,
    templates_using_level_set,
    user_level_set_entries,
)
from editor.storage.library import load_library
from editor.storage.paths import Paths, user_paths
from tests.helpers import make_template, values


def acme() -> LevelSet:
    def level(number: int, en: str, sv: str) -> LevelDefinition:
        return LevelDefinition(
            id=f"niva-{number}",
            rank=number,
            baseline=False,
            names={"en": f"Stage {number}: {en}", "sv": f"Steg {number}: {sv}"},
            definites={"sv": f"steg {number}"},
            descriptions={"en": f"{en}.", "sv": f"{sv}."},
            glosses={},
        )

    return LevelSet(
        id="acme-3",
        names={"en": "ACME stages", "sv": "ACME:s steg"},
        levels=(
            level(1, "Watch", "Bevakning"),
            level(2, "Alert", "Larm"),
            level(3, "Crisis", "Kris"),
        ),
    )


@pytest.fixture
def paths() -> Paths:
    return user_paths()


def test_incident_scale_is_built_in_with_four_numbered_levels() -> None:
    incident = default_registry().get("incident-4")
    assert incident is not None
    en = incident.all_levels("en")
    assert [lv.name for lv in en if not lv.is_baseline] == [
        "Level 1 – Monitoring",
        "Level 2 – Heightened alert",
        "Level 3 – Serious incident",
        "Level 4 – Major incident",
    ]
    assert en[0].is_baseline and en[1].is_lowest and en[-1].is_highest
    assert all(lv.description and lv.gloss and lv.definite for lv in en)
    sv = incident.level("level-2", "sv")
    assert sv.name == "Nivå 2 – Skärpt läge" and sv.definite == "nivå 2" and sv.description
    assert incident.name("sv") == "Incidentnivåer 1–4"


def test_incident_levels_render_in_a_template() -> None:
    template = make_template(
        "Raised to {{ level.name }} ({{ level.gloss }}); {{ level.definite }} is in force.",
        [{"key": "level", "type": "level", "label": "Level", "level_set": "incident-4"}],
        language="en",
    )
    text, problems = render_markdown(template, values(template, {"level": "level-3"}))
    assert not problems
    assert text == (
        "Raised to Level 3 – Serious incident (the third of four incident levels); level 3 is in"
        " force."
    )


def test_saved_user_set_joins_the_registry_and_renders(paths: Paths) -> None:
    path = save_level_set(acme(), paths.level_sets)
    assert path == paths.level_sets / "acme-3.toml"
    registry = level_registry(paths)
    assert {"se-healthcare", "incident-4", "acme-3"} <= set(registry.ids())
    assert registry.problems == []
    loaded = registry.get("acme-3")
    assert loaded == acme()
    assert [lv.name for lv in loaded.all_levels("sv")] == [  # type: ignore[union-attr]
        "Steg 1: Bevakning",
        "Steg 2: Larm",
        "Steg 3: Kris",
    ]
    template = make_template(
        "{{ stage.definite }}: {{ stage.description }}",
        [{"key": "stage", "type": "level", "label": "Steg"}],
        level_set="acme-3",
    )
    text, _ = render_markdown(template, values(template, {"stage": "niva-2"}), levels=registry)
    assert text == "steg 2: Larm."


def test_save_refuses_to_replace_unless_asked(paths: Paths) -> None:
    save_level_set(acme(), paths.level_sets)
    with pytest.raises(StorageError, match="already a level set"):
        save_level_set(acme(), paths.level_sets)
    edited = LevelSet(id="acme-3", names={"en": "ACME"}, levels=acme().levels[:2])
    save_level_set(edited, paths.level_sets, overwrite=True)
    registry_set = level_registry(paths).get("acme-3")
    assert registry_set is not None and len(registry_set.levels) == 2


@pytest.mark.parametrize(
    ("level_set", "message"),
    [
        (LevelSet(id="se-healthcare", names={"en": "Mine"}, levels=acme().levels), "built-in"),
        (LevelSet(id="../evil", names={"en": "Evil"}, levels=acme().levels), "id must be"),
        (LevelSet(id="empty", names={"en": "Empty"}, levels=()), "at least one level"),
        (LevelSet(id="noname", names={}, levels=acme().levels), "needs a name"),
        (
            LevelSet(id="twins", names={"en": "T"}, levels=(acme().levels[0], acme().levels[0])),
            "used twice",
        ),
    ],
)
def test_save_refuses_a_bad_set_and_writes_nothing(
    paths: Paths, level_set: LevelSet, message: str
) -> None:
    with pytest.raises(InvalidFileError, match=message):
        save_level_set(level_set, paths.level_sets)
    assert not paths.level_sets.exists() or not any(paths.level_sets.iterdir())


def test_a_broken_user_file_is_reported_not_fatal(paths: Paths) -> None:
    save_level_set(acme(), paths.level_sets)
    (paths.level_sets / "broken.toml").write_text("id = [", encoding="utf-8")
    (paths.level_sets / "newer.toml").write_text(
        'format = 99\nid = "newer"\n[[levels]]\nid = "a"\n', encoding="utf-8"
    )
    (paths.level_sets / "thief.toml").write_text(
        'format = 1\nid = "incident-4"\n[[levels]]\nid = "a"\n', encoding="utf-8"
    )
    registry = level_registry(paths)
    assert registry.get("acme-3") is not None
    incident = registry.get("incident-4")
    assert incident is not None and len(incident.levels) == 5  # the built-in one, untouched
    sources = sorted(p.source for p in registry.problems)
    assert sources == ["broken.toml", "newer.toml", "thief.toml"]
    messages = " ".join(str(p) for p in registry.problems)
    assert "newer Pressklar" in messages and "built-in" in messages
    entries = {e.path.name: e for e in user_level_set_entries(paths.level_sets)}
    assert entries["broken.toml"].level_set is None and entries["broken.toml"].error


def test_a_level_set_folder_that_is_a_file_is_reported(tmp_path: Path) -> None:
    paths = Paths(config=tmp_path / "c", data=tmp_path / "d", state=tmp_path / "s")
    paths.data.mkdir()
    paths.level_sets.write_text("not a folder", encoding="utf-8")
    registry = level_registry(paths)
    assert registry.get("se-healthcare") is not None
    assert len(registry.problems) == 1 and "cannot be read" in str(registry.problems[0])


def test_delete(paths: Paths) -> None:
    save_level_set(acme(), paths.level_sets)
    delete_level_set("acme-3", paths.level_sets)
    assert level_registry(paths).get("acme-3") is None
    assert list(paths.level_sets.iterdir()) == []
    with pytest.raises(StorageError, match="no level set"):
        delete_level_set("acme-3", paths.level_sets)
    with pytest.raises(StorageError, match="built in"):
        delete_level_set("se-healthcare", paths.level_sets)


def test_templates_using_a_level_set_are_found(paths: Paths) -> None:
    paths.templates.mkdir(parents=True)
    (paths.templates / "acme.toml").write_text(
        'format = 1\nname = "Acme"\nlanguage = "en"\nlevel_set = "acme-3"\nbody = "{{ s }}"\n'
        '[[fields]]\nkey = "s"\ntype = "level"\nlabel = "S"\n',
        encoding="utf-8",
    )
    library = load_library(paths.templates)
    assert [e.key for e in templates_using_level_set("acme-3", library)] == ["user:acme"]
    assert "user:acme" not in [e.key for e in templates_using_level_set("incident-4", library)]
