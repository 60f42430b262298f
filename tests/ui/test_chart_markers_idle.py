"""Hidden markers are given their points while the app is idle, after the chart's first paint.

pyqtgraph styles a scatter's points one by one as they are set; done in the first zoom that shows
markers, that cost a visible hitch (~50 ms at 100,000 events). Checked by counting which series'
markers are given points on each turn of the event loop and in the zoom, never by timing.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from desktop.state import SelectionState
from desktop.ui.chart_items import MarkerItem
from desktop.ui.chart_pane import ChartPane
from desktop.ui.theme import PROJECTOR_DARK
from tests.benchmarks.bench_chart import synthetic_dataset

TURNS = 200  # far more turns than there are series


class PaintLog(QObject):
    """Writes "paint" into a log each time the watched widget paints."""

    def __init__(self, log: list) -> None:
        super().__init__()
        self.log = log

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.log.append("paint")
        return False


@pytest.fixture
def given(monkeypatch):
    """Every MarkerItem.setData call that gives points, as the item it was made on (a spy: the real call
    still runs; pyqtgraph's own empty call while the item is made gives none)."""
    calls: list = []
    real = MarkerItem.setData

    def spy(self, *args, **kwargs):
        if args:
            calls.append(self)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(MarkerItem, "setData", spy)
    return calls


def markers(pane) -> list[MarkerItem]:
    return [item for row in pane.canvas.rows for d in row.drawn for item in d.markers]


def series_of(pane) -> dict[int, str]:
    """Each drawn marker item (by id) to the series it marks."""
    return {id(m): d.series.series_id for row in pane.canvas.rows for d in row.drawn for m in d.markers}


def run_turns(pane, given: list, log: list) -> list[set[str]]:
    """Run the event loop one turn at a time until no marker waits; the series given points in each turn."""
    turns = []
    for _ in range(TURNS):
        if not any(item.pending is not None for item in markers(pane)):
            break
        start, drawn = len(given), series_of(pane)
        QApplication.processEvents()
        series = {drawn.get(id(item), "not drawn") for item in given[start:]}
        log.extend(f"give {sid}" for sid in sorted(series))
        turns.append(series)
    return turns


@pytest.fixture
def pane(qtbot):
    """Four series of 3,000 daily values, drawn with markers that start hidden (too close together)."""
    pane = ChartPane(synthetic_dataset(total=12_000, series=4), SelectionState())
    qtbot.addWidget(pane)
    pane.resize(1100, 650)
    return pane


def show(pane, qtbot, given, log) -> None:
    for sid in pane.dataset.series.index:
        pane.set_series_checked(sid, True)
    watcher = PaintLog(log)
    pane.view.viewport().installEventFilter(watcher)
    pane._paint_log = watcher  # kept alive with the pane
    pane.show()
    qtbot.waitExposed(pane)


def test_hidden_markers_get_their_points_one_series_per_idle_turn_after_the_first_paint(pane, qtbot, given):
    log: list = []
    show(pane, qtbot, given, log)
    items = markers(pane)
    assert len(set(series_of(pane).values())) == 4
    assert not any(item.isVisible() for item in items)  # 3,000 values per series: too close to show
    turns = run_turns(pane, given, log)
    assert not any(item.pending is not None for item in markers(pane))
    assert all(len(series) <= 1 for series in turns)  # one series' markers per turn at most
    first_give = next(i for i, e in enumerate(log) if e.startswith("give"))
    assert "paint" in log and log.index("paint") < first_give
    assert "paint" not in log[first_give:]  # points given to hidden markers repaint nothing
    assert not any(item.isVisible() for item in markers(pane))  # given their points, still hidden

    before = len(given)
    first = pane.canvas.data_extent()[0]
    pane.canvas.set_x_range(first, first + 0.5)  # ~180 values per series in ~1,000 px: markers fit
    assert all(item.isVisible() for item in markers(pane))
    assert len(given) == before  # the zoom only shows them


def test_markers_made_by_a_theme_change_are_given_their_points_the_same_way(pane, qtbot, given):
    log: list = []
    show(pane, qtbot, given, log)
    run_turns(pane, given, log)
    old = markers(pane)
    log.clear()
    pane.canvas.set_theme(PROJECTOR_DARK)
    new = markers(pane)
    assert not any(item in old for item in new) and all(item.pending is not None for item in new)
    turns = run_turns(pane, given, log)
    assert not any(item.pending is not None for item in new)
    assert all(len(series) <= 1 for series in turns)
    assert "paint" in log and log.index("paint") < next(i for i, e in enumerate(log) if e.startswith("give"))
    before = len(given)
    first = pane.canvas.data_extent()[0]
    pane.canvas.set_x_range(first, first + 0.5)
    assert all(item.isVisible() for item in markers(pane)) and len(given) == before
