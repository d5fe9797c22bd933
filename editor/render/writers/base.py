"""The one writer interface: a RenderedDocument in, the bytes of one file format out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from editor.render.document import RenderedDocument


class Writer(ABC):
    name: ClassVar[str]  # the CLI's --to value
    extension: ClassVar[str]  # with the dot
    media_type: ClassVar[str]
    label: ClassVar[str]  # for export menus; the UI translates it

    @abstractmethod
    def write(self, doc: RenderedDocument) -> bytes:
        """The whole file. Raises ExportError for what the user can fix."""
