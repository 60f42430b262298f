"""The cell rules of the contract, one table at a time, vectorised.

Each check finds the failing rows of a whole column at once (pandas and
numpy), and only those rows are turned into problems one by one, so a
million clean observations cost a few array operations.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from .contract import ID_MAX, LANGUAGES, Column, Table
from .csvfile import CsvTable
from .dates import OPEN_END, DateError, PartialDate

SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")  # ASCII digits only
_NUMBER_CHARS = str.maketrans("", "", "0123456789+-.eE")
_LANG = re.compile(r"[a-z]{2}")
_SLUG_BYTES = b"abcdefghijklmnopqrstuvwxyz0123456789-\n"
_STEP = re.compile(r"[1-9][0-9]*")


def member(cells: np.ndarray, values) -> np.ndarray:
    """Which cells are among `values`, by hashing (np.isin on text compares every pair)."""
    return pd.Series(cells, dtype=object).isin(values).to_numpy(dtype=bool)


def shown(value: str, limit: int = 60) -> str:
    """A cell quoted for a message, cut short when long."""
    text = value if len(value) <= limit else value[:limit] + "…"
    return '"' + text.replace("\n", "↵").replace("\r", "") + '"'


def report(table: CsvTable, rows: np.ndarray, column: str | None, message, rule: str) -> None:
    """One problem per failing row; `message` is a text or a function of the row."""
    lines = table.lines
    for row in rows:
        text = message(int(row)) if callable(message) else message
        table.problem(int(lines[row]), column, text, rule)


def check_table(table: CsvTable, spec: Table) -> None:
    """Every single-column rule of one table, plus its translation columns."""
    frame = table.frame
    for column in spec.columns:
        if column.name in frame.columns:
            check_column(table, column, frame[column.name], column.name)
    for name in table.header or []:
        if "@" in name:
            original = _translation_original(table, spec, name)
            if original is not None and original.max_length is not None:
                _check_length(table, frame[name], name, original.max_length)


def _translation_original(table: CsvTable, spec: Table, name: str) -> Column | None:
    base, _, lang = name.rpartition("@")
    line = 1 if table.lines is None or not len(table.lines) else 1
    if not _LANG.fullmatch(lang) or lang not in LANGUAGES:
        hint = f'; write it in lower case: "{base}@{lang.lower()}"' if lang.lower() in LANGUAGES else ""
        table.problem(line, name, (f'"{lang}" is not a two-letter ISO 639-1 language code (like es, fr, de)'
                                   f"{hint}"), "translation-language")
        return None
    original = spec.column(base)
    if original is None or not original.translatable:
        if base == "quote":
            why = "a quote is never translated (it is the source's own words); give a translation in note@" + lang
        elif spec.name == "sources" and base == "title":
            why = "a source's title stays as the source wrote it"
        else:
            allowed = ", ".join(c.name for c in spec.columns if c.translatable) or "none"
            why = f'"{base}" cannot be translated; translatable columns here: {allowed}'
        table.problem(line, name, why, "translation-column")
        return None
    if base not in (table.header or []):
        table.problem(line, name, f'the translation needs its original column "{base}", which is missing',
                      "translation-column")
        return None
    return original


# Kinds whose cells repeat (a few hundred distinct values in a million rows): judged once per
# distinct text, by code. Ids and free text are mostly distinct, so they are judged cell by cell.
_BY_VALUE = frozenset({"vocab", "date", "end-date", "url", "number", "int", "ref", "period"})
# Kinds with no rule of their own in this module (beyond "required"); the cross-table ones are in links.
_NO_CELL_RULE = frozenset({"text", "tags", "ref", "target", "period"})


def check_column(table: CsvTable, column: Column, values: pd.Series, name: str) -> None:
    """The rules of one column's kind; rows with an empty cell are left to the required check."""
    kind = column.kind
    if not column.required and kind in _NO_CELL_RULE and column.max_length is None:
        return  # an optional free column: any text, empty or not, is allowed
    if kind in _BY_VALUE:
        codes, uniques = table.factorized(name)
        empty_values = uniques == ""
        empty = empty_values[codes]
        if column.required:
            report(table, np.flatnonzero(empty), name, f"{name} is required: this cell is empty", "required-value")
        if empty_values.all():
            return
        _check_by_value(table, column, name, values, codes, uniques, empty_values)
    else:
        cells = values.to_numpy(dtype=object)
        empty = cells == ""  # numpy's object compare is several times faster than pandas' here
        if column.required:
            report(table, np.flatnonzero(empty), name, f"{name} is required: this cell is empty", "required-value")
        if empty.all():
            return
        if kind == "id":
            _check_ids(table, values, cells, empty, name, column.unique)
    if column.max_length is not None:
        _check_length(table, values, name, column.max_length)


