"""Reading JSON and TOML from files a user can open: every way a file can be malformed is a
problem with a code (never a traceback), including the two the parsers do not call errors:
nesting deeper than Python's recursion allows, and integers longer than Python converts
(4,300 digits). A UTF-8 byte-order mark, as Windows editors write it, is read, not refused."""

from __future__ import annotations

import json
import tomllib
from typing import Any

from editor.errors import InvalidFileError, Problem, toml_problem

BOM = "\ufeff"


def load_json(text: str, source: str = "", *, damaged: str = "file.not_json") -> Any:
    """The JSON in ``text``; InvalidFileError naming the line, or the depth or number that
    cannot be read. ``damaged`` is the code for a syntax error (at its line)."""
    try:
        return json.loads(text.removeprefix(BOM))
    except json.JSONDecodeError as error:
        raise InvalidFileError([Problem(damaged, {}, source, error.lineno)]) from None
    except RecursionError:
        raise InvalidFileError([Problem("file.nested_too_deeply", {}, source)]) from None
    except ValueError:  # an integer of more than 4,300 digits
        raise InvalidFileError([Problem("file.number_too_large", {}, source)]) from None


def load_toml(text: str, source: str = "", *, not_toml: str = "file.not_toml") -> dict[str, Any]:
    """The TOML in ``text``; InvalidFileError with the line of a syntax error, or the depth
    or number that cannot be read."""
    try:
        return tomllib.loads(text.removeprefix(BOM))
    except tomllib.TOMLDecodeError as error:
        raise InvalidFileError([toml_problem(error, source, not_toml)]) from None
    except RecursionError:
        raise InvalidFileError([Problem("file.nested_too_deeply", {}, source)]) from None
    except ValueError:  # an integer of more than 4,300 digits
        raise InvalidFileError([Problem("file.number_too_large", {}, source)]) from None
