"""Painting the timeline from its layout: lanes, axis, bands, markers, aggregates, labels.

Only what the layout lists is drawn, so a frame costs the same at 100 events
and at 100,000. Colour is never the only cue: each lane has a name and a
marker shape, periods are bands, standing statements are hollow with an
"as of" tail, grouped facts are hatched with their count, a disputed fact
carries a "!" badge, and an uncertain date is drawn as a bracket across all
the days it may mean.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter

from .i18n import format_number
from .timeline_axis import axis_ticks
from .timeline_layout import STATEMENT
from .timeline_text import tr
from .timeline_view import brush, category_colour, pen, shape_path

if TYPE_CHECKING:
    from .timeline_view import TimelineView


def paint_timeline(view: "TimelineView", p: QPainter) -> None:
    """Draw the whole widget."""
    theme = view.theme
    layout = view.current_layout()
    fg, muted, grid = QColor(theme.foreground), QColor(theme.muted), QColor(theme.grid)
    p.fillRect(view.rect(), QColor(theme.background))
    left, right = layout.left, layout.right
    n_lanes = len(view.model.lanes)
    lanes_bottom = view.lane_top(n_lanes)

    # Lanes: a faint alternating wash so the eye follows a row.
    shade = QColor(fg)
    shade.setAlpha(10 if not theme.dark else 22)
    for lane in range(n_lanes):
        if lane % 2:
            p.fillRect(QRectF(0, view.lane_top(lane), view.width(), view.lane_height(lane)), shade)

    # Axis ticks and vertical grid.
    ticks = axis_ticks(layout.view[0], layout.view[1], right - left, view.fm.horizontalAdvance("00 Sep 0000") + 16)
    p.setFont(view.font_main)
    axis_y = lanes_bottom + 2
    p.setPen(pen(grid, 1))
    p.drawLine(QPointF(left, axis_y), QPointF(right, axis_y))
    for tick in ticks:
        x = view.x_of(tick.x)
        p.setPen(pen(grid, 1.5 if tick.major else 1))
        p.drawLine(QPointF(x, 4), QPointF(x, axis_y + 5))
        p.setPen(pen(fg if tick.major else muted, 1))
        p.setFont(view.font_bold if tick.major else view.font_main)
        width = view.fm_bold.horizontalAdvance(tick.label) + 2
        tx = min(max(x - width / 2, left - 2), view.width() - width)
        p.drawText(QRectF(tx, axis_y + 6, width, view.line_h), Qt.AlignmentFlag.AlignCenter, tick.label)

    _paint_highlight_span(view, p, axis_y)
    _paint_gutter(view, p, layout, muted)
    p.setClipRect(QRectF(left - view.marker, 0, right - left + 2 * view.marker, lanes_bottom))
    _paint_bands(view, p, layout, fg)
    _paint_aggregates(view, p, layout, fg)
    _paint_markers(view, p, layout, fg)
    p.setClipping(False)
    _paint_labels(view, p, layout, fg, muted)
    _paint_key(view, p, axis_y, fg, muted)

    if view.hasFocus():  # a visible keyboard-focus frame
        p.setPen(pen(QColor(theme.highlight), 3))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(1.5, 1.5, view.width() - 3, view.height() - 3))


def _paint_highlight_span(view, p: QPainter, axis_y: float) -> None:
    """A chart value in focus: its period as a soft column across the lanes."""
    if view.highlight_span is None:
        return
    a, b = (view.x_of(x) for x in view.highlight_span)
    if b - a < 3:
        a, b = a - 1.5, b + 1.5
    colour = QColor(view.theme.highlight)
    colour.setAlpha(70)
    p.fillRect(QRectF(a, 4, b - a, axis_y - 4), colour)


def _paint_gutter(view, p: QPainter, layout, muted: QColor) -> None:
    """Lane names with their colour and shape (the legend), and counts of facts off each edge."""
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
            name = view.fm_bold.elidedText(line, Qt.TextElideMode.ElideRight, gutter - name_x - 4)
            p.drawText(QRectF(name_x, top + k * step, gutter - name_x, step),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
        p.setFont(view.font_small)
        p.setPen(muted)
        edge = view.edge_width()
        if layout.off_left[lane]:
            p.drawText(QRectF(gutter, y - view.line_h / 2, edge - 4, view.line_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, f"‹ {format_number(layout.off_left[lane])}")
        if layout.off_right[lane]:
            p.drawText(QRectF(layout.right + 4, y - view.line_h / 2, edge - 4, view.line_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, f"{format_number(layout.off_right[lane])} ›")


def _paint_bands(view, p: QPainter, layout, fg: QColor) -> None:
    """Periods as bands: one batched draw per lane (same colour, same alpha: the order within
    a lane does not change the picture), then arrowheads, badges and the focused band's ring."""
    bands = layout.bands
    if not len(bands):
        return
    model, theme = view.model, view.theme
    h = view.band_h()
    lanes = model.lane[bands]
    ys = view.marker_ys()[lanes] + view.row_height() / 2 + 2 + model.band_row[bands] * (h + 2)
    a_s = np.maximum(layout.band_px0, -10.0)
    b_s = np.minimum(layout.band_px1, view.width() + 10.0)
    hovered = view.hover[1] if view.hover and view.hover[0] == "item" else -1
    lifted = (bands == view.focus_index) | (bands == hovered)  # drawn stronger
    colours = {lane: category_colour(theme, lane) for lane in set(lanes.tolist())}
    rects = [QRectF(a, y, b - a, h) for a, b, y in zip(a_s.tolist(), b_s.tolist(), ys.tolist())]
    for lane, colour in sorted(colours.items()):
        p.setPen(pen(colour, 1.5))
        for alpha, which in ((95, ~lifted), (150, lifted)):
            chosen = np.flatnonzero((lanes == lane) & which)
            if len(chosen):
                p.setBrush(brush(colour, alpha))
                p.drawRects([rects[k] for k in chosen.tolist()])
    for k in np.flatnonzero(model.open_ended[bands]).tolist():  # still going: an arrowhead at the end
        colour = colours[int(lanes[k])]
        b, y = float(b_s[k]), float(ys[k])
        p.setPen(pen(colour, 1.5))
        p.setBrush(brush(colour))
        p.drawPolygon([QPointF(b, y - 2), QPointF(b + h * 0.8, y + h / 2), QPointF(b, y + h + 2)])
    for k in np.flatnonzero(model.priority[bands] & 1).tolist():
        _paint_dispute_badge(view, p, QPointF(max(float(a_s[k]), layout.left) + 4, float(ys[k]) + h / 2))
    for k in np.flatnonzero(bands == view.focus_index).tolist():
        a, b, y = float(a_s[k]), float(b_s[k]), float(ys[k])
        p.setBrush(Qt.BrushStyle.NoBrush)
        for colour, width in ((theme.foreground, theme.line_width + 4), (theme.highlight, theme.line_width + 1)):
            p.setPen(pen(QColor(colour), width))
            p.drawRoundedRect(QRectF(a - 2, y - 2, b - a + 4, h + 4), h / 3, h / 3)


