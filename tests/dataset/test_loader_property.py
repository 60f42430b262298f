"""Whatever is in the folder, load_dataset returns a Dataset or raises DatasetError, never anything else.

Derandomised hypothesis runs (2,000 examples in all) over random bytes,
almost-valid files (the valid fixture with a few characters changed), random
cells and random descriptors.
"""
from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.dataset.contract import RULES_BY_ID
from desktop.dataset.dataset import Dataset
from desktop.dataset.loader import DatasetError, load_dataset

VALID = Path(__file__).resolve().parents[1] / "fixtures" / "valid"
FILES = sorted(p.name for p in VALID.iterdir())
LINE = re.compile(r"^[^:]+:(\d+|-):[^\n]*?: .+$", re.S)
def SETTINGS(examples: int) -> settings:
    return settings(derandomize=True, deadline=None, database=None, max_examples=examples,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])

# Characters that matter to CSV, JSON, dates and ids, plus some that do not.
TRICKY = st.sampled_from(list(',;"\'\n\r\t\x00\x1b\x85é–@.-_ 0123456789aXz{}[]:') + ["NA", "..", "\r\n", "199X", "\ufeff"])


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "ds"
        shutil.copytree(VALID, target)
        yield target


def _outcome(folder: Path) -> None:
    """Load once: a Dataset, or a DatasetError whose problems are well-formed report lines."""
    try:
        dataset = load_dataset(folder)
    except DatasetError as error:
        problems = error.problems
        assert problems, "a DatasetError always lists its problems"
        for problem in problems:
            assert problem.rule in RULES_BY_ID
            assert LINE.match(str(problem)), str(problem)
    else:
        assert isinstance(dataset, Dataset)
        assert len(dataset.events) and len(dataset.citations)


def _with(folder: Path, name: str, content: bytes) -> None:
    path = folder / name
    original = (VALID / name).read_bytes()
    path.write_bytes(content)
    try:
        _outcome(folder)
    finally:
        path.write_bytes(original)


@pytest.mark.slow
@SETTINGS(400)
@given(name=st.sampled_from(FILES), content=st.binary(max_size=400))
def test_random_bytes(folder, name, content):
    _with(folder, name, content)


@pytest.mark.slow
@SETTINGS(800)
@given(name=st.sampled_from(FILES), edits=st.lists(
    st.tuples(st.floats(0, 1), st.integers(0, 3), st.one_of(TRICKY, st.text(max_size=3))), min_size=1, max_size=4))
def test_almost_valid_files(folder, name, edits):
    text = (VALID / name).read_text(encoding="utf-8")
    for where, cut, insert in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut:]
    _with(folder, name, text.encode("utf-8", "surrogatepass"))


@pytest.mark.slow
@SETTINGS(550)
@given(name=st.sampled_from([f for f in FILES if f.endswith(".csv")]), data=st.data())
def test_random_cells(folder, name, data):
    lines = (VALID / name).read_text(encoding="utf-8").split("\n")
    header = lines[0].split(",")
    row = data.draw(st.integers(1, 3))
    column = data.draw(st.integers(0, len(header) - 1))
    value = data.draw(st.one_of(TRICKY, st.text(max_size=12), st.from_regex(r"\A[0-9X.-]{1,11}\Z")))
    quoted = '"' + value.replace('"', '""') + '"'
    cells = lines[row].split(",") if '"' not in lines[row] else None
    if cells is None or len(cells) != len(header):
        cells = [""] * len(header)
    cells[column] = quoted
    lines[row] = ",".join(cells)
    _with(folder, name, "\n".join(lines).encode("utf-8", "surrogatepass"))


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=12,
)


@pytest.mark.slow
@SETTINGS(250)
@given(value=st.one_of(JSON, st.fixed_dictionaries(
    {"name": JSON, "title": JSON},
    optional={"resources": st.lists(st.fixed_dictionaries({}, optional={"name": JSON | st.sampled_from(
        ["sources", "events", "series", "observations", "citations", "lessons"]), "path": JSON | st.sampled_from(
        ["events.csv", "../events.csv", "https://x/y.csv", "a/b.csv"])}), max_size=7)})))
def test_random_descriptors(folder, value):
    _with(folder, "datapackage.json", json.dumps(value).encode("utf-8", "surrogatepass"))
