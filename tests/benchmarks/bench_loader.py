"""Loader speed against its floor: pandas.read_csv(dtype=str) of the same files.

    .venv/bin/python tests/benchmarks/bench_loader.py [FOLDER]

Makes a benchmark dataset (100,000 events, 1,000,000 observations, 101,000
citations) in FOLDER (a temporary folder by default), then times reading
every CSV with pandas alone (as desktop.bench's floor does) and `load_dataset`,
seven times each, interleaved; prints the best times and the median ratio.
"""
from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from desktop.dataset.loader import load_dataset

N_EVENTS, N_SERIES = 100_000, 1_000
N_CITATIONS = N_EVENTS + N_SERIES  # every event and series cited once
DAYS = 1_000  # values per series: 1,000 series × 1,000 days = 1,000,000 observations


def make(folder: Path) -> None:
    """Write a valid benchmark dataset into `folder`."""
    rng = np.random.default_rng(7)
    folder.mkdir(parents=True, exist_ok=True)
    tables = ["sources", "events", "series", "observations", "citations"]
    (folder / "datapackage.json").write_text(json.dumps({
        "name": "bench", "title": "Benchmark", "resources": [{"name": t, "path": f"{t}.csv"} for t in tables]}))
    pd.DataFrame({
        "source_id": [f"s{i}" for i in range(1000)], "kind": "news", "title": [f"Source {i}" for i in range(1000)],
        "publisher": "Unknown", "published": "2019-11-04", "url": "https://example.org/a", "accessed": "2020",
    }).to_csv(folder / "sources.csv", index=False)
    years = rng.integers(1990, 2024, N_EVENTS)
    months = rng.integers(1, 13, N_EVENTS)
    kinds = np.where(np.arange(N_EVENTS) % 10 == 0, "period", "event")
    pd.DataFrame({
        "event_id": [f"e{i}" for i in range(N_EVENTS)], "kind": kinds,
        "start": [f"{y}-{m:02d}" for y, m in zip(years, months)],
        "end": np.where(kinds == "period", "..", ""),
        "title": [f"Event number {i}" for i in range(N_EVENTS)],
        "summary": "Something happened, and a \"source\" said so.", "category": "Category " + pd.Series(years % 7).astype(str),
        "place": "", "tags": "a;b",
    }).to_csv(folder / "events.csv", index=False)
    pd.DataFrame({
        "series_id": [f"series-{i}" for i in range(N_SERIES)], "title": "A count", "unit": "deaths",
        "period_type": "day",
    }).to_csv(folder / "series.csv", index=False)
    days = pd.date_range("2000-01-01", periods=DAYS, freq="D").strftime("%Y-%m-%d")
    pd.DataFrame({
        "series_id": np.repeat([f"series-{i}" for i in range(N_SERIES)], DAYS),
        "period": np.tile(days, N_SERIES),
        "value": rng.integers(0, 100_000, N_SERIES * DAYS).astype(str),
        "qualifier": np.where(rng.random(N_SERIES * DAYS) < 0.1, "estimate", ""), "note": "",
    }).to_csv(folder / "observations.csv", index=False)
    targets = [f"e{i}" for i in range(N_EVENTS)][: N_CITATIONS - N_SERIES] + [f"series-{i}" for i in range(N_SERIES)]
    pd.DataFrame({
        "citation_id": [f"c{i}" for i in range(N_CITATIONS)], "target": targets,
        "source_id": [f"s{i % 1000}" for i in range(N_CITATIONS)], "claim_type": "named-source",
        "stance": "supports", "quote": "The words of the source.", "locator": "", "note": "",
    }).to_csv(folder / "citations.csv", index=False)


def timed(fn) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def read_floor(folder: Path) -> None:
    """The floor of desktop.bench's load_validate figure: read_csv of every file, every column as text."""
    for path in sorted(folder.glob("*.csv")):
        pd.read_csv(path, dtype=str, keep_default_na=False)


def main(runs: int = 7) -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "bench"
    if not (folder / "datapackage.json").exists():
        make(folder)
    load_dataset(folder)  # the first call pays pandas' lazy imports; not what is measured
    floors, loads = [], []
    for _ in range(runs):  # interleaved, so that a busy moment on a shared machine hits both
        floors.append(timed(lambda: read_floor(folder)))
        loads.append(timed(lambda: load_dataset(folder)))
    for label, k in (("wall", 0), ("cpu", 1)):
        ratios = sorted(load[k] / floor[k] for floor, load in zip(floors, loads))
        print(f"{label}: pandas.read_csv floor best {min(f[k] for f in floors):.2f} s, load_dataset best "
              f"{min(x[k] for x in loads):.2f} s, ratio of each run's pair: median {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
