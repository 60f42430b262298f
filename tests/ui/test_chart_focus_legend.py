"""A legend the pane hides is not filled or relabelled until it may show, and is then what it would have been.

At the desk the series list is the chart's key, and a short plot leaves the legend to it (see
ChartPane._place_legend): filling that hidden legend cost ~50 ms of opening the 100,000-event dataset,
and relabelling it ~12 ms of every focus that ticks a series. Checked by counting the legend's fills and
entries made, never by timing, and by comparing the legend shown later with a fresh pane's.
"""
from __future__ import annotations

import pyqtgraph as pg
import pytest

from desktop.state import SelectionState
from desktop.ui.chart_canvas import ChartCanvas
from desktop.ui.chart_pane import ChartPane
from desktop.ui.theme import themes
from test_chart_support import chart_dataset

SHORT = (760, 300)  # a small window's chart: the legend's least height is more than a fifth of it
TALL = (1100, 900)  # room enough: the legend shows inside the plot


@pytest.fixture
def fills(monkeypatch):
    """Every legend entry made and every relabelling of a legend (spies: the real methods still run)."""
    calls = []
    add, relabel = pg.LegendItem.addItem, ChartCanvas._relabel_legend
    monkeypatch.setattr(pg.LegendItem, "addItem", lambda self, *a: (calls.append("entry"), add(self, *a))[1])
    monkeypatch.setattr(ChartCanvas, "_relabel_legend", lambda self: (calls.append("relabel"), relabel(self))[1])
    return calls


def open_pane(qtbot, size, state=None) -> ChartPane:
    pane = ChartPane(chart_dataset(), state or SelectionState())
    qtbot.addWidget(pane)
    pane.resize(*size)
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.waitUntil(lambda: pane.canvas._legend_fit == pane.canvas._legend_columns())
    return pane


def legend_of(pane: ChartPane) -> list:
    """What the legend shows: each entry's words, line colour and marker."""
    return [(label.text, pg.mkPen(sample.item.opts["pen"]).color().name(), sample.item.opts["symbol"])
            for sample, label in pane.canvas.legend.items]


def assert_like_a_fresh_pane(qtbot, pane: ChartPane, size) -> None:
    fresh = open_pane(qtbot, size)
    for sid in pane.checked_series():
        fresh.set_series_checked(sid, True)
    qtbot.waitUntil(lambda: fresh.canvas.legend.isVisible())
    assert legend_of(pane) == legend_of(fresh)
    assert pane.canvas.legend.columnCount == fresh.canvas.legend.columnCount
    mine, theirs = pane.canvas.rows[0].plot.geometry(), fresh.canvas.rows[0].plot.geometry()
    assert (mine.top(), mine.height()) == (theirs.top(), theirs.height())  # the legend's row is as tall


def test_a_hidden_legend_is_not_filled_when_the_pane_opens_nor_relabelled_when_a_focus_ticks_a_series(
        qtbot, fills):
    state = SelectionState()
    pane = open_pane(qtbot, SHORT, state)
    assert not pane.canvas.legend.isVisible() and pane.hollow_note.isVisible()
    assert fills == []
    state.set_focus("scripts@2018-02", "timeline")  # a new unit, a new plot row: drawn in place or not
    state.set_focus("seizures@2018", "timeline")
    assert pane.canvas.drawn_of("seizures") is not None and pane.canvas.drawn_of("scripts") is not None
    assert fills == [] and not pane.canvas.legend.isVisible()
    assert pane.canvas.rows[0].plot.geometry().top() < 30  # the hidden legend keeps no row

    pane.resize(*TALL)  # now it shows, with the entries it would have had all along
    qtbot.waitUntil(lambda: pane.canvas.legend.isVisible())
    assert not pane.hollow_note.isVisible()
    assert len(pane.canvas.legend.items) == len(pane.canvas.series) + 1  # each series and the hollow note
    assert_like_a_fresh_pane(qtbot, pane, TALL)


def test_a_series_ticked_in_place_under_a_hidden_legend_shows_in_it_once_the_list_is_collapsed(qtbot, fills):
    state = SelectionState()
    pane = open_pane(qtbot, SHORT, state)
    state.set_focus("seizures@2018", "timeline")  # a right axis: drawn into the plot there is
    assert pane.canvas.added_in_place == 1 and fills == []
    sizes = pane.splitter.sizes()
    pane.splitter.setSizes([0, sizes[0] + sizes[1], 0])  # the teacher collapses the series list
    qtbot.waitUntil(lambda: pane.canvas.legend.isVisible())
    assert [label.text for _, label in pane.canvas.legend.items][:3] == [
        "Overdose deaths (deaths, left axis)", "Opioid deaths (deaths, left axis)",
        "Fentanyl seized (pounds, right axis)"]
    assert not pane.hollow_note.isVisible()


def test_classroom_mode_fills_no_legend_and_the_desk_gets_it_back_whole(qtbot, fills):
    from desktop.ui.presentation import presentation_theme

    light = themes().theme
    pane = open_pane(qtbot, TALL)
    assert pane.canvas.legend.isVisible()
    fills.clear()
    try:
        themes().set_theme(presentation_theme("light", 1.0, 768))
        qtbot.waitUntil(lambda: pane.key.isVisible())
        pane.set_series_checked("seizures", True)
        assert fills == [] and not pane.canvas.legend.isVisible()
    finally:
        themes().set_theme(light)
    qtbot.waitUntil(lambda: pane.canvas.legend.isVisible())
    assert fills  # filled for the desk, where it shows
    assert_like_a_fresh_pane(qtbot, pane, TALL)
