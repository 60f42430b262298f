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
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

POINT, PERIOD, STATEMENT = 0, 1, 2
KIND_CODES = {"event": POINT, "period": PERIOD, "statement": STATEMENT}
MAX_BAND_ROWS = 3
MAX_LABEL_CANDIDATES = 3000  # never measure or place more labels than could possibly fit


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

    def __post_init__(self) -> None:
        self.pos = (self.x0 + self.x1) / 2.0
        # Periods are pinned at their start, where they begin; points at the middle of their date.
        self.band_row = _band_rows(self.kind, self.lane, self.x0, self.x1)
        order = np.lexsort((np.arange(len(self.ids)), self.kind != PERIOD, -self.priority))
        self.rank = np.empty(len(order), dtype=np.int64)
        self.rank[order] = np.arange(len(order))
        self.index_of = {event_id: i for i, event_id in enumerate(self.ids)}

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def from_dataset(cls, dataset) -> "TimelineModel":
        """Read a `Dataset`'s events (vectorised: fine at 100,000 events)."""
        ev = dataset.events
        lanes = list(dataset.categories)
        lane_of = {name: i for i, name in enumerate(lanes)}
        x0 = ev["x0"].to_numpy(dtype=float)
        x1 = ev["x1"].to_numpy(dtype=float).copy()
        open_ended = ev["open_ended"].to_numpy(dtype=bool)
        # A period "still going" runs to the end of everything the dataset covers.
        now = max(dataset.time_extent[1], float(np.nanmax(x0)) if len(x0) else 0.0)
        x1[np.isnan(x1)] = now
        x1 = np.maximum(x1, x0)
        kind = ev["kind"].map(KIND_CODES).fillna(POINT).to_numpy(dtype=np.int8)
        lesson_targets = set(dataset.lessons["target"]) if len(dataset.lessons) else set()
        ids = ev.index.to_numpy(dtype=object)
        in_lesson = np.fromiter((i in lesson_targets for i in ids), dtype=bool, count=len(ids))
        disputed = np.fromiter((i in dataset.disputed_targets for i in ids), dtype=bool, count=len(ids))
        return cls(
            ids=ids, kind=kind, x0=x0, x1=x1, open_ended=open_ended,
            lane=ev["category"].map(lane_of).to_numpy(dtype=np.int64), lanes=lanes,
            priority=in_lesson.astype(np.int64) * 2 + disputed.astype(np.int64),
        )


def _band_rows(kind: np.ndarray, lane: np.ndarray, x0: np.ndarray, x1: np.ndarray) -> np.ndarray:
    """Stack overlapping periods of one lane in sub-rows (greedy, in time order; the last row takes the rest)."""
    rows = np.zeros(len(kind), dtype=np.int64)
    ends: dict[int, list[float]] = {}
    for i in np.flatnonzero(kind == PERIOD):
        row_ends = ends.setdefault(int(lane[i]), [])
        for row, end in enumerate(row_ends):
            if end <= x0[i]:
                row_ends[row] = x1[i]
                rows[i] = row
                break
        else:
            if len(row_ends) < MAX_BAND_ROWS:
                row_ends.append(x1[i])
                rows[i] = len(row_ends) - 1
            else:
                rows[i] = MAX_BAND_ROWS - 1
                row_ends[-1] = max(row_ends[-1], x1[i])
    return rows


