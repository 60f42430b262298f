"""Opening a chart of long lines works each line's points out once, for the range and width it is painted at.

A long line was given clip-to-view and peak downsampling by setters once it was in its view, each of which
worked its points out for the range shown then (the view's default); the chart then set its range and the
paint worked them out again. Checked by counting the windows each line works out, never by timing.
"""
from __future__ import annotations

from desktop.state import SelectionState
from desktop.ui.chart_canvas import WHOLE_LIMIT
from desktop.ui.chart_pane import ChartPane
from test_chart_support import PaintCount
from tests.benchmarks.bench_chart import synthetic_dataset


def long_lines(pane: ChartPane) -> list:
    return [item for row in pane.canvas.rows for d in row.drawn for item, _ in d.lines if len(item._x) > WHOLE_LIMIT]


def test_opening_works_each_long_line_out_once_for_the_paint(qtbot):
    pane = ChartPane(synthetic_dataset(40_000, 4), SelectionState())  # four daily series of 10,000 values
    qtbot.addWidget(pane)
    lines = long_lines(pane)
    assert len(lines) == 4
    assert [line.windows_made for line in lines] == [0] * 4  # nothing worked out before there is a paint
    assert all(line.opts["clipToView"] and line.opts["autoDownsample"] for line in lines)
    paints = PaintCount(pane.view.viewport())
    pane.resize(1100, 650)
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.waitUntil(lambda: paints.count > 0)
    assert [line.windows_made for line in lines] == [1] * 4
    # what the lines draw is the window for the range and width shown: drawing again works nothing out
    shown = [len(line.curve.xData) for line in lines]
    assert all(0 < n < 2 * pane.view.width() + 64 for n in shown), shown  # about two values per pixel column
    paints.count = 0
    pane.view.viewport().update()
    qtbot.waitUntil(lambda: paints.count > 0)
    assert [line.windows_made for line in lines] == [1] * 4


def test_the_series_list_reads_only_the_words_of_series_not_drawn(qtbot, monkeypatch):
    """The list shows every series' title, unit, colour and marker; only the ticked ones are read into arrays."""
    from desktop.ui import chart_data, chart_pane
    from test_chart_support import chart_dataset

    built = []
    real = chart_data.build_series
    monkeypatch.setattr(chart_pane, "build_series", lambda ds, sid, *a, **k: (built.append(sid), real(ds, sid, *a, **k))[1])
    pane = ChartPane(chart_dataset(), SelectionState())
    qtbot.addWidget(pane)
    assert built == ["deaths", "opioid-deaths"]  # the first group, ticked and drawn
    items = pane._series_items()
    assert [item.text(0) for item in items][:3] == ["Overdose deaths (deaths)", "Opioid deaths (deaths)",
                                                    "Fentanyl seized (pounds)"]
    for item in items:  # each row's words and swatch are the drawn series' own
        s = real(pane.dataset, item.data(0, chart_pane.SERIES_ROLE), pane._order[item.data(0, chart_pane.SERIES_ROLE)])
        assert item.toolTip(0) == chart_pane.tooltip(f"{s.title} ({s.unit})")
        assert item.icon(0).pixmap(26, 12).toImage() == chart_pane.QIcon(
            chart_pane.swatch(s.colour, s.symbol, chart_pane.themes().theme, height=12)).pixmap(26, 12).toImage()


def test_a_marker_item_makes_one_scatter_its_own_and_keeps_pyqtgraphs_clean(qtbot, monkeypatch):
    """A series' markers are drawn by a MarkerScatter that pyqtgraph makes as the item's scatter; one was made
    and thrown away per item (twenty items opening the 100,000-event dataset)."""
    import numpy as np
    import pyqtgraph as pg
    from pyqtgraph.graphicsItems import PlotDataItem as plot_data_module

    from desktop.ui.chart_items import MarkerItem, MarkerScatter

    made = []
    real = pg.ScatterPlotItem.__init__
    monkeypatch.setattr(pg.ScatterPlotItem, "__init__", lambda self, *a, **k: (made.append(type(self)), real(self, *a, **k))[1])
    item = MarkerItem(np.arange(3.0), np.arange(3.0), pen=None, symbol="o", symbolBrush="#0072B2")
    assert made == [MarkerScatter]
    assert item.scatter.parentItem() is item and not item.scatter.isVisible()
    assert plot_data_module.ScatterPlotItem is pg.ScatterPlotItem  # other plots still get pyqtgraph's scatter
    clicks = []
    item.sigPointsClicked.connect(lambda *args: clicks.append(args))
    item.show_points(True)
    assert item.scatter.isVisible() and len(item.scatter.data) == 3
    item.scatter.sigClicked.emit(item.scatter, item.scatter.points()[:1], None)
    assert len(clicks) == 1  # connected as pyqtgraph connects its own scatter