def _paint_markers(view, p: QPainter, layout, fg: QColor) -> None:
    m = view.marker
    theme = view.theme
    scale = (layout.right - layout.left) / (layout.view[1] - layout.view[0])
    model = view.model
    for index, x in zip(layout.markers.tolist(), layout.marker_px.tolist()):
        lane = int(model.lane[index])
        y = view.marker_y(lane)
        colour = category_colour(theme, lane)
        span = (model.x1[index] - model.x0[index]) * scale
        if span > m * 0.8:  # the date is known only to a month or a year: bracket the days it may mean
            a = x - span / 2
            yb = y + m / 2 + 1  # under the marker row's text, so an inline label stays clean
            p.setPen(pen(colour, max(1.5, theme.line_width * 0.75)))
            p.drawLine(QPointF(a, yb), QPointF(a + span, yb))
            p.drawLine(QPointF(a, yb - m / 2), QPointF(a, yb))
            p.drawLine(QPointF(a + span, yb - m / 2), QPointF(a + span, yb))
            p.drawLine(QPointF(x, yb), QPointF(x, y))
        statement = model.kind[index] == STATEMENT
        if statement:  # a standing statement: hollow, with a dashed "true from here on" tail
            p.setPen(pen(colour, max(1.5, theme.line_width * 0.75), Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x + m / 2, y), QPointF(x + m * 2.2, y))
        if index == view.focus_index:
            _paint_focus_ring(view, p, QPointF(x, y))
        elif view.hover == ("item", index):
            p.setPen(pen(QColor(theme.muted), theme.line_width + 1))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(QPointF(x, y), m * 0.85, m * 0.85)
        path = shape_path(theme.category_shape(lane), QPointF(x, y), m)
        if statement:
            p.setPen(pen(colour, max(2.0, theme.line_width)))
            p.setBrush(QColor(theme.background))
        else:
            p.setPen(pen(fg, 1))
            p.setBrush(brush(colour))
        p.drawPath(path)
        if model.priority[index] & 1:
            _paint_dispute_badge(view, p, QPointF(x + m * 0.75, y - m * 0.6))


