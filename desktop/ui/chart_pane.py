"""Chart pane: the dataset's time series (placeholder plot of the first group)."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..dataset.dataset import Dataset
from ..state import SelectionState

ORIGIN = "chart"


class ChartPane(QWidget):
    """Plots the first group's series; clicking a point focuses that value."""

    def __init__(self, dataset: Dataset, state: SelectionState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartPane")
        self.dataset, self.state = dataset, state
        self.plot = pg.PlotWidget(self, background="w")
        self.plot.setObjectName("chartPlot")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        groups = dataset.series["group"]
        first = groups.iloc[0] if len(groups) else ""
        palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
        for i, series_id in enumerate(dataset.series.index[groups == first]):
            obs = dataset.observations_of(series_id)
            colour = palette[i % len(palette)]
            item = pg.ScatterPlotItem(
                x=obs["x"].to_numpy(float), y=obs["value"].to_numpy(float),
                data=[f"{series_id}@{p}" for p in obs["period"]], brush=colour, size=9,
            )
            item.sigClicked.connect(self._on_points_clicked)
            self.plot.addItem(pg.PlotDataItem(obs["x"].to_numpy(float), obs["value"].to_numpy(float), pen=colour))
            self.plot.addItem(item)

    def _on_points_clicked(self, _item: pg.ScatterPlotItem, points, _event) -> None:
        if len(points):
            self.state.set_focus(points[0].data(), ORIGIN)
