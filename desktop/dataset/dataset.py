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
            if (series_id, period) in self._observation_keys:
                return OBSERVATION
        return None

    @cached_property
    def _observation_keys(self) -> dict[tuple[str, str], int]:
        obs = self.observations
        return {key: i for i, key in enumerate(zip(obs["series_id"], obs["period"]))}

    def observation(self, target: str) -> pd.Series:
        """The observation row named by `series_id@period`."""
        series_id, _, period = target.partition("@")
        return self.observations.iloc[self._observation_keys[(series_id, period)]]

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

    def fact(self, target: str, lang: str = "") -> Fact:
        """Describe a target for display; raises KeyError for an unknown one."""
        kind = self.kind_of(target)
        if kind == EVENT:
            row = self.events.loc[target]
            return Fact(
                target=target, kind=EVENT, title=self.text(row, "title", lang),
                date_label=label_range(row["start_date"], row["end_date"], bool(row["open_ended"])),
                summary=self.text(row, "summary", lang), category=self.text(row, "category", lang),
                x0=float(row["x0"]), x1=float(row["x1"]),
                extra={"event_kind": row["kind"], "place": self.text(row, "place", lang)},
            )
        if kind == SERIES:
            row = self.series.loc[target]
            obs = self.observations_of(target)
            span = ""
            if len(obs):
                first, last = obs.iloc[0]["period"], obs.iloc[-1]["period"]
                span = label_range_text(period_label(row["period_type"], first), period_label(row["period_type"], last))
            return Fact(
                target=target, kind=SERIES, title=self.text(row, "title", lang), date_label=span,
                summary=self.text(row, "description", lang), unit=self.text(row, "unit", lang),
                x0=float(obs["x0"].min()) if len(obs) else float("nan"),
                x1=float(obs["x1"].max()) if len(obs) else float("nan"),
            )
        if kind == OBSERVATION:
            obs = self.observation(target)
            row = self.series.loc[obs["series_id"]]
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
        rows = self.citation_rows(target)
        return rows.iloc[np.argsort(rows["stance"].map(STANCE_ORDER).to_numpy(), kind="stable")]

    def citation_rows(self, target: str) -> pd.DataFrame:
        """The citation rows behind a target, in file order, not joined with their sources.

        An observation is backed by its own citations and by those of its series.
        """
        found = self._citation_positions.get(target)
        if self.kind_of(target) == OBSERVATION:
            series = self._citation_positions.get(target.partition("@")[0])
            if series is not None:
                found = series if found is None else np.sort(np.concatenate([found, series]))
        return self.citations.iloc[found if found is not None else []]

    @cached_property
    def _citation_positions(self) -> dict[str, np.ndarray]:
        # Row positions per target, found once: a focus change then reads a few rows instead of
        # comparing every citation's target.
        return self.citations.groupby("target", sort=False).indices

    @cached_property
    def _event_citations(self) -> pd.DataFrame:
        cites = self.citations
        return cites[cites["target_kind"] == EVENT]

    @cached_property
    def disputed_targets(self) -> frozenset[str]:
        """Targets with at least one citation whose stance is `disputes`."""
        cites = self.citations
        return frozenset(cites.loc[cites["stance"] == "disputes", "target"])

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

        Built once per dataset; a plain dict join, because a pandas groupby-join took
        seconds at 100,000 events.
        """
        ev = self.events
        cites = self._event_citations.join(self.sources[["title", "publisher", "author"]], on="source_id", suffixes=("", "_src"))
        parts = (cites["quote"] + " " + cites["title"] + " " + cites["publisher"] + " " + cites["author"]).to_numpy(object)
        joined: dict[str, list[str]] = {}
        for target, text in zip(cites["target"].to_numpy(object), parts):
            joined.setdefault(target, []).append(text)
        cited_text = pd.Series({t: " ".join(v) for t, v in joined.items()}, dtype=str)
        text = ev["title"] + " " + ev["summary"] + " " + ev["category"] + " " + ev["place"]
        for column in (c for c in ev.columns if "@" in c):
            text = text + " " + ev[column]
        text = text + " " + cited_text.reindex(ev.index, fill_value="")
        return text.str.casefold()

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
            found = self.event_haystack.str.contains(needle, regex=False).to_numpy(dtype=bool)
        found.flags.writeable = False
        memo[needle] = found
        while len(memo) > 16:
            del memo[next(iter(memo))]
        return found

    @cached_property
    def _text_masks(self) -> dict[str, np.ndarray]:
        return {}

    @cached_property
    def _haystack_array(self) -> np.ndarray:
        return self.event_haystack.to_numpy(dtype=object)

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
        return list(dict.fromkeys(self.events["category"]))

    @cached_property
    def time_extent(self) -> tuple[float, float]:
        """The span every event and value covers, in decimal years."""
        lows = [self.events["x0"].min(), self.observations["x0"].min()]
        highs = [self.events["x1"].max(), self.events["x0"].max(), self.observations["x1"].max()]
        lo = np.nanmin([v for v in lows if pd.notna(v)] or [2000.0])
        hi = np.nanmax([v for v in highs if pd.notna(v)] or [lo + 1])
        return float(lo), float(max(hi, lo + 1))


def label_range_text(first: str, last: str) -> str:
    """Two period labels as a span, or one when they are the same."""
    return first if first == last else f"{first} – {last}"
