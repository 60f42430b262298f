"""Painting the timeline from its layout: lanes, axis, bands, markers, aggregates, labels.

Only what the layout lists is drawn, so a frame costs the same at 100 events
and at 100,000. Colour is never the only cue: each lane has a name and a
marker shape, periods are bands, standing statements are hollow with an
"as of" tail, grouped facts are hatched with their count, a disputed fact
carries a "!" badge, and an uncertain date is drawn as a bracket across all
the days it may mean.

The picture is painted in layers (see `timeline_layers`): `paint_backdrop`
(what only the size and the look change: the lanes' wash, names and the key),
`paint_under` (what the view changes under the facts: the axis, the grid, a
focused value's period and the off-screen counts) and `paint_lane` (one lane's
facts and labels), so a focus change repaints one or two lanes, not the
whole timeline.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF
from shiboken6 import wrapInstance

from .i18n import format_number
from .timeline_axis import axis_ticks
from .timeline_layout import STATEMENT
from .timeline_text import tr
from .timeline_view import brush, category_colour, pen, shape_path

if TYPE_CHECKING:
    from .timeline_view import TimelineView

# Qt's flags, looked up once (PySide resolves each enum member on every use).
_LEFT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
_RIGHT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
_CENTRE = Qt.AlignmentFlag.AlignCenter
_ELIDE = Qt.TextElideMode.ElideRight
_NO_BRUSH = Qt.BrushStyle.NoBrush
_NO_PEN = Qt.PenStyle.NoPen
_DASH = Qt.PenStyle.DashLine
_HATCH = Qt.BrushStyle.BDiagPattern
_ANTIALIAS = QPainter.RenderHint.Antialiasing
_MITER = Qt.PenJoinStyle.MiterJoin


def crisp_line(view) -> float:
    """The outline of an axis-aligned box or band: whole device pixels, 1 at scale 1, more for a
    projector's scale (a crisp edge reads at least as well as a smooth one, at a fraction of the cost)."""
    dpr = view.devicePixelRatioF()
    return max(1, round(view.theme.scale * dpr)) / dpr


def snap(values: np.ndarray, dpr: float) -> np.ndarray:
    """Positions rounded to whole device pixels (the lane layers sit on whole device pixels too)."""
    return np.round(values * dpr) / dpr


def crisp_pen(colour: QColor, line: float) -> QPen:
    """The pen of a crisp outline `line` thick (square corners: the boxes are drawn unsmoothed)."""
    p = QPen(colour, line)
    p.setJoinStyle(_MITER)
    return p


