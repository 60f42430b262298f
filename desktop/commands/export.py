"""`export handout|csv|package`: take a lesson, or a choice of facts, out of the app.

    factdeck export handout --lesson ID --out FILE.pdf [--style apa|mla|chicago] [--page a4|letter]
    factdeck export csv     --out FILE.csv [CHOICE]
    factdeck export package --out DIR      [CHOICE]

CHOICE (for every format; with none, every event and every series):
  --lesson ID            the facts of a lesson's steps (a series or value step brings its whole series)
  --series ID[,ID]       only these series (all their values)
  --facts ID[,ID]        only these events
  --category CAT         only events of this category (may be repeated)
  --filter-text TEXT     only events whose text contains TEXT, as the timeline's filter box does
When --series or --facts is given, only what they name is exported; --category
and --filter-text narrow the events further. A handout without --lesson has a
section per series (with its chart), then one per event.

The CSV is one table for a spreadsheet: a row per value (kind "value"), then
a row per event (kind "event"), each with its sources; UTF-8 with a BOM, and
text a spreadsheet would run as a formula is prefixed with '. The package is
a Data Package folder holding exactly that subset, valid for `validate`.

Nothing is overwritten without --force; files are written atomically.
Exit codes: 0 written; 1 the dataset has problems, the output exists (without
--force) or cannot be written; 2 misuse (an unknown lesson, series, fact or
category, or --lesson with another choice).
"""
from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path

from .common import folder_misuse, load_or_report

FORMATS = ("handout", "csv", "package")
LANGUAGES = ("en", "es")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare `export`'s formats and their options."""
    from .. import paths

    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--dataset", metavar="PATH", type=Path, default=paths.default_dataset_dir(),
                        help="the dataset folder (default: the bundled dataset)")
    common.add_argument("--force", action="store_true", help="replace the output if it exists")
    common.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the dataset's text (default: en)")
    pick = common.add_argument_group("choice of facts")
    pick.add_argument("--lesson", metavar="ID", help="the facts of one lesson (a lesson_id of lessons.csv)")
    pick.add_argument("--series", metavar="ID[,ID]", help="only these series, comma-separated")
    pick.add_argument("--facts", metavar="ID[,ID]", help="only these events, comma-separated")
    pick.add_argument("--category", metavar="CAT", action="append", help="only events of this category (repeatable)")
    pick.add_argument("--filter-text", metavar="TEXT", default="", help="only events whose text contains TEXT")
    formats = parser.add_subparsers(dest="format", metavar="FORMAT", required=True)
    handout = formats.add_parser("handout", parents=[common], help="a handout PDF: title page, steps, bibliography")
    handout.add_argument("--out", metavar="FILE.pdf", type=Path, required=True, help="the PDF to write")
    handout.add_argument("--style", choices=("apa", "mla", "chicago"), default="apa",
                         help="the bibliography's style (default: apa)")
    handout.add_argument("--page", choices=("a4", "letter"), default="a4", help="paper size (default: a4)")
    csv_parser = formats.add_parser("csv", parents=[common], help="values and events with their sources, for a spreadsheet")
    csv_parser.add_argument("--out", metavar="FILE.csv", type=Path, required=True, help="the CSV file to write")
    package = formats.add_parser("package", parents=[common], help="a Data Package folder holding the chosen subset")
    package.add_argument("--out", metavar="DIR", type=Path, required=True, help="the folder to create")


def _error(message: str) -> None:
    print(f"factdeck export: {message}", file=sys.stderr)


