"""What the commands share: checking and loading the --dataset folder, with the CLI's messages."""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path


def folder_misuse(folder: Path, option: str = "--dataset") -> str | None:
    """Why `folder` cannot be a dataset folder (a misuse, exit 2), or None when it is a folder."""
    if folder.is_dir():
        return None
    what = "no such folder" if not folder.exists() else "not a folder"
    return f"{option} {folder}: {what}; give the folder that holds datapackage.json"


def load_or_report(folder: Path, say: Callable[[str], None]):
    """The loaded dataset, or None after reporting every problem to stderr (the caller exits 1)."""
    from ..dataset.loader import DatasetError, load_dataset

    try:
        return load_dataset(folder)
    except DatasetError as error:
        say(f"{folder} has {len(error.problems)} problem(s):")
        for problem in error.problems:
            print(problem, file=sys.stderr)
    except OSError as error:
        say(f"could not read {folder}: {error}")
    return None
