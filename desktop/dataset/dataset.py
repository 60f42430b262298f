"""The loaded dataset: typed, read-only tables and the questions the panes ask of them.

A `Dataset` is built only by `loader.load_dataset`, after every rule of the
contract has passed, so the queries here can trust the data. It never changes
after it is built; an edited dataset is a new `Dataset`.

Frames (all text columns are `str`, an empty cell is ""):

- `sources`: index `source_id`; plus `published_date`, `accessed_date`
  (PartialDate or None).
- `events`: index `event_id`, sorted by time; plus `start_date`, `end_date`
  (PartialDate or None), `open_ended` (bool), `x0` and `x1` (float decimal
  years: the first instant the item may cover and the instant after its last
  day; `x1` is NaN for a period still going).
- `series`: index `series_id`, in file order.
- `observations`: `series_id`, `period`, `value` (float), `qualifier` ("exact"
  when empty), `note`, `x0`, `x1`, `x` (the middle of the period), sorted by
  series then time.
- `citations`: index `citation_id`; plus `target_kind` ("event", "series" or
  "observation") and `series_id` / `period` split out of the target.
- `lessons`: `lesson_id`, `lesson_title`, `step` (int), `target`, `title`,
  `notes`, sorted by lesson (first appearance) then step.

Columns `NAME@LANG` (translations) are kept as they are; `text()` picks them.
"""
from __future__ import annotations

import bisect
import itertools
import operator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from .contract import CLAIM_TYPES, STANCE_ORDER
from .dates import label_range
from .filters import Filters
from .periods import period_label

EVENT, SERIES, OBSERVATION = "event", "series", "observation"


