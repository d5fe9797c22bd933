"""Entry points: ``pressklar`` (the GUI, or a CLI command when one is named) and
``pressklar-cli``."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

COMMANDS = (
    "templates", "fields", "render", "new", "export",
    "import-template", "export-template", "contacts", "check", "followup", "language-copy", "log",
    "search", "newsroom",
)  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--pdf-helper"]:  # a frozen app started as its own PDF helper
        from editor.render.pdf_process import main as pdf_helper

        return pdf_helper()
    if _command_named(args, COMMANDS):
        from editor.cli import main as cli

        return cli(args)
    # Start-up allocates many long-lived objects and no garbage: collecting during the imports
    # only costs time. The GUI enables the collector again once the first preview is painted.
    gc.disable()
    from editor.ui.application import run

    status: int = run(args)
    return status


def _command_named(args: list[str], commands: Sequence[str]) -> bool:
    """True when the first positional argument (skipping ``--home VALUE``) is a CLI command."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--home":
            skip = True
        elif not arg.startswith("-"):
            return arg in commands
    return False


def cli_main(argv: Sequence[str] | None = None) -> int:
    from editor.cli import main as cli

    return cli(argv)
