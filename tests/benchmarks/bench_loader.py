"""Loader speed against its floor: pandas.read_csv(dtype=str) of the same files.

    .venv/bin/python tests/benchmarks/bench_loader.py [FOLDER]

Makes a benchmark dataset (100,000 events, 1,000,000 observations, 101,000
citations) in FOLDER (a temporary folder by default), then times reading
every CSV with pandas alone and `load_dataset`, best of three.
"""
from __future__ import annotations

import json
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


def best(fn, runs: int = 5) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds (CPU time is steadier on a shared machine)."""
    walls, cpus = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return min(walls), min(cpus)


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "bench"
    if not (folder / "datapackage.json").exists():
        make(folder)
    floor = best(lambda: [pd.read_csv(p, dtype=str, keep_default_na=False, na_filter=False)
                          for p in sorted(folder.glob("*.csv"))])
    loader = best(lambda: load_dataset(folder))
    print(f"wall: pandas.read_csv floor {floor[0]:.2f} s, load_dataset {loader[0]:.2f} s, ratio {loader[0] / floor[0]:.2f}")
    print(f"cpu:  pandas.read_csv floor {floor[1]:.2f} s, load_dataset {loader[1]:.2f} s, ratio {loader[1] / floor[1]:.2f}")


if __name__ == "__main__":
    main()
