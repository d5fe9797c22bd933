"""Template + values -> Markdown, in Jinja2's sandbox.

Escaping is done here, once, by type: every ``{{ expression }}`` passes through ``finalize``,
which escapes plain text for Markdown and lets ``MarkdownText`` (paragraph fields, contact
blocks) through. A required value that is empty renders as a visible placeholder and is
listed as a problem; a broken template raises TemplateError naming the line.
"""

from __future__ import annotations

import contextvars
import functools
import operator
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from types import TracebackType
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from editor.errors import Problem, TemplateError
from editor.model.contacts import Contact
from editor.model.fields import FieldDef, FieldType, TimelineRow, is_empty
from editor.model.language import is_swedish, language_rules
from editor.model.levels import Level, LevelSetRegistry, default_registry
from editor.model.template import Template
from editor.render import filters
from editor.render.document import DocumentMeta, RenderedDocument
from editor.render.escape import MarkdownText, escape_markdown
from editor.render.markdown import placeholder_marker

BODY_FILENAME = "<body>"
MAX_SEQUENCE = 100_000  # the longest string or list a template may build with * or **
MAX_LOOP_STEPS = 200_000  # loop iterations one render may take: nested loops cannot hang the app
MAX_WIDTH = 10_000  # the widest a template may pad text with center/indent/format
_loop_steps: contextvars.ContextVar[list[int]] = contextvars.ContextVar("loop_steps")


class Missing:
    """A required value that is empty: renders as a placeholder, absorbs attributes and filters.

    It is truthy, so ``{% if event %}...{% endif %}`` still shows the placeholder where the text
    will stand once the field is filled.
    """

    __slots__ = ("label",)

    def __init__(self, label: str) -> None:
        self.label = label

    def __str__(self) -> str:
        return placeholder_marker(self.label)

    def __getattr__(self, name: str) -> Missing:
        if name.startswith("__"):
            raise AttributeError(name)
        return self

    def __getitem__(self, key: object) -> Missing:
        return self

    def __iter__(self) -> Iterator[Any]:
        return iter(())

    def __bool__(self) -> bool:
        return True

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Missing) and other.label == self.label

    def __hash__(self) -> int:
        return hash(self.label)


class ContactList(list[Contact]):
    """A contact field's value: a list, that also answers ``.name`` etc. for its first contact."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or not self:
            raise AttributeError(name)
        return getattr(self[0], name)


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, plus limits on ``*`` and ``**`` so a shared template cannot
    exhaust memory with ``'x' * 10**10``."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Every ``{% for %}`` iterates through ``count_loop_steps``, so a template of nested
        loops fails with a clear error instead of hanging the live preview."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Call(
                nodes.EnvironmentAttribute("count_loop_steps"), [loop.iter], [], None, None
            )
        return tree

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """Jinja2's sandboxed ``str.format``, refusing huge widths such as ``{:>999999999}``."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        pattern = str(value.__self__)
        if re.search(r"\{[^{}]*:[^{}]*\d{5,}", pattern):

            def refuse(*args: Any, **kwargs: Any) -> str:
                raise SecurityError("the width in a format is too large for a template")

            return refuse
        return wrapped

    @staticmethod
    def count_loop_steps(iterable: Iterable[Any]) -> Iterator[Any]:
        budget = _loop_steps.get(None)
        if budget is None:
            budget = [0]
            _loop_steps.set(budget)
        for item in iterable:
            budget[0] += 1
            if budget[0] > MAX_LOOP_STEPS:
                raise SecurityError("the template's loops run too many times")
            yield item

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._safe_attributes: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Jinja2's own check, remembered per (type, attribute): the answer depends on nothing
        else, and the live preview asks it for every attribute on every keystroke."""
        key = (type(obj), attr)
        safe = self._safe_attributes.get(key)
        if safe is None:
            safe = super().is_safe_attribute(obj, attr, value)
            self._safe_attributes[key] = safe
        return safe

    def call_binop(
        self, context: jinja2.runtime.Context, operator_name: str, left: Any, right: Any
    ) -> Any:
        if operator_name == "%":
            if isinstance(left, str) and re.search(r"%[-+ #0]*\d{5,}", left):
                raise SecurityError("the width in a % format is too large for a template")
            return operator.mod(left, right)
        if operator_name == "**":
            if isinstance(right, int | float) and abs(right) > 100:
                raise SecurityError("the power in ** is too large for a template")
            return operator.pow(left, right)
        for sequence, count in ((left, right), (right, left)):
            if (
                isinstance(sequence, str | list | tuple)
                and isinstance(count, int)
                and len(sequence) * count > MAX_SEQUENCE
            ):
                raise SecurityError("the text or list made with * is too long for a template")
        return operator.mul(left, right)


def _missing_aware(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that hands a Missing value straight through, so a placeholder stays whole."""
    passes_first = getattr(function, "jinja_pass_arg", None) is not None

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        value = args[1] if passes_first and len(args) > 1 else args[0] if args else None
        if isinstance(value, Missing):
            return value
        return function(*args, **kwargs)

    return wrapper


