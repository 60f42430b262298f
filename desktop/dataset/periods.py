"""Chart periods: where a value sits on the time axis and how its period is written.

A value sits at the middle of its period, in decimal years: calendar 2018 at
2018.5; FY2018 (Oct 2017 to Sep 2018) at about 2018.25; a month or a day at its
middle.
"""
from __future__ import annotations

import re
from datetime import date

import numpy as np
import pandas as pd

from .dates import PartialDate, decimal_year

PERIOD_TYPES = ("year", "us-fiscal-year", "month", "day")

_FORMS = {
    "year": (re.compile(r"\A[0-9]{4}\Z"), "YYYY, e.g. 2018"),
    "us-fiscal-year": (re.compile(r"\A[0-9]{4}\Z"), "YYYY, the fiscal year's number, e.g. 2018 for FY2018"),
    "month": (re.compile(r"\A[0-9]{4}-[0-9]{2}\Z"), "YYYY-MM, e.g. 2018-10"),
    "day": (re.compile(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"), "YYYY-MM-DD, e.g. 2018-10-17"),
}


class PeriodError(ValueError):
    """A period that does not fit its series' period type."""


def period_span(period_type: str, period: str) -> tuple[float, float]:
    """The period's first instant and the instant after its end, in decimal years."""
    pattern, form = _FORMS[period_type]
    if not pattern.match(period):
        raise PeriodError(f'"{period}" is not a {period_type} period; write {form}')
    if period_type == "us-fiscal-year":
        fiscal = int(period)
        if fiscal < 2:
            raise PeriodError(f'"{period}" is not a fiscal year')
        return decimal_year(date(fiscal - 1, 10, 1)), decimal_year(date(fiscal, 10, 1))
    try:
        parsed = PartialDate.parse(period)
    except ValueError as error:
        raise PeriodError(str(error)) from None
    return parsed.start_x(), parsed.end_x()


def period_middle(period_type: str, period: str) -> float:
    """Where a value of this period sits on the time axis."""
    start, end = period_span(period_type, period)
    return (start + end) / 2.0


def period_label(period_type: str, period: str) -> str:
    """The period as a reader writes it: "2018", "FY2018", "Oct 2018", "17 Oct 2018"."""
    if period_type == "us-fiscal-year":
        return f"FY{period}"
    try:
        return PartialDate.parse(period).label()
    except ValueError:
        return period


def _decimal_years(days: "pd.DatetimeIndex") -> tuple[np.ndarray, np.ndarray]:
    """Decimal years of these days' first instants, and each year's length in days (as decimal_year)."""
    year = days.year.to_numpy(dtype=np.float64)
    days_in_year = np.where(days.is_leap_year, 366.0, 365.0)
    return year + (days.day_of_year.to_numpy(dtype=np.float64) - 1) / days_in_year, days_in_year


def period_spans(period_type: str, periods: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`period_span` for many periods at once: (x0, x1, ok), the same floats where `ok`.

    Periods the fast path cannot vouch for (malformed, out of pandas' date range)
    have `ok` False; the caller runs `period_span` on those for its exact message.
    """
    text = pd.Series(periods, dtype=object)
    x0 = np.full(len(text), np.nan)
    x1 = np.full(len(text), np.nan)
    ok = text.str.fullmatch(_FORMS[period_type][0].pattern.removeprefix("\\A").removesuffix("\\Z")).fillna(False)
    ok = ok.to_numpy(dtype=bool)
    if not ok.any():
        return x0, x1, ok
    if period_type in ("year", "us-fiscal-year"):
        number = pd.to_numeric(text[ok]).to_numpy(dtype=np.int64)
        if period_type == "year":
            good = number >= 1
            start = pd.to_datetime(pd.Series(number[good]).astype(str) + "-12-31", format="%Y-%m-%d", errors="coerce")
        else:
            good = number >= 2
            start = pd.to_datetime(pd.Series(number[good] - 1).astype(str) + "-10-01", format="%Y-%m-%d", errors="coerce")
            end = pd.to_datetime(pd.Series(number[good]).astype(str) + "-10-01", format="%Y-%m-%d", errors="coerce")
    else:
        good = np.ones(int(ok.sum()), dtype=bool)
        form = "%Y-%m" if period_type == "month" else "%Y-%m-%d"
        start = pd.to_datetime(text[ok], format=form, errors="coerce")
    index = np.flatnonzero(ok)[good]
    valid = start.notna().to_numpy()
    days = pd.DatetimeIndex(start[valid])
    rows = index[valid]
    if period_type == "year":  # as PartialDate: 1 Jan, and the day after 31 Dec
        last, length = _decimal_years(days)
        x0[rows] = days.year.to_numpy(dtype=np.float64)
        x1[rows] = last + 1.0 / length
    elif period_type == "us-fiscal-year":
        x0[rows] = _decimal_years(days)[0]
        x1[rows] = _decimal_years(pd.DatetimeIndex(end[valid]))[0]
    elif period_type == "month":
        x0[rows] = _decimal_years(days)[0]
        last, length = _decimal_years(days + pd.offsets.MonthEnd(0))
        x1[rows] = last + 1.0 / length
    else:
        first, length = _decimal_years(days)
        x0[rows], x1[rows] = first, first + 1.0 / length
    result_ok = np.zeros(len(text), dtype=bool)
    result_ok[rows] = True
    return x0, x1, result_ok
