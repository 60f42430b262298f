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

from .dates import DAY, DECADE, MONTH, YEAR, PartialDate, decimal_year

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
    form = _FORMS[period_type][0].pattern.removeprefix("\\A").removesuffix("\\Z")
    joined = "\n".join(text)
    if joined.count("\n") == len(text) - 1 and re.fullmatch(f"(?:{form})(?:\n(?:{form}))*", joined):
        ok = np.ones(len(text), dtype=bool)  # all well-formed: one regex pass instead of one per period
    else:
        ok = text.str.fullmatch(form).fillna(False).to_numpy(dtype=bool)
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


_PRECISION_CODES = {DECADE: 0, YEAR: 1, MONTH: 2, DAY: 3}


def date_days(dates) -> tuple[np.ndarray, np.ndarray]:
    """Each PartialDate's first and last calendar day (datetime64[D]; NaT for None), at once.

    The same days as `PartialDate.first_day` and `last_day`, with numpy's calendar, which
    (unlike pandas' timestamps) covers the years 0001 to 9999 that a date may name.
    """
    count = len(dates)
    year = np.full(count, 1970, dtype=np.int64)
    month = np.ones(count, dtype=np.int64)
    day = np.ones(count, dtype=np.int64)
    precision = np.full(count, -1, dtype=np.int64)
    for i, date_ in enumerate(dates):
        if date_ is not None:
            year[i], month[i], day[i] = date_.year, date_.month or 1, date_.day or 1
            precision[i] = _PRECISION_CODES[date_.precision]
    years = (year - 1970).astype("datetime64[Y]")
    months = years.astype("datetime64[M]") + (month - 1)
    first = months.astype("datetime64[D]") + (day - 1)
    last_year = np.where(precision == 0, np.minimum(year + 9, 9999), year)
    end_of_year = ((last_year - 1970) + 1).astype("datetime64[Y]").astype("datetime64[D]") - 1
    end_of_month = (months + 1).astype("datetime64[D]") - 1
    last = np.where(precision == 3, first, np.where(precision == 2, end_of_month, end_of_year))
    missing = precision < 0
    first[missing] = np.datetime64("NaT")
    last[missing] = np.datetime64("NaT")
    return first, last


def _day_decimal_years(days: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """decimal_year of each datetime64[D] day, and its year's length in days (NaN for NaT)."""
    starts = days.astype("datetime64[Y]")
    year = starts.astype(np.int64) + 1970
    offset = (days - starts.astype("datetime64[D]")).astype(np.int64)
    length = np.where((year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0)), 366, 365)
    value = year + offset / length  # as decimal_year: int year + (yday - 1) / days, the same float
    missing = np.isnat(days)
    value = np.where(missing, np.nan, value)
    return value, np.where(missing, np.nan, length.astype(np.float64))


def date_spans(dates) -> tuple[np.ndarray, np.ndarray]:
    """`PartialDate.start_x` and `end_x` of many dates at once (NaN for None), the same floats."""
    first, last = date_days(dates)
    start, _ = _day_decimal_years(first)
    end, length = _day_decimal_years(last)
    return start, end + 1.0 / length
