"""Axes that read like a chart in a textbook: years and months on time, thousands separators on values."""
from __future__ import annotations

import math
from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt

from ..dataset.dates import date_from_decimal_year, decimal_year
from .chart_data import format_number

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
_MONTH_STEPS = (1, 2, 3, 6)
_DAY_STEPS = (1, 2, 7, 14)


class _KeptLabel:
    """An axis that gives its title (a QGraphicsTextItem) its HTML only when the HTML changes.

    pyqtgraph sets the title's HTML again for every new range (to scale its units automatically),
    every frame of a pan or zoom on each axis; the same text laid out again gives the same title.
    The rest of pyqtgraph's step (size, the tick picture dropped, a repaint) is kept as it is.
    """

    labels_set = 0  # titles given their HTML (a test counts them)
    _label_html = None  # the HTML the title was last given here

    def _updateLabel(self):  # noqa: N802 - pyqtgraph override
        text = self.labelString()
        if text != self._label_html:
            self._label_html = text
            self.label.setHtml(text)
            _KeptLabel.labels_set += 1
        self._adjustSize()
        self.picture = None
        self.update()


class TimeAxis(_KeptLabel, pg.AxisItem):
    """A decimal-year axis with ticks on year, month or day starts, labelled as dates."""

    def tickValues(self, minVal, maxVal, size):  # noqa: N802 - pyqtgraph override
        if not (math.isfinite(minVal) and math.isfinite(maxVal)) or maxVal <= minVal:
            return []
        label_px = max(60.0, self._label_width())
        most = max(2, int(size / label_px))
        span = maxVal - minVal
        if span / 1 <= most and span < 3:
            return self._calendar_ticks(minVal, maxVal, most)
        step = next((s for s in _YEAR_STEPS if span / s <= most), _YEAR_STEPS[-1])
        first = math.ceil(minVal / step) * step
        majors = [float(v) for v in range(int(first), int(maxVal) + 1, step)]
        return [(float(step), majors)]

    def _label_width(self) -> float:
        font = self.style.get("tickFont")
        size = font.pointSizeF() if font is not None and font.pointSizeF() > 0 else 10.0
        return size * 6.5

    def _calendar_ticks(self, lo: float, hi: float, most: int):
        months = (hi - lo) * 12
        if months / 1 > most or months >= 3:
            step = next((s for s in _MONTH_STEPS if months / s <= most), 12)
            start = date_from_decimal_year(lo)
            y, m = start.year, start.month
            ticks = []
            while True:
                m0 = (m - 1) // step * step + 1
                x = decimal_year(date(y, m0, 1))
                if x > hi:
                    break
                if x >= lo:
                    ticks.append(x)
                m = m0 + step
                if m > 12:
                    y, m = y + 1, m - 12
            return [(step / 12.0, ticks)]
        days = (hi - lo) * 365
        step = next((s for s in _DAY_STEPS if days / s <= most), 28)
        ordinal = date_from_decimal_year(lo).toordinal()
        ticks = []
        while True:
            x = decimal_year(date.fromordinal(ordinal))
            if x > hi:
                break
            if x >= lo:
                ticks.append(x)
            ordinal += step
        return [(step / 365.0, ticks)]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph override
        labels = []
        for v in values:
            day = date_from_decimal_year(v + 1e-9)
            if spacing >= 0.99:
                labels.append(str(round(v)))
            elif spacing >= 1 / 13:
                labels.append(f"{_MONTHS[day.month - 1]} {day.year}" if day.month == 1 or spacing >= 0.24
                              else _MONTHS[day.month - 1])
            else:
                labels.append(f"{day.day} {_MONTHS[day.month - 1]}")
        return labels


def _thin_see_through(pen) -> bool:
    """A 1 px solid line in a see-through colour: Qt's raster engine draws these a pixel at a time."""
    return (pen.style() == Qt.PenStyle.SolidLine and pen.widthF() <= 1.0 and pen.color().alpha() < 255
            and pen.brush().style() == Qt.BrushStyle.SolidPattern)


class ValueAxis(_KeptLabel, pg.AxisItem):
    """A value axis whose labels carry thousands separators (70,000 not 70000) and, on log, powers of ten.

    Its grid lines (see-through, across the whole plot) are filled as 1 px rectangles: the same pixels
    and colour as pyqtgraph's lines (give or take the end pixel), at a fraction of the cost (~1 ms per
    axis per frame with a dozen lines in Qt's software painter).
    """

    def drawPicture(self, p, axisSpec, tickSpecs, textSpecs):  # noqa: N802, N803 - pyqtgraph override
        p.setRenderHint(p.RenderHint.Antialiasing, False)
        p.setRenderHint(p.RenderHint.TextAntialiasing, True)
        pen, p1, p2 = axisSpec
        p.setPen(pen)
        p.drawLine(p1, p2)
        for pen, p1, p2 in tickSpecs:
            if _thin_see_through(pen) and (p1.y() == p2.y() or p1.x() == p2.x()):
                # An aliased 1 px line at y covers the pixel row whose centre lies in [y - 0.5, y + 0.5).
                if p1.y() == p2.y():
                    rect = QRectF(min(p1.x(), p2.x()), p1.y() - 0.5, abs(p2.x() - p1.x()), 1.0)
                else:
                    rect = QRectF(p1.x() - 0.5, min(p1.y(), p2.y()), 1.0, abs(p2.y() - p1.y()))
                p.fillRect(rect, pen.color())
            else:
                p.setPen(pen)
                p.drawLine(p1, p2)
        if self.style["tickFont"] is not None:
            p.setFont(self.style["tickFont"])
        p.setPen(self.textPen())
        p.setClipRect(self.boundingRect().toAlignedRect())
        for rect, flags, text in textSpecs:
            p.drawText(rect, int(flags), text)

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph override
        if self.logMode:
            return [format_number(round(10 ** v, 10)) if abs(v) < 15 else f"1e{v:g}" for v in values]
        places = max(0, math.ceil(-math.log10(spacing * scale))) if spacing > 0 else 0
        return [format_number(round(v * scale, places)) for v in values]
