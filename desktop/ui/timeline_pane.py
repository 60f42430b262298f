"""Timeline pane: every event, period and standing statement in lanes by category, linked.

The pane joins three parts: the filter bar (which sets the shared filters),
the painted `TimelineView` (zoom, pan, click, keys) and the shared
`SelectionState`. It publishes its visible span with `set_time_range(...,
"timeline")` so the chart can follow, follows spans set by other panes,
focuses what the user picks, and scrolls to and highlights what other panes
focus. Every filter goes through `Dataset.event_mask` (via an exact cache).
"""
from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..dataset.dataset import Dataset
from ..dataset.filters import Filters
from ..state import SelectionState
from .i18n import data_language
from .timeline_filter import EventFilterCache
from .theme import Theme, themes
from .timeline_filterbar import TimelineFilterBar
from .timeline_layout import TimelineModel
from .timeline_text import TimelineText, tr
from .timeline_view import TimelineView

ORIGIN = "timeline"


class TimelinePane(QWidget):
    """The timeline with its filter bar; it reads and writes only the shared state."""

    def __init__(self, dataset: Dataset, state: SelectionState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePane")
        self.setAccessibleName(tr("Timeline"))
        self.dataset, self.state = dataset, state
        self.model = TimelineModel.from_dataset(dataset)
        self.text = TimelineText(dataset, self.model, data_language())
        self.filter_cache = EventFilterCache(dataset)
        # Left/Right walk facts in time; the dataset is sorted by time, ties by file order.
        self.time_order = np.argsort(self.model.x0, kind="stable")  # ties keep file order (and x0 comes sorted: fast)

        self.view = TimelineView(self.model, self.text, self)
        self.view.setAccessibleName(tr("Timeline chart"))
        self.bar = TimelineFilterBar(
            [(name, self.text.lane_name(i)) for i, name in enumerate(self.model.lanes)], self.view.extent(), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar)
        layout.addWidget(self.view, 1)
        QWidget.setTabOrder(self.bar.search, self.view)  # Tab follows the eye: the filters, then the timeline

        self.bar.filters_edited.connect(self._on_bar_filters_edited)
        self.bar.zoom_in.connect(lambda: self.view.zoom(1.25 ** 2, self.view._key_anchor()))
        self.bar.zoom_out.connect(lambda: self.view.zoom(1 / 1.25 ** 2, self.view._key_anchor()))
        self.bar.fit_all.connect(self.view.fit_all)
        self.view.item_clicked.connect(self._on_view_item_clicked)
        self.view.view_changed.connect(self._on_view_changed)
        self.view.key_step.connect(self._on_view_key_step)
        state.focus_changed.connect(self._on_state_focus_changed)
        state.range_changed.connect(self._on_state_range_changed)
        state.filters_changed.connect(self._on_state_filters_changed)
        themes().changed.connect(self._on_themes_changed)
        self._on_themes_changed(themes().theme)

        self._apply_filters(state.filters)
        self.bar.show_filters(state.filters)
        if state.time_range is not None:
            self.view.set_view(*state.time_range, emit=False)
        else:
            state.set_time_range(*self.view.view, ORIGIN)
        if state.focus:
            self._on_state_focus_changed(state.focus, "startup")
        self._describe()

    # ---- what is shown -------------------------------------------------------
    def shown_mask(self) -> np.ndarray:
        return self.view.mask

    def _apply_filters(self, filters: Filters) -> None:
        mask = self.filter_cache.mask(filters)
        self.view.set_mask(mask)
        self._shown = int(mask.sum())
        self._update_count()

    def _update_count(self) -> None:
        note = ""
        index = self.view.focus_index
        if index >= 0 and not self.view.mask[index]:
            note = tr("(the focused fact is hidden by the filters)")
        self.bar.set_count(self._shown, len(self.model), note)

    def _describe(self) -> None:
        """The focused fact in words, for screen readers."""
        index = self.view.focus_index
        base = tr("Events, periods and standing statements in lanes by category. "
                  "Left and Right move between facts, plus and minus zoom, Ctrl+arrows pan.")
        description = base if index < 0 else tr("Focused: {fact}").format(fact=self.text.describe(index))
        self.view.setAccessibleDescription(description)
        self.setAccessibleDescription(description)

    # ---- user actions --------------------------------------------------------
    def _on_bar_filters_edited(self, filters: Filters) -> None:
        self.state.set_filters(filters, ORIGIN)

    def _on_view_item_clicked(self, index: int) -> None:
        self.state.set_focus(str(self.model.ids[index]), ORIGIN)

    def _on_view_changed(self, x0: float, x1: float) -> None:
        self.state.set_time_range(x0, x1, ORIGIN)

    def _on_view_key_step(self, step: str) -> None:
        """Move the focus to the previous/next/first/last fact the filters show."""
        visible = self.time_order[self.view.mask[self.time_order]]
        if len(visible) == 0:
            return
        where = np.flatnonzero(visible == self.view.focus_index)
        if step == "first":
            target = visible[0]
        elif step == "last":
            target = visible[-1]
        elif len(where):
            k = int(where[0]) + (1 if step == "next" else -1)
            target = visible[min(max(k, 0), len(visible) - 1)]
        else:  # nothing focused: start from the view's edge in the direction of travel
            pos = self.model.pos[visible]
            if step == "next":
                after = np.flatnonzero(pos >= self.view.view[0])
                target = visible[after[0]] if len(after) else visible[-1]
            else:
                before = np.flatnonzero(pos <= self.view.view[1])
                target = visible[before[-1]] if len(before) else visible[0]
        self.state.set_focus(str(self.model.ids[int(target)]), ORIGIN)

    # ---- the shared state ------------------------------------------------------
    def _on_state_focus_changed(self, target: str, origin: str) -> None:
        index = self.model.index_of.get(target, -1)
        self.view.set_focus_index(index)
        self.view.highlight_span = None
        if index >= 0:
            self.view.ensure_visible(float(self.model.x0[index]), float(self.model.x1[index]))
        elif target and self.dataset.kind_of(target) == "observation":
            fact = self.dataset.fact(target)
            self.view.highlight_span = (fact.x0, fact.x1)
            self.view.ensure_visible(fact.x0, fact.x1)
        self._update_count()
        self._describe()

    def _on_state_range_changed(self, x0: float, x1: float, origin: str) -> None:
        if origin != ORIGIN:
            self.view.set_view(x0, x1, emit=False)

    def _on_themes_changed(self, theme: Theme) -> None:
        # The filter bar is made for a desk, not for the back of a classroom: while presenting it
        # gives its row to the lanes. The filters it set still apply (they live in the state).
        self.bar.setVisible(not theme.presenting)

    def _on_state_filters_changed(self, filters: Filters, origin: str) -> None:
        if origin != ORIGIN:
            self.bar.show_filters(filters)
        self._apply_filters(filters)