def _capped_width(function: Callable[..., Any], name: str, index: int) -> Callable[..., Any]:
    """A Jinja filter whose width argument may not exceed MAX_WIDTH (memory, not taste)."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        width = kwargs.get(name, args[index] if len(args) > index else 0)
        if isinstance(width, int) and width > MAX_WIDTH:
            raise SecurityError(f"the width in {function.__name__} is too large for a template")
        return function(*args, **kwargs)

    return wrapper


def _capfirst(value: Any) -> str:
    """Upper-case the first letter only: "i fredags" -> "I fredags", "on Friday" -> "On Friday".

    Jinja's own ``capitalize`` lower-cases the rest, which breaks names and weekdays.
    """
    text = str(value)
    return text[:1].upper() + text[1:]


def _lowerfirst(value: Any) -> str:
    """Lower-case the first letter only: "Pressekreterare" -> "pressekreterare"."""
    text = str(value)
    return text[:1].lower() + text[1:]


def _relative_time(value: datetime, reference: date, lang: str) -> str:
    """The short form for running text: sv "i dag klockan 12.00", "i fredags klockan 06.30";
    en "today at noon", "on Friday at 6.30am"; beyond a week the date stands for the day."""
    if not isinstance(value, datetime):
        raise TypeError(f"relative_time needs a date and time, not {type(value).__name__}")
    day = filters.relative_day(value, reference, lang)
    clock = filters.format_time(value, lang)
    if is_swedish(lang):
        return f"{day} klockan {clock}"
    return f"{day} at {clock}"


def _relative_datetime(value: datetime, reference: date, lang: str) -> str:
    """A moment in running text: sv "i dag tisdag den 25 september klockan 15.37",
    en "today at 3.37pm"; further off, the full date ("at 3.37pm on Friday 21 September")."""
    if not isinstance(value, datetime):
        raise TypeError(f"relative_datetime needs a date and time, not {type(value).__name__}")
    near = abs((value.date() - reference).days) <= 1
    day = filters.relative_day(value, reference, lang)
    if is_swedish(lang):
        full = filters.format_datetime(value, lang)
        return f"{day} {full}" if near else full
    if near:
        return f"{day} at {filters.format_time(value, lang)}"
    return f"at {filters.format_datetime(value, lang)}"


def _contact_block(value: Any, lang: str) -> Any:
    """Contacts as Markdown lines with hard breaks: name, title, unit, e-mail, phones."""
    if isinstance(value, Missing):
        return value
    contacts = [value] if isinstance(value, Contact) else list(value or [])
    blocks = []
    for contact in contacts:
        name = escape_markdown(contact.name)
        lines = [f"**{name}**" if name else ""]
        for part in (contact.title, contact.organisation, contact.unit):
            if part:
                lines.append(escape_markdown(part))
        if contact.email:
            lines.append(escape_markdown(contact.email))
        for phone in contact.phones:
            label = f"{escape_markdown(phone.label)}: " if phone.label else ""
            lines.append(label + escape_markdown(phone.number))
        blocks.append("\\\n".join(line for line in lines if line))
    return MarkdownText("\n\n".join(blocks))


def join_names(value: Any, lang: str) -> str:
    names: list[str] = [str(c.name) for c in value]
    if len(names) < 2:
        return "".join(names)
    conjunction = " och " if is_swedish(lang) else " and "
    return ", ".join(names[:-1]) + conjunction + names[-1]


def value_text(value: Any, lang: str) -> str:
    """A value as plain text in ``lang``, the way ``{{ value }}`` prints it: dates and times in
    press style, yes/no as words, contacts by name. Whole numbers print as they are (years)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return ("ja" if value else "nej") if is_swedish(lang) else ("yes" if value else "no")
    if isinstance(value, datetime):
        return filters.format_datetime(value, lang)
    if isinstance(value, date):
        return filters.format_date(value, lang)
    if isinstance(value, time):
        return filters.format_time(value, lang)
    if isinstance(value, float):
        return filters.format_number(value, lang)
    if isinstance(value, ContactList):
        return join_names(value, lang)
    return str(value)


