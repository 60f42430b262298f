"""`new DIR`: a valid template dataset, refusals and exit codes."""
from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.cli import main
from tests.conftest import ROOT, python_subprocess_env


def test_new_makes_a_dataset_that_validate_accepts(tmp_path, capsys):
    folder = tmp_path / "my-class"
    assert main(["new", str(folder)]) == 0
    assert "validate" in capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["datapackage.json", "sources.csv", "events.csv", "series.csv", "observations.csv", "citations.csv", "lessons.csv"])
    for table in folder.glob("*.csv"):
        lines = table.read_text(encoding="utf-8").splitlines()
        assert len(lines) >= 2  # a header and at least one example row
    assert main(["validate", str(folder)]) == 0


def test_an_empty_folder_is_fine(tmp_path):
    assert main(["new", str(tmp_path)]) == 0
    assert main(["validate", str(tmp_path)]) == 0


@pytest.mark.parametrize("make", ["file", "busy-folder"])
def test_new_refuses_to_overwrite(tmp_path, capsys, make):
    target = tmp_path / "target"
    if make == "file":
        target.write_text("not a folder")
    else:
        target.mkdir()
        (target / "keep.txt").write_text("mine")
    assert main(["new", str(target)]) == 2
    assert "factdeck new:" in capsys.readouterr().err
    if make == "busy-folder":
        assert [p.name for p in target.iterdir()] == ["keep.txt"]


def test_a_write_failure_exits_1(tmp_path, capsys, monkeypatch):
    from desktop.dataset.authoring import template
    from desktop.fileio import WriteError

    def full_disk(path, data):
        raise WriteError(f"Could not save {path}: No space left on device.")

    monkeypatch.setattr(template, "write_atomic", full_disk)
    assert main(["new", str(tmp_path / "inner")]) == 1
    assert "No space left" in capsys.readouterr().err


def test_python_dash_m_desktop_new(tmp_path):
    folder = tmp_path / "fresh"
    result = subprocess.run([sys.executable, "-m", "desktop", "new", str(folder)], cwd=ROOT,
                            env=python_subprocess_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    check = subprocess.run([sys.executable, "-m", "desktop", "validate", str(folder)], cwd=ROOT,
                           env=python_subprocess_env(), capture_output=True, text=True, timeout=120)
    assert check.returncode == 0 and check.stdout == ""
