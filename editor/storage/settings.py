"""Settings as one typed object in a JSON file under the user config folder.

A missing file gives the defaults. A damaged one (not UTF-8, not JSON, nested too deep, a number
too large) is kept aside as ``settings.corrupt-N.json`` (numbered: an earlier copy is never
overwritten), the defaults are used, and the caller gets a warning to show. A value of the wrong
type, or out of range, falls back to its default alone, with a note.

Several instances of the app may run at once. Each keeps the values it loaded (``SettingsStore``)
and, when it saves, writes only what it changed itself, merged onto what is on disk now, under a
lock, atomically; what another instance wrote in between is kept.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.errors import megabytes, os_reason
from editor.i18n import Message
from editor.model.fields import clean_line
from editor.storage.atomic import atomic_write

MAX_RECENT = 10
MAX_SETTINGS_BYTES = 5_000_000
AUTOSAVE_RANGE = (0.5, 3600.0)  # seconds
_BASE64 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
_MAX_LAYOUT_TEXT = 20_000


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
    default_level_set: str = ""  # the set new releases speak in; "" lets each template choose
    press_office_email: str = ""  # the .eml's From; "" leaves it to the mail client
    letterhead: str = ""  # a reference .docx used for every DOCX export unless a template names one
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    splitter_state: str = ""
    autosave_seconds: float = 3.0
    distribution_lists: dict[str, list[str]] = field(default_factory=dict)
    cap_sender: str = ""  # CAP alerts' sender (an address); "" uses the press office's e-mail
    cap_area: str = ""  # CAP alerts' area: the organisation's region, in words
    public_web_address: str = ""  # where the newsroom is published: each alert's web link

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
    def from_dict(cls, data: Any, notes: list[Message] | None = None) -> Settings:
        """The settings a JSON object describes; a value of the wrong type or out of range
        keeps its default, and ``notes`` (when given) gets a line saying which."""
        settings = cls()
        notes = [] if notes is None else notes
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
            elif isinstance(value, str) and isinstance(default, str):
                setattr(settings, spec.name, clean_line(value))  # no lone surrogates, no controls
            elif isinstance(value, type(default)):
                setattr(settings, spec.name, value)
        settings._keep_in_range(notes)
        return settings

    def _keep_in_range(self, notes: list[Message]) -> None:
        low, high = AUTOSAVE_RANGE
        seconds = self.autosave_seconds
        if not (math.isfinite(seconds) and low <= seconds <= high):
            notes.append(
                Message(
                    "settings.out_of_range",
                    {"name": "autosave_seconds", "value": repr(seconds), "low": low, "high": high},
                )
            )
            self.autosave_seconds = Settings.autosave_seconds
        for name in ("window_geometry", "splitter_state"):
            text = getattr(self, name)
            if len(text) > _MAX_LAYOUT_TEXT or not set(text) <= _BASE64:
                notes.append(Message("settings.not_a_layout", {"name": name}))
                setattr(self, name, "")


def _corrupt_copy_name(path: Path) -> Path:
    """``settings.corrupt-N.json`` with the first N not taken: no copy is ever overwritten."""
    for number in range(1, 10_000):
        candidate = path.with_name(f"{path.stem}.corrupt-{number}{path.suffix}")
        if not candidate.exists():
            return candidate
    raise OSError("no free name to keep the damaged settings aside")


class _Damaged(Exception):
    def __init__(self, why: Message) -> None:
        super().__init__(why.code)
        self.why = why


def _parse(raw: bytes) -> Any:
    """The JSON in ``raw``; _Damaged, saying why, for anything that is not a settings file."""
    if len(raw) > MAX_SETTINGS_BYTES:
        raise _Damaged(Message("file.too_large", {"size": megabytes(len(raw))}))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _Damaged(Message("file.not_utf8")) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise _Damaged(Message("file.not_json_at", {"line": error.lineno})) from None
    except RecursionError:
        raise _Damaged(Message("file.nested_too_deeply")) from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        raise _Damaged(Message("file.number_too_large")) from None


def read_settings(path: Path) -> tuple[Settings, list[Message]]:
    """The settings at ``path`` and what to tell the user about them (nothing when all is well).

    A damaged file is kept aside under a numbered name before the defaults are used, so that
    nothing written later can overwrite it.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings(), []
    except OSError as error:
        return Settings(), [
            Message("settings.unreadable", {"path": str(path), "reason": os_reason(error)})
        ]
    try:
        data = _parse(raw)
    except _Damaged as damaged:
        try:
            kept = _corrupt_copy_name(path)
            path.replace(kept)
        except OSError as error:
            return Settings(), [
                Message(
                    "settings.damaged_stuck",
                    {"path": str(path), "why": damaged.why, "reason": os_reason(error)},
                )
            ]
        return Settings(), [
            Message(
                "settings.damaged_kept",
                {"why": damaged.why, "file": kept.name, "folder": str(kept.parent)},
            )
        ]
    notes: list[Message] = []
    settings = Settings.from_dict(data, notes)
    return settings, notes


