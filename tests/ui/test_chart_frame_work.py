"""What one frame of a pan costs the chart's lines, counted, not timed.

A line's window (its peaks for the range in view) is worked out when the view
is painted, once however often the range moved since the last paint; the
drawn curves' bounding boxes read their view's pixel size, worked out once
per view and transform, not once per line.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication

from desktop.ui.chart_canvas import LIGHT_LIMIT
from desktop.ui.chart_lod import Peaks
from test_chart_support import PaintCount, chart_window, long_lines
from test_chart_support import daily_series as daily


@pytest.fixture
def chart(qtbot):
    widget, canvas = chart_window(qtbot)
    canvas.set_series([daily("a", "things", seed=1), daily("b", "things", seed=2), daily("c", "others", seed=3)])
    canvas.auto_x_range()
    widget.grab()  # painted once at rest
    yield widget, canvas


def test_a_line_works_its_window_out_once_per_paint_however_often_the_range_moved(chart, monkeypatch):
    widget, canvas = chart
    calls = []
    real = Peaks.window
    monkeypatch.setattr(Peaks, "window", lambda self, *a: (calls.append(self), real(self, *a))[1])
    vb = canvas.rows[0].plot.vb
    # Fewer values than a moving view is drawn light for: no pen changes (which redo a window) here.
    assert sum(d.count for row in canvas.rows for d in row.drawn) <= LIGHT_LIMIT
    canvas.set_x_range(2005.0, 2008.0)
    widget.grab()
    calls.clear()
    for _ in range(3):  # a drag can move the view several times between two paints
        vb.translateBy(x=1.0)  # three years on in all: beyond the points worked out for the last view
    assert calls == []  # nothing drawn yet, nothing worked out
    widget.grab()
    lines = long_lines(canvas)
    assert len(lines) == 3 and sorted(map(id, calls)) == sorted(id(line._peaks) for line in lines)
    for line in lines:  # each curve drew the window for the range shown now
        xs, _ = line.getData()
        assert line.curve.xData is xs
        x0, x1 = canvas.x_range()
        data, two_px = line.xData, 2 * (x1 - x0) / canvas.rows[0].plot.vb.width()  # a group's middle
        assert xs[0] <= max(x0, data[0]) + two_px and xs[-1] >= min(x1, data[-1]) - two_px
    calls.clear()
    widget.grab()  # painted again, the range unchanged: nothing worked out again
    assert calls == []
    drawn = {id(line): line.curve.xData for line in lines}
    vb.translateBy(x=0.3)  # a tenth of the view on: within the spare points worked out either side
    widget.grab()
    assert calls == [] and all(line.curve.xData is drawn[id(line)] for line in lines)  # drawn again as they were
    x0, x1 = canvas.x_range()
    for line in lines:  # and they still run on past both edges of the view
        xs = line.curve.xData
        assert xs[0] < x0 and xs[-1] > x1


def line_groups(canvas) -> float:
    """Values per drawn point pair of the first line (the size of its groups)."""
    line = long_lines(canvas)[0]
    x0, x1 = canvas.x_range()
    shown = line.curve.xData
    in_view = np.count_nonzero((line.xData >= x0) & (line.xData <= x1))
    return in_view / (np.count_nonzero((shown >= x0) & (shown <= x1)) / 2)


def test_points_kept_for_a_pan_are_those_a_window_for_the_view_has(chart):
    """Reusing the points worked out for a wider stretch draws, within the view, the points a window
    worked out for just this view would: the groups are counted from the first value."""
    widget, canvas = chart
    vb = canvas.rows[0].plot.vb
    canvas.set_x_range(2002.0, 2012.0)  # about four values per pixel column: groups, not single values
    widget.grab()
    vb.translateBy(x=1.0)
    widget.grab()
    x0, x1 = canvas.x_range()
    assert line_groups(canvas) > 1
    for line in long_lines(canvas):
        kept_x, kept_y = line.curve.xData, line.curve.yData
        line._window_kept = None  # forget it: work a window out for this view alone
        line._datasetDisplay = None
        fresh_x, fresh_y = line.getData()
        assert fresh_x is not kept_x
        inside = (kept_x >= x0) & (kept_x <= x1)
        fresh_inside = (fresh_x >= x0) & (fresh_x <= x1)
        assert np.array_equal(kept_x[inside], fresh_x[fresh_inside])
        assert np.array_equal(kept_y[inside], fresh_y[fresh_inside], equal_nan=True)


def test_the_curves_bounding_boxes_read_the_pixel_size_once_per_view(chart, monkeypatch):
    widget, canvas = chart
    asked = []
    real = pg.GraphicsItem.pixelVectors
    monkeypatch.setattr(pg.GraphicsItem, "pixelVectors", lambda self, *a: (asked.append(self), real(self, *a))[1])
    canvas.rows[0].plot.vb.translateBy(x=0.2)
    widget.grab()
    curves = {id(line.curve) for line in long_lines(canvas)}
    assert not curves & {id(item) for item in asked}  # no curve worked its own out
    views = {id(d.vb) for row in canvas.rows for d in row.drawn}
    assert len(views) == 2 and len(asked) <= len(views)  # left and right values: once each
    for line in long_lines(canvas):  # and each box still holds the whole window drawn
        xs, ys = line.curve.xData, line.curve.yData
        rect = line.curve.boundingRect()
        assert rect.left() < xs.min() and rect.right() > xs.max()
        assert rect.top() < np.nanmin(ys) and rect.bottom() > np.nanmax(ys)


def test_a_pan_fits_the_values_to_what_is_in_view_by_the_next_paint(chart):
    widget, canvas = chart
    vb = canvas.rows[0].plot.vb
    for x0, x1 in [(2010.0, 2012.0), (2004.0, 2015.0), (2003.0, 2004.0)]:
        (shown0, shown1), _ = vb.viewRange()
        vb.translateBy(x=x0 - shown0)  # moved as a drag moves it, not through the canvas
        vb.scaleBy(x=(x1 - x0) / (shown1 - shown0), center=(x0, 0))
        widget.grab()
        (shown0, shown1), (low, high) = vb.viewRange()
        in_view = np.concatenate([d.y[(d.series.x >= shown0) & (d.series.x <= shown1)]
                                  for d in canvas.rows[0].drawn if d.vb is vb])
        assert low <= in_view.min() and high >= in_view.max()
        assert high - low <= 1.2 * (in_view.max() - in_view.min())  # fitted, not left at the old range


def test_a_moving_view_draws_whole_pyramid_levels_kept_across_a_zoom_and_exact_groups_at_rest(chart, monkeypatch):
    widget, canvas = chart
    canvas.set_x_range(2002.0, 2012.0)
    widget.grab()
    lines = long_lines(canvas)
    at_rest = {id(line): tuple(np.copy(a) for a in line.getData()) for line in lines}
    assert line_groups(canvas) > 2  # groups of a few values: not a power of two here
    for line in lines:
        line.set_moving(True, pg.mkPen("k", width=1))
    widget.grab()
    calls = []
    real = Peaks.window
    monkeypatch.setattr(Peaks, "window", lambda self, *a: (calls.append(self), real(self, *a))[1])
    vb = canvas.rows[0].plot.vb
    drawn = {id(line): line.curve.xData for line in lines}
    vb.scaleBy(x=0.97)  # a zoom step too small to halve the groups
    widget.grab()
    assert calls == [] and all(line.curve.xData is drawn[id(line)] for line in lines)
    for line in lines:
        line.set_moving(False, pg.mkPen("k", width=2))
    vb.scaleBy(x=1 / 0.97)
    widget.grab()
    lo, hi = canvas.x_range()
    for line in lines:  # at rest: within the view, exactly the groups drawn before the view moved
        xs, ys = line.getData()
        x0, y0 = at_rest[id(line)]
        now, before = (xs >= lo) & (xs <= hi), (x0 >= lo) & (x0 <= hi)
        assert np.array_equal(xs[now], x0[before]) and np.array_equal(ys[now], y0[before], equal_nan=True)


@pytest.mark.parametrize("added", [["b"], ["c"], ["b", "c"]])
def test_a_series_ticked_after_the_others_is_drawn_into_the_plots_there_are_with_the_same_picture(qtbot, added):
    made = {sid: daily(sid, "others" if sid == "c" else "things", seed=i) for i, sid in enumerate("abc")}
    first = [made["a"]]
    wanted = first + [made[sid] for sid in added]
    widget, canvas = chart_window(qtbot)
    canvas.set_series(first, x_range=(2003.0, 2009.0))
    canvas.set_marker((2005.0, 2005.0), "An event")
    canvas.set_ring(("a", 1500))
    plots = [row.plot for row in canvas.rows]
    line = canvas.drawn_of("a")[1].lines[0][0]
    canvas.set_series(wanted)
    assert canvas.added_in_place == 1
    assert [row.plot for row in canvas.rows] == plots and canvas.drawn_of("a")[1].lines[0][0] is line  # kept
    other_widget, other = chart_window(qtbot)
    other.set_series(wanted, x_range=(2003.0, 2009.0))  # drawn from nothing
    other.set_marker((2005.0, 2005.0), "An event")
    other.set_ring(("a", 1500))
    assert other.added_in_place == 0
    assert canvas.x_range() == other.x_range()
    assert [row.units for row in canvas.rows] == [row.units for row in other.rows]
    assert widget.grab().toImage() == other_widget.grab().toImage()


def test_unticking_or_a_new_row_still_draws_the_plots_anew(qtbot):
    made = [daily(sid, unit, seed=i) for i, (sid, unit) in enumerate([("a", "u1"), ("b", "u2"), ("c", "u3")])]
    _, canvas = chart_window(qtbot)
    canvas.set_series(made[:2])
    plots = [row.plot for row in canvas.rows]
    canvas.set_series(made)  # a third unit: a second plot row
    assert canvas.added_in_place == 0 and len(canvas.rows) == 2 and canvas.rows[0].plot is not plots[0]
    canvas.set_series(made[:1])  # unticked
    assert canvas.added_in_place == 0 and len(canvas.rows) == 1


def _settle() -> None:
    for _ in range(4):  # as the benchmark does: what the paint queues is run too
        QCoreApplication.processEvents()


@pytest.mark.parametrize("move", ["focus", "pan", "zoom"])
def test_a_moved_range_is_painted_once_and_shows_what_a_full_repaint_shows(chart, qtbot, move):
    """The view is prepared (values fitted, transform set, lines given their windows) before its paint,
    not inside it, where those changes made Qt paint the whole plot a second time."""
    widget, canvas = chart
    vb = canvas.rows[0].plot.vb
    paints = PaintCount(widget.viewport())
    for step in range(3):
        paints.count = 0
        ahead = vb.prepared_ahead
        if move == "focus":
            canvas.set_x_range(2001.0 + 2 * step, 2004.0 + 3 * step)
        elif move == "pan":
            for _ in range(3):  # a drag can move the view several times between two paints
                vb.translateBy(x=0.2)
        else:
            vb.scaleBy(x=0.8)
        qtbot.waitUntil(lambda: paints.count > 0)
        _settle()
        assert paints.count == 1
        assert vb.prepared_ahead == ahead + 1  # once, however often the range moved
        assert all(not line._stale for line in long_lines(canvas))
        shown = widget.screen().grabWindow(widget.winId()).toImage()
        widget.viewport().update()
        qtbot.waitUntil(lambda: paints.count > 1)
        assert widget.screen().grabWindow(widget.winId()).toImage() == shown


def test_a_hidden_chart_works_no_window_out_until_it_is_painted(chart, qtbot):
    widget, canvas = chart
    vb = canvas.rows[0].plot.vb
    widget.hide()
    ahead = vb.prepared_ahead
    vb.translateBy(x=2.0)
    _settle()
    assert vb.prepared_ahead == ahead and all(line._stale for line in long_lines(canvas))
    widget.show()
    qtbot.waitExposed(widget)
    widget.grab()
    assert all(not line._stale for line in long_lines(canvas))
