"""Chart benchmarks: pan and zoom frame times with 1,000,000 values across series.

Not collected by pytest (the name does not start with test_). Run:

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.bench_chart

Each bench_* function returns the 95th-percentile wall-clock frame time in
milliseconds: the view range changes, then the queued repaint runs. Run as a
module it also prints the median and the p95 of this process's CPU time per
frame, which a busy shared machine does not inflate (wall-clock p95 can be
several times the CPU p95 when other jobs hold the cores).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

TOTAL_POINTS = 1_000_000
SERIES = 4
FRAMES = 60


def synthetic_dataset(total: int = TOTAL_POINTS, series: int = SERIES):
    """A Dataset of `series` daily series (two units) with `total` values in all, built without the loader."""
    from desktop.dataset.dataset import Dataset

    per = total // series
    rng = np.random.default_rng(7)
    ids = [f"s{i}" for i in range(series)]
    x = 1800.0 + (np.arange(per) + 0.5) / 365.25
    frames = []
    for i, sid in enumerate(ids):
        values = np.abs(np.cumsum(rng.normal(0, 1, per))) * (1 + i) + 10
        qualifier = np.where(np.arange(per) % 5000 == 0, "approximate", "exact")
        frames.append(pd.DataFrame({
            "series_id": sid, "period": [f"d{k}" for k in range(per)], "value": values, "qualifier": qualifier,
            "note": "", "x0": x - 0.5 / 365.25, "x1": x + 0.5 / 365.25, "x": x,
        }))
    observations = pd.concat(frames, ignore_index=True)
    series_frame = pd.DataFrame({
        "title": [f"Synthetic series {i}" for i in range(series)],
        "unit": ["deaths" if i % 2 == 0 else "pounds" for i in range(series)],
        "period_type": "day", "description": "", "group": "Synthetic",
    }, index=pd.Index(ids, name="series_id"))
    sources = pd.DataFrame({"kind": ["government-data"], "title": ["Synthetic source"], "author": [""],
                            "publisher": ["Bench Office"], "published": [""], "url": [""], "accessed": [""],
                            "notes": [""], "published_date": [None], "accessed_date": [None]},
                           index=pd.Index(["src"], name="source_id"))
    citations = pd.DataFrame({
        "target": ids, "source_id": "src", "claim_type": "official-statistic", "stance": "supports",
        "quote": "", "locator": "Table 1", "note": "", "target_kind": "series", "series_id": ids, "period": "",
    }, index=pd.Index([f"c{i}" for i in range(series)], name="citation_id"))
    events = pd.DataFrame({
        "kind": pd.Series(dtype=str), "start": pd.Series(dtype=str), "end": pd.Series(dtype=str),
        "title": pd.Series(dtype=str), "summary": pd.Series(dtype=str), "category": pd.Series(dtype=str),
        "place": pd.Series(dtype=str), "tags": pd.Series(dtype=str), "start_date": pd.Series(dtype=object),
        "end_date": pd.Series(dtype=object), "open_ended": pd.Series(dtype=bool),
        "x0": pd.Series(dtype=float), "x1": pd.Series(dtype=float),
    }, index=pd.Index([], name="event_id", dtype=str))
    lessons = pd.DataFrame(columns=["lesson_id", "lesson_title", "step", "target", "title", "notes"])
    return Dataset(root=Path("synthetic"), descriptor={"name": "synthetic", "title": "Synthetic"}, sources=sources,
                   events=events, series=series_frame, observations=observations, citations=citations,
                   lessons=lessons)


def _pane(size=(1280, 720)):
    from PySide6.QtWidgets import QApplication

    from desktop.state import SelectionState
    from desktop.ui.chart_pane import ChartPane

    app = QApplication.instance() or QApplication([])
    pane = ChartPane(synthetic_dataset(), SelectionState())
    pane.resize(*size)
    pane.show()
    for sid in pane.dataset.series.index:
        pane.set_series_checked(sid, True)
    app.processEvents()
    return app, pane


def frame_times(change, frames: int = FRAMES) -> dict:
    """Per-frame times of `change(vb, i)` plus the repaint it queues: wall p95 and median, CPU p95 (ms)."""
    app, pane = _pane()
    vb = pane.canvas.rows[0].plot.vb
    pane.canvas.auto_x_range()
    pane.view.viewport().repaint()
    wall, cpu = [], []
    for i in range(frames):
        start, start_cpu = time.perf_counter(), time.process_time()
        change(vb, i)
        app.processEvents()  # the view's queued update: one paint, as on screen
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    pane.close()
    return {"p95_ms": float(np.percentile(wall, 95)), "median_ms": float(np.median(wall)),
            "cpu_p95_ms": float(np.percentile(cpu, 95))}


def _frames(change) -> float:
    return frame_times(change)["p95_ms"]


def _pan_full_view(vb, i):
    vb.translateBy(x=(1 if i % 20 < 10 else -1) * 5.0)


def _zoom(vb, i):
    vb.scaleBy(x=0.8 if i % 20 < 10 else 1.25)


def _pan_zoomed_in(vb, i):
    if i == 0:
        vb.setXRange(2100, 2110, padding=0)
    vb.translateBy(x=0.5)


def bench_pan_full_view() -> float:
    """p95 ms per frame, panning with the whole span (about 685 years, 1,000,000 values) in view."""
    return _frames(_pan_full_view)


def bench_zoom() -> float:
    """p95 ms per frame, zooming in then out around the middle (the clip-to-view window changes each frame)."""
    return _frames(_zoom)


def bench_pan_zoomed_in() -> float:
    """p95 ms per frame, panning a ten-year window (clip-to-view keeps a few thousand values)."""
    return _frames(_pan_zoomed_in)


BENCHMARKS = (bench_pan_full_view, bench_zoom, bench_pan_zoomed_in)
CHANGES = {"bench_pan_full_view": _pan_full_view, "bench_zoom": _zoom, "bench_pan_zoomed_in": _pan_zoomed_in}

if __name__ == "__main__":
    for name, change in CHANGES.items():
        r = frame_times(change)
        print(f"{name}: p95 {r['p95_ms']:.1f} ms (median {r['median_ms']:.1f} ms, CPU p95 {r['cpu_p95_ms']:.1f} ms)")
