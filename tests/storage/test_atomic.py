from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from editor.errors import StorageError
from editor.storage import atomic
from editor.storage.atomic import atomic_write, read_text


def test_atomic_write_replaces_whole_file_and_leaves_no_temporaries(tmp_path: Path) -> None:
    target = tmp_path / "release.pressklar"
    atomic_write(target, "första")
    atomic_write(target, "andra ✓")
    assert target.read_text(encoding="utf-8") == "andra ✓"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release.pressklar"]


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="does not exist"):
        atomic_write(tmp_path / "no" / "such" / "file.txt", "x")
    atomic_write(tmp_path / "made" / "file.txt", "x", make_dirs=True)
    assert (tmp_path / "made" / "file.txt").read_text() == "x"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageError, match="No permission"):
            atomic_write(folder / "x.txt", "x")
    finally:
        folder.chmod(0o700)


def test_full_disk_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "release.pressklar"
    atomic_write(target, "old content")

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(StorageError, match="disk is full"):
        atomic_write(target, "new content that will not fit")
    monkeypatch.undo()
    assert target.read_text() == "old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release.pressklar"]


def test_writing_onto_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(StorageError):
        atomic_write(tmp_path / "folder", "x")


def test_read_text_errors(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="does not exist"):
        read_text(tmp_path / "nope.toml")
    (tmp_path / "bin.toml").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(StorageError, match="not a text file"):
        read_text(tmp_path / "bin.toml")
    (tmp_path / "big.toml").write_bytes(b"x" * 2000)
    with pytest.raises(StorageError, match="too large"):
        read_text(tmp_path / "big.toml", limit=1000)


def test_permission_denied_message_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(**kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", denied)
    with pytest.raises(StorageError, match="No permission to write"):
        atomic_write(tmp_path / "x.txt", "x")