def box_rects(x0: np.ndarray, x1: np.ndarray, y0: np.ndarray, y1: np.ndarray, line: float,
              dpr: float) -> np.ndarray:
    """Boxes covering exactly the device pixels [x0, x1) × [y0, y1) when drawn unsmoothed with a
    `crisp_pen(.., line)`: Qt strokes a whole-pixel line on the pixels right of and below its path,
    so the path runs half a line (rounded down) inside the box and is a line shorter. One row
    (x, y, width, height: a QRectF's layout) per box, for `draw_rects`."""
    inset = (round(line * dpr) // 2) / dpr
    return rect_rows(x0 + inset, y0 + inset, x1 - x0 - line, y1 - y0 - line)


def rect_rows(x: np.ndarray, y: np.ndarray, w: np.ndarray, h: np.ndarray) -> np.ndarray:
    """Rectangles as rows of (x, y, width, height) doubles, laid out as an array of QRectF."""
    rows = np.empty((len(x), 4), dtype=np.float64)
    rows[:, 0], rows[:, 1], rows[:, 2], rows[:, 3] = x, y, w, h
    return rows


def draw_rects(p: QPainter, rows: np.ndarray) -> None:
    """Draw rectangles given as `rect_rows` in one call, straight from the array's memory: Qt's
    drawRects(const QRectF *, int), which the list form also ends in, without making a Python
    QRectF per box (at hundreds of groups a frame that was a third of painting a lane)."""
    if len(rows):
        rows = np.ascontiguousarray(rows)
        p.drawRects(wrapInstance(rows.ctypes.data, QRectF), len(rows))


class _LaneStyle:
    """One lane's pens and brushes for bands and group boxes, made once per look (each lane's
    paint used to make them again every frame)."""

    __slots__ = ("colour", "outline", "band", "band_lifted", "arrow_brush", "arrow_pen", "group", "hatch")

    def __init__(self, view, lane: int) -> None:
        colour = self.colour = category_colour(view.theme, lane)
        self.outline = crisp_pen(colour, crisp_line(view))
        self.band, self.band_lifted = brush(colour, 95), brush(colour, 150)
        self.arrow_brush, self.arrow_pen = brush(colour), pen(colour, 1.5)
        self.group, self.hatch = brush(colour, 60), QBrush(colour, _HATCH)


def _kept_style(view, key, make):
    """`view`'s pens and brushes kept under `key` (cleared with the look), made by `make()` when not yet kept."""
    style = view._lane_styles.get(key)
    if style is None:
        style = view._lane_styles[key] = make()
    return style


def lane_style(view, lane: int) -> _LaneStyle:
    """`view`'s kept style for `lane` (kept per look and device pixel ratio)."""
    return _kept_style(view, (lane, view.devicePixelRatioF()), lambda: _LaneStyle(view, lane))


def visible_bottom(view) -> float:
    """The lowest y that can show: what lies wholly below it is not painted (the one place this is
    decided, so a test can paint everything and compare)."""
    return float(view.height())


def axis_y(view) -> float:
    """The time axis' line, just under the last lane."""
    return view.lane_top(len(view.model.lanes)) + 2


def paint_backdrop(view: "TimelineView", p: QPainter) -> None:
    """What only the widget's size and the look change: the background, the lanes' alternating
    wash, the lane names with their colour and shape (the legend), and the key under them."""
    theme = view.theme
    fg, muted = QColor(theme.foreground), QColor(theme.muted)
    p.fillRect(view.rect(), QColor(theme.background))
    # Lanes: a faint alternating wash so the eye follows a row.
    shade = QColor(fg)
    shade.setAlpha(10 if not theme.dark else 22)
    for lane in range(len(view.model.lanes)):
        if lane % 2:
            p.fillRect(QRectF(0, view.lane_top(lane), view.width(), view.lane_height(lane)), shade)
    _paint_lane_names(view, p)
    _paint_key(view, p, axis_y(view), fg, muted)


def paint_under(view: "TimelineView", p: QPainter, layout) -> None:
    """Over the backdrop, under the facts: the axis with its ticks and grid, and how many facts
    lie off each edge of each lane."""
    theme = view.theme
    fg, muted, grid = QColor(theme.foreground), QColor(theme.muted), QColor(theme.grid)
    left, right = layout.left, layout.right
    ticks = axis_ticks(layout.view[0], layout.view[1], right - left, view.text_width("00 Sep 0000") + 16)
    p.setFont(view.font_main)
    y_axis = axis_y(view)
    p.setPen(pen(grid, 1))
    p.drawLine(QPointF(left, y_axis), QPointF(right, y_axis))
    # The few pens and fonts a tick uses, made once (each tick used to make its own).
    grid_pens = {True: pen(grid, 1.5), False: pen(grid, 1)}
    text_pens = {True: pen(fg, 1), False: pen(muted, 1)}
    fonts = {True: view.font_bold, False: view.font_main}
    width_w = view.width()
    font = None
    # Under a pane too short for all its lanes the tick labels lie below the widget: only the
    # grid lines can show, so no label is laid out.
    labelled = y_axis + 6 < visible_bottom(view)
    for tick in ticks:
        x = view.x_of(tick.x)
        p.setPen(grid_pens[tick.major])
        p.drawLine(QPointF(x, 4), QPointF(x, y_axis + 5))
        if not labelled:
            continue
        p.setPen(text_pens[tick.major])
        if font is not tick.major:
            p.setFont(fonts[tick.major])
            font = tick.major
        width = view.text_width(tick.label, bold=True) + 2
        tx = min(max(x - width / 2, left - 2), width_w - width)
        p.drawText(QRectF(tx, y_axis + 6, width, view.line_h), _CENTRE, tick.label)
    _paint_off_screen(view, p, layout, muted)


def lane_parts(view: "TimelineView", layout, kept: dict | None = None) -> dict:
    """Which of the layout's markers, bands, groups and labels each lane draws, with the bands' and
    groups' geometry worked out for every lane at once (one pass of array arithmetic per layout, not
    one per lane). `kept`: geometry from an earlier layout of the same bands or groups (a focus change
    makes a new layout that shares them) is taken from it, not worked out again."""
    lanes = view.model.lane
    n = len(view.model.lanes)
    parts: dict[int, tuple] = {}
    marker_lanes = lanes[layout.markers]
    by_marker = np.argsort(marker_lanes, kind="stable")
    labels: dict[int, list] = {}
    for label in layout.labels:
        labels.setdefault(label.lane, []).append(label)
    sorted_markers = marker_lanes[by_marker]
    m_at = np.searchsorted(sorted_markers, np.arange(n + 1), "left").tolist()
    kept = {} if kept is None else kept
    look = (view.devicePixelRatioF(), view.size().toTuple(), view._epoch, view.theme, layout.left, layout.right)
    band_geo = kept.get("bands")
    if band_geo is None or band_geo[0] is not layout.bands or band_geo[1] is not layout.band_px0 or band_geo[2] != look:
        band_geo = kept["bands"] = (layout.bands, layout.band_px0, look, _band_geometry(view, layout))
    # A focus that leaves a group regroups only its lane: the other lanes' groups are the focus-free
    # layout's, whose geometry is kept; only that lane's is worked out.
    aggs = layout.aggregates
    root = aggs if aggs.base is None else aggs.base
    agg_geo = kept.get("aggregates")
    if agg_geo is None or agg_geo[0] is not root or agg_geo[1] != look:
        agg_geo = kept["aggregates"] = (root, look, _aggregate_geometry(view, root))
    groups = agg_geo[2]
    if aggs is not root:
        mine = kept.get("lane_aggregates")
        if mine is None or mine[0] is not aggs or mine[1] != look:
            lane = aggs.replaced
            mine = kept["lane_aggregates"] = (aggs, look, _aggregate_geometry(view, aggs.lane_only(lane))[lane])
        groups = list(groups)
        groups[aggs.replaced] = mine[2]
    cuts = [layout.aggregates.lane_slice(lane) for lane in range(n)]
    for lane in range(n):
        parts[lane] = (by_marker[m_at[lane]:m_at[lane + 1]], band_geo[3][lane], cuts[lane], labels.get(lane, []),
                       groups[lane])
    return parts


class _Bands:
    """One lane's bands ready to paint: model indices, crisp body rects, arrowheads, badges and the
    unsnapped extents (for a focus ring), all in the layout's band order."""

    __slots__ = ("ids", "rects", "arrows", "badges", "a", "b", "y")

    def __init__(self, ids, rects, arrows, badges, a, b, y) -> None:
        self.ids, self.rects, self.arrows, self.badges, self.a, self.b, self.y = ids, rects, arrows, badges, a, b, y

    def __len__(self) -> int:
        return len(self.ids)


def _band_geometry(view: "TimelineView", layout) -> list:
    """Every lane's `_Bands`, from one pass over all the layout's bands."""
    model = view.model
    n = len(model.lanes)
    band_lanes = model.lane[layout.bands]
    order = np.argsort(band_lanes, kind="stable")
    at = np.searchsorted(band_lanes[order], np.arange(n + 1), "left").tolist()
    empty = _Bands([], np.zeros((0, 4)), [], [], [], [], [])
    if not len(order):
        return [empty] * n
    bands = layout.bands[order]
    h = view.band_h()
    ys = view.marker_ys()[band_lanes[order]] + view.row_height() / 2 + 2 + model.band_row[bands] * (h + 2)
    a_s = np.maximum(layout.band_px0[order], -10.0)
    b_s = np.minimum(layout.band_px1[order], view.width() + 10.0)
    # The bodies are axis-aligned: on whole device pixels, filled and outlined crisply.
    dpr, line = view.devicePixelRatioF(), crisp_line(view)
    x0, x1 = snap(a_s, dpr), snap(b_s, dpr)
    x1 = np.maximum(x1, x0 + 2 * line)  # however short, a period shows its two ends
    y0 = snap(ys, dpr)
    y1 = np.maximum(snap(ys + h, dpr), y0 + 2 * line)
    rects = box_rects(x0, x1, y0, y1, line, dpr)
    ids = bands.tolist()
    # Only open periods get an arrowhead and only disputed ones a badge: their places are read for
    # those alone, lane by lane (found by binary search), not tested band by band in Python.
    open_at = np.flatnonzero(model.open_ended[bands])
    ends_all = list(zip(x1[open_at].tolist(), y0[open_at].tolist(), y1[open_at].tolist()))
    o_at = np.searchsorted(open_at, at).tolist()
    disputed_at = np.flatnonzero(model.priority[bands] & 1)
    badge_all = list(zip((np.maximum(a_s, layout.left) + 4)[disputed_at].tolist(),
                         (ys + h / 2)[disputed_at].tolist()))
    d_at = np.searchsorted(disputed_at, at).tolist()
    a_l, b_l, y_l = a_s.tolist(), b_s.tolist(), ys.tolist()
    result = []
    for lane in range(n):
        s, e = at[lane], at[lane + 1]
        if s == e:
            result.append(empty)
            continue
        # Open periods often end together ("now"): an arrowhead drawn over an identical one adds
        # nothing, so each is drawn once.
        ends = dict.fromkeys(ends_all[o_at[lane]:o_at[lane + 1]])
        arrows = [QPolygonF([QPointF(b, y - 2), QPointF(b + h * 0.8, (y + bottom) / 2), QPointF(b, bottom + 2)])
                  for b, y, bottom in ends]
        badges = [QPointF(bx, by) for bx, by in badge_all[d_at[lane]:d_at[lane + 1]]]
        result.append(_Bands(ids[s:e], rects[s:e], arrows, badges, a_l[s:e], b_l[s:e], y_l[s:e]))
    return result


class _Groups:
    """One lane's groups ready to paint: the counted boxes' outer and inner rects with their counts
    (placed static texts), and the hatched boxes' rects."""

    __slots__ = ("outer", "inner", "texts", "hatched")

    def __init__(self, outer, inner, texts, hatched) -> None:
        self.outer, self.inner, self.texts, self.hatched = outer, inner, texts, hatched


def _aggregate_geometry(view: "TimelineView", whole) -> list:
    """Every lane's `_Groups`, from one pass over the groups `whole` (`Aggregates`): a light box with
    the count where it fits, hatched where it does not. Only counts that may fit are written out."""
    n = len(view.model.lanes)
    if not len(whole):
        return [None] * n
    counts = whole.counts
    r = view.marker / 2
    h = 2 * r
    y = view.marker_ys()[whole.lane] - r
    digit = view.fm_small.horizontalAdvance("0")  # Atkinson's digits share one width
    xs = whole.px0 - r
    ws = whole.px1 - whole.px0 + 2 * r
    # A count can fit only where its digits alone do (grouping marks only add width).
    digits = np.floor(np.log10(np.maximum(counts, 1))).astype(np.int64) + 1
    maybe = np.flatnonzero(digit * digits + 8 <= ws)
    # Each count's text, laid out once per look with its width (a zoom frame writes hundreds).
    written = [count_text(view, format_number(c)) for c in counts[maybe].tolist()]
    fits = digit * np.array([len(w[0]) for w in written], dtype=np.int64) + 8 <= ws[maybe]
    boxed = maybe[fits].tolist()
    written = [w for w, ok in zip(written, fits.tolist()) if ok]
    hatched = np.ones(len(counts), dtype=bool)
    hatched[boxed] = False
    dpr, line = view.devicePixelRatioF(), crisp_line(view)
    x0, x1 = snap(xs, dpr), snap(xs + ws, dpr)
    y0, y1 = snap(y, dpr), snap(y + h, dpr)
    lane_at = np.searchsorted(whole.lane, np.arange(n + 1), "left")
    h_idx = np.flatnonzero(hatched)
    h_at = np.searchsorted(h_idx, lane_at).tolist()
    h_rects = box_rects(x0[h_idx], x1[h_idx], y0[h_idx], y1[h_idx], line, dpr)
    b_at = np.searchsorted(np.asarray(boxed, dtype=np.int64), lane_at).tolist()
    outer = inner = np.zeros((0, 4))
    placed = []
    if boxed:
        # Two fills: every box in colour, then every inside in the background, so the count reads
        # on it and boxes that touch share one outline (no wall runs through a count).
        middle = y[boxed] + h / 2
        half = count_box_half(view, line)
        by0, by1 = snap(middle - half, dpr), snap(middle + half, dpr)
        tops = (middle + _digits_height(view) / 2 - view.fm_small.ascent()).tolist()  # the digits' ink centred
        widths = np.array([w[2] for w in written], dtype=float)
        lefts = (xs[boxed] + (ws[boxed] - widths) / 2).tolist()
        placed = [(QPointF(left, top), w[1]) for left, top, w in zip(lefts, tops, written)]
        ink_left = np.asarray(lefts, dtype=float)  # each count's left and right edge
        bx0, bx1 = _walls_between_counts(x0[boxed].copy(), x1[boxed].copy(), whole.lane[boxed], ink_left,
                                         ink_left + widths, line, dpr)
        outer = rect_rows(bx0, by0, bx1 - bx0, by1 - by0)
        inner = rect_rows(bx0 + line, by0 + line, bx1 - bx0 - 2 * line, by1 - by0 - 2 * line)
    result = []
    for lane in range(n):
        if lane_at[lane] == lane_at[lane + 1]:
            result.append(None)
            continue
        s, e = b_at[lane], b_at[lane + 1]
        result.append(_Groups(outer[s:e], inner[s:e], placed[s:e], h_rects[h_at[lane]:h_at[lane + 1]]))
    return result


def count_text(view, text: str) -> tuple:
    """A group's count (its text) as (text, its `QStaticText`, its width), laid out and measured
    once per look: a zoom frame writes hundreds of counts, most of them seen the frame before."""
    kept = view._count_texts.get(text)
    if kept is None:
        if len(view._count_texts) > 4096:
            view._count_texts.clear()
        static = view.static_text(text)
        kept = view._count_texts[text] = (text, static, static.size().width())
    return kept


def _walls_between_counts(bx0: np.ndarray, bx1: np.ndarray, lanes: np.ndarray, ink_left: np.ndarray,
                          ink_right: np.ndarray, line: float, dpr: float) -> tuple[np.ndarray, np.ndarray]:
    """Counted boxes that touch or overlap in a lane share one outline; where the gap between their
    counts has room, a one-line wall now stands in it, so "3" and "6" read as two groups, not "3 6"
    in one box. Without room (counts closer than a wall and a pixel each side) they stay as one.
    Each neighbouring pair sets only its own two walls from the boxes as given, so all pairs are
    worked out at once (a zoom frame has hundreds)."""
    if len(bx0) < 2:
        return bx0, bx1
    a_r, b_l = ink_right[:-1], ink_left[1:]
    wall = snap((a_r + b_l - line) / 2, dpr)
    split = (lanes[:-1] == lanes[1:]) & ~(bx1[:-1] < bx0[1:]) & (a_r + 1 <= wall) & (wall + line + 1 <= b_l)
    at = np.flatnonzero(split)
    bx1[at], bx0[at + 1] = wall[at] + line, wall[at]  # the two boxes' walls fall on the same pixels
    return bx0, bx1


def paint_lane(view: "TimelineView", p: QPainter, layout, lane: int, parts: tuple) -> None:
    """One lane's facts: its bands, grouped marks and markers (kept inside the plot), then its labels."""
    markers, bands, aggregates, labels, groups = parts
    theme = view.theme
    fg, muted = QColor(theme.foreground), QColor(theme.muted)
    p.save()
    # Whole pixels: Qt clips to a fractional rectangle through a path, a whole one directly.
    x0, x1 = math.floor(layout.left - view.marker), math.ceil(layout.right + view.marker)
    p.setClipRect(QRect(x0, 0, x1 - x0, math.ceil(view.lane_top(len(view.model.lanes)))))
    _paint_bands(view, p, bands, lane)
    _paint_aggregates(view, p, fg, aggregates, groups, lane)
    _paint_markers(view, p, layout, markers)
    p.restore()
    _paint_labels(view, p, fg, muted, labels)


def paint_focus_frame(view: "TimelineView", p: QPainter) -> None:
    """A visible keyboard-focus frame round the widget."""
    p.setPen(pen(QColor(view.theme.highlight), 3))
    p.setBrush(_NO_BRUSH)
    p.drawRect(QRectF(1.5, 1.5, view.width() - 3, view.height() - 3))


def paint_highlight_span(view, p: QPainter) -> None:
    """A chart value in focus: its period as a soft column across the lanes (over the grid, under
    the facts; painted as the layers are shown, so focusing a value repaints no layer)."""
    if view.highlight_span is None:
        return
    bottom = axis_y(view)
    a, b = (view.x_of(x) for x in view.highlight_span)
    if b - a < 3:
        a, b = a - 1.5, b + 1.5
    colour = QColor(view.theme.highlight)
    colour.setAlpha(70)
    gutter = view.gutter_width()
    if b > gutter:  # never over the lane names
        a = max(a, gutter)
        p.fillRect(QRectF(a, 4, b - a, bottom - 4), colour)


def _paint_lane_names(view, p: QPainter) -> None:
    """Lane names with their colour and shape (the legend)."""
    gutter = view.gutter_width()
    for lane in range(len(view.model.lanes)):
        y = view.marker_y(lane)
        colour = category_colour(view.theme, lane)
        p.setPen(pen(QColor(view.theme.foreground), 1))
        p.setBrush(brush(colour))
        p.drawPath(shape_path(view.theme.category_shape(lane), QPointF(8 + view.marker / 2, y), view.marker))
        p.setFont(view.font_bold)
        p.setPen(QColor(view.theme.foreground))
        name_x = 14 + view.marker
        lines = view.lane_name_lines(lane)
        step = view.fm_bold.lineSpacing()
        # Centred on the marker row, kept inside the lane (a two-line name may not fit around the row).
        top = y - step * len(lines) / 2
        top = max(view.lane_top(lane) + 2, min(top, view.lane_top(lane) + view.lane_height(lane) - 2 - step * len(lines)))
        for k, line in enumerate(lines):
            name = view.fm_bold.elidedText(line, _ELIDE, gutter - name_x - 4)
            p.drawText(QRectF(name_x, top + k * step, gutter - name_x, step),
                       _LEFT, name)


def _paint_off_screen(view, p: QPainter, layout, muted: QColor) -> None:
    """How many facts of each lane lie off each edge of the view, clear of the marks and group
    boxes at the plot's edges (they reach half a marker past it)."""
    gutter = view.gutter_width()
    clear = view.edge_clearance()
    left, right = layout.left - clear, layout.right + clear
    p.setFont(view.font_small)
    p.setPen(muted)
    below = visible_bottom(view) + view.line_h / 2  # a count whose row starts below the widget cannot show
    for lane in np.flatnonzero((layout.off_left > 0) | (layout.off_right > 0)).tolist():
        y = view.marker_y(lane)
        if y >= below:
            continue
        if layout.off_left[lane]:
            p.drawText(QRectF(gutter, y - view.line_h / 2, left - gutter, view.line_h),
                       _RIGHT, f"‹ {format_number(layout.off_left[lane])}")
        if layout.off_right[lane]:
            p.drawText(QRectF(right, y - view.line_h / 2, view.width() - right, view.line_h),
                       _LEFT, f"{format_number(layout.off_right[lane])} ›")


def _paint_bands(view, p: QPainter, geo: "_Bands", lane: int) -> None:
    """One lane's periods as bands: one batched draw per alpha (same colour: the order within a
    lane does not change the picture), then arrowheads, badges and the focused band's ring."""
    if not len(geo):
        return
    theme = view.theme
    hovered = view.hover[1] if view.hover and view.hover[0] == "item" else -1
    focus = view.focus_index
    lifted = [k for k, index in enumerate(geo.ids) if index == focus or index == hovered]  # drawn stronger
    style = lane_style(view, lane)
    p.setRenderHint(_ANTIALIAS, False)
    p.setPen(style.outline)
    if lifted:
        rest = np.delete(geo.rects, lifted, axis=0)
        if len(rest):
            p.setBrush(style.band)
            draw_rects(p, rest)
        p.setBrush(style.band_lifted)
        draw_rects(p, geo.rects[lifted])
    else:
        p.setBrush(style.band)
        draw_rects(p, geo.rects)
    p.setRenderHint(_ANTIALIAS, True)
    if geo.arrows:  # still going: an arrowhead at the end (antialiased: it is not axis-aligned)
        p.setBrush(style.arrow_brush)
        p.setPen(style.arrow_pen)
        for arrow in geo.arrows:
            p.drawPolygon(arrow)
    for centre in geo.badges:
        _paint_dispute_badge(view, p, centre)
    if focus in geo.ids:
        h = view.band_h()
        for k in [k for k, index in enumerate(geo.ids) if index == focus]:
            a, b, y = geo.a[k], geo.b[k], geo.y[k]
            p.setBrush(_NO_BRUSH)
            for colour_, width in ((theme.foreground, theme.line_width + 4), (theme.highlight, theme.line_width + 1)):
                p.setPen(pen(QColor(colour_), width))
                p.drawRoundedRect(QRectF(a - 2, y - 2, b - a + 4, h + 4), h / 3, h / 3)


class _MarkerStyle:
    """One lane's marker pens and brushes, made once per look (each marker used to make its own)."""

    __slots__ = ("colour", "shape", "bracket", "tail", "hollow", "outline", "fill", "background", "hover")

    def __init__(self, view, lane: int) -> None:
        theme = view.theme
        colour = self.colour = category_colour(theme, lane)
        self.shape = theme.category_shape(lane)
        self.bracket = pen(colour, max(1.5, theme.line_width * 0.75))
        self.tail = pen(colour, max(1.5, theme.line_width * 0.75), _DASH)
        self.hollow = pen(colour, max(2.0, theme.line_width))
        self.outline = pen(QColor(theme.foreground), 1)
        self.fill = brush(colour)
        self.background = QColor(theme.background)
        self.hover = pen(QColor(theme.muted), theme.line_width + 1)


def marker_style(view, lane: int) -> _MarkerStyle:
    """`view`'s kept marker style for `lane` (kept per look)."""
    return _kept_style(view, ("marker", lane), lambda: _MarkerStyle(view, lane))


def _paint_markers(view, p: QPainter, layout, ks: np.ndarray) -> None:
    """Markers at positions `ks` of `layout.markers` (one lane's)."""
    if not len(ks):
        return
    m = view.marker
    scale = (layout.right - layout.left) / (layout.view[1] - layout.view[0])
    model = view.model
    indices = layout.markers[ks]
    # Each marker's facts read as arrays, once (the same float64 arithmetic as one by one).
    spans = ((model.x1[indices] - model.x0[indices]) * scale).tolist()
    statements = (model.kind[indices] == STATEMENT).tolist()
    disputed = (model.priority[indices] & 1).astype(bool).tolist()
    lanes = model.lane[indices].tolist()
    ys = view.marker_ys()
    focus, hover = view.focus_index, view.hover
    for index, x, span, statement, badge, lane in zip(indices.tolist(), layout.marker_px[ks].tolist(), spans,
                                                      statements, disputed, lanes):
        style = marker_style(view, lane)
        y = float(ys[lane])
        if span > m * 0.8:  # the date is known only to a month or a year: bracket the days it may mean
            a = x - span / 2
            yb = y + m / 2 + 1  # under the marker row's text, so an inline label stays clean
            p.setPen(style.bracket)
            p.drawLine(QPointF(a, yb), QPointF(a + span, yb))
            p.drawLine(QPointF(a, yb - m / 2), QPointF(a, yb))
            p.drawLine(QPointF(a + span, yb - m / 2), QPointF(a + span, yb))
            p.drawLine(QPointF(x, yb), QPointF(x, y))
        if statement:  # a standing statement: hollow, with a dashed "true from here on" tail
            p.setPen(style.tail)
            p.drawLine(QPointF(x + m / 2, y), QPointF(x + m * 2.2, y))
        if index == focus:
            _paint_focus_ring(view, p, QPointF(x, y))
        elif hover == ("item", index):
            p.setPen(style.hover)
            p.setBrush(_NO_BRUSH)
            p.drawEllipse(QPointF(x, y), m * 0.85, m * 0.85)
        path = shape_path(style.shape, QPointF(x, y), m)
        if statement:
            p.setPen(style.hollow)
            p.setBrush(style.background)
        else:
            p.setPen(style.outline)
            p.setBrush(style.fill)
        p.drawPath(path)
        if badge:
            _paint_dispute_badge(view, p, QPointF(x + m * 0.75, y - m * 0.6))


def _paint_focus_ring(view, p: QPainter, centre: QPointF) -> None:
    """The focused marker's ring: the highlight colour edged in the foreground colour, so it stands
    out on any lane colour and on the background (amber alone on white is too faint to project)."""
    theme, m = view.theme, view.marker
    width = theme.line_width + 2
    radius = m * 0.95
    p.setBrush(_NO_BRUSH)
    p.setPen(pen(QColor(theme.foreground), width + 3))
    p.drawEllipse(centre, radius, radius)
    p.setPen(pen(QColor(theme.highlight), width))
    p.drawEllipse(centre, radius, radius)


def _paint_dispute_badge(view, p: QPainter, centre: QPointF) -> None:
    """A small dark circle with "!": another source disputes this fact."""
    r = max(5.0, view.marker * 0.45)
    edge, fill, ink = _badge_style(view)
    p.setPen(edge)
    p.setBrush(fill)
    p.drawEllipse(centre, r, r)
    p.setPen(ink)
    p.setFont(view.font_bold)
    p.drawText(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r), _CENTRE, "!")


