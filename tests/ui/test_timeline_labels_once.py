"""A focus's labels are placed once per lane: the lanes' focus-free labels are kept per lane, and a
focus that needs a new layout (it moved the view) places every other lane and its own in one pass,
instead of placing all lanes for the focus-free labels and then its own lane again. The labels are
what placing every lane at once, with the focus, gives."""
from __future__ import annotations

import numpy as np
import pytest

from desktop.ui import timeline_layout
from desktop.ui.timeline_labels import place_labels
from desktop.ui.timeline_layout import PERIOD, LayoutCache, TimelineModel
from test_timeline_pane import make_pane  # noqa: F401 - the pane fixture, shared


@pytest.fixture
def placed(monkeypatch):
    """Every label candidate passed to `place_labels`, call by call (model indices)."""
    calls: list[list[int]] = []
    real = timeline_layout.place_labels

    def place(model, markers, marker_px, bands, *args, **kwargs):
        calls.append(np.concatenate([markers, bands]).astype(int).tolist())
        return real(model, markers, marker_px, bands, *args, **kwargs)

    monkeypatch.setattr(timeline_layout, "place_labels", place)
    return calls


def test_a_focus_that_moves_the_view_places_each_candidate_once(make_pane, default_dataset, placed):
    pane, state = make_pane(default_dataset, 1366)
    view = pane.view
    model = pane.model
    lo, hi = view.extent()
    view.set_view(lo + (hi - lo) * 0.55, lo + (hi - lo) * 0.7)  # the later facts are out of view
    view.grab()
    before = view.view
    outside = np.flatnonzero((model.x0 > before[1]) & (model.kind != PERIOD))
    assert len(outside), "the test needs a fact out of view"
    placed.clear()
    state.set_focus(str(model.ids[int(outside[-1])]), "chart")
    view.grab()
    assert view.view != before, "the focus was out of view: the view moved to it"
    layout = view.current_layout()
    candidates = [i for call in placed for i in call]
    assert sorted(candidates) == sorted(layout.markers.tolist() + layout.bands.tolist())


def _width(model):
    return lambda i: 40.0 + (int(i) * 37) % 90


@pytest.mark.parametrize("rows", [1, 3])
def test_focus_labels_are_all_lanes_placed_at_once(default_dataset, rows):
    model = TimelineModel.from_dataset(default_dataset)
    mask = np.ones(len(model), dtype=bool)
    lo, hi = float(model.x0.min()), float(model.x1.max())
    args = (model, mask, (lo, hi), 120.0, 1200.0, 9.0, rows, _width(model))
    cache = LayoutCache(*args, radius=5.0, max_label=160.0)
    rng = np.random.default_rng(3)
    for focus in [-1, *rng.choice(len(model), 25, replace=False).tolist(), -1]:
        got = cache.layout(focus, 150.0 if focus >= 0 else None)
        fresh = LayoutCache(*args, radius=5.0, max_label=160.0)
        fresh_layout = fresh.layout(focus, 150.0 if focus >= 0 else None)  # a cache that placed nothing yet
        ranked = fresh_layout.labels
        # By definition: every candidate placed in one pass, the focus first.
        width = _width(model)
        wide = (lambda i: 150.0 if i == focus else width(i)) if focus >= 0 and got.label_of(focus) else width
        anchored = focus if got.label_of(focus) else -1
        expected = place_labels(model, got.markers, got.marker_px, got.bands, got.band_px0, got.band_px1, 120.0,
                                1200.0, rows, wide, anchored, 8.0, got.aggregates.lane, got.aggregates.px0,
                                got.aggregates.px1, 5.0, 160.0, 160.0)
        key = lambda label: (label.index, label.lane, label.row, label.x, label.width)  # noqa: E731
        assert sorted(map(key, got.labels)) == sorted(map(key, expected))
        assert [label.index for label in got.labels] == [label.index for label in ranked]
