"""Checking one field as it is typed, with the validator's own rules and words.

Each check builds a one-row table the way the loader does and runs the
loader's rule functions on it (`rules.check_column`, the cell checks of
`csvfile`, the row rules of `links`), so a form says exactly what
`python -m desktop validate` would say about the same cell.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import links
from ..contract import TABLES_BY_NAME
from ..csvfile import CsvTable, check_cells
from ..periods import PERIOD_TYPES, PeriodError, period_span
from ..rules import check_column, check_table

_LINE = 2  # the line a new row is judged at; messages here never show it


def _table(name: str, values: dict[str, str], lines: list[int] | None = None) -> CsvTable:
    spec = TABLES_BY_NAME[name]
    frame = pd.DataFrame({k: pd.Series([v] if isinstance(v, str) else list(v), dtype=str) for k, v in values.items()})
    table = CsvTable(spec.file, header=list(values), frame=frame, complete=True)
    table.lines = np.asarray(lines or [_LINE] * len(frame), dtype=np.int64)
    return table


def field_problem(table: str, column: str, value: str) -> str | None:
    """The validator's message for this cell on its own, or None when it is fine."""
    spec = TABLES_BY_NAME[table]
    checked = _table(table, {column: value})
    check_cells([value], [column], _LINE, checked)
    base = column.partition("@")[0]
    if "@" in column:
        check_table(checked, spec)  # the translation's language and its original's rules
        checked.problems = [p for p in checked.problems if p.rule not in ("translation-column",)]
        original = spec.column(base)
        if original is not None and original.max_length is not None and len(value) > original.max_length:
            return f"{column} has {len(value)} characters; it may have at most {original.max_length}"
    elif spec.column(column) is not None:
        check_column(checked, spec.column(column), checked.frame[column], column)
    return checked.problems[0].message if checked.problems else None


def record_problems(table: str, values: dict[str, str], *, period_type: str | None = None,
                    taken_ids: dict[str, int] | None = None) -> dict[str, str]:
    """Column → message for a whole row: each cell, then the rules that join its cells.

    `period_type` is the series' period type (for an observation's period);
    `taken_ids` maps ids already used by other rows of the table to their line.
    """
    out: dict[str, str] = {}
    for column, value in values.items():
        message = field_problem(table, column, value)
        if message:
            out[column] = message
    spec = TABLES_BY_NAME[table]
    id_column = spec.columns[0]
    if id_column.kind == "id" and id_column.unique and taken_ids and values.get(id_column.name) in taken_ids:
        value = values[id_column.name]
        pair = _table(table, {id_column.name: [value, value]}, [taken_ids[value], taken_ids[value] + 1])
        check_column(pair, id_column, pair.frame[id_column.name], id_column.name)
        found = [p for p in pair.problems if p.rule == "id-unique"]
        if found:
            out.setdefault(id_column.name, found[0].message)
    if table == "events":
        row = _table(table, {k: values.get(k, "") for k in ("kind", "start", "end")})
        links.check_events(row)
        for problem in row.problems:
            out.setdefault(problem.column or "end", problem.message)
    elif table == "citations":
        row = _table(table, {k: values.get(k, "") for k in ("quote", "locator", "source_id", "target")})
        links.check_citations(row, None, links.Targets(None, None, None))  # judges no reference without the tables
        for problem in row.problems:
            out.setdefault(problem.column or "quote", problem.message)
    elif table == "observations" and period_type in PERIOD_TYPES and values.get("period"):
        try:
            period_span(period_type, values["period"])
        except PeriodError as error:
            out.setdefault("period", str(error))
    return out
