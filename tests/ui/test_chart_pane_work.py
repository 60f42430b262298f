"""What the chart pane does NOT redo: it builds its plots once, and a focus change only moves its marks.

Checked by behaviour (how often the plots are built, which items the scene holds), never by timing;
the timings are in tests/benchmarks/bench_chart.py and `python -m desktop.bench`.
"""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from desktop.state import SelectionState
from desktop.ui.chart_canvas import ChartCanvas
from desktop.ui.chart_pane import ChartPane
from test_chart_support import chart_dataset


@pytest.fixture
def builds(monkeypatch):
    """Every ChartCanvas.rebuild call, counted (a spy: the real rebuild still runs)."""
    calls = []
    real = ChartCanvas.rebuild

    def spy(self, *args, **kwargs):
        calls.append(self)
        real(self, *args, **kwargs)

    monkeypatch.setattr(ChartCanvas, "rebuild", spy)
    return calls


def open_pane(qtbot, state=None, size=(1100, 650)) -> ChartPane:
    pane = ChartPane(chart_dataset(), state or SelectionState())
    qtbot.addWidget(pane)
    pane.resize(*size)
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.waitUntil(lambda: pane.canvas._legend_fit == pane.canvas._legend_columns())  # laid out at its size
    return pane


def test_the_plots_are_built_once_when_the_pane_opens_and_resizing_keeps_them(qtbot, builds):
    pane = open_pane(qtbot)
    assert len(builds) == 1  # not once more on the first resize
    line = pane.canvas.drawn_of("deaths")[1].lines[0][0]
    pane.resize(500, 900)  # a much narrower pane: the legend takes another layout
    qtbot.waitUntil(lambda: pane.canvas._legend_fit == pane.canvas._legend_columns())
    assert len(builds) == 1
    assert pane.canvas.drawn_of("deaths")[1].lines[0][0] is line
    assert line.scene() is pane.view.scene()


def test_the_legend_is_filled_once_when_the_pane_opens_at_the_size_it_is_shown_at(qtbot, monkeypatch):
    fills = []
    real = ChartCanvas._fill_legend
    monkeypatch.setattr(ChartCanvas, "_fill_legend", lambda self: (fills.append(self), real(self)))
    pane = open_pane(qtbot)
    assert len(fills) == 1  # not for the view's size before it was shown, and again at its first resize
    assert len(pane.canvas.legend.items) == len(pane.canvas.series) + 1  # each series and the hollow note
    assert pane.canvas.legend.scene() is pane.view.scene() and pane.canvas.legend.isVisible()


def test_the_legend_copies_each_lines_look_without_making_a_plot_item_for_it(qtbot, monkeypatch):
    """A legend swatch reads a line's pen and marker; a whole PlotDataItem per entry (~1 ms each) was made
    only for that, and never put in a plot."""
    import pyqtgraph as pg

    from desktop.ui.chart_items import LegendSample

    made = []
    real = pg.PlotDataItem.__init__
    monkeypatch.setattr(pg.PlotDataItem, "__init__", lambda self, *a, **k: (made.append(self), real(self, *a, **k))[1])
    pane = open_pane(qtbot)
    made.clear()
    swatches = LegendSample.made
    pane.resize(420, 900)  # another layout: the legend is filled again
    qtbot.waitUntil(lambda: pane.canvas._legend_fit == pane.canvas._legend_columns())
    assert made == []
    entries = pane.canvas.legend.items
    assert len(entries) == len(pane.canvas.series) + 1 and LegendSample.made - swatches == len(entries)
    # Each swatch has the look of its line (the series' colour and marker), and a click still toggles it.
    sample, _ = entries[0]
    drawn = pane.canvas.drawn_of(pane.canvas.series[0].series_id)[1]
    assert sample.item.opts["pen"].color() == drawn.lines[0][1].color()
    assert sample.item.opts["symbol"] == pane.canvas.series[0].symbol
    sample.item.setVisible(False)
    assert not sample.item.isVisible()


