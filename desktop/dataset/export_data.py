"""Taking data out of the app: which facts to export, a spreadsheet CSV, and a Data Package subset.

Pure Python (no Qt: the `desktop.dataset` rule); the Qt-based handout lives
in `desktop.export`.

- `Subset` names the facts an export covers: from a lesson
  (`subset_of_lesson`), from the filters and the shown series
  (`subset_of_filters`), or from ids (`subset_of_ids`).
- `csv_text` writes ONE spreadsheet table with a `kind` column: first a
  `value` row for every value of the shown series, then an `event` row for
  every shown event, each with its sources. One file, because a save dialog
  asks about one file: a sibling file written beside it could replace one
  the user was never asked about. It is UTF-8 with a byte-order mark (so
  Excel reads accents), CRLF line ends, and every text cell that a
  spreadsheet would run as a formula (starting with = + - @ TAB or CR) is
  prefixed with ' ; numbers are written exactly (2803.6, 31335) and never
  prefixed.
- `write_package` copies exactly the rows the subset needs (its events,
  series and values, every citation of them, the sources those cite, and
  the lessons whose every step is kept) from the dataset's own files,
  keeping translations and extra columns as written, beside a
  `datapackage.json` with a derived name and title. It is written into a
  temporary sibling folder, checked with the app's validator, and only then
  renamed into place, so a failure or a cancel leaves nothing half-written.

Progress callbacks are `progress(fraction, message) -> bool`: return False
to cancel (the export then raises `ExportCancelled` and writes nothing).
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..fileio import WriteError, write_atomic
from .contract import DESCRIPTOR_FILE, ID_MAX, TABLES
from .dataset import OBSERVATION, SERIES, Dataset
from .dates import PartialDate, label_range
from .filters import Filters
from .periods import period_label

Progress = Callable[[float, str], bool]

# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = (
    "kind", "id", "title", "date", "start", "end", "value", "unit", "qualifier",
    "category", "summary", "place", "claim_types", "disputed", "sources", "source_ids", "urls",
)


class ExportError(Exception):
    """An export could not be made; the message says what happened and what to do."""


class ExportCancelled(Exception):
    """The user cancelled an export; nothing was written."""


def report(progress: Progress | None, fraction: float, message: str) -> None:
    """Tell `progress` how far the export is; raise ExportCancelled when it answers False."""
    if progress is not None and progress(max(0.0, min(1.0, fraction)), message) is False:
        raise ExportCancelled(message)


# ---- which facts ---------------------------------------------------------------
@dataclass(frozen=True)
class Subset:
    """The facts an export covers, in the order they are shown.

    `values` are the `series_id@period` targets of the kept observations;
    `name` is a slug for file and package names, `title` says in words what
    the subset is ("Lesson: Three waves", "What is shown").
    """

    name: str
    title: str
    events: tuple[str, ...]
    series: tuple[str, ...]
    values: tuple[str, ...]

    @property
    def targets(self) -> frozenset[str]:
        return frozenset(self.events) | frozenset(self.series) | frozenset(self.values)


def _values_of(dataset: Dataset, series: Iterable[str], date_range: tuple[float, float] | None = None) -> tuple[str, ...]:
    obs = dataset.observations
    rows = obs[obs["series_id"].isin(set(series))]
    if date_range is not None:
        lo, hi = date_range
        rows = rows[(rows["x1"] >= lo) & (rows["x0"] <= hi)]
    order = {sid: i for i, sid in enumerate(series)}
    keyed = sorted(zip(rows["series_id"], rows["period"], rows["x0"]), key=lambda r: (order[r[0]], r[2]))
    return tuple(f"{sid}@{period}" for sid, period, _ in keyed)


def subset_of_lesson(dataset: Dataset, lesson_id: str, lang: str = "") -> Subset:
    """The facts of a lesson's steps; a series or value step brings its whole series. KeyError if unknown."""
    steps = dataset.lesson_steps(lesson_id)
    if steps.empty:
        raise KeyError(lesson_id)
    events: list[str] = []
    series: list[str] = []
    for target in steps["target"]:
        kind = dataset.kind_of(target)
        if kind in (SERIES, OBSERVATION):
            series.append(target.partition("@")[0])
        elif kind is not None:
            events.append(target)
    series = list(dict.fromkeys(series))
    title = dataset.text(steps.iloc[0], "lesson_title", lang)
    return Subset(lesson_id, title, tuple(dict.fromkeys(events)), tuple(series), _values_of(dataset, series))


