"""The benchmark's large dataset: 100,000 events, 1,000,000 values, over 100,000 citations.

Events, their citations, the sources and a lesson come from the timeline's
seeded generator (tests/benchmarks/synthetic.py, so only from a checkout);
this module adds the values: `DAILY_SERIES` day series of `DAYS` values each,
in one group listed first, so the chart opens with all 1,000,000 of them
ticked. Datasets are cached in the temporary folder, keyed by seed and size,
and written to a side folder first, so a half-written one is never reused.
"""
from __future__ import annotations

import csv
import shutil
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import numpy as np

EVENTS = 100_000
DAILY_SERIES = 20
DAYS = 50_000  # 20 × 50,000 = 1,000,000 values, one a day from 1889 to 2025
FORMAT = 1  # bump when what is written changes, so old caches are not reused


def checkout_root() -> Path:
    """The source checkout this package runs from; the generators live in its tests/benchmarks/."""
    root = Path(__file__).resolve().parents[2]
    if not (root / "tests" / "benchmarks" / "synthetic.py").is_file():
        raise SystemExit("The benchmark's dataset generators live in tests/benchmarks/: run the benchmark from a checkout.")
    return root


def _generator():
    """write_synthetic from tests/benchmarks (checkout only)."""
    root = checkout_root()
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    from tests.benchmarks.synthetic import write_synthetic

    return write_synthetic


def _day_strings(first: date, count: int) -> list[str]:
    return [(first + timedelta(days=k)).isoformat() for k in range(count)]


def write_large(folder: Path, events: int = EVENTS, series: int = DAILY_SERIES, days: int = DAYS,
                seed: int = 1) -> Path:
    """Write the benchmark dataset into `folder`: the synthetic events plus `series` × `days` values."""
    _generator()(folder, events=events, seed=seed)
    rng = np.random.default_rng(seed)
    last = date(2025, 12, 31)
    first = last - timedelta(days=days - 1)
    periods = _day_strings(first, days)
    with (folder / "series.csv").open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(["series_id", "title", "unit", "period_type", "description", "group"])
        for k in range(series):
            out.writerow([f"daily-{k}", f"Daily count {k}", "reports", "day", "", "Daily counts"])
        out.writerow(["deaths", "Overdose deaths", "deaths", "year", "", "deaths"])
        out.writerow(["seizures", "Seizures", "pounds", "month", "", "seizures"])
    kept = (folder / "observations.csv").read_text(encoding="utf-8").splitlines()[1:]  # deaths and seizures
    with (folder / "observations.csv").open("w", newline="", encoding="utf-8") as handle:
        handle.write("series_id,period,value,qualifier,note\n")
        for k in range(series):
            walk = np.maximum(0, 500 + np.cumsum(rng.integers(-9, 10, days)))
            estimate = rng.random(days) < 0.02
            handle.writelines(f"daily-{k},{p},{v},{'estimate' if e else ''},\n"
                              for p, v, e in zip(periods, walk.tolist(), estimate.tolist()))
        handle.writelines(line + "\n" for line in kept)
    with (folder / "citations.csv").open("a", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, lineterminator="\n")
        for k in range(series):
            out.writerow([f"cs-daily-{k}", f"daily-{k}", f"s{k % 200}", "official-statistic", "supports", "", "Table 3"])
    return folder


def cached_large(seed: int = 1, events: int = EVENTS, series: int = DAILY_SERIES, days: int = DAYS) -> Path:
    """The benchmark dataset for these settings, written once into the temporary folder."""
    base = Path(tempfile.gettempdir()) / "factdeck-bench"
    folder = base / f"large-v{FORMAT}-seed{seed}-{events}x{series}x{days}"
    if (folder / "datapackage.json").is_file():
        return folder
    base.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix="partial-", dir=base))
    write_large(partial, events=events, series=series, days=days, seed=seed)
    try:
        partial.rename(folder)
    except OSError:  # another run finished first
        shutil.rmtree(partial, ignore_errors=True)
    return folder
