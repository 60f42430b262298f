"""Timeline speed at 100,000 events: repaint after a zoom, a range linked from the chart,
filter-as-you-type, focus change.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.bench_timeline [FOLDER]

Writes the seeded synthetic dataset (tests/benchmarks/synthetic.py) to FOLDER
(a temporary folder by default), builds a TimelinePane at 1920×420, and prints
the p95 in milliseconds of each step. Not collected by pytest (bench_*.py).
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np  # noqa: E402


LAST: dict[str, float] = {}


class Clock:
    """Wall time and this process's CPU time per sample; on a shared, busy machine the CPU
    time is the fairer number (the wall time also counts waiting for a core)."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def __enter__(self) -> "Clock":
        self._w, self._c = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc) -> None:
        self.wall.append(time.perf_counter() - self._w)
        self.cpu.append(time.process_time() - self._c)

    def result(self) -> float:
        LAST["cpu_p95"] = float(np.percentile(np.array(self.cpu) * 1000.0, 95))
        return p95(self.wall)


def p95(samples: list[float]) -> float:
    """The 95th percentile in ms (the median is kept in LAST, as a check against a busy machine)."""
    ms = np.array(samples) * 1000.0
    LAST["median"] = float(np.median(ms))
    return float(np.percentile(ms, 95))


def _pane(folder: Path, events: int):
    from desktop.app import create_application
    from desktop.dataset.loader import load_dataset
    from desktop.state import SelectionState
    from desktop.ui.timeline_pane import TimelinePane

    from .synthetic import write_synthetic

    app = create_application()
    if not (folder / "datapackage.json").is_file():
        write_synthetic(folder, events=events)
    dataset = load_dataset(folder)
    state = SelectionState()
    pane = TimelinePane(dataset, state)
    pane.resize(1920, 420)
    pane.show()
    app.processEvents()
    return app, dataset, state, pane


def _repaint(pane) -> None:
    pane.view.repaint()  # lays out (the zoom invalidated it) and paints, synchronously


def bench_zoom_repaint(pane, steps: int = 40) -> float:
    """p95 ms from a zoom step (mouse wheel) to a finished repaint, zooming in then out."""
    view = pane.view
    view.fit_all()
    _repaint(pane)
    clock = Clock()
    anchor = (view.view[0] + view.view[1]) / 2
    for k in range(steps):
        factor = 1.6 if k < steps // 2 else 1 / 1.6
        with clock:
            view.zoom(factor, anchor)
            _repaint(pane)
    return clock.result()


def bench_linked_range(pane, state, steps: int = 80) -> float:
    """p95 ms from a range set by the chart (its pan and zoom frames with "Link to timeline" on)
    to the timeline repainted: pan right, zoom in, pan left, zoom out, ten frames each."""
    view = pane.view
    view.fit_all()
    _repaint(pane)
    clock = Clock()
    for k in range(steps):
        phase = (k // 10) % 4
        a, b = view.view
        if phase in (0, 2):
            shift = (b - a) * 0.05 * (1 if phase == 0 else -1)
            a, b = a + shift, b + shift
        else:
            centre, span = (a + b) / 2, (b - a) * (0.85 if phase == 1 else 1 / 0.85)
            a, b = centre - span / 2, centre + span / 2
        with clock:
            state.set_time_range(a, b, "chart")
            _repaint(pane)
    return clock.result()


def bench_filter_as_you_type(pane, words: str = "fentanyl seizure", rounds: int = 3) -> float:
    """p95 ms from one typed character to the count updated and the timeline repainted."""
    from PySide6.QtTest import QTest

    search = pane.bar.search
    clock = Clock()
    for _ in range(rounds):
        search.clear()
        _repaint(pane)
        for char in words:
            with clock:
                QTest.keyClicks(search, char)
                _repaint(pane)
    search.clear()
    return clock.result()


def bench_focus_change(pane, state, steps: int = 40) -> float:
    """p95 ms from a focus set by another pane to the timeline repainted with it in view."""
    rng = np.random.default_rng(5)
    ids = pane.model.ids
    clock = Clock()
    for i in rng.integers(0, len(ids), steps):
        with clock:
            state.set_focus(str(ids[i]), "chart")
            _repaint(pane)
    return clock.result()


def main(argv: list[str]) -> int:
    events = 100_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(argv[0]) if argv else Path(tmp) / "synthetic"
        start = time.perf_counter()
        app, dataset, state, pane = _pane(folder, events)
        print(f"dataset + pane ready: {time.perf_counter() - start:.1f} s ({len(dataset.events):,} events)")
        start = time.perf_counter()
        pane.filter_cache.mask(type(state.filters)(text="x"))  # first search builds the haystack
        print(f"first search (builds the text index): {(time.perf_counter() - start) * 1000:.0f} ms")
        for name, run in (("repaint after a zoom", lambda: bench_zoom_repaint(pane)),
                          ("range linked from the chart", lambda: bench_linked_range(pane, state)),
                          ("filter as you type", lambda: bench_filter_as_you_type(pane)),
                          ("focus change from the chart", lambda: bench_focus_change(pane, state))):
            value = run()
            print(f"{name + ', p95:':34} {value:7.1f} ms wall (median {LAST['median']:.1f}), "
                  f"{LAST['cpu_p95']:.1f} ms CPU")
        pane.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
