"""Start-up from the bundle against start-up from source: time to a painted window and exit.

    .venv/bin/python tests/benchmarks/bench_startup_bundle.py [--bundle dist/Factdeck] [--runs 7]

Each run is `--smoke-test` (build the window, load the bundled dataset, paint
one frame, exit) offscreen, timed from process start to exit; one warm-up run
each first, then the median of --runs. Without --bundle (or if the folder has
no executable) it builds factdeck.spec into a temporary folder first. Prints
one JSON object: seconds for source and bundle, and their ratio.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXE_NAME = "Factdeck.exe" if sys.platform == "win32" else "Factdeck"


def build(into: Path) -> Path:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(into / "dist"), "--workpath", str(into / "build"), str(ROOT / "factdeck.spec")],
                   cwd=ROOT, check=True)
    return into / "dist" / "Factdeck"


def median_seconds(command: list[str], runs: int, home: Path) -> float:
    env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    env.update(QT_QPA_PLATFORM="offscreen", FACTDECK_HOME=str(home), PYTHONPATH=str(ROOT))
    times = []
    for attempt in range(runs + 1):  # the first run warms the disk cache and is not counted
        start = time.perf_counter()
        result = subprocess.run(command, env=env, cwd=home, capture_output=True, timeout=300)
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            raise SystemExit(f"{command[0]} --smoke-test failed:\n{result.stderr.decode(errors='replace')}")
        if attempt:
            times.append(elapsed)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, help="a built dist/Factdeck folder (default: build one)")
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        bundle = options.bundle if options.bundle and (options.bundle / EXE_NAME).is_file() else build(scratch)
        home = scratch / "home"
        home.mkdir()
        source = median_seconds([sys.executable, "-m", "desktop", "--smoke-test"], options.runs, home)
        frozen = median_seconds([str(bundle / EXE_NAME), "--smoke-test"], options.runs, home)
    print(json.dumps({"benchmark": "startup_smoke_test", "runs": options.runs,
                      "source_s": round(source, 3), "bundle_s": round(frozen, 3),
                      "bundle_over_source": round(frozen / source, 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