def _badge_style(view) -> tuple:
    """The dispute badge's edge pen, fill and "!" colour (made once per look: a frame at 100,000
    events draws a badge on every disputed band and marker in view)."""
    dark = view.theme.dark
    return _kept_style(view, "badge", lambda: (pen(QColor(view.theme.background), 1),
                                               QColor("#A84A00" if not dark else "#FFB000"),
                                               QColor("#FFFFFF" if not dark else "#000000")))


def _digits_height(view) -> float:
    """The digits' ink height in the small font (measured once per look: each counted box asks)."""
    if view._digits_h is None:
        view._digits_h = view.fm_small.tightBoundingRect("0123456789").height()
    return view._digits_h


def count_box_half(view, line: int) -> float:
    """Half the height of a group box with a count: a marker's, or, if taller, its digits' with a
    pixel of air inside the outline, so that the count never runs over the outline."""
    return max(view.marker, _digits_height(view) + 2 * line + 2) / 2


def _paint_aggregates(view, p: QPainter, fg: QColor, cut: slice, groups: "_Groups | None", lane: int) -> None:
    """Grouped facts (the groups `cut` of the layout's, one lane's, ready as `groups`): counted boxes
    and hatched boxes, one batched draw per kind, so thousands of groups stay cheap."""
    if groups is not None:
        style = lane_style(view, lane)
        # Axis-aligned boxes: whole device pixels, a crisp outline and plain fills, batched per style.
        p.setRenderHint(_ANTIALIAS, False)
        if len(groups.outer):
            p.setPen(_NO_PEN)
            p.setBrush(style.colour)
            draw_rects(p, groups.outer)
            p.setBrush(QColor(view.theme.background))
            draw_rects(p, groups.inner)
        if len(groups.hatched):
            p.setPen(style.outline)
            p.setBrush(style.group)
            draw_rects(p, groups.hatched)
            p.setPen(_NO_PEN)  # the hatching stays inside the outline
            p.setBrush(style.hatch)
            draw_rects(p, groups.hatched)
        p.setRenderHint(_ANTIALIAS, True)
        p.setFont(view.font_small)
        p.setPen(fg)
        for point, static in groups.texts:
            p.drawStaticText(point, static)
    if view.hover and view.hover[0] == "aggregate" and cut.start <= view.hover[1] < cut.stop:
        p.setPen(pen(QColor(view.theme.muted), 2))
        p.setBrush(_NO_BRUSH)
        p.drawRect(view.aggregate_rect(view.hover[1]).adjusted(-2, -2, 2, 2))


