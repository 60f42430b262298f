"""What the timeline shows at one zoom: the pure layout model, no Qt.

`TimelineModel` holds the dataset's events as flat numpy arrays (built once).
`compute_layout` takes the model, the filter mask, the visible span and the
plot's width, and decides, for every fact that passes the filters, exactly one
of: drawn as a marker, drawn as a band (a period wide enough to show its
extent), counted in an aggregate (markers that would sit closer than a few
pixels apart), or counted as off-screen to the left or right of its lane. So
markers + bands + aggregated + off-screen always equals the filter count:
nothing is dropped silently, at any zoom, and no work is done per hidden label.

Labels are placed greedily in a stable priority order (the focused fact, then
facts a lesson uses or a source disputes, then periods, then time order) into
a few rows per lane, never overlapping; the ones that do not fit give way and
come back when there is room.

`LayoutCache` computes the part of a layout the focus does not change once
per view, size, filter and theme; moving the focus then re-does only the
focused fact's lane (its grouping and its labels), never the whole layout.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd

from .timeline_cluster import Aggregate, Aggregates, cluster, cluster_ranges
from .timeline_labels import MAX_LABEL_CANDIDATES, place_labels

POINT, PERIOD, STATEMENT = 0, 1, 2
KIND_CODES = {"event": POINT, "period": PERIOD, "statement": STATEMENT}
MAX_BAND_ROWS = 3
KEEP_LAYOUTS = 8  # layouts kept per focus-free layout (one per focus asked for lately)


@dataclass
class TimelineModel:
    """The timeline's facts as flat arrays aligned with `Dataset.events` (time order)."""

    ids: np.ndarray  # str
    kind: np.ndarray  # int8: POINT, PERIOD, STATEMENT
    x0: np.ndarray  # first instant the date may mean
    x1: np.ndarray  # instant after its last day (open periods end at `now`)
    open_ended: np.ndarray  # bool
    lane: np.ndarray  # int: index into `lanes`
    lanes: list[str]  # category per lane (the original text, as filters use it)
    priority: np.ndarray  # int: 2 lesson-used, 1 disputed, 3 both, 0 neither
    band_row: np.ndarray = field(init=False)  # sub-row of a period inside its lane
    pos: np.ndarray = field(init=False)  # where a marker sits: the middle of its date
    rank: np.ndarray = field(init=False)  # label order; lower goes first
    lane_order: np.ndarray = field(init=False)  # every fact by lane, then position (grouping reads this)
    _ordered: "LaneOrder | None" = field(init=False, default=None, repr=False)
    # id → model index; `from_dataset` passes the events' own index, whose hash table the
    # dataset's look-ups share (a dict of 100,000 ids cost ~9 ms of opening the large dataset).
    index_of: "IdIndex | None" = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.pos = (self.x0 + self.x1) / 2.0
        # Periods are pinned at their start, where they begin; points at the middle of their date.
        self.band_row = _band_rows(self.kind, self.lane, self.x0, self.x1)
        # Label order: priority (highest first), then periods, then the model's order. One stable
        # sort of a small integer key (a radix sort) instead of a three-key lexsort.
        key = (3 - self.priority).astype(np.int16) * 2 + (self.kind != PERIOD)
        order = np.argsort(key, kind="stable")
        self.rank = np.empty(len(order), dtype=np.int64)
        self.rank[order] = np.arange(len(order))
        # Sorted once: any subset in this order is a filter of it, so a frame never sorts.
        # By position (stable: ties keep the model's order), then by lane (stable again).
        # (Lane numbers as 16-bit integers: numpy sorts those stably by radix, ~10× faster.)
        by_pos = np.argsort(self.pos, kind="stable")
        lanes = self.lane[by_pos]
        if len(self.lanes) < 2 ** 15:
            lanes = lanes.astype(np.int16)
        self.lane_order = by_pos[np.argsort(lanes, kind="stable")]
        if self.index_of is None:
            self.index_of = IdIndex(pd.Index(self.ids))

    def __len__(self) -> int:
        return len(self.ids)

    def in_lane_order(self, mask: np.ndarray) -> "LaneOrder":
        """The facts `mask` passes, by lane then position (kept for the last mask: a pan or zoom reuses it)."""
        kept = self._ordered
        if kept is None or not np.array_equal(kept.mask, mask):
            kept = self._ordered = LaneOrder(self, mask)
        return kept

    @classmethod
    def from_dataset(cls, dataset) -> "TimelineModel":
        """Read a `Dataset`'s events (vectorised: fine at 100,000 events)."""
        ev = dataset.events
        lanes = list(dataset.categories)
        x0 = ev["x0"].to_numpy(dtype=float)
        x1 = ev["x1"].to_numpy(dtype=float).copy()
        open_ended = ev["open_ended"].to_numpy(dtype=bool)
        # A period "still going" runs to the end of everything the dataset covers.
        now = max(dataset.time_extent[1], float(np.nanmax(x0)) if len(x0) else 0.0)
        x1[np.isnan(x1)] = now
        x1 = np.maximum(x1, x0)
        # Hashed look-ups over whole columns: a Python call per event costs ~0.1 s at 100,000 events.
        codes = np.array([*KIND_CODES.values(), POINT], dtype=np.int8)
        kind = codes[pd.Index(list(KIND_CODES)).get_indexer(ev["kind"])]  # -1, not a kind: the last, POINT
        # Lesson and disputed targets are looked up in the events' index (its hash table is made
        # once and shared with the dataset's own look-ups): a few thousand look-ups, not an
        # `isin` hashing all 100,000 ids again for each.
        ids = IdIndex(ev.index)
        lesson_targets = dataset.lessons["target"].to_numpy(dtype=object) if len(dataset.lessons) else []
        priority = np.zeros(len(ev), dtype=np.int64)
        priority[ids.positions(list(dataset.disputed_targets))] |= 1
        priority[ids.positions(lesson_targets)] |= 2
        return cls(
            ids=ev.index.to_numpy(dtype=object), kind=kind, x0=x0, x1=x1, open_ended=open_ended,
            lane=pd.Index(lanes).get_indexer(ev["category"]).astype(np.int64), lanes=lanes,
            priority=priority, index_of=ids,
        )


