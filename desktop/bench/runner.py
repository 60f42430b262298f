"""The benchmark driver: every figure of issue 10 against its floor, measured in the same run.

    python -m desktop.bench [--quick] [--only FIGURE ...] [--json OUT] [--runs N] [--seed N]

Each measurement runs in a fresh process (desktop/bench/probes.py) with its
own empty settings folder, offscreen. Start-up figures take the median of
--runs processes, floors and app interleaved so a busy machine slows both
alike; the others report p95 over many steps. Prints a table and writes JSON
(bench-results.json by default). Exits 0 when every figure was measured,
whether or not it met its goal; 1 when a probe failed.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from .probes import MARK

PROBES = Path(__file__).resolve().with_name("probes.py")
ROOT = Path(__file__).resolve().parents[2]
PYCACHE = Path(tempfile.gettempdir()) / "factdeck-bench" / f"pycache-{sys.implementation.cache_tag}"


@dataclass
class Figure:
    """One row of the table: what was measured, against what, and whether it met its goal."""

    key: str
    title: str
    floor: float | None  # seconds or bytes; None where the goal is absolute
    measured: float  # seconds, bytes, or a p95 in milliseconds
    unit: str  # "s", "MB" or "ms"
    goal: float  # a ratio to the floor, or a p95 limit in ms
    detail: dict

    @property
    def ratio(self) -> float | None:
        return None if not self.floor else self.measured / self.floor

    @property
    def passed(self) -> bool:
        return (self.ratio if self.floor is not None else self.measured) <= self.goal


STARTUP_TIMEOUT_S = 120  # a start-up that hangs (an error dialog waiting offscreen) fails in two minutes, not ten


def run_probe(name: str, *args: str, timeout: float = 600) -> dict:
    """Run one probe in a fresh process with empty settings; return what it reported."""
    with tempfile.TemporaryDirectory(prefix="factdeck-bench-home-") as home:
        env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
        env.update(QT_QPA_PLATFORM="offscreen", FACTDECK_HOME=home, PYQTGRAPH_QT_LIB="PySide6",
                   PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")])))
        # Bytecode as an installed app has it (pip and PyInstaller ship it compiled): where
        # PYTHONDONTWRITEBYTECODE is set, every probe would compile Factdeck's modules afresh,
        # which the floors, all in site-packages, never pay. The uncounted first round compiles.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
        env["FACTDECK_BENCH_T0"] = repr(time.monotonic())
        done = subprocess.run([sys.executable, str(PROBES), name, *args], env=env, cwd=home,
                              capture_output=True, text=True, timeout=timeout)
    lines = [line for line in done.stdout.splitlines() if line.startswith(MARK)]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"probe {name} failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(lines[-1][len(MARK):])


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def startup_figures(runs: int, default_dataset: str) -> list[Figure]:
    """Cold start of the app on the default dataset against the two bare-window floors."""
    bare, plot, app = [], [], []
    for _ in range(runs + 1):  # the first round warms the disk cache and is not counted
        bare.append(run_probe("floor_window", timeout=STARTUP_TIMEOUT_S))
        plot.append(run_probe("floor_plot", timeout=STARTUP_TIMEOUT_S))
        app.append(run_probe("app_startup", default_dataset, timeout=STARTUP_TIMEOUT_S))
    bare, plot, app = bare[1:], plot[1:], app[1:]
    return [
        Figure("startup_interactive", "cold start until painted and interactive (default dataset)",
               _median(plot, "interactive_s"), _median(app, "interactive_s"), "s", 1.15,
               _startup_detail("PySide6 + pyqtgraph + pandas, QMainWindow with a 50-point plot", runs, plot, app,
                               "interactive")),
        Figure("startup_first_paint", "cold start until the window first appears",
               _median(bare, "first_paint_s"), _median(app, "first_paint_s"), "s", 1.5,
               _startup_detail("a bare PySide6 QMainWindow painted once", runs, bare, app, "first_paint")),
    ], bare, plot


def _startup_detail(floor: str, runs: int, floor_runs: list[dict], app_runs: list[dict], moment: str) -> dict:
    """Every run's wall-clock seconds, and the ratio of the median CPU seconds (a busy machine inflates it less)."""
    cpu = _median(app_runs, f"{moment}_cpu_s") / _median(floor_runs, f"{moment}_cpu_s")
    return {"floor": floor, "runs": runs, "cpu_ratio": cpu,
            "app_runs_s": [r[f"{moment}_s"] for r in app_runs], "floor_runs_s": [r[f"{moment}_s"] for r in floor_runs]}


