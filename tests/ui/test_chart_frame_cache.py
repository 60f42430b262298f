"""What a pan or zoom frame no longer works out again when it cannot have changed, counted, not timed.

A marker item's bounds (a scan of all its points) depend on its points, not on
the view's transform; an axis title's text is the same for every frame of a pan;
and the lines of one view that a new range marks out of date ask for one fit and
one repaint of their view, not one each.
"""
from __future__ import annotations

import pyqtgraph as pg
import pytest
from pyqtgraph.graphicsItems.ScatterPlotItem import ScatterPlotItem

from desktop.ui.chart_axes import TimeAxis, ValueAxis
from desktop.ui.chart_lod import LineViewBox
from test_chart_support import chart_window, long_lines
from test_chart_support import daily_series as daily


@pytest.fixture
def chart(qtbot):
    widget, canvas = chart_window(qtbot)
    canvas.set_series([daily("a", "things", n=2500, seed=1, scattered=0.1),
                       daily("b", "things", n=2500, seed=2, estimated=0.2), daily("c", "others", n=2500, seed=3)])
    canvas.auto_x_range()
    widget.grab()  # painted once at rest
    yield widget, canvas
    canvas._fill.stop()  # the idle fill of hidden markers' points, not waited for here


def scatters(canvas) -> list:
    return [m.scatter for row in canvas.rows for d in row.drawn for m in d.markers]


def pan(widget, canvas, frames: int, step: float = 0.05) -> None:
    vb = canvas.rows[0].plot.vb
    for _ in range(frames):
        (x0, x1), _ = vb.viewRange()
        vb.translateBy(x=(x1 - x0) * step)
        widget.grab()


def test_marker_bounds_are_scanned_once_per_set_of_points_not_once_per_frame(chart, monkeypatch):
    widget, canvas = chart
    for row in canvas.rows:
        for d in row.drawn:
            for marker in d.markers:
                marker.give_points()  # as the idle fill does (hidden markers are asked their bounds too)
    canvas.rows[0].plot.vb.scaleBy(x=0.1)  # close enough for some markers to show
    widget.grab()
    items = scatters(canvas)
    assert items and all(len(s.data) for s in items) and any(s.isVisible() for s in items)
    for item in items:
        item.dataBounds(0), item.dataBounds(1)  # known for the points as they are
    scans = []
    real = ScatterPlotItem.dataBounds

    def counted(self, ax, frac=1.0, orthoRange=None):  # noqa: N803 - pyqtgraph's name
        if orthoRange is None and self.bounds[ax] is None:
            scans.append(self)  # all points read (a fit of what is in view reads those in view, each frame)
        return real(self, ax, frac, orthoRange)

    monkeypatch.setattr(ScatterPlotItem, "dataBounds", counted)
    pan(widget, canvas, 6)
    for zoom in (0.8, 0.8, 1.25):
        canvas.rows[0].plot.vb.scaleBy(x=zoom)
        widget.grab()
    assert scans == []  # every frame changed the view's transform; no marker's points were read again
    for item in items:  # and the answers are pyqtgraph's, worked out afresh
        for ax in (0, 1):
            item.bounds = [None, None]
            assert item.dataBounds(ax) == real(item, ax)
    monkeypatch.undo()
    # New points are scanned again.
    item = next(s for s in items if len(s.data))
    x, y = item.getData()
    item.setData(x=x, y=y * 2)
    assert item.dataBounds(1) == (float(min(y * 2)), float(max(y * 2)))


def test_an_axis_title_is_given_its_html_only_when_it_changes(chart):
    widget, canvas = chart
    axes = [canvas.rows[0].plot.getAxis(name) for name in ("left", "bottom", "right")]
    assert isinstance(axes[0], ValueAxis) and isinstance(axes[1], TimeAxis)
    set_html = []
    for axis in axes:
        real = axis.label.setHtml
        axis.label.setHtml = lambda text, real=real, axis=axis: (set_html.append(axis), real(text))[1]
    pan(widget, canvas, 5)
    canvas.rows[0].plot.vb.scaleBy(x=0.8)
    widget.grab()
    assert set_html == []  # ranges moved on every axis, the titles' words did not
    plot = canvas.rows[0].plot
    plot.setLabel("left", "other words")
    assert set_html == [axes[0]] and "other words" in axes[0].label.toPlainText()
    assert "other words" in axes[0].labelString()


def test_a_new_range_asks_each_view_for_one_fit_not_one_per_line(chart, monkeypatch):
    widget, canvas = chart
    vb = canvas.rows[0].plot.vb
    lines = [line for line in long_lines(canvas) if line.getViewBox() is vb and line._peaks_apply()]
    assert len(lines) >= 2
    asked = []
    real = LineViewBox.queueUpdateAutoRange
    monkeypatch.setattr(LineViewBox, "queueUpdateAutoRange", lambda self: (asked.append(self), real(self))[1])
    for k in range(4):
        asked.clear()
        (x0, x1), _ = vb.viewRange()
        vb.translateBy(x=(x1 - x0) * (0.3 if k % 2 else -0.3))
        assert asked.count(vb) <= 1  # one per frame at most, however many lines the view holds
        assert all(line._stale for line in lines)
        widget.grab()
        assert not any(line._stale for line in lines)  # each line given its window at the paint
    # Same picture as a chart painted anew at that range.
    shown = widget.grab().toImage()
    for line in lines:
        line._window_kept = None
        line._mark_stale()
    vb.updateAutoRange()
    assert widget.grab().toImage() == shown
    assert isinstance(pg.ViewBox, type)


