"""Level of detail for the chart's lines: peaks worked out once, so a frame costs the plot's width, not the data's.

pyqtgraph's own peak downsampling (`PlotDataItem`, method "peak") takes the
highest and lowest value of every group of values in view on every frame: with
a million values in view that is a million values read per frame of a drag.
Here the highest and lowest of every run of 2, 4, 8, … values are worked out
once per line (`Peaks`, about as many numbers again as the line has), and a
frame reads at most a few values per pixel column from them. The picture is
pyqtgraph's: a highest and a lowest value per group of about one pixel column,
a non-finite value (a break in the line) making its group a gap as before; the
groups are counted from the first value rather than from the left edge of the
view, so they stay put while the view pans.

The view's value axis fits what is in view from `Extent`, which answers "the
lowest and highest value between these two times" from the same kind of
pyramid in a few dozen steps, instead of reading every drawn point per frame.
"""
from __future__ import annotations

import math
import weakref

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QLineF, QRectF, Qt
from pyqtgraph.graphicsItems import PlotCurveItem as _curve_module
from pyqtgraph.graphicsItems import PlotDataItem as _plot_data_module
from pyqtgraph.graphicsItems.PlotCurveItem import arrayToLineSegments
from pyqtgraph.graphicsItems.PlotDataItem import PlotDataset
from shiboken6 import wrapInstance


def _halve(values: np.ndarray, combine) -> np.ndarray:
    n = len(values)
    pairs = n // 2
    out = np.empty(pairs + n % 2, dtype=values.dtype)
    combine(values[0:2 * pairs:2], values[1:2 * pairs:2], out=out[:pairs])
    if n % 2:
        out[pairs] = values[-1]  # the odd one out is its own pair (combined with itself: itself)
    return out


_NO_NAN: dict[int, tuple] = {}  # id(values) -> (weak values, weak Peaks): pyramids of values with no NaN


def _forget(key: int) -> None:
    _NO_NAN.pop(key, None)


def _remember_no_nan(values: np.ndarray, peaks: "Peaks") -> None:
    """Keep `peaks` (levels without NaN) findable from its values while both live (the values are never written)."""
    key = id(values)
    _NO_NAN[key] = (weakref.ref(values, lambda _r: _forget(key)), weakref.ref(peaks, lambda _r: _forget(key)))


def _no_nan_pyramid(values: np.ndarray) -> "Peaks | None":
    """The Peaks already built from these very values, which hold no NaN, if any still lives."""
    found = _NO_NAN.get(id(values))
    if found is None or found[0]() is not values:
        return None
    return found[1]()


def _same_array(a, b) -> bool:
    """Whether `a` is `b` seen through another view (pyqtgraph keeps a view of what it is given)."""
    return (a is not None and b is not None and len(a) == len(b)
            and a.__array_interface__["data"][0] == b.__array_interface__["data"][0])


def _groups(combine, values: np.ndarray, m: int) -> np.ndarray:
    """`combine` (np.maximum, np.minimum, np.logical_and) over consecutive groups of `m` values, the last
    possibly shorter: what `combine.reduceat` gives, left to right, but as m - 1 whole-array steps over
    the groups (a frame asks this of every line; reduceat costs about twice as much for these sizes)."""
    n = len(values)
    full = n // m
    out = np.empty(full + (n % m > 0), dtype=values.dtype)
    if m == 1:
        out[:] = values
        return out
    if full:
        table = values[: full * m].reshape(full, m)
        head = out[:full]
        combine(table[:, 0], table[:, 1], out=head)
        for i in range(2, m):
            combine(head, table[:, i], out=head)
    if n % m:
        out[full] = combine.reduce(values[full * m:])
    return out


