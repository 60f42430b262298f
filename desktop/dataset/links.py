"""The rules that join tables: references, targets, periods, support, lessons.

A table that could not be read whole (`CsvTable.complete` is False) is not
used to judge references into it: its missing rows would make good
references look broken.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .csvfile import CsvTable
from .dates import OPEN_END, DateError, PartialDate
from .periods import PERIOD_TYPES, PeriodError, date_days, period_span, period_spans
from .rules import member, report, shown


def is_in(cells: np.ndarray, ids: np.ndarray, index: pd.Index | None) -> np.ndarray:
    """member(cells, ids), through the ids' own hashed index when they are unique (built once)."""
    if index is None:
        return member(cells, ids)
    return index.get_indexer(cells) >= 0


def usable(table: CsvTable | None) -> bool:
    return table is not None and table.frame is not None and table.complete


def readable(table: CsvTable | None) -> bool:
    return table is not None and table.frame is not None


def check_events(events: CsvTable) -> None:
    """`end` only for periods, required for them, and not before `start`."""
    frame = events.frame
    kind = frame["kind"].to_numpy(dtype=object)
    start = frame["start"].to_numpy(dtype=object)
    end = frame["end"].to_numpy(dtype=object) if "end" in frame.columns else np.full(len(frame), "", dtype=object)
    period = kind == "period"
    has_end = end != ""
    report(events, np.flatnonzero(has_end & ~period & (kind != "")), "end",
           lambda r: f'an event of kind "{kind[r]}" has no end; empty this cell, or make the kind "period"',
           "end-not-period")
    report(events, np.flatnonzero(period & ~has_end), "end",
           'a period needs an end: a date, or ".." if it is still going', "end-required")
    rows = np.flatnonzero(period & has_end & (end != OPEN_END) & (start != ""))
    if "start" in events.dates and "end" in events.dates:
        # The cell checks parsed each distinct date once: compare days, not texts.
        first, _ = date_days(events.dates["start"])
        _, last = date_days(events.dates["end"])
        first, last = first[events.factorized("start")[0][rows]], last[events.factorized("end")[0][rows]]
        for row in rows[~np.isnat(first) & ~np.isnat(last) & (last < first)]:
            events.problem(int(events.lines[row]), "end", (
                f"the end {shown(end[row])} is before the start {shown(start[row])}"), "end-before-start")
        return
    for row in rows:
        try:
            first, last = PartialDate.parse(start[row]), PartialDate.parse(end[row])
        except DateError:
            continue  # already reported as a date
        if last.last_day() < first.first_day():
            events.problem(int(events.lines[row]), "end", (
                f"the end {shown(end[row])} is before the start {shown(start[row])}"), "end-before-start")


