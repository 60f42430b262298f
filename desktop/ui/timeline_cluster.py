"""Grouping markers that would sit too close to tell apart: the timeline's level of detail.

Pure numpy, no Qt. `cluster` splits markers into singles and `Aggregates`
(grouped marks), in one pass over arrays: at 100,000 events a frame must not
loop over facts, or over groups, in Python. `Aggregates` keeps the groups as
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
        return Aggregates(
            np.concatenate([self.lane[:cut.start], other.lane, self.lane[cut.stop:]]),
            np.concatenate([self.px0[:cut.start], other.px0, self.px0[cut.stop:]]),
            np.concatenate([self.px1[:cut.start], other.px1, self.px1[cut.stop:]]),
            np.concatenate([self.starts[:cut.start], other.starts + shift, self.starts[cut.stop:]]),
            np.concatenate([self.ends[:cut.start], other.ends + shift, self.ends[cut.stop:]]),
            np.concatenate([self.flat, other.flat]),
        )


def cluster(idx: np.ndarray, pos: np.ndarray, lanes: np.ndarray, view, left: float, right: float,
            gap: float) -> tuple[np.ndarray, Aggregates]:
    """Split markers into singles and groups.

    `idx` are model indices sorted by lane, then position; `pos` and `lanes` are theirs.
    A grid of `gap`-wide cells fixed in time (so groups do not flicker while panning)
    makes the groups, then a lone marker within `gap` of a neighbouring group joins it.
    """
    if len(idx) == 0:
        return idx.astype(np.int64), Aggregates.empty()
    scale = (right - left) / (view[1] - view[0])
    px = left + (pos - view[0]) * scale
    cell = np.floor(pos * scale / gap).astype(np.int64)
    same_lane = lanes[1:] == lanes[:-1]
    key_change = np.empty(len(idx), dtype=bool)
    key_change[0] = True
    key_change[1:] = ~same_lane | (cell[1:] != cell[:-1])
    starts = np.flatnonzero(key_change)
    if len(starts) == len(idx) and np.all(np.diff(px)[same_lane] >= gap):
        return idx.astype(np.int64), Aggregates.empty()  # the common case when zoomed in: all stand apart
    ends = np.append(starts[1:], len(idx))
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
    many = (m_ends - m_starts) > 1
    singles = idx[m_starts[~many]].astype(np.int64)
    s, e = m_starts[many], m_ends[many]
    return singles, Aggregates(lanes[s].astype(np.int64), px[s], px[e - 1], s, e, idx.astype(np.int64))
