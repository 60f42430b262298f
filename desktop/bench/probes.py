"""One measurement per fresh process: `python -m desktop.bench.probes NAME [ARG]`.

Each probe prints one line, `BENCH-RESULT {json}`, and exits. Start-up
probes report milestones in seconds since the parent started the process
(`FACTDECK_BENCH_T0`, a `time.monotonic()` reading, which is system-wide);
the others time their own steps. Nothing heavy is imported at module level:
the start-up floors must pay only for what they name.

"Interactive" everywhere means: the panes painted, then an event queued
after that paint (a zero-delay timer) has run.
"""
from __future__ import annotations

import gc
import json
import os
import sys
import time

MARK = "BENCH-RESULT "
SIZE = (1366, 768)  # the commonest classroom-laptop screen


def _since_start() -> float:
    """Wall-clock seconds since the parent started this process (start-up figures also report
    `*_cpu_s`, this process's CPU seconds, which a busy machine inflates less)."""
    return time.monotonic() - float(os.environ["FACTDECK_BENCH_T0"])


def _report(**values) -> None:
    print(MARK + json.dumps(values), flush=True)


def rss_bytes() -> int:
    """The resident memory of this process now (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return 0


def _collected_rss() -> int:
    """The resident memory once the garbage collector has run (after the clock has stopped, so it is not charged)."""
    gc.collect()
    return rss_bytes()


def _paint_watcher(widgets, on_all_painted):
    """Call `on_all_painted()` once each of `widgets` (or a widget inside it) has painted.

    The filter sits on those widgets and their children only (children added
    later are watched too), never on the whole application: an application-wide
    Python filter would turn every event of the process into a Python object,
    and the first event of some kinds makes PySide create all of QtCore's types
    (~25 ms), a cost the app would pay and a bare window would not.
    """
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    class Watcher(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.waiting = list(widgets)
            self.done = False
            for widget in widgets:
                self._watch(widget)

        def _watch(self, widget) -> None:
            for each in (widget, *widget.findChildren(QWidget)):
                each.installEventFilter(self)

        def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
            kind = event.type()
            if self.done:
                return False
            if kind == QEvent.Type.ChildAdded and isinstance(event.child(), QWidget):
                self._watch(event.child())
            elif kind == QEvent.Type.Paint:
                self.waiting = [w for w in self.waiting if not (w is watched or w.isAncestorOf(watched))]
                if not self.waiting:
                    self.done = True
                    on_all_painted()
            return False

    return Watcher()


def _interactive_then(app, record) -> None:
    """After the paint that is running now, queue an event; when it runs, record and quit."""
    from PySide6.QtCore import QTimer

    def finish() -> None:
        record()
        app.exit(0)

    QTimer.singleShot(0, finish)


# ---- start-up floors ------------------------------------------------------------
def floor_window() -> None:
    """A bare PySide6 QMainWindow painted once."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(*SIZE)
    result = {}

    def painted() -> None:
        result.update(first_paint_s=_since_start(), first_paint_cpu_s=time.process_time())
        _interactive_then(app, lambda: result.update(interactive_s=_since_start(), interactive_cpu_s=time.process_time(),
                                                     rss=rss_bytes()))

    watcher = _paint_watcher([window], painted)
    window.show()
    app.exec()
    del watcher
    _report(**result)


def floor_plot() -> None:
    """PySide6, pyqtgraph and pandas imported; a QMainWindow holding one 50-point plot, painted and interactive."""
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    import pandas  # noqa: F401 - the floor pays for what the app needs
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(*SIZE)
    plot = pg.PlotWidget()
    plot.plot(list(range(50)), [float(v * v % 17) for v in range(50)])
    window.setCentralWidget(plot)
    result = {}

    def painted() -> None:
        result["painted_s"] = _since_start()
        _interactive_then(app, lambda: result.update(interactive_s=_since_start(), interactive_cpu_s=time.process_time()))

    watcher = _paint_watcher([plot.viewport()], painted)
    window.show()
    app.exec()
    del watcher
    _report(**result)


