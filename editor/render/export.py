"""The one export path: a rendered document, a format and ExportOptions in, the file's bytes out.

The CLI and the GUI both call ``export_options`` (what the template and the settings say about
the letterhead and the sender) and ``export_document``; neither has special cases of its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from editor.model.template import Template
from editor.render import writers
from editor.render.document import RenderedDocument
from editor.render.writers.base import DEFAULT_OPTIONS, ExportOptions

BUILTIN_LOOK = "none"  # the letterhead choice that means: no letterhead, the built-in look


class ExportSettings(Protocol):
    """The part of the user's settings an export reads (``storage.settings.Settings``)."""

    @property
    def letterhead(self) -> str: ...

    @property
    def organisation_name(self) -> str: ...

    @property
    def press_office_email(self) -> str: ...

    @property
    def distribution_lists(self) -> Mapping[str, Sequence[str]]: ...

    @property
    def cap_sender(self) -> str: ...

    @property
    def cap_area(self) -> str: ...

    @property
    def public_web_address(self) -> str: ...


def export_options(
    template: Template,
    settings: ExportSettings,
    *,
    letterhead: str | None = None,
    distribution_list: str = "",
    letterhead_fallback: bool = False,
) -> ExportOptions:
    """The options for one export.

    ``letterhead``: None for the template's own letterhead, else the settings'; a path to use
    that one; ``BUILTIN_LOOK`` for none. ``distribution_list``: a list's name from the settings
    to put in Bcc ("" for none); an ExportError names the lists there are when it is unknown.
    """
    from editor.render.letterhead import letterhead_for

    if letterhead is None:
        chosen = letterhead_for(template, settings.letterhead)
    else:
        chosen = "" if letterhead.lower() == BUILTIN_LOOK else letterhead
    bcc: tuple[str, ...] = ()
    if distribution_list:
        from editor.render.writers.eml import distribution_list as addresses_of

        bcc = tuple(addresses_of(settings.distribution_lists, distribution_list))
    return ExportOptions(
        letterhead=chosen,
        letterhead_fallback=letterhead_fallback,
        sender_name=settings.organisation_name,
        sender_address=settings.press_office_email.strip(),
        bcc=bcc,
    )


def export_document(
    doc: RenderedDocument, fmt: str, options: ExportOptions = DEFAULT_OPTIONS
) -> bytes:
    """One format's bytes; ExportError (LetterheadError for an unusable letterhead) for what the
    user can fix."""
    return writers.get(fmt).write(doc, options)
