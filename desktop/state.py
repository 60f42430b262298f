"""What is selected, shared by every pane: the one SelectionState.

It holds ids and ranges only, never data. A pane changes it and every pane,
the changer included, redraws from it. Each change carries its origin, and
setting a value that is already set does nothing, so panes cannot ping-pong.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from .dataset.filters import Filters


class SelectionState(QObject):
    """The focused fact, the visible time range and the filters."""

    focus_changed = Signal(str, str)  # target ("" for none), origin
    range_changed = Signal(float, float, str)  # start, end (decimal years), origin
    filters_changed = Signal(object, str)  # Filters, origin

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._focus = ""
        self._range: tuple[float, float] | None = None
        self._filters = Filters()

    @property
    def focus(self) -> str:
        return self._focus

    @property
    def time_range(self) -> tuple[float, float] | None:
        return self._range

    @property
    def filters(self) -> Filters:
        return self._filters

    def set_focus(self, target: str, origin: str) -> None:
        if target != self._focus:
            self._focus = target
            self.focus_changed.emit(target, origin)

    def set_time_range(self, start: float, end: float, origin: str) -> None:
        new = (float(start), float(end))
        if new != self._range:
            self._range = new
            self.range_changed.emit(new[0], new[1], origin)

    def set_filters(self, filters: Filters, origin: str) -> None:
        if filters != self._filters:
            self._filters = filters
            self.filters_changed.emit(filters, origin)

    def reset(self) -> None:
        """Forget everything, as when another dataset is opened."""
        self.set_filters(Filters(), "reset")
        self.set_focus("", "reset")
        self._range = None
