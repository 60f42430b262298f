"""Following a view change (the chart's pan and zoom moves the timeline every frame) costs little:
the bands' and groups' geometry is worked out once per layout for all lanes, shared by the layouts
a focus change makes, and the picture is the one a timeline painted from nothing shows."""
from __future__ import annotations

import pytest

from desktop.state import SelectionState
from desktop.ui import timeline_paint
from desktop.ui.theme import LIGHT, themes
from desktop.ui.timeline_pane import TimelinePane


@pytest.fixture
def make_pane(qtbot, app_font):
    def make(dataset, width=1400, height=420):
        state = SelectionState()
        pane = TimelinePane(dataset, state)
        qtbot.addWidget(pane)
        pane.resize(width, height)
        pane.show()
        qtbot.waitExposed(pane)
        return pane, state
    yield make
    themes().set_theme(LIGHT)


@pytest.fixture
def rect_batches(monkeypatch):
    """How many times box rects are worked out (each call covers any number of boxes)."""
    calls: list[int] = []
    real = timeline_paint.box_rects
    monkeypatch.setattr(timeline_paint, "box_rects", lambda *a: (calls.append(len(a[0])), real(*a))[1])
    return calls


def fresh_picture(qtbot, dataset, pane, state):
    """The same view and focus painted by a timeline that has kept nothing."""
    fresh = TimelinePane(dataset, state)
    qtbot.addWidget(fresh)
    fresh.resize(pane.size())
    fresh.show()
    qtbot.waitExposed(fresh)
    fresh.view.set_view(*pane.view.view, emit=False)
    fresh.view.set_focus_index(pane.view.focus_index)
    return fresh.view.grab().toImage()


def test_a_view_change_works_out_box_geometry_once_for_every_lane(qtbot, make_pane, default_dataset, rect_batches):
    pane, state = make_pane(default_dataset)
    view = pane.view
    view.grab()
    layout = view.current_layout()
    lanes_with_boxes = {int(lane) for lane in pane.model.lane[layout.bands]} | set(layout.aggregates.lane.tolist())
    assert len(lanes_with_boxes) >= 3, "the full view must have bands or groups in several lanes for this test"
    for step in range(3):
        rect_batches.clear()
        view.pan(0.013)
        view.grab()
        assert len(rect_batches) <= 2, "one batch for the bands and one for the hatched groups, not one per lane"
    assert view.grab().toImage() == fresh_picture(qtbot, default_dataset, pane, state)


def test_a_focus_change_reuses_the_layouts_box_geometry(qtbot, make_pane, default_dataset, rect_batches):
    pane, state = make_pane(default_dataset)
    view = pane.view
    view.grab()
    layout = view.current_layout()
    singles = [int(i) for i in layout.markers]
    lanes = pane.model.lane
    # Singles in lanes that also draw bands or groups: a focus there repaints a lane with boxes.
    boxed = {int(lane) for lane in lanes[layout.bands]} | set(layout.aggregates.lane.tolist())
    chosen = [i for i in singles if int(lanes[i]) in boxed][:3]
    assert chosen, "the full view must have a lone marker in a lane with boxes for this test"
    for index in chosen:
        rect_batches.clear()
        state.set_focus(str(pane.model.ids[index]), "chart")
        focused = view.grab().toImage()
        assert view.focus_index == index
        assert rect_batches == [], "a focus on a lone marker changes no band or group"
    assert focused == fresh_picture(qtbot, default_dataset, pane, state)
