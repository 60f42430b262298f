"""Where the timeline's labels go: greedy, in a stable priority order, never overlapping.

Pure Python and numpy, no Qt. Lanes do not share label rows, so the labels of
one lane depend only on that lane's marks: `compute_layout`'s cache re-places
just the focused fact's lane when the focus moves.
"""
from __future__ import annotations

import bisect

import numpy as np

MAX_LABEL_CANDIDATES = 3000  # never measure or place more labels than could possibly fit
# Below this many candidates the greedy loop tries them all sooner than `_never_fits` sets the
# hopeless ones aside (its array steps cost a fixed ~0.1 ms; a focus places one lane's few labels).
# Either way the same labels are placed: it only skips tries that cannot succeed.
FEW_LABELS = 40


def place_labels(model, markers, marker_px, bands, band_px0, band_px1, left, right,
                 rows, label_width, focus, pad, agg_lane, agg_px0, agg_px1, radius, max_label,
                 focus_label) -> list:
    """Greedy, in rank order: each label takes the first row where it fits, else gives way.

    Row 0 is the marker row itself: a label there sits just right (or left) of its
    marker, and the lane's markers and grouped marks are obstacles. Rows above take
    a label starting at its anchor (or ending at it), joined by a leader line.
    """
    from .timeline_layout import Label

    anchor_idx = np.concatenate([markers, bands]).astype(np.int64)
    anchor_px = np.concatenate([marker_px, np.maximum(band_px0, left)])
    n_markers = len(markers)
    if len(anchor_idx) == 0:
        return []
    marks = _obstacles(np.concatenate([model.lane[markers], agg_lane]).astype(np.int64),
                       np.concatenate([marker_px - radius, agg_px0 - radius]),
                       np.concatenate([marker_px + radius, agg_px1 + radius]))
    occupied: dict[tuple[int, int], list[tuple[float, float]]] = {}

    def row_spans(key: tuple[int, int]) -> list[tuple[float, float]]:
        """A row's taken spans as a list the greedy grows (made when a label first looks there)."""
        spans = occupied.get(key)
        if spans is None:
            arrays = marks.get(key)
            spans = occupied[key] = [] if arrays is None else list(zip(arrays[0].tolist(), arrays[1].tolist()))
        return spans
    ranks = model.rank[anchor_idx].copy()
    if focus >= 0:
        ranks[anchor_idx == focus] = -1
    order = np.argsort(ranks, kind="stable")[:MAX_LABEL_CANDIDATES]
    idx_list, px_list = anchor_idx[order].tolist(), anchor_px[order].tolist()
    fulls = [float(label_width(i)) for i in idx_list]
    lane_list = model.lane[anchor_idx[order]].tolist()
    keep = range(len(idx_list))
    if rows == 1 and len(idx_list) > FEW_LABELS:
        # One row, the marker row: a label fits only clear of the marks there, and those only
        # grow as labels are placed, so one that fits clear of none of them now never will.
        # Set aside as arrays, they cost nothing in the greedy loop (a pan at 100,000 events
        # offers hundreds of periods' labels and places none).
        keep = np.flatnonzero(~_never_fits(marks, np.asarray(lane_list, dtype=np.int64),
                                           np.asarray(px_list, dtype=float), np.asarray(fulls, dtype=float),
                                           order < n_markers, np.asarray(idx_list) == focus, left, right, pad,
                                           radius, max_label)).tolist()
    placed: list[Label] = []
    for j in keep:
        k = int(order[j])
        i = idx_list[j]
        x = px_list[j]
        full = fulls[j]
        lane = lane_list[j]
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
                if _free(row_spans((lane, row)), start - pad / 2, start + width + pad / 2):
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
            spans = row_spans((lane, row))
            # The side that covers the fewest other marks (never its own marker, where there is room).
            start = min(sides, key=lambda s_: (s_ - radius < x < s_ + width + radius,
                                               sum(1 for a, b in spans if a < s_ + width and b > s_)))
            spot = (row, start, width)
        if spot is None:
            continue
        row, start, width = spot
        _insert_merged(row_spans((lane, row)), start - pad / 2, start + width + pad / 2)
        placed.append(Label(i, lane, row, start, width))
    return placed


