"""The timeline canvas: lanes by category, markers, bands, aggregates, labels and the time axis.

A custom-painted QWidget that draws only what `timeline_layout.compute_layout`
decides for the current zoom, so it stays smooth at 100,000 events. It owns the
view transform (x0, x1 in decimal years) and the user's gestures: wheel and
pinch to zoom, drag to pan, click to focus, keys to move in time. It emits what
the user asked for; the pane turns that into state changes.
"""
from __future__ import annotations

import functools
import html
import math

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush, QColor, QFont, QFontMetricsF, QKeyEvent, QMouseEvent, QPainter, QPainterPath, QPaintEvent,
    QPen, QPolygonF, QRegion, QStaticText, QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from .theme import Theme, themes
from .timeline_axis import axis_ticks
from .timeline_labels import MAX_LABEL_CANDIDATES
from .timeline_layout import PERIOD, STATEMENT, LayoutCache, TimelineLayout, TimelineModel, to_px
from .timeline_layers import TimelineLayers
from .timeline_text import TimelineText

MIN_SPAN = 2.0 / 365.25  # two days
ZOOM_STEP = 1.25


class TimelineView(QWidget):
    """Paints the facts in view; `item_clicked`, `view_changed` and `key_step` report the user's actions."""

    item_clicked = Signal(int)  # model index
    view_changed = Signal(float, float)  # the user zoomed or panned
    key_step = Signal(str)  # "previous", "next", "first", "last"

    def __init__(self, model: TimelineModel, text: TimelineText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.model, self.text = model, text
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(120)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.mask = np.ones(len(model), dtype=bool)
        self.focus_index = -1
        self._highlight_span: tuple[float, float] | None = None  # a focused chart value's period
        self.hover: tuple[str, int] | None = None
        self._extent: tuple[float, float] | None = None
        lo, hi = self.extent()
        self.view = (lo, hi)
        self._layout: TimelineLayout | None = None  # the layout with the focus
        self._cache: LayoutCache | None = None  # the part the focus does not change
        self._cache_key: tuple | None = None
        self._epoch = 0  # bumped when label widths change (theme, size)
        self._layers = TimelineLayers(self)  # the kept pictures
        self._geom: dict | None = None
        self._press: QPointF | None = None
        self._press_view = self.view
        self._dragging = False
        self._on_theme_changed(themes().theme)
        themes().changed.connect(self._on_theme_changed)

    # ---- geometry ---------------------------------------------------------
    def extent(self) -> tuple[float, float]:
        """Every fact, with a little air at both ends (worked out once: every view change asks)."""
        if self._extent is None:
            m = self.model
            if len(m) == 0:
                self._extent = (2000.0, 2025.0)
            else:
                lo, hi = float(m.x0.min()), float(m.x1.max())
                pad = max((hi - lo) * 0.03, 0.05)
                self._extent = (lo - pad, hi + pad)
        return self._extent

    def max_span(self) -> float:
        lo, hi = self.extent()
        return max(120.0, (hi - lo) * 2.0)

    def _on_theme_changed(self, theme: Theme) -> None:
        self.theme = theme
        self.font_main = QFont(self.font())
        self.font_main.setPointSizeF(theme.point_size())
        self.font_small = QFont(self.font())
        self.font_small.setPointSizeF(theme.point_size(0.9))
        self.font_bold = QFont(self.font_main)
        self.font_bold.setBold(True)
        self.fm = QFontMetricsF(self.font_main)
        self.fm_bold = QFontMetricsF(self.font_bold)
        self.fm_small = QFontMetricsF(self.font_small)
        self.line_h = math.ceil(self.fm.height() + 3)
        self.marker = theme.marker_size * max(1.0, theme.scale * 0.9)
        self.gap = self.marker + 3
        self._widths: dict[int, float] = {}
        self._static: dict[str, QStaticText] = {}
        self._count_texts: dict[str, tuple] = {}  # group counts: text, static text, width
        self._digits_h: float | None = None  # the small font's digits' ink height (counted boxes)
        self._text_widths: dict[tuple[str, bool], float] = {}  # axis labels repeat from frame to frame
        self._lane_styles: dict = {}  # each lane's pens and brushes (timeline_paint.lane_style)
        self._label_texts: dict = {}  # labels' elided date and title, by fact, width and weight
        self._geom = None
        self._epoch += 1
        self.invalidate()

    def _metrics(self) -> dict:
        """Sizes that change only with the widget's size or the theme (cached: painting asks often).

        Each lane has a marker row (which also takes labels beside the markers), its own
        band rows for periods (none when it has no periods), and as many label rows above
        as the height allows, the same number in every lane.
        """
        if self._geom is None:
            model = self.model
            names = [self.text.lane_name(i) for i in range(len(model.lanes))]
            # A lane name that does not fit the gutter on one line takes two (if its lane can grow
            # to hold them) rather than losing its end: "Cartels and traffi…" names nothing.
            pad = 14 + self.marker + 4
            cap = max(self.width() * 0.18, 90.0)
            one = [self.fm_bold.horizontalAdvance(n) for n in names]
            lines = [(n,) if w + pad <= cap else split_in_two(n, self.fm_bold) for n, w in zip(names, one)]
            if all(len(ls) == 1 for ls in lines):
                gutter = min(max(one, default=60.0) + self.marker * 2 + 20, cap)
            else:
                widest = max(max(self.fm_bold.horizontalAdvance(part) for part in ls) for ls in lines)
                gutter = min(widest + pad + 2, cap)
            # The off-screen counts ("‹ 5,529", "4,999 ›") stand clear of a mark or group box at
            # the plot's edge (half a marker past it): room for five digits and that clearance.
            edge = self.fm_small.horizontalAdvance("‹ 00,000") + self.edge_clearance() + 4
            n = max(1, len(model.lanes))
            axis = self.line_h + 12
            band_h = max(5.0, self.marker * 0.7)
            bands = np.zeros(n, dtype=np.int64)
            periods = model.kind == PERIOD
            if periods.any():
                np.maximum.at(bands, model.lane[periods], model.band_row[periods] + 1)
            row_h = max(self.marker + 4, self.line_h)
            fixed = 6 + row_h + bands * (band_h + 2)
            name_h = np.array([len(ls) * self.fm_bold.lineSpacing() + 6 for ls in lines], dtype=float)
            if self.height() - 6 - axis - float(np.maximum(fixed, name_h).sum()) >= 0:
                fixed = np.maximum(fixed, name_h)
            else:  # too short a widget for two-line names: one line each, shortened
                lines = [(n,) for n in names]
            free = self.height() - 6 - axis - float(fixed.sum())
            extra = max(0, int(free // (n * self.line_h)))
            spare = max(0.0, free - extra * n * self.line_h) / n
            heights = fixed + extra * self.line_h + spare
            tops = 4 + np.concatenate([[0.0], np.cumsum(heights)])
            marker_y = tops[:-1] + 3 + spare / 2 + extra * self.line_h + row_h / 2
            self._geom = dict(gutter=gutter, edge=edge, axis=axis, tops=tops, band_h=band_h, row_h=row_h,
                              label_rows=extra + 1, marker_y=marker_y, left=gutter + edge, right=self.width() - edge,
                              lane_names=lines)
        return self._geom

    def gutter_width(self) -> float:
        return self._metrics()["gutter"]

    def lane_name_lines(self, lane: int) -> tuple[str, ...]:
        """A lane's name as painted in the gutter: one line, or two when one would not fit."""
        return self._metrics()["lane_names"][lane]

    def edge_width(self) -> float:
        return self._metrics()["edge"]

    def edge_clearance(self) -> float:
        """How far the off-screen counts keep from the plot's edge: past half a marker (a mark or
        a group box at the edge reaches that far) and a little air."""
        return self.marker / 2 + 3

    def plot_left(self) -> float:
        return self._metrics()["left"]

    def plot_right(self) -> float:
        return self._metrics()["right"]

    def band_h(self) -> float:
        return self._metrics()["band_h"]

    def label_rows(self) -> int:
        return self._metrics()["label_rows"]

    def lane_top(self, lane: int) -> float:
        return float(self._metrics()["tops"][lane])

    def lane_height(self, lane: int) -> float:
        tops = self._metrics()["tops"]
        return float(tops[lane + 1] - tops[lane])

    def row_height(self) -> float:
        """The height of a lane's marker row."""
        return self._metrics()["row_h"]

    def text_width(self, text: str, bold: bool = False) -> float:
        """`text`'s advance in the main (or bold) font, measured once per look (the axis asks each frame)."""
        key = (text, bold)
        width = self._text_widths.get(key)
        if width is None:
            if len(self._text_widths) > 4096:
                self._text_widths.clear()
            width = self._text_widths[key] = (self.fm_bold if bold else self.fm).horizontalAdvance(text)
        return width

    def static_text(self, text: str) -> QStaticText:
        """`text` laid out once in the small font (group counts repeat by the hundred)."""
        static = self._static.get(text)
        if static is None:
            if len(self._static) > 2048:
                self._static.clear()
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=self.font_small)
            self._static[text] = static
        return static

    def marker_ys(self) -> np.ndarray:
        """Every lane's marker row centre, as an array (painting looks up thousands at once)."""
        return self._metrics()["marker_y"]

    def marker_y(self, lane: int) -> float:
        """The vertical centre of a lane's marker row."""
        return float(self._metrics()["marker_y"][lane])

    def band_y(self, lane: int, row: int) -> float:
        g = self._metrics()
        return self.marker_y(lane) + g["row_h"] / 2 + 2 + row * (g["band_h"] + 2)

    def label_y(self, lane: int, row: int) -> float:
        """Top of a label row: row 0 is the marker row, rows above climb one line each."""
        y = self.marker_y(lane) - self.line_h / 2
        return y if row == 0 else y - self._metrics()["row_h"] / 2 - 2 - (row - 1) * self.line_h - self.line_h / 2

    def x_of(self, year: float) -> float:
        return float(to_px(year, self.view, self.plot_left(), self.plot_right()))

    def year_of(self, x: float) -> float:
        left, right = self.plot_left(), self.plot_right()
        return self.view[0] + (x - left) * (self.view[1] - self.view[0]) / max(right - left, 1.0)

    # ---- view transform ---------------------------------------------------
    def set_view(self, x0: float, x1: float, emit: bool = True) -> None:
        """Show decimal years x0 to x1 (clamped to a day's and a few centuries' zoom)."""
        span = min(max(x1 - x0, MIN_SPAN), self.max_span())
        centre = (x0 + x1) / 2
        lo, hi = self.extent()
        centre = min(max(centre, lo), hi)
        new = (centre - span / 2, centre + span / 2)
        if new == self.view:
            return
        self.view = new
        self.invalidate()
        if emit:
            self.view_changed.emit(*new)

    def zoom(self, factor: float, anchor: float | None = None) -> None:
        """Zoom in (factor > 1) or out about a decimal year (the centre by default)."""
        v0, v1 = self.view
        anchor = (v0 + v1) / 2 if anchor is None else anchor
        span = min(max((v1 - v0) / factor, MIN_SPAN), self.max_span())
        ratio = span / (v1 - v0)
        self.set_view(anchor - (anchor - v0) * ratio, anchor + (v1 - anchor) * ratio)

    def pan(self, fraction: float) -> None:
        v0, v1 = self.view
        shift = (v1 - v0) * fraction
        self.set_view(v0 + shift, v1 + shift)

    def fit_all(self) -> None:
        self.set_view(*self.extent())

    def ensure_visible(self, x0: float, x1: float) -> None:
        """Pan (keeping the zoom) so the span x0–x1 is in view; zoom out only if it is wider than the view."""
        v0, v1 = self.view
        margin = (v1 - v0) * 0.08
        if x0 >= v0 + margin and x1 <= v1 - margin:
            return
        span = max(v1 - v0, min((x1 - x0) * 1.2, self.max_span()))
        centre = (x0 + x1) / 2
        self.set_view(centre - span / 2, centre + span / 2)

    # ---- layout -----------------------------------------------------------
    def invalidate(self) -> None:
        self._layout = None
        self.update()

    def layout_cache(self) -> LayoutCache:
        """The focus-free part of the layout, kept while the view, size, filters and theme stay."""
        left, right = self.plot_left(), self.plot_right()
        key = (self.view, left, right, self.gap, self.label_rows(), id(self.mask), self._epoch)
        if self._cache is None or key != self._cache_key:
            self._cache = LayoutCache(
                self.model, self.mask, self.view, left, right, self.gap, self.label_rows(), self.label_width,
                radius=self.marker / 2 + 2, max_label=self.max_label_width(), focus_label=self.focus_label_width(),
            )
            self._cache_key = key
            self._layout = None
        return self._cache

    def current_layout(self) -> TimelineLayout:
        """The layout at the current zoom, size and focus (a focus change re-does only its lane)."""
        cache = self.layout_cache()
        if self._layout is None:
            focus = self.focus_index
            self._layout = cache.layout(focus, self.label_width(focus, bold=True) if focus >= 0 else None)
        return self._layout

    def label_width(self, index: int, bold: bool = False) -> float:
        """The width fact `index`'s whole label needs (bold: as the focused fact's is drawn)."""
        width = None if bold else self._widths.get(index)
        if width is None:
            date, title = self.text.date_label(index), self.text.title(index)
            fm = self.fm_bold if bold else self.fm
            width = fm.horizontalAdvance(date) + fm.horizontalAdvance("  ") + fm.horizontalAdvance(title) + 2
            width = min(width, self.plot_right() - self.plot_left())
            if not bold:
                self._widths[index] = width
        return width

    def max_label_width(self) -> float:
        return max(self.fm.averageCharWidth() * 26, (self.plot_right() - self.plot_left()) * 0.16)

    def focus_label_width(self) -> float:
        """The focused fact's label may take most of the plot: its title is what the class reads."""
        return (self.plot_right() - self.plot_left()) * 0.65

    def set_mask(self, mask: np.ndarray) -> None:
        """Show only the facts `mask` passes (an equal mask keeps the layout)."""
        if mask is self.mask or (mask.shape == self.mask.shape and np.array_equal(mask, self.mask)):
            return
        self.mask = mask
        self.invalidate()

    @property
    def highlight_span(self) -> tuple[float, float] | None:
        """A focused chart value's period (decimal years), drawn as a column across the lanes."""
        return self._highlight_span

    @highlight_span.setter
    def highlight_span(self, span: tuple[float, float] | None) -> None:
        if span != self._highlight_span:
            self._highlight_span = span
            self.update()  # the column crosses every lane

    def set_focus_index(self, index: int) -> None:
        """Ring and label the fact `index` (-1: none); only its lane is laid out again, and only the
        lanes the focus leaves and enters are repainted on screen (the rest of the widget would be
        blitted again with the same pixels)."""
        if index == self.focus_index:
            return
        old, self.focus_index = self.focus_index, index
        self._layout = None
        region = self._focus_region(old, index)
        if region is None:
            self.update()
        elif not region.isEmpty():
            self.update(region)

    def _focus_region(self, old: int, new: int) -> QRegion | None:
        """Where a focus move from fact `old` to fact `new` can change the picture: the layers of the
        two facts' lanes (None: anywhere). Lanes share no label rows, so another lane's picture stays,
        unless there are so many label candidates that every lane's labels are placed in one pass."""
        cache = self._cache
        if cache is None or self._cache_key is None or self._cache_key[0] != self.view:
            return None
        if cache.candidates_in_view() + 1 > MAX_LABEL_CANDIDATES:
            return None
        if self.hover is not None and self.hover[0] == "aggregate":
            return None  # a group is named by its place in the layout, which a regrouped lane shifts
        lanes = {int(self.model.lane[k]) for k in (old, new) if k >= 0}
        return self._layers.lanes_region(sorted(lanes))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._widths.clear()
        self._label_texts.clear()
        self._geom = None
        self._epoch += 1
        self.invalidate()
        super().resizeEvent(event)

    # ---- geometry of drawn things (for hit tests, tooltips and tests) ------
    def marker_point(self, index: int) -> QPointF | None:
        """Where a fact drawn as a marker or band is, in widget coordinates (None if not drawn)."""
        layout = self.current_layout()
        lane = int(self.model.lane[index])
        hits = np.flatnonzero(layout.markers == index)
        if len(hits):
            return QPointF(float(layout.marker_px[hits[0]]), self.marker_y(lane))
        hits = np.flatnonzero(layout.bands == index)
        if len(hits):
            k = hits[0]
            x = (max(layout.band_px0[k], layout.left) + min(layout.band_px1[k], layout.right)) / 2
            return QPointF(float(x), self.band_y(lane, int(self.model.band_row[index])) + self.band_h() / 2)
        return None

    def label_rect(self, index: int) -> QRectF | None:
        label = self.current_layout().label_of(index)
        if label is None:
            return None
        return QRectF(label.x, self.label_y(label.lane, label.row), label.width, self.line_h)

    def aggregate_rect(self, k: int) -> QRectF:
        agg = self.current_layout().aggregates[k]
        y = self.marker_y(agg.lane)
        r = self.marker / 2
        return QRectF(agg.px0 - r, y - r, agg.px1 - agg.px0 + 2 * r, 2 * r)

    def hit(self, pos: QPointF) -> tuple[str, int] | None:
        """("item", model index), ("aggregate", k) or None for a point in the widget."""
        layout = self.current_layout()
        for label in layout.labels:
            rect = QRectF(label.x, self.label_y(label.lane, label.row), label.width, self.line_h)
            if rect.contains(pos):
                return "item", label.index
        # Markers and groups are tested as arrays: a mouse move must not loop over thousands of marks.
        x, y = pos.x(), pos.y()
        marker_y = self.marker_ys()
        if len(layout.markers):
            d = np.maximum(np.abs(layout.marker_px - x), np.abs(marker_y[self.model.lane[layout.markers]] - y))
            near = np.flatnonzero(d <= self.marker / 2 + 3)
            if len(near):
                best = near[d[near] == d[near].min()][-1]  # the last drawn of the nearest (it is on top)
                return "item", int(layout.markers[best])
        aggs = layout.aggregates
        if len(aggs):
            r = self.marker / 2 + 2
            ys = marker_y[aggs.lane]
            inside = np.flatnonzero((aggs.px0 - r <= x) & (x <= aggs.px1 + r) & (ys - r <= y) & (y <= ys + r))
            if len(inside):
                return "aggregate", int(inside[0])
        for index, a, b in zip(layout.bands.tolist(), layout.band_px0.tolist(), layout.band_px1.tolist()):
            y = self.band_y(int(self.model.lane[index]), int(self.model.band_row[index]))
            if a - 2 <= pos.x() <= b + 2 and y - 2 <= pos.y() <= y + self.band_h() + 2:
                return "item", index
        return None

    # ---- painting ---------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Show the kept layers, repainting only those whose content changed (see `timeline_layers`):
        an expose or a repeated update costs a few blits, a focus change one or two lanes."""
        from .timeline_paint import paint_focus_frame

        layout = self.current_layout()
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._layers.paint(painter, layout)
            if self.hasFocus():
                paint_focus_frame(self, painter)
        finally:
            painter.end()

    # ---- user input ---------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        delta = event.angleDelta()
        if abs(delta.x()) > abs(delta.y()):  # a sideways trackpad swipe pans
            self.pan(-delta.x() / 1200.0)
        elif delta.y():
            self.zoom(ZOOM_STEP ** (delta.y() / 120.0), self.year_of(event.position().x()))
        event.accept()

    def event(self, event: QEvent) -> bool:  # noqa: A003 - Qt override
        if event.type() == QEvent.Type.NativeGesture:
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.zoom(1.0 + event.value(), self.year_of(event.position().x()))
                return True
        if event.type() == QEvent.Type.ToolTip:
            tip = self.tooltip_at(event.position() if hasattr(event, "position") else QPointF(event.pos()))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._press_view = self.view
            self._dragging = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        pos = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            if abs(pos.x() - self._press.x()) > 4:
                self._dragging = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._dragging:
                years = (pos.x() - self._press.x()) * (self._press_view[1] - self._press_view[0]) / max(
                    self.plot_right() - self.plot_left(), 1.0)
                self.set_view(self._press_view[0] - years, self._press_view[1] - years)
            return
        hover = self.hit(pos)
        if hover != self.hover:
            self.hover = hover
            self.setCursor(Qt.CursorShape.PointingHandCursor if hover else Qt.CursorShape.ArrowCursor)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragging:
                self._click(event.position())
            self._press = None
            self._dragging = False
            self.setCursor(Qt.CursorShape.ArrowCursor)
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.hover is not None:
            self.hover = None
            self.update()
        super().leaveEvent(event)

    def _click(self, pos: QPointF) -> None:
        hit = self.hit(pos)
        if hit is None:
            return
        kind, k = hit
        if kind == "item":
            self.item_clicked.emit(k)
            return
        # An aggregate opens up: zoom to the span its members cover.
        agg = self.current_layout().aggregates[k]
        pos_years = self.model.pos[agg.members]
        lo, hi = float(pos_years.min()), float(pos_years.max())
        pad = max((hi - lo) * 0.25, MIN_SPAN)
        self.set_view(lo - pad, hi + pad)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key, mods = event.key(), event.modifiers()
        panning = mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and panning:
            self.pan(-0.2 if key == Qt.Key.Key_Left else 0.2)
        elif key == Qt.Key.Key_Left:
            self.key_step.emit("previous")
        elif key == Qt.Key.Key_Right:
            self.key_step.emit("next")
        elif key == Qt.Key.Key_Home:
            self.key_step.emit("first")
        elif key == Qt.Key.Key_End:
            self.key_step.emit("last")
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP * ZOOM_STEP, self._key_anchor())
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / (ZOOM_STEP * ZOOM_STEP), self._key_anchor())
        else:
            super().keyPressEvent(event)  # Space, PageDown, Enter … belong to classroom mode
            return
        event.accept()

    def _key_anchor(self) -> float | None:
        """Keyboard zoom keeps the focused fact in place when it is in view."""
        if self.focus_index >= 0:
            x = float(self.model.pos[self.focus_index])
            if self.view[0] <= x <= self.view[1]:
                return x
        return None

    # ---- tooltips -----------------------------------------------------------
    def tooltip_at(self, pos: QPointF) -> str:
        """The tooltip for what is under `pos`, as escaped HTML ("" for nothing)."""
        hit = self.hit(pos)
        if hit is None:
            return ""
        kind, k = hit
        if kind == "item":
            return self.text.tooltip(k)
        agg = self.current_layout().aggregates[k]
        return self.text.aggregate_tooltip(agg.members)


def split_in_two(text: str, fm: QFontMetricsF) -> tuple[str, ...]:
    """`text` in two lines broken at the space that makes the wider line narrowest (one line if no space)."""
    words = text.split(" ")
    if len(words) < 2:
        return (text,)
    splits = [(" ".join(words[:k]), " ".join(words[k:])) for k in range(1, len(words))]
    return min(splits, key=lambda pair: max(fm.horizontalAdvance(pair[0]), fm.horizontalAdvance(pair[1])))


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def shape_path(shape: str, centre: QPointF, size: float) -> QPainterPath:
    """A marker shape (the theme's pyqtgraph names) as a path, so colour is never the only cue."""
    r = size / 2
    x, y = centre.x(), centre.y()
    path = QPainterPath()
    if shape == "o":
        path.addEllipse(centre, r, r)
    elif shape == "s":
        path.addRect(QRectF(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8))
    elif shape == "+":
        w = r * 0.45
        path.addRect(QRectF(x - r, y - w, 2 * r, 2 * w))
        path.addRect(QRectF(x - w, y - r, 2 * w, 2 * r))
        path = path.simplified()
    else:
        path.addPolygon(QPolygonF([QPointF(x + dx, y + dy + extra) for dx, dy, extra in _polygon_offsets(shape, size)]))
        path.closeSubpath()
    return path


@functools.lru_cache(maxsize=64)
def _polygon_offsets(shape: str, size: float) -> tuple:
    """A polygon marker's corners about its centre, worked out once per shape and size (a lane of
    markers used to take the sines and cosines again for every marker). `shape_path` adds them to
    the centre in the order it always did, so the corners are the same numbers to the last bit."""
    r = size / 2
    sides = {"t": 3, "d": 4, "h": 6, "p": 5, "star": 10}.get(shape, 4)
    corners = []
    for k in range(sides):
        angle = -math.pi / 2 + 2 * math.pi * k / sides
        radius = r * (0.45 if shape == "star" and k % 2 else 1.0) * (1.15 if shape == "t" else 1.0)
        corners.append((radius * math.cos(angle), radius * math.sin(angle), r * 0.15 if shape == "t" else 0))
    return tuple(corners)


def category_colour(theme: Theme, lane: int) -> QColor:
    """A lane's colour; the palette's black turns white on a dark background."""
    return QColor(_category_colour(theme, lane))  # a copy: the caller may change it


@functools.lru_cache(maxsize=256)
def _category_colour(theme: Theme, lane: int) -> QColor:
    # Remembered: painting asks for each lane's colour many times a frame, and parsing it is not free.
    colour = theme.category_colour(lane)
    if theme.dark and colour.upper() == "#000000":
        colour = "#FFFFFF"
    return QColor(colour)


_FLAT_CAP = Qt.PenCapStyle.FlatCap
_SOLID = Qt.PenStyle.SolidLine


def pen(colour: QColor | str, width: float, style=_SOLID) -> QPen:
    p = QPen(QColor(colour), width, style)
    p.setCapStyle(_FLAT_CAP)
    return p


def brush(colour: QColor, alpha: int = 255) -> QBrush:
    c = QColor(colour)
    c.setAlpha(alpha)
    return QBrush(c)


__all__ = ["TimelineView", "shape_path", "category_colour", "pen", "brush", "escape", "STATEMENT"]
