"""User-defined level sets: one TOML file each in the user's level-set folder.

The schema is that of the built-in sets (``resources/levelsets/se-healthcare.toml``). A user
file that cannot be read is reported (``LevelSetRegistry.problems``), never fatal: the other
sets stay usable. A user set may not take a built-in set's id, since templates name sets by id
and a built-in set must mean the same everywhere.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.errors import InvalidFileError, PressklarError, Problem, StorageError, os_reason
from editor.model.levels import (
    LevelSet,
    LevelSetRegistry,
    default_registry,
    level_set_from_dict,
    parse_level_set,
)
from editor.storage.atomic import atomic_write, read_text
from editor.storage.library import Library, LibraryEntry
from editor.storage.paths import Paths, user_paths

LEVEL_SET_SUFFIX = ".toml"
MAX_LEVEL_SET_FILE = 1_000_000
SET_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


@dataclass(frozen=True)
class LevelSetEntry:
    """One user level-set file: loaded, or with the problems that stopped it."""

    path: Path
    level_set: LevelSet | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def error(self) -> str:
        """The problems in the UI language, for a list entry's description."""
        return "; ".join(p.text() for p in self.problems)


def builtin_level_set_ids() -> set[str]:
    return {level_set.id for level_set in default_registry()}


def _load_entry(path: Path) -> LevelSetEntry:
    try:
        level_set = parse_level_set(read_text(path, limit=MAX_LEVEL_SET_FILE), path.name)
    except InvalidFileError as error:
        return LevelSetEntry(path, problems=tuple(error.problems))
    except PressklarError as error:  # NewerFormatError, StorageError
        return LevelSetEntry(path, problems=(Problem(error.code, error.params, path.name),))
    return LevelSetEntry(path, level_set)


def user_level_set_entries(folder: Path) -> list[LevelSetEntry]:
    """Every level-set file in ``folder``, sorted by file name; a missing folder is empty.

    Files that load but cannot be used (a built-in set's id, an id taken by an earlier file)
    are listed with that problem, and without their set.
    """
    try:
        names = sorted(os.listdir(folder))
    except FileNotFoundError:
        return []
    except OSError as error:
        reason = {"reason": os_reason(error)}
        problem = Problem("level_sets.folder_unreadable", reason, str(folder))
        return [LevelSetEntry(folder, problems=(problem,))]
    builtin = builtin_level_set_ids()
    seen: dict[str, str] = {}
    entries: list[LevelSetEntry] = []
    for name in names:
        if not name.endswith(LEVEL_SET_SUFFIX) or name.startswith("."):
            continue
        entry = _load_entry(folder / name)
        level_set = entry.level_set
        if level_set is not None and level_set.id in builtin:
            params: dict[str, object] = {"id": level_set.id}
            problem = Problem("level_sets.builtin_id", params, name)
            entry = LevelSetEntry(entry.path, problems=(problem,))
        elif level_set is not None and level_set.id in seen:
            params = {"id": level_set.id, "other": seen[level_set.id]}
            problem = Problem("level_sets.id_taken", params, name)
            entry = LevelSetEntry(entry.path, problems=(problem,))
        elif level_set is not None:
            seen[level_set.id] = name
        entries.append(entry)
    return entries


def level_registry(paths: Paths | None = None) -> LevelSetRegistry:
    """The built-in sets plus the user's, with every unusable user file in ``problems``."""
    paths = paths or user_paths()
    sets = list(default_registry())
    problems: list[Problem] = []
    for entry in user_level_set_entries(paths.level_sets):
        if entry.level_set is not None:
            sets.append(entry.level_set)
        problems.extend(entry.problems)
    return LevelSetRegistry(sets, problems)


def level_set_to_toml(level_set: LevelSet) -> str:
    import tomli_w  # only to write: not imported for the first window

    data: dict[str, Any] = level_set.to_dict()
    for level in data["levels"]:
        for key in ("definite", "description", "gloss"):
            if not level[key]:
                del level[key]
    return tomli_w.dumps(data)


def validate_level_set(level_set: LevelSet) -> list[Problem]:
    """Everything that stops ``level_set`` from being saved, each problem on its own."""
    problems: list[Problem] = []
    if not SET_ID_PATTERN.match(level_set.id):
        problems.append(Problem("level_sets.bad_id", field="id"))
    elif level_set.id in builtin_level_set_ids():
        problems.append(Problem("level_sets.builtin_id_new", {"id": level_set.id}, field="id"))
    if not any(text.strip() for text in level_set.names.values()):
        problems.append(Problem("level_sets.no_name", field="name"))
    try:
        level_set_from_dict(level_set.to_dict())
    except InvalidFileError as error:
        problems.extend(error.problems)
    ranks = [d.rank for d in level_set.levels]
    if len(set(ranks)) != len(ranks):
        problems.append(Problem("level_sets.same_rank", field="levels"))
    for index, definition in enumerate(level_set.levels):
        if not any(text.strip() for text in definition.names.values()):
            problems.append(Problem("level_sets.level_no_name", field=f"levels[{index}].name"))
    return problems


def save_level_set(level_set: LevelSet, folder: Path, *, overwrite: bool = False) -> Path:
    """Write ``level_set`` to ``folder`` (created if needed) and return the file.

    An existing set with the same id is replaced only with ``overwrite`` (editing a set);
    otherwise StorageError, so that "new level set" never silently replaces one.
    """
    problems = validate_level_set(level_set)
    if problems:
        raise InvalidFileError(problems)
    existing = [
        entry
        for entry in user_level_set_entries(folder)
        if entry.level_set is not None and entry.level_set.id == level_set.id
    ]
    target = folder / f"{level_set.id}{LEVEL_SET_SUFFIX}"
    if existing and not overwrite:
        raise StorageError("level_sets.exists", id=level_set.id)
    if existing:
        target = existing[0].path
    elif target.exists() and not overwrite:
        raise StorageError("level_sets.file_exists", file=target.name, folder=str(folder))
    atomic_write(target, level_set_to_toml(level_set), make_dirs=True)
    return target


def delete_level_set(set_id: str, folder: Path) -> None:
    """Remove the user's level set ``set_id``; built-in sets cannot be deleted."""
    if set_id in builtin_level_set_ids():
        raise StorageError("level_sets.builtin_delete", id=set_id)
    targets = [
        entry.path
        for entry in user_level_set_entries(folder)
        if (entry.level_set is not None and entry.level_set.id == set_id)
        or (entry.path.stem == set_id and entry.path.is_file())
    ]
    if not targets:
        raise StorageError("level_sets.no_such_set", id=set_id)
    for target in targets:
        try:
            target.unlink()
        except FileNotFoundError:
            pass
        except OSError as error:
            raise StorageError(
                "level_sets.not_deleted", path=str(target), reason=os_reason(error)
            ) from None


def templates_using_level_set(set_id: str, library: Library) -> list[LibraryEntry]:
    """Templates that name ``set_id``, to warn before a set is deleted or renamed."""
    using = []
    for entry in library.ok():
        template = entry.template
        assert template is not None
        level_fields = [f for f in template.fields if f.type == "level"]
        if any((f.level_set or template.level_set) == set_id for f in level_fields):
            using.append(entry)
    return using
