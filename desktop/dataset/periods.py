"""Chart periods: where a value sits on the time axis and how its period is written.

A value sits at the middle of its period, in decimal years: calendar 2018 at
2018.5; FY2018 (Oct 2017 to Sep 2018) at about 2018.25; a month or a day at its
middle.
"""
from __future__ import annotations

import re
from datetime import date

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


def period_form(period_type: str) -> str:
    """How a period of this type is written, for messages."""
    return _FORMS[period_type][1]


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
