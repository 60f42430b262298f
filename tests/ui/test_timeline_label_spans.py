"""The marker row's obstacles and the one-row labels set aside are worked out for all lanes at once;
they are what the greedy's own span rules (`_insert_merged`, `_free`) give lane by lane."""
from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.ui.timeline_labels import _free, _insert_merged, _never_fits, _obstacles

marks = st.lists(st.tuples(st.integers(0, 4), st.integers(0, 300), st.sampled_from([0, 0, 3, 8])), max_size=60)


def _by_definition(items):
    spans: dict = {}
    for lane, x, extra in items:
        _insert_merged(spans.setdefault((lane, 0), []), x - 4.0, x + 4.0 + extra)
    return spans


@settings(max_examples=150, deadline=None)
@given(marks)
def test_obstacles_are_the_marks_merged_lane_by_lane(items):
    lanes = np.array([i[0] for i in items], dtype=np.int64)
    x = np.array([i[1] for i in items], dtype=float)
    extra = np.array([i[2] for i in items], dtype=float)
    got = _obstacles(lanes, x - 4.0, x + 4.0 + extra)
    want = _by_definition(items)
    assert {k: list(zip(v[0].tolist(), v[1].tolist())) for k, v in got.items()} == want
    span_lane, s0, s1 = got.flat
    assert [(int(la), a, b) for la, a, b in zip(span_lane, s0.tolist(), s1.tolist())] == sorted(
        (k[0], a, b) for k, v in want.items() for a, b in v)


@settings(max_examples=150, deadline=None)
@given(marks, st.lists(st.tuples(st.integers(0, 5), st.integers(-20, 320), st.sampled_from([10.0, 40.0, 200.0]),
                                 st.booleans()), max_size=25))
def test_labels_set_aside_fit_nowhere_they_would_be_tried(items, labels):
    lanes = np.array([i[0] for i in items], dtype=np.int64)
    x = np.array([i[1] for i in items], dtype=float)
    extra = np.array([i[2] for i in items], dtype=float)
    spans = _obstacles(lanes, x - 4.0, x + 4.0 + extra)
    left, right, pad, radius, limit = 0.0, 300.0, 8.0, 4.0, 150.0
    l_lanes = np.array([lb[0] for lb in labels], dtype=np.int64)
    xs = np.array([lb[1] for lb in labels], dtype=float)
    fulls = np.array([lb[2] for lb in labels], dtype=float)
    is_marker = np.array([lb[3] for lb in labels], dtype=bool)
    got = _never_fits(spans, l_lanes, xs, fulls, is_marker, np.zeros(len(labels), dtype=bool), left, right, pad,
                      radius, limit)
    for k, (lane, x0, full, marker) in enumerate(labels):
        starts_, ends_ = spans.get((lane, 0), (np.zeros(0), np.zeros(0)))
        row = list(zip(starts_.tolist(), ends_.tolist()))
        fits = False
        for width in (full, limit) if full > limit else (full,):
            starts = (x0 + radius + pad, x0 - radius - pad - width) if marker else (x0,)
            for start in starts:
                start = min(max(start, left), right - width)
                if start >= left - 0.5 and _free(row, start - pad / 2, start + width + pad / 2):
                    fits = True
        assert bool(got[k]) == (not fits)
