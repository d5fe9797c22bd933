"""Jinja2's immutable sandbox with limits, so a shared template cannot hang the app or exhaust
its memory.

Each limit raises ``TemplateLimitError``, a ``SecurityError`` carrying the message code that
says which limit was reached; ``UndefinedValue`` raises errors that name what was undefined.
So ``editor.render.template_errors`` can put every failure in the UI language without reading
Jinja's English.
"""

from __future__ import annotations

import contextvars
import operator
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from editor.i18n import english

MAX_SEQUENCE = 100_000  # the longest string or list a template may build with * or **
MAX_LOOP_STEPS = 200_000  # loop iterations one render may take: nested loops cannot hang the app
MAX_WIDTH = 10_000  # the widest a template may pad text with center/indent/format
MAX_POWER = 100  # the largest exponent of **
loop_steps: contextvars.ContextVar[list[int]] = contextvars.ContextVar("loop_steps")


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


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, plus limits on ``*``, ``**``, ``%``, format widths and loop
    steps, so a shared template cannot exhaust memory with ``'x' * 10**10``."""

    intercepted_binops = frozenset({"*", "**", "%"})

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
        return tree

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """Jinja2's sandboxed ``str.format``, refusing huge widths such as ``{:>999999999}``."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        pattern = str(value.__self__)
        if re.search(r"\{[^{}]*:[^{}]*\d{5,}", pattern):

            def refuse(*args: Any, **kwargs: Any) -> str:
                raise TemplateLimitError("template.limit_format_width")

            return refuse
        return wrapped

    @staticmethod
    def count_loop_steps(iterable: Iterable[Any]) -> Iterator[Any]:
        budget = loop_steps.get(None)
        if budget is None:
            budget = [0]
            loop_steps.set(budget)
        for item in iterable:
            budget[0] += 1
            if budget[0] > MAX_LOOP_STEPS:
                raise TemplateLimitError("template.limit_loops")
            yield item

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
                raise TemplateLimitError("template.limit_format_width")
            return operator.mod(left, right)
        if operator_name == "**":
            if isinstance(right, int | float) and abs(right) > MAX_POWER:
                raise TemplateLimitError("template.limit_power", limit=MAX_POWER)
            return operator.pow(left, right)
        for sequence, count in ((left, right), (right, left)):
            if (
                isinstance(sequence, str | list | tuple)
                and isinstance(count, int)
                and len(sequence) * count > MAX_SEQUENCE
            ):
                raise TemplateLimitError("template.limit_sequence")
        return operator.mul(left, right)
