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

email-validator is imported only for the unusual address: importing it costs tens of
milliseconds (its module of RFC patterns), and every contact line of every preview asks. A text
without an "@" is no address; a plain ASCII address (dot-atom local part, letter-digit-hyphen
domain labels, a top-level domain of letters that is not a special-use name) is one by
email-validator's rules too, which a test proves on generated addresses. Everything else goes
to email-validator.
"""

from __future__ import annotations

import functools
import re

MAX_LENGTH = 254  # RFC 5321's limit for a whole address in a mail command
_ATEXT = r"[A-Za-z0-9_!#$%&'*+\-/=?^`{|}~]"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PLAIN = re.compile(
    rf"(?P<local>{_ATEXT}+(?:\.{_ATEXT}+)*)@(?P<domain>(?:{_LABEL}\.)+(?P<tld>[A-Za-z]{{2,63}}))"
)
# email-validator's special-use names (RFC 6761 and friends), which it refuses as a domain's end
SPECIAL_USE = frozenset({"arpa", "invalid", "local", "localhost", "onion", "test"})


def _plainly_valid(address: str) -> bool:
    """The common case decided without email-validator: True only when it would say so too."""
    match = _PLAIN.fullmatch(address)
    return (
        match is not None
        and len(match["local"]) <= 64
        and len(match["domain"]) <= 253
        and "--" not in match["domain"]
        and match["tld"].lower() not in SPECIAL_USE
    )


@functools.lru_cache(maxsize=1024)
def is_email_address(text: str) -> bool:
    """Whether ``text`` (surrounding spaces ignored) is one e-mail address, local@domain.tld;
    an empty text is not one."""
    address = text.strip()
    if "@" not in address or len(address) > MAX_LENGTH:
        return False
    if _plainly_valid(address):
        return True
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
