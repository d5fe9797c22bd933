"""The Linux desktop entry: the .desktop file, the AppStream metainfo and the icon theme files,
installed for the current user, so that Pressklar appears in the desktop's menus and software
centre with its icon. A wheel cannot put them where the desktop looks (a virtual environment's
``share/`` is not on ``XDG_DATA_DIRS``), so they are installed by a command:

    .venv/bin/python -m editor.storage.desktop_entry [--uninstall]

Files go under ``$XDG_DATA_HOME`` (``~/.local/share``): ``applications/``, ``metainfo/`` and
``icons/hicolor/``. The desktop file's ``Exec`` names the ``pressklar`` script beside the
Python that runs this, so the entry starts this installation.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from editor import resources
from editor.storage.atomic import atomic_write

APP_ID = "se.pressklar.Pressklar"
ICON_SIZES = ("16x16", "24x24", "32x32", "48x48", "64x64", "128x128", "256x256", "512x512")


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launcher() -> str:
    """The ``pressklar`` script of this installation, else the name for PATH to find."""
    script = Path(sys.executable).parent / "pressklar"
    return str(script) if script.is_file() else "pressklar"


def desktop_file_text(exec_path: str) -> str:
    text = resources.read_text("desktop", f"{APP_ID}.desktop")
    quoted = f'"{exec_path}"' if " " in exec_path else exec_path
    return text.replace("Exec=pressklar ", f"Exec={quoted} ")


def installed_files(home: Path) -> dict[Path, bytes]:
    """Each file the desktop entry consists of, under ``home``, with its content."""
    files = {
        home / "applications" / f"{APP_ID}.desktop": desktop_file_text(launcher()).encode(),
        home / "metainfo" / f"{APP_ID}.metainfo.xml": resources.read_bytes(
            "desktop", f"{APP_ID}.metainfo.xml"
        ),
        home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg": resources.read_bytes(
            "icons", "hicolor", "scalable", "apps", f"{APP_ID}.svg"
        ),
    }
    for size in ICON_SIZES:
        files[home / "icons" / "hicolor" / size / "apps" / f"{APP_ID}.png"] = resources.read_bytes(
            "icons", "hicolor", size, "apps", f"{APP_ID}.png"
        )
    return files


def install(home: Path | None = None) -> list[Path]:
    written = []
    for path, content in installed_files(home or data_home()).items():
        atomic_write(path, content, make_dirs=True)
        written.append(path)
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    removed = []
    for path in installed_files(home or data_home()):
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m editor.storage.desktop_entry",
        description="Add Pressklar to this user's desktop menus (Linux), or remove it.",
    )
    parser.add_argument("--uninstall", action="store_true")
    args = parser.parse_args(argv)
    paths = uninstall() if args.uninstall else install()
    for path in paths:
        print(path)
    tool = shutil.which("update-desktop-database")
    if not args.uninstall and tool:
        subprocess.run([tool, "-q", str(data_home() / "applications")], check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
