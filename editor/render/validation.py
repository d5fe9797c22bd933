"""Whether a template's body can be used: the checks every template passes before it reaches a
library folder (import, save as template) and that the template editor runs as the author
types. Syntax, unknown filters and names, sandbox limits (``check_template``), and reaching for
``_``-names in any branch, found in the text."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import jinja2
from jinja2 import nodes

from editor.errors import Problem
from editor.model.fields import FieldType
from editor.model.levels import LevelSetRegistry
from editor.model.template import Template
from editor.render.compiling import file_line
from editor.render.engine import check_template, environment

UNDEFINED_NAME = "template.undefined_name"  # the code of a name the body uses but has no value


def _unsafe_access(template: Template, source: str) -> list[Problem]:
    """Reaching for ``_``-names (``''.__class__``...), found in the text, so that an attempt in
    a branch the check-render does not take is refused too. The sandbox would stop it anyway."""
    try:
        tree = environment(template.language).parse(template.body)
    except jinja2.TemplateSyntaxError:
        return []  # check_template reports it
    found: dict[int | None, list[str]] = {}
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter)):
        name: Any = None
        if isinstance(node, nodes.Getattr):
            name = node.attr
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            name = node.arg.value
        elif isinstance(node, nodes.Filter) and node.name == "attr" and node.args:
            first = node.args[0]
            name = first.value if isinstance(first, nodes.Const) else None
        if isinstance(name, str) and name.startswith("_"):
            names = found.setdefault(file_line(node.lineno, template.body_line), [])
            if repr(name) not in names:
                names.insert(0, repr(name))  # find_all goes outside in: read left to right
    return [
        Problem("template.unsafe_names", {"names": ", ".join(names)}, source, line)
        for line, names in sorted(found.items(), key=lambda item: item[0] or 0)
    ]


def validate_template(template: Template, source: str = "") -> list[Problem]:
    """Problems in the body that make a template unusable, each with its file line."""
    unsafe = _unsafe_access(template, source)
    lines = {p.line for p in unsafe}
    checked = [replace(p, source=source) for p in check_template(replace(template, path=""))]
    return unsafe + [p for p in checked if p.line not in lines or p.line is None]


def template_warnings(template: Template, levels: LevelSetRegistry | None) -> list[Problem]:
    """Worth telling, not worth refusing: level sets the template uses that are not defined."""
    if levels is None:
        return []
    used = {f.level_set or template.level_set for f in template.fields if f.type == FieldType.LEVEL}
    return [
        Problem("template.unknown_level_set", {"level_set": set_id}, field="level_set")
        for set_id in sorted(used)
        if levels.get(set_id) is None
    ]
