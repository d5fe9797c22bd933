"""Templates: a reusable design of one kind of release, stored as one TOML file."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from editor.errors import InvalidFileError, NewerFormatError, Problem, megabytes
from editor.i18n import Message
from editor.model.fields import KEY_PATTERN, FieldDef, FieldGroup, FieldType
from editor.model.language import language_tag
from editor.model.reading import load_toml

TEMPLATE_FORMAT = 1
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
TEMPLATE_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
RESERVED_NAMES = {"con", "prn", "aux", "nul"} | {
    f"{prefix}{digit}" for prefix in ("com", "lpt") for digit in "123456789"
}  # Windows cannot have files with these names, whatever the extension
_NOT_DECOMPOSED = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "đ": "d", "ł": "l", "þ": "th"}
)
_KNOWN_KEYS = {
    "format", "id", "name", "language", "description", "level_set", "fields", "body", "short",
    "letterhead",
}  # fmt: skip


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    language: str
    body: str
    description: str = ""
    fields: tuple[FieldDef, ...] = ()
    level_set: str = "se-healthcare"
    short: dict[str, str] = field(default_factory=dict)  # channel -> Jinja body (sms, social)
    letterhead: str = ""  # a reference .docx, by path
    extra: dict[str, Any] = field(default_factory=dict)  # unknown keys, kept for round trips
    source: str = ""  # "builtin", "user", "organisation", "release", "file": not saved
    path: str = ""  # where it was read from: not saved
    body_line: int | None = None  # the file line of the body's first line: not saved

    def field(self, key: str) -> FieldDef | None:
        return next((f for f in self.fields if f.key == key), None)

    def groups(self) -> list[FieldGroup]:
        """Fields grouped as the template groups them, groups in order of first appearance."""
        groups: dict[str, FieldGroup] = {}
        for field_def in self.fields:
            groups.setdefault(field_def.group, FieldGroup(field_def.group)).fields.append(field_def)
        return list(groups.values())

    @property
    def read_only(self) -> bool:
        return self.source == "builtin"

    def with_source(self, source: str, path: str = "") -> Template:
        return replace(self, source=source, path=path)

    def to_dict(self) -> dict[str, Any]:
        return template_data(
            template_id=self.id,
            name=self.name,
            language=self.language,
            description=self.description,
            level_set=self.level_set,
            fields=[f.to_dict() for f in self.fields],
            body=self.body,
            short=self.short,
            letterhead=self.letterhead,
            extra=self.extra,
        )


def template_data(
    *,
    template_id: str,
    name: str,
    language: str,
    description: str,
    level_set: str,
    fields: list[dict[str, Any]],
    body: str,
    short: Mapping[str, str] | None = None,
    letterhead: str = "",
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A template as its file holds it, in the file's order: the one place that order and the
    keys are written (a template, and the template editor's draft, which may not be valid)."""
    data: dict[str, Any] = {
        "format": TEMPLATE_FORMAT,
        "id": template_id,
        "name": name,
        "language": language,
        "description": description,
        "level_set": level_set,
    }
    if letterhead:
        data["letterhead"] = letterhead
    data.update(extra or {})
    data["fields"] = fields
    if short:
        data["short"] = dict(short)
    data["body"] = body
    return data


def template_to_toml(template: Template) -> str:
    import tomli_w  # only to write: not imported for the first window

    return tomli_w.dumps(template.to_dict(), multiline_strings=True)


def _body_line_offset(text: str) -> int | None:
    """The file line on which the body's first line stands, for error messages."""
    match = re.search(r"^body\s*=\s*('''|\"\"\"|'|\")(\r?\n)?", text, re.MULTILINE)
    if not match:
        return None
    line = text.count("\n", 0, match.start()) + 1
    return line + 1 if match.group(2) else line


