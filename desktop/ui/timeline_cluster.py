"""Grouping markers that would sit too close to tell apart: the timeline's level of detail.

Pure numpy, no Qt. `cluster` splits markers into singles and `Aggregates`
(grouped marks) with array operations: at 100,000 events a frame must not loop
over facts, or over groups, in Python. `cluster_ranges` works per grid cell and
per group (found by binary search in each lane's sorted positions), never per
mark, so a view holding 100,000 marks groups them in a fraction of a millisecond. `Aggregates` keeps the groups as
flat arrays and makes an `Aggregate` (with its members in time order) only
when one is asked for: for a tooltip, a click, or a test.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


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


class Aggregates:
    """Grouped marks as arrays (lane, px0, px1 and count per group); `aggs[k]` is an `Aggregate`.

    Group k's members are `flat[starts[k]:ends[k]]`; groups are ordered by lane, then position.
    """

    def __init__(self, lane: np.ndarray, px0: np.ndarray, px1: np.ndarray, starts: np.ndarray,
                 ends: np.ndarray, flat: np.ndarray) -> None:
        self.lane, self.px0, self.px1 = lane, px0, px1
        self.starts, self.ends, self.flat = starts, ends, flat
        self.counts = ends - starts
        self.base: "Aggregates | None" = None  # set by `replace_lane`
        self.replaced = -1

    @classmethod
    def empty(cls) -> "Aggregates":
        none = np.zeros(0, dtype=np.int64)
        return cls(none, none.astype(float), none.astype(float), none, none, none)

    def __len__(self) -> int:
        return len(self.lane)

    def __getitem__(self, k: int) -> Aggregate:
        if not -len(self) <= k < len(self):
            raise IndexError(k)
        s, e = int(self.starts[k]), int(self.ends[k])
        return Aggregate(int(self.lane[k]), float(self.px0[k]), float(self.px1[k]), np.sort(self.flat[s:e]))

    def __iter__(self):
        return (self[k] for k in range(len(self)))

    def total(self) -> int:
        """How many facts the groups stand for."""
        return int(self.counts.sum())

    def lane_slice(self, lane: int) -> slice:
        """The groups of one lane (they are contiguous: groups are ordered by lane)."""
        return slice(int(np.searchsorted(self.lane, lane, "left")), int(np.searchsorted(self.lane, lane, "right")))

    def replace_lane(self, lane: int, other: "Aggregates") -> "Aggregates":
        """These groups with one lane's taken from `other` (which holds only that lane's)."""
        cut = self.lane_slice(lane)
        shift = len(self.flat)
        result = Aggregates(
            np.concatenate([self.lane[:cut.start], other.lane, self.lane[cut.stop:]]),
            np.concatenate([self.px0[:cut.start], other.px0, self.px0[cut.stop:]]),
            np.concatenate([self.px1[:cut.start], other.px1, self.px1[cut.stop:]]),
            np.concatenate([self.starts[:cut.start], other.starts + shift, self.starts[cut.stop:]]),
            np.concatenate([self.ends[:cut.start], other.ends + shift, self.ends[cut.stop:]]),
            np.concatenate([self.flat, other.flat]),
        )
        if self.base is None:  # every other lane's groups are these: a painter may reuse their geometry
            result.base, result.replaced = self, lane
        return result

    def lane_only(self, lane: int) -> "Aggregates":
        """One lane's groups (their members still read from the same `flat`)."""
        cut = self.lane_slice(lane)
        return Aggregates(self.lane[cut], self.px0[cut], self.px1[cut], self.starts[cut], self.ends[cut], self.flat)


def cluster(idx: np.ndarray, pos: np.ndarray, lanes: np.ndarray, view, left: float, right: float,
            gap: float) -> tuple[np.ndarray, Aggregates]:
    """Split markers into singles and groups.

    `idx` are model indices sorted by lane, then position; `pos` and `lanes` are theirs.
    A grid of `gap`-wide cells fixed in time (so groups do not flicker while panning)
    makes the groups, then a lone marker within `gap` of a neighbouring group joins it.
    """
    idx = np.asarray(idx, dtype=np.int64)
    lanes = np.asarray(lanes, dtype=np.int64)
    cuts = np.flatnonzero(lanes[1:] != lanes[:-1]) + 1 if len(lanes) else np.zeros(0, dtype=np.int64)
    lo = np.concatenate([[0], cuts]).astype(np.int64) if len(lanes) else cuts
    hi = np.append(cuts, len(lanes)).astype(np.int64) if len(lanes) else cuts
    return cluster_ranges(idx, np.asarray(pos, dtype=float), lanes[lo] if len(lanes) else lo, lo, hi,
                          view, left, right, gap)


def cell_of(pos, scale: float, gap: float):
    """The grid cell a position falls in: the one formula every grouping uses."""
    return np.floor(pos * scale / gap).astype(np.int64)


