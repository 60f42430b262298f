"""The small graphics items the chart draws with besides its lines: markers and legend swatches."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from pyqtgraph.graphicsItems import PlotDataItem as _plot_data_module
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol


class MarkerScatter(pg.ScatterPlotItem):
    """The scatter a MarkerItem draws with: it draws again what it drew last when nothing it draws from
    changed, and works out its bounding box from its view's pixel size, known once per view transform.

    A focus moves only the focused event's line and title and the ring round a value, and Qt repaints
    the strips they leave and enter; every marker item under them is painted again, and pyqtgraph works
    out each time which markers are in view and where each lands in device pixels (~0.2 ms an item, about
    half of the chart's repaint on a focus). With the same painter transform, view and points, the
    answer is the one it left in its fragment array, so the paint hands Qt that array again. Any change
    of points or style goes through pyqtgraph's `invalidate`, which forgets it. Qt asks every marker item
    under a repainted area for its bounding box several times per paint, and pyqtgraph's scatter worked
    the pixel size out anew for each answer. (Leaving out of a paint the markers outside the repainted
    strips was tried too: picking them cost more than drawing them, ~1 ms more per focus.)
    """

    fresh_paints = 0  # paints that worked out where the markers land (a test counts them)

    bounds_scans = 0  # times the points were scanned for their bounds (a test counts them)
    rects_made = 0  # bounding boxes worked out (a test counts them)
    _placed = None  # the view it sits in untransformed, False if not so placed, None until looked up
    _rect_kept = None  # (pixel size, points, spot width, spot pixel width, box): the last box worked out

    def __init__(self, *args, **kwargs) -> None:
        self._painted = None  # what the last paint was worked out for (see _paint_key), until invalidated
        self._kept_bounds = None  # (points, widest spot in data units, [x bounds, y bounds]) they were scanned for
        self._sorted = None  # (points, [x, y] as plain arrays, [whether each is sorted with no NaN])
        super().__init__(*args, **kwargs)

    def invalidate(self) -> None:
        """pyqtgraph's hook for any change of points, style or mode: the last paint no longer stands."""
        self._painted = None
        self._kept_bounds = None
        super().invalidate()

    def dataBounds(self, ax, frac=1.0, orthoRange=None):  # noqa: N802, N803 - pyqtgraph API
        """pyqtgraph's answer, kept for as long as the points and the widest spot are the same.

        pyqtgraph forgets its bounds whenever the view's transform changes (every frame of a pan or
        zoom) and scans every point again (nanmin and nanmax of x and y, twenty items a frame, shown
        or hidden, since Qt's scene index asks hidden items too); they depend on the transform only
        for spots sized in data units, and their widest size is part of what is kept.
        """
        if frac < 1.0 or ax not in (0, 1):
            return super().dataBounds(ax, frac, orthoRange)
        if orthoRange is not None:
            return self._bounds_between(ax, orthoRange)
        kept = self._kept_bounds
        if kept is None or kept[0] is not self.data or kept[1] != self._maxSpotWidth:
            kept = self._kept_bounds = (self.data, self._maxSpotWidth, [None, None])
        found = kept[2][ax]
        if found is None:
            MarkerScatter.bounds_scans += 1
            found = kept[2][ax] = super().dataBounds(ax, frac, orthoRange)
        return found

    def _bounds_between(self, ax: int, ortho):
        """pyqtgraph's bounds of the points whose other coordinate lies in `ortho` (a fit of what is in view,
        every frame of a pan or zoom while markers show), read from a slice found by binary search when the
        other coordinates are sorted (a series' times), instead of a mask over every point."""
        data = self.data
        kept = self._sorted
        if kept is None or kept[0] is not data:
            columns = [np.ascontiguousarray(data["x"]), np.ascontiguousarray(data["y"])]
            ordered = [len(c) < 2 or bool(not np.isnan(c).any() and (c[1:] >= c[:-1]).all()) for c in columns]
            kept = self._sorted = (data, columns, ordered)
        other = 1 - ax
        if not len(data) or not kept[2][other]:
            return super().dataBounds(ax, 1.0, ortho)
        along = kept[1][other]
        lo, hi = int(along.searchsorted(ortho[0], "left")), int(along.searchsorted(ortho[1], "right"))
        if hi <= lo:
            return (None, None)
        values = kept[1][ax][lo:hi]
        return (np.nanmin(values) - self._maxSpotWidth * 0.7072, np.nanmax(values) + self._maxSpotWidth * 0.7072)

    def _paint_key(self, p, widget):
        """What a paint's fragments depend on beyond the points and style: the painter's transform, the view
        (pyqtgraph leaves out the markers outside it) and the pixel ratio; None where pyqtgraph's own paint
        is wanted (an export, markers sized in data units, no symbol atlas, a composition mode)."""
        opts = self.opts
        if (self._exportOpts is not False or not opts["pxMode"] or not opts["useCache"]
                or opts.get("compositionMode") is not None or widget is None):
            return None
        t, view = p.transform(), self.viewRect()
        return (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy(), widget.devicePixelRatioF(),
                None if view is None else (view.left(), view.top(), view.width(), view.height()))

    def paint(self, p, option, widget):  # noqa: D102 - Qt API
        key, kept = self._paint_key(p, widget), self._painted
        if key is not None and kept is not None and kept[1] is self.data and kept[0] == key:
            p.resetTransform()  # as pyqtgraph: the fragments are in device pixels
            p.drawPixmapFragments(*self._pixmapFragments.drawargs(), self.fragmentAtlas.pixmap)
            return
        MarkerScatter.fresh_paints += 1
        super().paint(p, option, widget)
        self._painted = None if key is None else (key, self.data)

    def _view_pixels(self):
        """(pixel width, pixel height) from the chart's view when the scatter sits in it untransformed.

        Where it sits is looked up once and kept until it or its owner reports a change (itemChange):
        Qt asks every marker item for its bounding box a few times per frame of a pan or zoom, hidden
        ones too, and the look-up was six calls into Qt each time.
        """
        placed = self._placed
        if placed is None:
            owner = self.parentItem()
            view = owner.getViewBox() if owner is not None else None
            plain = not (view is None or not hasattr(view, "pixel_size") or owner.parentItem() is not view.childGroup
                         or not self.pos().isNull() or not owner.pos().isNull() or not self.transform().isIdentity()
                         or not owner.transform().isIdentity())
            placed = self._placed = view if plain else False
        return None if placed is False else placed.pixel_size()

    def itemChange(self, change, value):  # noqa: N802 - Qt API
        self._placed = None  # a new position, transform or parent, perhaps: looked up again when next asked
        return super().itemChange(change, value)

    def boundingRect(self):  # noqa: N802 - Qt API
        pixels = self._view_pixels()
        if pixels is None:
            return super().boundingRect()
        kept = self._rect_kept
        # The same pixel size (worked out once per view transform), points and spot sizes: the same box.
        if (kept is not None and kept[0] is pixels and kept[1] is self.data and kept[2] == self._maxSpotWidth
                and kept[3] == self._maxSpotPxWidth):
            return QRectF(kept[4])
        MarkerScatter.rects_made += 1
        (xmn, xmx), (ymn, ymx) = self.dataBounds(ax=0), self.dataBounds(ax=1)
        if xmn is None or xmx is None:
            xmn = xmx = 0
        if ymn is None or ymx is None:
            ymn = ymx = 0
        pad = self.pixelPadding()
        px, py = (pixels[0] * pad, pixels[1] * pad) if pad > 0 else (0.0, 0.0)
        rect = QRectF(xmn - px, ymn - py, 2 * px + xmx - xmn, 2 * py + ymx - ymn)
        self._rect_kept = (pixels, self.data, self._maxSpotWidth, self._maxSpotPxWidth, QRectF(rect))
        return rect


class MarkerItem(pg.PlotDataItem):
    """A series' markers, given their points only when first shown or while the app is idle.

    Most markers start hidden (values in view too close together, see
    _show_markers_that_fit), and pyqtgraph styles every point of a scatter one
    by one as its data is set (~2.5 ms per 3,000 points): twenty daily series
    at 100,000 events spent ~50 ms opening on markers no frame showed, and
    then ~50 ms in the first zoom that showed them. The chart canvas gives
    hidden markers their points one series per idle turn after its first paint
    (give_points), so a zoom that shows them only shows them.
    """

    _quiet = False  # giving points while hidden: the view is not told (a class default: set before __init__ runs)
    _told = False  # the view was told of the points (they were set while shown, or shown since)

    made = 0  # marker items made (a test counts them)

    def __init__(self, x: np.ndarray, y: np.ndarray, **style) -> None:
        # Drawn by a MarkerScatter (see there): pyqtgraph makes it, parents and connects it as its own scatter.
        # Making pyqtgraph's and then replacing it cost a scatter and two reparentings per item (~0.8 ms each,
        # twenty items opening the 100,000-event dataset). The chart is built on the GUI thread only.
        _plot_data_module.ScatterPlotItem = MarkerScatter
        try:
            super().__init__(**style)
        finally:
            _plot_data_module.ScatterPlotItem = pg.ScatterPlotItem
        MarkerItem.made += 1
        self.scatter.hide()  # as pyqtgraph leaves it with no points yet (each setData gives it its style)
        self.pending: tuple[np.ndarray, np.ndarray] | None = (x, y)
        # The scatter tells the view its bounds changed too; while the points are given hidden, it must not.
        self.scatter.informViewBoundsChanged = self.informViewBoundsChanged
        self.hide()

    def itemChange(self, change, value):  # noqa: N802 - Qt API
        scatter = self.__dict__.get("scatter")  # not there yet while pyqtgraph builds the item
        if isinstance(scatter, MarkerScatter):
            scatter._placed = None  # the scatter sits in the view through this item: looked up again
        return super().itemChange(change, value)

    def informViewBoundsChanged(self) -> None:  # noqa: N802 - pyqtgraph's name
        # Points given while hidden change no bounds the view fits to (it skips hidden items); telling it
        # would queue a fit and repaint the whole plot for nothing. Showing the markers tells it.
        if not self._quiet:
            super().informViewBoundsChanged()

    def give_points(self) -> None:
        """Give the scatter its points now, without showing it or disturbing the view."""
        if self.pending is None:
            return
        x, y = self.pending
        self.pending = None
        self._quiet = not self.isVisible()
        self._told = not self._quiet
        try:
            self.setData(x, y)
        finally:
            self._quiet = False

    def show_points(self, shown: bool) -> None:
        """Show or hide the markers, giving the scatter its points the first time they are shown."""
        first = shown and not self._told
        if shown and self.pending is not None:
            self.give_points()
        if self.isVisible() != shown:
            self.setVisible(shown)
        if first:
            # As setData did when the markers were first shown: the view fits their symbols from now on.
            self._told = True
            self.informViewBoundsChanged()


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
