"""Timeline pane: the events of the dataset in time order (placeholder list view)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..dataset.dataset import Dataset
from ..state import SelectionState
from .i18n import data_language

ORIGIN = "timeline"


class TimelinePane(QWidget):
    """Lists events; clicking one focuses it, and outside focus changes select it."""

    def __init__(self, dataset: Dataset, state: SelectionState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePane")
        self.dataset, self.state = dataset, state
        self.list = QListWidget(self)
        self.list.setObjectName("timelineList")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        lang = data_language()
        for event_id, row in dataset.events.iterrows():
            fact = dataset.fact(event_id, lang)
            item = QListWidgetItem(f"{fact.date_label} — {fact.title}")
            item.setData(Qt.ItemDataRole.UserRole, event_id)
            self.list.addItem(item)
        self.list.itemClicked.connect(self._on_list_clicked)
        state.focus_changed.connect(self._on_state_focus_changed)

    def _on_list_clicked(self, item: QListWidgetItem) -> None:
        self.state.set_focus(item.data(Qt.ItemDataRole.UserRole), ORIGIN)

    def _on_state_focus_changed(self, target: str, origin: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == target:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
                return
        self.list.clearSelection()
