"""The one test of whether a text is an e-mail address, for the contact book, the contact
form, the checks, distribution lists and the e-mail draft alike.

The rules are email-validator's (RFC 5322 and 6531, as mail servers really accept them), never
with a network look-up: Pressklar works offline, and a press office writing during an outage
cannot ask DNS. On top of them one typo test: a top-level domain of one letter (``region.s``)
exists nowhere.

Internationalised addresses (``åsa@exempel.se``, ``info@räksmörgås.se``) are accepted: they
are valid (SMTPUTF8, RFC 6531), Swedish names carry å, ä and ö, and the big mail services
deliver them; refusing them would make a press secretary retype a colleague's real address.
Quoted local parts and IP-address domains are refused: no press contact has one, and they
are mostly typos.

email-validator is imported on first use, so starting the app does not pay for it.
"""

from __future__ import annotations

import functools

MAX_LENGTH = 254  # RFC 5321's limit for a whole address in a mail command


@functools.lru_cache(maxsize=1024)
def is_email_address(text: str) -> bool:
    """Whether ``text`` (surrounding spaces ignored) is one e-mail address, local@domain.tld;
    an empty text is not one."""
    address = text.strip()
    if not address or len(address) > MAX_LENGTH:
        return False
    from email_validator import EmailNotValidError, validate_email

    try:
        valid = validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return False
    return len(valid.ascii_domain.rpartition(".")[2]) >= 2


def needs_smtputf8(address: str) -> bool:
    """Whether a (valid) address has letters beyond ASCII before the @, so a message carrying
    it must be written with raw UTF-8 headers (RFC 6532) rather than encoded words."""
    return not address.rpartition("@")[0].isascii()
