"""Chart pane: the dataset's series, read correctly, with their sources one click away.

A list of series grouped by `group` (the first group ticked at start) beside a
chart that never puts two units on one scale: a second unit gets the right
axis, a third opens a second chart below. Hovering shows a crosshair and the
value as a reader says it with its source; clicking focuses that value (the
citation pane shows its sources). The focused event is marked, the timeline's
filtered events show as ticks, and the time range follows the timeline's
while "Link to timeline" is on.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QHeaderView, QLabel, QScrollArea, QSplitter, QToolBar, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from .. import settings as keys
from ..dataset.dataset import EVENT, OBSERVATION, SERIES, Dataset
from ..state import SelectionState
from .chart_canvas import ChartCanvas
from .chart_data import (
    ChartSeries, SeriesHeading, build_series, distinct_part, events_hover_html, hover_html, series_heading, shorten,
    source_short_name,
)
from .chart_key import ChartKey, hollow_words, swatch
from .i18n import data_language, fact_date
from .safe_text import tooltip, visible
from .theme import Theme, themes

ORIGIN = "chart"
LEGEND_SHARE = 0.2  # the legend stays inside the plot only while it takes no more of its height than this
KEY_SHARE = (0.7, 0.3)  # plot and key, presenting
HOVER_RADIUS = 14  # pixels (× theme scale) within which the pointer picks a value
EVENT_RADIUS = 4
SERIES_ROLE = Qt.ItemDataRole.UserRole


class ChartPane(QWidget):
    """The chart of the dataset's series, linked to the shared SelectionState."""

    def __init__(self, dataset: Dataset, state: SelectionState, parent: QWidget | None = None,
                 settings=None) -> None:
        super().__init__(parent)
        self.setObjectName("chartPane")
        self.dataset, self.state, self.settings = dataset, state, settings
        self._lang = data_language()
        self._cache: dict[str, ChartSeries] = {}
        self._headings: dict[str, SeriesHeading] = {}
        self._sources: dict[str, str] = {}
        self._applying_range = False
        self._filling_list = False
        # A focus change reaches the timeline first, and the timeline may move the shared range to show
        # it before this pane has heard of the focus: that range is kept here and set together with the
        # pane's own bringing into view, one x-range change (and one value-axis fit) per focus, not two.
        self._focus_seen = state.focus
        self._pending_range: tuple[float, float] | None = None
        self._order = {sid: i for i, sid in enumerate(dataset.series.index)}
        # Read once: every filter change (each key typed in the search box) picks from these.
        self._all_event_xs = dataset.events["x0"].to_numpy(dtype=float)
        self._all_event_ids = dataset.events.index.to_numpy()
        self._event_mask = np.ones(len(self._all_event_ids), dtype=bool)
        self._event_id_cache: np.ndarray | None = None
        self._source_seen: str | None = None  # the source filter the list's greyed-out series follow

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("chartToolbar")
        self.log_action = self._toggle(self.tr("Log scale"), self.tr("Show values on a logarithmic scale"), False)
        self.log_action.setObjectName("chartLogScale")
        self.log_action.toggled.connect(self._on_log_toggled)
        linked = settings.get(keys.LINK_CHART_TO_TIMELINE) if settings is not None else keys.LINK_CHART_TO_TIMELINE.default
        self.link_action = self._toggle(self.tr("Link to timeline"),
                                        self.tr("Zooming or panning the chart or the timeline moves the other"), linked)
        self.link_action.setObjectName("chartLinkTimeline")
        self.link_action.toggled.connect(self._on_link_toggled)
        self.fit_action = QAction(self.tr("Show all"), self)
        self.fit_action.setObjectName("chartShowAll")
        self.fit_action.setToolTip(self.tr("Show the whole span of the chosen series"))
        self.fit_action.triggered.connect(self._on_fit_triggered)
        self.toolbar.addAction(self.fit_action)
        self.toolbar.addSeparator()
        self.export_action = QAction(self.tr("Export chart…"), self)
        self.export_action.setObjectName("chartExport")
        self.export_action.setToolTip(self.tr("Save the chart as a PNG or SVG image, with its title, units and sources"))
        self.export_action.triggered.connect(self._on_export_triggered)
        self.toolbar.addAction(self.export_action)

        self.series_list = QTreeWidget(self)
        self.series_list.setObjectName("chartSeriesList")
        self.series_list.setAccessibleName(self.tr("Series to show"))
        self.series_list.setHeaderHidden(True)
        self.series_list.setRootIsDecorated(False)
        self.series_list.setWordWrap(True)  # titles often share their first words: show them whole
        self.series_list.setUniformRowHeights(False)
        self.series_list.setIndentation(12)
        self.series_list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # wrap at the list's width
        self.series_list.header().setStretchLastSection(True)
        # QTreeView keeps row heights from before a resize: lay the rows out again so titles re-wrap.
        self.series_list.header().sectionResized.connect(lambda *_: self.series_list.doItemsLayout())
        self.view = pg.GraphicsLayoutWidget(self)
        self.view.setObjectName("chartPlot")
        self.view.setAccessibleName(self.tr("Chart of the chosen series"))
        # The list is the legend at the desk (its swatches match the lines); the note says what hollow means.
        self.series_side = QWidget(self)
        side = QVBoxLayout(self.series_side)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(2)
        side.addWidget(self.series_list, 1)
        self.hollow_note = QLabel(hollow_words(), self.series_side)
        self.hollow_note.setObjectName("chartHollowNote")
        self.hollow_note.setTextFormat(Qt.TextFormat.PlainText)
        self.hollow_note.setWordWrap(True)
        self.hollow_note.setContentsMargins(4, 2, 4, 4)
        self.hollow_note.hide()
        side.addWidget(self.hollow_note)
        self.key = ChartKey(self)  # classroom mode's legend, beside the plot
        self.key_scroll = QScrollArea(self)  # many series on a small slide scroll rather than squeeze
        self.key_scroll.setObjectName("chartKeyScroll")
        self.key_scroll.setAccessibleName(self.tr("Series to show"))  # it stands in for the list while presenting
        self.key_scroll.setWidgetResizable(True)
        self.key_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.key_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.key_scroll.setWidget(self.key)
        self.key_scroll.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("chartSplitter")
        self.splitter.addWidget(self.series_side)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.key_scroll)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 600, 0])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)

        theme = themes().theme
        self.view.setBackground(theme.background)
        self.canvas = ChartCanvas(self.view.ci, theme, self)
        self.canvas.size_hint = lambda: (float(self.view.width()), float(self.view.height()))
        # The view has no size of its own until it is first shown (its first resize event, which Qt sends
        # before the first paint): the legend is laid out then, once, not for a made-up size and again.
        self.canvas.legend_waits_for_size = True
        # A legend the pane will certainly hide is not filled (~50 ms at 100,000 events) until it may show.
        self.canvas.legend_may_show = self._legend_may_show
        self.view.installEventFilter(self)  # a new size may call for another legend layout
        self.canvas.x_range_changed.connect(self._on_canvas_x_range_changed)
        self.canvas.rebuilt.connect(self._on_canvas_rebuilt)
        self._rebuilds = 0
        self._sizes_before: list[int] = [230, 600, 0]
        self._pointer: QPointF | None = None  # where the pointer is over the chart, in scene coordinates
        self._presenting = theme.presenting
        self._fill_series_list()
        self._redraw()
        if linked and state.time_range is not None:
            self._apply_range(*state.time_range)
        self._on_state_filters_changed(state.filters, "")
        self._on_state_focus_changed(state.focus, "")

        self.view.viewport().installEventFilter(self)
        self.view.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)
        state.focus_changed.connect(self._on_state_focus_changed)
        state.range_changed.connect(self._on_state_range_changed)
        state.filters_changed.connect(self._on_state_filters_changed)
        themes().changed.connect(self._on_theme_changed)
        self._show_presenting(theme.presenting)

    def _toggle(self, text: str, tip: str, checked: bool) -> QAction:
        action = QAction(text, self)
        action.setCheckable(True)
        action.setChecked(checked)
        action.setToolTip(tip)
        self.toolbar.addAction(action)
        return action

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.view and event.type() == QEvent.Type.Resize:
            # Only the legend is laid out again (never the plots); then it may fit (or not) at this height.
            self.canvas.refit_legend((float(self.view.width()), float(self.view.height())))
            self._place_legend()
        elif watched is self.view.viewport():
            # Hover is read here, not from the scene's sigMouseMoved: the scene drops moves that come
            # quickly after another, and the one it drops may be where the pointer stops.
            if event.type() == QEvent.Type.MouseMove:
                self._pointer = self.view.mapToScene(event.position().toPoint())
                self._on_scene_mouse_moved(self._pointer)
            elif event.type() == QEvent.Type.Leave:
                self._pointer = None
                self.canvas.hide_hover()
        return super().eventFilter(watched, event)

    # ---- the series list --------------------------------------------------------
    def _fill_series_list(self) -> None:
        self._filling_list = True
        groups = self.dataset.series["group"] if "group" in self.dataset.series else None
        first_group = groups.iloc[0] if groups is not None and len(groups) else ""
        parents: dict[str, QTreeWidgetItem] = {}
        # The list reads each series' words, not its values (those are read when it is drawn).
        headings = [self._heading(sid) for sid in self.dataset.series.index]
        titles_by_group: dict[str, list[str]] = {}
        for s in headings:
            titles_by_group.setdefault(s.group, []).append(s.title)
        for s in headings:
            sid = s.series_id
            if s.group not in parents:
                parent = QTreeWidgetItem(self.series_list, [s.group or self.tr("Other series")])
                parent.setFlags(parent.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
                parent.setExpanded(True)
                parents[s.group] = parent
            # Within a group the shared first words are said once, by the group: "…any opioid (deaths)".
            item = QTreeWidgetItem(parents[s.group], [f"{distinct_part(s.title, titles_by_group[s.group])} ({s.unit})"])
            item.setData(0, SERIES_ROLE, sid)
            item.setToolTip(0, tooltip(f"{s.title} ({s.unit})"))  # escaped: Qt reads a tooltip as markup
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if s.group == first_group else Qt.CheckState.Unchecked)
            item.setIcon(0, QIcon(swatch(s.colour, s.symbol, themes().theme, height=12)))
        self.series_list.setIconSize(QSize(26, 12))
        self.series_list.expandAll()
        self._filling_list = False
        self.series_list.itemChanged.connect(self._on_list_item_changed)

    def _series_items(self) -> list[QTreeWidgetItem]:
        out = []
        for g in range(self.series_list.topLevelItemCount()):
            parent = self.series_list.topLevelItem(g)
            out += [parent.child(i) for i in range(parent.childCount())]
        return out

    def checked_series(self) -> list[str]:
        """The series ticked in the list, in the dataset's order."""
        return [it.data(0, SERIES_ROLE) for it in self._series_items() if it.checkState(0) == Qt.CheckState.Checked]

    def set_series_checked(self, series_id: str, checked: bool) -> None:
        """Tick or untick a series, as a user would in the list (nothing is redrawn when it already is)."""
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for item in self._series_items():
            if item.data(0, SERIES_ROLE) == series_id and item.checkState(0) != state:
                item.setCheckState(0, state)

    def shown_series(self) -> list[str]:
        """The series drawn now: the ticked ones, or, while a source filter is set, the ones it backs."""
        source = self.state.filters.source_id
        if source is not None:
            backed = self.dataset.series_for_source(source)
            return [sid for sid in self.dataset.series.index if sid in backed]
        return self.checked_series()

    def _on_list_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        if not self._filling_list and item.data(0, SERIES_ROLE) is not None:
            self._redraw()

    def _heading(self, sid: str) -> SeriesHeading:
        if sid not in self._headings:
            self._headings[sid] = series_heading(self.dataset, sid, self._order[sid], self._lang)
        return self._headings[sid]

    def _series(self, sid: str) -> ChartSeries:
        if sid not in self._cache:
            self._cache[sid] = build_series(self.dataset, sid, self._order[sid], self._lang, self._heading(sid))
        return self._cache[sid]

    # ---- drawing ------------------------------------------------------------------
    def _redraw(self) -> None:
        self._applying_range = True  # a rebuild keeps the range: nothing to publish
        keep, self._pending_range = self._pending_range, None  # a range on its way lands with the rebuild
        try:
            first = self.canvas.x_range() is None and keep is None
            self.canvas.set_series([self._series(sid) for sid in self.shown_series()], x_range=keep)
            if first and not (self.link_action.isChecked() and self.state.time_range is not None):
                self.canvas.auto_x_range()
        finally:
            self._applying_range = False
        self._update_focus_marks()

    def set_reveal_until(self, x: float | None) -> None:
        """Classroom reveal: hide values whose period starts after `x` (decimal year); None shows all."""
        self.canvas.set_reveal_until(None if x is None else float(x))
        self._update_focus_marks()

    def _on_theme_changed(self, theme: Theme) -> None:
        self.view.setBackground(theme.background)
        self._show_presenting(theme.presenting)
        self.canvas.set_theme(theme)
        self._update_focus_marks()

    # ---- classroom mode and the legend ------------------------------------------------
    def _show_presenting(self, presenting: bool) -> None:
        """Classroom mode: no toolbar and no series list (made for a desk); the key beside the plot."""
        if presenting and not self._presenting:
            self._sizes_before = self.splitter.sizes()
        elif not presenting and self._presenting:
            self.splitter.setSizes(self._sizes_before)
        self._presenting = presenting
        self.toolbar.setHidden(presenting)
        self.series_side.setHidden(presenting)
        self.key_scroll.setVisible(presenting)
        if presenting:
            width = max(self.width(), 300)
            self.splitter.setSizes([0, round(width * KEY_SHARE[0]), round(width * KEY_SHARE[1])])

    def _place_legend(self) -> None:
        """The legend inside the plot only when it leaves the plot its room and nothing else shows the key.

        At the desk the series list, whose swatches match the lines, is the key (and a note under it
        says what hollow marks mean); in classroom mode the key stands beside the plot.
        """
        canvas = self.canvas
        if canvas.legend is None:
            return
        if canvas.legend_is_stale() and self._legend_may_show(canvas.legend_least_height()):
            canvas.bring_legend_up_to_date()  # it may show: first the entries it would have had all along
        legend = canvas.legend
        if canvas.legend_is_stale():
            inside = False  # even its least height is more than the pane would give it
        else:
            natural = legend.layout.effectiveSizeHint(Qt.SizeHint.PreferredSize).height()
            list_shown = not self._presenting and self.splitter.sizes()[0] > 0
            inside = not self._presenting and (not list_shown or natural <= self.view.height() * LEGEND_SHARE)
        hollow = any((~d.series.exact[: d.count]).any() for row in canvas.rows for d in row.drawn)
        self.hollow_note.setVisible(hollow and not inside)
        if inside == legend.isVisible():
            return
        natural = natural if inside else 0
        legend.setVisible(inside)
        legend.setMaximumHeight(natural)  # a hidden item keeps its row open unless it may shrink
        canvas.layout.layout.setRowFixedHeight(0, natural)
        canvas.layout.layout.activate()  # real geometry now: the pointer's hit-tests read it
        for row in canvas.rows:
            for vb in (row.plot.vb, row.right):
                if vb is not None:
                    vb.updateAutoRange()
        self._keep_marker_label_inside()

    def _legend_may_show(self, least_height: float) -> bool:
        """Whether _place_legend could show a legend at least `least_height` pixels tall (its test, with the
        least height for the natural one: False means it will certainly be hidden)."""
        if self._presenting:
            return False
        list_shown = self.splitter.sizes()[0] > 0
        return not list_shown or least_height <= self.view.height() * LEGEND_SHARE

    def _fill_key(self) -> None:
        if not self._presenting:
            return
        canvas = self.canvas
        titles = [s.title for s in canvas.series]
        one_unit = len({s.unit for s in canvas.series}) == 1  # the value axis names it: said once is enough
        entries = []
        for row in canvas.rows:
            two = len(row.units) == 2
            for side, unit in row.units.items():
                if not one_unit:  # a heading per axis, so each entry is only the words that tell it apart
                    tr = QCoreApplication.translate
                    where = tr("chart", "left axis") if side == "left" else tr("chart", "right axis")
                    entries.append(("", f"{unit} · {where}" if two else unit, "", ""))
                for d in row.drawn:
                    if d.side == side:
                        s = d.series
                        entries.append((s.series_id, distinct_part(s.title, titles), canvas.colour_of(s), s.symbol))
        hollow = any((~d.series.exact[: d.count]).any() for row in canvas.rows for d in row.drawn)
        self.key.set_entries(entries, hollow, canvas.theme)

    def _hold_value_range(self) -> None:
        """While values are revealed step by step, keep the value axes where all of them would put it.

        Fitting the axes to the values shown so far would give away what is hidden (a jump to come
        shows as room at the top), so each axis spans every value in view, shown or not.
        """
        canvas = self.canvas
        span = canvas.x_range()
        if canvas.reveal_until is None or span is None:
            return
        for row in canvas.rows:
            for vb in (row.plot.vb, row.right):
                if vb is None:
                    continue
                values = []
                for d in row.drawn:
                    if d.vb is vb:
                        s = d.series
                        lo, hi = np.searchsorted(s.x, span[0], "left"), np.searchsorted(s.x, span[1], "right")
                        y = s.y[lo:hi]
                        if canvas.log_y:
                            y = np.log10(y[y > 0])
                        values.append(y[np.isfinite(y)])
                found = np.concatenate(values) if values else np.empty(0)
                if len(found):
                    vb.setYRange(float(found.min()), float(found.max()))  # and no more fitting to what shows

    def _keep_marker_label_inside(self) -> None:
        """Put the focused event's title on the side of its line where it fits (it was cut at the right edge)."""
        canvas = self.canvas
        if not canvas.rows or canvas.marker is None:
            return
        vb = canvas.rows[0].plot.vb
        for _, item in canvas.rows[0].overlays:
            if isinstance(item, pg.TextItem):
                (_, _), (_, y1) = vb.viewRange()
                item.setPos(canvas.marker[0], y1)
                rect = vb.sceneBoundingRect()
                x = vb.mapViewToScene(QPointF(canvas.marker[0], y1)).x()
                width = item.boundingRect().width()
                right, left = rect.right() - x, x - rect.left()
                item.setAnchor((1, 0) if width > right and left > right else (0, 0))

    def _on_log_toggled(self, checked: bool) -> None:
        self.canvas.set_log(checked)
        self._update_focus_marks()

    def _on_fit_triggered(self) -> None:
        self.canvas.auto_x_range()

    # ---- focus ----------------------------------------------------------------------
    def _on_state_focus_changed(self, target: str, origin: str) -> None:
        self._focus_seen = target
        kind = self.dataset.kind_of(target) if target else None
        if kind in (SERIES, OBSERVATION):
            sid = target.partition("@")[0]
            if sid not in self.shown_series():
                self.set_series_checked(sid, True)  # the redraw takes the timeline's new range, if any
        start, self._pending_range = self._pending_range, None
        self._update_focus_marks(bring_into_view=True, start=start)

    def _update_focus_marks(self, bring_into_view: bool = False, start: tuple[float, float] | None = None) -> None:
        """Mark the focused fact; with `bring_into_view`, show it, starting from the range `start`
        (the timeline's, not yet set) or from the range shown now."""
        target = self.state.focus
        kind = self.dataset.kind_of(target) if target else None
        marker, label, ring, span = None, "", None, None
        if kind == EVENT:
            fact = self.dataset.fact(target, self._lang)
            x1 = fact.x1 if np.isfinite(fact.x1) else self.dataset.time_extent[1]
            is_period = fact.extra.get("event_kind") == "period"
            marker = (fact.x0, x1) if is_period else (fact.x0, fact.x0)
            label, span = shorten(visible(fact.title), 40), (fact.x0, x1 if is_period else fact.x0)
        elif kind == OBSERVATION:
            sid, _, period = target.partition("@")
            index = self._series(sid).index_of(period)
            if index is not None:
                ring = (sid, index)
                x = float(self._series(sid).x[index])
                span = (x, x)
        elif kind == SERIES:
            s = self._series(target)
            if len(s.x):
                span = (float(s.x0[0]), float(s.x1[-1]))
        if self._presenting:
            # On the wall the event is named in full in the key, not cut short inside the plot.
            self.key.set_marked(f"{fact_date(self.dataset, fact)} — {visible(fact.title)}" if kind == EVENT else "",
                                self.canvas.theme)
            self.key.set_emphasis(target.partition("@")[0] if kind in (SERIES, OBSERVATION) else "")
            label = ""
        if (marker, label) != (self.canvas.marker, self.canvas.marker_label):
            self.canvas.set_marker(marker, label)
        if ring != self.canvas.ring:
            self.canvas.set_ring(ring)
        moved = bring_into_view and span is not None and self._bring_into_view(span, kind == SERIES, start)
        if start is not None and not moved:
            self._apply_range(*start)
        self._keep_marker_label_inside()

    def _bring_into_view(self, span: tuple[float, float], whole: bool,
                         start: tuple[float, float] | None = None) -> bool:
        """Move the range (from `start`, else the one shown) so `span` shows; False if it already does."""
        current = start or self.canvas.x_range()
        if current is None:
            return False
        lo, hi = current
        if whole:
            if span[1] < lo or span[0] > hi:
                pad = (span[1] - span[0]) * 0.03 or 0.5
                self.canvas.set_x_range(span[0] - pad, span[1] + pad)
                return True
            return False
        if span[0] >= lo and span[1] <= hi:
            return False
        width = max(hi - lo, (span[1] - span[0]) * 1.2)
        centre = (span[0] + span[1]) / 2
        self.canvas.set_x_range(centre - width / 2, centre + width / 2)
        return True

    # ---- filters ------------------------------------------------------------------
    def _on_state_filters_changed(self, filters, _origin: str) -> None:
        # Runs for every key typed in the search box: only what the new filters change is done.
        mask = self.dataset.event_mask(filters)
        self._event_mask, self._event_id_cache = mask, None  # the ids are picked when the pointer asks
        self.canvas.set_event_markers(self._all_event_xs[mask])
        source = filters.source_id
        if source != self._source_seen:  # only a source filter greys out series (text and dates never do)
            self._source_seen = source
            backing = self.dataset.series_for_source(source) if source is not None else set()
            self._filling_list = True  # each setDisabled fires itemChanged, which would redraw the chart every time
            try:
                for item in self._series_items():
                    item.setDisabled(source is not None and item.data(0, SERIES_ROLE) not in backing)
            finally:
                self._filling_list = False
        if [s.series_id for s in self.canvas.series] != self.shown_series():
            self._redraw()

    @property
    def _event_ids(self) -> np.ndarray:
        """The ids of the events ticked now, in the order of `canvas.event_xs` (picked once per filter)."""
        if self._event_id_cache is None:
            self._event_id_cache = self._all_event_ids[self._event_mask]
        return self._event_id_cache

    # ---- time range -------------------------------------------------------------------
    def _on_state_range_changed(self, x0: float, x1: float, origin: str) -> None:
        if origin == ORIGIN or not self.link_action.isChecked():
            return
        if self.state.focus != self._focus_seen:
            self._pending_range = (x0, x1)  # set with the focus change on its way here (one change, not two)
            return
        self._apply_range(x0, x1)

    def _apply_range(self, x0: float, x1: float) -> None:
        self._applying_range = True
        try:
            self.canvas.set_x_range(x0, x1)
        finally:
            self._applying_range = False

    def _on_canvas_x_range_changed(self, x0: float, x1: float) -> None:
        self._hold_value_range()
        self._keep_marker_label_inside()
        if not self._applying_range and self.link_action.isChecked():
            self.state.set_time_range(x0, x1, ORIGIN)

    def _on_link_toggled(self, checked: bool) -> None:
        if self.settings is not None:
            self.settings.set(keys.LINK_CHART_TO_TIMELINE, checked)
        if checked and self.state.time_range is not None:
            self._apply_range(*self.state.time_range)

    # ---- pointer ------------------------------------------------------------------------
    def _radius(self) -> float:
        return HOVER_RADIUS * max(1.0, self.canvas.theme.scale)

    def _on_scene_mouse_moved(self, pos: QPointF) -> None:
        hit = self.canvas.nearest(pos, self._radius())
        if hit is not None:
            row, drawn, index, point = hit
            s = drawn.series
            self.canvas.show_hover(row, point, hover_html(s, index, self._source_name(s.target(index))), snap_y=True)
            return
        row = self.canvas.row_at(pos)
        if row is None:
            self.canvas.hide_hover()
            return
        near = self.canvas.events_near(pos, EVENT_RADIUS * max(1.0, self.canvas.theme.scale))
        if len(near):
            titles = [visible(self.dataset.fact(self._event_ids[i], self._lang).title) for i in near[:5]]
            self.canvas.show_hover(row, pos, events_hover_html(titles, max(0, len(near) - 5)), snap_y=False)
        else:
            self.canvas.show_hover(row, pos, "", snap_y=False)
            self.canvas.tooltip.hide()

    def _on_canvas_rebuilt(self) -> None:
        self._rebuilds += 1
        self._place_legend()
        self._fill_key()
        self._hold_value_range()
        self._keep_marker_label_inside()
        if self._pointer is not None:  # a redraw under a still pointer keeps its tooltip
            self._on_scene_mouse_moved(self._pointer)

    def _on_scene_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self.canvas.nearest(event.scenePos(), self._radius())
        if hit is not None:
            event.accept()
            self.state.set_focus(hit[1].series.target(hit[2]), ORIGIN)
            return
        near = self.canvas.events_near(event.scenePos(), EVENT_RADIUS * max(1.0, self.canvas.theme.scale))
        if len(near):
            event.accept()
            self.state.set_focus(str(self._event_ids[near[0]]), ORIGIN)

    def _source_name(self, target: str) -> str:
        if target not in self._sources:
            self._sources[target] = source_short_name(self.dataset, target)
        return self._sources[target]

    def hover_text(self) -> str:
        """The hover tooltip's text as the user reads it ("" when none is shown)."""
        return self.canvas.hover_text()

    # ---- export -------------------------------------------------------------------------
    def _on_export_triggered(self) -> None:
        from .chart_export import export_with_dialog

        export_with_dialog(self)
