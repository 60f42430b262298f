"""The drawing of the chart, in a pyqtgraph GraphicsLayout: one row per pair of units.

The pane drives a `ChartCanvas` on screen; the exporter builds a second one
off screen with the same settings. A row is one PlotItem: the first unit on
the left axis, the second on a right axis (a second ViewBox linked in time);
a third unit opens a second, smaller row below that shares the time axis.
Values are plain decimal-year floats. Non-exact values are drawn hollow, and
the segments that touch them dashed.

One million values stay smooth (issue 5): every line is clipped to the view
and peak-downsampled to a highest and a lowest value per pixel column
(STACK.md trap 9); markers are hidden while the values in view are closer
together than a marker could show; and while the view keeps moving over many
values, lines are drawn 1 px wide and the grid keeps only its major lines,
the themed look coming back once the view rests. Charts of a few hundred
values look the same at rest and in motion.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPen

from .chart_axes import TimeAxis, ValueAxis
from .chart_data import ChartSeries, assign_axes, distinct_part, format_number, legend_name
from .chart_items import LegendSample, MarkerItem, SampleLook
from .chart_lod import Extent, LineViewBox, PeakCurve, Peaks
from .chart_ticks import EventTicks, tick_columns  # noqa: F401 - tick_columns is part of this module's API
from .theme import Theme

MARKER_LIMIT = 3000  # above this many values a series is drawn as a line only (markers would be a blur)
# Markers show only while the values in view are at least this far apart on average (pixels):
# closer, they overlap into a blur and cost a frame's time for nothing.
MARKER_MIN_GAP_PX = 2.0
# Peak downsampling keeps one highest and one lowest value per (pixel column × this factor):
# what a line can show, at a fraction of the points pyqtgraph's default (5) keeps.
DOWNSAMPLE_FACTOR = 1.0
# With more values than this shown, a moving view is drawn lighter (1 px lines, major grid lines only):
# Qt's software painter takes ~4 ms per wide line and ~6 ms for the minor grid at 1280x720.
LIGHT_LIMIT = 20_000
LIGHT_IDLE_MS = 250  # the themed look comes back once the view has rested this long
# A line of at most this many points is drawn whole (Qt clips it to the plot): clipping and downsampling
# it anew on every frame of a pan cost more than drawing it, and would show the same picture. At 100,000
# events each daily series' dashed stretches are a line of a few dozen points: 20 of them were redone per frame.
WHOLE_LIMIT = 2000
SWATCH_HEIGHT = 20  # a legend swatch's fixed height (pyqtgraph's ItemSample): no legend row is shorter


@dataclass(repr=False)
class _Drawn:
    """One series as drawn: its items, its view, and the arrays the pointer is matched against."""

    series: ChartSeries
    vb: pg.ViewBox
    side: str
    count: int  # values shown (fewer than the series has while classroom reveal hides later ones)
    y: np.ndarray  # displayed y (log10 on a log scale; NaN where a log cannot be taken)
    items: list = field(default_factory=list)
    lines: list = field(default_factory=list)  # (item, themed pen): the solid and dashed lines
    markers: list = field(default_factory=list)  # the marker items, hidden while values in view are too close


@dataclass(repr=False)
class _Row:
    plot: pg.PlotItem
    right: pg.ViewBox | None
    units: dict[str, str]  # side → unit
    drawn: list[_Drawn] = field(default_factory=list)
    overlays: list = field(default_factory=list)  # (view, item): the focused event and value shown now
    kept: dict = field(default_factory=dict)  # the overlay items by kind, made once, moved and shown per focus
    ticks: EventTicks | None = None  # the event markers, made with the row and given each new set of events


def _give_pen(item, pen: QPen, moving: bool) -> None:
    """Give a line its pen; a long line is also told whether the view keeps moving (its level of detail)."""
    if isinstance(item, PeakCurve):
        item.set_moving(moving, pen)
    else:
        item.setPen(pen)


def _long_line(x: np.ndarray) -> dict:
    """A line's clip-to-view and peak-downsampling options, given when it is made: on for a long line.

    Given by setters once the line was in its view, each worked the line's points out for the range shown
    then (two windows per line, ~25 ms at 100,000 events), though the range the chart then sets, and the
    paint after it, call for another. Given at construction, the line is marked out of date when it joins
    its view and worked out once, at the paint, for the range it is painted at.
    """
    if len(x) <= WHOLE_LIMIT:
        return {}
    return {"clipToView": True, "autoDownsample": True, "downsampleMethod": "peak"}


def _with_breaks(x: np.ndarray, y: np.ndarray, breaks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The points with a NaN value put before each index of `breaks` (at the x of the point before it):
    np.insert's result, written with one mask instead of its general index handling."""
    n, k = len(y), len(breaks)
    at = breaks + np.arange(k)  # where each inserted point lands
    keep = np.ones(n + k, dtype=bool)
    keep[at] = False
    out_x, out_y = np.empty(n + k), np.empty(n + k)
    out_x[keep], out_y[keep] = x, y
    out_x[at], out_y[at] = x[breaks - 1], np.nan
    return out_x, out_y


def _log10(y: np.ndarray) -> np.ndarray:
    out = np.full(y.shape, np.nan)
    positive = y > 0
    out[positive] = np.log10(y[positive])
    return out


