"""Time-axis ticks for the timeline: decades, years, months or days, whichever fits.

Pure Python (no Qt): given the visible span in decimal years and the width in
pixels, `axis_ticks` picks the finest calendar step whose labels do not crowd
each other, and returns each tick's position and label. Labels name the unit
they mark ("2010", "Oct", "17 Oct"; the first tick also names the year), never a false precision.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from ..dataset.dates import date_from_decimal_year, decimal_year

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# (unit, step) from coarse to fine; years are counted in years, months in months, days in days.
STEPS: tuple[tuple[str, int], ...] = (
    ("year", 100), ("year", 50), ("year", 20), ("year", 10), ("year", 5), ("year", 2), ("year", 1),
    ("month", 6), ("month", 3), ("month", 1), ("day", 14), ("day", 7), ("day", 2), ("day", 1),
)
# Rough length of one step in years, to estimate the spacing before building ticks.
_UNIT_YEARS = {"year": 1.0, "month": 1.0 / 12.0, "day": 1.0 / 365.25}


@dataclass(frozen=True)
class Tick:
    """One tick: where it sits (decimal year), what it says, and whether it starts a larger unit."""

    x: float
    label: str
    major: bool


def choose_step(span_years: float, width_px: float, min_spacing_px: float) -> tuple[str, int]:
    """The finest (unit, step) whose ticks sit at least `min_spacing_px` apart."""
    px_per_year = width_px / max(span_years, 1e-9)
    chosen = STEPS[0]
    for unit, step in STEPS:
        if step * _UNIT_YEARS[unit] * px_per_year >= min_spacing_px:
            chosen = (unit, step)
        else:
            break
    return chosen


def axis_ticks(x0: float, x1: float, width_px: float, min_spacing_px: float = 90.0) -> list[Tick]:
    """Ticks from x0 to x1 (decimal years) for an axis `width_px` wide."""
    if not (x1 > x0) or width_px <= 0:
        return []
    unit, step = choose_step(x1 - x0, width_px, min_spacing_px)
    first = date_from_decimal_year(max(x0, 1.0))
    last = date_from_decimal_year(min(x1, 9999.0))
    ticks: list[Tick] = []
    if unit == "year":
        year = (first.year // step) * step
        while year <= last.year:
            if year >= 1:
                x = float(year)
                if x0 <= x <= x1:
                    ticks.append(Tick(x, str(year), year % (step * 5) == 0))
            year += step
        return ticks
    if unit == "month":
        month_index = first.year * 12 + (first.month - 1)
        month_index -= month_index % step
        while month_index <= last.year * 12 + last.month - 1:
            year, month = divmod(month_index, 12)
            if year >= 1:
                x = decimal_year(date(year, month + 1, 1))
                if x0 <= x <= x1:
                    major = month == 0
                    ticks.append(Tick(x, str(year) if major else _MONTHS[month], major))
            month_index += step
        return _with_year_on_first(ticks, unit)
    day = first
    while day <= last:
        # Every month starts a tick; within it, every `step` days, but not so close to the
        # next month's first that the two labels would touch.
        month_days = calendar.monthrange(day.year, day.month)[1]
        if day.day == 1 or ((day.day - 1) % step == 0 and day.day + step // 2 <= month_days):
            x = decimal_year(day)
            if x0 <= x <= x1:
                major = day.day == 1
                label = f"{_MONTHS[day.month - 1]} {day.year}" if major else f"{day.day} {_MONTHS[day.month - 1]}"
                ticks.append(Tick(x, label, major))
        day += timedelta(days=1)
    return _with_year_on_first(ticks, unit)


def _with_year_on_first(ticks: list[Tick], unit: str) -> list[Tick]:
    """Make the first label say the year (and month), so a zoomed-in axis is never ambiguous."""
    if not ticks:
        return ticks
    first = ticks[0]
    if first.major:
        return ticks
    when = date_from_decimal_year(first.x + 1e-9)
    label = f"{_MONTHS[when.month - 1]} {when.year}" if unit == "month" else f"{when.day} {_MONTHS[when.month - 1]} {when.year}"
    return [Tick(first.x, label, first.major)] + ticks[1:]