# ---- the app's own start-up --------------------------------------------------------
def app_startup(folder: str = "") -> None:
    """The real `factdeck` start-up (background load and all), until the window first paints and until interactive."""
    import desktop.app as app_module
    from desktop.cli import main

    result: dict = {}
    keep: list = []
    original = app_module.create_application

    def create_application(**options):
        app = original(**options)
        _watch_startup(app, result, keep)
        return app

    app_module.create_application = create_application
    code = main(["--dataset", folder] if folder else [])
    if code != 0 or "interactive_s" not in result:
        raise SystemExit(f"the app exited with {code} before it was interactive")
    _report(**result)


def _watch_startup(app, result: dict, keep: list) -> None:
    """Record the window's first paint, then the panes painted with data and interactive."""
    from desktop.ui.main_window import MainWindow

    original_show = MainWindow.show

    def show(window) -> None:
        MainWindow.show = original_show
        window.dataset_changed.connect(lambda _dataset: on_dataset(window))
        keep.append(_paint_watcher([window], lambda: result.update(first_paint_s=_since_start(),
                                                                   first_paint_cpu_s=time.process_time())))
        original_show(window)

    def on_dataset(window) -> None:
        if "dataset_ready_s" in result:
            return
        result["dataset_ready_s"] = _since_start()

        def painted() -> None:
            result["painted_s"] = _since_start()
            _interactive_then(app, lambda: result.update(interactive_s=_since_start(), interactive_cpu_s=time.process_time(),
                                                         rss=_collected_rss()))

        keep.append(_paint_watcher(_pane_canvases(window), painted))

    MainWindow.show = show


def _pane_canvases(window) -> list:
    """The widgets that paint each pane's data."""
    return [window.timeline.view, window.chart.view.viewport(), window.citations]


# ---- work inside a window that is already up -------------------------------------------
IDLE_AFTER_OPEN_MS = 300  # how long the opened window is left alone before the first measured action


def _open_window(folder: str):
    """The app's window as `factdeck` builds it, at classroom-laptop size, the dataset loaded and painted."""
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    from pathlib import Path

    from desktop.app import collect_again, create_application
    from desktop.settings import Settings
    from desktop.state import SelectionState
    from desktop.ui.main_window import MainWindow

    app = create_application()
    gc.disable()  # as `factdeck` starts: the collector paused, then resumed with the start-up's objects frozen
    state = SelectionState()
    window = MainWindow(state, Settings())
    window.resize(*SIZE)
    window.show()
    window.open_dataset(Path(folder), background=False)
    settle(app)
    collect_again()
    # Then left alone for a moment, as a teacher would before the first click: what the app does
    # while idle after opening (a spare citation card, the chart's hidden markers given their points)
    # is not counted in the first actions measured.
    from PySide6.QtTest import QTest

    QTest.qWait(IDLE_AFTER_OPEN_MS)
    return app, window, state


def settle(app, passes: int = 4) -> None:
    """Run the event loop until what is queued (updates, scene changes, paints) has been done."""
    for _ in range(passes):
        app.processEvents()


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1)))))] * 1000.0


