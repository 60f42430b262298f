"""Following a view change (the chart's pan and zoom moves the timeline every frame) costs little:
the bands' and groups' geometry is worked out once per layout for all lanes, shared by the layouts
a focus change makes, and the picture is the one a timeline painted from nothing shows."""
from __future__ import annotations

import numpy as np
import pytest

from desktop.ui import timeline_paint
from desktop.ui.timeline_pane import TimelinePane
from test_timeline_pane import make_pane  # noqa: F401 - the pane fixture, shared


@pytest.fixture
def rect_batches(monkeypatch):
    """How many times box rects are worked out (each call covers any number of boxes)."""
    calls: list[int] = []
    real = timeline_paint.box_rects
    monkeypatch.setattr(timeline_paint, "box_rects", lambda *a: (calls.append(len(a[0])), real(*a))[1])
    return calls


def fresh_picture(qtbot, dataset, pane, state):
    """The same view and focus painted by a timeline that has kept nothing."""
    fresh = TimelinePane(dataset, state)
    qtbot.addWidget(fresh)
    fresh.resize(pane.size())
    fresh.show()
    qtbot.waitExposed(fresh)
    fresh.view.set_view(*pane.view.view, emit=False)
    fresh.view.set_focus_index(pane.view.focus_index)
    return fresh.view.grab().toImage()


def test_a_view_change_works_out_box_geometry_once_for_every_lane(qtbot, make_pane, default_dataset, rect_batches):
    pane, state = make_pane(default_dataset)
    view = pane.view
    view.grab()
    layout = view.current_layout()
    lanes_with_boxes = {int(lane) for lane in pane.model.lane[layout.bands]} | set(layout.aggregates.lane.tolist())
    assert len(lanes_with_boxes) >= 3, "the full view must have bands or groups in several lanes for this test"
    for step in range(3):
        rect_batches.clear()
        view.pan(0.013)
        view.grab()
        assert len(rect_batches) <= 2, "one batch for the bands and one for the hatched groups, not one per lane"
    assert view.grab().toImage() == fresh_picture(qtbot, default_dataset, pane, state)


def test_a_focus_change_reuses_the_layouts_box_geometry(qtbot, make_pane, default_dataset, rect_batches):
    pane, state = make_pane(default_dataset)
    view = pane.view
    view.grab()
    layout = view.current_layout()
    singles = [int(i) for i in layout.markers]
    lanes = pane.model.lane
    # Singles in lanes that also draw bands or groups: a focus there repaints a lane with boxes.
    boxed = {int(lane) for lane in lanes[layout.bands]} | set(layout.aggregates.lane.tolist())
    chosen = [i for i in singles if int(lanes[i]) in boxed][:3]
    assert chosen, "the full view must have a lone marker in a lane with boxes for this test"
    for index in chosen:
        rect_batches.clear()
        state.set_focus(str(pane.model.ids[index]), "chart")
        focused = view.grab().toImage()
        assert view.focus_index == index
        assert rect_batches == [], "a focus on a lone marker changes no band or group"
    assert focused == fresh_picture(qtbot, default_dataset, pane, state)


def _budget_reference(is_band, lanes, visible_width, budget, ties):
    """The rule spelt out: per lane, by width (widest first) then `ties`, the first `budget`."""
    result = np.zeros_like(is_band)
    for lane in np.unique(lanes[is_band]):
        mine = np.flatnonzero(is_band & (lanes == lane))
        ranked = sorted(mine.tolist(), key=lambda k: (-visible_width[k], ties[k]))
        result[ranked[:budget]] = True
    return result


@pytest.mark.parametrize("seed", range(12))
def test_the_band_budget_keeps_each_lanes_widest_bands_with_ties_in_model_order(seed):
    from desktop.ui.timeline_layout import _within_band_budget

    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 400))
    lanes = np.sort(rng.integers(0, 5, n))
    # Many periods cover the whole view: equal widths, decided by the model's order.
    widths = np.where(rng.random(n) < 0.4, 30.0, rng.choice([1.0, 2.5, 7.0, 30.0], n) * rng.integers(1, 3, n))
    ties = rng.permutation(n * 3)[:n]
    is_band = rng.random(n) < 0.8
    budget = int(rng.integers(1, 20))
    got = _within_band_budget(is_band, lanes, widths, budget, ties)
    assert np.array_equal(got, _budget_reference(is_band, lanes, widths, budget, ties))


