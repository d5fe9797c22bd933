"""The one export path: options from the template and the settings, one function to bytes, and a
registry whose names, extensions and labels come from the writer classes alone."""

from __future__ import annotations

import email
import email.policy
from dataclasses import replace
from pathlib import Path

import pytest

from editor.errors import ExportError
from editor.model.release import Release
from editor.render import writers
from editor.render.export import BUILTIN_LOOK, export_document, export_options
from editor.render.session import render_release
from editor.render.writers.base import ExportOptions, Writer
from editor.storage.settings import Settings
from tests.helpers import builtin, values


def _release() -> Release:
    template = builtin("general-sv")
    return Release.new(template, values(template, {"headline": "Vägarna öppnar igen"}))


def test_every_format_is_declared_once_by_its_writer_class() -> None:
    assert writers.names() == ["html", "docx", "txt", "md", "eml", "pdf", "cap"]
    for name in writers.names():
        writer = writers.get(name)
        assert isinstance(writer, Writer)
        assert writer.name == name
        assert writers.extension(name) == type(writer).extension
        assert writers.label(name) == type(writer).label
        assert writers.extension(name).startswith(".")
    assert writers.label("pdf") == "PDF document"


def test_an_unknown_format_is_refused_with_the_known_ones_named() -> None:
    with pytest.raises(ExportError, match="docx"):
        writers.get("odt")


def test_the_letterhead_is_the_templates_else_the_settings_unless_overridden(
    tmp_path: Path,
) -> None:
    template = builtin("general-sv")
    settings = Settings(letterhead=str(tmp_path / "org.docx"), organisation_name="Region Exempel")
    assert export_options(template, settings).letterhead == str(tmp_path / "org.docx")
    own = replace(template, letterhead=str(tmp_path / "own.dotx"))
    assert export_options(own, settings).letterhead == str(tmp_path / "own.dotx")
    assert export_options(own, settings, letterhead=BUILTIN_LOOK).letterhead == ""
    assert export_options(own, settings, letterhead="x.docx").letterhead == "x.docx"
    assert export_options(template, Settings()).letterhead == ""
    assert export_options(template, settings).sender_name == "Region Exempel"


def test_a_distribution_list_becomes_bcc_and_an_unknown_one_is_named() -> None:
    settings = Settings(distribution_lists={"media": ["tt@example.se", "desk@example.se"]})
    options = export_options(builtin("general-sv"), settings, distribution_list="media")
    assert options.bcc == ("tt@example.se", "desk@example.se")
    with pytest.raises(ExportError, match="media"):
        export_options(builtin("general-sv"), settings, distribution_list="radio")


def test_export_document_applies_the_options_to_the_e_mail() -> None:
    doc = render_release(_release())
    options = ExportOptions(sender_name="Region Exempel", bcc=("tt@example.se",))
    message = email.message_from_bytes(
        export_document(doc, "eml", options), policy=email.policy.default
    )
    assert message["Organization"] == "Region Exempel"
    assert message["Bcc"] == "tt@example.se"
    assert message["Subject"] == "Vägarna öppnar igen"


def test_an_unusable_letterhead_falls_back_only_when_asked(tmp_path: Path) -> None:
    from editor.render.letterhead import LetterheadError

    doc = render_release(_release())
    missing = str(tmp_path / "gone.docx")
    with pytest.raises(LetterheadError):
        export_document(doc, "docx", ExportOptions(letterhead=missing))
    data = export_document(doc, "docx", ExportOptions(letterhead=missing, letterhead_fallback=True))
    assert data.startswith(b"PK")


def test_the_press_offices_address_is_the_emails_from() -> None:
    settings = Settings(organisation_name="Region Exempel", press_office_email=" press@example.se ")
    options = export_options(builtin("general-sv"), settings)
    assert options.sender_address == "press@example.se"
    doc = render_release(_release())
    message = email.message_from_bytes(
        export_document(doc, "eml", options), policy=email.policy.default
    )
    assert message["From"] == "Region Exempel <press@example.se>"
    assert export_options(builtin("general-sv"), Settings()).sender_address == ""