def _p95_ms(samples: list[tuple[float, float]]) -> dict:
    """p95 and median of wall-clock times, and p95 of this process's CPU time (a busy machine inflates only the first)."""
    wall = [w for w, _ in samples]
    return {"p95_ms": _p95(wall), "median_ms": sorted(wall)[len(wall) // 2] * 1000.0,
            "cpu_p95_ms": _p95([c for _, c in samples]), "n": len(samples)}


BUDGET_S = 120.0  # a figure far over its goal stops early, with fewer samples, rather than run for an hour


def _sampled(app, actions) -> list[tuple[float, float]]:
    """Time each action until the window has repainted, within the time budget (at least five)."""
    samples, start = [], time.perf_counter()
    for action in actions:
        samples.append(_timed(app, action))
        if len(samples) >= 5 and time.perf_counter() - start > BUDGET_S:
            break
    return samples


def _timed(app, action) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    action()
    settle(app)
    return time.perf_counter() - start, time.process_time() - cpu


def focus(folder: str, steps: str = "60") -> None:
    """Focus facts one after another (events, series, single values) until every pane has painted it."""
    import random

    app, window, state = _open_window(folder)
    dataset = window.dataset
    rng = random.Random(3)
    events = list(dataset.events.index)
    series = list(dataset.series.index)
    observations = dataset.observations
    targets = []
    for k in range(int(steps) + 5):
        roll = k % 5
        if roll < 3:
            targets.append(rng.choice(events))
        elif roll == 3:
            targets.append(rng.choice(series))
        else:
            row = observations.iloc[rng.randrange(len(observations))]
            targets.append(f"{row['series_id']}@{row['period']}")
    for target in targets[:5]:  # the first few warm caches up
        state.set_focus(target, "bench")
        settle(app)
    _report(**_p95_ms(_sampled(app, [lambda t=t: state.set_focus(t, "bench") for t in targets[5:]])))


def filter_typing(folder: str, words: str = "fentanyl seizure") -> None:
    """Type into the timeline's search box, one key at a time, until every pane has repainted."""
    from PySide6.QtTest import QTest

    app, window, state = _open_window(folder)
    search = window.timeline.bar.search
    def clear() -> None:
        search.clear()
        settle(app)

    actions = []
    for _ in range(3):
        actions.append(None)
        actions += [lambda c=char: QTest.keyClicks(search, c) for char in words]
    samples, start = [], time.perf_counter()
    for action in actions:
        if action is None:
            clear()
            continue
        samples.append(_timed(app, action))
        if len(samples) >= 5 and time.perf_counter() - start > BUDGET_S:
            break
    _report(**_p95_ms(samples))


def chart_frames(folder: str) -> None:
    """Pan and zoom the chart with every value shown; each frame until the window has repainted."""
    app, window, state = _open_window(folder)
    chart = window.chart
    for sid in window.dataset.series.index:
        chart.set_series_checked(sid, sid.startswith("daily-"))
    settle(app)
    chart.canvas.auto_x_range()
    settle(app)
    points = sum(len(s.x) for s in chart.canvas.series)
    vb = chart.canvas.rows[0].plot.vb
    def frame(k: int) -> None:
        phase = (k // 10) % 4  # pan right, zoom in, pan left, zoom out
        if phase in (0, 2):
            (x0, x1), _ = vb.viewRange()
            vb.translateBy(x=(x1 - x0) * 0.05 * (1 if phase == 0 else -1))
        else:
            vb.scaleBy(x=0.85 if phase == 1 else 1 / 0.85)

    _report(points=points, **_p95_ms(_sampled(app, [lambda k=k: frame(k) for k in range(80)])))


# ---- loading ---------------------------------------------------------------------------------
def read_csv(folder: str) -> None:
    """The loading floor: pandas.read_csv of every CSV file of the dataset, every column as text."""
    from pathlib import Path

    import pandas as pd

    start = time.perf_counter()
    for path in sorted(Path(folder).glob("*.csv")):
        pd.read_csv(path, dtype=str, keep_default_na=False)
    _report(seconds=time.perf_counter() - start)


def load(folder: str) -> None:
    """Load and validate the dataset; also how much memory its frames hold."""
    from desktop.dataset.loader import load_dataset

    start = time.perf_counter()
    dataset = load_dataset(folder)
    seconds = time.perf_counter() - start
    frames = (dataset.sources, dataset.events, dataset.series, dataset.observations, dataset.citations,
              dataset.lessons)
    memory = sum(int(f.memory_usage(index=True, deep=True).sum()) for f in frames)
    _report(seconds=seconds, frames_bytes=memory, events=len(dataset.events),
            observations=len(dataset.observations), citations=len(dataset.citations))


def chart_pane_only() -> None:
    """The chart engineer's pane-only frame times (tests/benchmarks/bench_chart.py, checkout only)."""
    from desktop.bench.data import checkout_root

    sys.path.insert(0, str(checkout_root()))
    from tests.benchmarks import bench_chart

    _report(points=bench_chart.TOTAL_POINTS, pan_p95_ms=bench_chart.bench_pan_full_view(),
            zoom_p95_ms=bench_chart.bench_zoom())


PROBES = {
    "floor_window": floor_window, "floor_plot": floor_plot, "app_startup": app_startup,
    "focus": focus, "filter_typing": filter_typing, "chart_frames": chart_frames,
    "read_csv": read_csv, "load": load, "chart_pane_only": chart_pane_only,
}


if __name__ == "__main__":
    PROBES[sys.argv[1]](*sys.argv[2:])
