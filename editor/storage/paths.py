"""Where Pressklar keeps its files.

platformdirs picks the right folder per OS; ``PRESSKLAR_HOME`` (or the ``--home`` flag, which
sets it) points everything at one folder instead, for tests and portable use.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Pressklar"
HOME_VARIABLE = "PRESSKLAR_HOME"


@dataclass(frozen=True)
class Paths:
    config: Path  # settings
    data: Path  # the user's templates, contact book, level sets
    state: Path  # autosave, recent files
    cache: Path | None = None  # what can be rebuilt (parsed templates, the archive's index)

    @property
    def cache_folder(self) -> Path:
        return self.cache if self.cache is not None else self.state / "cache"

    @property
    def archive_index(self) -> Path:
        return self.cache_folder / "archive.sqlite3"

    @property
    def template_cache(self) -> Path:
        return self.cache_folder / "templates.pickle"

    @property
    def template_index(self) -> Path:
        """What the New dialog lists of each template (editor.storage.template_index)."""
        return self.cache_folder / "templates-index.json"

    @property
    def compiled_bodies(self) -> Path:
        return self.cache_folder / "compiled"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def templates(self) -> Path:
        return self.data / "templates"

    @property
    def level_sets(self) -> Path:
        return self.data / "levelsets"

    @property
    def contacts_file(self) -> Path:
        return self.data / "contacts.json"

    @property
    def dictionary_file(self) -> Path:
        """The user's own spelling dictionary: one word a line."""
        return self.data / "dictionary.txt"

    @property
    def autosave(self) -> Path:
        return self.state / "autosave"


def user_paths(home: str | os.PathLike[str] | None = None) -> Paths:
    """The folders to use: ``home``, else $PRESSKLAR_HOME, else the platform's own."""
    chosen = home or os.environ.get(HOME_VARIABLE)
    if chosen:
        base = Path(chosen).expanduser()
        return Paths(
            config=base / "config", data=base / "data", state=base / "state", cache=base / "cache"
        )
    return Paths(
        config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        state=Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)),
        cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
    )
