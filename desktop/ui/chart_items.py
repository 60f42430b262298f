"""The small graphics items the chart draws with besides its lines: markers and legend swatches."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol


class MarkerItem(pg.PlotDataItem):
    """A series' markers, given their points only when first shown.

    Most markers start hidden (values in view too close together, see
    _show_markers_that_fit), and pyqtgraph styles every point of a scatter one
    by one as its data is set (~2.5 ms per 3,000 points): twenty daily series
    at 100,000 events spent ~50 ms opening on markers no frame showed.
    """

    def __init__(self, x: np.ndarray, y: np.ndarray, **style) -> None:
        super().__init__(**style)
        self.pending: tuple[np.ndarray, np.ndarray] | None = (x, y)
        self.hide()

    def show_points(self, shown: bool) -> None:
        """Show or hide the markers, giving the scatter its points the first time they are shown."""
        if shown and self.pending is not None:
            x, y = self.pending
            self.pending = None
            self.setData(x, y)
        if self.isVisible() != shown:
            self.setVisible(shown)


class SampleLook:
    """What a legend entry's swatch reads of a line: its pen, its marker, and whether it is shown.

    pyqtgraph's legend copies a line's look from a whole PlotDataItem (a curve and a scatter made, styled
    and given points: ~1 ms per series, for an item never put in a plot). This holds only what the
    swatch reads: `opts` (the line's pen, marker shape, antialiasing), the marker's size, pen and brush,
    and a shown flag that a click on the swatch toggles, as it would toggle the item it was given.
    """

    def __init__(self, pen, symbol: str | None = None, size: float = 10.0, symbol_pen=None, symbol_brush=None) -> None:
        self.opts = {"pen": pen, "symbol": symbol, "antialias": False}
        self.marker = {"size": size, "pen": symbol_pen, "brush": symbol_brush}
        self._shown = True

    def isVisible(self) -> bool:  # noqa: N802 - the name pyqtgraph's legend swatch calls
        return self._shown

    def setVisible(self, shown: bool) -> None:  # noqa: N802 - the name pyqtgraph's legend swatch calls
        self._shown = shown


class LegendSample(pg.ItemSample):
    """A legend entry's swatch drawn from a SampleLook, stroke for stroke as pyqtgraph draws a line's."""

    made = 0  # swatches made (a test counts them)

    def __init__(self, look: SampleLook) -> None:
        super().__init__(look)
        LegendSample.made += 1

    def paint(self, p, *args) -> None:
        look = self.item
        if not look.isVisible():
            super().paint(p, *args)  # pyqtgraph's closed eye
            return
        p.setPen(pg.mkPen(look.opts["pen"]))
        p.drawLine(0, 11, 20, 11)
        symbol = look.opts["symbol"]
        if symbol is not None:
            marker = look.marker
            p.translate(10, 10)
            drawSymbol(p, symbol, marker["size"], pg.mkPen(marker["pen"]), pg.mkBrush(marker["brush"]))
