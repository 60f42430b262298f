"""Helpers for the export tests: a dataset with rows that try to break an export, and poppler-utils.

Not a conftest.py: a second module named `conftest` would shadow tests/conftest.py for the
tests that import from it. Test modules import the `tricky_dataset` fixture from here.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "valid"

# Cells a spreadsheet would run as formulas, markup a PDF must print literally, accents, and hard numbers.
EXTRA = {
    "events.csv": (
        'inj-eq,event,2020-01,,"=HYPERLINK(""http://evil.example"",""click"")",+1 starts with plus,Pharma,@place,,\n'
        'inj-minus,event,2020-02,,-2 starts with minus,"\tstarts with a tab",Pharma,,,\n'
        'inj-cr,event,2020-03,,Starts with a line break,"\r\nsecond line",Pharma,,,\n'
        'inj-html,event,2020-04,,<b>Bold</b> & <i>italic</i> title,'
        '"<img src=""file:///etc/hostname""> <a href=""http://evil.example"">link</a>",Pharma,Bogotá,,Título <b>\n'
    ),
    "series.csv": "balance,Net change,people,year,Changes can be negative,,\n",
    "observations.csv": "balance,2019,-12,,\nbalance,2020,0.1,,\nbalance,2021,123456789.125,,\n",
    "citations.csv": (
        'i1,inj-eq,op-ed,journalist-assertion,supports,=1+1,,,\n'
        'i2,inj-minus,op-ed,journalist-assertion,supports,-starts with minus,,,\n'
        'i3,inj-cr,op-ed,journalist-assertion,supports,,para 1,,\n'
        'i4,inj-html,court-case,named-source,supports,"<img src=""http://evil.example/x.png""> said <b>so</b>",,,\n'
        'i5,inj-html,encyclopedie,anonymous-source,disputes,Ce n’est pas vrai à Bogotá.,,,\n'
        'i6,balance,cdc-wonder,official-statistic,supports,Net change by year.,,,\n'
    ),
    "lessons.csv": "tricky,Tricky <b>lesson</b>,1,inj-html,,,\ntricky,Tricky <b>lesson</b>,2,balance@2019,,,\n",
}


def make_tricky(folder: Path) -> Path:
    """A copy of the valid fixture with the rows above appended (each keeps the contract)."""
    shutil.copytree(FIXTURE, folder)
    for name, rows in EXTRA.items():
        with (folder / name).open("a", encoding="utf-8", newline="") as stream:
            stream.write(rows)
    return folder


@pytest.fixture(scope="session")
def tricky_dataset(tmp_path_factory):
    from desktop.dataset.loader import load_dataset

    return load_dataset(make_tricky(tmp_path_factory.mktemp("tricky") / "tricky"))


def poppler(tool: str, *args: str) -> str:
    """Run a poppler-utils tool (.ci/run installs them); missing is a loud failure, not a skip."""
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is missing: install poppler-utils (.ci/run does)")
    return subprocess.run([tool, *args], check=True, capture_output=True, text=True).stdout


def squeeze(text: str) -> str:
    """Text without whitespace or hyphens, so line breaks pdftotext adds or joins do not matter."""
    return "".join(ch for ch in text if not ch.isspace() and ch not in "-‐")
