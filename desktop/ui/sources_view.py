"""The Sources view: every source of the dataset with the number of facts it backs.

Choosing a source (click, or Enter on the keyboard) narrows the timeline and
the chart to the facts it backs, by setting `filters.source_id` in the shared
state and keeping the other filters; "Show all" removes that restriction.
The view redraws from the state, so a filter set elsewhere (or a reset) shows
here too.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ..dataset.dataset import Dataset
from ..dataset.filters import Filters
from ..state import SelectionState
from .citation_cards import date_text, source_kind_label
from .safe_text import tooltip, visible

ORIGIN = "citations"
SOURCE_ID_ROLE = Qt.ItemDataRole.UserRole
TITLE, FACTS = range(2)  # the title column also carries publisher and date on a second line


def _tr(text: str) -> str:
    return QCoreApplication.translate("SourcesView", text)


class SourcesView(QWidget):
    """A sortable list of sources with fact counts; choosing one filters the other panes to it."""

    def __init__(self, dataset: Dataset, state: SelectionState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcesView")
        self.dataset, self.state = dataset, state
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)

        banner = QHBoxLayout()
        self.filter_label = QLabel(self)
        self.filter_label.setObjectName("sourceFilterLabel")
        self.filter_label.setTextFormat(Qt.TextFormat.PlainText)
        self.filter_label.setWordWrap(True)
        self.show_all_button = QPushButton(_tr("Show all"), self)
        self.show_all_button.setObjectName("showAllSources")
        self.show_all_button.setAccessibleName(_tr("Show facts from every source"))
        self.show_all_button.clicked.connect(self._on_show_all_clicked)
        banner.addWidget(self.filter_label, 1)
        banner.addWidget(self.show_all_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(banner)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("sourcesList")
        self.tree.setAccessibleName(_tr("Sources"))
        self.tree.setAccessibleDescription(_tr("Choose a source to show only the facts it backs."))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(False)  # a view cannot size wrapped rows to its column: elide, full title in the tooltip
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels([_tr("Source"), _tr("Facts")])
        self.tree.headerItem().setToolTip(FACTS, tooltip(_tr("How many facts this source is cited for")))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FACTS, QHeaderView.ResizeMode.ResizeToContents)
        self._items: dict[str, QTreeWidgetItem] | None = None  # filled when first shown or asked for
        self.titles: dict[str, str] = {}
        self.tree.itemClicked.connect(self._on_tree_item_chosen)
        self.tree.itemActivated.connect(self._on_tree_item_chosen)
        layout.addWidget(self.tree, 1)

        state.filters_changed.connect(self._on_state_filters_changed)
        self._on_state_filters_changed(state.filters, "")

    @property
    def items(self) -> dict[str, QTreeWidgetItem]:
        """The list's rows by source id, made on first use: the tab is not on screen when the window opens."""
        if self._items is None:
            self._fill()
        return self._items

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.items  # noqa: B018 - fills the list before it is first painted
        super().showEvent(event)

    def _fill(self) -> None:
        counts = self.dataset.source_fact_counts()
        sources = self.dataset.sources
        self._items = {}
        for source_id, row in zip(sources.index, sources.to_dict("records")):  # iterrows makes a Series per row
            item = QTreeWidgetItem()
            self.titles[source_id] = visible(row["title"])
            byline = " · ".join((visible(row["publisher"]), date_text(row.get("published_date"))))
            item.setText(TITLE, f"{self.titles[source_id]}\n{byline}")
            item.setData(FACTS, Qt.ItemDataRole.DisplayRole, int(counts.get(source_id, 0)))
            item.setTextAlignment(FACTS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            item.setData(TITLE, SOURCE_ID_ROLE, source_id)
            details = [row["title"], row["author"], row["publisher"], source_kind_label(row["kind"])]
            item.setToolTip(TITLE, tooltip("\n".join(d for d in details if d)))
            self._items[source_id] = item
        self.tree.addTopLevelItems(list(self._items.values()))
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(FACTS, Qt.SortOrder.DescendingOrder)
        self._on_state_filters_changed(self.state.filters, "")

    def choose(self, source_id: str | None) -> None:
        """Show only the facts `source_id` backs (None: every fact), keeping the other filters."""
        self.state.set_filters(replace(self.state.filters, source_id=source_id), ORIGIN)

    def _on_tree_item_chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.choose(item.data(TITLE, SOURCE_ID_ROLE))

    def _on_show_all_clicked(self) -> None:
        self.choose(None)

    def _on_state_filters_changed(self, filters: Filters, _origin: str) -> None:
        if self._items is None:
            return  # shown with the state as it is then, when the list is made
        source_id = filters.source_id
        item = self._items.get(source_id) if source_id else None
        if item is None:
            self.filter_label.setText(_tr("Showing facts from every source. Choose one to see only what it backs."))
            self.show_all_button.setEnabled(False)
            self.tree.clearSelection()
            return
        self.filter_label.setText(_tr("Showing only facts from: {title}").format(title=self.titles[source_id]))
        self.show_all_button.setEnabled(True)
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)