def _cell_starts(pos: np.ndarray, a: np.ndarray, b: np.ndarray, scale: float, gap: float) -> np.ndarray:
    """Where each occupied cell begins in the sorted ranges `pos[a[r]:b[r]]` (each range's first
    index included), for all ranges at once (no numpy call per lane).

    Cells are found by searching their edges, not by computing every position's cell: a lane
    of 10,000 marks in view spans only about (width / gap) cells. An edge's position is
    rounded, so each found start is checked with `cell_of` and moved past equal positions
    until it is exact (the cell of a sorted position never decreases).
    """
    c0, c1 = cell_of(pos[a], scale, gap), cell_of(pos[b - 1], scale, gap)
    counts = c1 - c0  # each range's cell edges after its first cell
    total = int(counts.sum())
    if total == 0:
        return a.copy()
    rid = np.repeat(np.arange(len(a)), counts)
    ks = c0[rid] + 1 + (np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts))
    edges = ks * gap / scale
    at = np.concatenate([[0], np.cumsum(counts)]).tolist()
    j = np.concatenate([lo + np.searchsorted(pos[lo:hi], edges[s:e], "left")
                        for lo, hi, s, e in zip(a.tolist(), b.tolist(), at[:-1], at[1:]) if e > s])
    lo_, hi_ = a[rid], b[rid]
    for _ in range(8):
        early = (j > lo_) & (cell_of(pos[np.maximum(j - 1, lo_)], scale, gap) >= ks)  # the cell began before j
        late = (j < hi_) & (cell_of(pos[np.minimum(j, hi_ - 1)], scale, gap) < ks)  # it begins after j
        if not (early.any() or late.any()):
            break
        # Rare (an edge within rounding of a position): each moved within its own range.
        for k in np.flatnonzero(early).tolist():
            j[k] = lo_[k] + np.searchsorted(pos[lo_[k]:hi_[k]], pos[j[k] - 1], "left")
        for k in np.flatnonzero(late).tolist():
            j[k] = lo_[k] + np.searchsorted(pos[lo_[k]:hi_[k]], pos[j[k]], "right")
    else:  # never seen: positions this close to an edge in such numbers; work every cell out
        j = []
        for lo, hi in zip(a.tolist(), b.tolist()):
            cells = cell_of(pos[lo:hi], scale, gap)
            j.append(lo + 1 + np.flatnonzero(cells[1:] != cells[:-1]))
        return _sorted_unique(np.concatenate([a, *j]))
    # Ranges are disjoint and in order: sorted, each range's starts follow its first index.
    return _sorted_unique(np.concatenate([a, j[j < hi_]]))


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """`np.unique` for a few hundred indices, by a sort (numpy's hashed unique costs more here)."""
    values = np.sort(values).astype(np.int64)
    return values[np.concatenate([[True], values[1:] != values[:-1]])] if len(values) else values


def cluster_ranges(flat: np.ndarray, pos: np.ndarray, range_lanes: np.ndarray, lo: np.ndarray, hi: np.ndarray,
                   view, left: float, right: float, gap: float) -> tuple[np.ndarray, Aggregates]:
    """`cluster` for the marks `flat[lo[k]:hi[k]]` of lane `range_lanes[k]` (each range sorted by position,
    `pos` aligned with `flat`): the work is per cell and per group, not per mark, and the groups'
    members are read from `flat` itself (no copy of the marks in view)."""
    scale = (right - left) / (view[1] - view[0])
    lo, hi, range_lanes = np.asarray(lo, dtype=np.int64), np.asarray(hi, dtype=np.int64), np.asarray(range_lanes)
    full = hi > lo
    if not full.any():
        return np.zeros(0, dtype=np.int64), Aggregates.empty()
    a, b, r_lane = lo[full], hi[full], range_lanes[full].astype(np.int64)
    starts = _cell_starts(pos, a, b, scale, gap)
    rid = np.searchsorted(a, starts, "right") - 1  # each cell's range
    ends = np.append(starts[1:], 0)
    last = np.append(rid[1:] != rid[:-1], True)  # a range's last cell ends where the range does
    ends[last] = b[rid[last]]
    g_lane = r_lane[rid]
    first_px = left + (pos[starts] - view[0]) * scale
    last_px = left + (pos[ends - 1] - view[0]) * scale
    # A lone marker within `gap` of its neighbouring group joins it (the previous one first).
    # Each joins an adjacent group and never one that joins back, so the groups stay contiguous.
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
    last_of = np.append(np.flatnonzero(new_group)[1:] - 1, len(starts) - 1)
    m_starts, m_ends = starts[new_group], ends[last_of]
    m_first, m_last, m_lane = first_px[new_group], last_px[last_of], g_lane[new_group]
    many = (m_ends - m_starts) > 1
    singles = flat[m_starts[~many]].astype(np.int64)
    return singles, Aggregates(m_lane[many], m_first[many], m_last[many], m_starts[many], m_ends[many],
                               np.asarray(flat, dtype=np.int64))