class ChartCanvas(QObject):
    """Draws a set of series into a GraphicsLayout and answers "which value is under this point?"."""

    x_range_changed = Signal(float, float)
    rebuilt = Signal()  # everything was drawn anew (hover items included)

    def __init__(self, layout: pg.GraphicsLayout, theme: Theme, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.layout = layout
        self.theme = theme
        self.series: list[ChartSeries] = []
        self.rows: list[_Row] = []
        self.legend: pg.LegendItem | None = None
        self.log_y = False
        self.reveal_until: float | None = None
        self.event_xs = np.empty(0)
        self.marker: tuple[float, float] | None = None  # focused event: (x0, x1); x1 == x0 for a moment
        self.marker_label = ""
        self.ring: tuple[str, int] | None = None  # focused value: (series_id, index)
        self._x_range: tuple[float, float] | None = None
        self._next_range: tuple[float, float] | None = None  # the range the next rebuild draws at
        self.tooltip: pg.TextItem | None = None
        self._crosshair: list[tuple[pg.ViewBox, pg.InfiniteLine]] = []
        self._hline: pg.InfiniteLine | None = None
        self._tooltip_vb: pg.ViewBox | None = None
        self._legend_fit: tuple[int, float] = (1, 0.0)
        # While True the legend is made but left empty: the owner has no real size yet, and the first
        # one (refit_legend) would lay it out again for that size. Filled once, at the size it is shown at.
        self.legend_waits_for_size = False
        self.size_hint = lambda: (1000.0, 600.0)  # the owner says how big the chart will be laid out
        # The owner says whether it may show a legend at least this tall (pixels): while it certainly will
        # not (the series list is the key at the desk; classroom mode has its own), the legend is left
        # unfilled, and filled by bring_legend_up_to_date when it may show. An export always shows it.
        self.legend_may_show = lambda least_height: True
        self._legend_stale = False  # the legend's entries are not those of the series drawn (left for now)
        self.legend_fills = 0  # legends filled or relabelled (a test counts them)
        self._many = False  # more than LIGHT_LIMIT values shown: a moving view is drawn light
        # (series id, count, log) -> (series, what its drawing needs: the lines' Peaks and Extent, and the
        # built lines and markers for the theme they were made in)
        self._lod_cache: dict = {}
        self._lod_used: dict = {}
        self._light = False
        self._restore_pens = False
        self._made_for = None
        self._drawn_series: list[ChartSeries] = []  # the series the plots show, in order
        self.added_in_place = 0  # series drawn into the plots there were, not by a rebuild (a test counts)
        self.legend_relabelled = 0  # legend entries given new words in place (a test counts)
        self._legend_keys: list[str] = []  # what each legend entry stands for (a series id; "" a note)
        self._setting_range = False  # set_x_range is moving the view (publish at once, not coalesced)
        # A view that keeps moving (a second range change before this fires) is drawn light until it rests.
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(LIGHT_IDLE_MS)
        self._idle.timeout.connect(self._end_light)
        # A drag or wheel can move the view several times per painted frame: say the range once per pass.
        self._publish = QTimer(self)
        self._publish.setSingleShot(True)
        self._publish.setInterval(0)
        self._publish.timeout.connect(self._emit_x_range)
        # Ranges set by the owner within one pass (a focus brings its fact into view, then the timeline's
        # range follows) are one change, not a view that keeps moving.
        self._owner_pass = QTimer(self)
        self._owner_pass.setSingleShot(True)
        self._owner_pass.setInterval(0)
        # Hidden markers are given their points while the app is idle, one series per turn, once the chart
        # has painted (see _arm_fill): a zero-interval timer runs after the paints already pending, where a
        # posted call (QTimer.singleShot(0)) would run before them.
        self._fill = QTimer(self)
        self._fill.setInterval(0)
        self._fill.timeout.connect(self._give_next_points)
        self._awaiting_paint = None  # the viewport watched for the paint that starts _fill
        self._biggest_of: dict = {}  # series id -> (series, its largest absolute value)

    # ---- building ----------------------------------------------------------
    def set_series(self, series: list[ChartSeries], x_range: tuple[float, float] | None = None) -> None:
        """Draw these series, at `x_range` (decimal years) or else at the range shown now."""
        self.series = list(series)
        self._next_range = x_range
        self.rebuild()

    def _added_in_place(self, old: list[ChartSeries]) -> bool:
        """Draw series added after those drawn now into the plots there are, if that gives the picture a
        rebuild would; False (nothing done) otherwise.

        Ticking a series (a focus on one that is not shown does) used to clear the layout and make every
        plot, axis and legend entry again, taking twenty lines of 50,000 values out and putting them back
        (~90 ms at 100,000 events). When the new series come after all the others, keep every unit where it
        was, and need at most a right axis in a plot that has none (and no plot keeps an empty one for
        alignment), the plots stay: the new lines go on top as a rebuild would put them, and only the
        legend and the axes' widths are done again.
        """
        if (not self.rows or not old or self.legend is None or self.legend_waits_for_size
                or self._made_for != (self.theme, self.log_y, self.reveal_until)
                or len(self.series) <= len(old) or any(a is not b for a, b in zip(old, self.series))):
            return False
        before, placed = assign_axes([s.unit for s in old]), assign_axes([s.unit for s in self.series])
        if any(placed[unit] != where for unit, where in before.items()):
            return False
        if max(row for row, _ in placed.values()) != len(self.rows) - 1:
            return False  # a new plot row: the rows' stretch and time labels change
        any_right = any(row.right is not None for row in self.rows)
        new_units = [(unit, where) for unit, where in placed.items() if unit not in before]
        if any(side == "right" and any_right for _, (_, side) in new_units):
            return False  # plots keeping an empty right axis for alignment would need it restyled
        keep, self._next_range = self._next_range or self.x_range(), None
        for unit, (r, side) in new_units:
            row = self.rows[r]
            if side == "right":
                self._add_right_axis(row, unit)
            row.units[side] = unit
        self._lod_used = self._lod_cache
        for s in self.series[len(old):]:
            row_index, side = placed[s.unit]
            self._draw_series(self.rows[row_index], s, side)
        self._stack_lines_under_overlays()
        self._many = sum(d.count for row in self.rows for d in row.drawn) > LIGHT_LIMIT
        self._align_axes()
        fit = self._legend_columns()
        if self._legend_stale or not self.legend_may_show(self._legend_least_height(fit[0])):
            # Hidden behind the series list: relabelling it (~12 ms at 100,000 events) waits until it may show.
            self._legend_fit, self._legend_stale = fit, True
        elif fit != self._legend_fit or not self._relabel_legend():
            self._replace_legend(fit)
        self._fit_legend_row()
        self._draw_overlays()
        self.layout.layout.activate()
        # As a rebuild: every line in its themed pen. Given once the plots have their new widths (a new
        # right axis narrows them): each long line then works its points out once, for the width it is
        # painted at, not also for the old width (~15 ms at 100,000 events when the view was moving).
        self._end_light()
        if keep is not None:
            self.set_x_range(*keep)
        self._idle.stop()
        self._settle()
        self.added_in_place += 1
        self._arm_fill()
        self.rebuilt.emit()
        return True

    def rebuild(self) -> None:
        """Draw everything again from the current settings (series, scale, theme, reveal, markers).

        Series added after those drawn, with nothing else changed, are drawn into the plots there are
        (see _added_in_place): the same picture.
        """
        if self._added_in_place(self._drawn_series):
            self._drawn_series = list(self.series)
            return
        self._drawn_series = list(self.series)
        keep, self._next_range = self._next_range or self.x_range(), None
        self._idle.stop()
        self._restore_pens = self._light  # lines drawn again keep no light pen from a moving view
        self._light = False  # the new items are drawn with the themed pens
        self._detach_series_items()
        self.layout.clear()
        self.rows = []
        self.legend = None
        placed = assign_axes([s.unit for s in self.series])
        row_count = max([row for row, _ in placed.values()], default=0) + 1
        self.layout.setContentsMargins(*(self._px(6),) * 4)
        self._legend_fit = self._legend_columns()
        self.legend = self._make_legend(self._legend_fit[0])
        self.layout.addItem(self.legend, row=0, col=0)
        for r in range(row_count):
            units = {side: unit for unit, (row, side) in placed.items() if row == r}
            self.rows.append(self._make_row(r, units, last=r == row_count - 1))
        grid = self.layout.layout
        grid.setRowStretchFactor(0, 0)
        for r in range(row_count):
            grid.setRowStretchFactor(r + 1, 3 if r == 0 else 2)
        self._lod_used = {}
        for s in self.series:
            row_index, side = placed[s.unit]
            self._draw_series(self.rows[row_index], s, side)
        self._lod_cache = self._lod_used  # only what is drawn now is kept
        self._many = sum(d.count for row in self.rows for d in row.drawn) > LIGHT_LIMIT
        self._align_axes()
        self._legend_stale = False
        if self.legend_waits_for_size:
            self._legend_fit = (0, 0.0)  # no fit yet: the first size fills it
        else:
            self._fill_or_leave_legend()
        self._fit_legend_row()
        self._draw_ticks()
        self._draw_overlays()
        self._make_hover()
        # Lay out now, not at the next event loop pass: pointer hit-tests and range links need real geometry.
        self.layout.layout.activate()
        main = self.rows[0].plot.vb
        main.sigXRangeChanged.connect(self._on_main_x_range_changed)
        if keep is not None:
            self.set_x_range(*keep)
        else:
            self.auto_x_range()
        self._idle.stop()  # keeping the range is not the view moving
        self._settle()
        self._made_for = (self.theme, self.log_y, self.reveal_until)  # what the rows are styled for
        self._arm_fill()
        self.rebuilt.emit()

    def _detach_series_items(self) -> None:
        """Take the lines and markers out of the plots about to be cleared, so those still drawn after
        the rebuild are put into the new plots as they are, not made again (a series ticked for a focus
        redraws the chart; remaking twenty lines of 50,000 values and their legend took ~300 ms)."""
        for row in self.rows:
            for d in row.drawn:
                for item in d.items:
                    d.vb.removeItem(item)

    def _settle(self) -> None:
        """Fit the value axes now rather than at the next paint, so what is drawn is what is hit-tested."""
        for row in self.rows:
            for vb in (row.plot.vb, row.right):
                if vb is not None:
                    vb.updateAutoRange()
        self._show_markers_that_fit()
        self._place_marker_label()

    def colour_of(self, s: ChartSeries) -> str:
        """The series' colour; black turns white on a dark background."""
        return "#FFFFFF" if self.theme.dark and s.colour == "#000000" else s.colour

    def _px(self, base: float) -> int:
        return int(round(base * self.theme.scale))

    def _font(self, relative: float = 1.0) -> QFont:
        font = QFont()
        font.setPointSizeF(self.theme.point_size(relative))
        return font

    def _legend_columns(self, size: tuple[float, float] | None = None) -> tuple[int, float]:
        """How many legend columns to use, and how wide each entry may be (pixels).

        As few columns as keep every entry whole, unless the legend would then
        take more than a third of the height: the chart comes first, so more
        columns with shortened titles (the hover and the list show them whole).
        """
        width, height = self.size_hint() if size is None else size
        metrics = QFontMetrics(self._font(0.95))
        entries = len(self.series) + 1  # and the line explaining hollow markers
        row_height = metrics.height() * 1.5
        longest = max((metrics.horizontalAdvance(legend_name(s, "right", True)) for s in self.series), default=0)
        choices = []
        for columns in (1, 2, 3):
            room = (width - self._px(24)) / columns - self._px(84)  # sample, spacing and margins
            rows = -(-entries // columns)
            choices.append((columns, room, rows * row_height <= height / 3))
        for columns, room, short_enough in choices:
            if longest <= room and short_enough:
                return columns, room
        for columns, room, short_enough in choices:
            if short_enough and room >= self._px(200):
                return columns, room
        usable = [c for c in choices if c[1] >= self._px(150)] or choices[:1]
        return usable[-1][0], max(usable[-1][1], self._px(120))

    def _legend_text(self, d: _Drawn, two: bool, room: float) -> str:
        """The entry, its title shortened (never its unit) to fit `room` pixels; escaped for pyqtgraph."""
        metrics = QFontMetrics(self._font(0.95))
        full = legend_name(d.series, d.side, two)
        if metrics.horizontalAdvance(full) <= room:
            return html.escape(full)
        rest = metrics.horizontalAdvance(legend_name(d.series, d.side, two, title=""))
        title = self._distinct_part(d.series.title)
        title = metrics.elidedText(title, Qt.TextElideMode.ElideRight, int(max(room - rest, 40)))
        return html.escape(legend_name(d.series, d.side, two, title=title))

    def _distinct_part(self, title: str) -> str:
        return distinct_part(title, [s.title for s in self.series])

    def refit_legend(self, size: tuple[float, float]) -> None:
        """Lay the legend out again when a new size calls for another number of columns or entry width.

        Only the legend is made again: the plots, their lines and the range stay (the first resize of
        a new window used to draw a million values a second time). A legend waiting for a size is filled.
        """
        self.legend_waits_for_size = False
        if self.legend is None:
            return
        fit = self._legend_columns(size)
        if fit == self._legend_fit:
            return
        self._replace_legend(fit)
        self._fit_legend_row()
        self.layout.layout.activate()  # real geometry now: the pointer's hit-tests read it

    def _replace_legend(self, fit: tuple[int, float]) -> None:
        """A new legend in the legend's place, laid out for `fit` (columns, entry width) and filled."""
        self._legend_fit = fit
        self.layout.removeItem(self.legend)
        self.legend = self._make_legend(fit[0])
        self.layout.addItem(self.legend, row=0, col=0)
        self._legend_stale = False
        self._fill_or_leave_legend()

    def _legend_entry_count(self) -> int:
        """How many entries the legend has for the series drawn now (see _legend_entries), without wording them."""
        drawn = [d for row in self.rows for d in row.drawn]
        hollow = any((~d.series.exact[: d.count]).any() for d in drawn)
        return len(drawn) + int(hollow) + int(not self.series)

    def _legend_least_height(self, columns: int) -> float:
        """The least height the legend can have laid out in `columns` columns: each row at least as tall as
        a swatch (20 px, fixed by pyqtgraph), no spacing between rows, and the layout's margins."""
        rows = -(-self._legend_entry_count() // max(1, columns))
        _, top, _, bottom = self.legend.layout.getContentsMargins()
        return rows * SWATCH_HEIGHT + top + bottom

    def _fill_or_leave_legend(self) -> None:
        """Fill the new, empty legend, unless the owner will certainly not show it (then it waits)."""
        if self.legend_may_show(self._legend_least_height(self._legend_fit[0])):
            self._fill_legend()
        else:
            self._legend_stale = True

    def legend_is_stale(self) -> bool:
        """Whether the legend was left unfilled or out of date because its owner was not going to show it."""
        return self._legend_stale

    def legend_least_height(self) -> float:
        """The least height the legend for the series drawn now can have (pixels), filled or not."""
        return self._legend_least_height(self._legend_fit[0]) if self.legend is not None else 0.0

    def bring_legend_up_to_date(self) -> None:
        """Fill a legend left unfilled or out of date, before its owner shows it: the legend a rebuild, a
        refit or a relabel would have made. It keeps its shown or hidden state; a shown one takes its row."""
        if not self._legend_stale or self.legend is None:
            return
        self._legend_stale = False
        if self.legend.items or self.legend.columnCount != self._legend_fit[0]:
            shown, old = self.legend.isVisible(), self.legend
            self.layout.removeItem(old)
            self.legend = self._make_legend(self._legend_fit[0])
            self.layout.addItem(self.legend, row=0, col=0)
            if not shown:  # as the owner hides one: no row kept open
                self.legend.setVisible(False)
                self.legend.setMaximumHeight(0)
        self._fill_legend()
        self._fit_legend_row()
        self.layout.layout.activate()  # real geometry now: the pointer's hit-tests read it

    def _fit_legend_row(self) -> None:
        """The legend row is exactly as tall as the legend: the charts get the rest."""
        if not self.legend.isVisible():
            return  # relabelled in place while the owner hides it: it keeps no row (the owner sizes it when shown)
        self.legend.layout.activate()
        height = self.legend.layout.effectiveSizeHint(Qt.SizeHint.PreferredSize).height()
        self.layout.layout.setRowFixedHeight(0, height)

    def _make_legend(self, columns: int) -> pg.LegendItem:
        t = self.theme
        legend = pg.LegendItem(
            labelTextColor=t.foreground, labelTextSize=f"{t.point_size(0.95):.1f}pt",
            colCount=columns, horSpacing=self._px(18), brush=None, pen=None, frame=False,
        )
        return legend

    def _make_row(self, r: int, units: dict[str, str], last: bool) -> _Row:
        t = self.theme
        axes = {"bottom": TimeAxis("bottom"), "left": ValueAxis("left"), "right": ValueAxis("right")}
        # The plot's ViewBox fits its values from its lines' extents (LineViewBox), as pyqtgraph would.
        plot = self.layout.addPlot(row=r + 1, col=0, axisItems=axes, viewBox=LineViewBox(enableMenu=False))
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.vb.setMouseEnabled(x=True, y=False)  # time is explored; values always fit what is in view
        plot.vb.enableAutoRange(axis="y")
        plot.vb.setAutoVisible(y=True)
        plot.vb.disableAutoRange(axis="x")
        plot.showGrid(x=False, y=True, alpha=0.25 if not t.dark else 0.35)
        for name in ("left", "bottom", "right"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen(t.muted, width=max(1.0, t.line_width / 2)))
            axis.setTextPen(pg.mkPen(t.foreground))
            axis.setStyle(tickFont=self._font(0.9), tickLength=-self._px(5), tickTextOffset=self._px(4),
                          maxTickLevel=1)  # no third level of ticks: its grid lines were a grey haze
            axis.setLogMode(False, self.log_y) if name != "bottom" else None
        label_style = {"color": t.foreground, "font-size": f"{t.point_size(0.95):.1f}pt"}
        plot.setLabel("left", html.escape(units.get("left", "")), **label_style)
        plot.getAxis("bottom").setHeight(None)
        # The hidden top axis (pyqtgraph's own) gave its hidden title new HTML on every frame of a pan or
        # zoom, to scale units it never shows: a hidden title's scale is 1 whether asked or not.
        plot.getAxis("top").enableAutoSIPrefix(False)
        if not last:
            plot.getAxis("bottom").setStyle(showValues=False)
        row = _Row(plot=plot, right=None, units=units)
        if "right" not in units:
            plot.hideAxis("right")
        else:
            self._add_right_axis(row, units["right"])
        if self.rows:
            plot.setXLink(self.rows[0].plot)
        # Whether markers fit depends on the plot's width as well as the range: a resized plot asks again
        # (a pane built before it is shown is laid out small first).
        plot.vb.sigResized.connect(lambda _vb: self._show_markers_that_fit())
        return row

    def _stack_lines_under_overlays(self) -> None:
        """Put lines added to a view that already holds the event ticks and focus marks under them, where a
        rebuild (which adds every line first) would have them."""
        for row in self.rows:
            lines = {id(item) for d in row.drawn for item in d.items}
            for vb in (row.plot.vb, row.right):
                if vb is None:
                    continue
                children = vb.childGroup.childItems()
                first = next((c for c in children if id(c) not in lines), None)
                if first is None:
                    continue
                after = children[children.index(first) + 1:]
                for item in after:
                    if id(item) in lines:
                        item.stackBefore(first)

    def _add_right_axis(self, row: _Row, unit: str) -> None:
        """Give a plot its right axis and the view of values for it, linked in time to the plot's own."""
        t = self.theme
        plot = row.plot
        right = LineViewBox(enableMenu=False)
        right.setMouseEnabled(x=False, y=False)
        right.setParentItem(plot)
        right.setZValue(plot.vb.zValue() - 1)  # the main view stays on top and takes the pointer
        right.setXLink(plot.vb)
        right.enableAutoRange(axis="y")
        right.setAutoVisible(y=True)
        right.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        plot.showAxis("right")
        plot.getAxis("right").linkToView(right)
        label_style = {"color": t.foreground, "font-size": f"{t.point_size(0.95):.1f}pt"}
        plot.setLabel("right", html.escape(unit), **label_style)

        def _sync(_=None, plot=plot, right=right) -> None:
            right.setGeometry(plot.vb.geometry())

        plot.vb.sigResized.connect(_sync)
        _sync()
        row.right = right
        if row.drawn:  # added to a plot already made: its markers are judged after the view follows a resize
            plot.vb.sigResized.connect(lambda _vb: self._show_markers_that_fit())

    def _draw_series(self, row: _Row, s: ChartSeries, side: str) -> None:
        t = self.theme
        vb = row.plot.vb if side == "left" else row.right
        count = len(s.x) if self.reveal_until is None else int(np.searchsorted(s.x0, self.reveal_until, side="right"))
        x = s.x[:count]
        y = _log10(s.y[:count]) if self.log_y else s.y[:count]
        exact = s.exact[:count]
        drawn = _Drawn(series=s, vb=vb, side=side, count=count, y=y)
        # What a line's level of detail needs is worked out once per series as drawn (count, scale), and
        # kept while it stays drawn: ticking another series redraws the chart without redoing this.
        key = (s.series_id, count, self.log_y)
        kept = self._lod_cache.get(key)
        if kept is None or kept[0] is not s:
            kept = (s, {})
        self._lod_used[key] = kept
        lod = kept[1]

        def peaks(name: str, values: np.ndarray, connect=None) -> Peaks:
            if name not in lod:
                lod[name] = Peaks(values, connect)
            return lod[name]

        if "extent" not in lod:
            lod["extent"] = Extent(x, y)  # the value axis fits what is in view from this, not every point
        extent = lod["extent"]
        built = lod.get("items")
        if built is not None and built[0] == self.theme:
            self._add_series_items(row, drawn, list(built[1]), list(built[2]))
            return
        colour = QColor(self.colour_of(s))
        solid_pen = pg.mkPen(colour, width=t.line_width)
        dashed_pen = pg.mkPen(colour, width=t.line_width, style=Qt.PenStyle.DashLine)
        # Values always fit the view (y follows the data), so pyqtgraph's per-frame y clipping is not needed.
        fast = {"dynamicRangeLimit": None, "autoDownsampleFactor": DOWNSAMPLE_FACTOR}
        dashed_segment = ~(exact[:-1] & exact[1:]) if count > 1 else np.zeros(0, dtype=bool)
        if dashed_segment.any():
            # Break the solid line after each dashed segment (a NaN y; x stays sorted for clip-to-view).
            if "broken" not in lod:
                lod["broken"] = _with_breaks(x, y, np.flatnonzero(dashed_segment) + 1)
            solid_x, solid_y = lod["broken"]
            solid = PeakCurve(solid_x, solid_y, extent, peaks("solid", solid_y),
                              pen=solid_pen, connect="finite", **fast, **_long_line(solid_x))
            drawn.lines.append((solid, solid_pen))
            starts = np.flatnonzero(dashed_segment)
            starts = starts[np.isfinite(y[starts]) & np.isfinite(y[starts + 1])]  # a log of 0 has no segment
            if len(starts):
                # Segments as pairs joined by a connect array rather than NaN gaps: peak downsampling
                # turns any group holding a NaN into NaN, which would erase dense dashed stretches.
                seg_x = np.column_stack([x[starts], x[starts + 1]]).ravel()
                seg_y = np.column_stack([y[starts], y[starts + 1]]).ravel()
                joined = np.zeros(len(seg_x), dtype=bool)
                joined[0::2] = True  # each segment's start joins its end, never the next segment
                dashed = PeakCurve(seg_x, seg_y, extent, peaks("dashed", seg_y, joined), pen=dashed_pen,
                                   connect=joined, **fast, **_long_line(seg_x))
                drawn.lines.append((dashed, dashed_pen))
        else:
            line = PeakCurve(x, y, extent, peaks("solid", y), pen=solid_pen, **fast, **_long_line(x))
            drawn.lines.append((line, solid_pen))
        size = t.marker_size
        symbol = s.symbol
        if count <= MARKER_LIMIT and exact.any():
            drawn.markers.append(MarkerItem(x[exact], y[exact], pen=None, symbol=symbol, symbolSize=size,
                                                 symbolBrush=colour, symbolPen=pg.mkPen(colour), **fast))
        if (~exact).any() and int((~exact).sum()) <= MARKER_LIMIT:
            drawn.markers.append(MarkerItem(
                x[~exact], y[~exact], pen=None, symbol=symbol, symbolSize=size,
                symbolBrush=pg.mkBrush(t.background), symbolPen=pg.mkPen(colour, width=max(1.5, t.line_width * 0.8)),
                **fast))
        drawn.items = [item for item, _ in drawn.lines] + drawn.markers
        for item in drawn.items:
            # Into the view's scene through its new parent, as _add_series_items does, never first as a
            # top-level scene item: there a long line would ask the GraphicsView for a range it lacks, and
            # each item joins the scene and then its view (two rounds of view look-ups instead of one). In its
            # view a long line is told the range, and given its window by the paint.
            item.setParentItem(vb.childGroup)
            vb.addItem(item)
        row.drawn.append(drawn)
        lod["items"] = (self.theme, tuple(drawn.lines), tuple(drawn.markers))

    def _add_series_items(self, row: _Row, drawn: _Drawn, lines: list, markers: list) -> None:
        """Put a series' lines and markers, made by an earlier rebuild in this theme, into this row's view."""
        drawn.lines, drawn.markers = lines, markers
        drawn.items = [item for item, _ in lines] + markers
        if self._restore_pens:
            for item, pen in lines:
                _give_pen(item, pen, moving=False)
        for item in drawn.items:
            # Into the view's scene through its new parent, never first as a top-level scene item:
            # there pyqtgraph would clip and downsample the line for the whole window, from every value.
            item.setParentItem(drawn.vb.childGroup)
            drawn.vb.addItem(item)
        row.drawn.append(drawn)

    def _show_markers_that_fit(self) -> None:
        """Show each series' markers only while its values in view are MARKER_MIN_GAP_PX apart or more."""
        r = self.x_range()
        for row in self.rows:
            for d in row.drawn:
                if not d.markers:
                    continue
                width = d.vb.width()
                if width <= 0:
                    continue  # not laid out yet: judged when it is given a size (sigResized)
                shown = d.count  # no range set (yet, or a single point has no span): pyqtgraph shows all
                if r is not None:
                    xs = d.series.x[: d.count]
                    shown = int(xs.searchsorted(r[1], "right")) - int(xs.searchsorted(r[0], "left"))
                fits = shown * MARKER_MIN_GAP_PX <= width
                for item in d.markers:
                    item.show_points(fits)

    # ---- markers given their points while idle --------------------------------------
    def _pending_markers(self) -> list[MarkerItem] | None:
        """The first drawn series' markers still waiting for their points (None: none waits)."""
        for row in self.rows:
            for d in row.drawn:
                if any(item.pending is not None for item in d.markers):
                    return d.markers
        return None

    def _arm_fill(self) -> None:
        """After a build that left markers without their points, give them points once the chart has
        painted: the first zoom that shows markers then only shows them (twenty series' points cost ~50 ms
        in that frame at 100,000 events), and opening pays nothing before its paint."""
        self._fill.stop()  # new items: wait for the paint of this build, not work in front of it
        if self._pending_markers() is None:
            return
        views = self.layout.scene().views() if self.layout.scene() is not None else []
        if not views or self._awaiting_paint is not None:
            return
        self._awaiting_paint = views[0].viewport()
        self._awaiting_paint.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self._awaiting_paint and event.type() == QEvent.Type.Paint:
            # Started inside the paint, so its first turn comes after it.
            watched.removeEventFilter(self)
            self._awaiting_paint = None
            self._fill.start()
        return False

    def _give_next_points(self) -> None:
        """One turn of the idle fill: one series' hidden markers get their points; stops when none waits."""
        markers = self._pending_markers()
        if markers is not None:
            for item in markers:
                item.give_points()
        if self._pending_markers() is None:
            self._fill.stop()

    # ---- drawing light while the view moves --------------------------------------
    def _moved(self) -> None:
        """The view moved: a second move before the idle timer fires means it keeps moving, so draw light."""
        if not self._many:
            return
        same_step = self._setting_range and self._owner_pass.isActive()
        if self._idle.isActive() and not self._light and not same_step:
            self._begin_light()
        self._idle.start()
        if self._setting_range:
            self._owner_pass.start()

    def _begin_light(self) -> None:
        self._light = True
        for row in self.rows:
            for d in row.drawn:
                for item, pen in d.lines:
                    thin = QPen(pen)
                    thin.setWidthF(1.0)
                    thin.setCosmetic(True)
                    _give_pen(item, thin, moving=True)
            for name in ("left", "right"):
                row.plot.getAxis(name).setStyle(maxTickLevel=0)  # minor grid lines are the costly ones

    def _end_light(self) -> None:
        if not self._light:
            return
        self._light = False
        for row in self.rows:
            for d in row.drawn:
                for item, pen in d.lines:
                    _give_pen(item, pen, moving=False)
            for name in ("left", "right"):
                row.plot.getAxis(name).setStyle(maxTickLevel=1)

    def is_light(self) -> bool:
        """Whether the chart is drawn light now (1 px lines, major grid lines) because its view is moving."""
        return self._light

    def _biggest(self, s: ChartSeries) -> float:
        """The series' largest absolute value, read once per series (a tick asked it of every series drawn:
        twenty of 50,000 values at 100,000 events)."""
        kept = self._biggest_of.get(s.series_id)
        if kept is None or kept[0] is not s:
            kept = (s, float(np.nanmax(np.abs(s.y))))
            self._biggest_of[s.series_id] = kept
        return kept[1]

    def _align_axes(self) -> None:
        """Give every row's axes the same widths, so the rows' time axes line up exactly."""
        if not self.rows:
            return
        metrics = QFontMetrics(self._font(0.9))
        biggest = max((self._biggest(s) for s in self.series if len(s.y)), default=1.0)
        width = metrics.horizontalAdvance(format_number(round(biggest)) + "0") + self._px(34)
        any_right = any(row.right is not None for row in self.rows)
        for row in self.rows:
            row.plot.getAxis("left").setWidth(width)
            if any_right:
                axis = row.plot.getAxis("right")
                axis.setWidth(width)
                if row.right is None:  # keep the room, draw nothing: the rows stay aligned
                    plot_bg = QColor(self.theme.background)
                    axis.setPen(pg.mkPen(plot_bg))
                    axis.setTextPen(pg.mkPen(plot_bg))
                    axis.setStyle(showValues=False)
                    row.plot.showAxis("right")

    def _legend_entries(self) -> list[tuple[str, object, str]]:
        """The legend's entries in order: (what it stands for, how to make its swatch's look, its text)."""
        t = self.theme
        room = self._legend_fit[1]
        entries = []
        for row in self.rows:
            two = len(row.units) == 2
            for d in row.drawn:
                entries.append((d.series.series_id, lambda s=d.series: self._sample_look(s), self._legend_text(d, two, room)))
        if any((~d.series.exact[: d.count]).any() for row in self.rows for d in row.drawn):
            text = QCoreApplication.translate("chart", "Hollow, dashed: approximate, provisional or estimated")
            text = QFontMetrics(self._font(0.95)).elidedText(text, Qt.TextElideMode.ElideRight, int(room))
            entries.append(("", lambda: SampleLook(
                pg.mkPen(t.muted, width=t.line_width, style=Qt.PenStyle.DashLine), "o", t.marker_size * 0.8,
                pg.mkPen(t.muted, width=max(1.5, t.line_width * 0.8)), pg.mkBrush(t.background)), html.escape(text)))
        if not self.series:
            # pyqtgraph's look for a line given no pen: grey, no marker
            entries.append(("", lambda: SampleLook(pg.mkPen((200, 200, 200))), html.escape(
                QCoreApplication.translate("chart", "No series chosen: tick one in the list"))))
        return entries

    def _fill_legend(self) -> None:
        self.legend_fills += 1
        entries = self._legend_entries()
        for _, look, text in entries:
            self.legend.addItem(LegendSample(look()), text)
        self._legend_keys = [key for key, _, _ in entries]

    def _relabel_legend(self) -> bool:
        """Bring the legend laid out now up to date in place: entries keep their places, those standing for
        something else take its look, those whose words changed take the new words, and only the entries
        past its end are made. False (nothing done) if it would have fewer entries than it has.

        A fresh legend puts entries in the same places (in order, row by row, in as many columns), so this
        is the picture a new one would give: at 100,000 events a ticked series relabelled ~20 entries
        (a second unit names each one's axis) by making the whole legend again."""
        entries = self._legend_entries()
        items = self.legend.items
        if len(entries) < len(items):
            return False
        self.legend_fills += 1
        for (key, look, text), (sample, label), was in zip(entries, items, self._legend_keys):
            if key != was or not key:  # another series, or a note (its look is cheap; it may have moved)
                sample.item = look()
                sample.update()
            if label.text != text:
                label.setText(text)
                self.legend_relabelled += 1
        for _, look, text in entries[len(items):]:
            self.legend.addItem(LegendSample(look()), text)
        self._legend_keys = [key for key, _, _ in entries]
        return True

    def _sample_look(self, s: ChartSeries) -> SampleLook:
        """A series' swatch: its line with its marker on it."""
        t = self.theme
        colour = self.colour_of(s)
        return SampleLook(pg.mkPen(colour, width=t.line_width), s.symbol, t.marker_size * 0.8, pg.mkPen(colour),
                          pg.mkBrush(colour))

    # ---- overlays: focused event, event markers, focused value --------------
    def _draw_ticks(self) -> None:
        """Give each row its event markers: made once per row (a rebuild makes new rows), then only given
        the events shown, so a filter change repaints the ticks' strip and nothing under it."""
        t = self.theme
        for row in self.rows:
            if row.ticks is None:
                row.ticks = EventTicks(self.event_xs, (0.93, 1.0), pg.mkPen(t.muted, width=max(1.0, t.line_width / 2)))
                row.plot.vb.addItem(row.ticks, ignoreBounds=True)
            else:
                row.ticks.set_xvals(self.event_xs)

    def _kept(self, row: _Row, key: str, vb: pg.ViewBox, make):
        """The row's overlay item `key`, made and added to `vb` the first time, then only moved and shown."""
        item = row.kept.get(key)
        if item is None:
            item = make()
            vb.addItem(item, ignoreBounds=True)
            row.kept[key] = item
        return item

    def _draw_overlays(self) -> None:
        """Show the focused event (line or span, and its title) and the ring round the focused value.

        The items are made once per row and then moved, retitled, shown or hidden: a focus change
        adds and removes nothing in the scene.
        """
        t = self.theme
        colour = QColor(t.highlight)
        ring_at = None
        if self.ring is not None:
            found = self.drawn_of(self.ring[0])
            if found is not None and self.ring[1] < found[1].count:
                ring_at = found
        for index, row in enumerate(self.rows):
            vb = row.plot.vb
            wanted: dict[str, object] = {}
            if self.marker is not None:
                x0, x1 = self.marker
                if x1 > x0:
                    def region(colour=colour):
                        fill = QColor(colour)
                        fill.setAlpha(60)
                        return pg.LinearRegionItem((x0, x1), movable=False, brush=pg.mkBrush(fill),
                                                   pen=pg.mkPen(colour, width=max(1.0, t.line_width / 2)))
                    item = self._kept(row, "region", vb, region)
                    item.setRegion((x0, x1))
                    wanted["region"] = item
                else:
                    item = self._kept(row, "line", vb, lambda: pg.InfiniteLine(
                        pos=x0, angle=90, movable=False, pen=pg.mkPen(colour, width=t.line_width * 1.5)))
                    item.setPos(x0)
                    wanted["line"] = item
                if index == 0 and self.marker_label:
                    def label():
                        made = pg.TextItem(color=t.foreground, anchor=(0, 0))
                        made.setFont(self._font(0.9))
                        made.setZValue(20)
                        return made
                    item = self._kept(row, "label", vb, label)
                    if item.textItem.toPlainText() != self.marker_label:
                        item.setText(self.marker_label)  # setText is plain text: no markup is read
                    item.setPos(x0, 0)
                    wanted["label"] = item
            if ring_at is not None and ring_at[0] is row:
                d = ring_at[1]
                key = "ring-" + d.side
                point = ([d.series.x[self.ring[1]]], [d.y[self.ring[1]]])
                style = {"symbol": "o", "size": t.marker_size * 2.4, "brush": None,
                         "pen": pg.mkPen(t.highlight, width=t.line_width * 1.5)}

                def ring(point=point, style=style):
                    made = pg.ScatterPlotItem(*point, **style)
                    made.setZValue(30)
                    return made
                item = self._kept(row, key, d.vb, ring)
                item.setData(*point, **style)
                wanted[key] = item
            for key, item in row.kept.items():
                item.setVisible(key in wanted)
            row.overlays = [(item.getViewBox(), item) for item in wanted.values()]
        self._place_marker_label()

    def _place_marker_label(self) -> None:
        """Keep the focused event's title at the top of the view as the values' range changes."""
        if not self.rows or self.marker is None:
            return
        for _, item in self.rows[0].overlays:
            if isinstance(item, pg.TextItem):
                (_, _), (_, y1) = self.rows[0].plot.vb.viewRange()
                item.setPos(self.marker[0], y1)

    def set_event_markers(self, xs: np.ndarray) -> None:
        self.event_xs = np.asarray(xs, dtype=float)
        self._draw_ticks()

    def set_marker(self, span: tuple[float, float] | None, label: str = "") -> None:
        self.marker, self.marker_label = span, label
        self._draw_overlays()

    def set_ring(self, ring: tuple[str, int] | None) -> None:
        self.ring = ring
        self._draw_overlays()

    # ---- settings -------------------------------------------------------------
    def set_log(self, log_y: bool) -> None:
        if log_y != self.log_y:
            self.log_y = log_y
            self.rebuild()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.rebuild()

    def set_reveal_until(self, x: float | None) -> None:
        if x != self.reveal_until:
            self.reveal_until = x
            self.rebuild()

    # ---- range --------------------------------------------------------------------
    def x_range(self) -> tuple[float, float] | None:
        return self._x_range

    def set_x_range(self, x0: float, x1: float) -> None:
        if self.rows and x1 > x0:
            shown = self.rows[0].plot.vb.viewRange()[0]
            if self._x_range is not None and shown[0] == x0 and shown[1] == x1:
                return  # already there (the timeline echoing the range the chart just set): nothing to redo
            self._setting_range = True
            try:
                self.rows[0].plot.vb.setXRange(x0, x1, padding=0)
            finally:
                self._setting_range = False
            self._settle()

    def data_extent(self) -> tuple[float, float] | None:
        lows = [s.x0[0] for s in self.series if len(s.x0)]
        highs = [s.x1[-1] for s in self.series if len(s.x1)]
        if not lows:
            return None
        return float(min(lows)), float(max(highs))

    def auto_x_range(self) -> None:
        extent = self.data_extent()
        if extent is not None:
            pad = (extent[1] - extent[0]) * 0.03
            self.set_x_range(extent[0] - pad, extent[1] + pad)

    def _on_main_x_range_changed(self, _vb, x_range) -> None:
        # Runs for every frame of a drag or zoom: only cheap work here.
        self._x_range = (float(x_range[0]), float(x_range[1]))
        self._place_marker_label()
        self._show_markers_that_fit()
        self._moved()
        if self._setting_range:
            # Said at once: the owner, which set the range, ignores its own echo only while it is setting it.
            self._publish.stop()
            self._emit_x_range()
        elif not self._publish.isActive():
            self._publish.start()

    def _emit_x_range(self) -> None:
        if self._x_range is not None:
            self.x_range_changed.emit(*self._x_range)

    # ---- pointer ----------------------------------------------------------------
    def drawn_of(self, series_id: str) -> tuple[_Row, _Drawn] | None:
        for row in self.rows:
            for d in row.drawn:
                if d.series.series_id == series_id:
                    return row, d
        return None

    def row_at(self, scene_pos: QPointF) -> _Row | None:
        return next((r for r in self.rows if r.plot.vb.sceneBoundingRect().contains(scene_pos)), None)

    def nearest(self, scene_pos: QPointF, radius: float) -> tuple[_Row, _Drawn, int, QPointF] | None:
        """The shown value nearest the pointer within `radius` pixels: (row, drawn, index, its scene point)."""
        row = self.row_at(scene_pos)
        if row is None:
            return None
        best = None
        px, py = scene_pos.x(), scene_pos.y()
        for d in row.drawn:
            tr = d.vb.childGroup.sceneTransform()
            sx, dx, sy, dy = tr.m11(), tr.dx(), tr.m22(), tr.dy()
            if sx == 0 or d.count == 0:
                continue
            xs = d.series.x[: d.count]
            lo_x, hi_x = sorted(((px - radius - dx) / sx, (px + radius - dx) / sx))
            lo, hi = np.searchsorted(xs, lo_x, "left"), np.searchsorted(xs, hi_x, "right")
            if hi <= lo:
                continue
            cx = xs[lo:hi] * sx + dx
            cy = d.y[lo:hi] * sy + dy
            dist = np.hypot(cx - px, cy - py)
            dist[~np.isfinite(dist)] = np.inf
            i = int(np.argmin(dist))
            if dist[i] <= radius and (best is None or dist[i] < best[0]):
                best = (dist[i], d, lo + i, QPointF(cx[i], cy[i]))
        if best is None:
            return None
        return row, best[1], best[2], best[3]

    def events_near(self, scene_pos: QPointF, radius: float) -> np.ndarray:
        """Indexes into the event markers within `radius` pixels of the pointer, horizontally."""
        row = self.row_at(scene_pos)
        if row is None or not len(self.event_xs):
            return np.empty(0, dtype=int)
        x = row.plot.vb.mapSceneToView(scene_pos).x()
        per_px = abs(row.plot.vb.viewPixelSize()[0])
        return np.flatnonzero(np.abs(self.event_xs - x) <= radius * per_px)

    def visible(self, x: float) -> bool:
        r = self.x_range()
        return r is not None and r[0] <= x <= r[1]

    # ---- hover: crosshair and tooltip ----------------------------------------------
    def _make_hover(self) -> None:
        t = self.theme
        pen = pg.mkPen(t.muted, width=1, style=Qt.PenStyle.DotLine)
        self._crosshair = []
        for row in self.rows:
            line = pg.InfiniteLine(angle=90, movable=False, pen=pen)
            line.setZValue(40)
            line.hide()
            row.plot.vb.addItem(line, ignoreBounds=True)
            self._crosshair.append((row.plot.vb, line))
        self._hline = pg.InfiniteLine(angle=0, movable=False, pen=pen)
        self._hline.hide()
        fill = QColor(t.background)
        fill.setAlpha(235)
        self.tooltip = pg.TextItem(anchor=(0, 1), fill=pg.mkBrush(fill), border=pg.mkPen(t.muted))
        self.tooltip.setColor(QColor(t.foreground))
        self.tooltip.setFont(self._font(0.95))
        self.tooltip.setZValue(50)
        self.tooltip.hide()
        self._tooltip_vb = None

    def _put(self, item, vb: pg.ViewBox) -> None:
        if item.getViewBox() is not vb:
            if item.getViewBox() is not None:
                item.getViewBox().removeItem(item)
            vb.addItem(item, ignoreBounds=True)

    def show_hover(self, row: _Row, scene_point: QPointF, html_text: str, snap_y: bool) -> None:
        """Crosshair through a scene point, and a tooltip beside it (html_text already escaped)."""
        if self.tooltip is None:
            return
        vb = row.plot.vb
        view = vb.mapSceneToView(scene_point)
        for _, line in self._crosshair:
            line.setPos(view.x())
            line.show()
        self._put(self._hline, vb)
        self._hline.setPos(view.y())
        self._hline.setVisible(snap_y)
        self._put(self.tooltip, vb)
        self.tooltip.setHtml(html_text)
        rect = vb.sceneBoundingRect()
        right_half = scene_point.x() > rect.center().x()
        upper_half = scene_point.y() < rect.center().y()
        self.tooltip.setAnchor((1.05 if right_half else -0.05, -0.1 if upper_half else 1.1))
        self.tooltip.setPos(view)
        self.tooltip.show()

    def hide_hover(self) -> None:
        for _, line in self._crosshair:
            line.hide()
        if self._hline is not None:
            self._hline.hide()
        if self.tooltip is not None:
            self.tooltip.hide()

    def hover_text(self) -> str:
        """What the tooltip says now, as plain text ("" when hidden)."""
        if self.tooltip is None or not self.tooltip.isVisible():
            return ""
        return self.tooltip.textItem.toPlainText()