@dataclass(frozen=True)
class Aggregate:
    """Several facts of one lane too close to draw apart: drawn as one mark with a count."""

    lane: int
    px0: float
    px1: float
    members: np.ndarray  # indices into the model, in time order

    @property
    def count(self) -> int:
        return len(self.members)


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
    aggregates: list[Aggregate]
    off_left: np.ndarray  # per lane: facts wholly before the view
    off_right: np.ndarray  # per lane: facts wholly after the view
    labels: list[Label]

    @property
    def drawn(self) -> int:
        return len(self.markers) + len(self.bands)

    @property
    def aggregated(self) -> int:
        return sum(a.count for a in self.aggregates)

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
    radius = gap / 2 if radius is None else radius
    v0, v1 = view
    n_lanes = len(model.lanes)
    shown_idx = np.flatnonzero(mask)
    scale = (right - left) / (v1 - v0)
    kind, x0, x1, pos = model.kind[shown_idx], model.x0[shown_idx], model.x1[shown_idx], model.pos[shown_idx]
    is_band = (kind == PERIOD) & ((x1 - x0) * scale >= 3 * gap) & (x1 >= v0) & (x0 <= v1)
    is_band = _within_band_budget(is_band, model.lane[shown_idx], (np.minimum(x1, v1) - np.maximum(x0, v0)),
                                  max(8, int((right - left) / (8 * gap))))
    # A band is in view when it overlaps the view; a marker when its position is.
    before = np.where(is_band, x1 < v0, pos < v0)
    after = np.where(is_band, x0 > v1, pos > v1)
    lanes_of = model.lane[shown_idx]
    off_left = np.bincount(lanes_of[before], minlength=n_lanes)
    off_right = np.bincount(lanes_of[after], minlength=n_lanes)
    inside = ~(before | after)

    band_idx = shown_idx[inside & is_band]
    band_px0 = to_px(model.x0[band_idx], view, left, right)
    band_px1 = to_px(model.x1[band_idx], view, left, right)

    point_sel = inside & ~is_band
    point_idx = shown_idx[point_sel]
    if focus >= 0:
        alone = point_idx == focus
        focus_alone = point_idx[alone]
        point_idx = point_idx[~alone]
    else:
        focus_alone = point_idx[:0]
    markers, aggregates = _cluster(model, point_idx, view, left, right, gap)
    markers = np.concatenate([markers, focus_alone]).astype(np.int64)
    marker_px = to_px(model.pos[markers], view, left, right)

    labels: list[Label] = []
    if label_width is not None and label_rows > 0:
        labels = _place_labels(model, markers, marker_px, band_idx, band_px0, band_px1,
                               left, right, label_rows, label_width, focus, label_pad, aggregates, radius, max_label,
                               max_label if focus_label is None else max(focus_label, max_label))
    return TimelineLayout(
        view=(v0, v1), left=left, right=right, shown=int(len(shown_idx)),
        markers=markers, marker_px=marker_px, bands=band_idx, band_px0=band_px0, band_px1=band_px1,
        aggregates=aggregates, off_left=off_left, off_right=off_right, labels=labels,
    )


def _within_band_budget(is_band: np.ndarray, lanes: np.ndarray, visible_width: np.ndarray,
                        budget: int) -> np.ndarray:
    """Keep at most `budget` bands per lane, the widest in view; the rest are drawn as markers
    (and may be aggregated), so a frame never paints thousands of overlapping bands."""
    candidates = np.flatnonzero(is_band)
    if len(candidates) <= budget:
        return is_band
    order = np.lexsort((candidates, -visible_width[candidates], lanes[candidates]))
    ordered = candidates[order]
    lane_sorted = lanes[ordered]
    first_of_lane = np.searchsorted(lane_sorted, lane_sorted, side="left")
    keep = (np.arange(len(ordered)) - first_of_lane) < budget
    result = np.zeros_like(is_band)
    result[ordered[keep]] = True
    return result


def _cluster(model: TimelineModel, idx: np.ndarray, view, left: float, right: float,
             gap: float) -> tuple[np.ndarray, list[Aggregate]]:
    """Split markers into singles and aggregates: a grid of `gap`-wide cells fixed in time
    (so aggregates do not flicker while panning), then a close single joins its neighbour
    (vectorised: a frame at 100,000 events must not loop over them in Python)."""
    if len(idx) == 0:
        return idx, []
    px = to_px(model.pos[idx], view, left, right)
    lanes = model.lane[idx]
    order = np.lexsort((px, lanes))
    idx, px, lanes = idx[order], px[order], lanes[order]
    scale = (right - left) / (view[1] - view[0])
    cell = np.floor(model.pos[idx] * scale / gap).astype(np.int64)
    key_change = np.empty(len(idx), dtype=bool)
    key_change[0] = True
    key_change[1:] = (lanes[1:] != lanes[:-1]) | (cell[1:] != cell[:-1])
    starts = np.flatnonzero(key_change)
    ends = np.append(starts[1:], len(idx))
    if len(starts) == len(idx) and np.all(np.diff(px)[lanes[1:] == lanes[:-1]] >= gap):
        return idx, []  # the common case when zoomed in: everything stands apart
    # A lone marker within `gap` of its neighbouring group joins it (the previous one first).
    # Each joins an adjacent group and never one that joins back, so the groups stay contiguous.
    g_lane, first_px, last_px = lanes[starts], px[starts], px[ends - 1]
    single = (ends - starts) == 1
    close = (g_lane[1:] == g_lane[:-1]) & (first_px[1:] - last_px[:-1] < gap)
    to_prev = np.zeros(len(starts), dtype=bool)
    to_prev[1:] = single[1:] & close
    to_next = np.zeros(len(starts), dtype=bool)
    to_next[:-1] = single[:-1] & ~to_prev[:-1] & close & ~to_prev[1:]
    target = np.arange(len(starts))
    target[to_prev] -= 1
    target[to_next] += 1
    while True:  # follow chains of joins to the group that stays (pointer jumping)
        nxt = target[target]
        if np.array_equal(nxt, target):
            break
        target = nxt
    new_group = np.empty(len(starts), dtype=bool)
    new_group[0] = True
    new_group[1:] = target[1:] != target[:-1]
    m_starts = starts[new_group]
    m_ends = np.append(m_starts[1:], len(idx))
    sizes = m_ends - m_starts
    singles = idx[m_starts[sizes == 1]]
    aggregates: list[Aggregate] = [
        Aggregate(int(lanes[s]), float(px[s]), float(px[e - 1]), np.sort(idx[s:e]))
        for s, e in zip(m_starts[sizes > 1].tolist(), m_ends[sizes > 1].tolist())
    ]
    return singles.astype(np.int64), aggregates