def _text(data: dict[str, Any], key: str, where: str, problems: list[Problem], source: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        problems.append(Problem("template.not_text", source=source, field=where))
        return ""
    return value


def _field_from_dict(raw: Any, index: int, problems: list[Problem], source: str) -> FieldDef | None:
    """The field at ``index``; its problems carry ``row=index``, so the template editor and
    the file import can point at the field without reading the message."""
    where = f"fields[{index}]"

    def problem(code: str, at: str, **params: object) -> None:
        problems.append(Problem(code, params, source, field=at, row=index))

    if not isinstance(raw, dict):
        problem("template.field_not_table", where)
        return None
    key = raw.get("key")
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        problem("template.bad_key", where + ".key")
        return None
    where = key
    type_name = raw.get("type", "text")
    try:
        kind = FieldType(type_name)
    except ValueError:
        allowed = ", ".join(t.value for t in FieldType)
        problem("template.unknown_type", where, type=str(type_name), allowed=allowed)
        return None
    choices = raw.get("choices", [])
    if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
        problem("template.choices_not_texts", where)
        choices = []
    if kind == FieldType.CHOICE and not choices:
        problem("template.no_choices", where)
    level_set = raw.get("level_set", "")
    if not isinstance(level_set, str):
        problem("template.level_set_not_id", where)
        level_set = ""
    groups = raw.get("groups", [])
    if not isinstance(groups, list) or not all(isinstance(g, str) for g in groups):
        problem("template.choices_not_texts", where)
        groups = []
    unknown = set(raw) - {
        "key", "type", "label", "help", "required", "default", "group", "choices", "level_set",
        "multiple", "groups",
    }  # fmt: skip
    if unknown:
        problem("template.unknown_setting", where, names=", ".join(sorted(unknown)))
    return FieldDef(
        key=key,
        type=kind,
        label=_text(raw, "label", where + ".label", problems, source) or key,
        help=_text(raw, "help", where + ".help", problems, source),
        required=bool(raw.get("required", False)),
        default=raw.get("default"),
        group=_text(raw, "group", where + ".group", problems, source),
        choices=tuple(choices),
        level_set=level_set,
        multiple=bool(raw.get("multiple", False)),
        groups=tuple(groups),
    )


def template_from_dict(data: dict[str, Any], source: str = "", default_id: str = "") -> Template:
    """Build a template from parsed TOML/JSON data, reporting every problem at once.

    The body's Jinja2 syntax is checked separately (editor.render.engine.check_template), since
    the model knows nothing of Jinja2.
    """
    version = data.get("format", TEMPLATE_FORMAT)
    if not isinstance(version, int):
        raise InvalidFileError([Problem("template.format_not_number", {}, source, None, "format")])
    if version > TEMPLATE_FORMAT:
        raise NewerFormatError(
            "template.newer_format",
            file=source or Message("template.this"),
            version=version,
            supported=TEMPLATE_FORMAT,
        )
    problems: list[Problem] = []
    name = _text(data, "name", "name", problems, source).strip()
    if not name:
        problems.append(Problem("template.no_name", {}, source, None, "name"))
    # "sv_FI" and "SV" are read as "sv-FI" and "sv": every spelling means one language
    language = language_tag(_text(data, "language", "language", problems, source))
    if not LANGUAGE_PATTERN.match(language):
        problems.append(Problem("template.bad_language", {}, source, None, "language"))
    body = data.get("body")
    if not isinstance(body, str) or not body.strip():
        problems.append(Problem("template.no_body", {}, source, None, "body"))
        body = ""
    raw_fields = data.get("fields", [])
    if not isinstance(raw_fields, list):
        problems.append(Problem("template.fields_not_list", {}, source, None, "fields"))
        raw_fields = []
    fields: list[FieldDef] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_fields):
        field_def = _field_from_dict(raw, index, problems, source)
        if field_def is None:
            continue
        if field_def.key in seen:
            duplicate = Problem("template.duplicate_key", {"key": field_def.key}, source)
            problems.append(replace(duplicate, field="fields", row=index))
            continue
        seen.add(field_def.key)
        fields.append(field_def)
    short = data.get("short", {})
    if not isinstance(short, dict) or not all(isinstance(v, str) for v in short.values()):
        problems.append(Problem("template.short_not_texts", {}, source, None, "short"))
        short = {}
    template_id = data.get("id") or default_id or re.sub(r"\W+", "-", name.lower()).strip("-")
    if not isinstance(template_id, str):
        problems.append(Problem("template.id_not_text", {}, source, None, "id"))
        template_id = default_id
    if problems:
        raise InvalidFileError(problems)
    return Template(
        id=template_id,
        name=name,
        language=language,
        body=body,
        description=_text(data, "description", "description", problems, source),
        fields=tuple(fields),
        level_set=str(data.get("level_set") or "se-healthcare"),
        short=dict(short),
        letterhead=str(data.get("letterhead") or ""),
        extra={k: v for k, v in data.items() if k not in _KNOWN_KEYS},
    )


MAX_TEMPLATE_BYTES = 1_000_000  # the one size limit of a template, as text and as a file


def parse_template(text: str, source: str = "", default_id: str = "") -> Template:
    """Read a template from TOML text. Raises InvalidFileError or NewerFormatError."""
    if len(text) > MAX_TEMPLATE_BYTES:
        raise InvalidFileError(
            [Problem("template.too_large", {"limit": megabytes(MAX_TEMPLATE_BYTES)}, source)]
        )
    template = template_from_dict(load_toml(text, source), source, default_id)
    return replace(template, body_line=_body_line_offset(text))


def template_id_from(text: str) -> str:
    """A file-safe id from a name: "Beredskapsläge – höjt" -> "beredskapslage-hojt"."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_NOT_DECOMPOSED))
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:80].strip("-") or "template"
    return f"{slug}-template" if slug in RESERVED_NAMES else slug


def is_file_safe_id(template_id: str) -> bool:
    """Whether ``template_id`` can be a file name on every system as it is."""
    return bool(TEMPLATE_ID_PATTERN.match(template_id)) and template_id not in RESERVED_NAMES
