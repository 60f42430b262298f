"""Painting a lane again reuses what does not change with the view: each lane's marker pens and
brushes are made once per look, a label's elided date and title once per fact, width and weight, and
a polygon marker's corners once per shape and size, to the same numbers as worked out afresh."""
from __future__ import annotations

import math
from dataclasses import replace

import pytest
from PySide6.QtCore import QPointF

from desktop.ui import timeline_paint, timeline_view
from desktop.ui.theme import LIGHT, themes
from test_timeline_pane import make_pane  # noqa: F401 - the pane fixture, shared


class CountingMetrics:
    """A font metrics stand-in that counts how often a text is elided."""

    def __init__(self, real) -> None:
        self.real, self.elided = real, 0

    def elidedText(self, *args):  # noqa: N802 - Qt's name
        self.elided += 1
        return self.real.elidedText(*args)

    def __getattr__(self, name):
        return getattr(self.real, name)


def _markers_and_labels(view) -> tuple[int, int]:
    layout = view.current_layout()
    return len(layout.markers), len(layout.labels)


def test_a_pan_repaints_every_lane_without_new_marker_pens_or_label_text(qtbot, make_pane, default_dataset,
                                                                           monkeypatch):
    pane, state = make_pane(default_dataset, 1920, 420)
    view = pane.view
    view.grab()
    markers, labels = _markers_and_labels(view)
    assert markers > len(pane.model.lanes) and labels >= 3, "the test needs markers and labels in view"
    pens, lanes = [], []  # pens made while a lane is painted; lanes painted
    real_pen, real_lane = timeline_paint.pen, timeline_paint.paint_lane

    def lane_pen(*args, **kwargs):
        if lanes and lanes[-1] is not None:
            pens.append(args)
        return real_pen(*args, **kwargs)

    def paint_lane(v, p, lay, lane, parts):
        lanes.append(lane)
        try:
            return real_lane(v, p, lay, lane, parts)
        finally:
            lanes.append(None)

    monkeypatch.setattr(timeline_paint, "pen", lane_pen)
    monkeypatch.setattr(timeline_paint, "paint_lane", paint_lane)
    counting = view.fm = CountingMetrics(view.fm)
    x0, x1 = view.view
    shift = (x1 - x0) * 1e-6  # a pan too small to move a label's width
    view.set_view(x0 + shift, x1 + shift)
    view.grab()
    assert sorted(set(lanes) - {None}) == list(range(len(pane.model.lanes))), "a pan repaints every lane"
    assert _markers_and_labels(view) == (markers, labels)
    # At most a leader line's pen per lane with labels: marker pens are kept per lane, not made per marker.
    assert len(pens) <= len(pane.model.lanes)
    assert counting.elided == 0, "the labels' texts were elided at the first paint and kept"


def test_the_kept_texts_are_dropped_with_the_look(qtbot, make_pane, default_dataset):
    """After a change of look the labels are written in the new font, as a pane opened in it writes them."""
    pane, state = make_pane(default_dataset, 1920, 420)
    view = pane.view
    view.grab()
    themes().set_theme(replace(LIGHT, scale=1.3, marker_size=13.0))  # the fixture puts the light theme back
    shown = view.grab().toImage()
    fresh, _ = make_pane(default_dataset, 1920, 420, state=state)
    assert shown == fresh.view.grab().toImage()


@pytest.mark.parametrize("shape", ["t", "d", "h", "p", "star"])
def test_polygon_markers_have_the_corners_worked_out_afresh(shape):
    for size, (x, y) in [(11.0, (10.3, 7.77)), (13.5, (1234.5678, 99.125)), (9.9, (0.1, 0.2))]:
        path = timeline_view.shape_path(shape, QPointF(x, y), size)
        r = size / 2
        sides = {"t": 3, "d": 4, "h": 6, "p": 5, "star": 10}[shape]
        expected = []
        for k in range(sides):
            angle = -math.pi / 2 + 2 * math.pi * k / sides
            radius = r * (0.45 if shape == "star" and k % 2 else 1.0) * (1.15 if shape == "t" else 1.0)
            expected.append((x + radius * math.cos(angle), y + radius * math.sin(angle) + (r * 0.15 if shape == "t" else 0)))
        got = [(path.elementAt(k).x, path.elementAt(k).y) for k in range(sides)]
        assert got == expected
