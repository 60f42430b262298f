"""What making, resizing and fitting the chart's long lines costs, counted, not timed.

A long line is made with one drawn curve (pyqtgraph makes the chart's own) and
no scatter it would never show; it is given no points until it is in a view
(its window is worked out at the paint); a view that narrows marks its lines
out of date instead of running pyqtgraph's update; a series with no NaN builds
one pyramid of highs and lows for its line and its extent; and a fit reads
each line's pixel padding from what it kept, not from the pen each time.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest

from desktop.ui import chart_lod
from desktop.ui.chart_lod import Extent, LineViewBox, PeakCurve, Peaks

LONG = {"clipToView": True, "autoDownsample": True, "downsampleMethod": "peak", "dynamicRangeLimit": None}


def values(n: int = 50_000, seed: int = 0):
    rng = np.random.default_rng(seed)
    return 2000.0 + np.arange(n) / 365.25, 100.0 + np.cumsum(rng.normal(0, 1, n))


def make_line(x, y, **kwargs) -> PeakCurve:
    return PeakCurve(x, y, Extent(x, y), pen=pg.mkPen("#0072B2", width=2), **kwargs)


@pytest.fixture
def plot(qtbot):
    widget = pg.PlotWidget(viewBox=LineViewBox())
    qtbot.addWidget(widget)
    widget.resize(800, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def add(plot, line: PeakCurve) -> None:
    """Into the view through its parent, as the chart adds its lines (never first as a top-level scene item)."""
    vb = plot.getViewBox()
    line.setParentItem(vb.childGroup)
    vb.addItem(line)


def count_calls(monkeypatch, owner, name):
    calls = []
    real = getattr(owner, name)

    def counted(self, *args, **kwargs):
        calls.append(self)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_a_line_is_made_with_one_drawn_curve_and_no_scatter(qtbot, monkeypatch):
    curves = count_calls(monkeypatch, pg.PlotCurveItem, "__init__")
    scatters = count_calls(monkeypatch, pg.ScatterPlotItem, "__init__")
    x, y = values()
    line = make_line(x, y, **LONG)
    assert len(curves) == 1 and len(scatters) == 0
    assert line.curve is curves[0] and line.curve.parentItem() is line and line.curve.owner is line
    assert line.curve.opts["pen"].widthF() == 2  # styled as pyqtgraph styles its own curve
    # Clicks on the drawn curve reach the line, as they did from pyqtgraph's own curve.
    clicked = []
    line.sigClicked.connect(lambda item, event: clicked.append(item))
    line.curve.sigClicked.emit(line.curve, None)
    assert clicked == [line.curve]  # as pyqtgraph forwards its own curve's clicks


def test_a_symbol_given_later_makes_the_real_scatter(qtbot):
    x, y = values(100)
    line = make_line(x, y)
    line.setSymbol("o")
    assert isinstance(line.scatter, pg.ScatterPlotItem)
    assert line.scatter.parentItem() is line and line.scatter.isVisible()
    assert len(line.scatter.data) == 100
    assert line.pixelPadding() == line.curve.pixelPadding()


def test_a_long_line_gets_no_points_until_its_view_paints_it(plot):
    x, y = values()
    line = make_line(x, y, **LONG)
    assert len(line.curve.xData) == 0 and line._stale  # pyqtgraph gave all 50,000 here
    assert line.curve.isVisible() and line.curve.opts["pen"].widthF() == 2
    add(plot, line)
    plot.setXRange(2010.0, 2020.0, padding=0)
    plot.grab()
    assert line.windows_made == 1
    assert 0 < len(line.curve.xData) < len(x) and not line._stale
    assert line.curve.xData[0] <= 2010.0 and line.curve.xData[-1] >= 2020.0


def test_a_line_without_the_options_gets_pyqtgraphs_points():
    x, y = values(3000)
    line = make_line(x, y)
    assert len(line.curve.xData) == 3000 and not line._stale


def test_a_narrower_view_marks_its_lines_out_of_date_and_works_each_window_out_once(plot, qtbot, monkeypatch):
    lines = [make_line(*values(seed=k), **LONG) for k in range(3)]
    for line in lines:
        add(plot, line)
    plot.setXRange(2010.0, 2020.0, padding=0)
    plot.grab()
    before = [line.windows_made for line in lines]
    updates = count_calls(monkeypatch, pg.PlotDataItem, "updateItems")
    vb = plot.getViewBox()
    plot.resize(500, 400)  # as a ticked series narrows the plot
    qtbot.waitUntil(lambda: all(line._display_width == vb.width() for line in lines))
    plot.grab()
    assert updates == []  # pyqtgraph's update ran once per line per transform change
    assert [line.windows_made - b for line, b in zip(lines, before)] == [1, 1, 1]
    for line in lines:
        assert line.curve.xData[0] <= 2010.0 and line.curve.xData[-1] >= 2020.0


def test_a_series_with_no_nan_builds_one_pyramid_for_its_extent_and_line(monkeypatch):
    halvings = []
    real = chart_lod._halve
    monkeypatch.setattr(chart_lod, "_halve", lambda v, c: (halvings.append(len(v)), real(v, c))[1])
    x, y = values(1001)  # odd lengths at several levels
    extent = Extent(x, y)
    peaks = Peaks(y)
    levels = len(extent.peaks.highs) - 1
    assert len(halvings) == 2 * levels  # highs and lows once, not once for the extent and again for the line
    for k in range(levels + 1):
        size = 1 << k
        want_high = [y[i:i + size].max() for i in range(0, len(y), size)]
        want_low = [y[i:i + size].min() for i in range(0, len(y), size)]
        assert np.array_equal(peaks.highs[k], want_high) and np.array_equal(peaks.lows[k], want_low)
    assert extent.y_bounds((2000.5, 2001.5)) == (
        float(y[(x >= 2000.5) & (x <= 2001.5)].min()), float(y[(x >= 2000.5) & (x <= 2001.5)].max()))


def test_a_series_with_a_nan_keeps_two_pyramids_gaps_and_skips(monkeypatch):
    x, y = values(1001)
    y = y.copy()
    y[500] = np.nan
    extent, peaks = Extent(x, y), Peaks(y)
    assert peaks.highs is not extent.peaks.highs
    assert np.isnan(peaks.highs[-1][0]) and not np.isnan(extent.peaks.highs[-1][0])  # a gap; a skip
    assert extent.y_bounds() == (float(np.nanmin(y)), float(np.nanmax(y)))


def test_a_fit_reads_each_lines_padding_once_per_pen(plot, monkeypatch):
    lines = [make_line(*values(seed=k), **LONG) for k in range(3)]
    for line in lines:
        add(plot, line)
    plot.grab()
    vb = plot.getViewBox()
    paddings = count_calls(monkeypatch, pg.PlotCurveItem, "pixelPadding")
    first = vb.childrenBounds()
    again = vb.childrenBounds()
    assert paddings == [] and first == again  # known from the lines' pens already
    lines[0].setPen(pg.mkPen("#0072B2", width=8))
    vb.childrenBounds()
    assert len(paddings) == 1  # the line whose pen changed, once
    assert lines[0].pixelPadding() == pytest.approx(8 * 0.7072)


def test_a_new_pen_leaves_the_window_to_the_paint_and_a_narrower_view_works_it_out_once(plot, qtbot):
    line = make_line(*values(), **LONG)
    add(plot, line)
    plot.setXRange(2010.0, 2020.0, padding=0)
    plot.grab()
    before = line.windows_made
    wide = pg.mkPen("#0072B2", width=3)
    line.set_moving(True, pg.mkPen("#0072B2", width=1))  # as a ticked series draws the chart light ...
    line.set_moving(False, wide)  # ... and gives the lines their pens back
    assert line.windows_made == before and line.curve.opts["pen"].widthF() == 3  # styled now, points later
    vb = plot.getViewBox()
    plot.resize(500, 400)  # the plot narrows for the ticked series
    qtbot.waitUntil(lambda: line._display_width == vb.width())
    plot.grab()
    assert line.windows_made == before + 1  # for the new width only
    assert line.curve.opts["pen"].widthF() == 3 and line.curve.xData[0] <= 2010.0 <= 2020.0 <= line.curve.xData[-1]
