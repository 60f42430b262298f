"""A focus change that does not move the view repaints on screen only the lanes the focus leaves and
enters (the rest of the widget would be drawn again with the same pixels), and what the screen then
shows is what a pane drawn from nothing shows."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QEvent

from test_timeline_pane import make_pane  # noqa: F401 - the pane fixture, shared

WIDTH, HEIGHT = 1920, 420


class PaintRegions(QObject):
    """Records the region of every paint event the timeline's canvas gets."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.regions = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.regions.append(event.region().boundingRect())
        return False


def _on_screen(qtbot, pane):
    """The pane's canvas as the window shows it (the backing store's pixels, not painted again)."""
    view = pane.view
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
    window = view.window()
    corner = view.mapTo(window, view.rect().topLeft())
    shot = view.screen().grabWindow(window.winId())
    return shot.copy(corner.x(), corner.y(), view.width(), view.height()).toImage()


def _two_facts_in_two_lanes(pane):
    lanes = pane.model.lane
    by_lane: dict[int, int] = {}
    for index in pane.view.current_layout().markers.tolist():
        by_lane.setdefault(int(lanes[index]), index)
    assert len(by_lane) >= 3, "the test needs markers in three lanes"
    (lane_a, a), (lane_b, b) = sorted(by_lane.items())[:2]
    return a, b


@pytest.fixture
def pane_and_regions(qtbot, make_pane, default_dataset):
    pane, state = make_pane(default_dataset, WIDTH, HEIGHT)
    _on_screen(qtbot, pane)
    return pane, state, PaintRegions(pane.view)


def test_a_focus_repaints_only_the_lanes_it_leaves_and_enters(qtbot, make_pane, default_dataset, pane_and_regions):
    pane, state, painted = pane_and_regions
    view = pane.view
    a, b = _two_facts_in_two_lanes(pane)
    state.set_focus(str(pane.model.ids[a]), "chart")
    _on_screen(qtbot, pane)
    start = view.view
    painted.regions.clear()
    state.set_focus(str(pane.model.ids[b]), "chart")
    shown = _on_screen(qtbot, pane)
    assert view.view == start, "both facts were in view: the view must not move for this test"
    assert painted.regions, "the focus must be painted"
    area = painted.regions[0]
    for region in painted.regions[1:]:
        area = area.united(region)
    lane_a, lane_b = int(pane.model.lane[a]), int(pane.model.lane[b])
    assert area.top() <= view.marker_y(lane_a) and area.bottom() >= view.marker_y(lane_b)
    last = len(pane.model.lanes) - 1
    assert area.bottom() < view.lane_top(last), "the lanes below the two were not repainted"
    fresh, _ = make_pane(default_dataset, WIDTH, HEIGHT, state=state)
    assert shown == _on_screen(qtbot, fresh)


def test_focusing_a_chart_value_repaints_its_period_across_the_lanes(qtbot, make_pane, default_dataset,
                                                                      pane_and_regions):
    pane, state, painted = pane_and_regions
    view = pane.view
    row = default_dataset.observations.iloc[len(default_dataset.observations) // 2]
    painted.regions.clear()
    state.set_focus(f"{row['series_id']}@{row['period']}", "chart")
    shown = _on_screen(qtbot, pane)
    assert view.highlight_span is not None
    assert any(region.height() >= view.height() for region in painted.regions), "the tint crosses every lane"
    fresh, _ = make_pane(default_dataset, WIDTH, HEIGHT, state=state)
    assert shown == _on_screen(qtbot, fresh)


def test_focusing_what_the_timeline_does_not_show_again_paints_nothing(qtbot, pane_and_regions, default_dataset):
    pane, state, painted = pane_and_regions
    series = list(default_dataset.series.index)
    state.set_focus(series[0], "chart")
    _on_screen(qtbot, pane)
    painted.regions.clear()
    state.set_focus(series[1], "chart")
    _on_screen(qtbot, pane)
    assert painted.regions == []
