"""Partial dates and chart periods, as the loader relies on them."""
from __future__ import annotations

from datetime import date

import pytest

from desktop.dataset.dates import DateError, PartialDate, date_from_decimal_year, decimal_year, label_range
from desktop.dataset.periods import PeriodError, period_label, period_middle, period_span


@pytest.mark.parametrize("text, precision, label", [
    ("2019-10-17", "day", "17 Oct 2019"), ("2019-10", "month", "Oct 2019"),
    ("2018", "year", "2018"), ("199X", "decade", "the 1990s"), ("2020-02-29", "day", "29 Feb 2020"),
])
def test_parse_keeps_precision(text, precision, label):
    parsed = PartialDate.parse(text)
    assert parsed.precision == precision and parsed.label() == label and parsed.iso() == text


@pytest.mark.parametrize("text", [
    "11/04/2019", "2019-13", "2019-02-30", "2019-1", " 2019", "2019 ", "0000", "000X", "19XX", "", "..",
    "2019-10-17T00:00",
])
def test_parse_refuses(text):
    with pytest.raises(DateError):
        PartialDate.parse(text)


def test_spans_cover_the_whole_precision():
    decade = PartialDate.parse("199X")
    assert decade.first_day() == date(1990, 1, 1) and decade.last_day() == date(1999, 12, 31)
    assert decade.start_x() == 1990.0 and decade.end_x() == 2000.0
    month = PartialDate.parse("2019-02")
    assert month.last_day() == date(2019, 2, 28)
    assert PartialDate.parse("9999").end_x() == 10000.0


@pytest.mark.parametrize("text", ["2019\n", "２０１９"])
def test_parse_refuses_line_break_and_other_digits(text):
    with pytest.raises(DateError):
        PartialDate.parse(text)


def test_decimal_years_round_trip():
    for day in (date(2018, 1, 1), date(2020, 12, 31), date(2019, 7, 4)):
        assert date_from_decimal_year(decimal_year(day)) == day


def test_label_range():
    start = PartialDate.parse("2013")
    assert label_range(start, None, True) == "2013 – now"
    assert label_range(PartialDate.parse("2017-10"), PartialDate.parse("2018-09")) == "Oct 2017 – Sep 2018"
    assert label_range(start, start) == "2013"


def test_fiscal_year_runs_october_to_september():
    x0, x1 = period_span("us-fiscal-year", "2018")
    assert x0 == decimal_year(date(2017, 10, 1)) and x1 == decimal_year(date(2018, 10, 1))
    assert period_label("us-fiscal-year", "2018") == "FY2018"
    assert 2018.2 < period_middle("us-fiscal-year", "2018") < 2018.3


@pytest.mark.parametrize("period_type, period", [
    ("year", "2018-01"), ("year", "FY2018"), ("month", "2018"), ("month", "2018-13"),
    ("day", "2018-02-30"), ("us-fiscal-year", "0001"), ("day", "2018-10"),
])
def test_period_refused(period_type, period):
    with pytest.raises(PeriodError):
        period_span(period_type, period)


def test_period_middles():
    assert period_middle("year", "2018") == 2018.5
    assert period_label("month", "2018-10") == "Oct 2018"
    assert period_label("day", "2018-10-17") == "17 Oct 2018"
