"""The reference releases: every built-in template filled with the values in ``values/``.

``values/<template-id>.json`` holds the values of one release, in the form the CLI's
``--values`` takes. ``expected/<template-id>.<ext>`` holds what each writer makes of it:
``.md``, ``.html``, ``.txt`` and, since a .docx file carries timestamps, a summary of the
Word document as ``.docx.txt`` (see ``docx_summary``).

Shared by ``regenerate.py`` (which writes the expected files) and the tests (which compare
against them), so both render exactly the same way.
"""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

from editor.model.level_choice import with_level_set
from editor.model.levels import default_registry
from editor.model.release import values_from_json
from editor.model.template import Template
from editor.render import writers
from editor.render.document import RenderedDocument
from editor.render.engine import render_document
from editor.storage.library import builtin_entries

HERE = Path(__file__).resolve().parent
VALUES = HERE / "values"
EXPECTED = HERE / "expected"

LEVEL_SET_KEY = "level_set"  # in a values file: the level set the release picked

# Only used where a release has no date of its own; every reference release has one.
FIXED_TODAY = date(2018, 9, 25)

# The file extension of each format's expected output.
EXTENSIONS = {"md": ".md", "html": ".html", "txt": ".txt", "docx": ".docx.txt"}

_STYLE_BLOCK = re.compile(r"<style>.*?</style>", re.DOTALL)


def available_formats() -> list[str]:
    """The formats whose writer exists in this checkout (txt and docx arrived later than md)."""
    modules = {
        "md": "editor.render.writers.markdown",
        "html": "editor.render.writers.html",
        "txt": "editor.render.writers.text",
        "docx": "editor.render.writers.docx",
    }
    return [fmt for fmt, module in modules.items() if importlib.util.find_spec(module)]


def builtin_templates() -> dict[str, Template]:
    """Every built-in template that loads, by id."""
    return {e.template.id: e.template for e in builtin_entries() if e.template is not None}


def case_ids() -> list[str]:
    return sorted(path.stem for path in VALUES.glob("*.json"))


def _case_file(case: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VALUES / f"{case}.json").read_text(encoding="utf-8"))
    return data


def raw_values(case: str) -> dict[str, Any]:
    """The values of the case, keyed by field (without the release's level set)."""
    return {k: v for k, v in _case_file(case).items() if k != LEVEL_SET_KEY}


def case_template(case: str, templates: dict[str, Template] | None = None) -> Template:
    """The case's template, in the level set the case's release picked (``"level_set"`` in its
    values file, as the CLI's ``--level-set``), else in its own."""
    template = (templates or builtin_templates())[case]
    set_id = str(_case_file(case).get(LEVEL_SET_KEY) or "")
    return with_level_set(template, {}, set_id, default_registry())[0]


@dataclass(frozen=True)
class Case:
    template: Template
    values: dict[str, Any]
    doc: RenderedDocument


def render_case(case: str, templates: dict[str, Template] | None = None) -> Case:
    """The case's release rendered, as the CLI's ``render`` command renders it."""
    template = case_template(case, templates)
    values, problems = values_from_json(template, raw_values(case), f"{case}.json")
    if problems:
        raise AssertionError(f"{case}.json: " + "; ".join(str(p) for p in problems))
    doc = render_document(template, values, today=FIXED_TODAY)
    return Case(template, values, doc)


def output(doc: RenderedDocument, fmt: str) -> str:
    """One writer's output as text: the file itself, or for DOCX its summary."""
    data = writers.get(fmt).write(doc)
    if fmt == "docx":
        return docx_summary(data)
    return data.decode("utf-8")


def comparable(fmt: str, text: str) -> str:
    """What the comparison looks at. The HTML page embeds the stylesheet, which belongs to the
    look of every release and has tests of its own, so a CSS change does not touch these files:
    the ``<style>`` block is compared by presence only."""
    if fmt == "html":
        return _STYLE_BLOCK.sub("<style>…</style>", text)
    return text


def docx_summary(data: bytes) -> str:
    """A Word document as text a reviewer can read in a diff.

    The document properties first (``# title: …``), then one line per paragraph,
    ``style name | text``, with line breaks inside a paragraph shown as ``\\n``; below a
    paragraph, one ``  -> target`` line per hyperlink in it.
    """
    import docx  # imported here: slow to load, and only the DOCX comparisons need it

    document = docx.Document(BytesIO(data))
    props = document.core_properties
    lines = [
        f"# title: {props.title}",
        f"# author: {props.author}",
        f"# language: {props.language}",
    ]
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        text = paragraph.text.replace("\n", "\\n")
        lines.append(f"{style} | {text}")
        lines.extend(f"  -> {link.address}" for link in paragraph.hyperlinks)
    return "\n".join(lines) + "\n"


def expected_path(case: str, fmt: str) -> Path:
    return EXPECTED / f"{case}{EXTENSIONS[fmt]}"


def plain(text: str) -> str:
    """Whitespace folded to single spaces, so a phrase is found across wrapped lines."""
    return " ".join(text.split())
