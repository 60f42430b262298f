"""Exports keep hostile text as text: spreadsheet CSV, handout PDF and bibliographies of the evil dataset.

The handout is rendered by Qt's rich-text engine, so it runs in a child
process under strace (when installed): none of the files the strings point at
may be opened, and the PDF's text must hold the markup as characters.
"""
from __future__ import annotations

import csv
import json
import shutil
import subprocess

import pytest

from conftest import PYTHON, ROOT, python_subprocess_env
from desktop.dataset.contract import TITLE_MAX

from .injection import WATCHED_PATHS, write_evil_dataset


@pytest.fixture(scope="module")
def evil(tmp_path_factory):
    work = tmp_path_factory.mktemp("evil-exports")
    sentinel = work / "sentinel.txt"
    sentinel.write_text("nobody may open this file\n", encoding="utf-8")
    strings = write_evil_dataset(work / "evil", sentinel)
    return work, sentinel, strings


def _export(args: list[str], trace=None) -> subprocess.CompletedProcess:
    command = [PYTHON, "-m", "desktop", "export", *args]
    if trace is not None:
        command = ["strace", "-f", "-qq", "-s", "300", "-e", "trace=%file,%process", "-o", str(trace), *command]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=python_subprocess_env(), timeout=300)


def test_spreadsheet_csv_holds_every_string_as_a_cell(evil):
    work, _sentinel, strings = evil
    out = work / "all.csv"
    ids = ",".join(f"evil-ev-{i}" for i in range(len(strings)))
    series = ",".join(f"evil-s-{i}" for i in range(len(strings)))
    result = _export(["csv", "--dataset", str(work / "evil"), "--facts", ids, "--series", series, "--out", str(out)])
    assert result.returncode == 0, result.stderr
    with open(out, encoding="utf-8-sig", newline="") as stream:
        cells = {cell for row in csv.reader(stream) for cell in row}
    missing = [s[:40] for s in strings if s not in cells and s[:TITLE_MAX] not in cells]
    assert missing == []


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_handout_prints_markup_literally_and_loads_nothing(evil):
    work, sentinel, strings = evil
    out = work / "lesson.pdf"
    trace = work / "handout-trace.txt" if shutil.which("strace") else None
    result = _export(["handout", "--dataset", str(work / "evil"), "--lesson", "evil-l-1", "--out", str(out)], trace)
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    squeezed = " ".join(text.split())
    assert f'<img src="{sentinel}">' in squeezed
    if trace is not None:
        lines = trace.read_text(errors="replace").splitlines()
        touched = [line for line in lines if any(f'"{p}"' in line for p in (str(sentinel), *WATCHED_PATHS))]
        assert touched == []


@pytest.mark.parametrize("style", ["apa", "mla", "chicago", "bibtex", "ris"])
def test_bibliography_text_keeps_markup_as_characters(evil, style):
    from desktop.dataset.citations import format_bibliography
    from desktop.dataset.loader import load_dataset

    work, sentinel, strings = evil
    dataset = load_dataset(work / "evil")
    text = format_bibliography(dataset, [f"evil-src-{i}" for i in (0, 1, 5)], style)
    assert "<b>evil-bold</b>" in text
    assert f'<img src="{sentinel}">' in text
    assert "javascript link" in text


def test_csl_json_bibliography_round_trips_every_title(evil):
    from desktop.dataset.citations import format_bibliography
    from desktop.dataset.loader import load_dataset

    work, _sentinel, strings = evil
    dataset = load_dataset(work / "evil")
    items = json.loads(format_bibliography(dataset, [f"evil-src-{i}" for i in range(len(strings))], "csl-json"))
    assert {item["title"] for item in items} >= set(strings)