def _place_labels(model, markers, marker_px, bands, band_px0, band_px1, left, right,
                  rows, label_width, focus, pad, aggregates, radius, max_label,
                  focus_label) -> list[Label]:
    """Greedy, in rank order: each label takes the first row where it fits, else gives way.

    Row 0 is the marker row itself: a label there sits just right (or left) of its
    marker, and the lane's markers and grouped marks are obstacles. Rows above take
    a label starting at its anchor (or ending at it), joined by a leader line.
    """
    anchor_idx = np.concatenate([markers, bands]).astype(np.int64)
    anchor_px = np.concatenate([marker_px, np.maximum(band_px0, left)])
    n_markers = len(markers)
    if len(anchor_idx) == 0:
        return []
    occupied: dict[tuple[int, int], list[tuple[float, float]]] = {}
    obstacles = [(int(model.lane[i]), x - radius, x + radius) for i, x in zip(markers.tolist(), marker_px.tolist())]
    obstacles += [(a.lane, a.px0 - radius, a.px1 + radius) for a in aggregates]
    for lane, a, b in sorted(obstacles, key=lambda o: o[1]):
        _insert_merged(occupied.setdefault((lane, 0), []), a, b)
    ranks = model.rank[anchor_idx].copy()
    if focus >= 0:
        ranks[anchor_idx == focus] = -1
    order = np.argsort(ranks, kind="stable")[:MAX_LABEL_CANDIDATES]
    placed: list[Label] = []
    for k in order.tolist():
        i = int(anchor_idx[k])
        x = float(anchor_px[k])
        full = float(label_width(i))
        lane = int(model.lane[i])
        is_marker = k < n_markers
        spot = None
        limit = focus_label if i == focus else max_label
        # The whole title where it fits; else shortened (the view elides it with "…").
        for width, row in [(w, r) for w in ((full, limit) if full > limit else (full,)) for r in range(rows)]:
            if row == 0 and is_marker:
                starts = (x + radius + pad, x - radius - pad - width)
            else:
                starts = (x, x - width) if is_marker else (x,)
            for start in starts:
                start = min(max(start, left), right - width)
                if start < left - 0.5:
                    continue
                if _free(occupied.get((lane, row), []), start - pad / 2, start + width + pad / 2):
                    spot = (row, start, width)
                    break
            if spot:
                break
        if spot is None and i == focus:
            # The focused fact is always named: in the top row, over markers if it must be.
            width = min(full, limit, right - left)
            row = rows - 1
            gap_ = radius + pad if row == 0 and is_marker else 0.0
            sides = [min(max(s_, left), right - width) for s_ in (x + gap_, x - gap_ - width)]
            spans = occupied.get((lane, row), [])
            # The side that covers the fewest other marks (never its own marker, where there is room).
            start = min(sides, key=lambda s_: (s_ - radius < x < s_ + width + radius,
                                               sum(1 for a, b in spans if a < s_ + width and b > s_)))
            spot = (row, start, width)
        if spot is None:
            continue
        row, start, width = spot
        _insert_merged(occupied.setdefault((lane, row), []), start - pad / 2, start + width + pad / 2)
        placed.append(Label(i, lane, row, start, width))
    return placed


def _insert_merged(spans: list[tuple[float, float]], a: float, b: float) -> None:
    """Add [a, b) to sorted spans, merging any it touches, so they stay disjoint."""
    k = bisect.bisect_left(spans, (a, a))
    lo = k
    while lo > 0 and spans[lo - 1][1] >= a:
        lo -= 1
    hi = k
    while hi < len(spans) and spans[hi][0] <= b:
        hi += 1
    if lo < hi:
        a = min(a, spans[lo][0])
        b = max(b, spans[hi - 1][1])
    spans[lo:hi] = [(a, b)]


def _free(spans: list[tuple[float, float]], a: float, b: float) -> bool:
    """True when [a, b) overlaps none of the sorted, disjoint spans."""
    k = bisect.bisect_left(spans, (a, a))
    if k < len(spans) and spans[k][0] < b:
        return False
    return not (k > 0 and spans[k - 1][1] > a)