def load_figures(runs: int, folder: str, plot_floor: float | None, bare: list[dict]) -> list[Figure]:
    """Loading the large dataset, opening it in the app, and the memory it then takes."""
    floor, load, opened = [], [], []
    for _ in range(runs):
        floor.append(run_probe("read_csv", folder))
        load.append(run_probe("load", folder))
    for _ in range(max(1, runs // 2)):
        opened.append(run_probe("app_startup", folder))
    info = load[0]
    load_s, floor_s = _median(load, "seconds"), _median(floor, "seconds")
    counts = f"{info['events']:,} events, {info['observations']:,} values, {info['citations']:,} citations"
    figures = [Figure("load_validate", f"load and validate {counts}",
                      floor_s, load_s, "s", 2.0,
                      {"floor": "pandas.read_csv of the same files, every column as text",
                       "events": info["events"], "observations": info["observations"], "citations": info["citations"]})]
    if plot_floor is not None:
        figures.append(Figure("open_large", "open that dataset in the app until painted and interactive",
                              load_s + plot_floor, _median(opened, "interactive_s"), "s", 1.3,
                              {"floor": "load-and-validate time plus the start-up floor"}))
    if bare:
        qt = statistics.median(r["rss"] for r in bare)
        figures.append(Figure("memory_large", f"memory with the {info['events']:,}-event dataset open",
                              (info["frames_bytes"] + qt) / 1e6, statistics.median(r["rss"] for r in opened) / 1e6,
                              "MB", 2.0, {"floor": "the DataFrames' own memory plus a bare Qt process",
                                          "frames_mb": info["frames_bytes"] / 1e6, "bare_qt_mb": qt / 1e6}))
    return figures


def interaction_figures(default_dataset: str, folder: str, only, failed: list[str]) -> list[Figure]:
    """The p95 figures; a probe that fails is named in `failed` and on stderr, and the others still run."""
    out: list[Figure] = []
    for key, build in (("focus_default", _focus_default), ("focus_large", _focus_large), ("filter_large", _filter),
                       ("chart_large", _chart), ("chart_pane", _chart_pane)):
        if only(key):
            try:
                out.append(build(default_dataset, folder))
            except (RuntimeError, subprocess.TimeoutExpired) as error:
                print(f"{key} was not measured: {error}", file=sys.stderr)
                failed.append(key)
    return out


def _focus_default(default_dataset: str, _folder: str) -> Figure:
    r = run_probe("focus", default_dataset)
    return Figure("focus_default", "focus a fact until all three panes painted (default dataset)",
                  None, r["p95_ms"], "ms", 16.0, r)


def _focus_large(_default: str, folder: str) -> Figure:
    r = run_probe("focus", folder)
    return Figure("focus_large", "focus a fact until all three panes painted (large dataset)",
                  None, r["p95_ms"], "ms", 50.0, r)


def _filter(_default: str, folder: str) -> Figure:
    r = run_probe("filter_typing", folder)
    return Figure("filter_large", "filter as you type (large dataset), each key until painted",
                  None, r["p95_ms"], "ms", 30.0, r)


def _chart(_default: str, folder: str) -> Figure:
    r = run_probe("chart_frames", folder)
    return Figure("chart_large", f"chart pan or zoom frame with {r['points']:,} values (whole window)",
                  None, r["p95_ms"], "ms", 16.0, r)


def _chart_pane(_default: str, _folder: str) -> Figure:
    r = run_probe("chart_pane_only")
    worst = max(r["pan_p95_ms"], r["zoom_p95_ms"])
    return Figure("chart_pane", f"chart pan or zoom frame with {r['points']:,} values (chart pane alone)",
                  None, worst, "ms", 16.0, dict(r, source="tests/benchmarks/bench_chart.py"))


def machine() -> dict:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    memory = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), cpu)
        with open("/proc/meminfo", encoding="utf-8") as handle:
            memory = f"{int(handle.readline().split()[1]) / 1024 ** 2:.1f} GiB"
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": memory, "system": platform.platform(),
            "python": platform.python_version()}