def subset_of_filters(dataset: Dataset, filters: Filters, series: Iterable[str], title: str = "What is shown") -> Subset:
    """The events that pass `filters` (the one filter, `Dataset.event_mask`) and the shown series.

    A date range also narrows the series' values to those it touches.
    """
    events = tuple(dataset.events.index[dataset.event_mask(filters)])
    series = tuple(dict.fromkeys(series))
    return Subset("shown", title, events, series, _values_of(dataset, series, filters.date_range))


def subset_of_ids(dataset: Dataset, events: Iterable[str], series: Iterable[str], title: str = "Chosen facts") -> Subset:
    """Exactly these events (kept in time order) and series (with all their values)."""
    wanted = set(events)
    ordered = tuple(e for e in dataset.events.index if e in wanted)
    series = tuple(dict.fromkeys(series))
    return Subset("chosen", title, ordered, series, _values_of(dataset, series))


def unknown_ids(dataset: Dataset, events: Iterable[str] = (), series: Iterable[str] = ()) -> list[str]:
    """The ids in `events` that are no event and in `series` that are no series."""
    return ([e for e in events if e not in dataset.events.index] +
            [s for s in series if s not in dataset.series.index])


# ---- the spreadsheet CSV --------------------------------------------------------------
def number_text(value: float) -> str:
    """A number written so it reads back exactly: 31335, 2803.6, 1e-07 (never rounded as %g would)."""
    number = float(value)
    if number.is_integer() and abs(number) < 2 ** 53:
        return str(int(number))
    return repr(number)


def safe_cell(text: str) -> str:
    """A text cell a spreadsheet will show and never run: a formula-like start gets a leading '."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _citations_by_target(dataset: Dataset, targets: set[str]) -> dict[str, list[tuple[str, str, str]]]:
    """target → [(source_id, claim_type, stance)] in citations.csv order, for these targets only."""
    cites = dataset.citations
    rows = cites[cites["target"].isin(targets)]
    found: dict[str, list[tuple[str, str, str]]] = {}
    for target, source_id, claim, stance in zip(rows["target"], rows["source_id"], rows["claim_type"], rows["stance"]):
        found.setdefault(target, []).append((source_id, claim, stance))
    return found


def _source_names(dataset: Dataset) -> dict[str, tuple[str, str]]:
    """source_id → ("Title (Publisher, date)", url)."""
    names = {}
    for source_id, row in dataset.sources.iterrows():
        published = row["published_date"]
        parts = [p for p in (row["publisher"] if row["publisher"] != "Unknown" else "",
                             published.label() if isinstance(published, PartialDate) else "") if p]
        names[source_id] = (f"{row['title']} ({', '.join(parts)})" if parts else row["title"], row["url"])
    return names


def _source_cells(cited: list[tuple[str, str, str]], names: dict[str, tuple[str, str]]) -> list[str]:
    order = {"supports": 0, "context": 1, "disputes": 2}
    cited = sorted(cited, key=lambda c: order.get(c[2], 3))
    ids = list(dict.fromkeys(c[0] for c in cited))
    claims = list(dict.fromkeys(c[1] for c in cited if c[2] == "supports"))
    disputed = "yes" if any(c[2] == "disputes" for c in cited) else ""
    urls = [names[s][1] for s in ids if names[s][1]]
    return ["; ".join(claims), disputed, "; ".join(names[s][0] for s in ids), "; ".join(ids), " ".join(urls)]


def csv_rows(dataset: Dataset, subset: Subset, lang: str = "", progress: Progress | None = None) -> list[list[object]]:
    """The rows of the spreadsheet CSV (header first); numbers as float, text as str."""
    names = _source_names(dataset)
    series_ids = set(subset.series)
    cites = _citations_by_target(dataset, set(subset.values) | series_ids | set(subset.events))
    rows: list[list[object]] = [list(CSV_COLUMNS)]
    total = max(1, len(subset.values) + len(subset.events))
    for i, target in enumerate(subset.values):
        if i % 500 == 0:
            report(progress, 0.8 * i / total, "Writing values")
        obs = dataset.observation(target)
        sid = obs["series_id"]
        srow = dataset.series.loc[sid]
        cited = cites.get(target, []) + cites.get(sid, [])
        rows.append(["value", target, dataset.text(srow, "title", lang), period_label(srow["period_type"], obs["period"]),
                     obs["period"], "", float(obs["value"]), dataset.text(srow, "unit", lang), obs["qualifier"],
                     "", obs["note"], "", *_source_cells(cited, names)])
    done = len(subset.values)
    for i, event_id in enumerate(subset.events):
        if i % 500 == 0:
            report(progress, 0.8 * (done + i) / total, "Writing events")
        row = dataset.events.loc[event_id]
        rows.append(["event", event_id, dataset.text(row, "title", lang),
                     label_range(row["start_date"], row["end_date"], bool(row["open_ended"])),
                     row["start"], row["end"], None, "", "", dataset.text(row, "category", lang),
                     dataset.text(row, "summary", lang), dataset.text(row, "place", lang),
                     *_source_cells(cites.get(event_id, []), names)])
    return rows


def csv_text(dataset: Dataset, subset: Subset, lang: str = "", progress: Progress | None = None) -> str:
    """The spreadsheet CSV as text, starting with a byte-order mark (see the module docstring)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in csv_rows(dataset, subset, lang, progress):
        writer.writerow(["" if cell is None else number_text(cell) if isinstance(cell, float) else safe_cell(str(cell))
                         for cell in row])
    return "\ufeff" + buffer.getvalue()


