"""Folder → validated, immutable `Dataset`, or every problem found.

`check_dataset` lists the problems (empty when the folder keeps the whole
contract of shared/DATASET.md); `load_dataset` builds the `Dataset` or
raises `DatasetError` with that list, and nothing else. Only local files are
read; nothing is fetched or decompressed.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import links
from .contract import DESCRIPTOR_FILE, TABLES, TABLES_BY_NAME
from .csvfile import CsvTable, read_table
from .dataset import OBSERVATION, SERIES, Dataset
from .dates import OPEN_END, PartialDate
from .periods import date_spans
from .descriptor import read_descriptor
from .problems import DatasetError, Problem, sort_problems
from .rules import check_table

__all__ = ["DatasetError", "Problem", "check_dataset", "load_dataset"]

Progress = Callable[[float, str], None]

# Rough share of the work per table, for the progress bar: observations dominate.
_WEIGHTS = {"sources": 0.03, "events": 0.12, "series": 0.01, "observations": 0.55, "citations": 0.08, "lessons": 0.01}


@dataclass
class _Checked:
    root: Path
    descriptor: dict | None = None
    tables: dict[str, CsvTable | None] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    spans: dict[str, np.ndarray] | None = None
    citation_kinds: np.ndarray | None = None


def check_dataset(folder: str | Path) -> list[Problem]:
    """Every problem of the dataset in `folder`, sorted by file then line; [] when it is valid."""
    try:
        return _check(Path(folder), None).problems
    except (MemoryError, RecursionError, OSError) as error:
        return [_internal(error)]


def load_dataset(folder: str | Path, progress: Progress | None = None) -> Dataset:
    """Read and validate the dataset in `folder`; raise DatasetError listing every problem.

    `progress(fraction, message)` is called as the work goes, if given.
    """
    try:
        checked = _check(Path(folder), progress)
        if checked.problems:
            raise DatasetError(checked.problems)
        if progress:
            progress(0.92, "Building the dataset")
        dataset = _build(checked)
    except DatasetError:
        raise
    except (MemoryError, RecursionError, OSError) as error:
        raise DatasetError([_internal(error)]) from None
    if progress:
        progress(1.0, "Dataset ready")
    return dataset


def _internal(error: BaseException) -> Problem:
    return Problem("-", None, None, f"the dataset could not be read: {type(error).__name__}: {error}", "file-unreadable")


# ---- checking --------------------------------------------------------------
def _check(root: Path, progress: Progress | None) -> _Checked:
    checked = _Checked(root)
    if not root.is_dir():
        checked.problems.append(Problem("-", None, None, f"{root} is not a folder", "file-missing"))
        return checked
    done = 0.0

    def step(fraction: float, message: str) -> None:
        if progress:
            progress(min(fraction, 0.9), message)

    present = {t.name for t in TABLES if (root / t.file).exists()}
    descriptor_path = root / DESCRIPTOR_FILE
    if descriptor_path.exists():
        checked.descriptor, problems = read_descriptor(descriptor_path, present)
        checked.problems += problems
    else:
        checked.problems.append(Problem(DESCRIPTOR_FILE, None, None, (
            "datapackage.json is missing; every dataset folder needs one naming the dataset and its tables"),
            "file-missing"))
    for spec in TABLES:
        step(done, f"Reading {spec.file}")
        if spec.name not in present:
            checked.tables[spec.name] = None
            if spec.required:
                checked.problems.append(Problem(spec.file, None, None, (
                    f"{spec.file} is missing; every dataset needs it"), "file-missing"))
            continue
        required = tuple(c.name for c in spec.columns if c.required)
        table = read_table(root / spec.file, required)
        if table.frame is not None:
            step(done + _WEIGHTS[spec.name] * 0.6, f"Checking {spec.file}")
            check_table(table, spec)
        checked.tables[spec.name] = table
        done += _WEIGHTS[spec.name]
    step(done, "Checking references")
    _check_links(checked)
    for table in checked.tables.values():
        if table is not None:
            checked.problems += table.problems
    checked.problems = sort_problems(checked.problems)
    return checked


def _check_links(checked: _Checked) -> None:
    t = checked.tables
    events, series, obs, cites, lessons = (t.get(n) for n in ("events", "series", "observations", "citations", "lessons"))
    if links.readable(events):
        links.check_events(events)
    if links.readable(events) and links.readable(series):
        links.check_clash(events, series)
    if links.readable(obs):
        checked.spans = links.observation_spans(obs, series)
    targets = links.Targets(events, series, obs)
    if links.readable(cites):
        checked.citation_kinds = links.check_citations(cites, t.get("sources"), targets)
        if links.usable(cites):
            links.check_support(cites, checked.citation_kinds, events, obs, series, checked.spans,
                                targets.event_rows)
    if links.readable(lessons):
        links.check_lessons(lessons, targets)


# ---- building --------------------------------------------------------------
# The checked tables are the loader's own and are dropped once the Dataset is built, so the
# builders add columns to their frames in place instead of copying a million rows first.
def _with_columns(table: CsvTable, name: str) -> pd.DataFrame:
    """The table's frame with every contract column present (absent optional ones as empty text)."""
    frame = table.frame
    for column in TABLES_BY_NAME[name].columns:
        if column.name not in frame.columns:
            frame[column.name] = pd.Series([""] * len(frame), index=frame.index, dtype=str)
    return frame


