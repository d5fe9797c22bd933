"""The after-action report of an incident as a Word document: the log (who saved, exported and
copied what, when, on which computer, with each file's SHA-256; where the chain is broken),
then every release of the thread as it reads."""

from __future__ import annotations

from pathlib import Path

from editor.render.document import DocumentMeta, RenderedDocument
from editor.render.escape import escape_markdown
from editor.storage.incident_log import LogBreak, LogEntry
from editor.storage.incidents import incident_thread


def _incident_id(entries: list[LogEntry]) -> str:
    return next((str(e.get("incident")) for e in entries if e.get("incident")), "")


def incident_report(folder: Path, entries: list[LogEntry], breaks: list[LogBreak]) -> bytes:
    """The report's DOCX bytes. ``folder``: where the incident's release files are."""
    from editor.render.engine import render_document
    from editor.render.writers.docx import DocxWriter

    incident_id = _incident_id(entries)
    thread = incident_thread(folder, incident_id) if incident_id else []
    title = thread[0].release.incident.title if thread and thread[0].release.incident else ""
    lines = [f"# {escape_markdown(title or incident_id or 'Incident')}", ""]
    lines += ["## Log", ""]
    for entry in entries:
        d = entry.data
        parts = [str(d.get(k)) for k in ("time", "user", "computer", "action") if d.get(k)]
        if d.get("number"):
            parts.append(f"#{d.get('number')}")
        parts += [str(d.get(k)) for k in ("format", "file") if d.get(k)]
        if d.get("sha256"):
            parts.append(f"SHA-256 {d.get('sha256')}")
        lines.append("- " + escape_markdown(" · ".join(parts)))
    for broken in breaks:
        lines.append(f"- **{escape_markdown(f'Broken chain: {broken.file}, line {broken.line}')}**")
    lines.append("")
    for item in thread:
        release = item.release
        link = release.incident
        number = link.number if link else 1
        doc = render_document(
            release.template, release.values, embargo=release.embargo,
            exercise=release.exercise, number=number,
        )  # fmt: skip
        heading = f"{number}. {item.path.name}" + ("" if item.intact else " (changed since)")
        lines += ["---", "", f"## {escape_markdown(heading)}", ""]
        body = doc.markdown.replace("\n# ", "\n### ").replace("\n## ", "\n#### ")
        lines += [body.removeprefix("# ").strip(), ""]
    report = RenderedDocument(
        markdown="\n".join(lines) + "\n",
        meta=DocumentMeta(language=thread[0].release.template.language if thread else "en"),
    )
    return DocxWriter().write(report)
