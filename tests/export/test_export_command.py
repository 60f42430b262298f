"""`factdeck export`: every format from the command line, headless; exit 0, 1 (file or data trouble), 2 (misuse)."""
from __future__ import annotations

import csv
import shutil
import subprocess
import sys

import pytest

from desktop import cli
from desktop.dataset.loader import check_dataset, load_dataset
from export_helpers import FIXTURE, poppler, squeeze



def export(*args: str) -> int:
    return cli.main(["export", *args, "--dataset", str(FIXTURE)])


def test_csv_of_chosen_series_and_facts(tmp_path, capsys):
    out = tmp_path / "values.csv"
    assert export("csv", "--out", str(out), "--series", "cbp-seizures", "--facts", "agent-007,cartel-statement") == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [r["id"] for r in rows] == ["cbp-seizures@2019", "cbp-seizures@2020", "cbp-seizures@2021",
                                       "agent-007", "cartel-statement"]
    assert "wrote" in capsys.readouterr().err


def test_csv_filters_narrow_the_events(tmp_path):
    out = tmp_path / "waves.csv"
    assert export("csv", "--out", str(out), "--category", "Waves", "--filter-text", "third") == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [r["id"] for r in rows if r["kind"] == "event"] == ["fentanyl-wave"]
    assert {r["id"].partition("@")[0] for r in rows if r["kind"] == "value"} == {"overdose-deaths", "cbp-seizures"}


def test_package_of_a_lesson_validates(tmp_path):
    out = tmp_path / "supply"
    assert export("package", "--lesson", "supply", "--out", str(out)) == 0
    assert check_dataset(out) == []
    assert list(load_dataset(out).events.index) == ["cartel-statement"]
    assert cli.main(["validate", str(out)]) == 0


def test_existing_output_needs_force(tmp_path, capsys):
    out = tmp_path / "data.csv"
    out.write_text("mine", encoding="utf-8")
    assert export("csv", "--out", str(out)) == 1
    assert "already exists" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "mine"
    assert export("csv", "--out", str(out), "--force") == 0
    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "x").write_text("x", encoding="utf-8")
    assert export("package", "--out", str(folder)) == 1
    assert export("package", "--out", str(folder), "--force") == 0


def test_an_unwritable_place_is_a_file_failure(tmp_path, capsys):
    assert export("csv", "--out", str(tmp_path / "missing" / "data.csv")) == 1
    assert "missing" in capsys.readouterr().err


@pytest.mark.parametrize("args, said", [
    (["handout", "--lesson", "nope", "--out", "x.pdf"], "no lesson 'nope'"),
    (["csv", "--series", "overdose-death", "--out", "x.csv"], "did you mean overdose-deaths"),
    (["csv", "--facts", "agent-7", "--out", "x.csv"], "no event or series 'agent-7'"),
    (["csv", "--category", "Nope", "--out", "x.csv"], "the categories are"),
    (["package", "--lesson", "supply", "--series", "cbp-seizures", "--out", "x"], "--lesson chooses"),
    (["handout", "--lesson", "supply", "--out", "x.txt"], "ending in .pdf"),
])
def test_misuse_exits_2_and_writes_nothing(tmp_path, monkeypatch, capsys, args, said):
    monkeypatch.chdir(tmp_path)
    assert export(*args) == 2
    assert said in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_dataset_with_problems_exits_1(tmp_path, capsys):
    broken = tmp_path / "broken"
    shutil.copytree(FIXTURE, broken)
    (broken / "events.csv").write_text("event_id,kind\nx,event\n", encoding="utf-8")
    assert cli.main(["export", "csv", "--dataset", str(broken), "--out", str(tmp_path / "x.csv")]) == 1
    assert "problem" in capsys.readouterr().err


def test_handout_from_the_command_line_without_a_display(tmp_path):
    import os

    fixture = FIXTURE

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(fixture.parents[2])
    out = tmp_path / "supply.pdf"
    done = subprocess.run([sys.executable, "-m", "desktop", "export", "handout", "--lesson", "supply", "--out", str(out),
                           "--page", "letter", "--style", "chicago", "--dataset", str(fixture)],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "pages" in done.stderr
    text = squeeze(poppler("pdftotext", str(out), "-"))
    assert squeeze("Cartels ship most fentanyl through legal ports of entry.") in text
    assert "612 x 792" in poppler("pdfinfo", str(out))
