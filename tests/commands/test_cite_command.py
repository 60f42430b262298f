"""`cite TARGET | --all`: output layout, exit codes, messages on stderr."""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.commands import cite

ROOT = Path(__file__).resolve().parents[2]

# Dataset.citations_for uses DataFrame.join(rsuffix=…), deprecated in pandas 3;
# drop this mark once dataset.py passes suffixes=("", "_source") instead.

FILES = {
    "datapackage.json": json.dumps({"name": "cite-test", "title": "Cite test", "resources": [
        {"name": n, "path": f"{n}.csv"} for n in ("sources", "events", "series", "observations", "citations")]}),
    "sources.csv": (
        "source_id,kind,title,author,publisher,published,url,accessed,notes\n"
        "nida-overdose,government-report,Opioid overdose crisis,National Institute on Drug Abuse,"
        "National Institute on Drug Abuse,2019-01,https://www.drugabuse.gov/x,,\n"
        'latimes-deaths,news,Fentanyl deaths rise again,"Hoffman, Jan",Los Angeles Times,2019-10-17,'
        "https://www.latimes.com/x,,\n"
    ),
    "events.csv": (
        "event_id,kind,start,end,title,summary,category\n"
        "overdose-record,event,2019-10,,Overdose deaths hit a record,Deaths rose.,Health\n"
    ),
    "series.csv": "series_id,title,unit,period_type\nod-deaths,Overdose deaths,deaths,year\n",
    "observations.csv": "series_id,period,value\nod-deaths,2018,100\n",
    "citations.csv": (
        "citation_id,target,source_id,claim_type,stance,quote,locator,note\n"
        'c1,overdose-record,latimes-deaths,journalist-assertion,supports,"Deaths rose again, the data show.",'
        "para 3,\n"
        "c2,overdose-record,nida-overdose,official-statistic,context,,p. 2,Counts differ by month\n"
        "c3,od-deaths,nida-overdose,official-statistic,supports,,Figure 1,\n"
    ),
}

NIDA_APA = "National Institute on Drug Abuse. (2019). Opioid overdose crisis. https://www.drugabuse.gov/x"
HOFFMAN_APA = "Hoffman, J. (2019, October 17). Fentanyl deaths rise again. Los Angeles Times. https://www.latimes.com/x"


@pytest.fixture
def folder(tmp_path) -> Path:
    root = tmp_path / "cite-test"
    root.mkdir()
    for name, text in FILES.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="factdeck cite")
    cite.add_arguments(parser)
    return cite.run(parser.parse_args(argv))


def test_one_fact_prints_each_citation_with_its_details(folder, capsys):
    assert run(["overdose-record", "--dataset", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out == (
        "Overdose deaths hit a record (Oct 2019)\n"
        "=======================================\n"
        "\n"
        f"[c1] {HOFFMAN_APA}\n"
        "    Claim: journalist-assertion\n"
        "    Stance: supports\n"
        "    Quote: “Deaths rose again, the data show.”\n"
        "    Where: para 3\n"
        "\n"
        f"[c2] {NIDA_APA}\n"
        "    Claim: official-statistic\n"
        "    Stance: context\n"
        "    Where: p. 2\n"
        "    Note: Counts differ by month\n"
    )


def test_an_observation_shows_the_citations_of_its_series(folder, capsys):
    assert run(["od-deaths@2018", "--dataset", str(folder), "--style", "mla"]) == 0
    out = capsys.readouterr().out
    assert "[c3] Opioid Overdose Crisis. National Institute on Drug Abuse, Jan. 2019, www.drugabuse.gov/x." in out
    assert "    Cited for: od-deaths" in out


def test_data_formats_print_references_only(folder, capsys):
    assert run(["overdose-record", "--dataset", str(folder), "--style", "csl-json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [i["id"] for i in items] == ["latimes-deaths", "nida-overdose"]


def test_all_prints_the_whole_bibliography_in_style_order(folder, capsys):
    assert run(["--all", "--dataset", str(folder)]) == 0
    assert capsys.readouterr().out == f"{HOFFMAN_APA}\n{NIDA_APA}\n"


def test_spanish(folder, capsys):
    assert run(["--all", "--dataset", str(folder), "--style", "mla", "--lang", "es"]) == 0
    assert "17 de octubre de 2019" in capsys.readouterr().out


def test_unknown_target_is_misuse_with_a_suggestion(folder, capsys):
    assert run(["overdose-recrd", "--dataset", str(folder)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "overdose-recrd" in err and "did you mean overdose-record?" in err


@pytest.mark.parametrize("argv", [[], ["overdose-record", "--all"]])
def test_target_and_all_together_or_neither_is_misuse(folder, capsys, argv):
    assert run(argv + ["--dataset", str(folder)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "TARGET" in err


def test_missing_dataset_folder_is_misuse(tmp_path, capsys):
    assert run(["--all", "--dataset", str(tmp_path / "nope")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_dataset_with_problems_lists_them_and_exits_1(folder, capsys):
    sources = folder / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8").replace("2019-10-17", "2019-13-45"), encoding="utf-8")
    assert run(["--all", "--dataset", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    problem_lines = [line for line in err.splitlines() if line.startswith("sources.csv:")]
    assert problem_lines and problem_lines[0].startswith("sources.csv:3:published: ")


def test_python_m_desktop_cite(folder):
    """The real command line, as a teacher would type it."""
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "cite", "--all", "--dataset", str(folder), "--style", "chicago"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "Hoffman, Jan. 2019. “Fentanyl Deaths Rise Again.” Los Angeles Times, October 17. https://www.latimes.com/x.")
    bad = subprocess.run([sys.executable, "-m", "desktop", "cite", "no-such-fact", "--dataset", str(folder)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and bad.stdout == "" and "no-such-fact" in bad.stderr
