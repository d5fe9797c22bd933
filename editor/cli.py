"""Headless commands over model, render and storage: ``python main.py COMMAND ...``.

Errors a user can cause print one line on stderr and exit with status 2; no partial output
file is left behind (every write is atomic).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from editor import __version__
from editor.errors import InvalidFileError, PressklarError, StorageError, ValueFormatError
from editor.i18n import set_language
from editor.model.language import message_language
from editor.model.reading import load_json
from editor.model.release import Release, values_from_json
from editor.model.template import Template
from editor.render import writers
from editor.storage.atomic import atomic_write, read_text
from editor.storage.library import Library, load_library, resolve_template
from editor.storage.paths import Paths, user_paths
from editor.storage.releases import load_release, save_release
from editor.storage.settings import load_settings

EXIT_USER_ERROR = 2


def _library() -> Library:
    paths = user_paths()
    settings = load_settings(paths.settings_file)
    return load_library(
        paths.templates, settings.organisation_folder, cache_file=paths.template_cache
    )


def _read_values(template: Template, path: str) -> dict[str, Any]:
    data = load_json(read_text(path, limit=20_000_000), Path(path).name)
    if not isinstance(data, dict):
        raise ValueFormatError("cli.not_object", file=path)
    values, problems = values_from_json(template, data, Path(path).name)
    if problems:
        raise InvalidFileError(problems)
    return values


def export_bytes(
    release: Release,
    fmt: str,
    *,
    letterhead: str | None = None,
    bcc_list: str | None = None,
    release_path: str = "",
) -> bytes:
    """One format's bytes, through the one export path the GUI uses too. ``fmt`` may also be a
    short channel (sms, social). For docx ``letterhead`` overrides the template's and the
    settings' ("none": the built-in look); for eml, ``bcc_list`` names a distribution list from
    the settings; for cap, the thread and language versions are read beside ``release_path``."""
    from editor.render.export import export_document
    from editor.render.session import RenderSettings, render_release
    from editor.storage.alerts import options_for_release
    from editor.storage.level_sets import level_registry

    paths = user_paths()
    settings = load_settings(paths.settings_file)
    if bcc_list and fmt != "eml":
        raise ValueFormatError("cli.bcc_not_eml")
    if fmt in SHORT_CHANNELS:
        return _short_bytes(release, fmt, level_registry(paths))
    levels = level_registry(paths)
    doc = render_release(release, RenderSettings(settings.organisation_name, levels))
    options = options_for_release(
        release, release_path, fmt, settings, levels, doc,
        letterhead=letterhead, distribution_list=bcc_list or "",
    )  # fmt: skip
    return export_document(doc, fmt, options)


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
            "error": entry.error.text() if entry.error else "",
        }
        for entry in library.entries
    ]
    if args.json:
        print(
            json.dumps(
                {
                    "templates": rows,
                    "source_errors": {s: e.text() for s, e in library.source_errors.items()},
                },
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
        print(f"({source} templates unavailable: {error.text()})", file=sys.stderr)
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
    template = _in_level_set(resolve_template(args.template, _library()), args.level_set)
    values = _read_values(template, args.values) if args.values else {}
    _refuse_unknown_levels(template, values)
    return Release.new(template, values)


def _in_level_set(template: Template, asked: str | None) -> Template:
    """The template in the set asked for, else the organisation's default, else its own."""
    from editor.model.level_choice import starting_level_set, with_level_set
    from editor.storage.level_sets import level_registry

    paths = user_paths()
    registry = level_registry(paths)
    default = load_settings(paths.settings_file).default_level_set
    set_id = asked or starting_level_set(template, default)
    if registry.get(set_id) is None:
        if asked is None:  # a default that has gone: the template's own set, as without one
            return template
        raise ValueFormatError(
            "levels.unknown_set", level_set=set_id, known=", ".join(registry.ids())
        )
    return with_level_set(template, {}, set_id, registry)[0]


def _refuse_unknown_levels(template: Template, values: dict[str, Any]) -> None:
    """A level id the level set does not have would print as a placeholder: refuse it."""
    from editor.model.fields import FieldType
    from editor.storage.level_sets import level_registry

    registry = level_registry(user_paths())
    for field_def in template.fields:
        value = values.get(field_def.key)
        if field_def.type != FieldType.LEVEL or not isinstance(value, str) or not value:
            continue
        set_id = field_def.level_set or template.level_set
        level_set = registry.get(set_id)
        known = [d.id for d in level_set.levels] if level_set else []
        if value not in known:
            raise ValueFormatError(
                "cli.unknown_level",
                label=field_def.label,
                value=value,
                level_set=set_id,
                levels=", ".join(known),
            )