@dataclass(frozen=True)
class Fact:
    """One focusable fact as the panes describe it."""

    target: str
    kind: str
    title: str
    date_label: str
    summary: str = ""
    category: str = ""
    unit: str = ""
    value: float | None = None
    qualifier: str = ""
    x0: float = float("nan")
    x1: float = float("nan")
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Dataset:
    """A validated, immutable dataset and the pure queries over it."""

    root: Path
    descriptor: dict
    sources: pd.DataFrame
    events: pd.DataFrame
    series: pd.DataFrame
    observations: pd.DataFrame
    citations: pd.DataFrame
    lessons: pd.DataFrame

    # ---- identity -------------------------------------------------------
    @property
    def name(self) -> str:
        return str(self.descriptor.get("name", self.root.name))

    @property
    def title(self) -> str:
        return str(self.descriptor.get("title", self.name))

    # ---- targets --------------------------------------------------------
    def kind_of(self, target: str) -> str | None:
        """"event", "series" or "observation" for a target that exists, else None."""
        if target in self.events.index:
            return EVENT
        if target in self.series.index:
            return SERIES
        if "@" in target:
            series_id, _, period = target.partition("@")
            if self._observation_row(series_id, period) is not None:
                return OBSERVATION
        return None

    def _observation_row(self, series_id: str, period: str) -> int | None:
        """The row of observations holding (series_id, period), or None.

        Observations come series by series, each in time order, and a series' periods are
        written with zero-padded digits, so its period texts are sorted too: a binary search
        in the series' own rows finds one, instead of a dict of a million (id, period) keys
        built on the first question.
        """
        rows = self._series_rows
        if rows is None or not self._periods_sorted:
            return self._observation_keys.get((series_id, period))
        start, stop = rows.get(series_id, (0, 0))
        periods = self._observation_columns["period"]
        at = bisect.bisect_left(periods, period, start, stop)
        return at if at < stop and periods[at] == period else None

    @cached_property
    def _observation_keys(self) -> dict[tuple[str, str], int]:
        obs = self.observations
        return {key: i for i, key in enumerate(zip(obs["series_id"], obs["period"]))}

    @cached_property
    def _periods_sorted(self) -> bool:
        # Whether each series' periods are in increasing text order (the loader's order does it).
        periods = self._observation_columns["period"]
        if len(periods) < 2:
            return True
        same_series = self._observation_columns["series_id"][1:] == self._observation_columns["series_id"][:-1]
        return bool(((periods[1:] > periods[:-1]) | ~same_series).all())

    def observation(self, target: str) -> pd.Series:
        """The observation row named by `series_id@period`."""
        series_id, _, period = target.partition("@")
        row = self._observation_row(series_id, period)
        if row is None:
            raise KeyError((series_id, period))
        return self.observations.iloc[row]

    def observations_of(self, series_id: str) -> pd.DataFrame:
        """Every value of one series, in time order."""
        rows = self._series_rows
        if rows is None:
            obs = self.observations
            return obs[obs["series_id"] == series_id]
        start, stop = rows.get(series_id, (0, 0))
        return self.observations.iloc[start:stop]

    @cached_property
    def _series_rows(self) -> dict[str, tuple[int, int]] | None:
        # Observations are sorted by series, so each series is one run of rows: a slice, not a
        # comparison of a million ids on every focus change. None if a series is split up.
        ids = self.observations["series_id"].to_numpy(dtype=object)
        starts = np.flatnonzero(np.concatenate([[True], ids[1:] != ids[:-1]])) if len(ids) else np.zeros(0, int)
        stops = np.append(starts[1:], len(ids))
        runs = {ids[a]: (int(a), int(b)) for a, b in zip(starts, stops)}
        return runs if len(runs) == len(starts) else None

    # Whole columns as numpy arrays, taken once: a fact's cells are then read by position
    # instead of building a pandas row (DataFrame.loc) on every focus change.
    @cached_property
    def _event_columns(self) -> dict[str, np.ndarray]:
        return _columns(self.events)

    @cached_property
    def _series_columns(self) -> dict[str, np.ndarray]:
        return _columns(self.series)

    @cached_property
    def _observation_columns(self) -> dict[str, np.ndarray]:
        return _columns(self.observations)

    def _row(self, frame: pd.DataFrame, columns: dict[str, np.ndarray], key: str):
        """One row of a frame indexed by id, as a mapping of column → cell (a pandas row if ids repeat)."""
        at = frame.index.get_loc(key)
        if not isinstance(at, (int, np.integer)):
            return frame.loc[key]
        return {name: column[at] for name, column in columns.items()}

    @cached_property
    def _series_spans(self) -> dict[str, tuple[str, str, float, float]]:
        return {}

    def _series_span(self, series_id: str) -> tuple[str, str, float, float] | None:
        """A series' first and last period and the span its values cover (None when it has none)."""
        found = self._series_spans.get(series_id)
        if found is None and series_id not in self._series_spans:
            rows = self._series_rows
            obs = self._observation_columns
            if rows is None:
                where = np.flatnonzero(obs["series_id"] == series_id)
                positions = (where[0], where[-1]) if len(where) else None
                x0, x1 = obs["x0"][where], obs["x1"][where]
            else:
                start, stop = rows.get(series_id, (0, 0))
                positions = (start, stop - 1) if stop > start else None
                x0, x1 = obs["x0"][start:stop], obs["x1"][start:stop]
            if positions is not None:
                # fmin/fmax skip NaN as pandas' min/max do, without numpy's all-NaN warning
                found = (obs["period"][positions[0]], obs["period"][positions[1]],
                         float(np.fmin.reduce(x0)), float(np.fmax.reduce(x1)))
            self._series_spans[series_id] = found
        return found

    def fact(self, target: str, lang: str = "") -> Fact:
        """Describe a target for display; raises KeyError for an unknown one."""
        kind = self.kind_of(target)
        if kind == EVENT:
            row = self._row(self.events, self._event_columns, target)
            return Fact(
                target=target, kind=EVENT, title=self.text(row, "title", lang),
                date_label=label_range(row["start_date"], row["end_date"], bool(row["open_ended"])),
                summary=self.text(row, "summary", lang), category=self.text(row, "category", lang),
                x0=float(row["x0"]), x1=float(row["x1"]),
                extra={"event_kind": row["kind"], "place": self.text(row, "place", lang)},
            )
        if kind == SERIES:
            row = self._row(self.series, self._series_columns, target)
            found = self._series_span(target)
            span = ""
            if found is not None:
                first, last = found[0], found[1]
                span = label_range_text(period_label(row["period_type"], first), period_label(row["period_type"], last))
            return Fact(
                target=target, kind=SERIES, title=self.text(row, "title", lang), date_label=span,
                summary=self.text(row, "description", lang), unit=self.text(row, "unit", lang),
                x0=found[2] if found is not None else float("nan"),
                x1=found[3] if found is not None else float("nan"),
            )
        if kind == OBSERVATION:
            series_id, _, period = target.partition("@")
            at = self._observation_row(series_id, period)
            obs = {name: column[at] for name, column in self._observation_columns.items()}
            row = self._row(self.series, self._series_columns, obs["series_id"])
            return Fact(
                target=target, kind=OBSERVATION, title=self.text(row, "title", lang),
                date_label=period_label(row["period_type"], obs["period"]),
                summary=obs["note"], unit=self.text(row, "unit", lang), value=float(obs["value"]),
                qualifier=obs["qualifier"], x0=float(obs["x0"]), x1=float(obs["x1"]),
                extra={"series_id": obs["series_id"], "period": obs["period"]},
            )
        raise KeyError(target)

    # ---- citations ------------------------------------------------------
    def citations_for(self, target: str) -> pd.DataFrame:
        """The citations behind a target, joined with their sources.

        An observation is backed by its own citations and by those of its
        series. Rows come supports first, then context, then disputes.
        """
        return self.ordered_citation_rows(target).join(self.sources, on="source_id", suffixes=("", "_source"))

    def ordered_citation_rows(self, target: str) -> pd.DataFrame:
        """`citation_rows` in the order every view shows them: supports, then context, then disputes."""
        found = self.citation_positions(target)
        return self.citations.take(found[np.argsort(self._stance_rank[found], kind="stable")])

    def citation_rows(self, target: str) -> pd.DataFrame:
        """The citation rows behind a target, in file order, not joined with their sources.

        An observation is backed by its own citations and by those of its series.
        """
        return self.citations.take(self.citation_positions(target))

    def citation_positions(self, target: str) -> np.ndarray:
        """The positions in `citations` of the rows behind a target, in file order.

        An observation is backed by its own citations and by those of its series.
        """
        found = self._positions_of(target)
        if "@" in target and self.kind_of(target) == OBSERVATION:
            series = self._positions_of(target.partition("@")[0])
            if series is not None:
                found = series if found is None else np.sort(np.concatenate([found, series]))
        return found if found is not None else np.zeros(0, dtype=np.intp)

    def _positions_of(self, target: str) -> np.ndarray | None:
        targets, order, bounds = self._citations_by_target
        try:
            code = targets.get_loc(target)
        except KeyError:
            return None
        return order[bounds[code]:bounds[code + 1]]

    @cached_property
    def _stance_rank(self) -> np.ndarray:
        # Each citation's place in the stance order, found once for all of them (a Series.map per
        # focus change cost more than the rest of the query).
        return self.citations["stance"].map(STANCE_ORDER).to_numpy()

    @cached_property
    def _citations_by_target(self) -> tuple[pd.Index, np.ndarray, np.ndarray]:
        # The citations sorted by target (stably, so each target's rows stay in file order) and where
        # each target's run starts: a focus change then reads a few rows instead of comparing every
        # citation's target. One sort (~20 ms at 120,000 citations), not pandas' groupby indices, which
        # made an array per target (~130 ms, paid on the first click after opening).
        codes, targets = pd.factorize(self.citations["target"], sort=False)
        order = np.argsort(codes, kind="stable")
        bounds = np.searchsorted(codes[order], np.arange(len(targets) + 1))
        return pd.Index(targets), order, bounds

    @cached_property
    def _event_citations(self) -> pd.DataFrame:
        cites = self.citations
        return cites[cites["target_kind"] == EVENT]

    @cached_property
    def disputed_targets(self) -> frozenset[str]:
        """Targets with at least one citation whose stance is `disputes`."""
        cites = self.citations
        # Read from the columns' arrays: a boolean .loc over 120,000 rows cost ~20 ms of opening a dataset.
        disputes = cites["stance"].to_numpy() == "disputes"
        return frozenset(cites["target"].to_numpy()[disputes].tolist())

    @cached_property
    def event_support_claims(self) -> pd.DataFrame:
        """A boolean table: event × claim type, true where a supporting citation has it."""
        sup = self._event_citations[self._event_citations["stance"] == "supports"]
        rows = self.events.index.get_indexer(sup["target"])
        cols = pd.Index(CLAIM_TYPES).get_indexer(sup["claim_type"])
        table = np.zeros((len(self.events), len(CLAIM_TYPES)), dtype=bool)
        table[rows, cols] = True  # a vectorised crosstab: pd.crosstab took a second at 100,000 events
        return pd.DataFrame(table, index=self.events.index, columns=list(CLAIM_TYPES))

    def claim_types_of(self, target: str) -> list[str]:
        """The claim types of a target's citations, in the contract's order, without repeats."""
        found = set(self.citations_for(target)["claim_type"])
        return [c for c in CLAIM_TYPES if c in found]

    def source_fact_counts(self) -> pd.Series:
        """How many distinct facts each source is cited for (0 for an unused source)."""
        counts = self.citations.groupby("source_id")["target"].nunique()
        return counts.reindex(self.sources.index, fill_value=0)

    # ---- filtering ------------------------------------------------------
    @cached_property
    def event_haystack(self) -> pd.Series:
        """Lower-case text searched by the filter box: title, summary, quotes, source names.

        Per event: its title, summary, category, place and translations, then for each of its
        citations in file order the quote and the source's title, publisher and author, all
        joined by spaces and case-folded. Built once per dataset by laying every piece out in
        one array, joining it into one text, case-folding that and splitting it per event (a
        per-row build took most of a second at 100,000 events, on the first key typed).
        """
        ev = self.events
        cites = self._event_citations
        # (Arrays, not Series, are looked up: a Series would have its own index hashed on the way.)
        rows = self.sources.index.get_indexer(cites["source_id"].to_numpy(dtype=object))
        names = ("title", "publisher", "author")
        if any(name in cites.columns for name in names):
            # As DataFrame.join(sources, on="source_id") with suffixes ("", "_src") would: a
            # citation's own column of the same name wins.
            columns = [(cites if n in cites.columns else self.sources)[n].to_numpy(dtype=object) for n in names]
            source_text = columns[0][rows] if names[0] not in cites.columns else columns[0]
            for name, column in zip(names[1:], columns[1:]):
                source_text = source_text + " " + (column if name in cites.columns else column[rows])
        else:
            src = self.sources
            per_source = src["title"].to_numpy(dtype=object) + " " + src["publisher"].to_numpy(dtype=object)
            source_text = (per_source + " " + src["author"].to_numpy(dtype=object))[rows]
        own = [ev[n].to_numpy(dtype=object) for n in ["title", "summary", "category", "place"]
               + [c for c in ev.columns if "@" in c]]
        targets = ev.index.get_indexer(cites["target"].to_numpy(dtype=object))
        texts = _event_texts(own, targets, cites["quote"].to_numpy(dtype=object), source_text)
        return pd.Series(texts, index=ev.index, dtype="str")

    def event_mask(self, filters: Filters) -> np.ndarray:
        """Which events pass the filters, aligned with `events`."""
        ev = self.events
        mask = np.ones(len(ev), dtype=bool)
        if filters.categories is not None:
            mask &= ev["category"].isin(filters.categories).to_numpy()
        if filters.claim_types is not None:
            shown = [c for c in CLAIM_TYPES if c in filters.claim_types]
            mask &= self.event_support_claims[shown].any(axis=1).to_numpy()
        if filters.date_range is not None:
            lo, hi = filters.date_range
            x1 = ev["x1"].fillna(np.inf).to_numpy()
            mask &= (x1 >= lo) & (ev["x0"].to_numpy() <= hi)
        if filters.source_id is not None:
            cited = self._event_citations.loc[self._event_citations["source_id"] == filters.source_id, "target"]
            mask &= ev.index.isin(cited)
        needle = filters.text.strip().casefold()
        if needle:
            mask &= self._text_mask(needle)
        return mask

    def _text_mask(self, needle: str) -> np.ndarray:
        """Which events' haystack contains `needle` (read-only; remembered for the last few needles).

        While the user types, each needle contains the one before, so only the events that
        matched it are searched again, and a second pane asking for the same text gets the
        answer already found: one search per key instead of one per pane.
        """
        memo: dict[str, np.ndarray] = self._text_masks
        found = memo.get(needle)
        if found is not None:
            return found
        previous = next((k for k in reversed(memo) if k in needle), None)
        if previous is not None:
            hay = self._haystack_array
            candidates = np.flatnonzero(memo[previous])
            found = np.zeros(len(hay), dtype=bool)
            found[candidates] = [needle in hay[i] for i in candidates.tolist()]
        else:
            hay = self._haystack_array
            found = np.fromiter(map(operator.contains, hay, itertools.repeat(needle, len(hay))),
                                dtype=bool, count=len(hay))  # as str.contains(regex=False), without its overhead
        found.flags.writeable = False
        memo[needle] = found
        while len(memo) > 16:
            del memo[next(iter(memo))]
        return found

    @cached_property
    def _text_masks(self) -> dict[str, np.ndarray]:
        return {}

    @cached_property
    def _haystack_array(self) -> list[str]:
        return self.event_haystack.tolist()  # a list: Python iterates it faster than an object array

    def series_for_source(self, source_id: str) -> set[str]:
        """Series with at least one value backed by the source."""
        return set(self._source_series.get(source_id, ()))

    @cached_property
    def _source_series(self) -> dict[str, frozenset[str]]:
        cites = self.citations[self.citations["series_id"] != ""]
        return {source: frozenset(group) for source, group in cites.groupby("source_id")["series_id"]}

    # ---- lessons --------------------------------------------------------
    def lesson_list(self, lang: str = "") -> list[tuple[str, str]]:
        """(lesson_id, lesson title) for each lesson, in file order."""
        firsts = self.lessons.drop_duplicates("lesson_id")
        return [(r["lesson_id"], self.text(r, "lesson_title", lang)) for _, r in firsts.iterrows()]

    def lesson_steps(self, lesson_id: str) -> pd.DataFrame:
        """The steps of one lesson, in order."""
        return self.lessons[self.lessons["lesson_id"] == lesson_id]

    def step_title(self, step: pd.Series, lang: str = "") -> str:
        """A lesson step's heading: its own title, or its target's."""
        return self.text(step, "title", lang) or self.fact(step["target"], lang).title

    # ---- text -----------------------------------------------------------
    @staticmethod
    def text(row: pd.Series, column: str, lang: str = "") -> str:
        """A text cell in the interface language where the row has it, else the original."""
        if lang:
            translated = row.get(f"{column}@{lang}", "")
            if isinstance(translated, str) and translated:
                return translated
        value = row.get(column, "")
        return value if isinstance(value, str) else ""

    @cached_property
    def categories(self) -> list[str]:
        """Event categories in order of first appearance in time."""
        return list(pd.unique(self.events["category"].to_numpy(dtype=object)))  # hashed, in order of appearance

    @cached_property
    def time_extent(self) -> tuple[float, float]:
        """The span every event and value covers, in decimal years."""
        lows = [self.events["x0"].min(), self.observations["x0"].min()]
        highs = [self.events["x1"].max(), self.events["x0"].max(), self.observations["x1"].max()]
        lo = np.nanmin([v for v in lows if pd.notna(v)] or [2000.0])
        hi = np.nanmax([v for v in highs if pd.notna(v)] or [lo + 1])
        return float(lo), float(max(hi, lo + 1))


