"""The one way Factdeck writes a file: atomically, so a crash or a full disk loses nothing.

The data goes to a temporary file in the target's folder, is flushed and
fsynced, and only then renamed over the target. The old file survives whole
until the rename; a short write raises instead of reporting success.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


class WriteError(OSError):
    """A file could not be written; the message says which and why, for the user."""


def write_atomic(path: str | Path, data: bytes | str, encoding: str = "utf-8") -> None:
    """Replace `path` with `data`, or leave it untouched and raise WriteError."""
    target = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    folder = target.parent
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise WriteError(f"Cannot write in {folder}: {error.strerror or error}. Choose a folder you can write to.") from error
    try:
        with os.fdopen(handle, "wb") as stream:
            written = stream.write(payload)
            if written != len(payload):
                raise OSError(f"only {written} of {len(payload)} bytes were written")
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            os.chmod(temp_name, target.stat().st_mode & 0o777)
        else:
            os.chmod(temp_name, 0o644)
        os.replace(temp_name, target)
    except OSError as error:
        _remove_quietly(temp_name)
        reason = error.strerror or str(error)
        raise WriteError(f"Could not save {target}: {reason}. The previous file, if any, is unchanged.") from error
    except BaseException:
        _remove_quietly(temp_name)
        raise
    _sync_folder(folder)


def _remove_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX only; Windows has no folder handles)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
