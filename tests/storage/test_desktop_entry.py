"""The Linux desktop entry: files that validate, installed under XDG_DATA_HOME by a command."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from editor.storage import desktop_entry
from tests.helpers import ROOT

DESKTOP = ROOT / "resources" / "desktop" / "se.pressklar.Pressklar.desktop"
METAINFO = ROOT / "resources" / "desktop" / "se.pressklar.Pressklar.metainfo.xml"


def test_the_desktop_file_validates() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate (desktop-file-utils) is not installed")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_the_metainfo_validates() -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli (appstream) is not installed")
    result = subprocess.run(
        [tool, "validate", "--no-net", "--pedantic", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_the_entry_names_the_icon_and_the_metainfo_the_entry() -> None:
    text = DESKTOP.read_text(encoding="utf-8")
    assert "Icon=se.pressklar.Pressklar\n" in text
    assert "Exec=pressklar %f\n" in text
    assert "se.pressklar.Pressklar.desktop" in METAINFO.read_text(encoding="utf-8")


def test_install_and_uninstall_under_the_data_home(tmp_path: Path) -> None:
    written = desktop_entry.install(tmp_path)
    desktop = tmp_path / "applications" / "se.pressklar.Pressklar.desktop"
    assert desktop in written
    assert (tmp_path / "metainfo" / "se.pressklar.Pressklar.metainfo.xml").is_file()
    png = tmp_path / "icons" / "hicolor" / "256x256" / "apps" / "se.pressklar.Pressklar.png"
    assert png.read_bytes().startswith(b"\x89PNG")
    exec_line = next(
        line
        for line in desktop.read_text(encoding="utf-8").splitlines()
        if line.startswith("Exec=")
    )
    assert exec_line.endswith(" %f") and "pressklar" in exec_line
    assert set(desktop_entry.uninstall(tmp_path)) == set(written)
    assert not desktop.exists()
