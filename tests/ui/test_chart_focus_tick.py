"""Ticking a series onto the chart (a focus on one not shown does) works each long line's points out once.

A series with a new unit gives the plot a right axis, which narrows it: every line's points are worked
out again for the new width at the next paint. A view still drawn light (it was moving) was first given
its themed pens at the old width, which worked every line's points out once more, for nothing. Checked
by counting the windows each line works out, never by timing.
"""
from __future__ import annotations

from desktop.state import SelectionState
from desktop.ui.chart_canvas import WHOLE_LIMIT
from desktop.ui.chart_pane import ChartPane
from test_chart_support import PaintCount
from tests.benchmarks.bench_chart import synthetic_dataset


def test_a_series_ticked_while_the_view_is_light_works_each_line_out_once_at_its_new_width(qtbot):
    pane = ChartPane(synthetic_dataset(40_000, 4), SelectionState())  # s0, s2 in deaths; s1, s3 in pounds
    qtbot.addWidget(pane)
    pane.resize(1100, 650)
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_series_checked("s1", False)
    pane.set_series_checked("s3", False)
    paints = PaintCount(pane.view.viewport())
    qtbot.waitUntil(lambda: paints.count > 0)
    canvas = pane.canvas
    assert canvas.rows[0].right is None
    # the long lines (a short dashed stretch is drawn whole and works out no window)
    old = [item for row in canvas.rows for d in row.drawn for item, _ in d.lines if len(item._x) > WHOLE_LIMIT]
    assert len(old) == 2
    width = canvas.rows[0].plot.vb.width()
    canvas._begin_light()  # the view was moving a moment ago (drawn light)
    before = [line.windows_made for line in old]
    in_place = canvas.added_in_place
    paints.count = 0
    pane.set_series_checked("s3", True)  # pounds: a right axis, a narrower plot
    qtbot.waitUntil(lambda: paints.count > 0)
    assert canvas.added_in_place == in_place + 1 and canvas.rows[0].right is not None
    assert canvas.rows[0].plot.vb.width() < width
    assert not canvas.is_light() and not any(line.moving for line in old)
    made = [line.windows_made - b for line, b in zip(old, before)]
    assert made == [1] * len(old), made  # once each, for the width they are painted at
    # and what is drawn is the window for that width: a paint now works nothing out again
    paints.count = 0
    pane.view.viewport().update()
    qtbot.waitUntil(lambda: paints.count > 0)
    assert [line.windows_made - b for line, b in zip(old, before)] == made
