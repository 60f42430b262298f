"""A whole-plot repaint draws every marker in view without picking them one by one against the repainted area.

Markers leave out those that miss the area Qt repaints (a focus repaints strips); when the area is the
whole plot (a resize, a moved range, a ticked series) every marker in view reaches it, and picking them
cost as much as drawing them. Checked by counting the areas whose markers are picked, and by comparing
the screen with the same paint made without the shortcut; never by timing.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from desktop.state import SelectionState
from desktop.ui.chart_items import MarkerScatter
from test_chart_pane_work import open_pane


class PaintCount(QObject):
    def __init__(self, widget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_whole_repaint_picks_no_markers_and_draws_what_picking_them_draws(qtbot, monkeypatch):
    state = SelectionState()
    pane = open_pane(qtbot, state)
    pane.canvas.set_x_range(2012.5, 2021.0)
    shown = [m for row in pane.canvas.rows for d in row.drawn for m in d.markers if m.isVisible()]
    assert shown  # a few yearly values: their markers show
    paints = PaintCount(pane.view.viewport())
    qtbot.waitUntil(lambda: paints.count > 0)
    masks, drawn = MarkerScatter.masks, MarkerScatter.paints
    paints.count = 0
    pane.view.viewport().update()  # the whole plot
    qtbot.waitUntil(lambda: paints.count > 0)
    assert MarkerScatter.paints - drawn >= len(shown)
    assert MarkerScatter.masks == masks  # every marker reached the area: none was picked
    whole = pane.view.grab().toImage()

    # The same paint, picking each marker against the area as before: the same pixels.
    monkeypatch.setattr(MarkerScatter, "_holds_every_marker", lambda self, area: False)
    paints.count = 0
    pane.view.viewport().update()
    qtbot.waitUntil(lambda: paints.count > 0)
    assert MarkerScatter.masks > masks
    assert pane.view.grab().toImage() == whole
