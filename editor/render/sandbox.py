"""Jinja2's immutable sandbox with limits, so a shared template cannot hang the app or exhaust
its memory.

Each limit raises ``TemplateLimitError``, a ``SecurityError`` carrying the message code that
says which limit was reached; ``UndefinedValue`` raises errors that name what was undefined.
So ``editor.render.template_errors`` can put every failure in the UI language without reading
Jinja's English.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import operator
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

from editor.i18n import english

MAX_SEQUENCE = 100_000  # the longest string or list a template may build with * or **
MAX_LOOP_STEPS = 200_000  # loop iterations and calls one render may take
MAX_WIDTH = 10_000  # the widest a template may pad text with center/indent/format
MAX_POWER = 100  # the largest exponent of **
MAX_INT_BITS = 4_096  # the largest integer a template may make (about 1,200 digits)
MAX_TEXT = 1_000_000  # the longest string a template may make by + ~ join replace...
MAX_OUTPUT = 2_000_000  # characters of Markdown one render may write (a long release is 200,000)
MAX_PRINTED_ITEMS = 100_000  # elements of a list (nested lists counted) one {{ }} may print
MAX_DEPTH = 60  # nested macro and function calls
MAX_SECONDS = 2.0  # wall-clock time of one render, checked in loops, calls and filters
MAX_LIPSUM = 100  # paragraphs of lipsum()


@dataclass
class Budget:
    """What one render may still spend. Every loop step, call and filter goes through
    ``spend``; the limits above are checked before an operation builds its result."""

    deadline: float
    steps: int = 0
    depth: int = 0

    def spend(self) -> None:
        self.steps += 1
        if self.steps & 63:  # the clock is read every 64 steps: a step is microseconds
            return
        if self.steps > MAX_LOOP_STEPS:
            raise TemplateLimitError("template.limit_loops")
        if time.monotonic() > self.deadline:
            raise TemplateLimitError("template.limit_time", seconds=MAX_SECONDS)


_budget: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("budget", default=None)


@contextlib.contextmanager
def render_budget(seconds: float = MAX_SECONDS) -> Iterator[Budget]:
    """One render's budget: every loop, call and filter inside spends from it."""
    budget = Budget(time.monotonic() + seconds)
    token = _budget.set(budget)
    try:
        yield budget
    finally:
        _budget.reset(token)


def spend() -> None:
    """One step of the current render (nothing outside one: the template editor's tools)."""
    budget = _budget.get()
    if budget is not None:
        budget.spend()


def budgeted(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that spends a step and checks the size of what it made."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        spend()
        return check_made(function(*args, **kwargs))

    return wrapper


def check_made(value: Any) -> Any:
    """``value`` if it is within the limits of what a template may make, else the limit."""
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise TemplateLimitError("template.limit_text")
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        raise TemplateLimitError("template.limit_number")
    return value


def check_printable(value: Any) -> None:
    """Refuse to print a container with more than MAX_PRINTED_ITEMS elements, nested ones
    counted (``[[0] * 10**5] * 10**5`` holds one list 10**5 times: printing it is 10**10)."""
    if not isinstance(value, list | tuple | dict | set | frozenset):
        return
    seen = 0
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list | tuple | set | frozenset):
            seen += len(item)
            if seen > MAX_PRINTED_ITEMS:
                raise TemplateLimitError("template.limit_printed")
            stack.extend(x for x in item if isinstance(x, list | tuple | dict | set | frozenset))


def _format_widths_allowed(pattern: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
    """False for a format whose width or precision is too large: written in the pattern
    (``{:>99999}``) or passed in (``'{:{w}}'``, ``'%*s'``)."""
    if re.search(r"\{[^{}]*:[^{}]*\d{5,}", pattern) or re.search(r"%[-+ #0]*\d{5,}", pattern):
        return False
    nested = re.search(r"\{[^{}]*:[^{}]*\{", pattern) or re.search(r"%[-+ #0]*\*", pattern)
    if not nested:
        return True
    numbers = [*args, *kwargs.values()]
    flat = [x for arg in numbers for x in (arg if isinstance(arg, tuple | list) else (arg,))]
    return all(abs(x) <= MAX_WIDTH for x in flat if isinstance(x, int | float))


_PADDING_METHODS = frozenset({"ljust", "rjust", "center", "zfill", "expandtabs"})
_BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "%": lambda a, b: check_made(operator.mod(a, b)),
    "**": operator.pow,
    "+": operator.add,
    "*": operator.mul,
}
_SEQUENCES = (str, list, tuple)


