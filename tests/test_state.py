"""SelectionState: one source of truth, origin carried, no-op on unchanged values."""
from __future__ import annotations

from desktop.dataset.filters import Filters
from desktop.state import SelectionState


def test_focus_change_carries_origin_and_unchanged_is_silent(qtbot):
    state = SelectionState()
    with qtbot.waitSignal(state.focus_changed) as blocker:
        state.set_focus("culiacan", "timeline")
    assert blocker.args == ["culiacan", "timeline"]
    with qtbot.assertNotEmitted(state.focus_changed):
        state.set_focus("culiacan", "chart")


def test_filters_and_range(qtbot):
    state = SelectionState()
    with qtbot.waitSignal(state.filters_changed):
        state.set_filters(Filters(text="cartel"), "timeline")
    with qtbot.assertNotEmitted(state.filters_changed):
        state.set_filters(Filters(text="cartel"), "chart")
    with qtbot.waitSignal(state.range_changed) as blocker:
        state.set_time_range(2010, 2020, "chart")
    assert blocker.args == [2010.0, 2020.0, "chart"]
    assert state.filters.active
