"""Headless commands over model, render and storage: ``python main.py COMMAND ...``.

Errors a user can cause print one line on stderr and exit with status 2; no partial output
file is left behind (every write is atomic).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from editor import __version__
from editor.errors import PressklarError, StorageError, ValueFormatError
from editor.model.release import Release, values_from_json
from editor.model.template import Template
from editor.render import writers
from editor.storage.atomic import atomic_write, read_text
from editor.storage.library import Library, load_library, resolve_template
from editor.storage.paths import user_paths
from editor.storage.releases import load_release, save_release
from editor.storage.settings import load_settings

COMMANDS = ("templates", "fields", "render", "new", "export")
EXIT_USER_ERROR = 2


def _library() -> Library:
    paths = user_paths()
    settings = load_settings(paths.settings_file)
    return load_library(paths.templates, settings.organisation_folder)


def _read_values(template: Template, path: str) -> dict[str, Any]:
    try:
        data = json.loads(read_text(path, limit=20_000_000))
    except json.JSONDecodeError as error:
        raise ValueFormatError(f"{path} is not valid JSON (line {error.lineno}).") from None
    if not isinstance(data, dict):
        raise ValueFormatError(f"{path} must hold one JSON object keyed by field key.")
    values, problems = values_from_json(template, data, Path(path).name)
    if problems:
        raise ValueFormatError("; ".join(str(p) for p in problems))
    return values


def export_bytes(release: Release, fmt: str) -> bytes:
    from editor.render.engine import render_document

    settings = load_settings(user_paths().settings_file)
    doc = render_document(release.template, release.values, organisation=settings.organisation_name)
    return writers.get(fmt).write(doc)


def _write_output(out: str, data: bytes) -> None:
    if out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    atomic_write(out, data)


def cmd_templates(args: argparse.Namespace) -> int:
    library = _library()
    rows = [
        {
            "id": entry.key,
            "name": entry.name,
            "language": entry.language,
            "source": entry.source,
            "path": entry.path if entry.source != "builtin" else "",
            "error": entry.error,
        }
        for entry in library.entries
    ]
    if args.json:
        print(
            json.dumps(
                {"templates": rows, "source_errors": library.source_errors},
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    width = max((len(r["id"]) for r in rows), default=10)
    for row in rows:
        status = f"  ERROR: {row['error']}" if row["error"] else ""
        print(
            f"{row['id']:<{width}}  {row['language']:<3} {row['source']:<12} {row['name']}{status}"
        )
    for source, error in library.source_errors.items():
        print(f"({source} templates unavailable: {error})", file=sys.stderr)
    return 0


def cmd_fields(args: argparse.Namespace) -> int:
    template = resolve_template(args.template, _library())
    rows: list[dict[str, Any]] = [
        {
            "key": f.key,
            "type": str(f.type),
            "label": f.label,
            "required": f.required,
            "choices": list(f.choices),
            "level_set": (f.level_set or template.level_set) if f.type == "level" else "",
            "group": f.group,
            "help": f.help,
        }
        for f in template.fields
    ]
    if args.json:
        print(json.dumps({"template": template.id, "fields": rows}, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        mark = "*" if row["required"] else " "
        extra = f"  [{', '.join(row['choices'])}]" if row["choices"] else ""
        if row["level_set"]:
            extra = f"  (level set {row['level_set']})"
        print(f"{mark} {row['key']:<24} {row['type']:<10} {row['label']}{extra}")
    return 0


def _release_from_args(args: argparse.Namespace) -> Release:
    template = resolve_template(args.template, _library())
    values = _read_values(template, args.values) if args.values else {}
    return Release.new(template, values)


def cmd_render(args: argparse.Namespace) -> int:
    release = _release_from_args(args)
    _write_output(args.output, export_bytes(release, args.to))
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    release = _release_from_args(args)
    save_release(release, args.output)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    release = load_release(args.release)
    _write_output(args.output, export_bytes(release, args.to))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pressklar", description="Press releases from templates (headless commands)."
    )
    parser.add_argument("--version", action="version", version=f"Pressklar {__version__}")
    parser.add_argument("--home", help="keep all user data in this folder (sets PRESSKLAR_HOME)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("templates", help="list every template with id, language and source")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_templates)
    p = sub.add_parser("fields", help="list a template's fields")
    p.add_argument("template", help="template id or .toml path")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_fields)
    formats = writers.names()
    for name, func, help_text in (
        ("render", cmd_render, "fill a template from a JSON file and write one format"),
        ("new", cmd_new, "fill a template from a JSON file and save a release file"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("template", help="template id or .toml path")
        p.add_argument("--values", help="JSON object keyed by field key")
        if name == "render":
            p.add_argument("--to", choices=formats, required=True)
        p.add_argument("-o", "--output", required=True, help="output file ('-' for stdout)")
        p.set_defaults(func=func)
    p = sub.add_parser("export", help="export a release file to one format")
    p.add_argument("release", help="a .pressklar release file")
    p.add_argument("--to", choices=formats, required=True)
    p.add_argument("-o", "--output", required=True, help="output file ('-' for stdout)")
    p.set_defaults(func=cmd_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.home:
        import os

        os.environ["PRESSKLAR_HOME"] = args.home
    try:
        result: int = args.func(args)
        return result
    except PressklarError as error:
        message = " ".join(str(error).split())
        print(f"pressklar: {message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except StorageError as error:  # pragma: no cover - StorageError is a PressklarError
        print(f"pressklar: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except BrokenPipeError:
        return 0
