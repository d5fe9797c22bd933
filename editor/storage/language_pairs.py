"""The template a language copy is made from: the pair of a release's template in another
language, found in the library (built-in, the user's own, the organisation's)."""

from __future__ import annotations

from editor.errors import StorageError
from editor.i18n import language_name
from editor.model.language import base_language
from editor.model.language_copy import paired_template_id
from editor.model.template import Template
from editor.storage.library import Library


def paired_template(template: Template, language: str, library: Library) -> Template:
    """``template``'s pair in ``language``; StorageError, in words a press secretary reads,
    when the release is in that language already or there is no usable pair."""
    wanted = base_language(language)
    if wanted == base_language(template.language):
        raise StorageError(
            "language_copy.same_language", name=template.name, language=language_name(wanted)
        )
    pair_id = paired_template_id(template, wanted)
    entry = library.find(pair_id) if pair_id else None
    if entry is None:
        raise StorageError(
            "language_copy.no_pair",
            name=template.name,
            language=language_name(wanted),
            wanted=pair_id or "–",
            lang=wanted,
        )
    if entry.template is None:
        raise entry.error or StorageError("library.no_such_template", name=pair_id)
    if base_language(entry.template.language) != wanted:
        raise StorageError(
            "language_copy.pair_in_other_language",
            name=template.name,
            wanted=pair_id,
            language=language_name(wanted),
        )
    return entry.template