class IdIndex:
    """Fact id → model index, read from a pandas index of the ids (a mapping's `[]`, `get`, `in`)."""

    def __init__(self, index: pd.Index) -> None:
        self.index = index

    def __getitem__(self, target: str) -> int:
        at = self.get(target, -1)
        if at < 0:
            raise KeyError(target)
        return at

    def get(self, target, default=None):
        try:
            at = self.index.get_loc(target)
        except (KeyError, TypeError):
            return default
        return at if isinstance(at, (int, np.integer)) else default  # a repeated id is no single fact

    def __contains__(self, target) -> bool:
        return self.get(target, -1) >= 0

    def __len__(self) -> int:
        return len(self.index)

    def positions(self, targets) -> np.ndarray:
        """The model indices of those `targets` that are facts here (others left out)."""
        if not len(targets):
            return np.zeros(0, dtype=np.int64)
        at = self.index.get_indexer(pd.Index(targets).unique())
        return at[at >= 0].astype(np.int64)


class LaneOrder:
    """The facts one filter mask passes, by lane then position, with where each lane begins and
    where the periods are: made once per mask, so a view change reads the marks in view as slices
    (found by binary search) instead of testing every fact."""

    def __init__(self, model: TimelineModel, mask: np.ndarray) -> None:
        self.mask = np.array(mask, dtype=bool)  # a copy: the caller's array may change
        self.idx = model.lane_order[self.mask[model.lane_order]].astype(np.int64)
        self.pos = model.pos[self.idx]
        lanes = model.lane[self.idx]
        self.bounds = np.searchsorted(lanes, np.arange(len(model.lanes) + 1), "left").astype(np.int64)
        self.period_at = np.flatnonzero(model.kind[self.idx] == PERIOD)
        self.period_idx = self.idx[self.period_at]
        self.period_x0, self.period_x1 = model.x0[self.period_idx], model.x1[self.period_idx]
        self.period_lane = lanes[self.period_at]
        self._without: tuple | None = None  # (positions left out, what is left)

    def without(self, at: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The facts, their positions and each lane's start with the entries `at` (sorted) left out:
        the bands, drawn apart from the marks. Kept for the last `at`: a pan or zoom mostly draws the
        same periods as bands, and copying 100,000 entries each frame is most of a layout."""
        kept = self._without
        if kept is not None and np.array_equal(kept[0], at):
            return kept[1]
        if len(at):
            left = (_drop(self.idx, at), _drop(self.pos, at), self.bounds - np.searchsorted(at, self.bounds, "left"))
        else:
            left = (self.idx, self.pos, self.bounds)
        self._without = (np.array(at), left)
        return left


def _drop(values: np.ndarray, at: np.ndarray) -> np.ndarray:
    """`np.delete(values, at)` for a few hundred sorted, distinct `at` out of many values: the runs
    between them copied as slices (a boolean mask over 100,000 entries, which `np.delete` makes,
    cost ~10× as much; a zoom frame drops each frame's bands from every fact)."""
    if len(at) > 2000:
        return np.delete(values, at)
    cuts = at.tolist()
    starts = [0, *[k + 1 for k in cuts]]
    ends = [*cuts, len(values)]
    return np.concatenate([values[a:b] for a, b in zip(starts, ends)])


def _band_rows(kind: np.ndarray, lane: np.ndarray, x0: np.ndarray, x1: np.ndarray) -> np.ndarray:
    """Stack overlapping periods of one lane in sub-rows (greedy, in time order; the last row takes the rest)."""
    rows = np.zeros(len(kind), dtype=np.int64)
    at = np.flatnonzero(kind == PERIOD)
    # Greedy and in order, so a loop; over Python lists (a numpy scalar per read cost ~4× as much).
    ends: dict[int, list[float]] = {}
    found = []
    for la, a, b in zip(lane[at].tolist(), x0[at].tolist(), x1[at].tolist()):
        row_ends = ends.get(la)
        if row_ends is None:
            row_ends = ends[la] = []
        for row, end in enumerate(row_ends):
            if end <= a:
                row_ends[row] = b
                found.append(row)
                break
        else:
            if len(row_ends) < MAX_BAND_ROWS:
                row_ends.append(b)
                found.append(len(row_ends) - 1)
            else:
                found.append(MAX_BAND_ROWS - 1)
                row_ends[-1] = max(row_ends[-1], b)
    rows[at] = found
    return rows


@dataclass(frozen=True)
class Label:
    """A placed label: whose it is, which lane and row, and its horizontal extent in pixels."""

    index: int
    lane: int
    row: int
    x: float
    width: float


@dataclass
class TimelineLayout:
    """Everything drawn at one zoom, in plot pixels (x only; the view owns the vertical geometry)."""

    view: tuple[float, float]
    left: float
    right: float
    shown: int  # facts passing the filters
    markers: np.ndarray  # model indices drawn as single markers
    marker_px: np.ndarray
    bands: np.ndarray  # model indices drawn as bands
    band_px0: np.ndarray
    band_px1: np.ndarray
    aggregates: Aggregates
    off_left: np.ndarray  # per lane: facts wholly before the view
    off_right: np.ndarray  # per lane: facts wholly after the view
    labels: list[Label]

    @property
    def drawn(self) -> int:
        return len(self.markers) + len(self.bands)

    @property
    def aggregated(self) -> int:
        return self.aggregates.total()

    @property
    def off_screen(self) -> int:
        return int(self.off_left.sum() + self.off_right.sum())

    def label_of(self, index: int) -> Label | None:
        return next((label for label in self.labels if label.index == index), None)


def to_px(x: np.ndarray | float, view: tuple[float, float], left: float, right: float):
    """Decimal years → plot pixels."""
    return left + (np.asarray(x, dtype=float) - view[0]) * ((right - left) / (view[1] - view[0]))



def compute_layout(
    model: TimelineModel,
    mask: np.ndarray,
    view: tuple[float, float],
    left: float,
    right: float,
    gap: float,
    label_rows: int,
    label_width: Callable[[int], float] | None = None,
    focus: int = -1,
    label_pad: float = 8.0,
    radius: float | None = None,
    max_label: float = float("inf"),
    focus_label: float | None = None,
) -> TimelineLayout:
    """Lay out the facts that pass `mask` for the span `view` drawn between pixels `left` and `right`.

    `gap`: markers closer than this (pixels) are aggregated. `label_rows`: label rows per lane.
    `label_width(i)`: the pixel width fact i's label needs (labels are skipped when None).
    `focus`: a model index always drawn on its own and labelled first (-1 for none).
    `max_label`: a label that fits nowhere whole may be shortened to this width.
    `focus_label`: the same for the focused fact's label (max_label by default); it may be
    allowed more, so two facts of one month read apart as the focus steps between them.
    `radius`: half a marker's width in pixels (row 0 labels keep clear of markers); gap / 2 by default.
    """
    cache = LayoutCache(model, mask, view, left, right, gap, label_rows, label_width, label_pad=label_pad,
                        radius=radius, max_label=max_label, focus_label=focus_label)
    return cache.layout(focus)


class LayoutCache:
    """What a layout is without a focus, for one mask, view, size and label font (see `compute_layout`).

    `layout(focus)` equals a layout computed from scratch with that focus, but re-does
    only the focused fact's lane: lanes share neither groups nor label rows.
    """

    def __init__(self, model: TimelineModel, mask: np.ndarray, view: tuple[float, float], left: float,
                 right: float, gap: float, label_rows: int, label_width: Callable[[int], float] | None = None,
                 label_pad: float = 8.0, radius: float | None = None, max_label: float = float("inf"),
                 focus_label: float | None = None) -> None:
        self.model, self.mask, self.view, self.left, self.right = model, mask, (view[0], view[1]), left, right
        self.gap, self.label_rows, self.label_width, self.label_pad = gap, label_rows, label_width, label_pad
        self.radius = gap / 2 if radius is None else radius
        self.max_label = max_label
        self.focus_label = max_label if focus_label is None else max(focus_label, max_label)
        v0, v1 = view
        n_lanes = len(model.lanes)
        order = model.in_lane_order(mask)
        self.shown = int(len(order.idx))
        scale = (right - left) / (v1 - v0)
        # Periods first (a minority): a band when wide enough at this zoom and overlapping the view.
        px0, px1 = order.period_x0, order.period_x1
        is_band = ((px1 - px0) * scale >= 3 * gap) & (px1 >= v0) & (px0 <= v1)
        is_band = _within_band_budget(is_band, order.period_lane, (np.minimum(px1, v1) - np.maximum(px0, v0)),
                                      max(8, int((right - left) / (8 * gap))), order.period_idx)
        self.bands = np.sort(order.period_idx[is_band])  # in the model's order, as painted
        self.band_px0 = to_px(model.x0[self.bands], view, left, right)
        self.band_px1 = to_px(model.x1[self.bands], view, left, right)
        # Everything else is a mark at its position: the lanes' sorted positions less the bands.
        flat, flat_pos, bounds = order.without(order.period_at[is_band])
        # A mark is in view when its position is (a band always is: it overlaps the view).
        lane_ids = np.arange(n_lanes)
        a, b = bounds[:-1], bounds[1:]
        lo = np.array([x + np.searchsorted(flat_pos[x:y], v0, "left") for x, y in zip(a.tolist(), b.tolist())],
                      dtype=np.int64).reshape(-1)
        hi = np.array([x + np.searchsorted(flat_pos[x:y], v1, "right") for x, y in zip(a.tolist(), b.tolist())],
                      dtype=np.int64).reshape(-1)
        self.off_left, self.off_right = lo - a, b - hi
        self.flat, self.flat_pos, self.lane_lo, self.lane_hi = flat, flat_pos, lo, hi
        self.singles, self.aggregates = cluster_ranges(flat, flat_pos, lane_ids, lo, hi, view, left, right, gap)
        self._base_labels: list[Label] | None = None  # when lanes cannot be placed apart
        self._base_by_lane: dict[int, list[Label]] = {}  # each lane's focus-free labels, once placed
        self._layouts: dict[tuple, TimelineLayout] = {}  # the last few layouts made, oldest first

    def candidates_in_view(self) -> int:
        """How many facts in view could be labelled without a focus (marks and bands): past
        `MAX_LABEL_CANDIDATES`, labels are placed for all lanes at once and a focus moves any lane's."""
        return int((self.lane_hi - self.lane_lo).sum()) + len(self.bands)

    def _cluster(self, points: np.ndarray, lanes: np.ndarray) -> tuple[np.ndarray, Aggregates]:
        return cluster(points, self.model.pos[points], lanes, self.view, self.left, self.right, self.gap)

    def lane_points(self, lane: int) -> np.ndarray:
        """The marks of one lane in view (singles and grouped), by position."""
        return self.flat[int(self.lane_lo[lane]):int(self.lane_hi[lane])]

    def layout(self, focus: int = -1, focus_width: float | None = None) -> TimelineLayout:
        """The layout with `focus` drawn on its own and labelled first (-1: no focus).

        `focus_width`: its label's width (it may be bold); `label_width(focus)` by default.
        The last few are kept (a teacher steps back and forth between facts): asking again
        for one of them lays nothing out. A layout is never changed once made.
        """
        key = (focus, focus_width)
        made = self._layouts.pop(key, None)
        if made is None:
            made = self._layout(focus, focus_width)
            if len(self._layouts) >= KEEP_LAYOUTS:
                del self._layouts[next(iter(self._layouts))]
        self._layouts[key] = made  # the newest last
        return made

    def _layout(self, focus: int, focus_width: float | None) -> TimelineLayout:
        singles, aggregates = self.singles, self.aggregates
        lane = int(self.model.lane[focus]) if focus >= 0 else -1
        anchor = False  # is the focus drawn (so labelled first)?
        if focus >= 0 and self.mask[focus]:
            lane_points = self.lane_points(lane)
            if (lane_points == focus).any():
                anchor = True
                s_cut = _lane_slice(self.model.lane[singles], lane)
                if (singles[s_cut] == focus).any():
                    # A single stands apart from its neighbours: without it, nothing else changes.
                    singles = singles[singles != focus]
                else:  # it leaves a group: group its lane again without it
                    rest = lane_points[lane_points != focus]
                    lane_singles, lane_aggs = self._cluster(rest, np.full(len(rest), lane, dtype=np.int64))
                    singles = np.concatenate([singles[:s_cut.start], lane_singles, singles[s_cut.stop:]])
                    aggregates = aggregates.replace_lane(lane, lane_aggs)
                singles = np.concatenate([singles, [focus]])
            else:
                anchor = bool((self.bands == focus).any())
        markers = singles.astype(np.int64)
        marker_px = to_px(self.model.pos[markers], self.view, self.left, self.right)
        labels = self._labels(markers, marker_px, aggregates, focus if anchor else -1, lane, focus_width)
        return TimelineLayout(
            view=self.view, left=self.left, right=self.right, shown=self.shown,
            markers=markers, marker_px=marker_px, bands=self.bands, band_px0=self.band_px0,
            band_px1=self.band_px1, aggregates=aggregates, off_left=self.off_left, off_right=self.off_right,
            labels=labels,
        )

    def _labels(self, markers, marker_px, aggregates: Aggregates, focus: int, lane: int,
                focus_width: float | None) -> list[Label]:
        if self.label_width is None or self.label_rows <= 0:
            return []
        width = self.label_width
        if focus >= 0:
            bold = float(width(focus)) if focus_width is None else focus_width
            width = lambda i: bold if i == focus else self.label_width(i)  # noqa: E731
        capped = max(len(markers), len(self.singles)) + len(self.bands) > MAX_LABEL_CANDIDATES
        if capped:  # too many candidates for lanes to be placed apart: all at once, as ranked
            if focus < 0 and self._base_labels is not None:
                return self._base_labels
            labels = self._place(markers, marker_px, self.bands, self.band_px0, self.band_px1, aggregates,
                                 width, focus)
            if focus < 0:
                self._base_labels = labels
            return labels
        # Lanes share no label rows: each lane's focus-free labels are placed once per cache and
        # kept, and a focus places only its own lane's again. Lanes not placed yet are placed in
        # the same pass as the focused lane (a focus that moves the view used to place every
        # lane for the focus-free labels, then its own lane a second time).
        base = self._base_by_lane
        n = len(self.model.lanes)
        missing = [k for k in range(n) if k not in base and not (focus >= 0 and k == lane)]
        mine: list[Label] = []
        if missing or focus >= 0:
            placing = missing + ([lane] if focus >= 0 else [])
            if len(placing) == n:
                placed = self._place(markers, marker_px, self.bands, self.band_px0, self.band_px1, aggregates,
                                     width, focus)
            else:
                wanted = np.zeros(n + 1, dtype=bool)
                wanted[placing] = True
                lanes = self.model.lane
                m_in, b_in, a_in = wanted[lanes[markers]], wanted[lanes[self.bands]], wanted[aggregates.lane]
                placed = self._place(markers[m_in], marker_px[m_in], self.bands[b_in], self.band_px0[b_in],
                                     self.band_px1[b_in],
                                     Aggregates(aggregates.lane[a_in], aggregates.px0[a_in], aggregates.px1[a_in],
                                                aggregates.starts[a_in], aggregates.ends[a_in], aggregates.flat),
                                     width, focus)
            for k in missing:
                base[k] = []
            for label in placed:
                if focus >= 0 and label.lane == lane:
                    mine.append(label)
                else:
                    base[label.lane].append(label)
        labels = [label for k in range(n) if not (focus >= 0 and k == lane) for label in base[k]] + mine
        rank = self.model.rank
        labels.sort(key=lambda label: -1 if label.index == focus else int(rank[label.index]))
        return labels

    def _place(self, markers, marker_px, bands, band_px0, band_px1, aggregates: Aggregates, width,
               focus: int) -> list[Label]:
        return place_labels(self.model, markers, marker_px, bands, band_px0, band_px1, self.left, self.right,
                            self.label_rows, width, focus, self.label_pad, aggregates.lane, aggregates.px0,
                            aggregates.px1, self.radius, self.max_label, self.focus_label)


def _lane_slice(lanes: np.ndarray, lane: int) -> slice:
    """Where one lane's entries are in an array sorted by lane."""
    return slice(int(np.searchsorted(lanes, lane, "left")), int(np.searchsorted(lanes, lane, "right")))


def _within_band_budget(is_band: np.ndarray, lanes: np.ndarray, visible_width: np.ndarray,
                        budget: int, ties: np.ndarray) -> np.ndarray:
    """Keep at most `budget` bands per lane, the widest in view (equal widths: the lower `ties` first,
    the model's order); the rest are drawn as markers (and may be aggregated), so a frame never
    paints thousands of overlapping bands. Each crowded lane finds its cut-off width by partition
    (no sort): wider ones stay, and of those exactly as wide, the lowest `ties` fill what is left."""
    candidates = np.flatnonzero(is_band)
    if len(candidates) <= budget:
        return is_band
    result = is_band.copy()
    cand_lanes = lanes[candidates]
    # A mask's periods come by lane (`LaneOrder`): then the candidates already are, and need no sort.
    if len(cand_lanes) < 2 or bool((cand_lanes[1:] >= cand_lanes[:-1]).all()):
        by_lane = np.arange(len(candidates))
    else:
        by_lane = np.argsort(cand_lanes, kind="stable")
    sorted_lanes = cand_lanes[by_lane]
    cuts = np.flatnonzero(np.diff(sorted_lanes)) + 1
    for lo, hi in zip([0, *cuts.tolist()], [*cuts.tolist(), len(by_lane)]):
        if hi - lo <= budget:
            continue
        mine = candidates[by_lane[lo:hi]]
        widths = visible_width[mine]
        cut = np.partition(widths, len(widths) - budget)[len(widths) - budget]  # the budget-th widest
        wider = widths > cut
        level = np.flatnonzero(widths == cut)
        need = budget - int(wider.sum())
        chosen = level[np.argsort(ties[mine[level]], kind="stable")[:need]]
        keep = wider
        keep[chosen] = True
        result[mine[~keep]] = False
    return result


__all__ = ["Aggregate", "Aggregates", "Label", "LayoutCache", "TimelineLayout", "TimelineModel", "IdIndex", "compute_layout",
           "to_px", "POINT", "PERIOD", "STATEMENT", "KIND_CODES"]
