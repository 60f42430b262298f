"""The command line: open the app, or run one of the subcommands.

    factdeck [--dataset PATH] [--select TARGET] [--screenshot OUT.png [--size WxH]] [--smoke-test]
             [--present [--lesson ID [--step N]]]
    factdeck validate PATH [PATH ...]
    factdeck cite TARGET | --all [--dataset PATH] [--style …]
    factdeck export handout|csv|package --out PATH [--lesson ID | --series … --facts … --category … --filter-text …] [--force]
    factdeck new DIR

Exit codes for every command: 0 success; 1 the data or a file operation
failed (the message says what and where); 2 the command was misused.
Messages go to stderr, results to stdout.
"""
from __future__ import annotations

import argparse
import importlib
import re
import sys
from pathlib import Path

# Subcommand name → module in desktop.commands offering add_arguments() and run().
COMMANDS = {
    "validate": "validate",
    "cite": "cite",
    "export": "export",
    "new": "new",
}

_SIZE = re.compile(r"^(\d{2,5})x(\d{2,5})$")


def _size(text: str) -> tuple[int, int]:
    match = _SIZE.match(text)
    if not match:
        raise argparse.ArgumentTypeError(f'"{text}" is not a size; write WIDTHxHEIGHT, e.g. 1920x1080')
    width, height = int(match.group(1)), int(match.group(2))
    if not (200 <= width <= 10000 and 200 <= height <= 10000):
        raise argparse.ArgumentTypeError(f'"{text}": width and height must be between 200 and 10000 pixels')
    return width, height


def _png_path(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() != ".png":
        raise argparse.ArgumentTypeError(f'"{text}" must end in .png')
    return path


def _step(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f'"{text}" is not a step number; steps count from 1')
    return int(text)


def app_parser() -> argparse.ArgumentParser:
    """The options for opening the app (no subcommand)."""
    parser = argparse.ArgumentParser(
        prog="factdeck",
        description="Factdeck: an offline fact browser for teaching with sources.",
        epilog="Commands: " + ", ".join(COMMANDS) + " (factdeck COMMAND --help for each).",
    )
    parser.add_argument("--dataset", metavar="PATH", type=Path, help="open this dataset folder instead of the bundled one")
    parser.add_argument("--select", metavar="TARGET", help="focus a fact first: an event id, a series id or series_id@period")
    parser.add_argument("--screenshot", metavar="OUT.png", type=_png_path, help="render the window offscreen to a PNG and exit")
    parser.add_argument("--size", metavar="WxH", type=_size, help="window size for --screenshot, e.g. 1920x1080")
    parser.add_argument("--smoke-test", action="store_true", help="build the window, paint one frame and exit 0, or non-zero on failure")
    parser.add_argument("--present", action="store_true",
                        help="start in classroom mode: full screen, large type, where you left off (or --lesson)")
    parser.add_argument("--lesson", metavar="ID", help="with --present: the lesson to present (a lesson_id of lessons.csv)")
    parser.add_argument("--step", metavar="N", type=_step, help="with --lesson: the step to open at (1 is the first)")
    parser.add_argument("--lang", metavar="LANG", help="interface language: en, es, or a locale such as es-MX")
    parser.add_argument("--version", action="version", version=_version())
    return parser


def _version() -> str:
    from . import __version__

    return f"Factdeck {__version__}"


def main(argv: list[str] | None = None) -> int:
    """Run Factdeck with these arguments and return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        module = importlib.import_module(f"desktop.commands.{COMMANDS[args[0]]}")
        parser = argparse.ArgumentParser(prog=f"factdeck {args[0]}", description=(module.__doc__ or "").strip())
        module.add_arguments(parser)
        options = parser.parse_args(args[1:])
        return int(module.run(options))
    options = app_parser().parse_args(args)
    if options.size and not options.screenshot:
        app_parser().error("--size goes with --screenshot")
    if options.lesson is not None and not options.present:
        app_parser().error("--lesson goes with --present")
    if options.step is not None and options.lesson is None:
        app_parser().error("--step goes with --lesson")
    if options.dataset is not None:
        from .commands.common import folder_misuse

        misuse = folder_misuse(options.dataset)
        if misuse:
            print(f"factdeck: {misuse}", file=sys.stderr)
            return 2
    from .app import run
    from .startup_failure import run_guarded

    return run_guarded(run, options, headless=bool(options.screenshot or options.smoke_test))
