"""The event ticks' one-per-pixel-column choice: the same ticks as working out every tick's column, for work
that grows with the plot's width, not with the events in view (100,000 at a wide range, every frame)."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.ui import chart_ticks
from desktop.ui.chart_ticks import tick_columns


def every_column(xs: np.ndarray, left: float, right: float, per_px: float) -> np.ndarray:
    """The rule spelled out: the ticks in [left, right], each kept if its column differs from the one before."""
    shown = xs[(xs >= left) & (xs <= right)]
    if per_px <= 0 or len(shown) < 2:
        return shown
    columns = np.floor((shown - left) / per_px)
    keep = np.concatenate(([True], columns[1:] != columns[:-1]))
    return shown[keep]


def test_many_ticks_in_few_columns_give_the_same_ticks_working_out_few_columns(monkeypatch):
    rng = np.random.default_rng(3)
    xs = np.sort(1880 + rng.random(100_000) * 140)
    left, right, width = 1875.0, 2025.0, 493
    per_px = (right - left) / width
    expected = every_column(xs, left, right, per_px)
    sizes = []
    real = np.floor
    monkeypatch.setattr(np, "floor", lambda values, *a, **k: (sizes.append(np.size(values)), real(values, *a, **k))[1])
    found = tick_columns(xs, left, right, per_px)
    monkeypatch.undo()
    assert np.array_equal(found, expected) and len(found) <= width + 1
    assert sizes and max(sizes) <= 4 * (width + 1)  # columns worked out for candidates, not for 100,000 ticks


@pytest.mark.parametrize("width", [7, 120, 493])
def test_ticks_exactly_on_column_edges_and_repeated_dates(width):
    rng = np.random.default_rng(width)
    left, per_px = 2000.0, 0.37 / width
    on_edges = left + per_px * rng.integers(0, width, 20 * width).astype(float)
    repeated = np.round(left + rng.random(20 * width) * 0.37, 3)
    for xs in (np.sort(on_edges), np.sort(repeated), np.sort(np.concatenate([on_edges, repeated]))):
        assert np.array_equal(tick_columns(xs, left, left + 0.37, per_px), every_column(xs, left, left + 0.37, per_px))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 400), min_size=0, max_size=600), st.integers(-50, 50), st.integers(1, 300),
       st.integers(1, 40), st.sampled_from([1.0, 1 / 365.25, 1 / 12, 0.1]))
def test_the_same_ticks_as_working_out_every_tick(days, shift, span, width, unit):
    xs = np.sort(1990.0 + np.array(days, dtype=float) * unit)
    left = 1990.0 + shift * unit
    right = left + span * unit
    per_px = (right - left) / width
    assert np.array_equal(tick_columns(xs, left, right, per_px), every_column(xs, left, right, per_px))
    assert chart_ticks.tick_columns is tick_columns


def test_a_frame_builds_the_tick_path_without_tiling_its_ends_anew(qtbot, monkeypatch):
    from test_chart_support import chart_window
    from test_chart_support import daily_series as daily

    widget, canvas = chart_window(qtbot)
    canvas.set_series([daily("a", "things", n=2500, seed=1)])
    xs = np.sort(2000 + np.random.default_rng(2).random(5_000) * 7)
    canvas.set_event_markers(xs)
    canvas.auto_x_range()
    widget.grab()
    ticks = canvas.rows[0].ticks
    tiled = []
    real = np.tile
    monkeypatch.setattr(np, "tile", lambda *a, **k: (tiled.append(a), real(*a, **k))[1])
    vb = canvas.rows[0].plot.vb
    for _ in range(3):
        (x0, x1), _ = vb.viewRange()
        vb.translateBy(x=(x1 - x0) * 0.05)
        widget.grab()
    monkeypatch.undo()
    canvas._fill.stop()
    assert tiled == []
    shown = ticks.shown()
    path = ticks._path
    assert path.elementCount() == 2 * len(shown) and len(shown) > 100
    for i in (0, len(shown) // 2, len(shown) - 1):  # each tick from the bottom (0) to the top (1) of its strip
        bottom, top = path.elementAt(2 * i), path.elementAt(2 * i + 1)
        assert (bottom.x, bottom.y, top.x, top.y) == (shown[i], 0.0, shown[i], 1.0)