def _check_by_value(table: CsvTable, column: Column, name: str, values: pd.Series, codes: np.ndarray,
                    uniques: np.ndarray, empty_values: np.ndarray) -> None:
    """The rules of a repeating column: each distinct text judged once, bad rows found by code."""
    kind = column.kind

    def rows_of(bad_values: np.ndarray) -> np.ndarray:
        return np.flatnonzero(bad_values[codes]) if bad_values.any() else np.zeros(0, dtype=np.int64)

    def cell(row: int) -> str:
        return uniques[codes[row]]

    if kind == "vocab":
        bad = ~empty_values & ~member(uniques, column.vocab)
        report(table, rows_of(bad), name, lambda r: _vocab_message(cell(r), column), "vocabulary")
    elif kind in ("date", "end-date"):
        _check_dates(table, codes, uniques, empty_values, name, allow_open=kind == "end-date")
    elif kind == "url":
        messages = _verdicts(uniques, empty_values, _url_error)
        report(table, rows_of(messages != None), name, lambda r: messages[codes[r]], "url")  # noqa: E711
    elif kind == "number":
        _check_numbers(table, values, codes, uniques, empty_values, name)
    elif kind == "int":
        bad = ~empty_values & ~all_match(_STEP, uniques)
        report(table, rows_of(bad), name,
               lambda r: f"{shown(cell(r))} is not a step number; write 1, 2, 3 …", "lesson-step")


def _verdicts(uniques: np.ndarray, empty_values: np.ndarray, error) -> np.ndarray:
    """error(text) per distinct non-empty text (None where it is good), as an object array."""
    verdicts = np.full(len(uniques), None, dtype=object)
    for i in np.flatnonzero(~empty_values):
        verdicts[i] = error(uniques[i])
    return verdicts


def all_match(pattern: re.Pattern, cells: np.ndarray) -> np.ndarray:
    """Which cells match `pattern` whole; one regex pass over all of them when they all do.

    The pass joins the cells with line breaks, so it is trusted only when no cell holds one
    (else "a\nb" would pass as the two valid cells "a" and "b").
    """
    joined = "\n".join(cells)
    if joined.count("\n") == len(cells) - 1 and re.fullmatch(f"(?:{pattern.pattern})(?:\n(?:{pattern.pattern}))*", joined):
        return np.ones(len(cells), dtype=bool)
    return np.array([pattern.fullmatch(c) is not None for c in cells], dtype=bool)


def _check_ids(table, values, cells, empty, name, unique: bool) -> None:
    if not _all_short_slugs(cells):  # else every id is a slug of at most ID_MAX characters: nothing to say
        slug = all_match(SLUG, cells)
        report(table, np.flatnonzero(~empty & ~slug), name, lambda r: _id_message(cells[r]), "id-format")
        long = np.fromiter(map(len, cells), dtype=np.int64, count=len(cells)) > ID_MAX
        report(table, np.flatnonzero(long), name,
               lambda r: f"this id has {len(cells[r])} characters; an id may have at most {ID_MAX}", "id-length")
    if not unique or table.id_index(name) is not None:
        return  # the index is built once and reused to resolve references into the table
    dup = values.duplicated(keep=False).to_numpy() & ~empty
    if dup.any():
        first: dict[str, int] = {}
        for row in np.flatnonzero(dup):
            value = cells[row]
            if value in first:
                table.problem(int(table.lines[row]), name, (
                    f"{name} {shown(value)} is used again; it is first used on line {first[value]}, "
                    "and an id must be unique in its table"), "id-unique")
            else:
                first[value] = int(table.lines[row])


def _all_short_slugs(cells: np.ndarray) -> bool:
    """Whether every cell is a slug of at most ID_MAX characters, proven on all of them at once.

    Byte operations on the cells joined one a line: only slug characters, no line that is
    empty or starts with '-', none longer than ID_MAX. (A regex over the joined text grows its
    backtracking stack with every line: megabytes for 100,000 ids.)
    """
    joined = "\n".join(cells)
    if not joined or joined.count("\n") != len(cells) - 1 or not joined.isascii():
        return False  # (an empty column, a cell holding a line break, or other letters)
    data = joined.encode("ascii")
    if data.translate(None, _SLUG_BYTES) or data.startswith((b"-", b"\n")) or data.endswith(b"\n"):
        return False
    if b"\n-" in data or b"\n\n" in data:
        return False
    breaks = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10)
    return int(np.diff(np.concatenate(([-1], breaks, [len(data)]))).max()) - 1 <= ID_MAX