def _paint_focus_ring(view, p: QPainter, centre: QPointF) -> None:
    """The focused marker's ring: the highlight colour edged in the foreground colour, so it stands
    out on any lane colour and on the background (amber alone on white is too faint to project)."""
    theme, m = view.theme, view.marker
    width = theme.line_width + 2
    radius = m * 0.95
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(pen(QColor(theme.foreground), width + 3))
    p.drawEllipse(centre, radius, radius)
    p.setPen(pen(QColor(theme.highlight), width))
    p.drawEllipse(centre, radius, radius)


def _paint_dispute_badge(view, p: QPainter, centre: QPointF) -> None:
    """A small dark circle with "!": another source disputes this fact."""
    r = max(5.0, view.marker * 0.45)
    p.setPen(pen(QColor(view.theme.background), 1))
    p.setBrush(QColor("#A84A00" if not view.theme.dark else "#FFB000"))
    p.drawEllipse(centre, r, r)
    p.setPen(QColor("#FFFFFF" if not view.theme.dark else "#000000"))
    p.setFont(view.font_bold)
    p.drawText(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, "!")


def _paint_aggregates(view, p: QPainter, layout, fg: QColor) -> None:
    """Grouped facts: a light box with the count where it fits, hatched where it does not;
    one batched draw per lane and kind, so thousands of groups stay cheap."""
    aggs = layout.aggregates
    if len(aggs):
        p.setFont(view.font_small)
        r = view.marker / 2
        digit = view.fm_small.horizontalAdvance("0")  # Atkinson's digits share one width
        lanes = aggs.lane.tolist()
        x0s = (aggs.px0 - r).tolist()
        widths = (aggs.px1 - aggs.px0 + 2 * r).tolist()
        ys = (view.marker_ys()[aggs.lane] - r).tolist()
        # A count can fit only where its digits alone do (grouping marks only add width).
        digits = np.floor(np.log10(np.maximum(aggs.counts, 1))).astype(np.int64) + 1
        may_fit = (digit * digits + 8 <= aggs.px1 - aggs.px0 + 2 * r).tolist()
        counts = aggs.counts.tolist()
        boxed: dict[int, list[QRectF]] = {}
        hatched: dict[int, list[QRectF]] = {}
        texts: list[tuple[QRectF, str]] = []
        for lane, x, y, w, count, fits in zip(lanes, x0s, ys, widths, counts, may_fit):
            rect = QRectF(x, y, w, 2 * r)
            if fits:
                text = format_number(count)
                if digit * len(text) + 8 <= w:
                    texts.append((rect, text))
                    boxed.setdefault(lane, []).append(rect)
                    continue
            hatched.setdefault(lane, []).append(rect)
        background = QColor(view.theme.background)
        edge = 0.75  # half the 1.5 px outline
        for lane in sorted(set(boxed) | set(hatched)):
            colour = category_colour(view.theme, lane)
            if lane in boxed:
                # An outlined box as two fills (the outline's outer edge in colour, the inside in the
                # background): the same pixels as fill + stroke, at a third of the cost.
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(colour)
                p.drawRects([r.adjusted(-edge, -edge, edge, edge) for r in boxed[lane]])
                p.setBrush(background)
                p.drawRects([r.adjusted(edge, edge, -edge, -edge) for r in boxed[lane]])
            if lane in hatched:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(brush(colour, 60))
                p.drawRects(hatched[lane])
                p.setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern))
                p.drawRects(hatched[lane])
                p.setPen(pen(colour, 1.5))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRects(hatched[lane])
        p.setPen(fg)
        for rect, text in texts:
            static = view.static_text(text)
            size = static.size()
            p.drawStaticText(QPointF(rect.x() + (rect.width() - size.width()) / 2,
                                     rect.y() + (rect.height() - size.height()) / 2), static)
    if view.hover and view.hover[0] == "aggregate" and view.hover[1] < len(layout.aggregates):
        p.setPen(pen(QColor(view.theme.muted), 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(view.aggregate_rect(view.hover[1]).adjusted(-2, -2, 2, 2))


def _paint_labels(view, p: QPainter, layout, fg: QColor, muted: QColor) -> None:
    leader = QColor(muted)
    leader.setAlpha(140)
    for label in layout.labels:
        index = label.index
        lane = label.lane
        top = view.label_y(lane, label.row)
        anchor = view.marker_point(index)
        if anchor is not None and label.row > 0:
            p.setPen(pen(leader, 1))
            x = min(max(anchor.x(), label.x), label.x + label.width)
            p.drawLine(QPointF(anchor.x(), anchor.y() - view.marker / 2 - 1), QPointF(x, top + view.line_h - 2))
        focused = index == view.focus_index
        font, fm = (view.font_bold, view.fm_bold) if focused else (view.font_main, view.fm)
        # A quiet backing so a date bracket, grid or leader line never runs through the text.
        backing = QColor(view.theme.background)
        backing.setAlpha(215)
        p.fillRect(QRectF(label.x - 2, top + 2, label.width + 4, view.line_h - 4), backing)
        if focused:
            back = QColor(view.theme.highlight)
            back.setAlpha(90)
            p.fillRect(QRectF(label.x - 2, top, label.width + 4, view.line_h - 1), back)
        p.setFont(font)
        date = view.text.date_label(index)
        date_w = fm.horizontalAdvance(date + "  ")
        rect = QRectF(label.x, top, label.width, view.line_h)
        p.setPen(muted if not focused else fg)
        p.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                   fm.elidedText(date, Qt.TextElideMode.ElideRight, label.width))
        if date_w < label.width:
            title = fm.elidedText(view.text.title(index), Qt.TextElideMode.ElideRight, label.width - date_w)
            p.setPen(fg)
            p.drawText(rect.adjusted(date_w, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title)


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
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawEllipse(QPointF(x + m / 2, y), m / 2 - 1, m / 2 - 1)
                p.setPen(pen(colour, 1.5, Qt.PenStyle.DashLine))
                p.drawLine(QPointF(x + m, y), QPointF(x + m * 1.6, y))
            else:
                p.setPen(pen(colour, 1.2))
                p.setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern))
                p.drawRoundedRect(QRectF(x, y - m / 2, m * 1.6, m), 2, 2)
            p.setPen(muted)
            p.drawText(QRectF(x + m * 1.6 + 4, y - view.line_h / 2, width, view.line_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, word)
            x += width
        y += view.line_h