def test_a_series_ticked_for_a_focus_adds_its_legend_entry_and_relabels_the_others_in_place(qtbot):
    """The legend laid out now is kept: entries whose words change (a second unit names each one's axis)
    take the new words, and only the new series' entry is made, with the words a new legend would have."""
    from desktop.ui.chart_items import LegendSample

    state = SelectionState()
    pane = open_pane(qtbot, state)
    legend, before = pane.canvas.legend, list(pane.canvas.legend.items)
    swatches, relabelled = LegendSample.made, pane.canvas.legend_relabelled
    state.set_focus("scripts@2018-02", "timeline")
    assert pane.canvas.drawn_of("scripts") is not None and pane.canvas.added_in_place == 1
    assert pane.canvas.legend is legend
    entries = pane.canvas.legend.items
    assert entries[: len(before)] == before  # the same swatches and labels, in the same places
    assert LegendSample.made - swatches == len(entries) - len(before) == 1
    changed = pane.canvas.legend_relabelled - relabelled
    assert 0 < changed <= len(before)  # only entries whose words change (here the note moved down one too)
    fresh = open_pane(qtbot, SelectionState())
    fresh.set_series_checked("scripts", True)
    assert [label.text for _, label in entries] == [label.text for _, label in fresh.canvas.legend.items]
    assert [sample.item.opts["symbol"] for sample, _ in entries] == [
        sample.item.opts["symbol"] for sample, _ in fresh.canvas.legend.items]


def test_a_resize_lays_the_legend_out_for_the_new_size(qtbot):
    pane = open_pane(qtbot, size=(1400, 700))
    wide = pane.canvas._legend_fit
    pane.resize(420, 900)
    qtbot.waitUntil(lambda: pane.canvas._legend_fit != wide)
    assert pane.canvas._legend_fit == pane.canvas._legend_columns()
    assert pane.canvas.legend.scene() is pane.view.scene()
    assert len(pane.canvas.legend.items) == len(pane.canvas.series) + 1  # each series and the hollow note


def test_focusing_facts_of_series_already_shown_never_rebuilds_the_plots(qtbot, builds):
    state = SelectionState()
    pane = open_pane(qtbot, state)
    builds.clear()
    for target in ["deaths", "deaths@2018", "law-passed", "opioid-deaths@2016", "wave", "deaths@2020", ""]:
        state.set_focus(target, "timeline")
    assert builds == []


def test_a_ticked_series_hidden_by_a_source_filter_is_not_rebuilt_on_focus(qtbot, builds):
    from desktop.dataset.filters import Filters

    state = SelectionState()
    pane = open_pane(qtbot, state)
    state.set_filters(Filters(source_id="cbp"), "citations")  # only the seizures are backed by it
    assert pane.shown_series() == ["seizures"] and "deaths" in pane.checked_series()
    builds.clear()
    state.set_focus("deaths@2018", "timeline")  # already ticked: ticking it again changes nothing
    assert builds == []


def test_focusing_a_series_not_shown_builds_it_once(qtbot, builds):
    state = SelectionState()
    pane = open_pane(qtbot, state)
    builds.clear()
    state.set_focus("scripts@2018-02", "timeline")
    assert "scripts" in pane.checked_series() and pane.canvas.drawn_of("scripts") is not None
    assert len(builds) == 1
    state.set_focus("scripts@2018-03", "timeline")
    assert len(builds) == 1


def test_a_focus_change_moves_the_marks_and_adds_nothing_to_the_scene(qtbot):
    state = SelectionState()
    pane = open_pane(qtbot, state)
    for target in ["law-passed", "wave", "deaths@2018"]:  # each kind of mark made once
        state.set_focus(target, "timeline")
    scene = pane.view.scene()
    before = set(map(id, scene.items()))
    ring = next(item for _, item in pane.canvas.rows[0].overlays if item.__class__.__name__ == "ScatterPlotItem")
    state.set_focus("deaths@2016", "timeline")
    assert pane.canvas.ring == ("deaths", 1)
    assert ring.isVisible() and ring.getData()[0][0] == pytest.approx(pane.canvas.drawn_of("deaths")[1].series.x[1])
    state.set_focus("evil-event", "timeline")
    state.set_focus("wave", "timeline")
    assert not ring.isVisible()  # no value focused: the ring is hidden, not removed
    state.set_focus("law-passed", "timeline")
    assert set(map(id, scene.items())) == before


