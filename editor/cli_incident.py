"""The CLI's incident commands: ``followup`` (the next release of an incident),
``language-copy`` (the same release in another language), ``log`` (what
was saved and sent, and whether the log is intact) and ``search`` (the archive of releases).
Part of ``editor.cli``; kept apart because it is a subject of its own."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from editor.errors import StorageError
from editor.model.template import Template
from editor.storage.paths import user_paths


def cmd_followup(args: argparse.Namespace) -> int:
    from editor import cli
    from editor.model.incident import suggested_next
    from editor.storage.incidents import follow_up_of, record
    from editor.storage.library import resolve_template
    from editor.storage.releases import load_release, save_release

    library = cli._library()
    template: Template | None
    if args.template:
        template = resolve_template(args.template, library)
    else:  # the kind that usually comes next, in the same language, when there is one
        entry = library.find(suggested_next(load_release(args.release).template.id))
        template = entry.template if entry is not None else None
    release = follow_up_of(args.release, template)
    if args.values:
        typed = cli._read_values(release.template, args.values)
        release = release.with_values({**release.values, **typed})
    if args.exercise:
        release = release.with_exercise(True)
    save_release(release, args.output)
    record(release, args.output, user_paths().data, "followup", written=args.output,
           data=Path(args.output).read_bytes())  # fmt: skip
    from editor.storage.archive import Archive

    Archive.for_user(user_paths()).remember(args.output)
    link = release.incident
    assert link is not None
    print(f"{args.output}: {link.title or link.incident_id} #{link.number}")
    return 0


def cmd_language_copy(args: argparse.Namespace) -> int:
    """The release in another language, in the same incident with the same number. The
    original's file is left as it is, unless it had no incident and ``--link-original`` asks
    to record the new one in it too."""
    from editor import cli
    from editor.i18n import language_name, text
    from editor.model.language_copy import language_copy
    from editor.render.copy_checks import copy_notes
    from editor.storage.incidents import record, rendered_title
    from editor.storage.language_pairs import paired_template
    from editor.storage.level_sets import level_registry
    from editor.storage.releases import load_release, save_release

    output = Path(args.output)
    if output.exists() and not args.force:
        raise StorageError("language_copy.output_exists", file=args.output)
    source = Path(args.release)
    original = load_release(source)
    template = paired_template(original.template, args.language, cli._library())
    levels = level_registry(user_paths())
    made = language_copy(original, template, levels, rendered_title(original))
    copy = made.copy
    save_release(copy, output)
    paths = user_paths()
    record(copy, args.output, paths.data, "language-copy", written=args.output,
           data=output.read_bytes())  # fmt: skip
    if original.incident is None:
        if args.link_original:
            save_release(made.original, source)
        else:
            print(f"pressklar: {text('language_copy.new_incident', file=source.name)}",
                  file=sys.stderr)  # fmt: skip
    from editor.storage.archive import Archive

    Archive.for_user(paths).remember(args.output)
    link = copy.incident
    assert link is not None
    print(text("language_copy.made", file=args.output, original=source.name,
               language=language_name(template.language), title=link.title or link.incident_id,
               number=link.number))  # fmt: skip
    for severity, code, _, params in copy_notes(copy):
        print(f"{severity:<7} {code}: {text('check.' + code, **params)}")
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    """The incident's log, merged from every computer's file; exit 1 when a chain is broken."""
    from editor.storage.incident_log import log_folder, read_log
    from editor.storage.releases import load_release

    target = Path(args.target)
    folder = target
    if target.is_file():
        release = load_release(target)
        if release.incident is None:
            raise StorageError("log.no_incident", file=target.name)
        folder = log_folder(target, release.incident.incident_id)
    entries, breaks = read_log(folder)
    if args.csv:
        from editor.storage.incident_log import entries_csv

        sys.stdout.write(entries_csv(entries))
    elif args.report:
        from editor.cli import _write_output
        from editor.storage.incident_report import incident_report

        _write_output(args.report, incident_report(folder.parent, entries, breaks))
    elif args.json:
        data: dict[str, Any] = {
            "entries": [e.data for e in entries],
            "broken": [{"file": b.file, "line": b.line} for b in breaks],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for entry in entries:
            d = entry.data
            what = " ".join(str(d.get(k, "")) for k in ("format", "file") if d.get(k))
            print(f"{d.get('time')}  {d.get('user')}@{d.get('computer')}  {d.get('action')}"
                  f"  #{d.get('number')}  {what}  {str(d.get('sha256', ''))[:12]}")  # fmt: skip
        for broken in breaks:
            print(f"pressklar: the log is broken at {broken.file} line {broken.line}",
                  file=sys.stderr)  # fmt: skip
    return 1 if breaks else 0


def cmd_search(args: argparse.Namespace) -> int:
    from editor.storage.archive import Archive

    archive = Archive.for_user(user_paths())
    hits = archive.search(args.text, limit=args.limit)
    if args.json:
        rows = [{"path": h.path, "title": h.title, "snippet": h.snippet} for h in hits]
        print(json.dumps({"query": args.text, "hits": rows}, ensure_ascii=False, indent=2))
        return 0
    for hit in hits:
        print(f"{hit.path}\n    {hit.title}\n    {hit.snippet}")
    return 0


def add_incident_commands(sub: Any) -> None:
    p = sub.add_parser("followup", help="make the next release of an incident from a saved one")
    p.add_argument("release", help="the .pressklar release it follows")
    p.add_argument("--template", help="template id (default: the one the incident suggests)")
    p.add_argument("--values", help="JSON object keyed by field key, over the carried values")
    p.add_argument("--exercise", action="store_true", help="mark it as an exercise")
    p.add_argument("-o", "--output", required=True, help="the new .pressklar file")
    p.set_defaults(func=cmd_followup)
    p = sub.add_parser(
        "language-copy", help="the same release in another language, from the paired template"
    )
    p.add_argument("release", help="the .pressklar release to copy")
    p.add_argument("--language", required=True, help="the copy's language (en, sv)")
    p.add_argument("-o", "--output", required=True, help="the new .pressklar file")
    p.add_argument("--force", action="store_true", help="replace the output file if it exists")
    p.add_argument(
        "--link-original",
        action="store_true",
        help="when the release belongs to no incident, record the new one in its file too",
    )
    p.set_defaults(func=cmd_language_copy)
    p = sub.add_parser("log", help="the incident's log: what was saved and sent, and if intact")
    p.add_argument("target", help="a release of the incident, or its log folder")
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true")
    shown.add_argument("--csv", action="store_true", help="one row an entry, for a spreadsheet")
    shown.add_argument(
        "--report", metavar="FILE.docx", help="a Word report: the log, then each release's text"
    )
    p.set_defaults(func=cmd_log)
    p = sub.add_parser("search", help="find releases by any word of their text")
    p.add_argument("text", help="words to find (every word must occur)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_search)