def _check_binop(name: str, left: Any, right: Any) -> None:
    """The size of what ``left NAME right`` would make, before it is made."""
    ints = isinstance(left, int) and isinstance(right, int)
    if name == "%":
        arguments = right if isinstance(right, tuple) else (right,)
        too_wide = isinstance(left, str) and not _format_widths_allowed(left, arguments, {})
        _refuse_if(too_wide, "template.limit_format_width")
    elif name == "**":
        if isinstance(right, int | float) and abs(right) > MAX_POWER:
            raise TemplateLimitError("template.limit_power", limit=MAX_POWER)
        _refuse_if(
            ints and right > 0 and left.bit_length() * right > MAX_INT_BITS, "template.limit_number"
        )
    elif name == "+":
        both = isinstance(left, _SEQUENCES) and isinstance(right, _SEQUENCES)
        limit = MAX_TEXT if isinstance(left, str) else MAX_SEQUENCE
        _refuse_if(both and len(left) + len(right) > limit, "template.limit_text")
    else:
        for sequence, count in ((left, right), (right, left)):
            long = isinstance(sequence, _SEQUENCES) and isinstance(count, int)
            _refuse_if(long and len(sequence) * count > MAX_SEQUENCE, "template.limit_sequence")
        _refuse_if(
            ints and left.bit_length() + right.bit_length() > MAX_INT_BITS, "template.limit_number"
        )


def _refuse_if(condition: bool, code: str) -> None:
    if condition:
        raise TemplateLimitError(code)


class TemplateLimitError(SecurityError):
    """A sandbox limit reached; ``code`` names it."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(english(code, **params))
        self.code = code
        self.params = params


class UndefinedNameError(jinja2.UndefinedError):
    """A name or attribute the template uses that has no value. ``of_value``: an attribute of
    a value (``contact.nmae``) rather than a name of its own (``evnet``)."""

    def __init__(self, message: str, name: str, of_value: bool) -> None:
        super().__init__(message)
        self.name = name
        self.of_value = of_value


class UnsafeAccessError(SecurityError):
    """An attribute the sandbox refuses (``''.__class__``), with its name."""

    def __init__(self, message: str, name: str) -> None:
        super().__init__(message)
        self.name = name


class UndefinedValue(jinja2.StrictUndefined):
    """Jinja2's strict undefined, whose errors carry the name that was undefined."""

    __slots__ = ()

    def __init__(
        self,
        hint: str | None = None,
        obj: Any = jinja2.utils.missing,
        name: str | None = None,
        exc: type[jinja2.TemplateRuntimeError] = jinja2.UndefinedError,
    ) -> None:
        super().__init__(hint, obj, name, exc)
        shown = "" if name is None else str(name)
        failure: Any = None  # Jinja2 calls it with the message, like an exception class
        if exc is SecurityError:
            failure = lambda message: UnsafeAccessError(message, shown)  # noqa: E731
        elif name is not None:
            of_value = obj is not jinja2.utils.missing
            failure = lambda message: UndefinedNameError(message, shown, of_value)  # noqa: E731
        if failure is not None:
            self._undefined_exception = failure