@functools.cache
def environment(lang: str) -> jinja2.Environment:
    """One sandboxed environment per language; it caches compiled bodies."""

    def finalize(value: Any) -> Any:
        if type(value) is str:
            return escape_markdown(value)
        if value is None:
            return ""
        if isinstance(value, MarkdownText | Missing):
            return value
        return escape_markdown(value_text(value, lang))

    env = _Sandbox(
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        cache_size=64,
    )

    def relative_to_release(function: Callable[[Any, date, str], str]) -> Callable[..., Any]:
        @jinja2.pass_context
        def filter_(context: jinja2.runtime.Context, value: Any) -> Any:
            if isinstance(value, Missing):
                return value
            reference = context.get("release_date")
            if not isinstance(reference, date):
                reference = date.today()
            return function(value, reference, lang)

        return filter_

    env.filters.update(
        {
            "date": _missing_aware(lambda v, style="long": filters.format_date(v, lang, style)),
            "time": _missing_aware(lambda v: filters.format_time(v, lang)),
            "datetime": _missing_aware(lambda v: filters.format_datetime(v, lang)),
            "weekday": _missing_aware(lambda v: filters.weekday(v, lang)),
            "daypart": _missing_aware(lambda v: filters.day_part(v, lang)),
            "number": _missing_aware(lambda v: filters.format_number(v, lang)),
            "relative_day": relative_to_release(filters.relative_day),
            "relative_moment": relative_to_release(filters.relative_moment),
            "relative_datetime": relative_to_release(_relative_datetime),
            "contact_block": lambda v: _contact_block(v, lang),
            "names": _missing_aware(lambda v: join_names(v, lang)),
            "relative_time": relative_to_release(_relative_time),
            "lowerfirst": _lowerfirst,
            "capitalize": _capfirst,
            "center": _capped_width(env.filters["center"], "width", 1),
            "indent": _capped_width(env.filters["indent"], "width", 1),
            "capfirst": _capfirst,
        }
    )
    env.filters = {name: _missing_aware(f) for name, f in env.filters.items()}
    env.tests["missing"] = _is_missing
    env.tests["filled"] = lambda value: not _is_missing(value)
    return env


def _is_missing(value: Any) -> bool:
    """``{% if x is missing %}``: an empty field, required (placeholder) or optional."""
    return isinstance(value, Missing) or is_empty(value) or value is False


FILTER_HELP = {
    "date": "date('long'|'full'|'weekday_day_month'|'day_month'|'short'): 25 september 2018",
    "time": "time: 15.37 / 3.37pm",
    "datetime": "datetime: tisdag den 25 september klockan 15.37",
    "weekday": "weekday: tisdag / Tuesday",
    "daypart": "daypart: morgon, förmiddag... / morning, afternoon...",
    "relative_day": "relative_day: i dag, i går, i fredags, på fredag / today, on Friday",
    "relative_moment": "relative_moment: i fredags morse / on Friday morning",
    "relative_datetime": "relative_datetime: i dag tisdag den 25 september klockan 15.37",
    "relative_time": "relative_time: i dag klockan 12.00 / today at noon",
    "capitalize": "capitalize: first letter upper case, the rest as it is",
    "lowerfirst": "lowerfirst: first letter lower case, the rest as it is",
    "number": "number: 1 234,5 / 1,234.5",
    "contact_block": "contact_block: the contact lines, ready for the end of a release",
    "names": "names: Anna Exempel och Per Prov",
}


def template_line(traceback: TracebackType | None, filename: str = BODY_FILENAME) -> int | None:
    """The line of the compiled template ``filename`` where a render failed, from its
    traceback (Jinja2 rewrites template frames to carry template line numbers)."""
    line = None
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == filename:
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


def _file_line(template: Template, body_line: int | None) -> int | None:
    if body_line is None or template.body_line is None:
        return body_line
    return template.body_line + body_line - 1


def friendly_error(error: BaseException) -> str:
    """What went wrong in a template, in words for the person who wrote it."""
    if isinstance(error, SecurityError | OverflowError):
        return f"the template tried something not allowed in a template ({error})"
    if isinstance(error, jinja2.UndefinedError):
        return f"{error.message} (is a field key misspelt?)"
    if isinstance(error, jinja2.TemplateSyntaxError):
        return error.message or "syntax error"
    if isinstance(error, RecursionError):
        return "the template calls itself without end"
    return f"{type(error).__name__}: {error}"


@functools.lru_cache(maxsize=64)
def _compile(lang: str, body: str) -> jinja2.Template:
    env = environment(lang)
    code = env.compile(body, name="body", filename=BODY_FILENAME)
    return env.template_class.from_code(env, code, env.make_globals(None), None)


