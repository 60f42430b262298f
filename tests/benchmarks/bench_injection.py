"""How long the window takes to show the evil dataset (tests/reliability/injection.py).

Huge tables, 300-deep nesting, images pointing at /dev/zero and 3,000-character
words, in every text field: shown as plain text they cost what any long text
costs; read as markup they would freeze the window. Not collected by pytest.
Run:

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.bench_injection

`bench_render_evil()` returns the milliseconds from loading the folder to the
first painted frame; `bench_focus_evil()` the 95th-percentile time to focus
one of its facts and paint the window again.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

TESTS = Path(__file__).resolve().parents[1]


def _evil_folder(work: Path) -> Path:
    if str(TESTS) not in sys.path:
        sys.path.insert(0, str(TESTS))
    from reliability.injection import write_evil_dataset

    sentinel = work / "sentinel.txt"
    sentinel.write_text("never opened\n", encoding="utf-8")
    folder = work / "evil"
    write_evil_dataset(folder, sentinel)
    return folder


def _window():
    from desktop.app import create_application
    from desktop.settings import Settings
    from desktop.state import SelectionState
    from desktop.ui.main_window import MainWindow

    app = create_application()
    window = MainWindow(SelectionState(), Settings(Path(tempfile.mkdtemp()) / "settings.json"))
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    return app, window


def bench_render_evil() -> float:
    """Milliseconds from load_dataset to the first complete frame of the evil dataset."""
    from desktop.dataset.loader import load_dataset

    with tempfile.TemporaryDirectory() as work:
        folder = _evil_folder(Path(work))
        app, window = _window()
        started = time.perf_counter()
        window.set_dataset(load_dataset(folder))
        app.processEvents()
        window.grab()
        elapsed = time.perf_counter() - started
        window.close()
    return elapsed * 1000


def bench_focus_evil() -> float:
    """95th-percentile milliseconds to focus one evil fact (event, series or value) and paint the window."""
    from desktop.dataset.loader import load_dataset

    with tempfile.TemporaryDirectory() as work:
        folder = _evil_folder(Path(work))
        app, window = _window()
        dataset = load_dataset(folder)
        window.set_dataset(dataset)
        app.processEvents()
        targets = [t for t in list(dataset.events.index) + list(dataset.series.index) if str(t).startswith("evil-")]
        times = []
        for target in targets:
            started = time.perf_counter()
            window.state.set_focus(str(target), "bench")
            app.processEvents()
            window.grab()
            times.append(time.perf_counter() - started)
        window.close()
    times.sort()
    return times[min(len(times) - 1, int(0.95 * len(times)))] * 1000


if __name__ == "__main__":
    print(f"evil dataset: first frame {bench_render_evil():.0f} ms; focus and repaint p95 {bench_focus_evil():.0f} ms")
