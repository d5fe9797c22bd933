"""Every file Pressklar writes goes through ``atomic_write``: a temporary file in the same
folder, flushed and fsynced, then renamed over the target. A crash or a full disk leaves
either the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from editor.errors import StorageError, megabytes, os_reason


def _write_error(error: OSError, path: Path) -> StorageError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageError("storage.disk_full", file=str(path))
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StorageError("storage.no_write_permission", folder=str(path.parent))
    if error.errno == errno.ENOENT:
        return StorageError("storage.folder_missing", folder=str(path.parent))
    if error.errno == errno.EISDIR:
        return StorageError("storage.is_folder", path=str(path))
    return StorageError("storage.not_saved", file=str(path), reason=os_reason(error))


def atomic_write(
    path: str | os.PathLike[str], data: bytes | str, *, make_dirs: bool = False
) -> None:
    """Write ``data`` to ``path`` atomically; StorageError with a readable message on failure."""
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if make_dirs:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise _write_error(error, target) from None
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(temporary, target.stat().st_mode & 0o777)
        else:
            with contextlib.suppress(OSError):
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
        temporary = None
        _fsync_folder(target.parent)
    except OSError as error:
        raise _write_error(error, target) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def read_text(path: str | os.PathLike[str], limit: int | None = None) -> str:
    """Read a UTF-8 file, StorageError with a readable message on failure or if too large."""
    target = Path(path)
    try:
        if limit is not None and target.stat().st_size > limit:
            size = megabytes(target.stat().st_size)
            raise StorageError("storage.too_large", file=target.name, size=size)
        return target.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise StorageError("storage.not_text", file=target.name) from None
    except IsADirectoryError:
        raise StorageError("storage.is_folder", path=str(target)) from None
    except FileNotFoundError:
        raise StorageError("storage.not_found", path=str(target)) from None
    except PermissionError:
        raise StorageError("storage.no_read_permission", path=str(target)) from None
    except OSError as error:
        reason = os_reason(error)
        raise StorageError("storage.unreadable", path=str(target), reason=reason) from None
