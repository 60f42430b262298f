"""Where the timeline's labels go: greedy, in a stable priority order, never overlapping.

Pure Python and numpy, no Qt. Lanes do not share label rows, so the labels of
one lane depend only on that lane's marks: `compute_layout`'s cache re-places
just the focused fact's lane when the focus moves.
"""
from __future__ import annotations

import bisect

import numpy as np

MAX_LABEL_CANDIDATES = 3000  # never measure or place more labels than could possibly fit


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
    occupied = _obstacles(np.concatenate([model.lane[markers], agg_lane]).astype(np.int64),
                          np.concatenate([marker_px - radius, agg_px0 - radius]),
                          np.concatenate([marker_px + radius, agg_px1 + radius]))
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


def _obstacles(lanes: np.ndarray, a: np.ndarray, b: np.ndarray) -> dict[tuple[int, int], list[tuple[float, float]]]:
    """Each lane's marker row as sorted, disjoint spans: the union of the marks' extents
    (touching ones merged, as `_insert_merged` would), built with numpy, not mark by mark."""
    occupied: dict[tuple[int, int], list[tuple[float, float]]] = {}
    if len(lanes) == 0:
        return occupied
    order = np.lexsort((a, lanes))
    lanes, a, b = lanes[order], a[order], b[order]
    cuts = np.flatnonzero(np.diff(lanes)) + 1
    for lo, hi in zip(np.concatenate([[0], cuts]).tolist(), np.concatenate([cuts, [len(lanes)]]).tolist()):
        la, lb = a[lo:hi], b[lo:hi]
        reach = np.maximum.accumulate(lb)
        start = np.empty(len(la), dtype=bool)
        start[0] = True
        start[1:] = la[1:] > reach[:-1]  # a gap before this mark: a new span begins
        firsts = np.flatnonzero(start)
        lasts = np.append(firsts[1:], len(la)) - 1
        occupied[(int(lanes[lo]), 0)] = list(zip(la[firsts].tolist(), reach[lasts].tolist()))
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
