"""The citation and source rows the citation pane shows, read from whole columns taken once.

A focus change used to ask pandas for the fact's citation rows
(`DataFrame.take`, ~0.5–1 ms even for three rows, most of it pandas' own
checks) and then turn them into dicts, and to build each new source's dict
through `DataFrame.loc`. Here every column is taken once as a numpy array of
Python objects (a fraction of a millisecond, even for 120,000 citations),
and a fact's rows are picked out of those arrays by position: the same
values, in the same order, as `Dataset.ordered_citation_rows` gives.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..dataset.contract import STANCE_ORDER
from ..dataset.dataset import Dataset

_UNKNOWN_STANCE = len(STANCE_ORDER)  # after every known one, where the dataset's own order puts it


def _object_columns(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    return {name: frame[name].to_numpy(dtype=object) for name in frame.columns}


class CitationRows:
    """A dataset's citations as plain dicts, per fact, in the order every view shows them."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._columns: dict[str, np.ndarray] | None = None  # taken at the first question

    def _taken(self) -> dict[str, np.ndarray]:
        columns = self._columns
        if columns is None:
            columns = self._columns = _object_columns(self.dataset.citations)
        return columns

    def positions(self, target: str) -> np.ndarray:
        """Where `target`'s citations are in `dataset.citations`: supporting ones first, then context, then disputes."""
        found = self.dataset.citation_positions(target)
        if len(found) < 2:
            return found
        # A stable sort of a fact's few rows by stance, as ordered_citation_rows does with a rank of every
        # citation (a pandas map over all of them, ~30 ms at 120,000 citations, on the first question).
        stances = self._taken()["stance"]
        ranks = [STANCE_ORDER.get(stances[at], _UNKNOWN_STANCE) for at in found.tolist()]
        return found[np.argsort(ranks, kind="stable")]

    def records(self, target: str) -> list[dict]:
        """`target`'s citations, each a dict of column → cell (as `citation_records(ordered_citation_rows(target))`)."""
        columns = self._taken()
        at = self.positions(target)
        if not len(at):
            return []
        names = list(columns)
        return [dict(zip(names, values)) for values in zip(*(columns[name][at].tolist() for name in names))]


class SourceRecords:
    """Sources as plain dicts, each built once from whole columns and kept (a pane holds one)."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._rows: dict[str, dict] = {}
        self._columns: dict[str, np.ndarray] | None = None
        self._at: dict[str, int] | None = None

    def __getitem__(self, source_id: str) -> dict:
        row = self._rows.get(source_id)
        if row is None:
            if self._columns is None:
                sources = self.dataset.sources
                self._columns = _object_columns(sources)
                self._at = {key: at for at, key in enumerate(sources.index)} if sources.index.is_unique else {}
            at = self._at.get(source_id)
            if at is None:  # not a unique id: pandas' own answer (a KeyError for an unknown one)
                row = self.dataset.sources.loc[source_id].to_dict()
            else:
                row = {name: column[at] for name, column in self._columns.items()}
            self._rows[source_id] = row
        return row
