"""Compiled template bodies kept on disk between starts, so that the first preview of a
template whose body has not changed since the last run skips Jinja2's lexer, parser, the
checks of the parsed tree and its compiler.

One file per body in the user cache folder, named by a hash of everything the compiled code
depends on (the body's text, the environment's options, filter and test names, and the
versions of Pressklar, Jinja2 and Python: see ``editor.render.compiling.code_key``). Only bodies
that compiled without error are kept. A file that cannot be read or is not a code object (cut
short, written by something else) is ignored: the body is compiled again and the file rewritten.
The cache folder is the user's own, as Python's own ``.pyc`` files are.
"""

from __future__ import annotations

import contextlib
import marshal
from pathlib import Path
from types import CodeType

from editor.errors import StorageError
from editor.storage.atomic import atomic_write

MAX_CODE_BYTES = 5_000_000
SUFFIX = ".jinja-code"


class CompiledCache:
    """Code objects by key, in ``folder`` (made when first written)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file(self, key: str) -> Path:
        return self.folder / f"{key}{SUFFIX}"

    def get(self, key: str) -> CodeType | None:
        try:
            with self._file(key).open("rb") as stream:
                data = stream.read(MAX_CODE_BYTES + 1)
            if len(data) > MAX_CODE_BYTES:
                return None
            code = marshal.loads(data)
        except Exception:  # missing, unreadable or corrupt (marshal raises several kinds)
            return None
        return code if isinstance(code, CodeType) else None

    def put(self, key: str, code: CodeType) -> None:
        """Keep ``code``; a cache that cannot be written is only not kept."""
        with contextlib.suppress(StorageError, ValueError):
            atomic_write(self._file(key), marshal.dumps(code), make_dirs=True)