def test_a_pan_that_keeps_the_same_bands_reuses_the_marks_without_them():
    from desktop.ui.timeline_layout import LayoutCache, TimelineModel

    rng = np.random.default_rng(2)
    n = 20_000
    x0 = np.sort(rng.uniform(1950, 2025, n))
    kind = (rng.random(n) < 0.05).astype(np.int8)  # PERIOD is 1
    model = TimelineModel(ids=np.array([f"e{i}" for i in range(n)], dtype=object), kind=kind, x0=x0,
                          x1=x0 + np.where(kind == 1, 80.0, 0.01), open_ended=np.zeros(n, dtype=bool),
                          lane=rng.integers(0, 4, n), lanes=["a", "b", "c", "d"], priority=np.zeros(n, dtype=np.int64))
    mask = np.ones(n, dtype=bool)
    first = LayoutCache(model, mask, (1990.0, 2010.0), 100.0, 1300.0, 12.0, 1)
    panned = LayoutCache(model, mask, (1990.37, 2010.37), 100.0, 1300.0, 12.0, 1)
    assert len(first.bands) and np.array_equal(first.bands, panned.bands)
    assert panned.flat is first.flat  # the marks without the bands: not copied again
    assert first.off_left.tolist() != panned.off_left.tolist() or first.lane_lo.tolist() != panned.lane_lo.tolist()


@pytest.mark.parametrize("seed", range(8))
def test_cell_starts_of_many_lanes_at_once_equal_each_lanes_cells(seed):
    """The grid cells of all lanes found in one pass: each range's cell starts are exactly where the
    cell formula changes, positions on and a floating-point step off the cell edges included."""
    from desktop.ui.timeline_cluster import _cell_starts, cell_of

    rng = np.random.default_rng(seed)
    scale, gap = float(rng.uniform(5, 400)), float(rng.choice([3.0, 12.0]))
    ranges, chunks, at = [], [], 0
    for _ in range(int(rng.integers(1, 9))):
        k0 = int(rng.integers(2000 * scale / gap, 2001 * scale / gap))
        edges = np.arange(k0, k0 + int(rng.integers(0, 40))) * gap / scale
        near = [edges, np.nextafter(edges, -np.inf), np.nextafter(edges, np.inf), np.repeat(edges[::5], 3)]
        p = np.sort(np.concatenate(near + [rng.uniform(2000, 2001, int(rng.integers(1, 60)))]))
        gap_before = int(rng.integers(0, 5))  # marks between lanes' ranges (off screen)
        chunks.append(np.full(gap_before, -1.0e9 if not chunks else chunks[-1][-1]))
        at += gap_before
        ranges.append((at, at + len(p)))
        chunks.append(p)
        at += len(p)
    pos = np.concatenate(chunks)
    a = np.array([r[0] for r in ranges]); b = np.array([r[1] for r in ranges])
    expected = []
    for lo, hi in ranges:
        cells = cell_of(pos[lo:hi], scale, gap)
        expected += (lo + np.flatnonzero(np.concatenate([[True], cells[1:] != cells[:-1]]))).tolist()
    assert _cell_starts(pos, a, b, scale, gap).tolist() == expected


def test_boxes_are_drawn_from_arrays_not_one_python_rect_each(qtbot, make_pane, default_dataset, monkeypatch):
    """A view change draws its group boxes and bands without a Python rectangle per box: each batch
    is handed to Qt as the array's memory and a count, and the picture is the one painted from nothing."""
    from PySide6.QtGui import QPainter

    pane, state = make_pane(default_dataset)
    view = pane.view
    view.grab()
    calls: list = []
    real = QPainter.drawRects
    monkeypatch.setattr(QPainter, "drawRects", lambda self, *a: (calls.append(a), real(self, *a))[1])
    view.pan(0.011)
    view.grab()
    layout = view.current_layout()
    assert len(layout.aggregates) + len(layout.bands) >= 10, "the full view must draw many boxes for this test"
    assert calls, "the boxes are drawn in batches"
    assert all(len(a) == 2 and isinstance(a[1], int) for a in calls), "a batch was a list of Python rectangles"
    drawn = sum(a[1] for a in calls)
    assert drawn >= len(layout.bands) + len(layout.aggregates)
    monkeypatch.undo()
    assert view.grab().toImage() == fresh_picture(qtbot, default_dataset, pane, state)