def _id_message(value: str) -> str:
    suggestion = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
    hint = f', like "{suggestion[:ID_MAX]}"' if suggestion and SLUG.fullmatch(suggestion) else ""
    return (f"{shown(value)} is not an id; use lower-case letters a-z, digits and '-', "
            f"starting with a letter or digit{hint}")


def _vocab_message(value: str, column: Column) -> str:
    allowed = ", ".join(column.vocab)
    near = value.strip().lower().replace("_", "-").replace(" ", "-")
    hint = f' (did you mean "{near}"?)' if near in column.vocab else ""
    return f"{shown(value)} is not allowed in {column.name}{hint}; use one of: {allowed}"


def _check_dates(table, codes, uniques, empty_values, name, allow_open: bool) -> None:
    """Parse each distinct date once; report the rows of bad ones, keep the good ones for the loader."""
    dates = np.full(len(uniques), None, dtype=object)
    messages = np.full(len(uniques), None, dtype=object)
    for i in np.flatnonzero(~empty_values):
        value = uniques[i]
        if allow_open and value == OPEN_END:
            continue
        # dates.py's pattern ends in `$` (a final line break slips through) and its \d takes any
        # script's digits ("２０１９"); refuse both here.
        if "\n" in value or not value.isascii():
            messages[i] = f'{shown(value)} is not a date; write 2019-11-04, 2019-11, 2019 or 201X with digits 0-9'
            continue
        try:
            dates[i] = PartialDate.parse(value)
        except DateError as err:
            messages[i] = str(err) + (" or .. for a period still going" if allow_open else "")
    table.dates[name] = dates
    bad = messages != None  # noqa: E711 (element-wise)
    if bad.any():
        report(table, np.flatnonzero(bad[codes]), name, lambda r: messages[codes[r]], "date-format")


def _url_error(value: str) -> str | None:
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        parts, host = None, None
    if parts is None or parts.scheme not in ("http", "https") or not host or any(c.isspace() for c in value):
        if value.startswith(("HTTP://", "HTTPS://", "Http://", "Https://")):
            return f'{shown(value)}: write the scheme in lower case, "http://" or "https://"'
        return (f"{shown(value)} is not a web address; write it whole, starting with https:// "
                "(or http://) and a host, like https://www.cdc.gov/…")
    return None


def _check_numbers(table, values, codes, uniques, empty_values, name) -> None:
    # Only digits, signs, '.', 'e' can make a decimal; float() then rejects malformed ones,
    # and isfinite rejects overflow (1e999). Words like "nan" or "inf" fail the first test.
    # Values repeat (counts, rounded figures): each distinct text is converted once.
    filled = uniques[~empty_values]
    if not "".join(filled).translate(_NUMBER_CHARS):
        try:
            parsed = np.asarray(filled, dtype=np.float64)
            if np.isfinite(parsed).all():
                by_value = np.full(len(uniques), np.nan)
                by_value[~empty_values] = parsed
                table.numbers[name] = by_value[codes]
                return
        except ValueError:
            pass
    cells = values.to_numpy(dtype=object)
    empty = empty_values[codes]
    numeric = pd.to_numeric(values.where(~empty, "0"), errors="coerce").to_numpy(dtype=np.float64)
    suspicious = ~empty & ~np.isfinite(numeric)
    # to_numeric accepts some texts that are not decimal ("nan", " 1"); check the rest by regex.
    plain = np.array([_NUMBER.fullmatch(c) is not None for c in cells], dtype=bool)
    suspicious |= ~empty & ~plain
    report(table, np.flatnonzero(suspicious), name, lambda r: _number_message(cells[r]), "number")


def _number_message(value: str) -> str:
    if _NUMBER.fullmatch(value):
        return f"{shown(value)} is too large to be a finite number"
    if re.fullmatch(r"[+-]?[\d,]+(\.\d+)?", value):
        return f"{shown(value)} is not a number: write it without thousands separators, like {value.replace(',', '')}"
    if value != value.strip():
        return f"{shown(value)} is not a number: remove the spaces around it"
    return f"{shown(value)} is not a number; write a decimal number like 3105, -12, 2803.6 or 1e3"


def _check_length(table, values, name, limit) -> None:
    sizes = np.fromiter(map(len, values.to_numpy(dtype=object)), dtype=np.int64, count=len(values))
    report(table, np.flatnonzero(sizes > limit), name,
           lambda r: f"{name} has {int(sizes[r])} characters; it may have at most {limit}", "text-length")