def _one_gap_per_break(xs: np.ndarray, ys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The points with each run of gaps (non-finite values) cut to its first: the same line, fewer points.

    A solid line broken where dashed stretches take over is mostly gaps once downsampled
    (a group holding a break is a gap): ~85% of a daily series' drawn points at 100,000
    events. pyqtgraph turns every gap into a path element of its own (a zero-length
    line after a value, then moves that draw nothing); the first gap of a run already
    breaks the line, so the rest are left out before the path is built.
    """
    finite = np.isfinite(ys)
    if len(ys) < 3 or finite.all():
        return xs, ys
    keep = finite.copy()
    keep[0] = True
    keep[1:] |= finite[:-1]  # a gap right after a value is the first of its run
    if keep.all():
        return xs, ys
    return xs[keep], ys[keep]


def _single_segments(connect: np.ndarray) -> bool:
    """Whether every joined run of a connect array (point i joined to i + 1) is a single segment: no point
    joined both to the one before and to the one after (the last point's entry joins nothing)."""
    joined = np.asarray(connect[:-1], dtype=bool)
    return not np.any(joined[:-1] & joined[1:])


def shiboken_line(segments: np.ndarray, first: int, address: int | None = None):
    """The QLineF at row `first` of a C-contiguous (n, 4) float array, as QPainter.drawLines(lines, count) takes it.

    `address` is the array's data address when the caller kept it (numpy's ctypes attribute costs a few
    microseconds per call, and a paint draws every line)."""
    if address is None:
        address = segments.ctypes.data
    return wrapInstance(address + first * segments.strides[0], QLineF)


def _data_address(array: np.ndarray) -> int:
    """Where a C-contiguous array's values start in memory (worked out once per array drawn as segments)."""
    return array.ctypes.data


def _pen_kind(pen) -> tuple[bool, bool, bool, bool]:
    """(wider than a pixel, drawable as segments: solid brush, cosmetic, opaque; solid line; dashed line)."""
    if pen is None:
        return False, False, False, False
    plain = pen.isSolid() and pen.isCosmetic() and pen.color().alphaF() == 1.0
    style = pen.style()  # Qt's enums named here only, at a paint: never before the first frame
    return pen.widthF() > 1.0, plain, style == Qt.PenStyle.SolidLine, style == Qt.PenStyle.DashLine


def _gl_widget():
    return _curve_module.OpenGLHelpers.GraphicsViewGLWidget


class Peaks:
    """The highest and lowest of every run of 2**k values (k = 0, 1, …), and whether each run is joined throughout.

    Level k, entry i covers values [i·2**k, (i+1)·2**k). With `ignore_nan` a
    NaN is skipped; without it a NaN makes its runs NaN (a gap, as pyqtgraph
    draws it). `connect` (optional, bool per value: joined to the next one)
    is combined with "and".
    """

    built = 0  # pyramids of highs and lows worked out (a test counts them)

    def __init__(self, y: np.ndarray, connect: np.ndarray | None = None, ignore_nan: bool = False) -> None:
        self.connects = None if connect is None else [np.asarray(connect, dtype=bool)]
        shared = _no_nan_pyramid(y)
        if shared is not None:
            # The same values' pyramid, built for the series' Extent: with no NaN among them, skipping
            # NaNs (fmax, fmin) or not (maximum, minimum) gives equal levels, so they are read, not rebuilt.
            self.highs, self.lows = shared.highs, shared.lows
            if self.connects is not None:
                while len(self.connects[-1]) > 1:
                    self.connects.append(_halve(self.connects[-1], np.logical_and))
            return
        Peaks.built += 1
        if ignore_nan and not np.isnan(y).any():
            ignore_nan = False  # no NaN to skip: the same levels, from the faster comparisons
        high_of, low_of = (np.fmax, np.fmin) if ignore_nan else (np.maximum, np.minimum)
        self.highs, self.lows = [y], [y]
        while len(self.highs[-1]) > 1:
            self.highs.append(_halve(self.highs[-1], high_of))
            self.lows.append(_halve(self.lows[-1], low_of))
            if self.connects is not None:
                self.connects.append(_halve(self.connects[-1], np.logical_and))
        if not ignore_nan and len(y) > 1 and not np.isnan(self.highs[-1][0]):
            # A NaN reaches the top of a pyramid that does not skip it: none there means none at all.
            _remember_no_nan(y, self)

    def extent(self, lo: int, hi: int) -> tuple[float, float] | None:
        """The lowest and highest value of positions [lo, hi), None if there are none (or all are NaN)."""
        # A fit asks this of every series on every frame of a pan or zoom: comparisons written out
        # (as min and max decide them: a NaN, a run with no values, never replaces the answer so far).
        lows, highs = self.lows, self.highs
        low, high = math.inf, -math.inf
        k = 0
        while lo < hi:
            if lo & 1:
                value = lows[k][lo]
                if value < low:
                    low = value
                value = highs[k][lo]
                if value > high:
                    high = value
                lo += 1
            if hi & 1:
                hi -= 1
                value = lows[k][hi]
                if value < low:
                    low = value
                value = highs[k][hi]
                if value > high:
                    high = value
            lo >>= 1
            hi >>= 1
            k += 1
        return None if low > high else (float(low), float(high))

    def window(self, x: np.ndarray, a: int, b: int, ds: int):
        """What to draw of positions [a, b) with about `ds` values per group: (x, y, connect or None).

        Each group gives its highest then its lowest value at the x of its middle value;
        groups are `ds` values or a little fewer (a power of two times a whole number).
        """
        connects = self.connects
        if ds <= 1:
            return x[a:b], self.highs[0][a:b], None if connects is None else connects[0][a:b]
        k = max(0, (ds // 4).bit_length() - 1)  # runs of 2**k ≤ ds/4, combined by m into groups of ~ds
        m = ds // (1 << k)
        size = m << k
        g0, g1 = a // size, -(-b // size)
        level = self.highs[k]
        j0, j1 = g0 * m, min(g1 * m, len(level))
        if j1 <= j0:
            empty = np.empty(0)
            return empty, empty, None if connects is None else np.empty(0, dtype=bool)
        count = -(-(j1 - j0) // m)
        ys = np.empty(2 * count)
        ys[0::2] = _groups(np.maximum, level[j0:j1], m)
        ys[1::2] = _groups(np.minimum, self.lows[k][j0:j1], m)
        middles = np.minimum(np.arange(g0, g0 + count) * size + size // 2, len(x) - 1)
        xs = np.repeat(x[middles], 2)
        connect = None
        if connects is not None:
            connect = np.ones(2 * count, dtype=bool)  # a group's highest joins its lowest
            connect[1::2] = _groups(np.logical_and, connects[k][j0:j1], m)
        return xs, ys, connect


class Extent:
    """The lowest and highest of one series' values between two times, answered without reading them all."""

    def __init__(self, x: np.ndarray, y: np.ndarray) -> None:
        self.x = x
        self.peaks = Peaks(y, ignore_nan=True)
        self._last: tuple[tuple[float, float] | None, tuple] = (None, (None, None))
        self._x_bounds: tuple | None = None

    def x_bounds(self) -> tuple[float, float] | tuple[None, None]:
        found = self._x_bounds
        if found is None:  # the times never change: read once, not by every fit of every frame
            found = self._x_bounds = (float(self.x[0]), float(self.x[-1])) if len(self.x) else (None, None)
        return found

    def y_bounds(self, x_range=None) -> tuple[float, float] | tuple[None, None]:
        """(low, high) of the values with x in `x_range` (all values when None); (None, None) if there are none."""
        key = None if x_range is None else (float(x_range[0]), float(x_range[1]))
        if key == self._last[0] and key is not None:
            return self._last[1]  # the solid and the dashed line of a series ask the same question in a row
        if key is None:
            lo, hi = 0, len(self.x)
        else:
            lo = int(self.x.searchsorted(key[0], "left"))  # the array's own method: numpy's wrapper costs as much
            hi = int(self.x.searchsorted(key[1], "right"))
        found = self.peaks.extent(lo, hi) or (None, None)
        self._last = (key, found)
        return found


class PeakCurve(pg.PlotDataItem):
    """A PlotDataItem whose peak downsampling and clip-to-view read a `Peaks` pyramid, not every value in view.

    Its options say what it does (clipToView, autoDownsample, method "peak"), as
    pyqtgraph's would; `extent` (the series' `Extent`) answers the view's
    "how high and low are you here?" when the value axis fits what is in view.
    The x values must be sorted (they are times) and finite.
    """

    # Read by the drawn curve, which pyqtgraph makes before __init__ below can set them on the instance.
    _stale = False  # the view's x range moved since the drawn curve was given its window
    _stale_in = None  # the view whose next paint gives it its window
    moving = False  # the view keeps moving (the chart is drawn light): see set_moving
    _peaks = None
    _shown_bounds = None
    _extent = None
    _dx = None  # the mean step between the line's times
    _placed_in = False  # the parent it was last found placed in as it is (no offset, scale or rotation)
    made_curves = 0  # drawn curves made for lines (a test counts them: one per line)
    spared_scatters = 0  # lines made without pyqtgraph's scatter (a test counts them)

    def __init__(self, x: np.ndarray, y: np.ndarray, extent: Extent, peaks: Peaks | None = None, **kwargs) -> None:
        # pyqtgraph makes, parents and connects the drawn curve as its own (a _WindowCurve, see there), and,
        # for a line with no symbol, a stand-in for the scatter it would make and never show: making its
        # curve and scatter and then replacing the curve cost ~1.3 ms a line (~40 lines opening the
        # 100,000-event dataset). The chart is built on the GUI thread only.
        spare = kwargs.get("symbol") is None
        _plot_data_module.PlotCurveItem = lambda: _WindowCurve(self)
        if spare:
            _plot_data_module.ScatterPlotItem = lambda: _SparedScatter(self)
        try:
            super().__init__()  # given its points below, once its own attributes are set
        finally:
            _plot_data_module.PlotCurveItem = pg.PlotCurveItem
            _plot_data_module.ScatterPlotItem = pg.ScatterPlotItem
        PeakCurve.made_curves += 1
        PeakCurve.spared_scatters += spare
        connect = kwargs.get("connect")
        self._x = np.asarray(x, dtype=float)
        self._extent = extent
        if peaks is None:
            peaks = Peaks(np.asarray(y, dtype=float), connect if isinstance(connect, np.ndarray) else None)
        self._peaks = peaks  # the same line drawn again (another series ticked) reuses them
        self._shown_bounds: tuple | None = None  # ((x low, x high), (y low, y high)) of what is drawn now
        self._window_kept = None  # ((ds, view width), first, end, window, its bounds): reused while panning
        self._padding = None  # pixelPadding, known until the style changes
        self.windows_made = 0  # how many windows were worked out (a test counts them)
        self.setData(x, y, **kwargs)

    def _peaks_options(self) -> bool:
        """Whether the line is to be drawn from its Peaks once it is in a view (the options ask for it)."""
        opts = self.opts
        return (self._peaks is not None and len(self._x) > 1 and opts["clipToView"] and opts["autoDownsample"]
                and opts["downsampleMethod"] == "peak" and opts["dynamicRangeLimit"] is None)

    def _peaks_apply(self) -> bool:
        opts = self.opts
        view = self.getViewBox()
        return (self._peaks is not None and isinstance(view, pg.ViewBox) and len(self._x) > 1
                and opts["clipToView"] and opts["autoDownsample"] and opts["downsampleMethod"] == "peak"
                and not view.autoRangeEnabled()[0])

    def updateItems(self, styleUpdate: bool = True):  # noqa: N802 - pyqtgraph override
        """Give the drawn curve its style and points; a line not yet in a view is given its style only.

        pyqtgraph gives a new line all its points (~19 ms at 100,000 events for one line), though a
        line drawn from its Peaks works out its window for the range it is painted at anyway: until it
        joins a view it is marked out of date (it joins its view out of date too) and given none.
        """
        self._padding = None
        view = self.getViewBox()
        if view is not None and self._dataset is not None and self._peaks_options() and self._peaks_apply():
            self._restyle()
            return
        if view is not None or self._dataset is None or not self._peaks_options():
            super().updateItems(styleUpdate)
            return
        # pyqtgraph's own steps with a window of no points, flagged as the windows worked out later are.
        self._datasetDisplay = PlotDataset(_EMPTY, _EMPTY, True, self._dataset.yAllFinite,
                                           _EMPTY_JOINS if isinstance(self.opts["connect"], np.ndarray) else None)
        try:
            super().updateItems(styleUpdate)
        finally:
            self._datasetDisplay = None
        self._stale, self._stale_in = True, None

    def _restyle(self) -> None:
        """A new style (a pen) for a line in its view: the drawn curve keeps its points, and the window is
        marked out of date, worked out once when the view is prepared for its paint.

        pyqtgraph works the window out at once: a ticked series gives every line its pen for a view that
        is still drawn light and about to narrow, and the window was worked out for the old width, then
        again for the new one (~8 ms a tick at 100,000 events).
        """
        curve, kept = self.curve, self._datasetDisplay
        x = _EMPTY if curve.xData is None else curve.xData
        y = _EMPTY if curve.yData is None else curve.yData
        joins = curve.opts["connect"] if isinstance(self.opts["connect"], np.ndarray) else None
        if joins is not None and not (isinstance(joins, np.ndarray) and len(joins) == len(x)):
            joins = np.ones(len(x), dtype=bool)  # not drawn yet: no points to join
        self._datasetDisplay = PlotDataset(x, y, True, self._dataset.yAllFinite, joins)
        try:
            pg.PlotDataItem.updateItems(self, True)
        finally:
            self._datasetDisplay = kept
        self._mark_stale(keep=True)

    def pixelPadding(self) -> int:  # noqa: N802 - pyqtgraph API
        """pyqtgraph's answer (the drawn curve's pen width in pixels), known until the style changes.

        A view fitting its values asks every line for it, and pyqtgraph works it out from the pen
        each time (~6 ms per fit of 40 lines at 100,000 events).
        """
        if not self.curve.isVisible():
            return super().pixelPadding()
        if self._padding is None:
            self._padding = self.curve.pixelPadding()
        return self._padding

    def setCurveClickable(self, state: bool, width: int | None = None) -> None:  # noqa: N802 - pyqtgraph API
        self._padding = None  # a clickable curve pads for its mouse width
        super().setCurveClickable(state, width)

    def _getDisplayDataset(self):  # noqa: N802 - pyqtgraph override
        if self._dataset is None or not self._peaks_apply():
            return super()._getDisplayDataset()
        return self._window()

    def _window(self):
        """The window for the view's range (the line is drawn from its Peaks: _peaks_apply holds)."""
        if self._datasetDisplay is not None:
            return self._datasetDisplay  # a change of the x range has dropped it (viewRangeChanged)
        view = self.getViewBox()
        # The x range as viewRect() gives it, read without a QRectF made per line and frame (left, width and
        # right worked out as QRectF does, so the same doubles).
        left, high = view.state["viewRange"][0]
        span = high - left
        right = left + span
        x = self._x
        ds = 1
        dx = self._dx
        if dx is None:  # the times never change: their mean step is worked out once
            dx = self._dx = float(x[-1] - x[0]) / (len(x) - 1)
        width = view.width()
        if dx > 0 and width > 0:
            ds_float = max(1.0, abs(span / dx / (width * self.opts["autoDownsampleFactor"])))
            if math.isfinite(ds_float):
                ds = int(ds_float)
        if math.isclose(ds, self._adsLastValue, rel_tol=0.01):  # as pyqtgraph: no flip-flopping at a boundary
            ds = self._adsLastValue
        if self.moving and ds > 1:
            # While the view keeps moving: groups of a power of two values (one level of the pyramid, at
            # most ds, so still one or two groups per pixel column), the same for every frame of a zoom
            # until ds halves or doubles, so the points worked out are drawn again instead of remade.
            ds = 1 << (ds.bit_length() - 1)
        self._adsLastValue = ds
        self._display_width = width
        # One group beyond each edge, so the line runs on to the edges of the view.
        a = max(0, int(x.searchsorted(left, "left")) - ds)
        b = min(len(x), max(a, int(x.searchsorted(right, "left")) + ds))
        kept = self._window_kept
        if kept is not None and kept[0] == (ds, width) and kept[1] <= a and b <= kept[2]:
            # A pan within the window worked out last: its groups are counted from the first value, so
            # the part in view is the same as a window worked out for this view would be.
            self._datasetDisplay, self._shown_bounds = kept[3], kept[4]
            return self._datasetDisplay
        # A little beyond each edge as well (a fifth of the view's values each side), so the next few
        # frames of a pan draw the same points again instead of working out and building new ones. While
        # the view keeps moving, half the view each side: a zoom out then keeps drawing one window until
        # its groups double (about four frames of a wheel), where a fifth lasted two.
        spare = (b - a) // (2 if self.moving else 5)
        a, b = max(0, a - spare), min(len(x), b + spare)
        xs, ys, connect = self._peaks.window(x, a, b, ds)
        self.windows_made += 1
        if connect is None:
            xs, ys = _one_gap_per_break(xs, ys)
        self._shown_bounds = None
        if len(xs):
            low, high = float(np.fmin.reduce(ys)), float(np.fmax.reduce(ys))  # NaN (a break) skipped
            if math.isfinite(low) and math.isfinite(high):
                self._shown_bounds = ((float(xs[0]), float(xs[-1])), (low, high))
        self._datasetDisplay = PlotDataset(xs, ys, True, self._dataset.yAllFinite, connect)
        self._window_kept = ((ds, width), a, b, self._datasetDisplay, self._shown_bounds)
        return self._datasetDisplay

    def set_moving(self, moving: bool, pen) -> None:
        """Draw with `pen`, in groups for a view that keeps moving (True) or at rest (False).

        A moving view is drawn light anyway; at rest the groups are pyqtgraph's again, exactly.
        """
        if moving != self.moving:
            self.moving = moving
            self._datasetDisplay = self._window_kept = None
        self.setPen(pen)

    def viewRangeChanged(self, vb=None, ranges=None, changed=None):  # noqa: N802 - pyqtgraph override
        """A new x range: the window is worked out when the view is next painted, not now.

        pyqtgraph works the window out and gives it to the drawn curve at once, on every change of
        range: a drag or wheel that moves the view twice between paints did it twice, and giving
        the curve its points goes through a generic path (checks, signals, telling the view its
        bounds changed) that cost more than the window itself. The value axis fits what is in
        view from `Extent`, which does not read the window, so nothing needs it before the paint.
        """
        if (changed is None or changed[0]) and self.opts["dynamicRangeLimit"] is None and self._peaks_apply():
            self._mark_stale()
            return
        super().viewRangeChanged(vb, ranges, changed)

    def _mark_stale(self, keep: bool = False) -> None:
        """The window is out of date: worked out again when the view is next prepared or painted, once
        (`keep`: the window worked out last is still right if the view has not moved since)."""
        if not keep:
            self._datasetDisplay = None
        self._stale = True
        view = self.getViewBox()
        # What is in view changed: the values are fitted again at the paint.
        if isinstance(view, LineViewBox):
            view.line_bounds_changed(self)
        else:
            view.itemBoundsChanged(self)
        if self._stale_in is not view:  # listed once per view (a line redrawn in a new plot moves view)
            self._stale_in = view
            view.stale_lines.append(self)
            view.prepare_soon()

    def refresh(self) -> None:
        """Give the drawn curve the window for the view's range now, if the range moved since the last one."""
        if not self._stale:
            return
        self._stale, self._stale_in = False, None
        if self._dataset is None or not self._peaks_apply():
            pg.PlotDataItem.updateItems(self, styleUpdate=False)  # pyqtgraph's path (also with no view)
            return
        shown = self._window()  # asked once here, not again inside _getDisplayDataset (40 lines a frame)
        curve = self.curve
        if ((curve.xData is shown.x and curve.yData is shown.y)
                or (_same_array(curve.xData, shown.x) and _same_array(curve.yData, shown.y))):
            # The window the curve draws still covers the view: nothing of it changes. Most frames of a
            # pan or zoom hand back the very arrays given last (kept window), known by identity without
            # asking numpy for their addresses (four array interfaces per line per frame).
            return
        curve.prepareGeometryChange()
        # What PlotCurveItem.setData does with new points when only the points change (no style).
        curve.xData, curve.yData = shown.x, shown.y
        if shown.connect is not None:
            curve.opts["connect"] = shown.connect
        curve.invalidateBounds()
        curve.path = curve.fillPath = curve._fillPathList = curve._mouseShape = None
        curve._lineSegmentsRendered = False
        curve.update()

    def viewTransformChanged(self):  # noqa: N802 - pyqtgraph override
        """A resized view needs groups for its new width (the range, and so pyqtgraph, may not have changed).

        The window is marked out of date, as for a new range, and worked out once when the view is
        prepared for its paint: pyqtgraph's updateItems here cost ~14 ms per tick that narrows the plot
        at 100,000 events, and the paint's preparation often worked the window out again.
        """
        super().viewTransformChanged()
        if (self._datasetDisplay is not None and self._peaks_apply()
                and self.getViewBox().width() != getattr(self, "_display_width", None)):
            self._mark_stale()

    def itemChange(self, change, value):  # noqa: N802 - Qt API
        # Any change may be a new position, transform or parent (pyqtgraph asks Qt to send them):
        # whether the line sits in its view as it is is asked again at the next fit.
        self._placed_in = False
        return super().itemChange(change, value)

    def placed_plainly_in(self, group) -> bool:
        """Whether the line sits in `group` as it is (no offset, scale or rotation), known until it is moved."""
        if self._placed_in is not group:
            if self.parentItem() is not group or not self.pos().isNull() or not self.transform().isIdentity():
                return False
            self._placed_in = group
        return True

    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange=None):  # noqa: N802, N803 - pyqtgraph API
        if getattr(self, "_extent", None) is None or frac != 1.0:
            return super().dataBounds(ax, frac, orthoRange)
        if not self.curve.isVisible():
            return (None, None)
        return self._extent.x_bounds() if ax == 0 else self._extent.y_bounds(orthoRange)


_EMPTY = np.empty(0)
_EMPTY_JOINS = np.empty(0, dtype=bool)


class _SparedScatter:
    """Stands in for the scatter pyqtgraph makes for every PlotDataItem, for a line with no symbol.

    pyqtgraph only hides, clears and asks such a scatter whether it shows; anything more (a symbol
    given later) makes the real scatter, parented and connected as pyqtgraph would have, and hands
    it the call.
    """

    def __init__(self, owner: "PeakCurve") -> None:
        self._owner = owner
        self._made = None
        self._slots: list[tuple[str, object]] = []
        self.sigClicked = _PendingSignal(self, "sigClicked")
        self.sigHovered = _PendingSignal(self, "sigHovered")

    def setParentItem(self, parent) -> None:  # noqa: N802 - Qt API; the real scatter is parented when made
        pass

    def isVisible(self) -> bool:  # noqa: N802 - Qt API
        return False

    def hide(self) -> None:
        pass

    def clear(self) -> None:
        pass

    def _real(self):
        if self._made is not None:
            return self._made
        real = self._made = pg.ScatterPlotItem()
        real.setParentItem(self._owner)
        for name, slot in self._slots:
            getattr(real, name).connect(slot)
        self._owner.scatter = real
        return real

    def __getattr__(self, name: str):
        return getattr(self._real(), name)


class _PendingSignal:
    """A scatter signal's connections, kept until the real scatter is made."""

    def __init__(self, scatter: _SparedScatter, name: str) -> None:
        self._scatter, self._name = scatter, name

    def connect(self, slot) -> None:
        self._scatter._slots.append((self._name, slot))


class _WindowCurve(pg.PlotCurveItem):
    """The curve a PeakCurve draws: its bounds come from the window it was given, its pixel padding from
    its view, and it is given its window before it paints (an export may paint without the scene's
    preparation)."""

    def __init__(self, owner: PeakCurve) -> None:
        super().__init__()
        self.owner = owner
        self._kept_segments = None  # (key, x, segments or None, connect, their address): once per window and pen style
        self.segments_drawn = 0  # line segments handed to Qt (a test counts them)
        self.paths_avoided = 0  # windows drawn as segments where pyqtgraph would have built a dashed path
        self._pen_kind = None  # (pen, what _pen_kind says of it)

    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange=None):  # noqa: N802, N803 - pyqtgraph API
        """Known from the window while the curve shows the window's points; otherwise scanned, as pyqtgraph does."""
        owner = self.owner
        if owner._stale:
            owner.refresh()  # asked before the paint that would give it its window: give it now
        pen = self.opts["pen"]
        shown = owner._datasetDisplay
        if (frac == 1.0 and orthoRange is None and owner._shown_bounds is not None and pen is not None
                and pen.isCosmetic() and shown is not None
                and (self.xData is shown.x or _same_array(self.xData, shown.x))):
            return owner._shown_bounds[ax]
        return pg.PlotCurveItem.dataBounds(self, ax, frac, orthoRange)

    def boundingRect(self):  # noqa: N802 - Qt API
        """The window's bounds, padded by the pen's half-width in pixels.

        pyqtgraph works the pixel size out per item with Point objects on every frame (20 lines:
        40 times); the view works it out once per transform for all of its lines.
        """
        if self._boundingRect is None:
            view = self.owner.getViewBox()
            pen = self.opts["pen"]
            if (not isinstance(view, LineViewBox) or self.opts["shadowPen"] is not None or self.clickable
                    or pen is None or not pen.isCosmetic()):
                return super().boundingRect()
            x_bounds, y_bounds = self.dataBounds(0), self.dataBounds(1)
            if None in x_bounds or None in y_bounds:
                return QRectF()
            pad = self.owner.pixelPadding() if self.isVisible() else self.pixelPadding()  # the owner keeps it
            px, py = view.pixel_size()
            px, py = px * pad, py * pad
            self._boundingRect = QRectF(x_bounds[0] - px, y_bounds[0] - py,
                                        2 * px + x_bounds[1] - x_bounds[0], 2 * py + y_bounds[1] - y_bounds[0])
        return self._boundingRect

    def paint(self, p, opt, widget):  # noqa: D102 - Qt API
        if self.owner._stale:
            self.owner.refresh()
        segments = self._segments(widget)  # also keeps its data address in _kept_segments
        if segments is None:
            super().paint(p, opt, widget)
            return
        pen = self.opts["pen"]
        first, end = 0, len(segments)
        if p.hasClipping():
            # Only the segments that reach the clip (the view, or less): each is drawn alone, so those
            # left out would have put no pixel inside it. The margin covers the pen's half-width and caps.
            clip = p.clipBoundingRect()
            view = self.owner.getViewBox()
            if isinstance(view, LineViewBox) and not clip.isEmpty():
                margin = (pen.widthF() + 4) * view.pixel_size()[0]
                first = int(segments[:, 2].searchsorted(clip.left() - margin, "left"))
                end = max(first, int(segments[:, 0].searchsorted(clip.right() + margin, "right")))
        self.segments_drawn += end - first
        if end > first:
            p.setRenderHint(p.RenderHint.Antialiasing, False)
            p.setPen(pen)
            p.drawLines(shiboken_line(segments, first, self._kept_segments[4]), end - first)

    def _segments(self, widget) -> np.ndarray | None:
        """The curve as separate line segments, (x0, y0, x1, y1) per row in x order, when drawing them so gives
        pyqtgraph's pixels; None when pyqtgraph's own paint is wanted.

        pyqtgraph already draws a solid line wider than a pixel (no antialiasing, opaque) as separate
        segments. A dashed one it draws as one path, which Qt's dash stroker handles slowly; when every
        joined run of the curve is a single segment (the estimated stretches: pairs of values, or one
        group's highest and lowest) Qt starts the dash pattern afresh for each run of a path as it does
        for each separate segment, so drawing the segments gives the same pixels, sooner, with no path
        built. While the view keeps moving the lines are hairlines, drawn as segments too: a new window
        (most frames of a zoom) then costs no path, and the picture, drawn light anyway, looks the same
        (a hairline's dashes may fall a pixel or two apart). Exports, fills, shadows, antialiasing, pens
        sized in data units and hairlines at rest keep pyqtgraph's paint. The rows are in x order because
        a PeakCurve's times are sorted, which is what lets a paint pick the rows that reach its clip.
        """
        opts = self.opts
        pen = opts["pen"]
        kind = self._pen_kind
        if kind is None or kind[0] is not pen:
            # What the pen allows, asked of Qt once per pen (five calls a line and paint before): pyqtgraph
            # gives a curve a new QPen for every new style (mkPen copies), never changing the one it holds.
            kind = self._pen_kind = (pen,) + _pen_kind(pen)
        _, wide, plain, solid, dashed = kind
        if (not plain or self.xData is None or len(self.xData) < 2 or self._exportOpts is not False
                or opts["antialias"] or opts["fillLevel"] is not None or opts["shadowPen"] is not None
                or opts["stepMode"] or opts["compositionMode"] is not None or opts["segmentedLineMode"] != "auto"
                or (not wide and not self.owner.moving) or isinstance(widget, _gl_widget())):
            return None
        key = (id(self.xData), id(self.yData), id(opts["connect"]), solid, dashed)
        kept = self._kept_segments
        if kept is not None and kept[0] == key and kept[1] is self.xData:
            return kept[2]
        segments = None
        connect = opts["connect"]
        if solid or (dashed and isinstance(connect, np.ndarray) and _single_segments(connect)):
            made = arrayToLineSegments(self.xData, self.yData, connect, not opts["skipFiniteCheck"])
            segments = made.ndarray()
            self.paths_avoided += dashed
        address = None if segments is None else _data_address(segments)
        self._kept_segments = (key, self.xData, segments, connect, address)  # the arrays kept alive with their ids
        return segments


def _usable(bounds) -> bool:
    """Whether an item's (low, high) answer is one pyqtgraph would fit the view to."""
    return (bounds is not None and bounds[0] is not None and bounds[1] is not None
            and math.isfinite(bounds[0]) and math.isfinite(bounds[1]))


_PREPARE = QEvent.Type(QEvent.registerEventType())  # LineViewBox.prepare_soon's own event
_HIGH_PRIORITY = 1  # Qt.HighEventPriority, named without the Qt namespace (its first use builds every enum)


class LineViewBox(pg.ViewBox):
    """A ViewBox that fits its values to its items' own bounds, without mapping each through its transform.

    pyqtgraph fits a view to what is in it by asking every item for its bounds and
    mapping each answer through the item's transform, which first brings the
    view's own transform up to date for the old range (every line and marker told
    its view moved, only to be told again after the fit: twice per pan frame).
    The chart's lines and markers sit in the view as they are (no offset, scale or
    rotation), so the answer is the items' own, read as pyqtgraph reads them
    (bounds per axis, the other axis's range, a margin in pixels); a view holding
    anything else is fitted by pyqtgraph as before.
    """

    def __init__(self, *args, **kwargs) -> None:
        self.stale_lines: list[PeakCurve] = []  # lines whose window waits for the next paint
        self._pixel_size: tuple[float, float] | None = None
        self._prepare_posted = False
        self.prepared_ahead = 0  # preparations done before a paint rather than inside one (a test counts)
        super().__init__(*args, **kwargs)

    def prepareForPaint(self):  # noqa: N802 - pyqtgraph API
        """Before the scene is painted: fit the values, then give each moved line its window."""
        super().prepareForPaint()
        lines, self.stale_lines = self.stale_lines, []
        for line in lines:
            if line._stale_in is self:
                line.refresh()

    def update(self, *args):  # noqa: D102 - Qt API; pyqtgraph calls it once a range or fit is due
        super().update(*args)
        self.prepare_soon()

    def line_bounds_changed(self, line) -> None:
        """`line`'s values in view changed: its kept bounds are forgotten and a fit and a repaint asked for,
        unless both are asked for already with the preparation that fits posted (then only its bounds are
        forgotten: the first line of a frame asks, not all forty)."""
        if self._prepare_posted and self._autoRangeNeedsUpdate:
            self._itemBoundsCache.pop(line, None)
        else:
            self.itemBoundsChanged(line)

    def prepare_soon(self) -> None:
        """Fit the values, set the transform and give moved lines their windows just before the next paint.

        pyqtgraph does this inside the view's paint event, and the new transform and windows mark
        the lines changed while they are being painted: Qt then painted the whole plot a second time,
        the same pixels again (every focus that moved the chart's range and every frame of a pan or
        zoom). Done in an event posted now at high priority, it runs ahead of a paint request already
        queued, once however often the range moves until then, and the one paint that follows covers
        it all. A view on no visible widget is left to prepare when it is painted, as is a paint that
        comes first (a grab, an export).
        """
        if self._prepare_posted or not (getattr(self, "_matrixNeedsUpdate", False)
                                         or getattr(self, "_autoRangeNeedsUpdate", False) or self.stale_lines):
            return
        self._prepare_posted = True
        QCoreApplication.postEvent(self, QEvent(_PREPARE), _HIGH_PRIORITY)

    def customEvent(self, event):  # noqa: N802 - Qt API
        if event.type() != _PREPARE:
            super().customEvent(event)
            return
        self._prepare_posted = False
        scene = self.scene()
        if (scene is not None and (self._matrixNeedsUpdate or self._autoRangeNeedsUpdate or self.stale_lines)
                and any(view.isVisible() for view in scene.views())):  # hidden: nothing will be painted
            self.prepared_ahead += 1
            self.prepareForPaint()

    def updateMatrix(self, changed=None):  # noqa: N802 - pyqtgraph API
        self._pixel_size = None
        super().updateMatrix(changed)

    def pixel_size(self) -> tuple[float, float]:
        """The width and height of one device pixel in the view's coordinates, worked out once per transform."""
        if self._pixel_size is None:
            px, py = self.childGroup.pixelVectors()
            self._pixel_size = (0.0 if px is None else px.length(), 0.0 if py is None else py.length())
        return self._pixel_size

    def itemBoundsChanged(self, item):  # noqa: N802 - pyqtgraph API
        """An item moved or changed: fit the values again at the next paint only if the fit reads that item.

        pyqtgraph queues a fit (and with it a repaint of the whole plot) for any item that moves,
        even one added with ignoreBounds, such as the focused event's line and title and the ring
        round a focused value, which a focus moves: each focus repainted every line and marker.
        Nor does the view's own transform (set for a new range or size) change any item's bounds
        in the view; a new range asks for its fit itself, a new size fits at once.
        """
        self._itemBoundsCache.pop(item, None)
        fitted = self.addedItems
        group = self.childGroup
        while item is not None and item is not group:
            if item in fitted:
                super().itemBoundsChanged(item)
                return
            item = item.parentItem()

    def childrenBounds(self, frac=None, orthoRange=(None, None), items=None):  # noqa: N802, N803 - pyqtgraph API
        if items is not None or (frac is not None and tuple(frac) != (1.0, 1.0)):
            return super().childrenBounds(frac, orthoRange, items)
        scene, group = self.scene(), self.childGroup
        found = []  # (x bounds or None, y bounds or None, pixels): what each item covers, and its margin
        for item in self.addedItems:
            if not item.isVisible() or item.scene() is not scene:
                continue  # pyqtgraph skips these too
            if isinstance(item, PeakCurve) and item._extent is not None:
                # A line answers from its Extent (what PeakCurve.dataBounds gives), and knows whether it sits
                # in the view as it is without Qt's position and transform being asked every fit (40 lines).
                if not item.placed_plainly_in(group):
                    return super().childrenBounds(frac, orthoRange, items)
                if not item.curve.isVisible():
                    continue
                xb, yb = item._extent.x_bounds(), item._extent.y_bounds(orthoRange[1])
                xb, yb = (xb if _usable(xb) else None), (yb if _usable(yb) else None)
                if xb is not None or yb is not None:
                    found.append((xb, yb, item.pixelPadding()))
                continue
            if (getattr(item, "dataBounds", None) is None or item.parentItem() is not group
                    or not item.pos().isNull() or not item.transform().isIdentity()):
                return super().childrenBounds(frac, orthoRange, items)
            xb = item.dataBounds(0, frac=1.0, orthoRange=orthoRange[0])
            yb = item.dataBounds(1, frac=1.0, orthoRange=orthoRange[1])
            xb, yb = (xb if _usable(xb) else None), (yb if _usable(yb) else None)
            if xb is None and yb is None:
                continue
            found.append((xb, yb, item.pixelPadding() if hasattr(item, "pixelPadding") else 0))
        x_range = y_range = None
        for xb, yb, _ in found:
            if xb is not None:
                x_range = [xb[0], xb[1]] if x_range is None else [min(xb[0], x_range[0]), max(xb[1], x_range[1])]
            if yb is not None:
                y_range = [yb[0], yb[1]] if y_range is None else [min(yb[0], y_range[0]), max(yb[1], y_range[1])]
        # As pyqtgraph: pixel margins are added once the range is known, so a pixel's size is about right.
        width, height = self.width(), self.height()
        if width > 0 and x_range is not None:
            size = (x_range[1] - x_range[0]) / width
            for xb, _, px in found:
                if px and xb is not None:
                    x_range = [min(x_range[0], xb[0] - px * size), max(x_range[1], xb[1] + px * size)]
        if height > 0 and y_range is not None:
            size = (y_range[1] - y_range[0]) / height
            for _, yb, px in found:
                if px and yb is not None:
                    y_range = [min(y_range[0], yb[0] - px * size), max(y_range[1], yb[1] + px * size)]
        return [x_range, y_range]
