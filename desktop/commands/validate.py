"""`validate PATH [PATH ...]`: check datasets against the contract and report every problem."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a dataset folder (several may be given)")


def run(args: argparse.Namespace) -> int:
    folders = [Path(p) for p in args.paths]
    for folder in folders:
        if not folder.exists():
            print(f"factdeck validate: no such path: {folder}", file=sys.stderr)
            return 2
        if not folder.is_dir():
            print(f"factdeck validate: {folder} is not a folder; give the folder that holds datapackage.json", file=sys.stderr)
            return 2
    from ..dataset.loader import check_dataset

    failed = False
    for folder in folders:
        problems = check_dataset(folder)
        if len(folders) > 1:
            verdict = f"{len(problems)} problem(s)" if problems else "valid"
            print(f"{folder}: {verdict}")
        for problem in problems:
            print(problem)
        failed = failed or bool(problems)
    return 1 if failed else 0
