"""Saving a draft: never over a read-only dataset, never over a file changed since it was read, never invalid.

Every file goes through `fileio.write_atomic`, so a crash or a killed process
leaves each file whole, old or new. Before a save replaces files, the
version on disk is copied to `.factdeck-backups/<time>/` inside the dataset
folder (a complete dataset that `validate` accepts); the ten newest are kept.
Backups live beside the data rather than in the user's profile because a
teacher's dataset often travels on a USB stick between school and home, and
its history should travel with it. The validator reads only the files that
datapackage.json lists, so the hidden folder never disturbs it.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ... import paths
from ...fileio import WriteError, write_atomic
from ..contract import DESCRIPTOR_FILE
from ..problems import Problem

BACKUP_DIR = ".factdeck-backups"
KEEP_BACKUPS = 10
_EXTRA_MAX_BYTES = 20 * 1024 * 1024  # README and licence files copied by Save As; never anything large


class SaveError(Exception):
    """A save that did not happen; the message says why, for the teacher."""


class NeedsSaveAs(SaveError):
    """The dataset's folder is read-only (the bundled dataset): save a copy elsewhere."""


class ChangedOnDisk(SaveError):
    """Files changed on disk since they were read; saving would lose those changes."""

    def __init__(self, files: list[str]):
        self.files = files
        super().__init__(f"{', '.join(files)} changed on disk since the dataset was opened; "
                         "save a copy in another folder (Save As) so neither version is lost")


class InvalidDraft(SaveError):
    """The draft breaks the contract (cannot happen through Draft's edits, checked anyway)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class FolderNotEmpty(SaveError):
    """Save As into a folder that already holds files."""


@dataclass(frozen=True)
class Fingerprint:
    """What a file looked like when it was read: size, modification time and content hash."""

    size: int
    mtime_ns: int
    sha256: str


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fingerprint_files(folder: Path, files: dict[str, bytes]) -> dict[str, Fingerprint]:
    """Fingerprints of files just read (or written) with these bytes."""
    out = {}
    for name, data in files.items():
        try:
            stat = (folder / name).stat()
        except OSError:
            continue
        out[name] = Fingerprint(stat.st_size, stat.st_mtime_ns, _hash(data))
    return out


def changed_on_disk(draft, names: list[str]) -> list[str]:
    """Which of these files are no longer as the draft read them (edited, replaced, deleted or created)."""
    changed = []
    for name in names:
        path = draft.folder / name
        known = draft.fingerprints.get(name)
        if known is None:
            if path.exists():
                changed.append(name)  # created by someone else since
            continue
        try:
            stat = path.stat()
        except OSError:
            changed.append(name)
            continue
        if (stat.st_size, stat.st_mtime_ns) == (known.size, known.mtime_ns):
            continue
        try:
            same = stat.st_size == known.size and _hash(path.read_bytes()) == known.sha256
        except OSError:
            same = False
        if not same:
            changed.append(name)
    return changed


def is_read_only(folder: Path) -> bool:
    """True for the bundled datasets and for folders this user cannot write to."""
    try:
        resolved = folder.resolve()
        bundled = paths.data_dir().resolve()
    except OSError:
        return True
    return resolved == bundled or bundled in resolved.parents or not os.access(resolved, os.W_OK)


def save(draft, folder: str | Path | None = None) -> Path:
    """Save the draft in its own folder, or (Save As) as a complete copy in an empty `folder`.

    Returns the folder saved to. Raises NeedsSaveAs, ChangedOnDisk, FolderNotEmpty,
    InvalidDraft, or SaveError (a write failed: the message says which file and why).
    """
    target = Path(folder) if folder is not None else draft.folder
    copy = folder is not None and _resolved(target) != _resolved(draft.folder)
    files = draft.files()
    if copy:
        _check_empty(target)
    elif is_read_only(target):
        raise NeedsSaveAs(f"{target} is read-only (the bundled dataset cannot change); "
                          "save your own copy in a folder you choose")
    else:
        changed = changed_on_disk(draft, list(files))
        if changed:
            raise ChangedOnDisk(changed)
    problems = draft.problems()
    if problems:
        raise InvalidDraft(problems)
    try:
        if copy:
            target.mkdir(parents=True, exist_ok=True)
            for name, data in _extras(draft.folder, files).items():
                write_atomic(target / name, data)
            writing = list(files)
        else:
            writing = [name for name, data in files.items() if draft.originals.get(name) != data]
            if writing:
                backup(target, {n: d for n, d in draft.originals.items()})
        # The tables first, the descriptor last: it may list a table that must exist by then.
        for name in sorted(writing, key=lambda n: n == DESCRIPTOR_FILE):
            write_atomic(target / name, files[name])
    except (WriteError, OSError) as error:
        raise SaveError(str(error)) from error
    draft.folder = target
    draft.mark_saved(files)
    draft.fingerprints = fingerprint_files(target, files)
    return target


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _check_empty(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise FolderNotEmpty(f"{folder} is a file; choose a folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise FolderNotEmpty(f"{folder} is not empty; choose an empty folder (or make a new one) for the copy")


def _extras(source: Path, files: dict[str, bytes]) -> dict[str, bytes]:
    """The dataset folder's other plain files (README, licence) to copy with it; never hidden ones."""
    out = {}
    try:
        entries = list(source.iterdir())
    except OSError:
        return out
    for entry in entries:
        if entry.name.startswith(".") or entry.name in files or not entry.is_file():
            continue
        try:
            if entry.stat().st_size <= _EXTRA_MAX_BYTES:
                out[entry.name] = entry.read_bytes()
        except OSError:
            continue
    return out


def backup(folder: Path, files: dict[str, bytes]) -> Path:
    """Copy these files into a new backup folder; keep only the newest KEEP_BACKUPS."""
    root = folder / BACKUP_DIR
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    existing = backups(folder)
    count = int(existing[-1].name.rsplit("-", 1)[-1]) + 1 if existing else 1
    place = root / f"{stamp}-{count:06d}"
    place.mkdir(parents=True, exist_ok=False)
    for name, data in files.items():
        write_atomic(place / name, data)
    for old in backups(folder)[:-KEEP_BACKUPS]:
        shutil.rmtree(old, ignore_errors=True)
    return place


def backups(folder: Path) -> list[Path]:
    """The dataset's backup folders, oldest first."""
    root = folder / BACKUP_DIR
    if not root.is_dir():
        return []
    found = [p for p in root.iterdir() if p.is_dir() and p.name.rsplit("-", 1)[-1].isdigit()]
    return sorted(found, key=lambda p: int(p.name.rsplit("-", 1)[-1]))