def _paint_labels(view, p: QPainter, fg: QColor, muted: QColor, labels) -> None:
    if not labels:
        return
    leader = QColor(muted)
    leader.setAlpha(140)
    leader_pen = pen(leader, 1)
    # A quiet backing so a date bracket, grid or leader line never runs through the text.
    backing = QColor(view.theme.background)
    backing.setAlpha(215)
    texts = view._label_texts
    for label in labels:
        index = label.index
        lane = label.lane
        top = view.label_y(lane, label.row)
        anchor = view.marker_point(index)
        if anchor is not None and label.row > 0:
            p.setPen(leader_pen)
            x = min(max(anchor.x(), label.x), label.x + label.width)
            p.drawLine(QPointF(anchor.x(), anchor.y() - view.marker / 2 - 1), QPointF(x, top + view.line_h - 2))
        focused = index == view.focus_index
        font, fm = (view.font_bold, view.fm_bold) if focused else (view.font_main, view.fm)
        p.fillRect(QRectF(label.x - 2, top + 2, label.width + 4, view.line_h - 4), backing)
        if focused:
            back = QColor(view.theme.highlight)
            back.setAlpha(90)
            p.fillRect(QRectF(label.x - 2, top, label.width + 4, view.line_h - 1), back)
        p.setFont(font)
        # The elided date and title, worked out once per fact, width and weight (a lane painted
        # again shows mostly the labels it showed before; cleared with the look and the size).
        key = (index, label.width, focused)
        written = texts.get(key)
        if written is None:
            if len(texts) > 4096:
                texts.clear()
            date = view.text.date_label(index)
            date_w = fm.horizontalAdvance(date + "  ")
            title = (fm.elidedText(view.text.title(index), _ELIDE, label.width - date_w)
                     if date_w < label.width else None)
            written = texts[key] = (fm.elidedText(date, _ELIDE, label.width), date_w, title)
        date, date_w, title = written
        rect = QRectF(label.x, top, label.width, view.line_h)
        p.setPen(muted if not focused else fg)
        p.drawText(rect, _LEFT, date)
        if title is not None:
            p.setPen(fg)
            p.drawText(rect.adjusted(date_w, 0, 0, 0), _LEFT, title)


