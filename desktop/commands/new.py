"""`new DIR`: make a new dataset from the template, one example row per table, ready to edit.

    factdeck new DIR

The folder is created (it may exist if it is empty); the dataset in it passes
`factdeck validate DIR`. Exit codes: 0 made; 1 a file could not be written;
2 misuse (DIR exists and is not empty, or is a file).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare `new`'s argument on its subparser."""
    parser.add_argument("folder", metavar="DIR", type=Path, help="the folder for the new dataset (new or empty)")


def run(args: argparse.Namespace) -> int:
    """Write the template dataset; return the exit code."""
    from ..dataset.authoring.template import TemplateError, write_template
    from ..fileio import WriteError

    folder = Path(args.folder)
    try:
        write_template(folder)
    except TemplateError as error:
        print(f"factdeck new: {error}", file=sys.stderr)
        return 2
    except (WriteError, OSError) as error:
        print(f"factdeck new: could not write the dataset: {error}", file=sys.stderr)
        return 1
    print(f"factdeck new: made a dataset in {folder}; open its CSV files in a spreadsheet, "
          f"then check them with: factdeck validate {folder}", file=sys.stderr)
    return 0
