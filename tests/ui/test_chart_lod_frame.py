"""What each line costs a frame once its window is worked out, counted, not timed.

A frame of a pan within the points kept either side hands each line back the
very arrays it draws already: the line knows them by identity, without asking
numpy where their values live; and a line drawn as segments hands Qt the same
segments from the address worked out once, when they were made.
"""
from __future__ import annotations

import sys

import pyqtgraph as pg
import pytest

from desktop.ui import chart_lod
from test_chart_support import chart_window, daily_series, long_lines


@pytest.fixture
def chart(qtbot):
    widget, canvas = chart_window(qtbot)
    canvas.set_series([daily_series("a", seed=1, estimated=0.3), daily_series("b", seed=2, estimated=0.3)])
    canvas.set_x_range(2004.0, 2008.0)
    widget.grab()
    yield widget, canvas


def test_a_pan_within_the_kept_points_compares_no_array_addresses(chart, monkeypatch):
    widget, canvas = chart
    lines = long_lines(canvas)
    drawn = {id(line): line.curve.xData for line in lines}
    compared = []
    real = chart_lod._same_array
    monkeypatch.setattr(chart_lod, "_same_array", lambda a, b: (compared.append(1), real(a, b))[1])
    vb = canvas.rows[0].plot.vb
    refreshed = []
    for line in lines:
        monkeypatch.setattr(line, "refresh", lambda line=line: (refreshed.append(line), type(line).refresh(line))[1])
    for _ in range(3):
        vb.translateBy(x=0.1)  # within the spare points worked out either side
        widget.grab()
    assert len(refreshed) >= 3 * len(lines)  # every line was told its view moved, every frame ...
    assert all(line.curve.xData is drawn[id(line)] for line in lines)  # ... and kept what it draws ...
    assert compared == []  # ... known by identity (before: four array interfaces per line per frame)


def test_segments_are_handed_to_qt_from_the_address_worked_out_once(chart, monkeypatch):
    widget, canvas = chart
    lines = long_lines(canvas)
    for line in lines:  # wide lines: drawn as segments at rest
        line.setPen(pg.mkPen(line.curve.opts["pen"].color(), width=2, style=line.curve.opts["pen"].style()))
    asked = []
    real = chart_lod._data_address
    monkeypatch.setattr(chart_lod, "_data_address", lambda a: (asked.append(id(a)), real(a))[1])
    widget.grab()
    made = {id(line.curve._kept_segments[2]) for line in lines if line.curve._kept_segments[2] is not None}
    assert made and sorted(asked) == sorted(made)  # one address per segments made
    asked.clear()
    before = [line.curve.segments_drawn for line in lines]
    for _ in range(3):
        widget.grab()  # painted again, nothing moved: the same segments, from the kept address
    assert asked == []
    assert all(line.curve.segments_drawn > drawn for line, drawn in zip(lines, before) if line.curve._kept_segments[2] is not None)


def test_a_fit_asks_no_line_where_it_sits_until_one_is_moved(chart, monkeypatch):
    widget, canvas = chart
    vb = canvas.rows[0].plot.vb
    lines = [line for line in long_lines(canvas) if line.getViewBox() is vb]
    asked = []
    for line in lines:
        for name in ("pos", "transform"):
            real = getattr(line, name)
            monkeypatch.setattr(line, name, lambda real=real, name=name: (asked.append(name), real())[1])
    fitted = vb.childrenBounds()  # asked at most once per line here ...
    assert len(asked) <= 2 * len(lines)
    asked.clear()
    for _ in range(3):  # a zoom's frames: the values fitted each frame
        vb.scaleBy(x=0.9)
        widget.grab()
    assert asked == []  # ... and not again (before: each line's position and transform, every fit)
    (x0, x1), _ = fitted
    lines[0].setPos(1.0, 0.0)  # a line moved (the chart never does): the fit maps it, as pyqtgraph's does
    (mx0, mx1), _ = vb.childrenBounds()
    assert "pos" in asked
    assert mx1 == pytest.approx(max(x1, lines[0].xData[-1] + 1.0), abs=0.05)


def test_a_frame_asks_each_pen_once_and_makes_no_rectangle_per_line(chart, monkeypatch):
    widget, canvas = chart
    lines = long_lines(canvas)
    for line in lines:  # wide lines: drawn as segments at rest
        line.setPen(pg.mkPen(line.curve.opts["pen"].color(), width=2, style=line.curve.opts["pen"].style()))
    widget.grab()
    kinds = []
    real = chart_lod._pen_kind
    monkeypatch.setattr(chart_lod, "_pen_kind", lambda pen: (kinds.append(pen), real(pen))[1])
    rects = []
    for vb in {line.getViewBox() for line in lines}:
        def rect(vb=vb):
            if sys._getframe(1).f_code.co_name == "_getDisplayDataset":  # asked by a line's window
                rects.append(vb)
            return type(vb).viewRect(vb)
        monkeypatch.setattr(vb, "viewRect", rect)
    vb = canvas.rows[0].plot.vb
    made = sum(line.windows_made for line in lines)
    for _ in range(3):  # a zoom: new windows each frame
        vb.scaleBy(x=0.8)
        widget.grab()
    assert sum(line.windows_made for line in lines) > made
    assert all(line.curve.segments_drawn for line in lines)
    assert kinds == []  # the pens did not change: what each allows is known (before: asked of Qt every paint)
    assert rects == []  # the windows read the view's range, not a rectangle made per line and frame
    pen = pg.mkPen("#D55E00", width=3)
    lines[0].setPen(pen)
    widget.grab()
    assert len(kinds) == 1 and kinds[0] is lines[0].curve.opts["pen"]  # a new pen is asked once