def write_csv(dataset: Dataset, subset: Subset, path: str | Path, lang: str = "", force: bool = False,
              progress: Progress | None = None) -> None:
    """Write the spreadsheet CSV to `path` atomically; refuse an existing file unless `force`."""
    target = Path(path)
    if target.exists() and not force:
        raise ExportError(f"{target} already exists; choose another name, or replace it (--force).")
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name ending in .csv.")
    text = csv_text(dataset, subset, lang, progress)
    report(progress, 0.9, "Saving")
    try:
        write_atomic(target, text)
    except WriteError as error:
        raise ExportError(str(error)) from error
    report(progress, 1.0, "Done")


# ---- the Data Package subset ------------------------------------------------------------
def _read_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open("r", encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    return (rows[0], rows[1:]) if rows else ([], [])


def _table_text(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def package_tables(dataset: Dataset, subset: Subset) -> dict[str, tuple[list[str], list[list[str]]]]:
    """table name → (header, rows): the dataset's own rows that the subset needs, exactly as written.

    Every kept event and value keeps every citation it had (so each keeps its
    `supports` citation), every cited source is kept, and a lesson is kept
    only when all of its steps' targets are.
    """
    root = dataset.root
    targets = subset.targets
    values = {tuple(v.partition("@")[::2]) for v in subset.values}
    series = set(subset.series) | {sid for sid, _ in values}
    read = {t.name: _read_rows(root / t.file) for t in TABLES if (root / t.file).exists()}

    def keep(name: str, test) -> tuple[list[str], list[list[str]]]:
        header, rows = read[name]
        index = {column: i for i, column in enumerate(header)}
        return header, [r for r in rows if test(r, index)]

    tables = {
        "events": keep("events", lambda r, i: r[i["event_id"]] in targets),
        "series": keep("series", lambda r, i: r[i["series_id"]] in series),
        "observations": keep("observations", lambda r, i: (r[i["series_id"]], r[i["period"]]) in values),
    }
    cites = keep("citations", lambda r, i: r[i["target"]] in targets)
    tables["citations"] = cites
    cited = {r[cites[0].index("source_id")] for r in cites[1]}
    tables["sources"] = keep("sources", lambda r, i: r[i["source_id"]] in cited)
    if "lessons" in read:
        header, rows = read["lessons"]
        lid, tgt = header.index("lesson_id"), header.index("target")
        dropped = {r[lid] for r in rows if r[tgt] not in targets}
        kept = [r for r in rows if r[lid] not in dropped]
        if kept:
            tables["lessons"] = (header, kept)
    order = [t.name for t in TABLES]
    return {name: tables[name] for name in order if name in tables}


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return (slug[:ID_MAX].rstrip("-") or "subset")


def package_descriptor(dataset: Dataset, subset: Subset, tables: Iterable[str], now: datetime | None = None) -> dict:
    """The dataset's datapackage.json (its schemas, licences, contributors) renamed for the subset."""
    path = dataset.root / DESCRIPTOR_FILE
    try:
        original = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        original = dict(dataset.descriptor)
    tables = list(tables)
    descriptor = dict(original)
    descriptor["name"] = _slug(f"{dataset.name}-{subset.name}")
    descriptor["title"] = f"{dataset.title} — {subset.title}"
    about = (f"A subset of “{dataset.title}” exported from Factdeck ({subset.title}): "
             f"{len(subset.events)} events, {len(subset.series)} series, {len(subset.values)} values, "
             "with their citations and sources.")
    descriptor["description"] = about + (f" {original['description']}" if original.get("description") else "")
    descriptor["created"] = (now or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    resources = [r for r in original.get("resources", []) if isinstance(r, dict) and r.get("name") in tables]
    known = {r["name"] for r in resources}
    resources += [{"name": name, "path": f"{name}.csv"} for name in tables if name not in known]
    descriptor["resources"] = sorted(resources, key=lambda r: tables.index(r["name"]))
    return descriptor


def write_package(dataset: Dataset, subset: Subset, folder: str | Path, force: bool = False,
                  progress: Progress | None = None) -> list[str]:
    """Write the subset as a Data Package folder; return the file names written.

    Refuses a file, or a folder that is not empty unless `force`. The result
    must pass `loader.check_dataset` with no problem, or nothing is left.
    """
    from .loader import check_dataset

    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise ExportError(f"{target} is a file; give a name for a new folder.")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise ExportError(f"{target} already exists and is not empty; choose a new folder, or replace it (--force).")
    parent = target.parent
    if not parent.is_dir():
        raise ExportError(f"The folder {parent} does not exist; create it first or choose another place.")
    report(progress, 0.0, "Choosing rows")
    tables = package_tables(dataset, subset)
    try:
        temp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    except OSError as error:
        raise ExportError(f"Cannot write in {parent}: {error.strerror or error}. Choose a folder you can write to.") from error
    try:
        written = []
        for i, (name, (header, rows)) in enumerate(tables.items()):
            report(progress, 0.1 + 0.6 * i / len(tables), f"Writing {name}.csv")
            write_atomic(temp / f"{name}.csv", _table_text(header, rows))
            written.append(f"{name}.csv")
        descriptor = package_descriptor(dataset, subset, tables)
        write_atomic(temp / DESCRIPTOR_FILE, json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n")
        written.append(DESCRIPTOR_FILE)
        report(progress, 0.8, "Checking the package")
        problems = check_dataset(temp)
        if problems:
            listed = "\n".join(str(p) for p in problems[:10])
            raise ExportError(f"The exported package would not be valid ({len(problems)} problem(s)); nothing was saved.\n{listed}")
        report(progress, 0.95, "Saving")
        os.chmod(temp, 0o755)  # mkdtemp makes it private; the package is an ordinary folder
        _move_into_place(temp, target)
    except WriteError as error:
        shutil.rmtree(temp, ignore_errors=True)
        raise ExportError(str(error)) from error
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    report(progress, 1.0, "Done")
    return written


def _move_into_place(temp: Path, target: Path) -> None:
    """Rename the finished folder to `target`; an old folder is moved aside first and removed after."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
        os.replace(target, old / target.name)
    try:
        os.replace(temp, target)
    except OSError as error:
        if old is not None:
            os.replace(old / target.name, target)  # put the old folder back as it was
            shutil.rmtree(old, ignore_errors=True)
        raise ExportError(f"Could not save {target}: {error.strerror or error}. Nothing was changed.") from error
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