def test_the_timeline_echoing_the_range_the_chart_set_changes_nothing(qtbot, monkeypatch):
    state = SelectionState()
    pane = open_pane(qtbot, state)
    pane.canvas.set_x_range(2015.0, 2016.0)
    fits = []
    real = ChartCanvas._settle
    monkeypatch.setattr(ChartCanvas, "_settle", lambda self: (fits.append(self), real(self)))
    pane.canvas.set_x_range(2015.0, 2016.0)  # the range it shows (a focus, then the timeline following it)
    assert fits == []  # the value axes are not fitted again
    state.set_time_range(2015.0, 2017.0, "timeline")
    assert len(fits) == 1 and pane.canvas.x_range() == (2015.0, 2017.0)


def test_new_event_ticks_claim_only_their_strip_of_the_plot(qtbot):
    """A filter change (a key in the search box) repaints the ticks' strip, not the lines under the whole plot."""
    from desktop.dataset.filters import Filters

    state = SelectionState()
    pane = open_pane(qtbot, state)
    state.set_filters(Filters(categories=frozenset({"Policy"})), "timeline")
    vb = pane.canvas.rows[0].plot.vb
    ticks = pane.canvas.rows[0].ticks
    QApplication.processEvents()  # the view lays out and fits its values before it paints
    view = vb.viewRect()  # in values: y grows upwards, so the top of the plot is view.bottom()
    strip = ticks.boundingRect()
    assert strip.height() <= 0.08 * view.height()  # the top 7% where ticks are drawn, and a pixel or two
    assert strip.bottom() >= view.bottom() and strip.top() >= view.top() + 0.9 * view.height()
    assert strip.left() <= view.left() and strip.right() >= view.right()
    # ... and the ticks are still drawn in it, each where its event is.
    shown = ticks.shown()
    assert len(shown) == 2
    assert all(view.left() <= x <= view.right() for x in shown)


def test_ticking_another_series_keeps_the_level_of_detail_of_those_already_drawn(qtbot):
    state = SelectionState()
    pane = open_pane(qtbot, state)
    kept = pane.canvas.drawn_of("deaths")[1].lines[0][0]._peaks
    pane.set_series_checked("scripts", True)  # the chart is drawn again, with one more series
    line = pane.canvas.drawn_of("deaths")[1].lines[0][0]
    assert line._peaks is kept  # worked out once, not again for every series on each redraw
    pane.canvas.set_log(True)  # another scale: other values, worked out anew
    assert pane.canvas.drawn_of("deaths")[1].lines[0][0]._peaks is not kept


@pytest.fixture
def range_sets(monkeypatch):
    """Every range the chart's plots are moved to (a spy on ChartCanvas.set_x_range; the real one still runs)."""
    calls = []
    real = ChartCanvas.set_x_range

    def spy(self, x0, x1):
        calls.append((x0, x1))
        real(self, x0, x1)

    monkeypatch.setattr(ChartCanvas, "set_x_range", spy)
    return calls


def timeline_moves(state, moves: dict) -> None:
    """Stand in for the timeline: it hears of a focus before the chart (the window builds it first) and
    moves the shared range to show it (here, to the range `moves` gives for that target)."""
    state.focus_changed.connect(lambda target, _origin: target in moves
                                and state.set_time_range(*moves[target], "timeline"))


def test_a_focus_the_timeline_brings_into_view_moves_the_chart_once(qtbot, range_sets):
    state = SelectionState()
    timeline_moves(state, {"law-passed": (2017.5, 2019.5)})
    pane = open_pane(qtbot, state)
    range_sets.clear()
    state.set_focus("law-passed", "timeline")
    assert range_sets == [(2017.5, 2019.5)]  # the timeline's range, set once, with the focus marks
    assert pane.canvas.x_range() == (2017.5, 2019.5)
    assert pane.canvas.marker == pytest.approx((2018.2, 2018.2), abs=0.01)


