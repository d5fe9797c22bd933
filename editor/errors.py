"""The project's own exceptions: each carries a message code and its parameters.

The text is made in one place, ``editor.i18n``: ``error.text(lang)`` (or ``describe(error)``)
gives it in the UI language, for the GUI's dialogs and the CLI's one line (exit 2);
``str(error)`` stays English, for logs and tests. Code compares ``error.code`` and
``problem.code``, never their words. Anything that is not a ``PressklarError`` is a bug.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from editor.i18n import Message, english, text


class PressklarError(Exception):
    """An error the user caused or can fix (bad file, full disk...), never a bug."""

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        self.params: dict[str, object] = params
        super().__init__(english(code, **params))

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the UI language), with where it stands."""
        return text(self.code, lang, **self.params)

    @property
    def message(self) -> str:
        """What is wrong, in the UI language, without where (a banner shows the line itself)."""
        return text(self.code, None, **self.params)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file or a template, located as precisely as we can."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict, hash=False)
    source: str = ""  # a file name, or "" for text typed in the app
    line: int | None = None
    field: str | None = None  # a field key, or a path inside the file ("fields[2].type")
    row: int | None = None  # the index of the template field it concerns, when there is one

    @property
    def message(self) -> str:
        """What is wrong, without where, in the UI language."""
        return text(self.code, None, **self.params)

    def text(self, lang: str | None = None) -> str:
        """Where and what: "mall.toml, rad 49: …" in ``lang`` (default: the UI language)."""
        where = []
        if self.source:
            where.append(self.source)
        if self.line is not None:
            where.append(text("location.line", lang, line=self.line))
        if self.field:
            where.append(self.field)
        prefix = ", ".join(where)
        message = text(self.code, lang, **self.params)
        return f"{prefix}: {message}" if prefix else message

    def __str__(self) -> str:
        return self.text("en")


def describe(error: BaseException | Problem, lang: str | None = None) -> str:
    """What to show a person for an error or a problem, in ``lang`` (default: the UI
    language); an exception that is not ours (a bug) shows as Python states it."""
    if isinstance(error, PressklarError | Problem):
        return error.text(lang)
    return str(error)


def toml_problem(error: ValueError, source: str, code: str = "file.not_toml") -> Problem:
    """A file that is not TOML, at the line the parser names (its reason is English, so it
    stays out of the message)."""
    line = getattr(error, "lineno", None)  # Python 3.14 says it; before, only its message does
    if not isinstance(line, int):
        found = re.search(r"\(at line (\d+), column \d+\)", str(error))
        line = int(found.group(1)) if found else None
    return Problem(code, {}, source, line)


_OS_REASONS = {
    errno.ENOENT: "os.not_found",
    errno.EACCES: "os.no_permission",
    errno.EPERM: "os.no_permission",
    errno.EROFS: "os.read_only",
    errno.ENOSPC: "os.disk_full",
    errno.EDQUOT: "os.disk_full",
    errno.EISDIR: "os.is_folder",
    errno.ENOTDIR: "os.not_folder",
    errno.EEXIST: "os.exists",
    errno.ENAMETOOLONG: "os.name_too_long",
    errno.EBUSY: "os.busy",
    errno.EIO: "os.io",
}


def os_reason(error: OSError) -> Message:
    """Why the operating system refused, as a message: its own words are in the C library's
    language, so the common reasons have codes; the rest give their error number."""
    code = _OS_REASONS.get(error.errno or 0)
    if code is not None:
        return Message(code)
    return Message("os.other", {"number": error.errno or 0})


def megabytes(size: int) -> str:
    """A file size for a message: "1 MB", "2.5 MB"."""
    return f"{size / 1_000_000:.1f}".removesuffix(".0") + " MB"


class InvalidFileError(PressklarError):
    """A template, release or level-set file that cannot be used. Lists every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("file.invalid", count=len(problems))
        self.problems = problems
        self.args = ("; ".join(str(p) for p in problems),)

    def text(self, lang: str | None = None) -> str:
        return "; ".join(p.text(lang) for p in self.problems)

    @property
    def message(self) -> str:
        return self.text()


class NewerFormatError(PressklarError):
    """A file written by a newer Pressklar: refused whole, never half-read."""


class TemplateError(PressklarError):
    """A template body that cannot be rendered (syntax error, unknown filter, unsafe access).

    ``detail`` keeps Jinja's or Python's own words for the log (``str``), never for the UI.
    """

    def __init__(
        self,
        code: str,
        /,
        line: int | None = None,
        source: str = "",
        detail: str = "",
        where: str | None = None,
        **params: object,
    ) -> None:
        super().__init__(code, **params)
        self.line = line
        self.source = source
        self.detail = detail
        self.where = where  # the part of the template: "short.sms"; None for the body
        self.args = (str(self.problem) + (f" ({detail})" if detail else ""),)

    @property
    def problem(self) -> Problem:
        return Problem(self.code, self.params, self.source, self.line, self.where)

    def text(self, lang: str | None = None) -> str:
        return self.problem.text(lang)


class ValueFormatError(PressklarError):
    """A value (from JSON or a release file) that does not fit its field's type."""


class StorageError(PressklarError):
    """A file that cannot be read or written: missing folder, no permission, full disk."""


class ExportError(PressklarError):
    """An export that cannot be produced."""
