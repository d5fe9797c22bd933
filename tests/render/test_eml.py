"""E-mail export, parsed back with the ``email`` package as a mail client would."""

from __future__ import annotations

from datetime import datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest

from editor.errors import ExportError
from editor.render import writers
from editor.render.document import RenderedDocument
from editor.render.engine import render_document
from editor.render.writers.base import ExportOptions
from editor.render.writers.eml import EmlWriter, build_message, distribution_list
from tests.helpers import make_template, values

HEADLINE = "Regionen höjer beredskapen – åäö ÅÄÖ"
FIELDS: list[dict[str, Any]] = [
    {"key": "headline", "type": "text", "label": "Rubrik"},
    {"key": "organisation", "type": "text", "label": "Organisation"},
    {"key": "text", "type": "paragraphs", "label": "Text"},
]
BODY = "# {{ headline }}\n\n{{ text }}\n"
DATA = {
    "headline": HEADLINE,
    "organisation": "Region Exempel",
    "text": "Beredskapen höjdes **i dag**. Läs mer på <https://example.se>.",
}


def document(embargo: datetime | None = None, **changes: str) -> RenderedDocument:
    template = make_template(BODY, FIELDS)
    return render_document(template, values(template, {**DATA, **changes}), embargo=embargo)


def parse(data: bytes) -> EmailMessage:
    message = message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def parts(message: EmailMessage) -> dict[str, EmailMessage]:
    found = {}
    for part in message.iter_parts():
        assert isinstance(part, EmailMessage)
        found[part.get_content_type()] = part
    return found


def test_the_message_is_multipart_alternative_text_then_html() -> None:
    message = parse(EmlWriter().write(document()))
    assert message.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]


def test_both_parts_are_utf8_and_carry_the_release() -> None:
    found = parts(parse(EmlWriter().write(document())))
    for part in found.values():
        assert part.get_content_charset() == "utf-8"
        assert part["Content-Transfer-Encoding"] == "quoted-printable"
    text = found["text/plain"].get_content()
    html = found["text/html"].get_content()
    assert HEADLINE in text and "Beredskapen höjdes i dag." in text
    assert "**" not in text
    assert f"<h1>{HEADLINE}</h1>" in html and "<strong>i dag</strong>" in html
    assert html.startswith("<!DOCTYPE html>")


def test_the_subject_is_the_headline_encoded_for_mail() -> None:
    data = EmlWriter().write(document())
    data.decode("ascii")  # every header and body line is 7-bit clean
    raw_subject = next(line for line in data.split(b"\r\n") if line.startswith(b"Subject:"))
    assert b"=?utf-8?" in raw_subject
    assert parse(data)["Subject"] == HEADLINE


def test_a_long_headline_is_folded_and_comes_back_whole() -> None:
    headline = "Långt rubrikförslag om beredskapsläget i regionens sjukhus " * 3
    message = parse(EmlWriter().write(document(headline=headline)))
    assert message["Subject"] == " ".join(headline.split())
    data = EmlWriter().write(document(headline=headline))
    assert max(len(line) for line in data.split(b"\r\n")) <= 78


def test_outlook_opens_it_as_a_draft() -> None:
    message = parse(EmlWriter().write(document()))
    assert message["X-Unsent"] == "1"


def test_date_and_language_headers() -> None:
    moment = datetime(2018, 9, 25, 15, 37).astimezone()
    message = parse(build_message(document(), date=moment).as_bytes(policy=policy.SMTP))
    assert parsedate_to_datetime(message["Date"]) == moment
    assert message["Content-Language"] == "sv"


def test_without_an_address_there_is_no_from_but_the_organisation_is_named() -> None:
    message = parse(EmlWriter().write(document()))
    assert message["From"] is None
    assert message["Organization"] == "Region Exempel"


def test_a_sender_address_makes_a_from_with_the_organisation_as_name() -> None:
    options = ExportOptions(sender_name="Region Exempel", sender_address="press@region.se")
    sender = parse(EmlWriter().write(document(), options))["From"]
    assert sender.addresses[0].display_name == "Region Exempel"
    assert sender.addresses[0].addr_spec == "press@region.se"


def test_a_non_ascii_sender_name_is_encoded() -> None:
    options = ExportOptions(sender_name="Region Östergötland", sender_address="press@rog.se")
    data = EmlWriter().write(document(), options)
    data.decode("ascii")
    assert parse(data)["From"].addresses[0].display_name == "Region Östergötland"


def test_a_distribution_list_goes_in_bcc() -> None:
    lists = {"press": ["tt@example.se", "redaktion@example.se", "tt@example.se"]}
    options = ExportOptions(bcc=tuple(distribution_list(lists, "press")))
    message = parse(EmlWriter().write(document(), options))
    assert [a.addr_spec for a in message["Bcc"].addresses] == [
        "tt@example.se",
        "redaktion@example.se",
    ]
    assert message["To"] is None
    assert parse(EmlWriter().write(document()))["Bcc"] is None


def test_an_unknown_distribution_list_names_the_lists_there_are() -> None:
    with pytest.raises(ExportError, match=r"'media'.*press"):
        distribution_list({"press": []}, "media")
    with pytest.raises(ExportError, match="none are set up"):
        distribution_list({}, "media")


def test_a_malformed_address_is_refused_with_a_message() -> None:
    with pytest.raises(ExportError, match=r"not e-mail addresses.*nobody@"):
        EmlWriter().write(document(), ExportOptions(bcc=("ok@example.se", "nobody@")))
    with pytest.raises(ExportError):
        EmlWriter().write(document(), ExportOptions(sender_address="press"))


def test_the_embargo_is_in_both_parts() -> None:
    found = parts(parse(EmlWriter().write(document(embargo=datetime(2018, 9, 25, 15, 37)))))
    notice = "EMBARGO: Publiceras tidigast tisdag den 25 september 2018 klockan 15.37"
    assert notice in found["text/plain"].get_content()
    assert f"<strong>{notice}</strong>" in found["text/html"].get_content()


def test_the_registry_knows_eml() -> None:
    writer = writers.get("eml")
    assert isinstance(writer, EmlWriter)
    assert writers.extension("eml") == ".eml"
    assert writer.media_type == "message/rfc822"
    assert parse(writer.write(document()))["Subject"] == HEADLINE


@pytest.mark.parametrize(
    "headline",
    [
        "=?utf-8?q?NOT_safe?= rubrik",
        "Pris =?iso-8859-1?q?=E5?= och mer",
        "Ö " * 60 + "=?x?b?eA==?=",
    ],
)
def test_typed_text_that_looks_like_an_encoded_word_stays_literal(headline: str) -> None:
    """Was: a mail client decoded the typed "=?utf-8?q?NOT_safe?=" into "NOT safe"."""
    message = parse(EmlWriter().write(document(headline=headline)))
    assert message["Subject"] == " ".join(headline.split())
    assert parse(EmlWriter().write(document(), ExportOptions(sender_name=headline)))[
        "Organization"
    ] == " ".join(headline.split())


def test_a_lone_surrogate_in_a_setting_never_reaches_a_header(tmp_path: Path) -> None:
    from editor.storage.settings import load_settings

    path = tmp_path / "settings.json"
    path.write_text('{"organisation_name": "Region \\udcff Exempel"}', encoding="utf-8")
    name = load_settings(path).organisation_name
    assert name.split() == ["Region", "Exempel"]  # dropped: UTF-8 cannot hold it
    data = EmlWriter().write(document(), ExportOptions(sender_name="Region \udcff Exempel"))
    assert b"unknown-8bit" not in data
    assert parse(data)["Organization"] == "Region Exempel"