def _paint_key(view, p: QPainter, axis_y: float, fg: QColor, muted: QColor) -> None:
    """Below the lane names: what a band, a hollow mark and a hatched box mean."""
    gutter = view.gutter_width() + view.edge_width() - 8
    m = view.marker
    y = axis_y + 6 + view.line_h / 2
    p.setFont(view.font_small)
    items = [("band", tr("period")), ("hollow", tr("as of")), ("hatch", tr("grouped"))]
    x = 6.0
    for row_items in (items,):
        x = 6.0
        for kind, word in row_items:
            width = m * 1.6 + 4 + view.fm_small.horizontalAdvance(word) + 10
            if x + width > gutter:
                break
            colour = QColor(muted)
            if kind == "band":
                p.setPen(pen(colour, 1.2))
                p.setBrush(brush(colour, 90))
                p.drawRoundedRect(QRectF(x, y - view.band_h() / 2, m * 1.6, view.band_h()), 2, 2)
            elif kind == "hollow":
                p.setPen(pen(colour, 2))
                p.setBrush(_NO_BRUSH)
                p.drawEllipse(QPointF(x + m / 2, y), m / 2 - 1, m / 2 - 1)
                p.setPen(pen(colour, 1.5, _DASH))
                p.drawLine(QPointF(x + m, y), QPointF(x + m * 1.6, y))
            else:
                p.setPen(pen(colour, 1.2))
                p.setBrush(QBrush(colour, _HATCH))
                p.drawRoundedRect(QRectF(x, y - m / 2, m * 1.6, m), 2, 2)
            p.setPen(muted)
            p.drawText(QRectF(x + m * 1.6 + 4, y - view.line_h / 2, width, view.line_h),
                       _LEFT, word)
            x += width
        y += view.line_h
