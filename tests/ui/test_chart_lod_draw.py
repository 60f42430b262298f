"""How the chart's long lines are handed to Qt: the same pixels as pyqtgraph's paint, with less work.

A line wider than a pixel is drawn as separate segments, only those that reach
the view; an estimated (dashed) stretch, whose joined runs are single
segments, is drawn so too instead of as one dashed path. Checked by comparing
renders with pyqtgraph's own paint, pixel for pixel at rest, at several ranges,
sizes and pen widths (while the view moves, drawn light, hairline dashes may
start a pixel elsewhere); and by counting what is built and drawn.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QImage, QPainter, QPainterPath

from desktop.ui.chart_data import ChartSeries
from desktop.ui.chart_lod import _WindowCurve, shiboken_line
from desktop.ui.theme import LIGHT, PROJECTOR_DARK
from test_chart_support import chart_window, daily_series, long_lines


def estimated_daily(series_id: str, unit: str, n: int = 6_000, seed: int = 0) -> ChartSeries:
    """A daily series with stretches of estimates (drawn dashed) among exact values (drawn solid)."""
    return daily_series(series_id, unit, n, seed, estimated=0.3, scattered=0.05)


def pyqtgraph_paint(self, p, opt, widget):
    """The drawn curve's paint before: its window given, then pyqtgraph's own paint."""
    if self.owner._stale:
        self.owner.refresh()
    pg.PlotCurveItem.paint(self, p, opt, widget)


@pytest.fixture(params=[LIGHT, PROJECTOR_DARK], ids=["desk", "projector"])
def chart(qtbot, request):
    widget, canvas = chart_window(qtbot, request.param)
    canvas.set_series([estimated_daily("a", "things", seed=1), estimated_daily("b", "things", seed=2),
                       estimated_daily("c", "others", seed=3)])
    canvas.auto_x_range()
    widget.grab()
    return widget, canvas


RANGES = [None, (2002.0, 2012.0), (2004.3, 2006.1), (2005.0, 2005.4), (2003.37, 2003.41)]
SIZES = [(1000, 600), (637, 411), (1366, 768)]


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), dtype=np.uint32, count=image.width() * image.height()).copy()


def differing(a: QImage, b: QImage) -> int:
    assert a.size() == b.size()
    return int(np.count_nonzero(pixels(a) != pixels(b)))


def inked(image: QImage) -> int:
    """How many pixels are not the commonest colour (the background)."""
    values, counts = np.unique(pixels(image), return_counts=True)
    return int(counts.sum() - counts.max())


def both_renders(widget, monkeypatch) -> tuple[QImage, QImage]:
    new = widget.grab().toImage()
    with monkeypatch.context() as patch:
        patch.setattr(_WindowCurve, "paint", pyqtgraph_paint)
        old = widget.grab().toImage()
    return new, old


@pytest.mark.parametrize("size", SIZES)
def test_lines_drawn_as_segments_give_pyqtgraphs_pixels_at_rest_and_moving(chart, monkeypatch, size):
    widget, canvas = chart
    widget.resize(*size)
    lines = long_lines(canvas)
    assert any(line.curve.opts["pen"].style() == Qt.PenStyle.DashLine for line in lines)
    for moving in (False, True):
        for line in lines:
            pen = pg.mkPen(line.opts["pen"])
            if moving:
                pen.setWidthF(1.0)
            line.set_moving(moving, pen)
        for x_range in [*RANGES, "pan"]:
            if x_range is None:
                canvas.auto_x_range()
            elif x_range == "pan":
                canvas.rows[0].plot.vb.translateBy(x=0.01)  # a pan within the points worked out
            else:
                canvas.set_x_range(*x_range)
            new, old = both_renders(widget, monkeypatch)
            if not moving:
                assert new == old, (size, x_range)
            else:  # hairlines drawn light: the same look (a dash may start a pixel or two elsewhere)
                assert differing(new, old) <= 0.02 * inked(old), (size, x_range)
    for line in lines:
        line.set_moving(False, line.opts["pen"])


def test_at_rest_a_dashed_line_builds_no_path_and_only_segments_that_reach_the_view_are_drawn(chart, monkeypatch):
    widget, canvas = chart
    built = []
    real = pg.functions.arrayToQPath
    monkeypatch.setattr(pg.functions, "arrayToQPath", lambda *a, **k: (built.append(1), real(*a, **k))[1])
    canvas.set_x_range(2004.3, 2006.1)
    for line in long_lines(canvas):
        line.curve.segments_drawn = 0
    widget.grab()
    assert built == []  # pyqtgraph built a path for every dashed line
    lines = long_lines(canvas)
    dashed = [line for line in lines if line.curve.opts["pen"].style() == Qt.PenStyle.DashLine]
    assert dashed and all(line.curve.paths_avoided >= 1 for line in dashed)
    x0, x1 = canvas.x_range()
    for line in lines:
        xs = line.curve.xData
        segments = line.curve._kept_segments[2]
        assert xs[0] < x0 and xs[-1] > x1  # the window runs on beyond the view (for the next pan) ...
        # ... but only what reaches the view (a pixel or two of pen beyond it) is handed to Qt
        def reaching(pixels: float) -> int:
            margin = pixels * (x1 - x0) / line.getViewBox().width()
            return np.count_nonzero((segments[:, 2] >= x0 - margin) & (segments[:, 0] <= x1 + margin))
        assert reaching(0) <= line.curve.segments_drawn <= reaching(10)
        assert line.curve.segments_drawn < len(segments)
    again = [line.curve._kept_segments[2] for line in lines]
    widget.grab()  # painted again, nothing moved: the segments are not worked out again
    assert all(line.curve._kept_segments[2] is kept for line, kept in zip(lines, again))


@pytest.mark.parametrize("width", [2.0, 4.0])
@pytest.mark.parametrize("style", ["DashLine", "SolidLine"])
def test_qt_draws_separate_segments_as_it_draws_a_path_of_one_segment_runs(width, style):
    """What the dashed lines rest on: Qt starts the dash afresh per run of a path as per separate line."""
    rng = np.random.default_rng(7)
    pen = pg.mkPen("#D55E00", width=width, style=getattr(Qt.PenStyle, style))
    starts = rng.uniform(0, 300, (400, 2))
    ends = starts + rng.normal(0, 40, (400, 2))
    ends[::3, 0] = starts[::3, 0]  # vertical ones, as a group's highest and lowest are
    segments = np.ascontiguousarray(np.column_stack([starts, ends]))
    path = QPainterPath()
    for x0, y0, x1, y1 in segments:
        path.moveTo(QPointF(x0, y0))
        path.lineTo(QPointF(x1, y1))

    def render(draw) -> QImage:
        image = QImage(320, 320, QImage.Format.Format_RGB32)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        painter.setPen(pen)
        draw(painter)
        painter.end()
        return image

    as_path = render(lambda p: p.drawPath(path))
    as_lines = render(lambda p: p.drawLines(shiboken_line(segments, 0), len(segments)))
    as_list = render(lambda p: p.drawLines([QLineF(*row) for row in segments]))
    assert as_lines == as_list  # the pointer hands Qt the rows as they are
    assert as_lines == as_path


def test_a_zoom_out_while_moving_remakes_a_window_only_when_its_groups_double(qtbot):
    widget, canvas = chart_window(qtbot)
    canvas.set_series([estimated_daily("a", "things", n=20_000, seed=4)])  # 55 years of days
    canvas.set_x_range(2020.0, 2026.0)
    widget.grab()
    lines = long_lines(canvas)
    assert len(lines) == 2  # the solid and the dashed line
    for line in lines:
        line.set_moving(True, pg.mkPen("k", width=1))
    widget.grab()
    vb = canvas.rows[0].plot.vb
    remade_at_same_groups = 0
    for _ in range(8):  # a wheel's zoom-out frames: the view 3.7 times as wide
        before = [(line.windows_made, line._window_kept[0][0]) for line in lines]
        vb.scaleBy(x=1 / 0.85)
        widget.grab()
        x0, x1 = canvas.x_range()
        for line, (made, groups) in zip(lines, before):
            shown = line.curve.xData
            assert shown[0] <= x0 and shown[-1] >= x1  # the view is covered
            if line.windows_made > made and line._window_kept[0][0] == groups:
                remade_at_same_groups += 1
    assert remade_at_same_groups == 0  # with a fifth of the view each side, a window lasted two frames