def observation_spans(observations: CsvTable, series: CsvTable) -> dict[str, np.ndarray] | None:
    """Check each observation's series and period; return x0, x1 and helper codes, or None if not judgeable."""
    if not usable(series):
        return None
    obs = observations.frame
    ser = series.frame
    known = ser.drop_duplicates("series_id")
    types = dict(zip(known["series_id"], known["period_type"]))
    sid = obs["series_id"]
    series_codes, series_uniques = observations.factorized("series_id")
    unknown = np.array([s not in types and s != "" for s in series_uniques], dtype=bool)
    cells = sid.to_numpy(dtype=object)
    missing_rows = np.flatnonzero(unknown[series_codes]) if unknown.any() else np.zeros(0, int)
    report(observations, missing_rows, "series_id",
           lambda r: f"{shown(cells[r])} is not a series_id in series.csv", "ref-series")
    period_codes, period_uniques = observations.factorized("period")
    type_of_series = np.array([types.get(s, "") for s in series_uniques], dtype=object)
    type_codes = np.array([PERIOD_TYPES.index(t) if t in PERIOD_TYPES else -1 for t in type_of_series], dtype=np.int64)
    obs_types = type_codes[series_codes] if len(series_codes) else np.zeros(0, np.int64)
    n_periods = max(len(period_uniques), 1)
    combo = (obs_types.astype(np.int64) + 1) * n_periods + period_codes  # type -1 (unknown) too
    inverse, uniques = _dense_factorize(combo, (len(PERIOD_TYPES) + 1) * n_periods)
    uniques = uniques - n_periods  # back to type * n_periods + period, as below expects
    x0 = np.full(len(uniques), np.nan)
    x1 = np.full(len(uniques), np.nan)
    errors: dict[int, str] = {}
    unique_types, unique_periods = np.divmod(np.asarray(uniques, dtype=np.int64), n_periods)
    settled = np.zeros(len(uniques), dtype=bool)
    for type_code, type_name in enumerate(PERIOD_TYPES):  # vectorised; the loop below explains the rest
        chosen = np.flatnonzero(unique_types == type_code)
        if len(chosen):
            fast_x0, fast_x1, ok = period_spans(type_name, np.asarray(period_uniques, dtype=object)[unique_periods[chosen]])
            x0[chosen[ok]], x1[chosen[ok]] = fast_x0[ok], fast_x1[ok]
            settled[chosen[ok]] = True
    for i in np.flatnonzero(~settled):
        key = uniques[i]
        type_code, period_code = divmod(int(key), n_periods)
        period = period_uniques[period_code]
        if type_code < 0 or period == "":
            continue
        if "\n" in period or not period.isascii():  # see rules._check_dates: periods.py has the same gaps
            errors[i] = f"{shown(period)} is not a period; write it with digits 0-9 and '-' only"
            continue
        try:
            x0[i], x1[i] = period_span(PERIOD_TYPES[type_code], period)
        except PeriodError as error:
            errors[i] = str(error)
    if errors:
        bad = np.flatnonzero(np.isin(inverse, list(errors)))
        report(observations, bad, "period", lambda r: errors[int(inverse[r])], "period-format")
    key = series_codes.astype(np.int64) * n_periods + period_codes
    dup = _repeated(key, len(series_uniques) * n_periods) & (period_codes >= 0)
    if dup.any():
        first: dict[int, int] = {}
        periods = obs["period"].to_numpy(dtype=object)
        for row in np.flatnonzero(dup):
            k = int(key[row])
            if k in first:
                observations.problem(int(observations.lines[row]), "period", (
                    f"{shown(cells[row])} already has a value for {shown(periods[row])} on line {first[k]}; "
                    "(series_id, period) must be unique"), "observation-unique")
            else:
                first[k] = int(observations.lines[row])
    return {"x0": x0[inverse], "x1": x1[inverse], "series_codes": series_codes,
            "series_uniques": np.asarray(series_uniques, dtype=object)}