def _never_fits(marks: dict, lanes: np.ndarray, xs: np.ndarray, fulls: np.ndarray, is_marker: np.ndarray,
                is_focus: np.ndarray, left: float, right: float, pad: float, radius: float,
                max_label: float) -> np.ndarray:
    """For labels of one row (the marker row): True where every place `place_labels` would try
    (each width, each side) is off the plot or overlaps the marks already there (as `_free` tells).
    The focused fact's label is always kept (it is placed even over marks)."""
    if not len(lanes):
        return np.zeros(0, dtype=bool)
    limit = float(max_label)
    tries = [(fulls, np.ones(len(lanes), dtype=bool))]  # the whole title, then a shortened one if wider
    if (fulls > limit).any():
        tries.append((np.minimum(fulls, limit), fulls > limit))
    qa, qb, ok = [], [], []
    for width, applies in tries:
        for start in (np.where(is_marker, xs + radius + pad, xs), np.where(is_marker, xs - radius - pad - width, xs)):
            start = np.minimum(np.maximum(start, left), right - width)
            qa.append(start - pad / 2)
            qb.append(start + width + pad / 2)
            ok.append((start >= left - 0.5) & applies)
    a, b, free = np.stack(qa), np.stack(qb), np.stack(ok)
    span_lane, s0, s1 = marks.flat if isinstance(marks, _Spans) else _flat_spans(marks)
    if len(s0):
        # Every try of every label against its own lane's spans at once: `searchsorted(s0, a)` within
        # the lane is found by one merge of the tries with the spans, ordered by lane, then position,
        # a try before a span it equals (so only spans starting before it count, as "left" counts).
        tries, n = a.shape
        q_lane = np.broadcast_to(lanes, (tries, n)).ravel()
        qa, qb = a.ravel(), b.ravel()
        is_span = np.concatenate([np.zeros(len(qa), dtype=bool), np.ones(len(s0), dtype=bool)])
        order = np.lexsort((is_span, np.concatenate([qa, s0]), np.concatenate([q_lane, span_lane])))
        spans_before = np.cumsum(is_span[order]) - is_span[order]
        k = np.empty(len(qa), dtype=np.int64)
        query = ~is_span[order]
        k[order[query]] = spans_before[query]  # the first span of the lane starting at or after the try
        lo, hi = np.searchsorted(span_lane, q_lane, "left"), np.searchsorted(span_lane, q_lane, "right")
        last = len(s0) - 1
        hit = (((k < hi) & (s0[np.minimum(k, last)] < qb)) | ((k > lo) & (s1[np.maximum(k - 1, 0)] > qa)))
        free &= ~hit.reshape(tries, n)
    return ~free.any(axis=0) & ~is_focus


class _Spans(dict):
    """Each lane's marker row as sorted, disjoint spans, by (lane, 0) key, as `row_spans` reads them;
    `flat` holds them all as (lane, start, end) arrays, by lane then start, for `_never_fits`."""

    flat: tuple[np.ndarray, np.ndarray, np.ndarray]


def _flat_spans(marks: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    keys = sorted(key for key in marks if key[1] == 0)
    if not keys:
        none = np.zeros(0)
        return none.astype(np.int64), none, none
    return (np.concatenate([np.full(len(marks[key][0]), key[0], dtype=np.int64) for key in keys]),
            np.concatenate([marks[key][0] for key in keys]), np.concatenate([marks[key][1] for key in keys]))


def _obstacles(lanes: np.ndarray, a: np.ndarray, b: np.ndarray) -> _Spans:
    """Each lane's marker row as sorted, disjoint spans (their starts and ends): the union of the
    marks' extents (touching ones merged, as `_insert_merged` would), built with numpy for all lanes
    at once, not mark by mark nor lane by lane."""
    occupied = _Spans()
    n = len(lanes)
    if n == 0:
        none = np.zeros(0)
        occupied.flat = (none.astype(np.int64), none, none)
        return occupied
    order = np.lexsort((a, lanes))
    lanes, a, b = lanes[order], a[order], b[order]
    new_lane = np.empty(n, dtype=bool)
    new_lane[0] = True
    new_lane[1:] = lanes[1:] != lanes[:-1]
    lane_no = np.cumsum(new_lane) - 1
    # Each lane's running furthest end, for all lanes in one pass: the ends as ranks (exact), offset
    # by lane number so a lane's running maximum never reaches back into the lane before it.
    by_end = np.argsort(b, kind="stable")
    rank = np.empty(n, dtype=np.int64)
    rank[by_end] = np.arange(n)
    reach = b[by_end][np.maximum.accumulate(lane_no * n + rank) - lane_no * n]
    start = new_lane.copy()
    start[1:] |= a[1:] > reach[:-1]  # a gap before this mark: a new span begins
    firsts = np.flatnonzero(start)
    lasts = np.append(firsts[1:], n) - 1
    span_lane, s0, s1 = lanes[firsts], a[firsts], reach[lasts]
    occupied.flat = (span_lane, s0, s1)
    cuts = np.flatnonzero(np.diff(span_lane)) + 1
    for lo, hi in zip([0, *cuts.tolist()], [*cuts.tolist(), len(firsts)]):
        occupied[(int(span_lane[lo]), 0)] = (s0[lo:hi], s1[lo:hi])
    return occupied


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
