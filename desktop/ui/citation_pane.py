"""Citation pane: who says so about the focused fact, in their own words (placeholder)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ..dataset.dataset import Dataset
from ..state import SelectionState
from .i18n import data_language


class CitationPane(QScrollArea):
    """Shows the focused fact and each citation: claim type, quote and source, as plain text."""

    def __init__(self, dataset: Dataset, state: SelectionState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citationPane")
        self.dataset, self.state = dataset, state
        self.setWidgetResizable(True)
        self.label = QLabel(self)
        self.label.setObjectName("citationText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setMargin(12)
        self.setWidget(self.label)
        state.focus_changed.connect(self._on_state_focus_changed)
        self._on_state_focus_changed(state.focus, "")

    def _on_state_focus_changed(self, target: str, _origin: str) -> None:
        if not target:
            self.label.setText(self.tr("Select an event on the timeline or a point on the chart to see who says so."))
            return
        fact = self.dataset.fact(target, data_language())
        lines = [fact.title, fact.date_label]
        if fact.value is not None:
            lines.append(f"{fact.value:,.0f} {fact.unit}")
        for _, cite in self.dataset.citations_for(target).iterrows():
            lines += ["", f"[{cite['claim_type']}] {cite['stance']}"]
            if cite["quote"]:
                lines.append(f"“{cite['quote']}”")
            lines.append(f"— {cite['title_source'] if 'title_source' in cite else cite['title']}, {cite['publisher']}")
        self.label.setText("\n".join(lines))
