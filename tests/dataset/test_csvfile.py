"""A column's distinct texts, found once for the checks: right for every shape of column, cheap for the common ones."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from desktop.dataset.csvfile import CsvTable

ROWS = 20_000


def _column(shape: str) -> np.ndarray:
    rng = np.random.default_rng(7)
    if shape == "runs":  # observations come series by series
        cells = np.repeat([f"series-{k}" for k in range(40)], ROWS // 40)
    elif shape == "mostly empty":  # an optional column: a qualifier here and there
        cells = np.where(rng.random(ROWS) < 0.03, "estimate", "").astype(object)
        cells[[5, ROWS - 1]] = ["approximate", "estimate"]
    elif shape == "empty":
        cells = np.full(ROWS, "")
    else:  # periods: many distinct texts in no order
        cells = np.array([f"2019-{m:02d}-{d:02d}" for m, d in rng.integers(1, 29, size=(ROWS, 2))])
    return cells.astype(object)


def _table(cells: np.ndarray) -> CsvTable:
    return CsvTable("observations.csv", frame=pd.DataFrame({"column": cells}, dtype=object))


@pytest.mark.parametrize("shape", ["runs", "mostly empty", "empty", "scattered"])
def test_codes_give_back_every_cell_and_each_text_is_listed_once(shape):
    cells = _column(shape)
    codes, uniques = _table(cells).factorized("column")
    assert uniques.dtype == object and len(set(uniques.tolist())) == len(uniques)
    assert (uniques[codes] == cells).all()
    assert set(uniques.tolist()) == set(cells.tolist())


def test_a_mostly_empty_column_hashes_only_its_filled_cells(monkeypatch):
    hashed = []
    real = pd.factorize
    monkeypatch.setattr(pd, "factorize", lambda values, **kw: hashed.append(len(values)) or real(values, **kw))
    cells = _column("mostly empty")
    codes, uniques = _table(cells).factorized("column")
    assert hashed == [np.count_nonzero(cells != "")]  # the empty cells, nine in ten, are never hashed
    assert uniques[codes[0]] == "" and uniques[codes[5]] == "approximate"