def load_settings(path: Path) -> Settings:
    """The settings at ``path``, without the warning (see ``read_settings``)."""
    return read_settings(path)[0]


def _settings_json(settings: Settings) -> str:
    return json.dumps(settings.to_dict(), ensure_ascii=False, indent=2) + "\n"


def save_settings(settings: Settings, path: Path) -> None:
    """Write ``settings`` whole (a new file; ``SettingsStore.save`` merges onto an old one)."""
    atomic_write(path, _settings_json(settings), make_dirs=True)


class SettingsStore:
    """The settings of one running app: read once, saved as a merge onto the file.

    ``settings`` is the one object every window holds. ``save`` writes the values this instance
    changed since it read (or last wrote) the file, over what the file says now; values another
    instance changed in between are kept, and taken into ``settings`` too.
    """

    def __init__(self, path: Path) -> None:
        """``notes``: what was wrong with the file, for the user (see ``read_settings``)."""
        self.path = path
        self.settings, self.notes = read_settings(path)
        self._base = copy.deepcopy(self.settings)

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    def save(self) -> bool:
        """Merge and write; True when values from another instance were taken in. StorageError
        when the file cannot be written (then nothing on disk changed)."""
        from editor.storage.locks import exclusive

        with exclusive(self.lock_path):
            on_disk, _ = read_settings(self.path)
            merged = merge_settings(self._base, self.settings, on_disk)
            atomic_write(self.path, _settings_json(merged), make_dirs=True)
        outside = merged != self.settings
        self.settings.update_from(merged)
        self._base = copy.deepcopy(merged)
        return outside


def merge_settings(base: Settings, ours: Settings, theirs: Settings) -> Settings:
    """``theirs`` (the file now) with every value ``ours`` changed since ``base`` laid over it.
    A dictionary (the distribution lists) is merged key by key, and the recent files item by
    item (ours first), so two instances adding to them at once both keep what they added."""
    merged = copy.deepcopy(theirs)
    for spec in dataclasses.fields(Settings):
        mine, before = getattr(ours, spec.name), getattr(base, spec.name)
        if mine == before:
            continue
        if isinstance(mine, dict):
            combined = dict(getattr(theirs, spec.name))
            for key in before.keys() - mine.keys():
                combined.pop(key, None)
            combined.update({k: v for k, v in mine.items() if before.get(k) != v})
            setattr(merged, spec.name, copy.deepcopy(combined))
        elif spec.name == "recent_files":
            removed = set(before) - set(mine)
            added = [p for p in theirs.recent_files if p not in mine and p not in removed]
            merged.recent_files = [*mine, *added][:MAX_RECENT]
        else:
            setattr(merged, spec.name, copy.deepcopy(mine))
    return merged
