"""With one label row (a short timeline: the marker row only), labels that can fit nowhere clear of
the marks already there are set aside as arrays before the greedy placement, which then only tries
the rest: the labels placed are exactly those the full greedy places."""
from __future__ import annotations

import numpy as np
import pytest

from desktop.ui import timeline_labels
from desktop.ui.timeline_layout import LayoutCache, PERIOD, POINT, STATEMENT, TimelineModel


def crowded_model(n: int, seed: int, lanes: int = 4) -> TimelineModel:
    """Many facts, a fifth of them periods of all lengths, some disputed or used by a lesson."""
    rng = np.random.default_rng(seed)
    x0 = np.sort(rng.uniform(1950, 2025, n))
    kind = rng.choice([POINT, PERIOD, STATEMENT], n, p=[0.7, 0.2, 0.1]).astype(np.int8)
    length = np.where(kind == PERIOD, rng.uniform(0.05, 30, n), rng.choice([1 / 365, 1 / 12, 1.0], n))
    return TimelineModel(
        ids=np.array([f"e{i}" for i in range(n)], dtype=object), kind=kind, x0=x0, x1=x0 + length,
        open_ended=rng.random(n) < 0.1, lane=rng.integers(0, lanes, n), lanes=[f"c{k}" for k in range(lanes)],
        priority=rng.choice([0, 1, 2, 3], n, p=[0.85, 0.05, 0.05, 0.05]),
    )


VIEWS = [(1940, 2035), (1990, 2026), (2005, 2010), (2018, 2019), (2018.5, 2018.6)]


@pytest.mark.parametrize("n, seed", [(60, 1), (600, 2), (6_000, 3)])
@pytest.mark.parametrize("view", VIEWS)
def test_one_row_labels_equal_the_full_greedy(monkeypatch, n, seed, view):
    model = crowded_model(n, seed)
    mask = np.random.default_rng(seed).random(n) < 0.9
    width = lambda i: 30.0 + (i % 7) * 40.0  # noqa: E731 - some wider than the shortened width
    rng = np.random.default_rng(seed + 10)
    focuses = [-1, *rng.integers(0, n, 4).tolist()]

    def layouts():
        cache = LayoutCache(model, mask, view, 100.0, 1500.0, 12.0, 1, width, radius=6.0, max_label=150.0,
                            focus_label=500.0)
        return [cache.layout(f).labels for f in focuses]

    fast = layouts()
    monkeypatch.setattr(timeline_labels, "_never_fits", lambda occupied, lanes, *rest: np.zeros(len(lanes), bool))
    assert fast == layouts()


def test_labels_that_fit_nowhere_are_not_tried_one_by_one(monkeypatch):
    model = crowded_model(6_000, 3)
    mask = np.ones(len(model), dtype=bool)
    cache = LayoutCache(model, mask, (1940, 2035), 100.0, 1500.0, 12.0, 1, lambda i: 120.0, radius=6.0,
                        max_label=150.0)
    tried: list = []
    real = timeline_labels._free
    monkeypatch.setattr(timeline_labels, "_free", lambda spans, a, b: (tried.append(a), real(spans, a, b))[1])
    labels = cache.layout(-1).labels
    candidates = len(cache.singles) + len(cache.bands)
    assert candidates >= 40, "the view must offer many labels for this test"
    # Each label the greedy tries costs at least one `_free`; the ones set aside cost none.
    assert len(tried) <= 2 * (len(labels) + 5) < candidates
