"""The chart as it looks at one step of a handout, drawn off screen to an image.

A hidden `ChartPane` with its own private `SelectionState` is set up as the
classroom would see the step: the step's series and the others of its group
ticked, the whole span in view, the step's value or series focused (ringed,
brought into view). It is then drawn by `chart_export` (title, units, source
line) in the light print theme, whatever theme the app is showing.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QImage

from ..dataset.dataset import Dataset
from ..dataset.filters import Filters
from ..state import SelectionState
from ..ui.theme import LIGHT

CHART_SIZE = (2000, 1075)  # pixels: laid out 1280 wide, drawn about 300 dpi across a printed page
# On paper the 1280-pixel layout shrinks to about half: larger type, lines and marks keep it legible.
PRINT_THEME = replace(LIGHT, scale=1.8, line_width=3.5, marker_size=12.0)


class StepCharts:
    """Draws the chart for a focus target; one hidden pane is reused for every step."""

    def __init__(self, dataset: Dataset, filters: Filters | None = None) -> None:
        from ..ui.chart_pane import ChartPane

        self.dataset = dataset
        self.state = SelectionState()
        if filters is not None:
            self.state.set_filters(filters, "export")
        self.pane = ChartPane(dataset, self.state)

    def image(self, target: str, series: list[str] | None = None) -> QImage:
        """The chart focused on `target` (a series or `series_id@period`), showing `series` or its group."""
        from ..ui.chart_export import png_bytes, spec_of

        sid = target.partition("@")[0]
        shown = series if series is not None else self.group_of(sid)
        for other in self.dataset.series.index:
            self.pane.set_series_checked(other, other in shown)
        self.state.set_focus("", "export")
        self.pane.canvas.auto_x_range()
        self.state.set_focus(target, "export")
        spec = replace(spec_of(self.pane), theme=PRINT_THEME)
        image = QImage()
        image.loadFromData(png_bytes(spec, CHART_SIZE), "PNG")
        return image

    def group_of(self, series_id: str) -> list[str]:
        """The series drawn together with this one by default: those of its group (or it alone)."""
        table = self.dataset.series
        group = str(table.loc[series_id].get("group", "") or "")
        if not group:
            return [series_id]
        return [s for s, g in zip(table.index, table["group"]) if g == group]

    def close(self) -> None:
        self.pane.close()
        self.pane.deleteLater()
