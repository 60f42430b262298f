"""What keeps the chart smooth with 1,000,000 values, checked by behaviour, not by timing.

Timings live in tests/benchmarks/bench_chart.py; here: every line is clipped
to the view and peak-downsampled to about a max and a min per pixel column,
markers hide while values are too close to show, a moving view over many
values is drawn light and gets its themed look back once it rests, and a
chart of a few dozen values is never touched by any of it.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QApplication

from desktop.state import SelectionState
from desktop.ui.chart_canvas import LIGHT_LIMIT, WHOLE_LIMIT, ChartCanvas
from desktop.ui.chart_data import ChartSeries
from desktop.ui.chart_pane import ChartPane
from desktop.ui.theme import LIGHT
from tests.benchmarks.bench_chart import TOTAL_POINTS, synthetic_dataset
from test_chart_support import chart_dataset


@pytest.fixture(scope="module")
def big(qapp):
    """A 1280x720 chart pane showing four series of 250,000 daily values each (built once: ~3 s)."""
    pane = ChartPane(synthetic_dataset(), SelectionState())
    pane.resize(1280, 720)
    pane.show()
    for sid in pane.dataset.series.index:
        pane.set_series_checked(sid, True)
    QApplication.processEvents()
    yield pane
    pane.close()
    pane.deleteLater()


@pytest.fixture
def view(big, qtbot):
    """The big pane showing its whole span, at rest."""
    big.canvas.auto_x_range()
    qtbot.waitUntil(lambda: not big.canvas.is_light() and not big.canvas._idle.isActive(), timeout=3000)
    return big


def lines(pane):
    return [item for row in pane.canvas.rows for d in row.drawn for item, _ in d.lines]


def markers(pane):
    return [item for row in pane.canvas.rows for d in row.drawn for item in d.markers]


def drawn_points(item) -> int:
    x, _ = item.getData()  # what the curve is given after clipping and downsampling
    return 0 if x is None else len(x)


def pen_widths(pane) -> set[float]:
    return {pg.mkPen(item.opts["pen"]).widthF() for item in lines(pane)}


def test_the_big_pane_really_holds_a_million_values(view):
    assert sum(d.count for row in view.canvas.rows for d in row.drawn) == TOTAL_POINTS


def test_every_long_line_is_clipped_and_peak_downsampled_and_a_short_one_is_drawn_whole(view):
    items = lines(view)
    assert len(items) == 8  # four solid lines and four dashed sets (every 5,000th value is approximate)
    long = [item for item in items if len(item.xData) > WHOLE_LIMIT]
    short = [item for item in items if len(item.xData) <= WHOLE_LIMIT]
    assert len(long) == 4 and len(short) == 4  # the dashed sets are 50 segments each
    for item in long:
        assert item.opts["clipToView"] and item.opts["autoDownsample"]
        assert item.opts["downsampleMethod"] == "peak"
    for item in short:
        assert not item.opts["clipToView"] and not item.opts["autoDownsample"]
        assert drawn_points(item) == len(item.xData)  # every point given to the curve: the same picture


def test_a_pan_redoes_the_points_of_long_lines_only(view, qtbot):
    view.canvas.set_x_range(2100.0, 2110.0)  # a long line's points are worked out for (about) the view
    qtbot.waitUntil(lambda: not view.canvas._idle.isActive(), timeout=3000)  # at rest: one move is not a drag
    QApplication.processEvents()
    items = lines(view)
    before = {id(item): item.curve.xData for item in items}
    view.canvas.rows[0].plot.vb.translateBy(x=10.0)  # a whole view's width on: beyond what was worked out
    QApplication.processEvents()
    for item in items:
        redone = item.curve.xData is not before[id(item)]
        assert redone == (len(item.xData) > WHOLE_LIMIT)


@pytest.mark.parametrize("span", [None, (2100.0, 2110.0), (2100.0, 2101.0)])
def test_points_drawn_per_line_stay_near_the_plot_width(view, span, qtbot):
    if span is not None:
        view.canvas.set_x_range(*span)
    width = view.canvas.rows[0].plot.vb.width()
    assert width > 500
    for item in lines(view):
        assert drawn_points(item) <= 3 * width  # a max and a min per pixel column, and the edges
    x0, x1 = view.canvas.x_range()
    for row in view.canvas.rows:
        for d in row.drawn:
            in_view = int(np.count_nonzero((d.series.x >= x0) & (d.series.x <= x1)))
            solid = d.lines[0][0]
            # downsampled, not lost: pyqtgraph picks a whole-number step, so allow ~4 px per point
            assert drawn_points(solid) >= min(in_view, 0.25 * width)


def test_markers_hide_while_values_are_too_close_and_return_when_zoomed_in(view):
    assert markers(view)  # the approximate values' hollow markers exist
    assert not any(item.isVisible() for item in markers(view))  # 1,000,000 values: a blur
    view.canvas.set_x_range(2100.0, 2110.0)  # ~3,650 values per series in ~1,000 px
    assert not any(item.isVisible() for item in markers(view))
    view.canvas.set_x_range(2100.0, 2100.5)  # ~180 per series: about 5 px apart
    shown = [item for item in markers(view) if item.isVisible()]
    assert shown and len(shown) == len([d for row in view.canvas.rows for d in row.drawn if d.markers])


def test_a_moving_view_is_drawn_light_then_themed_again_at_rest(view, qtbot):
    vb = view.canvas.rows[0].plot.vb
    assert pen_widths(view) == {LIGHT.line_width}
    vb.translateBy(x=1.0)
    vb.translateBy(x=1.0)  # a second move before the view rests: a drag
    assert view.canvas.is_light()
    assert pen_widths(view) == {1.0}
    assert view.canvas.rows[0].plot.getAxis("left").style["maxTickLevel"] == 0
    qtbot.waitUntil(lambda: not view.canvas.is_light(), timeout=3000)
    assert pen_widths(view) == {LIGHT.line_width}
    assert view.canvas.rows[0].plot.getAxis("left").style["maxTickLevel"] == 1


def test_a_single_range_change_keeps_the_themed_look(view):
    view.canvas.set_x_range(2000.0, 2050.0)  # what the exporter and "Show all" do: one change, drawn at once
    assert not view.canvas.is_light()
    assert pen_widths(view) == {LIGHT.line_width}


def test_a_drag_publishes_its_range_once_per_pass_with_the_last_range(view, qtbot):
    vb = view.canvas.rows[0].plot.vb
    seen = []
    view.canvas.x_range_changed.connect(lambda a, b: seen.append((a, b)))
    try:
        for _ in range(5):
            vb.translateBy(x=1.0)
        assert seen == []  # not yet: several moves in one pass are said once
        with qtbot.waitSignal(view.canvas.x_range_changed):
            pass
        assert len(seen) == 1 and seen[0] == pytest.approx(vb.viewRange()[0])
        seen.clear()
        view.canvas.set_x_range(2000.0, 2040.0)  # set by the owner: said at once
        assert seen == [(2000.0, 2040.0)]
    finally:
        view.canvas.x_range_changed.disconnect()
        view.canvas.x_range_changed.connect(view._on_canvas_x_range_changed)


@pytest.fixture
def small(qtbot):
    pane = ChartPane(chart_dataset(), SelectionState())
    qtbot.addWidget(pane)
    pane.resize(1100, 650)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def test_a_small_chart_keeps_markers_and_themed_lines_while_moving(small, qtbot):
    assert sum(d.count for row in small.canvas.rows for d in row.drawn) < LIGHT_LIMIT
    vb = small.canvas.rows[0].plot.vb
    for _ in range(5):
        vb.translateBy(x=0.1)
    assert not small.canvas.is_light()
    assert pen_widths(small) == {LIGHT.line_width}
    assert markers(small) and all(item.isVisible() for item in markers(small))


def test_dense_dashed_stretches_survive_downsampling(qtbot):
    """Every other value approximate over 200,000 values: the dashed line must still be drawn when zoomed out."""
    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    canvas = ChartCanvas(widget.ci, LIGHT, widget)
    n = 200_000
    x = 2000.0 + np.arange(n) / 365.25
    qualifiers = np.where(np.arange(n) % 2 == 0, "exact", "provisional").astype(object)
    series = ChartSeries(series_id="dense", title="Dense", unit="things", period_type="day", group="",
                         colour="#0072B2", x=x, y=np.sin(np.arange(n) / 500.0) * 100 + 200, x0=x, x1=x + 1 / 365.25,
                         periods=np.array([f"d{i}" for i in range(n)], dtype=object), qualifiers=qualifiers,
                         exact=qualifiers == "exact")
    widget.show()
    qtbot.waitExposed(widget)
    canvas.set_series([series])
    QApplication.processEvents()
    _, drawn = canvas.drawn_of("dense")
    dashed = [item for item, pen in drawn.lines if pen.style() == pg.QtCore.Qt.PenStyle.DashLine]
    assert len(dashed) == 1
    x_shown, y_shown = dashed[0].getData()
    width = drawn.vb.width()
    assert 0.5 * width < len(x_shown) <= 3 * width  # downsampled, not erased
    assert np.isfinite(y_shown).all()
    assert y_shown.max() > 290 and y_shown.min() < 110  # the peaks are kept


def test_event_ticks_are_drawn_once_per_event_set_and_at_most_one_per_pixel_column(view):
    canvas = view.canvas
    x0, x1 = canvas.data_extent()
    xs = np.linspace(x0, x1, 100_000)
    canvas.set_event_markers(xs)
    ticks = canvas.rows[0].ticks
    assert len(ticks.xvals) == 100_000
    shown = ticks.shown()
    assert 0 < len(shown) <= canvas.rows[0].plot.vb.width() + 1
    canvas.set_marker((xs[10], xs[10]), "A focused event")
    canvas.set_ring(None)
    assert canvas.rows[0].ticks is ticks and ticks.getViewBox() is canvas.rows[0].plot.vb  # not drawn anew
    canvas.set_x_range(xs[0], xs[50])  # zoomed in far enough that every event has a column of its own
    assert list(ticks.shown()) == list(xs[:51])
    canvas.set_event_markers(np.empty(0))
    assert canvas.rows[0].ticks is ticks and len(ticks.shown()) == 0  # the same item, now ticking nothing


def test_markers_come_back_when_the_plot_is_widened_enough_to_show_them(qtbot):
    """Whether markers fit depends on the plot's width: a pane laid out small first (before it is shown)
    must show them once it is wide enough, without a change of range."""
    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    widget.resize(300, 400)
    canvas = ChartCanvas(widget.ci, LIGHT, widget)
    n = 200  # 200 values need 400 px at 2 px apart: hidden at 300 px wide, shown at 1,200
    x = 2000.0 + np.arange(n) / 12.0
    qualifiers = np.full(n, "exact", dtype=object)
    series = ChartSeries(series_id="monthly", title="Monthly", unit="things", period_type="month", group="",
                         colour="#0072B2", x=x, y=np.arange(n, dtype=float), x0=x, x1=x + 1 / 12.0,
                         periods=np.array([f"m{i}" for i in range(n)], dtype=object), qualifiers=qualifiers,
                         exact=qualifiers == "exact")
    widget.show()
    qtbot.waitExposed(widget)
    canvas.set_series([series])
    QApplication.processEvents()
    _, drawn = canvas.drawn_of("monthly")
    assert drawn.markers and drawn.vb.width() < 2 * n
    assert not any(item.isVisible() for item in drawn.markers)
    # Hidden markers are not given their points yet: pyqtgraph styles every point as it is given them.
    assert all(len(item.scatter.data) == 0 for item in drawn.markers)
    shown = canvas.x_range()
    widget.resize(1200, 400)
    qtbot.waitUntil(lambda: drawn.vb.width() >= 2 * n)
    assert canvas.x_range() == shown
    assert all(item.isVisible() for item in drawn.markers)
    (item,) = drawn.markers  # now given every exact value, as when made with them
    assert list(item.scatter.data["x"]) == list(x) and list(item.scatter.data["y"]) == list(series.y)


def test_a_single_value_has_its_marker_shown(qtbot):
    """A series of one value has no span for a range: its marker is shown and given its point."""
    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    canvas = ChartCanvas(widget.ci, LIGHT, widget)
    qualifiers = np.array(["estimated"], dtype=object)
    series = ChartSeries(series_id="once", title="Once", unit="things", period_type="year", group="",
                         colour="#0072B2", x=np.array([2001.5]), y=np.array([7.0]), x0=np.array([2001.0]),
                         x1=np.array([2002.0]), periods=np.array(["2001"], dtype=object), qualifiers=qualifiers,
                         exact=qualifiers == "exact")
    widget.show()
    qtbot.waitExposed(widget)
    canvas.set_series([series])
    _, drawn = canvas.drawn_of("once")
    (item,) = drawn.markers
    assert item.isVisible() and list(item.scatter.data["y"]) == [7.0]


def test_the_value_axis_fits_its_items_as_pyqtgraph_would_without_mapping_each_one(view, monkeypatch):
    from desktop.ui.chart_lod import LineViewBox

    maps = []
    real_map = pg.ViewBox.mapFromItemToView
    monkeypatch.setattr(pg.ViewBox, "mapFromItemToView", lambda *a: (maps.append(a), real_map(*a))[1])
    canvas = view.canvas
    boxes = [vb for row in canvas.rows for vb in (row.plot.vb, row.right) if vb is not None]
    assert boxes and all(isinstance(vb, LineViewBox) for vb in boxes)
    x0, x1 = canvas.data_extent()
    with_markers = 0
    for span in [(x0, x1), (x0 + 1.0, x0 + 1.3), ((x0 + x1) / 2, (x0 + x1) / 2 + 0.01), (x1 + 1, x1 + 2)]:
        canvas.set_x_range(*span)
        for vb in boxes:
            # Zoomed in far enough, markers show beside the lines: they are fitted too, with their size.
            with_markers += any(type(item).__name__ != "PeakCurve" for item in vb.addedItems if item.isVisible())
            # The question the view asks when it fits its values to what is in view (x range given).
            ortho = (None, list(span))
            ours = vb.childrenBounds(orthoRange=ortho)
            assert maps == []  # read from the items' own bounds, not mapped item by item
            assert ours == pg.ViewBox.childrenBounds(vb, orthoRange=ortho)  # the same fit as pyqtgraph's
            maps.clear()
    assert with_markers > 0
    canvas._begin_light()  # 1 px pens: another margin for the line's width
    try:
        vb = boxes[0]
        assert vb.childrenBounds(orthoRange=(None, [x0, x1])) == pg.ViewBox.childrenBounds(vb, orthoRange=(None, [x0, x1]))
    finally:
        canvas._end_light()


def test_a_view_holding_an_item_placed_otherwise_is_fitted_by_pyqtgraph(qtbot, monkeypatch):
    pane = ChartPane(chart_dataset(), SelectionState())
    qtbot.addWidget(pane)
    pane.resize(900, 600)
    pane.show()
    qtbot.waitExposed(pane)
    vb = pane.canvas.rows[0].plot.vb
    ortho = (None, list(vb.viewRange()[0]))
    plain = vb.childrenBounds(orthoRange=ortho)
    assert plain == pg.ViewBox.childrenBounds(vb, orthoRange=ortho)  # lines and markers, as pyqtgraph fits them
    moved = pg.PlotDataItem([2016.0, 2017.0], [1.0, 2.0])
    moved.setPos(0, 100_000)  # an item offset in the view: its bounds must go through its transform
    vb.addItem(moved)
    calls = []
    real = pg.ViewBox.childrenBounds
    monkeypatch.setattr(pg.ViewBox, "childrenBounds", lambda *a, **k: (calls.append(a), real(*a, **k))[1])
    fitted = vb.childrenBounds(orthoRange=ortho)
    assert len(calls) == 1 and fitted[1][1] >= 100_000  # pyqtgraph's own fit, which maps it
