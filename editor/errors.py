"""The project's own exceptions: each carries a message a press secretary understands.

The GUI shows ``str(error)`` in a dialog; the CLI prints it on one line and exits 2.
Anything that is not a ``PressklarError`` is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass


class PressklarError(Exception):
    """An error the user caused or can fix (bad file, full disk...), never a bug."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file or a template, located as precisely as we can."""

    message: str
    source: str = ""  # a file name, or "" for text typed in the app
    line: int | None = None
    field: str | None = None  # a field key, or a path inside the file ("fields[2].type")

    def __str__(self) -> str:
        where = []
        if self.source:
            where.append(self.source)
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(self.field)
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class InvalidFileError(PressklarError):
    """A template, release or level-set file that cannot be used. Lists every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


class NewerFormatError(PressklarError):
    """A file written by a newer Pressklar: refused whole, never half-read."""


class TemplateError(PressklarError):
    """A template body that cannot be rendered (syntax error, unknown filter, unsafe access)."""

    def __init__(self, message: str, line: int | None = None, source: str = "") -> None:
        self.message = message
        self.line = line
        self.source = source
        super().__init__(str(Problem(message, source, line)))


class ValueFormatError(PressklarError):
    """A value (from JSON or a release file) that does not fit its field's type."""


class StorageError(PressklarError):
    """A file that cannot be read or written: missing folder, no permission, full disk."""


class ExportError(PressklarError):
    """An export that cannot be produced."""
