"""Series not shown have their chart items made while the app is idle, so a focus that ticks one only adds them.

Ticking a series (a focus on one not shown does) made its lines and markers inside the focus (~5–12 ms).
They are now made one series per idle turn after the chart has painted, in no view, and a tick puts them
into the plot as it puts new ones. Checked by counting the items a tick makes and by comparing the
picture with a chart that made them during the tick; never by timing.
"""
from __future__ import annotations

import pytest

from desktop.state import SelectionState
from desktop.ui import chart_canvas
from desktop.ui.chart_items import MarkerItem
from desktop.ui.chart_pane import ChartPane
from test_chart_support import PaintCount, chart_dataset


@pytest.fixture
def lines_made(monkeypatch):
    made = []
    real = chart_canvas.PeakCurve
    monkeypatch.setattr(chart_canvas, "PeakCurve", lambda *a, **k: (made.append(1), real(*a, **k))[1])
    return made


def open_idle(qtbot, state: SelectionState, prepare: bool) -> ChartPane:
    pane = ChartPane(chart_dataset(), state)
    if not prepare:
        pane.canvas.upcoming_ids = lambda: []
    qtbot.addWidget(pane)
    paints = PaintCount(pane.view.viewport())
    pane.resize(1100, 650)
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.waitUntil(lambda: paints.count > 0 and not pane.canvas._fill.isActive())  # idle work done
    return pane


def test_a_tick_adds_items_made_while_idle_and_shows_what_items_made_then_show(qtbot, lines_made):
    state = SelectionState()
    pane = open_idle(qtbot, state, prepare=True)
    assert pane.canvas.prepared_made == 3  # seizures, scripts and evil: not shown, short
    lines, markers = len(lines_made), MarkerItem.made
    paints = PaintCount(pane.view.viewport())
    state.set_focus("seizures@2018", "timeline")
    assert pane.canvas.added_in_place == 1 and pane.canvas.drawn_of("seizures") is not None
    assert len(lines_made) == lines and MarkerItem.made == markers  # nothing made in the focus
    qtbot.waitUntil(lambda: paints.count > 0)

    other_state = SelectionState()
    other = open_idle(qtbot, other_state, prepare=False)
    lines = len(lines_made)
    paints = PaintCount(other.view.viewport())
    other_state.set_focus("seizures@2018", "timeline")
    assert other.canvas.added_in_place == 1 and len(lines_made) > lines  # made in the focus, as before
    qtbot.waitUntil(lambda: paints.count > 0)
    assert pane.view.grab().toImage() == other.view.grab().toImage()


def test_items_made_while_idle_follow_a_new_look_and_are_made_again_once_a_series_is_unticked(qtbot, lines_made):
    state = SelectionState()
    pane = open_idle(qtbot, state, prepare=True)
    assert set(k[0] for k in pane.canvas._prepared) == {"seizures", "scripts", "evil"}
    pane.log_action.setChecked(True)  # another look: what waits was made for the old one
    paints = PaintCount(pane.view.viewport())
    qtbot.waitUntil(lambda: paints.count > 0 and not pane.canvas._fill.isActive())
    assert {(sid, log) for sid, _, log in pane.canvas._prepared} == {("seizures", True), ("scripts", True), ("evil", True)}
    pane.set_series_checked("scripts", True)
    assert "scripts" not in {k[0] for k in pane.canvas._prepared}
    pane.set_series_checked("scripts", False)  # drawn again without it: it waits again once idle
    qtbot.waitUntil(lambda: "scripts" in {k[0] for k in pane.canvas._prepared})


def test_a_tick_reads_the_largest_value_of_no_series_already_drawn(qtbot, monkeypatch):
    """The axes' width follows the largest value of every series shown; each series' is read once."""
    import sys

    import numpy as np

    state = SelectionState()
    pane = open_idle(qtbot, state, prepare=True)
    width = pane.canvas.rows[0].plot.getAxis("left").width()
    read = []
    real = np.nanmax

    def nanmax(a, *args, **kwargs):
        if sys._getframe(1).f_globals.get("__name__") == chart_canvas.__name__:  # the chart's own reads only
            read.append(len(a))
        return real(a, *args, **kwargs)

    monkeypatch.setattr(np, "nanmax", nanmax)
    state.set_focus("seizures@2018", "timeline")
    assert pane.canvas.added_in_place == 1
    assert read == [len(pane.canvas.drawn_of("seizures")[1].series.y)]  # only the new series
    assert pane.canvas.rows[0].plot.getAxis("right").width() == pane.canvas.rows[0].plot.getAxis("left").width() == width
