"""Entry points: ``pressklar`` (the GUI, or a CLI command when one is named) and
``pressklar-cli``."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from editor.cli import COMMANDS

    if _command_named(args, COMMANDS):
        from editor.cli import main as cli

        return cli(args)
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
