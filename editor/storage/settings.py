"""Settings as one typed object in a JSON file under the user config folder.

A missing or corrupt file gives the defaults (a corrupt one is kept aside as ``.corrupt``);
a value of the wrong type falls back to its default alone.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.storage.atomic import atomic_write

MAX_RECENT = 10


@dataclass
class Settings:
    ui_language: str = ""  # "" follows the system
    last_template: str = ""
    recent_files: list[str] = field(default_factory=list)
    last_export_folder: str = ""
    last_export_format: str = "docx"
    last_open_folder: str = ""
    organisation_folder: str = ""
    organisation_name: str = ""
    letterhead: str = ""  # a reference .docx used for every DOCX export unless a template names one
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    splitter_state: str = ""
    autosave_seconds: float = 3.0
    distribution_lists: dict[str, list[str]] = field(default_factory=dict)

    def add_recent(self, path: str) -> None:
        path = os.path.abspath(path)
        self.recent_files = [path, *(p for p in self.recent_files if p != path)][:MAX_RECENT]

    def update_from(self, other: Settings) -> None:
        """Take every value of ``other``, keeping this object: whoever holds it sees them."""
        for spec in dataclasses.fields(self):
            setattr(self, spec.name, copy.deepcopy(getattr(other, spec.name)))

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> Settings:
        settings = cls()
        if not isinstance(data, dict):
            return settings
        for spec in dataclasses.fields(cls):
            if spec.name not in data:
                continue
            value = data[spec.name]
            default = getattr(settings, spec.name)
            if isinstance(default, bool) != isinstance(value, bool):
                continue
            if isinstance(default, float) and isinstance(value, int | float):
                setattr(settings, spec.name, float(value))
            elif isinstance(default, list) and isinstance(value, list):
                setattr(settings, spec.name, [v for v in value if isinstance(v, str)])
            elif isinstance(default, dict) and isinstance(value, dict):
                setattr(
                    settings,
                    spec.name,
                    {
                        str(k): [a for a in v if isinstance(a, str)]
                        for k, v in value.items()
                        if isinstance(v, list)
                    },
                )
            elif isinstance(value, type(default)):
                setattr(settings, spec.name, value)
        return settings


def load_settings(path: Path) -> Settings:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return Settings()
    try:
        return Settings.from_dict(json.loads(text))
    except (json.JSONDecodeError, RecursionError):
        with contextlib.suppress(OSError):
            path.replace(path.with_suffix(path.suffix + ".corrupt"))
        return Settings()


def save_settings(settings: Settings, path: Path) -> None:
    atomic_write(
        path, json.dumps(settings.to_dict(), ensure_ascii=False, indent=2) + "\n", make_dirs=True
    )
