"""What the chart repaints: a change shows on screen by repainting what it changed, not the whole plot.

Checked by the regions Qt is asked to paint and by spies on the work a repaint would bring
(never by timing; the timings are in tests/benchmarks/bench_chart.py and `python -m desktop.bench`).
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtWidgets import QApplication

from desktop.dataset.filters import Filters
from desktop.state import SelectionState
from test_chart_pane_work import open_pane


class Paints(QObject):
    """The regions a widget is asked to paint, collected from its paint events."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.regions: list[QRect] = []
        widget.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.regions.append(event.region().boundingRect())
        return False


def test_a_filter_change_repaints_only_the_strip_of_event_ticks(qtbot):
    state = SelectionState()
    pane = open_pane(qtbot, state)
    row = pane.canvas.rows[0]
    ticks, lines = row.ticks, list(row.drawn[0].items)
    paints = Paints(pane.view.viewport())
    # The first paints after the pane opens cover the whole plot: the first fits the values to the view's
    # real size, and pyqtgraph's view asks to be painted whole again while painting (a new transform),
    # which Qt folds into the next paint. Keys typed after those are watched.
    for categories in ({"Health"}, {"Health", "Policy"}):
        paints.regions.clear()
        state.set_filters(Filters(categories=frozenset(categories)), "timeline")
        qtbot.waitUntil(lambda: len(paints.regions) > 0)
    paints.regions.clear()
    state.set_filters(Filters(categories=frozenset({"Policy"})), "timeline")  # a key in the search box
    qtbot.waitUntil(lambda: len(paints.regions) > 0)
    assert row.ticks is ticks and len(ticks.xvals) == 2  # the same item shows the new events
    assert list(row.drawn[0].items) == lines and all(item.getViewBox() is row.plot.vb for item in lines)
    strip = pane.view.mapFromScene(ticks.sceneBoundingRect()).boundingRect().adjusted(-2, -2, 2, 2)
    plot = pane.view.mapFromScene(row.plot.vb.sceneBoundingRect()).boundingRect()
    assert strip.height() < 0.15 * plot.height()
    for region in paints.regions:
        # Never the lines under the whole plot (adding or removing an item would also have the view
        # update all of itself to fit its values again, a million of them at 100,000 events).
        assert strip.contains(region), (region, strip)


def test_ticks_emptied_and_filled_again_draw_the_filtered_events(qtbot):
    state = SelectionState()
    pane = open_pane(qtbot, state)
    ticks = pane.canvas.rows[0].ticks
    pane.canvas.set_x_range(2010.0, 2022.0)
    state.set_filters(Filters(text="no event says this"), "timeline")
    assert len(ticks.shown()) == 0 and list(pane._event_ids) == []
    state.set_filters(Filters(categories=frozenset({"Policy"})), "timeline")
    assert pane.canvas.rows[0].ticks is ticks
    assert sorted(ticks.shown()) == sorted(pane.canvas.event_xs) and len(ticks.shown()) == 2
    assert list(pane._event_ids) == ["law-passed", "evil-event"]  # in the order of the ticks' x values


def test_typing_leaves_the_series_list_alone_and_a_source_filter_greys_out_series(qtbot):
    state = SelectionState()
    pane = open_pane(qtbot, state)
    changed = []
    pane.series_list.model().dataChanged.connect(lambda *args: changed.append(args))
    for text in ("a", "a l", "a la"):
        state.set_filters(Filters(text=text), "timeline")
    assert changed == []  # text never greys out a series: the list's items are not touched per key
    state.set_filters(Filters(text="a", source_id="cbp"), "citations")
    disabled = {it.data(0, pg.QtCore.Qt.ItemDataRole.UserRole) for it in pane._series_items() if it.isDisabled()}
    assert changed and "seizures" not in disabled and {"deaths", "scripts"} <= disabled
    state.set_filters(Filters(text="a"), "citations")
    assert not any(it.isDisabled() for it in pane._series_items())


def region_area(regions) -> int:
    return sum(r.width() * r.height() for r in regions)


def test_a_focus_repaints_where_its_marks_were_and_are_not_every_line(qtbot, monkeypatch):
    state = SelectionState()
    pane = open_pane(qtbot, state)
    pane.canvas.set_x_range(2012.0, 2021.0)  # every event in view: a focus moves no range
    paints = Paints(pane.view.viewport())
    for target in ("wave", "law-passed"):  # the first paints after opening and the first marks cover it all
        paints.regions.clear()
        state.set_focus(target, "timeline")
        qtbot.waitUntil(lambda: len(paints.regions) > 0)
    queued = []
    real = pg.ViewBox.queueUpdateAutoRange
    monkeypatch.setattr(pg.ViewBox, "queueUpdateAutoRange", lambda self: (queued.append(self), real(self)))
    paints.regions.clear()
    state.set_focus("evil-event", "timeline")  # the event line and its title move; nothing else changes
    qtbot.waitUntil(lambda: len(paints.regions) > 0)
    assert pane.canvas.x_range() == (2012.0, 2021.0)
    assert queued == []  # the marks are not fitted (added with ignoreBounds): no fit, no whole-plot repaint
    plot = pane.view.mapFromScene(pane.canvas.rows[0].plot.vb.sceneBoundingRect()).boundingRect()
    assert region_area(paints.regions) < 0.5 * plot.width() * plot.height()
    # What is on screen is what a full repaint shows: nothing left behind where the marks were.
    shown = pane.screen().grabWindow(pane.winId()).toImage()
    paints.regions.clear()
    pane.view.viewport().update()
    qtbot.waitUntil(lambda: len(paints.regions) > 0)
    assert pane.screen().grabWindow(pane.winId()).toImage() == shown


def test_a_line_or_marker_that_changes_is_still_fitted(qtbot, monkeypatch):
    state = SelectionState()
    pane = open_pane(qtbot, state)
    state.set_focus("law-passed", "timeline")
    row = pane.canvas.rows[0]
    assert row.kept  # the focused event's line and title
    drawn = row.drawn[0]
    queued = []
    real = pg.ViewBox.queueUpdateAutoRange
    monkeypatch.setattr(pg.ViewBox, "queueUpdateAutoRange", lambda self: (queued.append(self), real(self)))
    drawn.vb.itemBoundsChanged(drawn.lines[0][0].curve)  # the drawn curve inside a fitted line
    assert queued == [drawn.vb]
    drawn.vb.itemBoundsChanged(drawn.markers[0].scatter)  # the markers inside a fitted marker item
    assert queued == [drawn.vb, drawn.vb]
    queued.clear()
    for kept in row.kept.values():  # the focus marks, which the fit ignores
        drawn.vb.itemBoundsChanged(kept)
    drawn.vb.itemBoundsChanged(drawn.vb.childGroup)  # the view's own transform (a new range or size)
    assert queued == []
