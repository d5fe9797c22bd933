"""How a value reaches a template and how it prints: the placeholder for an empty required value,
a contact field's list, and ``value_text``, the one way a value becomes plain text (the body,
the short forms and the checks all print through it)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Any

from editor.model.contacts import Contact
from editor.model.language import is_swedish
from editor.render import filters
from editor.render.markdown import placeholder_marker


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
