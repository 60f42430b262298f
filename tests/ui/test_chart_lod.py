"""The chart's level of detail: peaks worked out once give the same picture as reading every value per frame."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest

from desktop.ui.chart_canvas import LIGHT_LIMIT
from desktop.ui.chart_data import ChartSeries
from desktop.ui.chart_lod import Extent, Peaks, PeakCurve
from test_chart_support import chart_window


def test_extent_is_the_lowest_and_highest_value_of_any_stretch():
    rng = np.random.default_rng(1)
    y = rng.normal(0, 1, 1001)
    y[rng.choice(1001, 50, replace=False)] = np.nan  # a log of 0, say: skipped, not a gap
    peaks = Peaks(y, ignore_nan=True)
    for lo, hi in [(0, 1001), (0, 1), (1000, 1001), (3, 4), (17, 513), (500, 500), *rng.integers(0, 1002, (200, 2))]:
        lo, hi = int(min(lo, hi)), int(max(lo, hi))
        part = y[lo:hi]
        expected = None if not np.isfinite(part).any() else (np.nanmin(part), np.nanmax(part))
        assert peaks.extent(lo, hi) == expected


def brute_force_groups(x, y, a, b, size):
    """Highest and lowest of each group of `size` values counted from the first value, over groups meeting [a, b)."""
    out = []
    for g in range(a // size, -(-b // size)):
        part = y[g * size: (g + 1) * size]
        out.append((x[min(g * size + size // 2, len(x) - 1)], part.max(), part.min()))
    return out


@pytest.mark.parametrize("ds", [1, 2, 3, 4, 5, 7, 8, 13, 64, 100, 1000])
def test_a_window_keeps_each_groups_highest_and_lowest_value(ds):
    rng = np.random.default_rng(ds)
    n = 10_007  # not a power of two: the last group is short
    x = np.arange(n) / 10.0
    y = np.cumsum(rng.normal(0, 1, n))
    peaks = Peaks(y)
    for a, b in [(0, n), (123, 4567), (n - 5, n), (0, 3)]:
        xs, ys, connect = peaks.window(x, a, b, ds)
        assert connect is None
        if ds == 1:
            assert list(xs) == list(x[a:b]) and list(ys) == list(y[a:b])
            continue
        run = 1 << max(0, (ds // 4).bit_length() - 1)  # runs of a power of two values, at most ds/4
        size = ds // run * run
        assert 0.75 * ds < size <= ds  # groups of about ds values
        expected = brute_force_groups(x, y, a, b, size)
        assert list(xs[0::2]) == [e[0] for e in expected]
        assert list(ys[0::2]) == [e[1] for e in expected] and list(ys[1::2]) == [e[2] for e in expected]
        # Nothing in the window is lost: every value lies within its group's drawn stroke.
        assert ys.max() >= y[a:b].max() and ys.min() <= y[a:b].min()


def test_a_break_in_the_line_stays_a_gap_and_joins_are_kept():
    x = np.arange(64, dtype=float)
    y = np.arange(64, dtype=float)
    y[20] = np.nan  # the solid line is broken where a dashed segment is drawn instead
    connect = np.ones(64, dtype=bool)
    connect[40] = False  # a dashed line's segments are not joined to each other
    xs, ys, joined = Peaks(y, connect).window(x, 0, 64, 8)
    assert np.isnan(ys[4]) and np.isnan(ys[5])  # the group holding the break (values 16-23), as pyqtgraph draws it
    assert np.isfinite(np.delete(ys, [4, 5])).all()
    assert joined[0::2].all()  # a group's highest always joins its lowest
    assert list(np.flatnonzero(~joined)) == [2 * 5 + 1]  # the group holding 40 does not join the next


@pytest.fixture
def chart(qtbot):
    widget, canvas = chart_window(qtbot)
    yield canvas  # the widget (and with it the canvas) lives until the test is done


def spiky_series(n: int = 15_000) -> ChartSeries:
    """Daily values with one spike in the middle; fewer than LIGHT_LIMIT, so a moving view stays themed."""
    x = 2000.0 + np.arange(n) / 365.25
    y = 100.0 + np.sin(np.arange(n) / 50.0)
    y[n // 2] = 5000.0  # one spike in the middle
    qualifiers = np.full(n, "exact", dtype=object)
    return ChartSeries(series_id="spiky", title="Spiky", unit="things", period_type="day", group="", colour="#0072B2",
                       x=x, y=y, x0=x, x1=x + 1 / 365.25, periods=np.array([f"d{i}" for i in range(n)], dtype=object),
                       qualifiers=qualifiers, exact=qualifiers == "exact")


def test_lines_are_drawn_from_peaks_and_keep_the_spike_wherever_it_is_in_view(chart):
    s = spiky_series()
    assert len(s.x) < LIGHT_LIMIT
    chart.set_series([s])
    _, drawn = chart.drawn_of("spiky")
    line = drawn.lines[0][0]
    assert isinstance(line, PeakCurve)
    width = drawn.vb.width()
    spike = s.x[len(s.x) // 2]
    for span in [None, (spike - 10, spike + 5), (spike - 0.3, spike + 0.3), (spike - 0.003, spike + 0.004)]:
        if span is None:
            chart.auto_x_range()
        else:
            chart.set_x_range(*span)
        xs, ys = line.getData()
        x0, x1 = chart.x_range()
        in_view = (s.x >= x0) & (s.x <= x1)
        assert len(xs) <= 3 * width
        assert ys.max() == s.y[in_view].max() and ys.min() <= s.y[in_view].min()
        two_px = 2 * (x1 - x0) / width  # a group's middle is at most about a pixel in
        assert xs[0] <= max(x0, s.x[0]) + two_px and xs[-1] >= min(x1, s.x[-1]) - two_px  # runs to the edges


def test_the_value_axis_fits_the_values_in_view_only(chart):
    s = spiky_series()
    chart.set_series([s])
    vb = chart.rows[0].plot.vb
    chart.set_x_range(2001.0, 2010.0)  # the spike (in 2020) is to the right
    low, high = vb.viewRange()[1]
    in_view = s.y[(s.x >= 2001.0) & (s.x <= 2010.0)]
    assert low < in_view.min() and in_view.max() < high < 200  # fitted with a margin; the spike gives no room
    chart.set_x_range(2019.0, 2022.0)
    assert vb.viewRange()[1][1] > 5000.0


def test_extent_answers_for_a_time_range():
    x = np.array([1.0, 2.0, 3.0, 4.0])
    extent = Extent(x, np.array([5.0, np.nan, -1.0, 7.0]))
    assert extent.y_bounds((1.5, 3.0)) == (-1.0, -1.0)
    assert extent.y_bounds((1.5, 2.5)) == (None, None)
    assert extent.y_bounds(None) == (-1.0, 7.0)
    assert extent.x_bounds() == (1.0, 4.0)


def test_grid_lines_are_the_same_pixels_as_pyqtgraphs_lines(qtbot):
    """The value axis fills its see-through grid lines as rectangles (fast); they must look like the lines."""
    from PySide6.QtGui import QColor, QImage, QPainter

    from desktop.ui.chart_axes import ValueAxis

    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    plot = widget.addPlot(axisItems={"left": ValueAxis("left")})
    plot.showGrid(y=True, alpha=0.25)
    plot.vb.setYRange(0, 1234.5)
    widget.show()
    qtbot.waitExposed(widget)
    axis = plot.getAxis("left")
    images = []
    for draw in (ValueAxis.drawPicture, pg.AxisItem.drawPicture):
        image = QImage(800, 500, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.translate(30.3, 10.6)  # where an axis sits is rarely a whole pixel
        specs = axis.generateDrawSpecs(painter)
        draw(axis, painter, *specs)
        painter.end()
        images.append(image)
    ours, theirs = images
    grid_rows = [y for y in range(500) if theirs.pixel(400, y) != QColor("white").rgba()]
    assert len(grid_rows) >= 4  # there is a grid to compare
    for y in range(500):
        for x in range(200, 700, 7):  # inside the plot, away from where a line ends
            assert ours.pixel(x, y) == theirs.pixel(x, y)


def test_the_drawn_curve_knows_its_bounds_without_scanning_its_points(chart, monkeypatch):
    scans = []
    real = pg.PlotCurveItem.dataBounds
    monkeypatch.setattr(pg.PlotCurveItem, "dataBounds", lambda *a, **k: (scans.append(a), real(*a, **k))[1])
    s = spiky_series()
    chart.set_series([s])
    line = chart.drawn_of("spiky")[1].lines[0][0]
    for span in [(2001.0, 2010.0), (2019.0, 2022.0)]:
        chart.set_x_range(*span)
        xs, ys = line.getData()
        x_bounds, y_bounds = line.curve.dataBounds(0), line.curve.dataBounds(1)
        assert x_bounds == (xs.min(), xs.max()) and y_bounds == (np.nanmin(ys), np.nanmax(ys))
        assert scans == []
        assert line.curve.dataBounds(1, orthoRange=(2100.0, 2200.0)) == (None, None)  # other questions: scanned
        assert len(scans) == 1
        scans.clear()


def _stroked(path, size=(300, 200)):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPen

    image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for width in (1.0, 3.0):  # the light pen of a moving view, and a themed one
        pen = QPen(QColor("black"), width)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.SquareCap)
        painter.setPen(pen)
        painter.drawPath(path)
    painter.end()
    return image


def test_a_line_mostly_broken_by_gaps_is_given_one_gap_per_break_and_draws_the_same():
    from desktop.ui.chart_lod import _one_gap_per_break

    rng = np.random.default_rng(4)
    x = np.linspace(5.0, 295.0, 600)
    y = rng.uniform(10, 190, 600)
    y[rng.random(600) < 0.8] = np.nan  # runs of gaps, lone values between them, values in runs
    y[:3] = np.nan  # and gaps at the start
    y[-4:] = np.nan  # and at the end
    xs, ys = _one_gap_per_break(x, y)
    gap_runs = int(np.count_nonzero(~np.isfinite(y) & np.r_[True, np.isfinite(y[:-1])]))
    assert len(xs) == int(np.isfinite(y).sum()) + gap_runs  # every value, and one gap per run of gaps
    assert np.array_equal(xs[np.isfinite(ys)], x[np.isfinite(y)])
    theirs = _stroked(pg.arrayToQPath(x, y, connect="finite"))
    ours = _stroked(pg.arrayToQPath(xs, ys, connect="finite"))
    assert ours == theirs  # the same pixels, lone values and line ends included
    full = np.arange(5.0)
    assert _one_gap_per_break(full, full)[0] is full  # nothing to drop: the same arrays


def test_the_curve_of_a_broken_solid_line_gets_one_gap_per_break(chart):
    s = spiky_series(20_000)
    s.qualifiers[::40] = "approximate"  # dashed stretches every 40 values: the downsampled solid line is mostly gaps
    s.exact = s.qualifiers == "exact"
    s.series_id = "broken"
    chart.set_series([s])
    chart.auto_x_range()
    solid = chart.drawn_of("broken")[1].lines[0][0]
    xs, ys = solid.getData()
    gaps = ~np.isfinite(ys)
    assert gaps.any() and not (gaps[1:] & gaps[:-1]).any()  # no two gaps in a row: one per break


def test_groups_are_combined_as_reduceat_would():
    from desktop.ui.chart_lod import _groups

    rng = np.random.default_rng(7)
    values = rng.normal(size=103)
    values[rng.choice(103, 9, replace=False)] = np.nan  # a gap makes its group a gap, as before
    joined = rng.random(103) < 0.7
    for m in (1, 2, 3, 4, 7, 8, 103, 200):
        starts = np.arange(0, 103, m)
        for combine in (np.maximum, np.minimum):
            assert np.array_equal(_groups(combine, values, m), combine.reduceat(values, starts), equal_nan=True)
        assert np.array_equal(_groups(np.logical_and, joined, m), np.logical_and.reduceat(joined, starts))