def cmd_render(args: argparse.Namespace) -> int:
    release = _release_from_args(args)
    release = release.with_exercise(True) if args.exercise else release
    data = export_bytes(release, args.to, letterhead=args.letterhead, bcc_list=args.bcc_list)
    _write_output(args.output, data)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from editor.storage.archive import Archive

    release = _release_from_args(args)
    save_release(release.with_exercise(True) if args.exercise else release, args.output)
    Archive.for_user(user_paths()).remember(args.output)
    return 0


def _open_release(path: str) -> Release:
    """A release file, in an installed level set; a note on stderr when its own set is gone."""
    from editor.model.level_choice import settle_release
    from editor.storage.level_sets import level_registry

    release, notes = settle_release(load_release(path), level_registry(user_paths()))
    for note in notes:
        print(note.text(), file=sys.stderr)
    return release


def cmd_export(args: argparse.Namespace) -> int:
    from editor.storage.incidents import record

    release = _open_release(args.release)
    data = export_bytes(release, args.to, letterhead=args.letterhead, bcc_list=args.bcc_list,
                        release_path=args.release)  # fmt: skip
    _write_output(args.output, data)
    written = "" if args.output == "-" else args.output
    record(release, args.release, user_paths().data, "export", fmt=args.to, written=written,
           data=data, distribution_list=args.bcc_list or "")  # fmt: skip
    from editor.storage.archive import Archive

    Archive.for_user(user_paths()).remember(args.release)
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
    formats = [*writers.names(), *SHORT_CHANNELS]
    for name, func, help_text in (
        ("render", cmd_render, "fill a template from a JSON file and write one format"),
        ("new", cmd_new, "fill a template from a JSON file and save a release file"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("template", help="template id or .toml path")
        p.add_argument("--values", help="JSON object keyed by field key")
        p.add_argument("--exercise", action="store_true", help="mark the release as an exercise")
        p.add_argument(
            "--level-set", help="the level set the release speaks in (default: the settings')"
        )
        if name == "render":
            p.add_argument("--to", choices=formats, required=True)
            _add_export_options(p)
        p.add_argument("-o", "--output", required=True, help="output file ('-' for stdout)")
        p.set_defaults(func=func)
    p = sub.add_parser("export", help="export a release file to one format")
    p.add_argument("release", help="a .pressklar release file")
    p.add_argument("--to", choices=formats, required=True)
    p.add_argument("-o", "--output", required=True, help="output file ('-' for stdout)")
    _add_export_options(p)
    p.set_defaults(func=cmd_export)
    _add_sharing_commands(sub)
    _add_check_command(sub)
    from editor.cli_incident import add_incident_commands

    add_incident_commands(sub)
    from editor.cli_newsroom import add_newsroom_command

    add_newsroom_command(sub)
    return parser


def cmd_import_template(args: argparse.Namespace) -> int:
    from editor.storage.level_sets import level_registry
    from editor.storage.template_io import TemplateClashError, import_template

    paths = user_paths()
    if args.to == "organisation":
        folder_setting = load_settings(paths.settings_file).organisation_folder
        if not folder_setting:
            raise StorageError("cli.no_organisation_folder")
        folder = Path(folder_setting).expanduser()
    else:
        folder = paths.templates
    try:
        result = import_template(
            args.file,
            folder,
            on_clash="replace" if args.replace else "rename" if args.rename else "ask",
            new_id=args.rename,
            source=args.to,
            levels=level_registry(paths),
        )
    except TemplateClashError as error:
        hint = f"Use --replace to replace it, or --rename NEW_ID (such as {error.suggested_id})."
        print(f"pressklar: {' '.join(error.text().split())} {hint}", file=sys.stderr)
        return EXIT_USER_ERROR
    for warning in result.warnings:
        print(f"pressklar: warning: {warning.text()}", file=sys.stderr)
    prefix = "org:" if args.to == "organisation" else "user:"
    print(f"Imported “{result.template.name}” as {prefix}{result.template.id} ({result.path})")
    return 0


def cmd_export_template(args: argparse.Namespace) -> int:
    from editor.model.template import template_to_toml
    from editor.storage.template_io import export_template

    template = resolve_template(args.template, _library())
    if args.output == "-":
        _write_output("-", template_to_toml(template).encode("utf-8"))
    else:
        export_template(template, args.output)
    return 0


def cmd_contacts(args: argparse.Namespace) -> int:
    from editor.storage.contacts import load_contact_book

    book, warning = load_contact_book(user_paths().contacts_file)
    if warning:
        print(f"pressklar: warning: {' '.join(warning.split())}", file=sys.stderr)
    if args.json:
        data = {"contacts": [c.to_dict() for c in book.contacts], "warning": warning or ""}
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    for contact in book.contacts:
        parts = [contact.name, contact.title, contact.organisation, contact.unit, contact.email]
        parts += [f"{p.label}: {p.number}" if p.label else p.number for p in contact.phones]
        print(" | ".join(part for part in parts if part))
    return 0


def _add_sharing_commands(sub: Any) -> None:
    """Template sharing and the contact book."""
    p = sub.add_parser("import-template", help="validate a template file and add it to a library")
    p.add_argument("file", help="a template .toml file")
    p.add_argument("--to", choices=("user", "organisation"), default="user")
    clash = p.add_mutually_exclusive_group()
    clash.add_argument("--replace", action="store_true", help="replace a template of that name")
    clash.add_argument("--rename", metavar="NEW_ID", help="import under this id (a new name)")
    p.set_defaults(func=cmd_import_template)
    p = sub.add_parser("export-template", help="write a template to a file to share it")
    p.add_argument("template", help="template id (as 'templates' lists it)")
    p.add_argument("-o", "--output", required=True, help="output .toml file ('-' for stdout)")
    p.set_defaults(func=cmd_export_template)
    p = sub.add_parser("contacts", help="list the contact book")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_contacts)


SHORT_CHANNELS = ("sms", "social")
EXIT_CHECK_ERRORS = 1  # `check`: at least one finding of severity "error"


def _short_bytes(release: Release, channel: str, levels: Any) -> bytes:
    from editor.errors import ExportError
    from editor.render.short import render_short

    short = render_short(
        release.template, release.values, channel, levels=levels, exercise=release.exercise
    )
    if short is None:
        raise ExportError(f"cli.no_short_{channel}", name=release.template.name)
    unit = "characters" if short.encoding != "ucs2" else "characters (UCS-2)"
    parts = f", {short.parts} messages" if channel == "sms" and short.parts > 1 else ""
    over = " - too long" if short.over and channel == "social" else ""
    print(f"pressklar: {channel} {short.length}/{short.limit} {unit}{parts}{over}", file=sys.stderr)
    return (short.text + "\n").encode("utf-8")


def _add_export_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--letterhead",
        metavar="PATH",
        help="docx: start from this reference .docx/.dotx ('none': the built-in look; default:"
        " the template's letterhead, else the settings')",
    )
    p.add_argument(
        "--bcc-list", metavar="NAME", help="eml: put this distribution list (settings) in Bcc"
    )