# Ends each event's text while all of them are joined into one string and split again; a
# dataset's text never holds it (the validator refuses control characters), and if one did, the
# count of pieces would show it and the texts would be built one by one instead.
_END = "\x00"
_CHUNK = 500


def _event_texts(own: list[np.ndarray], targets: np.ndarray, quotes: np.ndarray, sources: np.ndarray) -> list[str]:
    """Each event's own texts, then each citation's quote and source text, space-joined, case-folded.

    `own` holds one array per event column; citation i (in file order) belongs to event
    `targets[i]`. Every piece is laid out in one object array, in order, with the spaces and
    an _END after each event, so that one join, one casefold and one split build every text.
    """
    count, width = len(own[0]), len(own)
    order = np.argsort(targets, kind="stable")  # each event's citations together, in file order
    by_event = targets[order]
    cited = np.bincount(by_event, minlength=count) if len(by_event) else np.zeros(count, dtype=np.int64)
    sizes = 2 * width + np.where(cited > 0, 4 * cited, 1)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
    flat = np.empty(int(sizes.sum()), dtype=object)
    for j, column in enumerate(own):
        flat[starts + 2 * j] = column
        flat[starts + 2 * j + 1] = " "
    flat[starts[cited == 0] + 2 * width] = _END
    if len(by_event):
        first = np.concatenate(([True], by_event[1:] != by_event[:-1]))
        group_start = np.flatnonzero(first)
        rank = np.arange(len(by_event)) - np.repeat(group_start, np.diff(np.append(group_start, len(by_event))))
        base = starts[by_event] + 2 * width + 4 * rank
        flat[base], flat[base + 1], flat[base + 2] = quotes[order], " ", sources[order]
        last = np.append(~first[1:], False)  # followed by another citation of the same event
        flat[base + 3] = " "
        flat[base[~last] + 3] = _END
    # A few hundred events at a time: small buffers are reused, where one text of the whole
    # dataset would be fresh memory several times over (page faults cost as much as the work).
    texts: list[str] = []
    bounds = np.append(starts[::_CHUNK], len(flat)).tolist()
    for a, b in zip(bounds[:-1], bounds[1:]):
        texts += "".join(flat[a:b].tolist()).casefold().split(_END)[:-1]  # casefold: char by char
    if len(texts) == count:
        return texts
    # A text held _END after all: build them one by one.
    joined: list[list[str]] = [[] for _ in range(count)]
    for i, target in enumerate(targets.tolist()):
        joined[target].append(quotes[i] + " " + sources[i])
    return [(" ".join(str(c[e]) for c in own) + " " + " ".join(joined[e])).casefold() for e in range(count)]


def _columns(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """Each column as a numpy array (text as Python str objects), without copying."""
    return {name: frame[name].to_numpy(dtype=object) if frame[name].dtype == "str" else frame[name].to_numpy()
            for name in frame.columns}


def label_range_text(first: str, last: str) -> str:
    """Two period labels as a span, or one when they are the same."""
    return first if first == last else f"{first} – {last}"
