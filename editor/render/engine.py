"""Template + values -> Markdown, in Jinja2's sandbox.

Escaping is done once, by type, in the environment's ``finalize`` (``editor.render.environment``):
plain text is escaped for Markdown, ``MarkdownText`` (paragraph fields, contact blocks) passes.
A required value that is empty renders as a visible placeholder and is listed as a problem
(``editor.render.context``); a broken template raises TemplateError naming the line
(``editor.render.compiling``). The names other modules import from here stay here.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from typing import Any

import jinja2

from editor.errors import Problem, TemplateError
from editor.model.levels import LevelSetRegistry
from editor.model.template import Template
from editor.render.compiling import (
    BODY_FILENAME,
    compile_checked,
    file_line,
    template_error,
    template_line,
)
from editor.render.context import REQUIRED, RenderContext, build_context
from editor.render.document import DocumentMeta, RenderedDocument
from editor.render.embargo import embargo_notice
from editor.render.environment import FILTER_HELP, environment, filter_help
from editor.render.escape import escape_markdown
from editor.render.marks import with_marks
from editor.render.sandbox import bounded_render
from editor.render.values import ContactList, Missing, join_names, value_text

__all__ = [
    "BODY_FILENAME",
    "FILTER_HELP",
    "REQUIRED",
    "ContactList",
    "Missing",
    "RenderContext",
    "build_context",
    "check_template",
    "compile_body",
    "embargo_notice",
    "environment",
    "filter_help",
    "join_names",
    "render_document",
    "render_markdown",
    "template_line",
    "value_text",
]


def compile_body(template: Template, body: str | None = None) -> jinja2.Template:
    """The compiled body (cached), or TemplateError naming the line of a syntax error."""
    return compile_checked(
        environment(template.language),
        template.body if body is None else body,
        source=template.path,
        first_line=template.body_line,
    )


def render_markdown(
    template: Template,
    values: dict[str, Any],
    levels: LevelSetRegistry | None = None,
    today: date | None = None,
) -> tuple[str, list[Problem]]:
    """Fill the template's body: Markdown plus the problems found (empty required fields...)."""
    compiled = compile_body(template)
    context = build_context(template, values, levels, today)
    try:
        text = bounded_render(compiled, context.variables)
    except TemplateError:
        raise
    except Exception as error:  # a template may raise anything; report it with its line
        line = file_line(template_line(sys.exc_info()[2]), template.body_line)
        raise template_error(error, line, template.path) from None
    return text, context.problems


def render_document(
    template: Template,
    values: dict[str, Any],
    levels: LevelSetRegistry | None = None,
    today: date | None = None,
    organisation: str = "",
    embargo: datetime | None = None,
    *,
    exercise: bool = False,
    number: int = 1,
) -> RenderedDocument:
    """The whole pipeline up to the point where writers take over.

    An ``embargo`` puts its notice, in bold, first in the Markdown, so every format carries it;
    so do an exercise's marks and a follow-up's ``number`` (``editor.render.marks``).
    """
    text, problems = render_markdown(template, values, levels, today)
    text = with_marks(text, template.language, exercise=exercise, number=number)
    if embargo is not None:
        notice = escape_markdown(embargo_notice(embargo, template.language))
        text = f"**{notice}**\n\n" + text.lstrip("\n")
    release_date = values.get("release_date")
    organisation = organisation or str(values.get("organisation") or "")
    meta = DocumentMeta(
        language=template.language,
        template_name=template.name,
        organisation=organisation,
        author=organisation,
        release_date=release_date if isinstance(release_date, date) else None,
    )
    return RenderedDocument(markdown=text, meta=meta, problems=problems)


def check_template(template: Template) -> list[Problem]:
    """Problems in a template's body, found without values: syntax, unknown filters, keys.

    Renders once with every field empty-but-present so unknown names and filters surface too.
    """
    try:
        render_markdown(template, {})
    except TemplateError as error:
        return [error.problem]
    return []