def _ui_language(requested: str | None) -> str:
    import os

    chosen = requested or load_settings(user_paths().settings_file).ui_language
    chosen = chosen or os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return message_language(chosen)


def _speller_source(paths: Paths) -> Callable[[str], Any]:
    """The check's spelling: the template language's dictionary and the user's own words."""
    from editor.render.spelling import PersonalWords, load_speller
    from editor.storage.user_dictionary import load_words

    personal = PersonalWords(added=load_words(paths.dictionary_file))
    return lambda lang: load_speller(lang, personal)


def cmd_check(args: argparse.Namespace) -> int:
    """Pre-flight checks of a release file. Exit 0: no errors (warnings and info may be
    listed); 1: at least one error; 2: the file could not be checked."""
    from editor.render.checks import check_release, has_errors
    from editor.storage.level_sets import level_registry

    paths = user_paths()
    release = _open_release(args.release)
    lang = _ui_language(args.lang)
    settings = load_settings(paths.settings_file)
    findings = check_release(
        release,
        lang,
        levels=level_registry(paths),
        organisation=settings.organisation_name,
        spelling=_speller_source(paths),
    )
    if args.json:
        counts = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")}
        data = {"file": args.release, "findings": [f.to_dict() for f in findings], **counts}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            where = f" [{finding.field}]" if finding.field else ""
            print(f"{finding.severity:<7} {finding.code}{where}: {finding.message}")
    return EXIT_CHECK_ERRORS if has_errors(findings) else 0


def _add_check_command(sub: Any) -> None:
    p = sub.add_parser(
        "check",
        help="pre-flight checks of a release (exit 1 when there are errors, 2 if unreadable)",
    )
    p.add_argument("release", help="a .pressklar release file")
    p.add_argument("--json", action="store_true")
    p.add_argument("--lang", choices=("sv", "en"), help="message language (default: the UI's)")
    p.set_defaults(func=cmd_check)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.home:
        import os

        os.environ["PRESSKLAR_HOME"] = args.home
    try:
        set_language(_ui_language(getattr(args, "lang", None)))
        result: int = args.func(args)
        return result
    except PressklarError as error:
        message = " ".join(error.text().split())
        print(f"pressklar: {message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except BrokenPipeError:
        return 0