def table(figures: list[Figure]) -> str:
    """The results as a Markdown table."""
    rows = ["| figure | floor | measured | ratio or p95 | goal | result |", "| --- | ---: | ---: | ---: | ---: | --- |"]
    for f in figures:
        if f.floor is not None:
            floor, measured = f"{f.floor:.2f} {f.unit}", f"{f.measured:.2f} {f.unit}"
            cpu = f.detail.get("cpu_ratio")
            ratio, goal = f"{f.ratio:.2f}×" + (f" (CPU {cpu:.2f}×)" if cpu else ""), f"≤ {f.goal:g}×"
        else:
            cpu = f.detail.get("cpu_p95_ms")
            floor, measured = "—", f"{f.measured:.1f} ms" + (f" (CPU {cpu:.1f})" if cpu is not None else "")
            ratio, goal = f"p95 {f.measured:.1f} ms", f"p95 ≤ {f.goal:g} ms"
        rows.append(f"| {f.title} | {floor} | {measured} | {ratio} | {goal} | {'met' if f.passed else 'MISSED'} |")
    return "\n".join(rows)


ALL = ("startup_interactive", "startup_first_paint", "load_validate", "open_large", "memory_large",
       "focus_default", "focus_large", "filter_large", "chart_large", "chart_pane")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and a 10,000-event dataset (a smoke test)")
    parser.add_argument("--only", nargs="+", choices=ALL, metavar="FIGURE", help=f"measure only these: {', '.join(ALL)}")
    parser.add_argument("--json", type=Path, default=Path("bench-results.json"), help="where to write the results")
    parser.add_argument("--runs", type=int, help="processes per start-up measurement (default 5, 1 with --quick)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic dataset")
    options = parser.parse_args(argv)
    from .data import cached_large

    runs = options.runs or (1 if options.quick else 5)
    wanted = set(options.only or ALL)
    if options.quick and not options.only:
        wanted.discard("chart_pane")  # always a million values: not quick
    only = wanted.__contains__
    from desktop import paths

    default_dataset = str(paths.default_dataset_dir())
    size = dict(events=10_000, series=4, days=5_000) if options.quick else {}
    folder = ""
    if wanted - {"startup_interactive", "startup_first_paint", "focus_default", "chart_pane"}:
        print("Preparing the large dataset (cached after the first run) …", file=sys.stderr)
        folder = str(cached_large(options.seed, **size))
    figures: list[Figure] = []
    bare: list[dict] = []
    plot_floor = None
    try:
        if wanted & {"startup_interactive", "startup_first_paint", "open_large", "memory_large"}:
            found, bare, plot = startup_figures(runs, default_dataset)
            figures += [f for f in found if only(f.key)]
            plot_floor = _median(plot, "interactive_s")
        if wanted & {"load_validate", "open_large", "memory_large"}:
            figures += [f for f in load_figures(runs, folder, plot_floor, bare) if only(f.key)]
    except (RuntimeError, subprocess.TimeoutExpired) as error:
        print(f"benchmark failed: {error}", file=sys.stderr)
        return 1
    failed: list[str] = []
    figures += interaction_figures(default_dataset, folder, only, failed)
    order = {k: i for i, k in enumerate(ALL)}
    figures.sort(key=lambda f: order[f.key])
    print(table(figures))
    report = {
        "measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(), "quick": options.quick, "dataset": folder,
        "figures": [dict(asdict(f), ratio=f.ratio, passed=f.passed) for f in figures],
        "not_measured": failed,
    }
    options.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {options.json}", file=sys.stderr)
    return 1 if failed else 0