def _dates(table: CsvTable, column: str) -> pd.Series:
    """PartialDate (or None for an empty cell or '..') per cell, parsing each distinct text once."""
    return _spans(table, column)[0]


def _build(checked: _Checked) -> Dataset:
    t = checked.tables
    sources = _with_columns(t["sources"], "sources")
    sources["published_date"] = _dates(t["sources"], "published")
    sources["accessed_date"] = _dates(t["sources"], "accessed")
    return Dataset(
        root=checked.root,
        descriptor=checked.descriptor or {},
        sources=sources.set_index("source_id"),
        events=_build_events(t["events"]),
        series=_with_columns(t["series"], "series").set_index("series_id"),
        observations=_build_observations(checked),
        citations=_build_citations(checked),
        lessons=_build_lessons(t.get("lessons")),
    )


def _spans(table: CsvTable, column: str) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """PartialDates per cell, and their first and after-last instants (NaN where no date), per distinct text.

    The cell checks have parsed each distinct date already (`CsvTable.dates`); a column they
    did not parse (absent, or all empty) is parsed here.
    """
    codes, uniques = table.factorized(column)
    parsed = table.dates.get(column)
    if parsed is None:
        parsed = np.full(len(uniques), None, dtype=object)
        for i, value in enumerate(uniques):
            if value not in ("", OPEN_END):
                parsed[i] = PartialDate.parse(value)
    lo, hi = date_spans(parsed)
    index = table.frame.index
    return pd.Series(parsed[codes], index=index, dtype=object), lo[codes], hi[codes]


def _build_events(table: CsvTable) -> pd.DataFrame:
    events = _with_columns(table, "events")
    start, x0, own_end = _spans(table, "start")
    end, _, x1 = _spans(table, "end")
    open_ended = events["end"].to_numpy(dtype=object) == OPEN_END
    x1 = np.where(np.isnan(x1), own_end, x1)
    x1[open_ended] = np.nan
    events["start_date"], events["end_date"] = start, end
    events["open_ended"], events["x0"], events["x1"] = open_ended, x0, x1
    order = np.argsort(x0, kind="stable")
    return events.iloc[order].set_index("event_id")


def _build_observations(checked: _Checked) -> pd.DataFrame:
    table = checked.tables["observations"]
    obs = _with_columns(table, "observations")
    spans = checked.spans
    numbers = table.numbers.get("value")
    obs["value"] = numbers if numbers is not None else obs["value"].to_numpy(dtype=object).astype(np.float64)
    codes, uniques = table.factorized("qualifier")
    empty = np.flatnonzero(uniques == "")
    if len(empty):  # the default, written into the empty cells found by their code
        obs["qualifier"] = obs["qualifier"].mask(codes == empty[0], "exact")
    x0, x1 = spans["x0"], spans["x1"]
    obs["x0"], obs["x1"], obs["x"] = x0, x1, (x0 + x1) / 2.0
    series_order = {sid: i for i, sid in enumerate(checked.tables["series"].frame["series_id"])}
    ranks = np.array([series_order[s] for s in spans["series_uniques"]], dtype=np.int64)
    codes = spans["series_codes"]
    if len(codes) > 1 and not _in_order(codes, ranks, x0):
        # Files are usually written in order already; sort only when they are not.
        order = np.lexsort((x0, ranks[codes]))
        obs = obs.iloc[order]
    return obs.reset_index(drop=True)


def _in_order(codes: np.ndarray, ranks: np.ndarray, x0: np.ndarray) -> bool:
    """Whether rows come by series (in series.csv order, `ranks` per code) and by time within one.

    Judged run by run: where the series changes, its rank must grow; within a run, x0 must
    not fall (a NaN fails). No million-row array of ranks is built for it.
    """
    ends = np.flatnonzero(codes[1:] != codes[:-1])  # the last row of each run but the final one
    if not (np.diff(ranks[codes[np.concatenate(([0], ends + 1))]]) > 0).all():
        return False
    later = np.diff(x0)
    later[ends] = 0.0  # across runs the rank decides
    return bool((later >= 0).all())


def _build_citations(checked: _Checked) -> pd.DataFrame:
    cites = _with_columns(checked.tables["citations"], "citations")
    kinds = checked.citation_kinds
    targets = cites["target"].to_numpy(dtype=object)
    series_id = np.where(kinds == SERIES, targets, "").astype(object)
    period = np.full(len(targets), "", dtype=object)
    for row in np.flatnonzero(kinds == OBSERVATION):  # few: most citations name an event or a series
        series_id[row], _, period[row] = targets[row].partition("@")
    cites["target_kind"] = pd.array(kinds.astype(object), dtype="str")
    cites["series_id"] = pd.array(series_id, dtype="str")
    cites["period"] = pd.array(period, dtype="str")
    return cites.set_index("citation_id")


def _build_lessons(table: CsvTable | None) -> pd.DataFrame:
    columns = [c.name for c in TABLES_BY_NAME["lessons"].columns]
    if table is None:
        frame = pd.DataFrame({c: pd.Series([], dtype=str) for c in columns})
        frame["step"] = frame["step"].astype(np.int64)
        return frame
    lessons = _with_columns(table, "lessons")
    lessons["step"] = lessons["step"].astype(np.int64)
    first = {lid: i for i, lid in reversed(list(enumerate(lessons["lesson_id"])))}
    lessons["_lesson"] = lessons["lesson_id"].map(first)
    lessons = lessons.sort_values(["_lesson", "step"], kind="stable").drop(columns="_lesson")
    return lessons.reset_index(drop=True)
