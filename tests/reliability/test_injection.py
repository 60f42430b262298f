"""Text is never markup: the evil dataset shown everywhere, watched from inside and outside the process.

One child process (evil_tour.py) opens the evil dataset of injection.py in a
real window, focuses every fact, ticks and hovers every series, shows the
Sources tab, asks to open a lookalike link (answering Cancel), presents
lessons with notes, opens a broken evil folder and the About dialog, and
walks every widget, tooltip and scene item after each step (walk.py). When
strace is installed the child runs under it, so the test also sees every
file the process touched and every program it started.

Each surface (pane or window) is judged on its own. A surface with a known
bug, reported to its owner with the exact fix, is marked xfail(strict=True):
the day it is fixed the marker must go, and it cannot silently regress.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from conftest import PYTHON, ROOT, python_subprocess_env
from desktop.ui.safe_text import BIDI_CONTROLS, visible

from .injection import WATCHED_PATHS, injections

TOUR = ROOT / "tests" / "reliability" / "evil_tour.py"
# The tour takes about 40 s here (70 s under strace); anything near this is a freeze, not slowness.
TIMEOUT = 600
# The offscreen platform cannot raise or resize native windows; these say nothing about the app.
OFFSCREEN_NOISE = ("This plugin does not support",)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def tour(tmp_path_factory) -> dict:
    """Run the tour once (under strace when it exists); its JSON summary plus the trace lines."""
    work = tmp_path_factory.mktemp("evil")
    sentinel = work / "sentinel.txt"
    sentinel.write_text("nobody may open this file\n", encoding="utf-8")
    home = tmp_path_factory.mktemp("evil-home")
    env = python_subprocess_env()
    env["FACTDECK_HOME"] = str(home)
    command = [PYTHON, str(TOUR), str(work), str(sentinel)]
    trace = work / "trace.txt"
    traced = shutil.which("strace") is not None
    if traced:
        command = ["strace", "-f", "-qq", "-s", "300", "-e", "trace=%file,%process", "-o", str(trace), *command]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=TIMEOUT)
    assert result.returncode == 0, result.stderr[-4000:]
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    summary["traced"] = traced
    summary["trace"] = trace.read_text(errors="replace").splitlines() if traced else []
    summary["stderr"] = result.stderr
    summary["sentinel"] = str(sentinel)
    summary["canary"] = str(work / "canary.png")
    summary["strings"] = injections(sentinel)
    print(f"evil dataset: first render {summary['render_seconds']:.2f} s, whole tour {summary['tour_seconds']:.1f} s, "
          f"{summary['shown']} distinct texts walked, {summary['tooltips_seen']} tooltips shown")
    return summary


def test_at_least_twenty_injection_strings(tmp_path):
    strings = injections(tmp_path / "x")
    assert len(strings) >= 20
    assert len(set(strings)) == len(strings)


def test_the_tour_walked_a_lot_and_raised_nothing(tour):
    assert tour["shown"] > 500
    assert tour["tooltips_seen"] > 20
    assert "Traceback" not in tour["stderr"]


SURFACES = [
    "timelinePane",
    "chartPane",
    "citationPane",
    "mainWindow",
    "qtooltip_label",
    "problemsDialog",
    "aboutDialog",
    "linkConfirmation",
]


@pytest.mark.parametrize("surface", SURFACES)
def test_surface_shows_dataset_text_as_plain_text(tour, surface):
    """No dataset markup reaches a rich-text renderer, and no direction control is obeyed unseen."""
    assert tour["problems"].get(surface, []) == []


def test_no_other_surface_has_problems(tour):
    known = {p.values[0] if hasattr(p, "values") else p for p in SURFACES}
    others = {k: v for k, v in tour["problems"].items() if k not in known}
    assert others == {}


def test_every_string_reads_as_written_in_the_citations(tour):
    """The quote, note, locator, source … show every string's characters (direction controls as markers)."""
    missing = [s[:40] for s, panes in zip(tour["strings"], tour["literal"]) if "citationPane" not in panes]
    assert missing == []


def test_markup_strings_read_as_written_on_the_timeline_and_chart(tour):
    """Strings without direction controls must read as written in the painted timeline and the chart too."""
    plain = [(s, panes) for s, panes in zip(tour["strings"], tour["literal"])
             if not any(c in BIDI_CONTROLS for c in s)]
    assert len(plain) >= 20
    missing = [(s[:40], sorted({"timelinePane", "chartPane"} - set(panes))) for s, panes in plain
               if not {"timelinePane", "chartPane"} <= set(panes)]
    assert missing == []


def test_problems_dialog_quotes_markup_literally(tour):
    assert "problemsDialog" in tour["literal"][1]


def test_links_go_nowhere_without_consent_and_name_the_real_host(tour):
    assert tour["url_calls"] == []
    text = tour["link_dialog"]
    assert "Website: evil.example" in text
    assert 'Careful: "school.example" before the @ is not the website' in text


def test_no_qt_warnings(tour):
    warnings = [w for w in tour["warnings"] if not any(noise in w for noise in OFFSCREEN_NOISE)]
    assert warnings == []


def test_rendering_is_bounded(tour):
    """Huge tables, deep nesting and /dev/zero images must not freeze the window (bench_injection.py times it)."""
    assert tour["render_seconds"] < 60
    assert tour["tour_seconds"] < 400


def _touched(trace: list[str], path: str) -> list[str]:
    """Trace lines where the process reached for `path` (the tour's own command line does not count)."""
    return [line for line in trace
            if (f'"{path}"' in line or f'"file://{path}"' in line) and "execve(" not in line]


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed (.ci/run installs it)")
def test_the_trace_would_see_a_file_being_opened(tour):
    """The canary: rich text shown on purpose at the end opens its image, so the trace is watching."""
    assert _touched(tour["trace"], tour["canary"]), "the canary image was not opened: is the trace working?"


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed (.ci/run installs it)")
def test_no_injected_path_is_opened(tour):
    touched = {path: _touched(tour["trace"], path)[:3] for path in (tour["sentinel"], *WATCHED_PATHS)}
    assert {path: lines for path, lines in touched.items() if lines} == {}


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed (.ci/run installs it)")
def test_nothing_is_started(tour):
    """One program runs: the tour itself. No browser, no helper, no shell."""
    execs = [line for line in tour["trace"] if re.search(r"\bexecve\(", line) and "= 0" in line]
    assert len(execs) == 1, "\n".join(execs)
    assert str(TOUR) in execs[0]


def test_visible_marks_every_direction_control():
    """The helper the panes use: each control becomes a marker, the order of the text is kept."""
    text = "invoice\u202egnp.exe"
    assert visible(text) == "invoice⟨RLO⟩gnp.exe"
    assert not any(c in BIDI_CONTROLS for c in visible("".join(BIDI_CONTROLS)))
