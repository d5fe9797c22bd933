"""The CLI's ``newsroom`` command: the releases of a folder published as a static site. Part of
``editor.cli``; kept apart because it is a subject of its own."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from editor.i18n import text
from editor.storage.paths import user_paths


def cmd_newsroom(args: argparse.Namespace) -> int:
    from editor.storage.level_sets import level_registry
    from editor.storage.newsroom import publish_newsroom
    from editor.storage.settings import load_settings

    paths = user_paths()
    settings = load_settings(paths.settings_file)
    result = publish_newsroom(args.folder, args.output, settings, level_registry(paths))
    for note in result.notes:
        print(f"pressklar: {' '.join(note.text().split())}", file=sys.stderr)
    print(text("newsroom.published", None, count=len(result.published), folder=str(result.site)))
    return 0


def add_newsroom_command(sub: Any) -> None:
    p = sub.add_parser(
        "newsroom",
        help="publish the releases of a folder as a static site: index.html, a page and a CAP"
        " alert per release, feed.atom",
    )
    p.add_argument("folder", help="the folder of .pressklar releases")
    p.add_argument("-o", "--output", required=True, help="the site's folder (made if missing)")
    p.set_defaults(func=cmd_newsroom)
