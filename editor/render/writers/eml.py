"""E-mail export: a standard .eml draft that Outlook and Thunderbird open ready to send.

The message is multipart/alternative: the plain-text version first, the HTML page second (mail
clients show the last part they can), both UTF-8 in quoted-printable, so every line stays short
and 7-bit clean whatever the client. ``X-Unsent: 1`` makes Outlook open the file as an unsent
draft instead of a received message.

The sender: ``From`` needs an address, and a display name alone (``"Region Exempel" <>``) is not
a valid header. So ``From`` is written only when an address is known; otherwise it is left out
and the mail client fills in the account that sends the draft, which is what a press office
wants anyway. The organisation's name then travels in the ``Organization`` header (RFC 1036 /
RFC 2076, which Thunderbird and Outlook show and keep).

Recipients from a distribution list go in ``Bcc``, so the press list never sees itself.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import Policy
from email.utils import format_datetime

from editor.errors import ExportError
from editor.model.email_address import is_email_address, needs_smtputf8
from editor.model.fields import clean_line
from editor.model.language import language_tag
from editor.render.document import RenderedDocument
from editor.render.writers.base import DEFAULT_OPTIONS, ExportOptions, Writer


class _EncodedHeader(str):
    """A header whose text is put in encoded words by us, whole, so that a mail client shows
    exactly what was typed: text that itself looks like an encoded word (``=?utf-8?q?...?=``)
    would otherwise be decoded by the client into other text. Python's email package keeps a
    value that has a ``name`` as it is and asks it to ``fold`` itself."""

    name: str

    def __new__(cls, name: str, text: str) -> _EncodedHeader:
        header = super().__new__(cls, text)
        header.name = name
        return header

    def fold(self, *, policy: Policy) -> str:
        words = []
        piece = ""
        for char in str(self):  # each word at most 45 bytes of UTF-8: 72 characters encoded
            if len((piece + char).encode("utf-8")) > 45:
                words.append(piece)
                piece = ""
            piece += char
        words.append(piece)
        encoded = [
            "=?utf-8?b?" + base64.b64encode(word.encode("utf-8")).decode("ascii") + "?="
            for word in words
        ]
        return f"{self.name}: " + (policy.linesep + " ").join(encoded) + policy.linesep


def literal_text_header(name: str, text: str) -> str:
    """``text`` for an unstructured header, kept literal: as it is when it is safe, encoded
    whole when it contains what a client would read as an encoded word."""
    return _EncodedHeader(name, text) if "=?" in text else text


def _check_addresses(addresses: Sequence[str]) -> list[str]:
    cleaned = [a.strip() for a in addresses if a.strip()]
    bad = [a for a in cleaned if not is_email_address(a)]
    if bad:
        raise ExportError("email.bad_addresses", addresses=", ".join(bad))
    return list(dict.fromkeys(cleaned))


def distribution_list(lists: Mapping[str, Sequence[str]], name: str) -> list[str]:
    """The addresses of the distribution list ``name`` (settings.distribution_lists); an
    ExportError naming the lists there are when there is no such list."""
    if name in lists:
        return list(lists[name])
    if not lists:
        raise ExportError("email.no_lists", name=name)
    raise ExportError("email.unknown_list", name=name, lists=", ".join(sorted(lists)))


def build_message(
    doc: RenderedDocument,
    *,
    sender_name: str | None = None,
    sender_address: str = "",
    bcc: Sequence[str] = (),
    date: datetime | None = None,
    text: str | None = None,
    html: str | None = None,
) -> EmailMessage:
    """The release as an e-mail draft.

    ``sender_name`` defaults to the document's organisation; ``text`` and ``html`` default to
    the plain-text and HTML writers' output (pass them when already made, e.g. by a preview).
    Raises ExportError for a malformed sender or Bcc address.
    """
    if text is None:
        from editor.render.writers.text import plain_text

        text = plain_text(doc)
    if html is None:
        from editor.render.writers.html import html_page

        html = html_page(doc)
    name = doc.meta.organisation if sender_name is None else sender_name
    name = " ".join(clean_line(name).split())
    sender = _check_addresses([sender_address]) if sender_address.strip() else []
    recipients = _check_addresses(bcc)
    # An address like åsa@exempel.se cannot be an encoded word; such a message is written
    # with UTF-8 headers (RFC 6532), which the mail clients that open drafts read.
    utf8 = any(needs_smtputf8(address) for address in sender + recipients)
    message = EmailMessage(policy=policy.SMTPUTF8 if utf8 else policy.SMTP)
    message["Subject"] = literal_text_header("Subject", " ".join(clean_line(doc.title).split()))
    if sender:
        local, _, domain = sender[0].rpartition("@")
        message["From"] = Address(display_name=name, username=local, domain=domain)
    if name:
        message["Organization"] = literal_text_header("Organization", name)
    if recipients:
        message["Bcc"] = ", ".join(recipients)
    message["Date"] = format_datetime((date or datetime.now()).astimezone())
    message["X-Unsent"] = "1"
    message["X-Mailer"] = "Pressklar"
    message.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    if doc.meta.language:  # after the parts: making them moves Content-* headers into them
        message["Content-Language"] = language_tag(doc.meta.language)
    return message


class EmlWriter(Writer):
    """The sender and the Bcc list come from the options (the organisation, a distribution
    list); without them the mail client fills in the sending account."""

    name = "eml"
    extension = ".eml"
    media_type = "message/rfc822"
    label = "E-mail draft (EML)"

    def write(self, doc: RenderedDocument, options: ExportOptions = DEFAULT_OPTIONS) -> bytes:
        message = build_message(
            doc,
            sender_name=options.sender_name or None,
            sender_address=options.sender_address,
            bcc=list(options.bcc),
        )
        return message.as_bytes()  # in the policy build_message chose for its addresses
