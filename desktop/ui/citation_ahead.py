"""Work the citation pane does while the reader reads: spare cards, and measuring the facts likely to come next.

Most of what a first visit to a fact costs the pane is Qt measuring its
labels' wrapped text for the first time (a size hint, then a height at the
width shown). Those answers are kept per text and look (`MEASURES`), so a
label of the same look asked later is answered from them, exactly as Qt
answered. `AheadWork` asks them for facts not yet shown, in a view of its
own that is never shown, while the app is idle: only after the reader has
left the pane alone for `QUIET_MS`, one fact per turn of the event loop (a
few milliseconds), and it stops at the reader's next action (a focus change
restarts the wait). Nothing on screen is touched, so nothing is painted.
The first turns of a spell make spare citation cards for the next new fact
(`CitationPane.stock_one_card`), up to a few waiting.

The facts measured are those nearest in time to the focus (the neighbours a
lesson or a reader moves to next), then the series and their values, at
most `AHEAD_FACTS` per resting spell.
"""
from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from ..dataset.dataset import OBSERVATION
from .citation_cards import FactView, Spares

QUIET_MS = 150  # the reader has left the pane alone this long: the app is idle
AHEAD_FACTS = 64  # facts measured per resting spell, nearest in time first (a few ms each)


class AheadWork(QObject):
    """Measures the likely next facts' labels while the app is idle, for the pane `pane`.

    `pane` gives the dataset, the look (`look()`), the widths its views are
    laid out at (`view_widths()`), the focus, and its citation rows and
    sources; `user_acted()` is called on every focus change. `measured`
    counts the facts measured so far (tests read it).
    """

    def __init__(self, pane) -> None:
        super().__init__(pane)
        self._pane = pane
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.timeout.connect(self._on_quiet_timeout)
        self._last_action = 0.0  # time.monotonic() of the reader's last action
        self._turn = QTimer(self)
        self._turn.setSingleShot(True)
        self._turn.setInterval(0)
        self._turn.timeout.connect(self._run_one)
        self._queue: list[str] = []
        self._done: set[tuple] = set()  # (look, widths, target) already measured
        self._holder: QWidget | None = None  # hidden, under the pane: the scratch view's fonts are the pane's
        self._scratch: FactView | None = None
        self._scratch_look: tuple | None = None
        self._starts: np.ndarray | None = None  # each event's start, as a number
        self.measured = 0

    def user_acted(self, *_change) -> None:
        """The reader did something (focus, filter, range): stop, and start again once they have left the app alone a while."""
        if self._turn.isActive():
            self._turn.stop()
        self._queue = []
        self._last_action = time.monotonic()
        if not self._quiet.isActive():  # restarting a running timer on every focus change cost more than this
            self._quiet.start(QUIET_MS)

    def _on_quiet_timeout(self) -> None:
        left = QUIET_MS - (time.monotonic() - self._last_action) * 1000.0
        if left >= 1.0:  # the reader acted since the wait began: wait the rest of the time from then
            self._quiet.start(round(left))
            return
        self._begin()

    def stop(self) -> None:
        """Do nothing more until the next `user_acted()`."""
        self._turn.stop()
        self._quiet.stop()
        self._queue = []

    def forget_look(self) -> None:
        """The look changed (theme, language): the scratch view was made for the old one."""
        if self._scratch is not None:
            self._scratch.setParent(None)
            self._scratch.deleteLater()
        self._scratch = None
        self._scratch_look = None

    # ---- choosing -------------------------------------------------------
    def _begin(self) -> None:
        pane = self._pane
        if not pane.ready_for_ahead():
            return
        key = (pane.look(), pane.view_widths())
        self._queue = [t for t in self._likely_next(pane.state.focus) if (key, t) not in self._done]
        self._turn.start()

    def _likely_next(self, focus: str) -> list[str]:
        """Facts to measure, most likely first: events nearest in time to the focus, then series and values."""
        dataset = self._pane.dataset
        events = dataset.events
        if self._starts is None:
            self._starts = events["x0"].to_numpy(dtype=float)
        kind = dataset.kind_of(focus) if focus else None
        at = None
        if kind == OBSERVATION:
            at = float(dataset.observation(focus)["x"])
        elif focus in events.index:
            at = float(events.at[focus, "x0"])
        starts = self._starts
        if at is None and len(starts):
            at = float(np.nanmin(starts)) if np.isfinite(starts).any() else 0.0  # nothing chosen: from the start
        ahead = [str(events.index[i]) for i in _nearest(starts, at, AHEAD_FACTS)]
        ahead += [str(s) for s in dataset.series.index[:AHEAD_FACTS]]
        observations = dataset.observations
        if len(ahead) < AHEAD_FACTS and len(observations):
            ids, periods = observations["series_id"].to_numpy(), observations["period"].to_numpy()
            near = _nearest(observations["x"].to_numpy(dtype=float), at or 0.0, AHEAD_FACTS - len(ahead))
            ahead += [f"{ids[i]}@{periods[i]}" for i in near]
        return [t for t in dict.fromkeys(ahead) if t != focus][:AHEAD_FACTS]

    # ---- measuring ------------------------------------------------------
    def _run_one(self) -> None:
        """One turn: a spare card if one is wanted, else the next fact measured; then yield to the event loop."""
        pane = self._pane
        if not pane.ready_for_ahead():
            return
        if pane.stock_one_card(self._scratch):
            self._turn.start()
            return
        if not self._queue:
            return
        target = self._queue.pop(0)
        look, widths = pane.look(), pane.view_widths()
        self._measure(target, look, widths)
        self._done.add(((look, widths), target))
        self._turn.start()

    def _measure(self, target: str, look: tuple, widths: tuple[int, ...]) -> None:
        """Ask each label of `target`'s view what Qt would be asked when it is shown: its hints, its heights."""
        view = self._view_of(target, look)
        for label in view.labels():
            label.minimumSizeHint()
            label.sizeHint()
            for width in widths:
                label.heightForWidth(width)
        self.measured += 1

    def _view_of(self, target: str, look: tuple) -> FactView:
        if self._scratch is not None and self._scratch_look == look:
            self._scratch.fill(target)
            return self._scratch
        self.forget_look()
        pane = self._pane
        if self._holder is None:
            self._holder = QWidget(pane)  # never shown: what is made here is never painted
            self._holder.setObjectName("citationAhead")
            self._holder.hide()
        self._scratch = FactView(pane.dataset, target, look[0], pane.data_language(), self._holder,
                                 sources=pane.source_records(), spares=Spares(self._holder),
                                 rows=pane.citation_rows())
        self._scratch_look = look
        return self._scratch


def _nearest(values: np.ndarray, centre: float, count: int) -> np.ndarray:
    """The positions of the `count` values nearest `centre`, nearest first (no full sort of a long column)."""
    if count <= 0 or not len(values):
        return np.empty(0, dtype=np.intp)
    distance = np.abs(values - centre)
    distance[np.isnan(distance)] = np.inf
    if len(distance) > count:
        picked = np.argpartition(distance, count - 1)[:count]
    else:
        picked = np.arange(len(distance))
    return picked[np.argsort(distance[picked], kind="stable")]