def _ids(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _close(word: str, known) -> str:
    close = difflib.get_close_matches(word, list(known), n=3, cutoff=0.6)
    return f"; did you mean {', '.join(close)}?" if close else ""


def run(args: argparse.Namespace) -> int:
    """Write the asked export; return the exit code."""
    folder = Path(args.dataset)
    misuse = folder_misuse(folder)
    if misuse:
        _error(misuse)
        return 2
    if args.lesson and (args.series or args.facts or args.category or args.filter_text):
        _error("--lesson chooses the facts itself; leave out --series, --facts, --category and --filter-text")
        return 2
    if args.format == "handout" and args.out.suffix.lower() != ".pdf":
        _error(f"--out {args.out}: a handout is a PDF; give a name ending in .pdf")
        return 2

    dataset = load_or_report(folder, _error)
    if dataset is None:
        return 1
    choice = _choose(dataset, args)
    if isinstance(choice, int):
        return choice
    from ..dataset.export_data import ExportError

    try:
        message = _write(dataset, choice, args)
    except ExportError as error:
        _error(str(error))
        return 1
    print(message, file=sys.stderr)
    return 0


def _choose(dataset, args):
    """The Subset asked for, or the exit code 2 after saying what is wrong."""
    from ..dataset.export_data import subset_of_filters, subset_of_ids, subset_of_lesson, unknown_ids
    from ..dataset.filters import Filters

    data_lang = "" if args.lang == "en" else args.lang
    if args.lesson:
        try:
            return subset_of_lesson(dataset, args.lesson, data_lang)
        except KeyError:
            known = [lid for lid, _ in dataset.lesson_list()]
            _error(f"no lesson {args.lesson!r} in {dataset.root}{_close(args.lesson, known)} "
                   f"(lessons: {', '.join(known) or 'none'})")
            return 2
    series, facts = _ids(args.series), _ids(args.facts)
    unknown = unknown_ids(dataset, facts, series)
    if unknown:
        known = list(dataset.events.index) + list(dataset.series.index)
        _error(f"no event or series {', '.join(map(repr, unknown))} in {dataset.root}{_close(unknown[0], known)}")
        return 2
    categories = args.category or []
    strange = [c for c in categories if c not in dataset.categories]
    if strange:
        _error(f"no category {strange[0]!r}; the categories are: {', '.join(dataset.categories)}")
        return 2
    filters = Filters(categories=frozenset(categories) if categories else None, text=args.filter_text or "")
    if series or facts:
        chosen = subset_of_ids(dataset, facts, series)
        passing = set(subset_of_filters(dataset, filters, []).events)
        return subset_of_ids(dataset, [e for e in chosen.events if e in passing], series)
    return subset_of_filters(dataset, filters, list(dataset.series.index), title="All facts" if not filters.active else "Chosen facts")


def _write(dataset, subset, args) -> str:
    from ..dataset.export_data import write_csv, write_package

    data_lang = "" if args.lang == "en" else args.lang
    if args.format == "csv":
        write_csv(dataset, subset, args.out, data_lang, force=args.force)
        return f"factdeck export: wrote {args.out} ({len(subset.values)} values, {len(subset.events)} events)"
    if args.format == "package":
        write_package(dataset, subset, args.out, force=args.force)
        return f"factdeck export: wrote the Data Package {args.out} ({len(subset.events)} events, {len(subset.series)} series)"
    return _write_handout(dataset, subset, args)


def _write_handout(dataset, subset, args) -> str:
    # No window is ever shown: draw offscreen, so the export works without a display (servers, CI).
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    from ..app import create_application
    from ..export.handout import lesson_sections, shown_sections, write_handout
    from ..ui import i18n
    from ..ui.citation_export import sources_behind, sources_of_lesson

    app = create_application()
    i18n.install_translator(app, args.lang)  # the handout's headings and dates in that language too
    data_lang = i18n.data_language()
    if args.lesson:
        sections = lesson_sections(dataset, args.lesson, data_lang)
        sources = sources_of_lesson(dataset, args.lesson)
        chart_series = None
    else:
        sections = shown_sections(dataset, subset, data_lang)
        sources = sources_behind(dataset, subset.events, subset.series, subset.values)
        chart_series = list(subset.series) if args.series else None
    pages = write_handout(dataset, sections, sources, args.out, title=subset.title, style=args.style, page=args.page,
                          lang=args.lang, force=args.force, chart_series=chart_series)
    return f"factdeck export: wrote {args.out} ({pages} pages)"
