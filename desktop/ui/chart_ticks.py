"""The chart's event ticks: one short line per filtered event along the top of each plot.

Typing in the timeline's search box changes which events are ticked on every
key. The tick item of each plot is made once and given the new events: adding
and removing an item in a pyqtgraph ViewBox asks the whole plot (every line
under it) to be painted again and its value axis to be fitted anew, where new
ticks only need their own strip at the top repainted.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath, QPen
from pyqtgraph.graphicsItems.UIGraphicsItem import UIGraphicsItem


def tick_columns(xs: np.ndarray, left: float, right: float, per_px: float) -> np.ndarray:
    """The sorted x values in [left, right], at most one per pixel column (the first in each).

    Ticks closer than a pixel draw the same column of the screen: 100,000 events
    cost a paint of 100,000 lines for at most a plot's width of visible ones.
    """
    lo, hi = np.searchsorted(xs, left, "left"), np.searchsorted(xs, right, "right")
    shown = xs[lo:hi]
    if per_px <= 0 or len(shown) < 2:
        return shown
    first_column = math.floor((shown[0] - left) / per_px)
    last_column = math.floor((shown[-1] - left) / per_px)
    if not (math.isfinite(first_column) and math.isfinite(last_column)) or 4 * (last_column - first_column) >= len(shown):
        return shown[_firsts(shown, np.arange(len(shown)), left, per_px)]
    # Many more ticks than columns (100,000 events in a view of a few hundred pixels, every frame of a pan
    # at a wide range): each column's first tick is found by binary search at the column's left edge,
    # instead of working out the column of every tick. The edge is worked out in floating point, which
    # may put a tick within rounding of it on the other side: the nearest distinct values either side are
    # candidates too, and the candidates are judged as before (first of its column), so the answer is
    # exactly the one the column of every tick gives.
    edges = left + per_px * np.arange(first_column + 1, last_column + 1, dtype=float)
    at = shown.searchsorted(edges, "left")
    n = len(shown)
    before = shown.searchsorted(shown[np.maximum(at - 1, 0)], "left")  # the run of equal values before the edge
    after = shown.searchsorted(shown[np.minimum(at, n - 1)], "right")  # the first value past the run at it
    candidates = np.sort(np.concatenate(([0], at, before, after)))
    candidates = candidates[np.concatenate(([True], candidates[1:] != candidates[:-1])) & (candidates < n)]
    return shown[candidates[_firsts(shown, candidates, left, per_px)]]


def _firsts(shown: np.ndarray, at: np.ndarray, left: float, per_px: float) -> np.ndarray:
    """Which of the positions `at` (sorted, the first 0) hold the first tick of their pixel column."""
    columns = np.floor((shown[at] - left) / per_px)
    before = np.floor((shown[np.maximum(at - 1, 0)] - left) / per_px)
    first = columns != before
    first[at == 0] = True
    return first


_ENDS = np.tile([0.0, 1.0], 1024)


def _bottoms_and_tops(n: int) -> np.ndarray:
    """0, 1, 0, 1, … for `n` ticks: each tick's two ends (a slice of one array kept, not np.tile per frame)."""
    global _ENDS
    if 2 * n > len(_ENDS):
        _ENDS = np.tile([0.0, 1.0], max(n, 2 * len(_ENDS)))
    return _ENDS[: 2 * n]


class EventTicks(UIGraphicsItem):
    """Short vertical ticks at the top of the view, one per event, at most one per pixel column.

    Like pyqtgraph's VTickGroup (`xvals`, a y range as fractions of the view's
    height), but the path is built with numpy for the ticks in view only, once
    per view range and set of events, instead of one Python call per event.
    """

    def __init__(self, xvals: np.ndarray, yrange: tuple[float, float], pen: QPen) -> None:
        super().__init__()
        self.yrange = yrange
        self.pen = pen
        self._path = QPainterPath()
        self._shown = np.empty(0)
        self._key: tuple[float, float, float] | None = None  # the view range and pixel width the path is for
        self.xvals = np.empty(0)
        self.set_xvals(xvals)

    def set_xvals(self, xvals: np.ndarray) -> None:
        """Tick these events instead (decimal years, sorted or not): only the ticks' strip is repainted."""
        xvals = np.asarray(xvals, dtype=float)
        if len(xvals) > 1 and not bool((xvals[1:] >= xvals[:-1]).all()):
            xvals = np.sort(xvals)
        self.xvals = xvals
        self._key = None
        self.update()  # this item's bounding rect (the strip), not the view: nothing else changed

    def dataBounds(self, *args, **kwargs):  # noqa: N802 - pyqtgraph API
        return None  # never widens the view's automatic range

    def shown(self) -> np.ndarray:
        """The x values of the ticks drawn for the current view (one per pixel column at most)."""
        self._update_path()
        return self._shown

    def boundingRect(self):  # noqa: N802 - Qt override
        """Only the strip the ticks are drawn in (a pixel more each side): new ticks repaint that strip,
        not the whole plot and its lines (a filter change per key of the search box)."""
        rect = super().boundingRect()
        if rect.isNull():
            return rect
        height = rect.height()
        pad = abs(self.pixelHeight() or 0.0) * 2
        return QRectF(rect.x(), rect.y() + self.yrange[0] * height - pad, rect.width(),
                      (self.yrange[1] - self.yrange[0]) * height + 2 * pad)

    def _view_rect(self):
        return super().boundingRect()

    def _update_path(self) -> None:
        rect = self._view_rect()
        per_px = self.pixelWidth()
        key = (rect.left(), rect.right(), per_px)
        if key == self._key:
            return
        self._key = key
        self._shown = tick_columns(self.xvals, rect.left(), rect.right(), per_px)
        n = len(self._shown)
        if n:
            self._path = pg.arrayToQPath(np.repeat(self._shown, 2), _bottoms_and_tops(n), connect="pairs")
        else:
            self._path = QPainterPath()

    def paint(self, p, *args) -> None:
        self._update_path()
        if self._path.isEmpty():
            return
        rect = self._view_rect()
        height = rect.height()
        p.translate(0, rect.y() + self.yrange[0] * height)
        p.scale(1.0, (self.yrange[1] - self.yrange[0]) * height)
        p.setPen(self.pen)
        p.drawPath(self._path)
