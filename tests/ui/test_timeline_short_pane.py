"""A pane too short for all its lanes (as the timeline of a 768-pixel window is at 100,000 events)
paints nothing for the lanes wholly below it, nor the axis labels and off-screen counts down there:
none of their pixels can show, and the picture is the one painted with every lane."""
from __future__ import annotations

from desktop.ui import timeline_paint
from desktop.ui.timeline_layers import TimelineLayers
from test_timeline_pane import make_pane  # noqa: F401 - the pane fixture, shared


def _short_pane(make_pane, dataset):
    """A pane whose last lane lies wholly below its canvas."""
    for height in range(200, 120, -8):
        pane, state = make_pane(dataset, 1366, height)
        view = pane.view
        last = len(pane.model.lanes) - 1
        if view.lane_top(last) - view.marker - 6 >= view.height():
            return pane, state
        pane.close()
    raise AssertionError("no pane height leaves a lane below the canvas")


def test_lanes_below_a_short_pane_are_not_painted_and_the_picture_is_the_same(qtbot, make_pane, default_dataset,
                                                                             monkeypatch):
    pane, state = _short_pane(make_pane, default_dataset)
    view = pane.view
    painted, texts = [], []
    real_lane = timeline_paint.paint_lane
    monkeypatch.setattr(timeline_paint, "paint_lane",
                        lambda v, p, lay, lane, parts: painted.append(lane) or real_lane(v, p, lay, lane, parts))
    shown = view.grab().toImage()
    below = [lane for lane in range(len(pane.model.lanes)) if view.lane_top(lane) - view.marker - 6 >= view.height()]
    assert below and not set(below) & set(painted)
    assert set(painted) == set(range(len(pane.model.lanes))) - set(below)
    # The same pane painted with every lane, and with the axis labels, as before.
    monkeypatch.setattr(timeline_paint, "visible_bottom", lambda v: 10.0 ** 6)
    view._layers = TimelineLayers(view)
    painted.clear()
    everything = view.grab().toImage()
    assert set(painted) == set(range(len(pane.model.lanes)))
    assert shown == everything