def _dense_factorize(keys: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """pd.factorize of small non-negative ints (< size), by table lookup instead of hashing.

    The distinct keys come sorted, not in order of appearance; callers only look them up.
    """
    if size > 8 * len(keys) + 1024:
        inverse, uniques = pd.factorize(keys)
        return inverse, np.asarray(uniques, dtype=np.int64)
    present = np.zeros(size, dtype=bool)
    present[keys] = True
    uniques = np.flatnonzero(present)
    lookup = np.zeros(size, dtype=np.int64)
    lookup[uniques] = np.arange(len(uniques))
    return lookup[keys], uniques


def _repeated(keys: np.ndarray, size: int) -> np.ndarray:
    """Which of these non-negative ints (< size) occur more than once: duplicated(keep=False)."""
    if size > 8 * len(keys) + 1024:
        return pd.Series(keys).duplicated(keep=False).to_numpy()
    counts = np.bincount(keys, minlength=size)
    if counts.max(initial=0) <= 1:
        return np.zeros(len(keys), dtype=bool)
    return counts[keys] > 1


class Targets:
    """Which ids exist, to resolve targets; knows what it cannot judge."""

    def __init__(self, events: CsvTable | None, series: CsvTable | None, observations: CsvTable | None):
        self.events_ok, self.series_ok, self.obs_ok = usable(events), usable(series), usable(observations)
        nothing = np.zeros(0, dtype=object)
        self.event_ids = events.frame["event_id"].to_numpy(dtype=object) if readable(events) else nothing
        self.event_index = events.id_index("event_id") if readable(events) else None
        self.series_ids = set(series.frame["series_id"].to_numpy(dtype=object)) if readable(series) else set()
        self.observations = observations if readable(observations) else None
        self.event_rows: np.ndarray | None = None  # of the last targets resolved: row in events.csv or -1

    def kinds(self, targets: pd.Series) -> tuple[np.ndarray, np.ndarray]:
        """("event"/"series"/"observation"/"" per target, and which unresolved ones are judgeable)."""
        values = targets.to_numpy(dtype=object)
        kinds = np.full(len(values), "", dtype=object)
        if self.event_index is not None:
            self.event_rows = self.event_index.get_indexer(values)
            is_event = self.event_rows >= 0
        else:
            self.event_rows = None
            is_event = member(values, self.event_ids)
        kinds[is_event] = "event"
        not_event = np.flatnonzero(~is_event)  # few: most targets name an event
        is_series = np.zeros(len(values), dtype=bool)
        is_series[not_event] = member(values[not_event], list(self.series_ids))
        kinds[is_series] = "series"
        rest = np.flatnonzero(~is_event & ~is_series)
        at = rest[np.array(["@" in values[i] for i in rest.tolist()], dtype=bool)] if len(rest) else rest
        if len(at) and self.observations is not None:
            parts = targets.iloc[at].str.partition("@")
            found = self._observed(parts[0].to_numpy(dtype=object), parts[2].to_numpy(dtype=object))
            kinds[at[found]] = "observation"
        at_mask = np.zeros(len(values), dtype=bool)
        at_mask[at] = True
        judgeable = np.where(at_mask, self.series_ok and self.obs_ok, self.events_ok and self.series_ok)
        return kinds, judgeable

    def _observed(self, series_ids: np.ndarray, periods: np.ndarray) -> np.ndarray:
        """Which (series_id, period) pairs name a row of observations.csv, by the codes of its columns."""
        series_codes, series_uniques = self.observations.factorized("series_id")
        period_codes, period_uniques = self.observations.factorized("period")
        width = max(len(period_uniques), 1)
        present = np.zeros(len(series_uniques) * width, dtype=bool)
        present[series_codes.astype(np.int64) * width + period_codes] = True
        series_code = pd.Index(series_uniques, dtype=object).get_indexer(series_ids)
        period_code = pd.Index(period_uniques, dtype=object).get_indexer(periods)
        known = (series_code >= 0) & (period_code >= 0)
        found = np.zeros(len(series_ids), dtype=bool)
        found[known] = present[series_code[known].astype(np.int64) * width + period_code[known]]
        return found

    def message(self, target: str) -> str:
        if "@" in target:
            sid, _, period = target.partition("@")
            if sid in self.series_ids:
                return f'series "{sid}" has no value for period {shown(period)} in observations.csv'
            return f'{shown(target)}: "{sid}" is not a series_id in series.csv'
        return (f"{shown(target)} is not an event_id, a series_id, or series_id@period "
                "naming a value in observations.csv")


def check_targets(table: CsvTable, targets: Targets) -> np.ndarray:
    """Report targets that name nothing; return each row's target kind."""
    column = table.frame["target"]
    kinds, judgeable = targets.kinds(column)
    values = column.to_numpy(dtype=object)
    bad = (kinds == "") & judgeable & (values != "")
    report(table, np.flatnonzero(bad), "target", lambda r: targets.message(values[r]), "target")
    return kinds


def check_citations(citations: CsvTable, sources: CsvTable | None, targets: Targets) -> np.ndarray:
    frame = citations.frame
    if usable(sources):
        cells = frame["source_id"].to_numpy(dtype=object)
        codes, uniques = citations.factorized("source_id")  # a few hundred sources cited many times
        bad = (~member(uniques, sources.frame["source_id"].to_numpy(dtype=object)) & (uniques != ""))[codes]
        report(citations, np.flatnonzero(bad), "source_id",
               lambda r: f"{shown(cells[r])} is not a source_id in sources.csv", "ref-source")
    quote = frame["quote"] if "quote" in frame.columns else pd.Series([""] * len(frame), dtype=str)
    locator = frame["locator"] if "locator" in frame.columns else pd.Series([""] * len(frame), dtype=str)
    neither = (quote.to_numpy(dtype=object) == "") & (locator.to_numpy(dtype=object) == "")
    report(citations, np.flatnonzero(neither), "quote",
           "a citation needs a quote (the source's words) or a locator (like \"p. 3\"); both are empty",
           "quote-or-locator")
    return check_targets(citations, targets)


def check_clash(events: CsvTable, series: CsvTable) -> None:
    """No id is both an event_id and a series_id; reported on the series row."""
    ids = series.frame["series_id"]
    cells = ids.to_numpy(dtype=object)
    event_ids = events.frame["event_id"].to_numpy(dtype=object)
    clash = is_in(cells, event_ids, events.id_index("event_id")) & (cells != "")
    if not clash.any():
        return
    event_lines = {e: int(line) for e, line in zip(event_ids, events.lines) if e in set(cells[clash])}
    report(series, np.flatnonzero(clash), "series_id",
           lambda r: (f"{shown(cells[r])} is also an event_id (events.csv line {event_lines[cells[r]]}); "
                      "an id may name an event or a series, not both"), "id-event-series")


def check_support(citations: CsvTable, kinds: np.ndarray, events: CsvTable | None,
                  observations: CsvTable | None, series: CsvTable | None,
                  spans: dict[str, np.ndarray] | None = None, event_rows: np.ndarray | None = None) -> None:
    """Every event and every observation has a `supports` citation, itself or through its series.

    `event_rows` (each citation's target's row in events.csv, or -1), when the caller has it,
    spares looking the targets up again.
    """
    frame = citations.frame
    supports = frame["stance"].to_numpy(dtype=object) == "supports"
    targets = frame["target"].to_numpy(dtype=object)
    supporting = targets[supports]

    def backed() -> np.ndarray:  # every supported target, distinct (by hashing: np.unique sorts them)
        return np.asarray(pd.unique(supporting), dtype=object)

    if usable(events):
        ids = events.frame["event_id"]
        cells = ids.to_numpy(dtype=object)
        index = events.id_index("event_id")
        if index is not None:  # look the supported targets up among the events, not the reverse
            found = event_rows[supports] if event_rows is not None else index.get_indexer(supporting)
            supported = np.zeros(len(cells), dtype=bool)
            supported[found[found >= 0]] = True
        else:
            supported = member(cells, backed())
        bad = ~supported & (cells != "")
        report(events, np.flatnonzero(bad), "event_id",
               lambda r: (f"event {shown(cells[r])} has no citation with stance \"supports\"; "
                          "add one in citations.csv"), "supported")
    if usable(observations) and usable(series):
        obs = observations.frame
        sids = obs["series_id"].to_numpy(dtype=object)
        if spans is not None:  # judge each distinct series once, then spread by its codes
            uniques = spans["series_uniques"]
            series_ids = set(series.frame["series_id"].to_numpy(dtype=object))
            backed_set = set(supporting[member(supporting, uniques)])  # the supported ones among these series
            open_series = np.array([s in series_ids and s not in backed_set for s in uniques] + [False])
            pending = np.flatnonzero(open_series[spans["series_codes"]])
        else:
            known = member(sids, series.frame["series_id"].to_numpy(dtype=object))  # unknown ones are reported
            pending = np.flatnonzero(known & ~member(sids, backed()))
        if len(pending):
            sub = obs.iloc[pending]
            keys = (sub["series_id"] + "@" + sub["period"]).to_numpy(dtype=object)
            missing = ~member(keys, backed())
            rows = pending[missing]
            sids = obs["series_id"].to_numpy(dtype=object)
            periods = obs["period"].to_numpy(dtype=object)
            report(observations, rows, "value",
                   lambda r: (f"the value of {shown(sids[r])} for {shown(periods[r])} has no citation with stance "
                              f"\"supports\"; cite it (target {sids[r]}@{periods[r]}) or its series "
                              f"(target {sids[r]})"), "supported")


def check_lessons(lessons: CsvTable, targets: Targets) -> None:
    frame = lessons.frame
    check_targets(lessons, targets)
    ids = frame["lesson_id"].to_numpy(dtype=object)
    steps_text = frame["step"].to_numpy(dtype=object)
    titles = frame["lesson_title"].to_numpy(dtype=object)
    seen: dict[tuple[str, str], int] = {}
    steps: dict[str, list[tuple[int, int]]] = {}
    title_of: dict[str, tuple[str, int]] = {}
    for row in range(len(frame)):  # lessons are a few dozen rows: plain Python is clearest
        lid, step, line = ids[row], steps_text[row], int(lessons.lines[row])
        if lid == "":
            continue
        if (lid, step) in seen and step != "":
            lessons.problem(line, "step", (f'lesson "{lid}" already has a step {step} on line {seen[(lid, step)]}; '
                                           "each step appears once"), "lesson-step-unique")
        else:
            seen[(lid, step)] = line
        if step.isascii() and step.isdigit() and not step.startswith("0"):
            steps.setdefault(lid, []).append((int(step), line))
        if lid in title_of and titles[row] != title_of[lid][0]:
            lessons.problem(line, "lesson_title", (
                f'lesson "{lid}" is titled {shown(title_of[lid][0])} on line {title_of[lid][1]}; '
                "every step of a lesson has the same lesson_title"), "lesson-title")
        title_of.setdefault(lid, (titles[row], line))
    for lid, found in steps.items():
        numbers = {n for n, _ in found}
        gaps = [n for n in range(1, max(numbers) + 1) if n not in numbers]
        if gaps:
            line = min(line for _, line in found)
            lessons.problem(line, "step", (f'lesson "{lid}" has no step {", ".join(map(str, gaps[:10]))}; '
                                           f"steps run 1, 2, 3 … with no gap"), "lesson-step-gap")
