"""Reading a template file someone hands us (import, the CLI): refuse what is too large or not
a text file before reading it whole, give each field problem the line where the field stands,
and validate the body, so that nothing unusable reaches a library folder."""

from __future__ import annotations

import re
import stat
from dataclasses import replace
from pathlib import Path
from typing import Any

from editor.errors import (
    InvalidFileError,
    Problem,
    StorageError,
    megabytes,
    os_reason,
)
from editor.model.levels import LevelSetRegistry
from editor.model.reading import load_toml
from editor.model.template import (
    MAX_TEMPLATE_BYTES,
    Template,
    is_file_safe_id,
    parse_template,
    template_id_from,
)
from editor.render.validation import template_warnings, validate_template


def _read_limited(path: Path) -> str:
    """The file's text, refusing (before reading it whole) anything too large to be a template."""
    name = path.name
    try:
        info = path.stat()
    except FileNotFoundError:
        raise StorageError("storage.not_found", path=str(path)) from None
    except OSError as error:
        raise StorageError("storage.unreadable", path=str(path), reason=os_reason(error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise StorageError("templates.is_folder", path=str(path))
    sizes = {"size": megabytes(info.st_size), "limit": megabytes(MAX_TEMPLATE_BYTES)}
    too_large = InvalidFileError([Problem("templates.too_large", sizes, name)])
    if info.st_size > MAX_TEMPLATE_BYTES:
        raise too_large
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_TEMPLATE_BYTES + 1)
    except OSError as error:
        raise StorageError("storage.unreadable", path=str(path), reason=os_reason(error)) from None
    if len(data) > MAX_TEMPLATE_BYTES:  # a device or a file that grew: never read on
        raise too_large
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidFileError([Problem("templates.not_text", {}, name)]) from None


def _key_lines(text: str, key: str) -> list[int]:
    pattern = re.compile(rf"""(?:^|[{{,])[ \t]*key[ \t]*=[ \t]*["']{re.escape(key)}["']""", re.M)
    return [text.count("\n", 0, m.start()) + 1 for m in pattern.finditer(text)]


def _locate(problems: list[Problem], data: dict[str, Any], text: str) -> list[Problem]:
    """Give field problems the line where the field's key stands, where it can be found: the
    problem's ``row`` names the field, and the key's n-th appearance in the text its line."""
    fields = data.get("fields")
    keys = [f.get("key") if isinstance(f, dict) else None for f in fields or []]
    located = []
    for problem in problems:
        line = problem.line
        row = problem.row
        key = keys[row] if row is not None and row < len(keys) else None
        if line is None and row is not None and isinstance(key, str):
            lines = _key_lines(text, key)
            seen = keys[:row].count(key)
            line = lines[seen] if seen < len(lines) else None
        located.append(replace(problem, line=line))
    return located


def parse_template_text(text: str, source: str, default_id: str = "") -> Template:
    """Like ``parse_template``, with a plain message for a file that is not a template at all
    and with the line of each field problem."""
    data = load_toml(text, source, not_toml="templates.not_toml")
    if not any(key in data for key in ("format", "body", "fields", "name")):
        raise InvalidFileError([Problem("templates.not_template", {}, source)])
    try:
        return parse_template(text, source, default_id)
    except InvalidFileError as error:
        raise InvalidFileError(_locate(error.problems, data, text)) from None


def read_validated(
    target: Path, levels: LevelSetRegistry | None
) -> tuple[Template, str | None, list[Problem]]:
    """The template, the text to keep (None when the id had to change) and warnings."""
    text = _read_limited(target)
    template = parse_template_text(text, target.name, template_id_from(target.stem))
    problems = validate_template(template, target.name)
    if problems:
        raise InvalidFileError(problems)
    warnings = template_warnings(template, levels)
    if is_file_safe_id(template.id):
        return template.with_source("file", str(target)), text, warnings
    new_id = template_id_from(template.id)
    ids = {"old": template.id, "new": new_id}
    warnings.append(Problem("templates.id_changed", ids, target.name, field="id"))
    return replace(template, id=new_id).with_source("file", str(target)), None, warnings


def read_template_file(
    path: str | Path, levels: LevelSetRegistry | None = None
) -> tuple[Template, list[Problem]]:
    """A template file, fully validated (InvalidFileError, NewerFormatError, StorageError),
    and warnings worth showing. The template has source "file"."""
    template, _, warnings = read_validated(Path(path), levels)
    return template, warnings
