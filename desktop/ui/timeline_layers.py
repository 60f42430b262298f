"""The timeline's picture kept in layers, so a paint redraws only what changed.

Three kinds of layer, each a pixmap kept between paints with what it showed:

- the backdrop: background, the lanes' wash, lane names and the key; it
  changes only with the widget's size and the look;
- the under layer: the backdrop with the axis, grid and the off-screen
  counts; it changes with the view and the filter (a focused chart value's
  period is drawn over it as the layers are shown: one fill);
- one see-through layer per lane with that lane's facts and labels.

A lane whose layer lies wholly below the widget (a pane too short for all its
lanes) is not painted at all: none of its pixels could show.

A lane's layer is painted again only when what it shows changes: every lane
after a zoom, pan, filter, resize or theme change, but only the lane of the
new focus (or hover) after a focus (or hover) change. Each lane keeps its last
few pictures (`KEEP`), its plain one (no focus, no hover in it) above all, so
the lane the focus leaves shows its plain picture again without a repaint, and
stepping back to a fact seen a moment ago repaints nothing. Lanes share
neither groups nor label rows (see `timeline_layout`), so the other lanes'
pictures are still right. Each lane's layer reaches a little past its lane so
a focus ring or a label at its edge is not cut.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QPainter, QPixmap, QRegion


_PAINT = None
KEEP = 3  # pictures kept per lane: its plain one, and the last focus or hover states it showed


def _paint():
    """The painting functions (imported on first paint: they import the view, which imports this)."""
    global _PAINT
    if _PAINT is None:
        from . import timeline_paint

        _PAINT = timeline_paint
    return _PAINT


class TimelineLayers:
    """Kept pictures of one `TimelineView`; `paint(painter, layout)` shows them, repainting what changed."""

    def __init__(self, view) -> None:
        self.view = view
        self._backdrop: QPixmap | None = None
        self._backdrop_key: tuple | None = None
        self._under: QPixmap | None = None
        self._under_key: tuple | None = None
        self._places: list[tuple[float, tuple]] = []  # per lane: its layer's top and size
        self._lanes_key: tuple | None = None
        # Per lane, its pictures by what they show beyond the kept layout (`_lane_state`), oldest
        # first, and pixmaps free to paint into.
        self._kept: list[dict] = []
        self._spare: list[list[QPixmap]] = []
        self._parts: tuple | None = None  # (layout, its lane parts)
        self._geometry: dict = {}  # bands' and groups' paint geometry, shared by layouts that share them

    def _base(self) -> tuple:
        """What every layer depends on: the widget's size, device pixel ratio and look."""
        view = self.view
        return (view.size().toTuple(), view.devicePixelRatioF(), view._epoch, view.theme)

    def lanes_region(self, lanes: list[int]) -> QRegion | None:
        """The widget's area the layers of `lanes` cover (None when the layers are not laid out for
        the widget as it is now: then any part may change)."""
        view = self.view
        if self._lanes_key is None or self._lanes_key[0] != self._base() or len(self._places) != len(view.model.lanes):
            return None
        region = QRegion()
        for lane in lanes:
            top, (width, height) = self._places[lane]
            y0 = math.floor(top)
            region += QRect(0, y0, math.ceil(width), math.ceil(top + height) - y0)
        return region

    def paint(self, painter: QPainter, layout) -> None:
        """Draw the whole widget from the layers, bringing each up to date first."""
        view = self.view
        dpr = view.devicePixelRatioF()
        base = self._base()
        painter.drawPixmap(0, 0, self._under_layer(layout, base, dpr))
        _paint().paint_highlight_span(view, painter)
        for top, pixmap in self._lane_layers(layout, base, dpr):
            painter.drawPixmap(QPointF(0, top), pixmap)

    # ---- the layers ----------------------------------------------------------------------------
    def _new(self, width: float, height: float, dpr: float) -> QPixmap:
        pixmap = QPixmap(max(1, round(width * dpr)), max(1, round(height * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        return pixmap

    def _painter(self, pixmap: QPixmap, dy: float = 0.0) -> QPainter:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if dy:
            painter.translate(0, -dy)
        return painter

    def _backdrop_layer(self, base: tuple, dpr: float) -> QPixmap:
        if self._backdrop is None or self._backdrop_key != base:
            view = self.view
            self._backdrop = self._new(view.width(), view.height(), dpr)
            painter = self._painter(self._backdrop)
            try:
                _paint().paint_backdrop(view, painter)
            finally:
                painter.end()
            self._backdrop_key = base
        return self._backdrop

    def _under_layer(self, layout, base: tuple, dpr: float) -> QPixmap:
        view = self.view
        key = (base, layout.view, layout.left, layout.right, layout.off_left.tobytes(), layout.off_right.tobytes())
        if self._under is None or self._under_key != key:
            backdrop = self._backdrop_layer(base, dpr)
            self._under = QPixmap(backdrop)  # copied on write: the backdrop stays as it is
            painter = self._painter(self._under)
            try:
                _paint().paint_under(view, painter, layout)
            finally:
                painter.end()
            self._under_key = key
        return self._under

    def _lane_layers(self, layout, base: tuple, dpr: float) -> list[tuple[float, QPixmap]]:
        view = self.view
        n = len(view.model.lanes)
        # Everything a lane shows comes from the focus-free layout (one per view, filter, size and
        # look) plus the focus and hover in that lane; a new focus-free layout repaints every lane.
        key = (base, view.layout_cache())
        if self._lanes_key != key or len(self._places) != n:
            # The layers' places and sizes change only with the widget's size and look: a pan, zoom
            # or filter repaints every lane into the pixmaps it already has, once.
            if self._lanes_key is None or self._lanes_key[0] != base or len(self._places) != n:
                margin = view.marker + 6.0
                self._places = []
                for lane in range(n):
                    # On a whole device pixel, so the lane is drawn on the same pixel grid as the widget.
                    top = max(0.0, math.floor((view.lane_top(lane) - margin) * dpr) / dpr)
                    bottom = min(float(view.height()), view.lane_top(lane + 1) + margin)
                    self._places.append((top, (view.width(), max(bottom - top, 1.0))))
                self._spare = [[] for _ in range(n)]
            else:  # the pictures are out of date, the pixmaps can be painted again
                for lane, kept in enumerate(self._kept):
                    self._spare[lane].extend(kept.values())
            self._kept = [{} for _ in range(n)]
            self._lanes_key = key
        if self._parts is None or self._parts[0] is not layout:
            self._parts = (layout, _paint().lane_parts(view, layout, self._geometry))
        parts = self._parts[1]
        shown = []
        bottom = _paint().visible_bottom(view)
        for lane, (top, size) in enumerate(self._places):
            if top >= bottom:
                # Wholly below the widget (a pane too short for its lanes, as a 768-pixel window's
                # is at 100,000 events): nothing of it can show, so nothing is painted for it.
                continue
            shows = self._lane_state(layout, lane, parts[lane])
            kept = self._kept[lane]
            pixmap = kept.pop(shows, None)
            if pixmap is None:
                pixmap = self._lane_pixmap(lane, size, dpr)
                pixmap.fill(Qt.GlobalColor.transparent)
                painter = self._painter(pixmap, top)
                try:
                    _paint().paint_lane(view, painter, layout, lane, parts[lane])
                finally:
                    painter.end()
            kept[shows] = pixmap  # the newest last
            shown.append((top, pixmap))
        return shown

    def _lane_pixmap(self, lane: int, size: tuple, dpr: float) -> QPixmap:
        """A pixmap to paint lane `lane` into: a spare one, else one of its kept pictures (the
        oldest that is not its plain picture), else a new one while it keeps fewer than `KEEP`."""
        spare, kept = self._spare[lane], self._kept[lane]
        if spare:
            return spare.pop()
        if len(kept) >= KEEP:
            # A lane's plain picture (no focus, no hover in it) is the one it returns to most.
            old = next((s for s in kept if s[0] != -1 or s[1] is not None), next(iter(kept)))
            return kept.pop(old)
        return self._new(size[0], size[1], dpr)

    def _lane_state(self, layout, lane: int, parts: tuple) -> tuple:
        """What one lane's picture depends on beyond the focus-free layout: the focus and the hover
        when they are in this lane, and its labels (placed again when the focus is in the lane)."""
        view = self.view
        model = view.model
        focus = view.focus_index if view.focus_index >= 0 and int(model.lane[view.focus_index]) == lane else -1
        hover = None
        if view.hover and view.hover[0] == "item" and int(model.lane[view.hover[1]]) == lane:
            hover = view.hover
        elif view.hover and view.hover[0] == "aggregate":
            cut = parts[2]
            if cut.start <= view.hover[1] < cut.stop:
                k = view.hover[1]
                hover = ("aggregate", float(layout.aggregates.px0[k]), float(layout.aggregates.px1[k]))
        return focus, hover, tuple(parts[3])
