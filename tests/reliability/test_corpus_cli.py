"""Every broken dataset of the corpus, through the real command line and the real window.

The command line must exit 1 and print exactly the expected FILE:LINE:COLUMN
lines, with no traceback; the window must list the same lines in its
problems dialog and keep the dataset it already showed, untouched.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, PYTHON, ROOT, python_subprocess_env
from dataset.corpus import cases, materialise

from .timeouts import deadline

CASES = cases()
RUNNER = Path(__file__).with_name("corpus_cli_runner.py")
# The whole corpus validates in about five seconds here; this only guards against a hang.
CORPUS_TIMEOUT = 300
# A few cases through a true `python -m desktop validate`, to cover the entry point and exit status.
SUBPROCESS_CASES = ["header-duplicate", "gzip-renamed-csv", "cp1252-sources", "json-duplicate-key",
                    "file-too-large", "binary-junk", "enormous-cell"]


@pytest.fixture(scope="module")
def cli_records(tmp_path_factory) -> dict[str, dict]:
    """validate run in one child process over every case: name → exit code, output, time."""
    work = tmp_path_factory.mktemp("corpus-cli")
    result = subprocess.run([PYTHON, str(RUNNER), str(work)], capture_output=True, text=True, cwd=ROOT,
                            env=python_subprocess_env(), timeout=CORPUS_TIMEOUT)
    assert result.returncode == 0, result.stderr[-4000:]
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return {record["name"]: record for record in records}


def test_the_runner_saw_every_case(cli_records):
    assert sorted(cli_records) == sorted(case.name for case in CASES)
    assert len(CASES) >= 60


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_validate_exits_1_with_exactly_the_expected_lines(cli_records, case):
    record = cli_records[case.name]
    assert record["crashed"] == "", record["crashed"]
    assert record["code"] == 1
    assert record["stdout"].splitlines() == case.expected
    assert "Traceback" not in record["stdout"] + record["stderr"]
    assert record["stderr"] == ""


def test_slowest_case_is_reported(cli_records):
    """Not a limit: the benchmark reports it; a case taking a minute in-process is a hang in disguise."""
    slowest = max(cli_records.values(), key=lambda r: r["seconds"])
    print(f"slowest broken case: {slowest['name']} in {slowest['seconds'] * 1000:.0f} ms")
    assert slowest["seconds"] < 60


@pytest.mark.parametrize("name", SUBPROCESS_CASES)
def test_python_m_desktop_validate(tmp_path, name):
    case = next(c for c in CASES if c.name == name)
    folder = materialise(case, tmp_path / "ds")
    result = subprocess.run([PYTHON, "-m", "desktop", "validate", str(folder)], capture_output=True, text=True,
                            cwd=ROOT, env=python_subprocess_env(), timeout=120)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == case.expected
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_several_folders_names_each(tmp_path):
    """Two broken folders and the valid one: a verdict line per folder, exit 1."""
    first, second = (next(c for c in CASES if c.name == n) for n in ("header-duplicate", "binary-junk"))
    a, b = materialise(first, tmp_path / "a"), materialise(second, tmp_path / "b")
    result = subprocess.run([PYTHON, "-m", "desktop", "validate", str(a), str(FIXTURES / "valid"), str(b)],
                            capture_output=True, text=True, cwd=ROOT, env=python_subprocess_env(), timeout=120)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{a}: {len(first.expected)} problem(s)"
    assert f"{FIXTURES / 'valid'}: valid" in lines
    assert lines[-len(second.expected) - 1:] == [f"{b}: {len(second.expected)} problem(s)", *second.expected]
    assert "Traceback" not in result.stderr


# ---- the window ---------------------------------------------------------------
@pytest.fixture
def window(qtbot, app_font, valid_dataset):
    from desktop.settings import Settings
    from desktop.state import SelectionState
    from desktop.ui.main_window import MainWindow

    made = MainWindow(SelectionState(), Settings())
    qtbot.addWidget(made)
    made.resize(1280, 800)
    made.show()
    qtbot.waitExposed(made)
    made.set_dataset(valid_dataset)
    made.state.set_focus("oxycontin-launch", "test")
    return made


def test_opening_every_broken_case_lists_its_problems_and_keeps_the_open_dataset(qtbot, window, tmp_path):
    from desktop.ui.problems_dialog import ProblemsDialog

    first = window.dataset
    panes = (window.timeline, window.chart, window.citations)
    title = window.windowTitle()
    failures = []
    for case in CASES:
        folder = materialise(case, tmp_path / case.name)
        with deadline(60, f"opening {case.name}"), qtbot.waitSignal(window.load_failed, timeout=0) as failed:
            window.open_dataset(folder, background=False)
        dialog = window.problems_dialog
        assert isinstance(dialog, ProblemsDialog) and dialog.isVisible()
        shown = dialog.text.toPlainText().splitlines()
        if shown != case.expected or failed.args[0] != folder:
            failures.append(case.name)
        dialog.reject()
        assert not dialog.isVisible()
        # Nothing of the open dataset moved: same object, same panes, same focus, same title.
        assert window.dataset is first
        assert (window.timeline, window.chart, window.citations) == panes
        assert all(pane.isVisible() for pane in panes)
        assert window.state.focus == "oxycontin-launch"
        assert window.windowTitle() == title
    assert failures == [], f"the dialog did not list exactly the expected lines for: {failures}"
    # Still usable afterwards: another fact can be focused and the citations follow.
    window.state.set_focus("first-wave", "test")
    assert window.timeline.view.focus_index == window.timeline.model.index_of["first-wave"]


def test_a_broken_folder_in_the_background_also_leaves_the_dataset(qtbot, window, tmp_path):
    """The real File › Open path loads off the UI thread; the failure still arrives as a dialog."""
    case = next(c for c in CASES if c.name == "gzip-renamed-csv")
    folder = materialise(case, tmp_path / "ds")
    first = window.dataset
    with qtbot.waitSignal(window.load_failed, timeout=60_000):
        window.open_dataset(folder)
    assert window.problems_dialog.text.toPlainText().splitlines() == case.expected
    window.problems_dialog.reject()
    assert window.dataset is first
