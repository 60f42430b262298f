"""The timeline's toolbar: filters (categories, claim types, dates, text), the count, and zoom.

The bar builds a `Filters` from its controls and emits `filters_edited`; the
pane puts it in the shared state. `show_filters` sets the controls from the
state without emitting, so a change made elsewhere is reflected, not echoed.
"""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import (
    QDateEdit, QLabel, QLineEdit, QMenu, QSizePolicy, QToolBar, QToolButton, QWidget,
)

from ..dataset.contract import CLAIM_TYPES
from ..dataset.dates import date_from_decimal_year, decimal_year
from ..dataset.filters import Filters
from .i18n import format_number
from .safe_text import tooltip, visible
from .theme import claim_type_explanation, claim_type_label
from .timeline_text import tr

NO_LIMIT_LOW, NO_LIMIT_HIGH = 0.0, 10000.0


class StickyMenu(QMenu):
    """A menu of check boxes that stays open while several are ticked."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class TimelineFilterBar(QToolBar):
    """Filter controls, the "42 of 118 facts" count, and − / + / Fit all."""

    filters_edited = Signal(object)  # Filters
    zoom_in = Signal()
    zoom_out = Signal()
    fit_all = Signal()

    def __init__(self, categories: list[tuple[str, str]], extent: tuple[float, float],
                 parent: QWidget | None = None) -> None:
        super().__init__(tr("Timeline filters"), parent)
        self.setObjectName("timelineFilterBar")
        self.setMovable(False)
        self.setFloatable(False)
        self._source_id: str | None = None
        self._quiet = False

        self.category_menu = StickyMenu(self)
        self.category_actions = self._checkable_menu(self.category_menu, categories, "")
        self.category_button = self._menu_button(tr("Categories"), self.category_menu, "timelineCategoryFilter",
                                                 tr("Show only some categories"))
        claims = [(c, claim_type_label(c)) for c in CLAIM_TYPES]
        self.claim_menu = StickyMenu(self)
        self.claim_actions = self._checkable_menu(self.claim_menu, claims, "claims")
        self.claim_button = self._menu_button(tr("Sources"), self.claim_menu, "timelineClaimFilter",
                                              tr("Show facts backed by these kinds of source"))

        lo_year = max(1, int(extent[0]) - 1)
        hi_year = min(9999, int(extent[1]) + 1)
        self.from_edit = self._date_edit("timelineFromDate", tr("From date"), lo_year, hi_year)
        self.to_edit = self._date_edit("timelineToDate", tr("To date"), lo_year, hi_year)
        self.addWidget(self._plain_label(tr("From")))
        self.addWidget(self.from_edit)
        self.addWidget(self._plain_label(tr("to")))
        self.addWidget(self.to_edit)

        self.search = QLineEdit(self)
        self.search.setObjectName("timelineSearch")
        self.search.setPlaceholderText(tr("Search titles, quotes, sources…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Search the timeline"))
        self.search.setMinimumWidth(180)
        self.search.setMaximumWidth(340)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.search.textChanged.connect(self._emit)
        self.addWidget(self.search)

        self.count_label = self._plain_label("")
        self.count_label.setObjectName("timelineCount")
        self.count_label.setAccessibleName(tr("Facts shown"))
        self.addWidget(self.count_label)

        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        self.zoom_out_action = self._action("−", "timelineZoomOut", tr("Zoom out"), self.zoom_out)
        self.zoom_in_action = self._action("+", "timelineZoomIn", tr("Zoom in"), self.zoom_in)
        self.fit_action = self._action(tr("Fit all"), "timelineFitAll", tr("Show the whole timeline"), self.fit_all)

    # ---- building -------------------------------------------------------------
    def _plain_label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setContentsMargins(6, 0, 4, 0)
        return label

    def _checkable_menu(self, menu: QMenu, items: list[tuple[str, str]], tip_kind: str) -> dict[str, QAction]:
        actions: dict[str, QAction] = {}
        every = menu.addAction(tr("Show all"))
        every.triggered.connect(lambda: self._set_all(actions, True))
        menu.addSeparator()
        for value, words in items:
            action = menu.addAction(visible(words).replace("&", "&&"))
            action.setCheckable(True)
            action.setChecked(True)
            action.setData(value)
            if tip_kind == "claims":
                action.setToolTip(claim_type_explanation(value))
            else:  # without a tooltip of its own an action shows its text, which Qt may read as rich text
                action.setToolTip(tooltip(words))
            action.toggled.connect(self._emit)
            actions[value] = action
        menu.setToolTipsVisible(True)
        return actions

    def _menu_button(self, text: str, menu: QMenu, name: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(text)
        button.setAccessibleDescription(tip)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addWidget(button)
        return button

    def _date_edit(self, name: str, accessible: str, lo_year: int, hi_year: int) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setCalendarPopup(True)
        # The earliest date stands for "no limit" and reads "any".
        edit.setDateRange(QDate(lo_year - 1, 1, 1), QDate(hi_year, 12, 31))
        edit.setSpecialValueText(tr("any"))
        edit.setDate(edit.minimumDate())
        edit.dateChanged.connect(self._emit)
        return edit

    def _action(self, text: str, name: str, tip: str, signal) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.triggered.connect(signal.emit)
        self.addAction(action)
        button = self.widgetForAction(action)
        button.setObjectName(name + "Button")
        button.setAccessibleName(tip)
        return action

    # ---- filters <-> controls ---------------------------------------------------
    def _set_all(self, actions: dict[str, QAction], checked: bool) -> None:
        self._quiet = True
        for action in actions.values():
            action.setChecked(checked)
        self._quiet = False
        self._emit()

    def _date_of(self, edit: QDateEdit) -> date | None:
        if edit.date() == edit.minimumDate():
            return None
        return edit.date().toPython()

    def filters(self) -> Filters:
        """The filters the controls say."""
        categories = frozenset(v for v, a in self.category_actions.items() if a.isChecked())
        claims = frozenset(v for v, a in self.claim_actions.items() if a.isChecked())
        start, end = self._date_of(self.from_edit), self._date_of(self.to_edit)
        date_range = None
        if start or end:
            date_range = (decimal_year(start) if start else NO_LIMIT_LOW,
                          decimal_year(end + timedelta(days=1)) if end else NO_LIMIT_HIGH)
        return Filters(
            categories=None if len(categories) == len(self.category_actions) else categories,
            claim_types=None if len(claims) == len(self.claim_actions) else claims,
            date_range=date_range, text=self.search.text(), source_id=self._source_id,
        )

    def _emit(self, *_args) -> None:
        if not self._quiet:
            self._update_button_texts()
            self.filters_edited.emit(self.filters())

    def _update_button_texts(self) -> None:
        for button, actions, words in ((self.category_button, self.category_actions, tr("Categories")),
                                       (self.claim_button, self.claim_actions, tr("Sources"))):
            on = sum(a.isChecked() for a in actions.values())
            button.setText(words if on == len(actions) else tr("{what} ({on} of {all})").format(
                what=words, on=on, all=len(actions)))

    def show_filters(self, filters: Filters) -> None:
        """Set the controls from filters chosen elsewhere, without emitting."""
        self._quiet = True
        self._source_id = filters.source_id
        for values, actions in ((filters.categories, self.category_actions), (filters.claim_types, self.claim_actions)):
            for value, action in actions.items():
                action.setChecked(values is None or value in values)
        lo, hi = filters.date_range if filters.date_range else (NO_LIMIT_LOW, NO_LIMIT_HIGH)
        self.from_edit.setDate(self.from_edit.minimumDate() if lo <= NO_LIMIT_LOW else QDate(date_from_decimal_year(lo)))
        self.to_edit.setDate(self.to_edit.minimumDate() if hi >= NO_LIMIT_HIGH
                             else QDate(date_from_decimal_year(hi) - timedelta(days=1)))
        if self.search.text() != filters.text:
            self.search.setText(filters.text)
        self._quiet = False
        self._update_button_texts()

    def set_count(self, shown: int, total: int, note: str = "") -> None:
        text = tr("{shown} of {total} facts").format(shown=format_number(shown), total=format_number(total))
        self.count_label.setText(f"{text} {note}".strip())
