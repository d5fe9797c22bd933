"""Small builders shared by the tests."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from editor.model.release import values_from_json
from editor.model.template import Template, parse_template, template_from_dict

ROOT = Path(__file__).resolve().parent.parent


def make_template(body: str, fields: list[dict[str, Any]] | None = None, **extra: Any) -> Template:
    data: dict[str, Any] = {
        "format": 1,
        "id": "test",
        "name": "Test",
        "language": extra.pop("language", "sv"),
        "body": body,
        "fields": fields or [],
    }
    data.update(extra)
    return template_from_dict(data, "test.toml")


def builtin(template_id: str) -> Template:
    path = ROOT / "resources" / "templates" / f"{template_id}.toml"
    return parse_template(path.read_text(encoding="utf-8"), path.name, template_id)


def builtin_in(template_id: str, level_set: str) -> Template:
    """A built-in as a release that picked ``level_set`` sees it."""
    from editor.model.level_choice import with_level_set
    from editor.model.levels import default_registry

    return with_level_set(builtin(template_id), {}, level_set, default_registry())[0]


def values(template: Template, data: dict[str, Any]) -> dict[str, Any]:
    parsed, problems = values_from_json(template, data)
    assert not problems, problems
    return parsed


# Common in English messages, and not Swedish words ("filter" is both, so it is left out).
ENGLISH_WORDS = frozenset(
    """the is are was does not no folder expected named could cannot template line error field
    undefined unexpected end of tag to with has have there called file found unknown syntax
    while this that which must be been read write permission allowed access attribute
    object missing name value block""".split()  # noqa: SIM905 - a list of words reads best as words
)
_QUOTED = re.compile(r"[”“\"'«»][^”“\"'«»]*[”“\"'«»]")
_PATH = re.compile(r"\S*[/\\]\S*")


def english_words(text: str) -> set[str]:
    """The English words in ``text``, outside quotation marks and file paths."""
    own_words_removed = _PATH.sub(" ", _QUOTED.sub(" ", text))
    words = re.findall(r"[A-Za-z_]+", own_words_removed)  # an identifier (contact_block) is one
    return {w for w in words if w.lower() in ENGLISH_WORDS}
