"""Small builders shared by the tests."""

from __future__ import annotations

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


def values(template: Template, data: dict[str, Any]) -> dict[str, Any]:
    parsed, problems = values_from_json(template, data)
    assert not problems, problems
    return parsed
