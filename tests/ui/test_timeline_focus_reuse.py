"""A focus change that does not move the view reuses what it can: the lane the focus leaves shows its
kept picture, stepping back to a fact seen a moment ago lays out and paints nothing, and a focus
that leaves a group works out only its own lane's group boxes. The picture is always a fresh one's."""
from __future__ import annotations

import pytest

from desktop.ui import timeline_layout, timeline_paint
from test_timeline_pane import make_pane  # noqa: F401 - the pane fixture, shared

WIDTH = 1920  # the pane's width in these tests (the shared fixture's default is narrower)


@pytest.fixture
def work(monkeypatch):
    """Count the timeline's work: lanes painted, label placements, and groups whose geometry is made."""
    calls = {"lanes": [], "placed": 0, "groups": []}
    real_lane, real_place, real_geo = (timeline_paint.paint_lane, timeline_layout.place_labels,
                                       timeline_paint._aggregate_geometry)

    def lane(view, p, layout, lane, parts):
        calls["lanes"].append(lane)
        return real_lane(view, p, layout, lane, parts)

    def place(*args, **kwargs):
        calls["placed"] += 1
        return real_place(*args, **kwargs)

    def geometry(view, what):
        calls["groups"].append(len(getattr(what, "aggregates", what)))
        return real_geo(view, what)

    monkeypatch.setattr(timeline_paint, "paint_lane", lane)
    monkeypatch.setattr(timeline_layout, "place_labels", place)
    monkeypatch.setattr(timeline_paint, "_aggregate_geometry", geometry)
    return calls


def _fresh_picture(qtbot, make_pane, dataset, state, size):
    fresh, _ = make_pane(dataset, *size, state=state)
    return fresh.view.grab().toImage()


def test_stepping_back_to_a_recent_focus_lays_out_and_paints_nothing(qtbot, make_pane, default_dataset, work):
    pane, state = make_pane(default_dataset, WIDTH)
    view = pane.view
    view.grab()
    lanes = pane.model.lane
    by_lane: dict[int, int] = {}
    for index in view.current_layout().markers.tolist():
        by_lane.setdefault(int(lanes[index]), index)
    (lane_a, a), (lane_b, b) = sorted(by_lane.items())[:2]
    start = view.view
    state.set_focus(str(pane.model.ids[a]), "chart")
    on_a = view.grab().toImage()
    state.set_focus(str(pane.model.ids[b]), "chart")
    view.grab()
    assert view.view == start, "both facts were in view: the view must not move for this test"
    work["lanes"].clear()
    work["placed"] = 0
    state.set_focus(str(pane.model.ids[a]), "chart")
    back = view.grab().toImage()
    assert work["lanes"] == [] and work["placed"] == 0
    assert back == on_a
    assert back == _fresh_picture(qtbot, make_pane, default_dataset, state, (1920, 420))


def test_a_focus_leaving_a_group_works_out_only_its_lanes_group_boxes(qtbot, make_pane, default_dataset, work):
    pane, state = make_pane(default_dataset, WIDTH)
    view = pane.view
    view.grab()
    groups = view.current_layout().aggregates
    assert len(groups) >= 2 and len(set(groups.lane.tolist())) >= 2, "the test needs groups in two lanes"
    k = 0
    member = int(groups[k].members[0])
    in_lane = int((groups.lane == groups[k].lane).sum())
    work["groups"].clear()
    state.set_focus(str(pane.model.ids[member]), "chart")
    picture = view.grab().toImage()
    assert view.current_layout().aggregates is not groups, "the focus left its group: its lane was grouped again"
    # The lane is grouped again without the focus, so it holds at most one group more than before.
    assert len(work["groups"]) == 1 and work["groups"][0] <= in_lane + 1 < len(groups)
    assert picture == _fresh_picture(qtbot, make_pane, default_dataset, state, (1920, 420))


def test_the_band_budget_is_the_same_whether_its_periods_come_by_lane_or_not():
    """Periods by lane skip the sort (`LaneOrder` gives them so); any order keeps the same bands."""
    import numpy as np

    from desktop.ui.timeline_layout import _within_band_budget

    rng = np.random.default_rng(7)
    n = 400
    lanes = np.sort(rng.integers(0, 5, n))
    widths = rng.integers(1, 30, n).astype(float)  # many equal widths: ties decide
    ties = rng.permutation(n)
    is_band = rng.random(n) < 0.8
    kept = _within_band_budget(is_band, lanes, widths, 12, ties)
    assert np.bincount(lanes[kept], minlength=5).max() == 12
    shuffle = rng.permutation(n)
    again = _within_band_budget(is_band[shuffle], lanes[shuffle], widths[shuffle], 12, ties[shuffle])
    assert np.array_equal(again, kept[shuffle])