def compile_body(template: Template, body: str | None = None) -> jinja2.Template:
    """The compiled body (cached), or TemplateError naming the line of a syntax error."""
    try:
        return _compile(template.language, template.body if body is None else body)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(
            friendly_error(error), _file_line(template, error.lineno), template.path
        ) from None
    except (SecurityError, RecursionError, MemoryError) as error:
        raise TemplateError(friendly_error(error), None, template.path) from None


@dataclass(frozen=True)
class RenderContext:
    variables: dict[str, Any]
    problems: list[Problem]


def build_context(
    template: Template,
    values: dict[str, Any],
    levels: LevelSetRegistry | None = None,
    today: date | None = None,
) -> RenderContext:
    """The variables a body sees: each field's value as a Python object, ready to print."""
    levels = levels or default_registry()
    problems: list[Problem] = []
    variables: dict[str, Any] = {"lang": template.language}
    for field_def in template.fields:
        value = values.get(field_def.key)
        if is_empty(value):
            if field_def.required:
                problems.append(Problem("is required", field=field_def.key))
                variables[field_def.key] = Missing(field_def.label)
            else:
                variables[field_def.key] = _empty(field_def)
            continue
        variables[field_def.key] = _as_context_value(field_def, template, value, levels, problems)
    if not isinstance(variables.get("release_date"), date):
        variables["release_date"] = today or date.today()
    return RenderContext(variables, problems)


def _empty(field_def: FieldDef) -> Any:
    if field_def.type == FieldType.CONTACT:
        return ContactList()
    if field_def.type == FieldType.TIMELINE:
        return []
    if field_def.type == FieldType.YESNO:
        return False
    return None


def _as_context_value(
    field_def: FieldDef,
    template: Template,
    value: Any,
    levels: LevelSetRegistry,
    problems: list[Problem],
) -> Any:
    kind = field_def.type
    if kind == FieldType.PARAGRAPHS:
        return MarkdownText(value)
    if kind == FieldType.LEVEL:
        set_id = field_def.level_set or template.level_set
        level_set = levels.get(set_id)
        try:
            if level_set is None:
                raise KeyError(set_id)
            level: Level = level_set.level(value, template.language)
            return level
        except KeyError:
            problems.append(
                Problem(
                    f"{value!r} is not a level of the level set {set_id!r}", field=field_def.key
                )
            )
            return Missing(field_def.label)
    if kind == FieldType.CONTACT:
        return ContactList(value)
    if kind == FieldType.TIMELINE:
        rows: list[TimelineRow] = sorted(value, key=TimelineRow.sort_key)
        return rows
    return value


def render_markdown(
    template: Template,
    values: dict[str, Any],
    levels: LevelSetRegistry | None = None,
    today: date | None = None,
) -> tuple[str, list[Problem]]:
    """Fill the template's body: Markdown plus the problems found (empty required fields...)."""
    compiled = compile_body(template)
    context = build_context(template, values, levels, today)
    token = _loop_steps.set([0])
    try:
        text = compiled.render(context.variables)
    except TemplateError:
        raise
    except Exception as error:  # a template may raise anything; report it with its line
        line = template_line(sys.exc_info()[2])
        raise TemplateError(
            friendly_error(error), _file_line(template, line), template.path
        ) from None
    finally:
        _loop_steps.reset(token)
    return text, context.problems


def embargo_notice(embargo: datetime, lang: str) -> str:
    """The conventional embargo line, as plain text, for the top of a release (and the preview's
    banner): sv "EMBARGO: Publiceras tidigast tisdag den 25 september 2018 klockan 15.37",
    en "EMBARGO: HOLD FOR RELEASE UNTIL 3.37pm on Tuesday 25 September 2018". The year is always
    given, so an archived release stays unambiguous; the time is the wall clock as typed."""
    day = filters.format_date(embargo, lang, "full")
    clock = filters.format_time(embargo, lang)
    rules = language_rules(lang)
    if rules == "sv":
        return f"EMBARGO: Publiceras tidigast {day} klockan {clock}"
    if rules == "en":
        return f"EMBARGO: HOLD FOR RELEASE UNTIL {clock} on {day}"
    return f"EMBARGO: {day} {clock}"


def render_document(
    template: Template,
    values: dict[str, Any],
    levels: LevelSetRegistry | None = None,
    today: date | None = None,
    organisation: str = "",
    embargo: datetime | None = None,
) -> RenderedDocument:
    """The whole pipeline up to the point where writers take over.

    An ``embargo`` puts its notice, in bold, first in the Markdown, so every format carries it.
    """
    text, problems = render_markdown(template, values, levels, today)
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
        compile_body(template)
        render_markdown(template, {})
    except TemplateError as error:
        return [Problem(error.message, template.path, error.line)]
    return []