def test_a_value_the_timeline_stops_short_of_is_brought_into_view_in_the_same_single_move(qtbot, range_sets):
    state = SelectionState()
    # The timeline cannot go past its events: it stops at 2019–2021, short of the value (mid-2015).
    timeline_moves(state, {"deaths@2015": (2019.0, 2021.0)})
    pane = open_pane(qtbot, state)
    x = float(pane.canvas.drawn_of("deaths")[1].series.x[0])
    range_sets.clear()
    state.set_focus("deaths@2015", "timeline")
    assert len(range_sets) == 1  # not the timeline's range and then the chart's own
    lo, hi = pane.canvas.x_range()
    assert lo <= x <= hi and hi - lo == pytest.approx(2.0)  # the timeline's zoom, centred on the value
    assert state.time_range == pane.canvas.x_range()  # said to the timeline, which follows


def test_ticking_a_hidden_series_for_a_focus_draws_it_at_the_timelines_new_range_once(qtbot, builds, range_sets):
    state = SelectionState()
    timeline_moves(state, {"scripts@2018-03": (2017.75, 2018.75)})
    pane = open_pane(qtbot, state)
    builds.clear()
    range_sets.clear()
    state.set_focus("scripts@2018-03", "timeline")
    assert len(builds) == 1 and "scripts" in pane.checked_series()
    assert range_sets == [(2017.75, 2018.75)]  # the new plots drawn at the timeline's range, not moved after
    assert pane.canvas.ring == ("scripts", 2)


def test_a_range_change_outside_a_focus_change_still_moves_the_chart_at_once(qtbot, range_sets):
    state = SelectionState()
    pane = open_pane(qtbot, state)
    state.set_focus("law-passed", "timeline")
    range_sets.clear()
    state.set_time_range(2014.0, 2016.0, "timeline")
    assert range_sets == [(2014.0, 2016.0)] and pane.canvas.x_range() == (2014.0, 2016.0)


def test_ticking_another_series_puts_the_lines_already_drawn_into_the_new_plots_as_they_are(qtbot):
    from desktop.ui.theme import PROJECTOR_DARK, themes

    state = SelectionState()
    pane = open_pane(qtbot, state)
    deaths = pane.canvas.drawn_of("deaths")[1]
    line, marks = deaths.lines[0][0], list(deaths.markers)
    gone = pane.canvas.drawn_of("opioid-deaths")[1].items
    pane.set_series_checked("seizures", True)  # a second unit: the plots are laid out anew (a right axis)
    pane.set_series_checked("scripts", True)  # a third: a second row
    pane.set_series_checked("opioid-deaths", False)
    row, now = pane.canvas.drawn_of("deaths")
    assert now.lines[0][0] is line and now.markers == marks  # not made again
    assert line.getViewBox() is row.plot.vb and line.scene() is pane.view.scene()
    assert all(item.scene() is None for item in gone)  # an unticked series leaves nothing behind
    x, _ = line.getData()
    lo, hi = pane.canvas.x_range()
    assert len(x) and x.min() >= lo - 1 and x.max() <= hi + 1  # drawn for the range the new plots show
    themes().set_theme(PROJECTOR_DARK)  # another look: everything made anew, in it
    try:
        assert pane.canvas.drawn_of("deaths")[1].lines[0][0] is not line
    finally:
        from desktop.ui.theme import LIGHT
        themes().set_theme(LIGHT)


def test_lines_put_into_new_plots_while_the_view_moved_light_get_their_themed_pens_back(qtbot):
    from desktop.ui.chart_canvas import ChartCanvas as Canvas

    state = SelectionState()
    pane = open_pane(qtbot, state)
    item, pen = pane.canvas.drawn_of("deaths")[1].lines[0]
    Canvas._begin_light(pane.canvas)  # as a drag over a million values draws it
    assert item.opts["pen"].widthF() == 1.0
    pane.set_series_checked("scripts", True)
    assert pane.canvas.drawn_of("deaths")[1].lines[0][0] is item and not pane.canvas.is_light()
    assert item.opts["pen"].widthF() == pen.widthF() != 1.0


def test_revealing_nothing_yet_draws_empty_lines_and_revealing_all_draws_them_again(qtbot):
    pane = open_pane(qtbot)
    pane.set_reveal_until(2000.0)  # before every value (a lesson's first step)
    assert all(d.count == 0 for row in pane.canvas.rows for d in row.drawn)
    pane.set_reveal_until(None)
    assert pane.canvas.drawn_of("deaths")[1].count == 6
    x, _ = pane.canvas.drawn_of("deaths")[1].lines[0][0].getData()
    assert x is not None and len(x) > 0
