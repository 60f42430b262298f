"""Markers on a focus: drawn again from their last paint while nothing they are drawn from changed, and
their bounding box reads the view's pixel size, known once per transform.

A focus moves the focused event's line and title (and the ring round a value); Qt repaints the strips
they leave and enter, paints every marker item under them again and asks each for its bounding box
several times. Checked by counting fresh paints and the pixel-size work, and by comparing the screen
with a full repaint; never by timing.
"""
from __future__ import annotations

from desktop.state import SelectionState
from test_chart_pane_work import open_pane
from test_chart_support import PaintCount


def spy(scatters, name: str) -> list:
    """The ids of the scatters whose method `name` runs, in order (a spy on each item: the real method runs).

    pyqtgraph's scatter paint asks for its view's rectangle (to cull its points to it) and nothing else
    in a paint does; its bounding box and culling ask for its pixel vectors."""
    calls: list = []
    for scatter in scatters:
        real = getattr(scatter, name)

        def counted(*args, real=real, key=id(scatter)):
            calls.append(key)
            return real(*args)

        setattr(scatter, name, counted)
    return calls


def shown_markers(pane) -> list:
    return [m.scatter for row in pane.canvas.rows for d in row.drawn for m in d.markers if m.isVisible()]


def test_a_markers_bounding_box_reads_the_views_pixel_size_once_per_transform(qtbot):
    state = SelectionState()
    pane = open_pane(qtbot, state)
    pane.canvas.set_x_range(2012.0, 2031.0)
    paints = PaintCount(pane.view.viewport())
    state.set_focus("wave", "timeline")
    qtbot.waitUntil(lambda: paints.count > 0)
    markers = shown_markers(pane)
    asked = spy(markers, "pixelVectors")
    painted = spy(markers, "viewRect")
    boxes = [scatter.boundingRect() for scatter in markers]
    assert all(box.width() > 0 and box.height() > 0 for box in boxes)
    assert not [item for item in asked if item in {id(m) for m in markers}]  # the view's pixel size, already known
    paints.count = 0
    pane.canvas.set_x_range(2011.0, 2030.0)  # a pan: a new transform, every marker painted again
    qtbot.waitUntil(lambda: paints.count > 0)
    # pyqtgraph's scatter works its pixel size out in every bounding box Qt asks for (several per paint)
    # and once more to cull its points; here only the culling of each paint does.
    per_marker = [asked.count(id(scatter)) for scatter in markers]
    paints_of = [painted.count(id(scatter)) for scatter in markers]
    assert all(n <= 2 * max(1, p) for n, p in zip(per_marker, paints_of)), (per_marker, paints_of)


def grab(pane):
    return pane.screen().grabWindow(pane.winId()).toImage()


def repainted(qtbot, pane, paints: PaintCount, change) -> None:
    paints.count = 0
    change()
    qtbot.waitUntil(lambda: paints.count > 0)


def test_a_focus_draws_the_markers_again_from_their_last_paint_and_the_screen_matches_a_full_repaint(qtbot):
    from desktop.ui.chart_items import MarkerScatter

    state = SelectionState()
    pane = open_pane(qtbot, state)
    pane.canvas.set_x_range(2012.5, 2021.0)  # every event in view among the markers: a focus moves no range
    paints = PaintCount(pane.view.viewport())
    for target in ("wave", "evil-event"):  # the first paints after opening and the first marks cover it all
        repainted(qtbot, pane, paints, lambda t=target: state.set_focus(t, "timeline"))
    assert len(shown_markers(pane)) >= 3
    for target in ("law-passed", "evil-event", "law-passed"):  # the line and its title move between events
        fresh = MarkerScatter.fresh_paints
        repainted(qtbot, pane, paints, lambda t=target: state.set_focus(t, "timeline"))
        assert pane.canvas.x_range() == (2012.5, 2021.0)
        assert MarkerScatter.fresh_paints == fresh  # nothing the markers are drawn from changed
        shown = grab(pane)
        for scatter in shown_markers(pane):
            scatter.invalidate()  # forget every last paint: all worked out anew, as pyqtgraph draws them
        repainted(qtbot, pane, paints, pane.view.viewport().update)
        assert MarkerScatter.fresh_paints > fresh
        assert grab(pane) == shown


def test_markers_are_worked_out_anew_when_the_view_or_their_points_change(qtbot):
    from desktop.ui.chart_items import MarkerScatter

    state = SelectionState()
    pane = open_pane(qtbot, state)
    pane.canvas.set_x_range(2012.5, 2021.0)
    paints = PaintCount(pane.view.viewport())
    repainted(qtbot, pane, paints, lambda: state.set_focus("wave", "timeline"))
    markers = shown_markers(pane)
    fresh = MarkerScatter.fresh_paints
    repainted(qtbot, pane, paints, lambda: pane.canvas.set_x_range(2011.5, 2020.0))  # a pan: a new transform
    assert MarkerScatter.fresh_paints - fresh >= len(markers)
    scatter = markers[0]
    x, y = scatter.getData()
    fresh = MarkerScatter.fresh_paints
    repainted(qtbot, pane, paints, lambda: scatter.setData(x=x, y=y + 1))  # new points: drawn where they now are
    assert MarkerScatter.fresh_paints > fresh
    shown = grab(pane)
    for other in shown_markers(pane):
        other.invalidate()
    repainted(qtbot, pane, paints, pane.view.viewport().update)
    assert grab(pane) == shown
