"""What each top-level block of a release is, read once from its structure, for every writer.

A release is shaped the same in every built-in: a masthead (label and date) above the headline,
a lead in bold right after it, the body, and a contact block at the end under a short bold line
("**Kontakt**") or a heading. The writers give these parts their own look (HTML classes, Word
styles, PDF page-break rules), so they are found here, in one place, from the block tree alone:
no wording is compared, and a template that is shaped differently simply gets "body".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from markdown_it.tree import SyntaxTreeNode

from editor.model.email_address import is_email_address
from editor.render.plain import inline_lines, inline_text, inline_tokens

_PHONE = re.compile(r"^\+?[0-9(][0-9 ()\u2013.\-]{4,}[0-9]$")
_SENTENCE_END = (".", "!", "?", ":", ";")


class Role(Enum):
    MASTHEAD = "masthead"  # label and date, above the headline
    TITLE = "title"
    LEAD = "lead"
    BODY = "body"
    CONTACT_HEADING = "contact-heading"
    CONTACT = "contact"


@dataclass(frozen=True)
class Part:
    role: Role
    node: SyntaxTreeNode


def _only_strong(node: SyntaxTreeNode) -> SyntaxTreeNode | None:
    """The one ``strong`` a paragraph consists of, else None."""
    if node.type != "paragraph" or len(node.children) != 1:
        return None
    children = [
        child
        for child in node.children[0].children
        if not (child.type == "text" and not child.content.strip())
    ]
    if len(children) == 1 and children[0].type == "strong":
        return children[0]
    return None


def phone_href(line: str) -> str:
    """``tel:`` and the number's digits when ``line`` is a phone number, after an optional
    "label: " ("Växel: 0470-00 00 00"); "" otherwise."""
    number = line.rpartition(": ")[2].strip()
    if not _PHONE.match(number) or sum(char.isdigit() for char in number) < 5:
        return ""
    return "tel:" + "".join(char for char in number if char.isdigit() or char == "+")


def contact_href(line: str) -> str:
    """The link for one line of a contact block: mailto: for an address, tel: for a number."""
    text = line.strip()
    if is_email_address(text):
        return "mailto:" + text
    return phone_href(text)


def _is_contact_heading(node: SyntaxTreeNode) -> bool:
    if node.type == "heading":
        return True
    strong = _only_strong(node)
    if strong is None:
        return False
    text = inline_text(inline_tokens(node))
    return bool(text) and len(text) <= 40 and not text.endswith(_SENTENCE_END)


def _has_contact_lines(nodes: list[SyntaxTreeNode]) -> bool:
    return all(node.type == "paragraph" for node in nodes) and any(
        contact_href(line) for node in nodes for line in inline_lines(inline_tokens(node))
    )


def parts(tree: SyntaxTreeNode) -> list[Part]:
    """Every top-level block of the release with its role, in order."""
    nodes = list(tree.children)
    roles = [Role.BODY] * len(nodes)
    title = next(
        (
            index
            for index, node in enumerate(nodes)
            if node.type == "heading" and node.tag == "h1" and inline_text(inline_tokens(node))
        ),
        None,
    )
    if title is not None:
        roles[title] = Role.TITLE
        for index in range(title):
            if nodes[index].type == "paragraph":
                roles[index] = Role.MASTHEAD
        lead = title + 1
        if lead < len(nodes) and _only_strong(nodes[lead]) is not None:
            roles[lead] = Role.LEAD
    start = (title or 0) + 1
    for index in range(len(nodes) - 2, start - 1, -1):
        if roles[index] is not Role.BODY or not _is_contact_heading(nodes[index]):
            continue
        if _has_contact_lines(nodes[index + 1 :]):
            roles[index] = Role.CONTACT_HEADING
            for rest in range(index + 1, len(nodes)):
                roles[rest] = Role.CONTACT
        break
    return [Part(role, node) for role, node in zip(roles, nodes, strict=True)]
