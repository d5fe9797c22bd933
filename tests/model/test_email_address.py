"""One e-mail rule: what the contact book accepts, the checks and the e-mail draft accept too."""

from __future__ import annotations

import string
import subprocess
import sys
from email import message_from_string, policy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.errors import ExportError
from editor.model.email_address import is_email_address, needs_smtputf8
from editor.model.template import Template
from editor.render.checks import run_checks
from editor.render.engine import render_document
from editor.render.markdown_ops import normalise_url
from editor.render.writers.base import ExportOptions
from editor.render.writers.eml import EmlWriter
from tests.helpers import make_template, values

GOOD = [
    "anna.b@region.se",
    "anna.exempel+press@region-kronoberg.se",
    "åsa@exempel.se",  # internationalised (RFC 6531): real Swedish names
    "info@räksmörgås.se",
    "  press@region.se  ",
    "a@b.co",
]
BAD = [
    "anna..b@region.se",  # the contact book used to accept this, the checks flagged it
    "",
    "anna",
    "anna@",
    "@region.se",
    "anna@region",
    "anna@@region.se",
    "an na@region.se",
    ".anna@region.se",
    "anna.@region.se",
    "anna@region.s",
    "anna@-x.se",
    "Anna <anna@region.se>",
    "anna@region.se, bo@region.se",
    "x" * 250 + "@region.se",
]


@pytest.mark.parametrize("address", GOOD)
def test_addresses_that_are_accepted(address: str) -> None:
    assert is_email_address(address)


@pytest.mark.parametrize("address", BAD)
def test_addresses_that_are_refused(address: str) -> None:
    assert not is_email_address(address)


def _template() -> Template:
    return make_template(
        "{{ contact|contact_block }}",
        [{"key": "contact", "type": "contact", "label": "Kontakt", "multiple": True}],
    )


@pytest.mark.parametrize(
    ("address", "good"), [("anna..b@region.se", False), *((a, True) for a in GOOD[:4])]
)
def test_the_checks_agree(address: str, good: bool) -> None:
    tpl = _template()
    parsed = values(tpl, {"contact": [{"name": "Anna", "email": address}]})
    findings = run_checks(tpl, parsed, render_document(tpl, parsed))
    assert ("email_invalid" in [f.code for f in findings]) is not good


def test_the_e_mail_draft_agrees_and_writes_an_international_address_as_utf8() -> None:
    tpl = _template()
    doc = render_document(tpl, values(tpl, {}))
    with pytest.raises(ExportError, match=r"anna\.\.b@region\.se"):
        EmlWriter().write(doc, ExportOptions(bcc=("anna..b@region.se",)))
    options = ExportOptions(sender_address="åsa@exempel.se", bcc=("anna.b@region.se",))
    data = EmlWriter().write(doc, options)
    assert "åsa@exempel.se".encode() in data  # not an encoded word, which no server reads
    message = message_from_string(data.decode("utf-8"), policy=policy.default)
    assert message["From"].addresses[0].addr_spec == "åsa@exempel.se"
    ascii_only = EmlWriter().write(doc, ExportOptions(sender_address="press@region.se"))
    assert ascii_only.isascii()
    assert needs_smtputf8("åsa@exempel.se") and not needs_smtputf8("info@räksmörgås.se")


def test_a_link_to_a_bare_address_follows_the_same_rule() -> None:
    assert normalise_url("anna.b@region.se") == "mailto:anna.b@region.se"
    assert normalise_url("anna..b@region.se") is None


def test_the_validator_is_loaded_only_when_an_address_is_checked() -> None:
    code = (
        "import sys, editor.render.checks, editor.render.writers.eml, editor.model.email_address;"
        "assert 'email_validator' not in sys.modules, 'imported at start-up'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_special_use_names_are_email_validators() -> None:
    from email_validator import SPECIAL_USE_DOMAIN_NAMES

    from editor.model.email_address import SPECIAL_USE

    assert frozenset(SPECIAL_USE_DOMAIN_NAMES) == SPECIAL_USE


_ATOM = st.text(alphabet=string.ascii_letters + string.digits + "-_.+'!#", min_size=1, max_size=12)


@settings(max_examples=400, deadline=None)
@given(local=_ATOM, labels=st.lists(_ATOM, min_size=1, max_size=3), tld=_ATOM)
def test_the_quick_answer_is_email_validators(local: str, labels: list[str], tld: str) -> None:
    """The plain-ASCII shortcut never accepts what email-validator refuses."""
    from email_validator import EmailNotValidError, validate_email

    from editor.model.email_address import _plainly_valid

    address = f"{local}@{'.'.join([*labels, tld])}"
    if not _plainly_valid(address):
        return
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as problem:
        raise AssertionError(f"{address!r} passed the shortcut: {problem}") from None


def test_a_plain_address_is_checked_without_email_validator() -> None:
    probe = (
        "import sys\n"
        "from editor.model.email_address import is_email_address\n"
        "assert is_email_address('anna.exempel@region.se')\n"
        "assert not is_email_address('Växel: 0470-00 00 00')\n"
        "print('email_validator' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"
