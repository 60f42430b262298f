"""The chart's event ticks: one short line per filtered event along the top of each plot.

Typing in the timeline's search box changes which events are ticked on every
key. The tick item of each plot is made once and given the new events: adding
and removing an item in a pyqtgraph ViewBox asks the whole plot (every line
under it) to be painted again and its value axis to be fitted anew, where new
ticks only need their own strip at the top repainted.
"""
from __future__ import annotations

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
    columns = np.floor((shown - left) / per_px)
    first = np.empty(len(shown), dtype=bool)
    first[0] = True
    np.not_equal(columns[1:], columns[:-1], out=first[1:])
    return shown[first]


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
            self._path = pg.arrayToQPath(np.repeat(self._shown, 2), np.tile([0.0, 1.0], n), connect="pairs")
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
