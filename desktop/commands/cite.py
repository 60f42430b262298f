"""`cite TARGET | --all`: print the citations of one fact, or the whole bibliography.

    factdeck cite TARGET [--dataset PATH] [--style apa|mla|chicago|bibtex|ris|csl-json] [--lang en|es]
    factdeck cite --all  [--dataset PATH] [--style …] [--lang …]

For one fact, each citation is printed as its formatted reference followed by
indented lines for the claim type, the stance, the quote and the locator (for
the data formats, the references alone). Exit codes: 0 printed; 1 the dataset
has problems (listed on stderr, one per line) or could not be read; 2 misuse
(an unknown TARGET, both TARGET and --all, or neither).
"""
from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from ..dataset.citations import STYLES
from .common import folder_misuse, load_or_report

LANGUAGES = ("en", "es")
_PROSE_STYLES = ("apa", "mla", "chicago")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare `cite`'s arguments on its subparser."""
    from .. import paths

    parser.add_argument("target", nargs="?", metavar="TARGET",
                        help="a fact: an event id, a series id or series_id@period")
    parser.add_argument("--all", action="store_true", help="print the bibliography of every source instead")
    parser.add_argument("--dataset", metavar="PATH", type=Path, default=paths.default_dataset_dir(),
                        help="the dataset folder (default: the bundled dataset)")
    parser.add_argument("--style", choices=STYLES, default="apa", help="citation style or data format (default: apa)")
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the style's words (default: en)")


def _error(message: str) -> None:
    print(f"factdeck cite: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Print the asked citations to stdout; return the exit code."""
    if args.all and args.target:
        _error("give either a TARGET or --all, not both")
        return 2
    if not args.all and not args.target:
        _error("give a TARGET (an event id, a series id or series_id@period) or --all")
        return 2
    folder = Path(args.dataset)
    misuse = folder_misuse(folder)
    if misuse:
        _error(misuse)
        return 2
    dataset = load_or_report(folder, _error)
    if dataset is None:
        return 1

    if args.all:
        print(bibliography_text(dataset, args.style, args.lang))
        return 0
    if dataset.kind_of(args.target) is None:
        _error(f"no fact with the id {args.target!r} in {folder}{_suggestion(dataset, args.target)}")
        return 2
    print(fact_citations_text(dataset, args.target, args.style, args.lang))
    return 0


def _suggestion(dataset, target: str) -> str:
    """ "; did you mean …?" naming the closest ids, or nothing."""
    known = list(dataset.events.index) + list(dataset.series.index)
    known += [f"{s}@{p}" for s, p in zip(dataset.observations["series_id"], dataset.observations["period"])]
    close = difflib.get_close_matches(target, known, n=3, cutoff=0.6)
    return f"; did you mean {', '.join(close)}?" if close else ""


def bibliography_text(dataset, style: str, lang: str = "en") -> str:
    """Every source of the dataset in one style (the order is the style's)."""
    from ..dataset.citations import format_bibliography

    return format_bibliography(dataset, list(dataset.sources.index), style, lang)


def fact_citations_text(dataset, target: str, style: str, lang: str = "en") -> str:
    """The citations behind one fact as plain text.

    Prose styles: a heading naming the fact, then for each citation (supports
    first, then context, then disputes) its reference and indented details.
    Data formats: the references alone, so the output can be saved as a file.
    """
    from ..dataset.citations import format_citation, sources_for_targets

    if style not in _PROSE_STYLES:
        return format_citation(dataset, sources_for_targets(dataset, [target]), style, lang)
    fact = dataset.fact(target, lang)
    heading = f"{fact.title} ({fact.date_label})" if fact.date_label else fact.title
    blocks = [heading, "=" * min(len(heading), 78)]
    rows = dataset.citations_for(target)
    if rows.empty:
        blocks.append("No citations.")
    for citation_id, row in rows.iterrows():
        reference = format_citation(dataset, [row["source_id"]], style, lang)
        lines = [f"[{citation_id}] {reference}", f"    Claim: {row['claim_type']}", f"    Stance: {row['stance']}"]
        if row.get("target") != target:
            lines.append(f"    Cited for: {row['target']}")
        if row.get("quote"):
            lines.append(f"    Quote: “{_one_line(row['quote'])}”")
        if row.get("locator"):
            lines.append(f"    Where: {_one_line(row['locator'])}")
        note = dataset.text(row, "note", lang)
        if note:
            lines.append(f"    Note: {_one_line(note)}")
        blocks.append("\n".join(lines))
    return "\n".join(blocks[:2]) + "\n\n" + "\n\n".join(blocks[2:])


def _one_line(text: str) -> str:
    return " ".join(str(text).split())
