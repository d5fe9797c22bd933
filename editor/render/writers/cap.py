"""CAP 1.2 export: one ``alert`` (OASIS Common Alerting Protocol) per release, with one ``info``
per language version, for crisis portals and alerting systems.

The writer writes down what the export options' ``AlertContext`` says (``editor.storage.alerts``
builds it from the release, its incident thread and the settings); the text of each ``info``
comes from that version's rendered document: the headline, the body as plain text (without
the masthead and the contact block, which has an element of its own) and the contact lines.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from editor.errors import ExportError
from editor.model.alerting import cap_datetime, is_cap_token
from editor.model.language import document_language
from editor.render.alert import AlertContext, AlertVersion
from editor.render.document import RenderedDocument
from editor.render.layout import Role, parts
from editor.render.plain import inline_lines, inline_tokens
from editor.render.writers.base import DEFAULT_OPTIONS, ExportOptions, Writer

CAP_NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2"
MAX_HEADLINE = 160  # CAP: a headline SHOULD be shorter than 160 characters
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BODY_ROLES = (Role.LEAD, Role.BODY)


def _clean(text: str) -> str:
    """Text XML 1.0 can hold: control characters (but tab and line ends) are dropped."""
    return _NOT_XML.sub("", text).strip()


def _headline(title: str) -> str:
    title = " ".join(title.split())
    if len(title) < MAX_HEADLINE:
        return title
    return title[: MAX_HEADLINE - 2].rsplit(" ", 1)[0].rstrip(" ,.;:") + "…"


def description(doc: RenderedDocument) -> str:
    """The release's lead and body as plain text, one paragraph a line."""
    from editor.render.writers.text import plain_blocks

    nodes = [part.node for part in parts(doc.tree) if part.role in _BODY_ROLES]
    return plain_blocks(nodes, width=100_000)


def contact(doc: RenderedDocument) -> str:
    """The contact block on one line: a contact's lines joined with commas, contacts with
    semicolons."""
    groups = []
    for part in parts(doc.tree):
        if part.role is Role.CONTACT:
            lines = [line for line in inline_lines(inline_tokens(part.node)) if line]
            if lines:
                groups.append(", ".join(lines))
    return "; ".join(groups)


def _add(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{CAP_NAMESPACE}}}{tag}")
    element.text = _clean(text)
    return element


def _info(alert: ET.Element, version: AlertVersion, context: AlertContext) -> None:
    doc = version.document
    info = ET.SubElement(alert, f"{{{CAP_NAMESPACE}}}info")
    _add(info, "language", document_language(doc.meta.language))
    _add(info, "category", version.category)
    _add(info, "event", version.event or doc.meta.template_name or doc.title)
    if version.all_clear:
        _add(info, "responseType", "AllClear")
    _add(info, "urgency", version.grading.urgency)
    _add(info, "severity", version.grading.severity)
    _add(info, "certainty", version.grading.certainty)
    optional = (
        ("senderName", context.sender_name or doc.meta.organisation),
        ("headline", _headline(doc.title)),
        ("description", description(doc)),
        ("instruction", version.instruction),
        ("web", version.web),
        ("contact", contact(doc)),
    )
    for tag, text in optional:
        if _clean(text):
            _add(info, tag, text)
    if _clean(context.area):
        area = ET.SubElement(info, f"{{{CAP_NAMESPACE}}}area")
        _add(area, "areaDesc", context.area)


def alert_xml(context: AlertContext) -> bytes:
    """The alert as UTF-8 XML; ExportError when there is no usable sender."""
    sender = context.sender.strip()
    if not sender:
        raise ExportError("cap.no_sender")
    if not is_cap_token(sender):
        raise ExportError("cap.bad_sender", sender=sender)
    alert = ET.Element(f"{{{CAP_NAMESPACE}}}alert")
    _add(alert, "identifier", context.identifier)
    _add(alert, "sender", sender)
    _add(alert, "sent", cap_datetime(context.sent))
    _add(alert, "status", "Exercise" if context.exercise else "Actual")
    _add(alert, "msgType", context.msg_type)
    _add(alert, "scope", "Public")
    if context.references:
        named = (f"{sender},{r.identifier},{cap_datetime(r.sent)}" for r in context.references)
        _add(alert, "references", " ".join(named))
    if is_cap_token(context.incident):
        _add(alert, "incidents", context.incident)
    for version in context.versions:
        _info(alert, version, context)
    ET.indent(alert)
    body: bytes = ET.tostring(alert, encoding="utf-8", default_namespace=CAP_NAMESPACE)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"


class CapWriter(Writer):
    """Needs the options' ``alert`` (the sender is not in the document): without one, an
    ExportError asks for the sender."""

    name = "cap"
    extension = ".xml"
    media_type = "application/cap+xml"
    label = "CAP 1.2 alert (XML)"
    needs_alert = True

    def write(self, doc: RenderedDocument, options: ExportOptions = DEFAULT_OPTIONS) -> bytes:
        if options.alert is None:
            raise ExportError("cap.no_sender")
        return alert_xml(options.alert)