def test_the_hidden_top_axis_is_not_given_new_html_on_every_frame(chart):
    widget, canvas = chart
    top = canvas.rows[0].plot.getAxis("top")
    assert not top.isVisible()
    set_html = []
    real = top.label.setHtml
    top.label.setHtml = lambda text: (set_html.append(text), real(text))[1]
    pan(widget, canvas, 4)
    assert set_html == [] and top.autoSIPrefixScale == 1.0


def test_markers_in_view_are_fitted_from_a_slice_with_pyqtgraphs_answer(chart, monkeypatch):
    widget, canvas = chart
    for row in canvas.rows:
        for d in row.drawn:
            for marker in d.markers:
                marker.give_points()
    items = [s for s in scatters(canvas) if len(s.data) > 10]
    assert items
    for item in items:
        x, y = item.getData()
        for lo, hi in ((x[3], x[-4]), (x[0] - 1, x[5]), (x[-1] + 1, x[-1] + 2), (x[7], x[7]), (x[9], x[2])):
            expected = ScatterPlotItem.dataBounds(item, 1, 1.0, (lo, hi))
            assert item.dataBounds(1, orthoRange=(lo, hi)) == expected
            expected = ScatterPlotItem.dataBounds(item, 0, 1.0, (min(y), max(y)))
            assert item.dataBounds(0, orthoRange=(min(y), max(y))) == expected  # y unsorted: pyqtgraph's way
    # A fit while markers show reads slices, not a mask over every point.
    counted = []
    real = ScatterPlotItem.dataBounds
    monkeypatch.setattr(ScatterPlotItem, "dataBounds",
                        lambda self, ax, frac=1.0, orthoRange=None: (counted.append(orthoRange), real(self, ax, frac, orthoRange))[1])
    canvas.rows[0].plot.vb.scaleBy(x=0.1)
    widget.grab()
    assert any(s.isVisible() for s in items)
    assert [o for o in counted if o is not None] == []


def test_a_lines_times_are_read_for_their_bounds_once_not_by_every_fit():
    import numpy as np

    from desktop.ui.chart_lod import Extent

    class Counted(np.ndarray):
        reads = 0

        def __getitem__(self, key):
            if isinstance(key, int):
                Counted.reads += 1
            return super().__getitem__(key)

    x = (2000.0 + np.arange(1000) / 365.25).view(Counted)
    extent = Extent(x, np.sin(np.arange(1000.0)))
    Counted.reads = 0
    bounds = [extent.x_bounds() for _ in range(5)]
    assert bounds == [(2000.0, 2000.0 + 999 / 365.25)] * 5
    assert Counted.reads == 2  # first and last, once


def test_a_frame_asks_each_line_once_whether_it_is_drawn_from_its_peaks(chart, monkeypatch):
    from desktop.ui.chart_lod import PeakCurve

    widget, canvas = chart
    vb = canvas.rows[0].plot.vb
    lines = [line for line in long_lines(canvas) if line.getViewBox() is vb and line._peaks_apply()]
    asked = []
    real = PeakCurve._peaks_apply
    monkeypatch.setattr(PeakCurve, "_peaks_apply", lambda self: (asked.append(self), real(self))[1])
    vb.translateBy(x=2.0)  # beyond the windows kept: new windows for every line
    asked.clear()
    vb.prepareForPaint()
    ids = [id(line) for line in asked]
    assert [ids.count(id(line)) for line in lines] == [1] * len(lines)  # once each while given their windows
    assert not any(line._stale for line in lines)


def test_a_marker_box_is_worked_out_once_per_view_transform_and_follows_a_move(chart):
    from desktop.ui.chart_items import MarkerScatter

    widget, canvas = chart
    for row in canvas.rows:
        for d in row.drawn:
            for marker in d.markers:
                marker.give_points()
    canvas.rows[0].plot.vb.scaleBy(x=0.1)  # close enough for markers to show
    widget.grab()
    items = [s for s in scatters(canvas) if len(s.data) and s.isVisible()]
    assert items
    frames = 4
    before = MarkerScatter.rects_made
    pan(widget, canvas, frames)
    made = MarkerScatter.rects_made - before
    assert 0 < made <= frames * len(items)  # Qt asks each item several times a frame; worked out once
    for item in items:  # the box pyqtgraph's formula gives, for the view as it is now
        px, py = item.getViewBox().pixel_size()
        pad = item.pixelPadding()
        (x0, x1), (y0, y1) = item.dataBounds(0), item.dataBounds(1)
        expected = (x0 - px * pad, y0 - py * pad, 2 * px * pad + x1 - x0, 2 * py * pad + y1 - y0)
        r = item.boundingRect()
        assert (r.x(), r.y(), r.width(), r.height()) == pytest.approx(expected, rel=1e-12, abs=1e-12)
    # Moved off its place in the view (an offset): pyqtgraph's own box, not the kept one.
    item = items[0]
    item.parentItem().setPos(1.0, 0.0)
    assert item._view_pixels() is None
    assert item.boundingRect() == ScatterPlotItem.boundingRect(item)
    item.parentItem().setPos(0.0, 0.0)
    assert item._view_pixels() == item.getViewBox().pixel_size()
