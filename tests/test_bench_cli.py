"""The benchmark command runs and writes its JSON; its verdicts follow the goals. Nothing here is timed."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.bench.runner import ALL, Figure, table

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_quick_bench_of_one_figure_writes_json(tmp_path):
    out = tmp_path / "results.json"
    done = subprocess.run([sys.executable, "-m", "desktop.bench", "--quick", "--only", "focus_default",
                           "--json", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert set(report) >= {"measured_at", "machine", "quick", "figures"}
    assert report["machine"]["cores"] >= 1
    (figure,) = report["figures"]
    assert figure["key"] == "focus_default"
    assert figure["unit"] == "ms" and figure["goal"] == 16.0 and figure["floor"] is None
    assert figure["measured"] > 0 and figure["detail"]["n"] >= 50
    assert figure["passed"] == (figure["measured"] <= 16.0)
    assert "focus a fact" in done.stdout and "| figure |" in done.stdout


@pytest.mark.slow
def test_quick_start_up_figures_report_wall_clock_and_cpu_ratios(tmp_path):
    out = tmp_path / "results.json"
    done = subprocess.run([sys.executable, "-m", "desktop.bench", "--quick", "--only", "startup_first_paint",
                           "startup_interactive", "--json", str(out)], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    figures = {f["key"]: f for f in json.loads(out.read_text(encoding="utf-8"))["figures"]}
    assert set(figures) == {"startup_first_paint", "startup_interactive"}
    for figure in figures.values():
        assert figure["floor"] > 0 and figure["measured"] > 0 and figure["detail"]["cpu_ratio"] > 0
        assert len(figure["detail"]["app_runs_s"]) == len(figure["detail"]["floor_runs_s"]) == 1
    # The window appears before the panes have their data.
    assert figures["startup_first_paint"]["measured"] < figures["startup_interactive"]["measured"]
    assert "(CPU " in done.stdout


def test_unknown_figure_is_refused():
    done = subprocess.run([sys.executable, "-m", "desktop.bench", "--only", "nonsense"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "nonsense" in done.stderr


def test_ratio_figures_pass_only_within_their_goal():
    within = Figure("startup_first_paint", "first paint", 0.4, 0.58, "s", 1.5, {})
    beyond = Figure("startup_first_paint", "first paint", 0.4, 0.61, "s", 1.5, {})
    assert within.ratio == pytest.approx(1.45) and within.passed
    assert not beyond.passed
    text = table([within, beyond])
    assert "1.45×" in text and "≤ 1.5×" in text and "CPU" not in text
    with_cpu = Figure("startup_first_paint", "first paint", 0.4, 0.58, "s", 1.5, {"cpu_ratio": 1.3})
    assert "1.45× (CPU 1.30×)" in table([with_cpu])
    assert text.count("| met |") == 1 and text.count("| MISSED |") == 1


def test_p95_figures_are_judged_in_milliseconds():
    fast = Figure("focus_default", "focus", None, 15.9, "ms", 16.0, {"cpu_p95_ms": 9.0})
    slow = Figure("focus_default", "focus", None, 16.1, "ms", 16.0, {})
    assert fast.ratio is None and fast.passed and not slow.passed
    assert "p95 15.9 ms" in table([fast]) and "(CPU 9.0)" in table([fast])


def test_every_figure_of_the_issue_is_offered():
    assert {"startup_interactive", "startup_first_paint", "load_validate", "open_large", "memory_large",
            "focus_default", "focus_large", "filter_large", "chart_large"} <= set(ALL)