class _CheckedConcat(NodeTransformer):
    """Every ``~`` becomes a call of ``checked_concat``, which counts before it joins."""

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        parts = [self.visit(part) for part in node.nodes]
        return nodes.Call(
            nodes.EnvironmentAttribute("checked_concat"),
            [nodes.List(parts, lineno=node.lineno)],
            [],
            None,
            None,
            lineno=node.lineno,
        )


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, plus limits on ``*``, ``**``, ``%``, format widths and loop
    steps, so a shared template cannot exhaust memory with ``'x' * 10**10``."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._safe_attributes: dict[tuple[type, str], bool] = {}

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Every ``{% for %}`` iterates through ``count_loop_steps``, so a template of nested
        loops fails with a clear error instead of hanging the live preview."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Call(
                nodes.EnvironmentAttribute("count_loop_steps"), [loop.iter], [], None, None
            )
        checked = _CheckedConcat().visit(tree)
        assert isinstance(checked, nodes.Template)
        return checked

    @staticmethod
    def checked_concat(parts: list[Any]) -> str:
        """``a ~ b``: refused before joining when the text would be too long (a loop that
        doubles a string reaches a gigabyte in 30 steps)."""
        texts = [str(part) for part in parts]
        if sum(len(text) for text in texts) > MAX_TEXT:
            raise TemplateLimitError("template.limit_text")
        return "".join(texts)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """Jinja2's sandboxed ``str.format``, refusing huge widths: written in the pattern
        (``{:>999999999}``) or passed in (``'{:{w}}'.format(x, w=10**9)``)."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        pattern = str(value.__self__)
        inner = wrapped

        def checked(*args: Any, **kwargs: Any) -> str:
            if not _format_widths_allowed(pattern, args, kwargs):
                raise TemplateLimitError("template.limit_format_width")
            return str(check_made(inner(*args, **kwargs)))

        return checked

    @staticmethod
    def count_loop_steps(iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            spend()
            yield item

    def call(
        __self,
        __context: jinja2.runtime.Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        """Every call a template makes (macros, methods, globals) spends a step, may nest only
        MAX_DEPTH deep, and may not build a result beyond the limits: the sizes are checked
        before a padding, ``replace`` or ``join`` builds its string."""
        budget = _budget.get()
        if budget is not None:
            budget.spend()
            if budget.depth >= MAX_DEPTH:
                raise TemplateLimitError("template.recursion")
        _check_call(__obj, args, kwargs)
        if budget is None:
            return check_made(super().call(__context, __obj, *args, **kwargs))
        budget.depth += 1
        try:
            return check_made(super().call(__context, __obj, *args, **kwargs))
        finally:
            budget.depth -= 1

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
        spend()
        _check_binop(operator_name, left, right)
        return _BINOPS[operator_name](left, right)


def _check_call(function: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """The size of what a call would build, before it builds it."""
    owner = getattr(function, "__self__", None)
    name = getattr(function, "__name__", "")
    if isinstance(owner, str):
        numbers = [a for a in (*args, *kwargs.values()) if isinstance(a, int)]
        if name in _PADDING_METHODS and any(abs(n) > MAX_WIDTH for n in numbers):
            raise TemplateLimitError("template.limit_filter_width", filter=name)
        if name == "replace" and len(args) >= 2:
            old, new = str(args[0]), str(args[1])
            count = owner.count(old) if old else len(owner) + 1
            if len(owner) + count * max(0, len(new) - len(old)) > MAX_TEXT:
                raise TemplateLimitError("template.limit_text")
        if name == "join" and args:
            parts = args[0]
            if isinstance(parts, list | tuple):
                size = sum(len(p) for p in parts if isinstance(p, str))
                if size + len(owner) * len(parts) > MAX_TEXT:
                    raise TemplateLimitError("template.limit_text")
    if name == "generate_lorem_ipsum":  # lipsum(); a wrapper keeps the name
        count = args[0] if args else kwargs.get("n", 5)
        if isinstance(count, int) and count > MAX_LIPSUM:
            raise TemplateLimitError("template.limit_lipsum", limit=MAX_LIPSUM)


def bounded_render(compiled: jinja2.Template, variables: dict[str, Any]) -> str:
    """Render within one budget (time, steps, depth) and at most MAX_OUTPUT characters: the
    output is collected as it is made, so a template that writes gigabytes stops at the limit
    instead of filling memory."""
    parts: list[str] = []
    size = 0
    with render_budget():
        for chunk in compiled.generate(variables):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise TemplateLimitError("template.limit_output")
            parts.append(chunk)
    return "".join(parts)
