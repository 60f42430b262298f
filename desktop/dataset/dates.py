"""Partial dates: a date written with only the precision that is known.

A dataset writes `2019-10-17`, `2019-10`, `2019` or a decade `199X`. The
precision is kept, shown ("17 Oct 2019", "Oct 2019", "2019", "the 1990s") and
never padded into a false day. On the time axis a partial date covers a span:
from the first instant of its first day to the first instant after its last
day, in decimal years (2018.0 is 1 Jan 2018; plain floats, see STACK.md).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

OPEN_END = ".."

# [0-9] and \A…\Z, not \d and ^…$: other scripts' digits and a trailing line break are not dates.
_PATTERN = re.compile(r"\A(?:([0-9]{4})-([0-9]{2})-([0-9]{2})|([0-9]{4})-([0-9]{2})|([0-9]{4})|([0-9]{3})X)\Z")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

DECADE, YEAR, MONTH, DAY = "decade", "year", "month", "day"


class DateError(ValueError):
    """A text that is not a date in one of the contract's forms."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to a decade, a year, a month or a day."""

    year: int
    month: int = 0
    day: int = 0
    precision: str = YEAR

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """Read `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `YYYX`; raise DateError otherwise."""
        match = _PATTERN.match(text)
        if not match:
            raise DateError(f'"{text}" is not a date; write 2019-11-04, 2019-11, 2019 or 201X')
        y_d, m_d, d_d, y_m, m_m, y_y, decade = match.groups()
        if y_d:
            year, month, day = int(y_d), int(m_d), int(d_d)
            _check_month(text, month)
            last = _days_in_month(year, month) if year >= 1 else 31
            if not 1 <= day <= last:
                raise DateError(f'"{text}" is not a date: {_MONTHS[month - 1]} {year} has {last} days')
            result = cls(year, month, day, DAY)
        elif y_m:
            year, month = int(y_m), int(m_m)
            _check_month(text, month)
            result = cls(year, month, 0, MONTH)
        elif y_y:
            result = cls(int(y_y), 0, 0, YEAR)
        else:
            result = cls(int(decade) * 10, 0, 0, DECADE)
        if result.year < 1:
            raise DateError(f'"{text}" is not a date: years start at 0001')
        return result

    def first_day(self) -> date:
        """The first calendar day this date may mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The last calendar day this date may mean."""
        if self.precision == DAY:
            return date(self.year, self.month, self.day)
        if self.precision == MONTH:
            return date(self.year, self.month, _days_in_month(self.year, self.month))
        last_year = self.year + (9 if self.precision == DECADE else 0)
        return date(min(last_year, 9999), 12, 31)

    def start_x(self) -> float:
        """Decimal year of the first instant this date may mean."""
        return decimal_year(self.first_day())

    def end_x(self) -> float:
        """Decimal year of the instant just after the last day this date may mean."""
        return decimal_year(self.last_day()) + 1.0 / _days_in_year(self.last_day().year)

    def label(self) -> str:
        """The date as precisely as it is known: "the 1990s", "2018", "Oct 2018", "17 Oct 2019"."""
        if self.precision == DECADE:
            return f"the {self.year}s"
        if self.precision == YEAR:
            return str(self.year)
        if self.precision == MONTH:
            return f"{_MONTHS[self.month - 1]} {self.year}"
        return f"{self.day} {_MONTHS[self.month - 1]} {self.year}"

    def iso(self) -> str:
        """The date written back in the contract's form."""
        if self.precision == DECADE:
            return f"{self.year // 10:03d}X"
        if self.precision == YEAR:
            return f"{self.year:04d}"
        if self.precision == MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.label()


def _check_month(text: str, month: int) -> None:
    if not 1 <= month <= 12:
        raise DateError(f'"{text}" is not a date: the month must be 01 to 12')


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int) -> int:
    # calendar.monthrange also works out the weekday, which made parsing dates twice as slow
    return 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month]


def _days_in_year(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def decimal_year(day: date) -> float:
    """The first instant of a calendar day as a decimal year (1 Jan 2018 → 2018.0)."""
    return day.year + (day.timetuple().tm_yday - 1) / _days_in_year(day.year)


def date_from_decimal_year(x: float) -> date:
    """The calendar day that contains the instant `x` (a decimal year)."""
    year = int(x // 1)
    year = min(max(year, 1), 9999)
    offset = int((x - year) * _days_in_year(year) + 1e-6)  # 0.999… of a day is that day
    offset = min(max(offset, 0), _days_in_year(year) - 1)
    return date.fromordinal(date(year, 1, 1).toordinal() + offset)


def label_range(start: PartialDate, end: PartialDate | None, open_ended: bool = False) -> str:
    """A period as precisely as it is known: "2013 – now", "Oct 2017 – Sep 2018"."""
    if open_ended:
        return f"{start.label()} – now"
    if end is None or end == start:
        return start.label()
    return f"{start.label()} – {end.label()}"
