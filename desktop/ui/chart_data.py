"""What the chart draws, worked out from the dataset: series arrays, axes by unit, hover text.

Nothing here draws. `ChartSeries` holds one series as plain float arrays
(decimal years on x, see STACK.md trap 3); `assign_axes` decides which chart
row and side each unit goes to; `value_text` and `hover_html` write a value as
a reader says it ("approximately 70,601 deaths"), with dataset text escaped.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np

from PySide6.QtCore import QCoreApplication

from ..dataset.dataset import Dataset
from . import i18n
from .safe_text import visible
from .theme import OKABE_ITO, qualifier_words

# Qualifiers that are said before the number ("at least 5,000"); the others follow it in brackets.
_PREFIX_QUALIFIERS = ("approximate", "at-least", "more-than", "less-than")
SHORT_NAME_MAX = 48
# Okabe-Ito without its yellow, too faint for a thin line on white; black last.
SERIES_COLOURS = tuple(c for c in OKABE_ITO if c != "#F0E442")
SERIES_SYMBOLS = ("o", "s", "t", "d")


@dataclass(repr=False)
class ChartSeries:
    """One series ready to plot: arrays aligned with its observations, in time order."""

    series_id: str
    title: str
    unit: str
    period_type: str
    group: str
    colour: str
    x: np.ndarray
    y: np.ndarray
    x0: np.ndarray
    x1: np.ndarray
    periods: np.ndarray
    qualifiers: np.ndarray
    exact: np.ndarray  # bool: drawn filled and solid; False: hollow marker, dashed segment
    symbol: str = "o"  # the marker shape changes each time the colours come round again

    def target(self, index: int) -> str:
        """The focus target of one value: `series_id@period`."""
        return f"{self.series_id}@{self.periods[index]}"

    def period_text(self, index: int) -> str:
        return i18n.format_period(self.period_type, str(self.periods[index]))  # "oct 2018", "AF2018" in Spanish

    def index_of(self, period: str) -> int | None:
        hits = np.flatnonzero(self.periods == period)
        return int(hits[0]) if len(hits) else None


@dataclass(frozen=True, repr=False)
class SeriesHeading:
    """What the series list shows of a series (its words, colour and marker), without its values."""

    series_id: str
    title: str
    unit: str
    period_type: str
    group: str
    colour: str
    symbol: str


def series_heading(dataset: Dataset, series_id: str, index: int, lang: str = "") -> SeriesHeading:
    """A series' words, colour and marker; `index` (its row in series.csv) picks the colour, stable across views.

    The series list shows every series: reading its observations into arrays (build_series) only for that
    cost ~40 ms of opening the 100,000-event dataset, for series not drawn.
    """
    row = dataset.series.loc[series_id]
    return SeriesHeading(
        series_id=series_id,
        title=visible(dataset.text(row, "title", lang)),  # bidi controls shown, in list, legend, axes and hover
        unit=visible(dataset.text(row, "unit", lang)),
        period_type=str(row["period_type"]),
        group=visible(str(row.get("group", "") or "")),
        colour=SERIES_COLOURS[index % len(SERIES_COLOURS)],
        symbol=SERIES_SYMBOLS[(index // len(SERIES_COLOURS)) % len(SERIES_SYMBOLS)],
    )


def build_series(dataset: Dataset, series_id: str, index: int, lang: str = "",
                 heading: SeriesHeading | None = None) -> ChartSeries:
    """Arrays for one series; `index` (its row in series.csv) picks its colour, stable across views."""
    head = heading or series_heading(dataset, series_id, index, lang)
    obs = dataset.observations_of(series_id)
    qualifiers = obs["qualifier"].to_numpy(dtype=object)
    return ChartSeries(
        series_id=series_id,
        title=head.title,
        unit=head.unit,
        period_type=head.period_type,
        group=head.group,
        colour=head.colour,
        x=obs["x"].to_numpy(dtype=float),
        y=obs["value"].to_numpy(dtype=float),
        x0=obs["x0"].to_numpy(dtype=float),
        x1=obs["x1"].to_numpy(dtype=float),
        periods=obs["period"].to_numpy(dtype=object),
        qualifiers=qualifiers,
        exact=qualifiers == "exact",
        symbol=head.symbol,
    )


def assign_axes(units: list[str]) -> dict[str, tuple[int, str]]:
    """Each unit's chart row and side: two units per chart (left, then right), a third opens a second chart.

    Units are taken in the order given (the order of the shown series), each once.
    """
    placed: dict[str, tuple[int, str]] = {}
    for unit in units:
        if unit not in placed:
            i = len(placed)
            placed[unit] = (i // 2, "left" if i % 2 == 0 else "right")
    return placed


def format_number(value: float) -> str:
    """A number with the locale's separators and no needless decimals: 70601 → "70,601" (es-ES "70.601"), 2803.6 → "2,803.6"."""
    if not np.isfinite(value):
        return str(value)
    return i18n.format_number(float(format(float(value), ".10g")))  # at most 10 significant digits


def value_text(value: float, unit: str, qualifier: str) -> str:
    """The value as a reader says it: "approximately 70,601 deaths", "70,601 deaths (provisional)"."""
    number = f"{format_number(value)} {unit}".strip()
    words = qualifier_words(qualifier)
    if not words:
        return number
    if qualifier in _PREFIX_QUALIFIERS:
        return f"{words} {number}"
    return f"{number} ({words})"


def source_short_name(dataset: Dataset, target: str) -> str:
    """A readable name for the first source supporting a target: its publisher, else a short title."""
    cites = dataset.citations_for(target)
    supports = cites[cites["stance"] == "supports"]
    if not len(supports):
        return ""
    return source_name(supports.iloc[0], SHORT_NAME_MAX)


def source_name(source_row, limit: int) -> str:
    """A source as a chart credits it: its publisher, or its title when the publisher is unknown."""
    publisher = str(source_row.get("publisher", "") or "")
    name = publisher if publisher and publisher != "Unknown" else str(source_row.get("title", "") or "")
    return visible(shorten(name, limit))


def shorten(text: str, limit: int) -> str:
    """Cut text at a word boundary with an ellipsis when it is longer than `limit`."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return (cut or text[: limit - 1]) + "…"


def hover_html(series: ChartSeries, index: int, source: str) -> str:
    """The hover tooltip for one value, as HTML built from escaped plain-text parts."""
    tr = QCoreApplication.translate
    lines = [
        f"<b>{html.escape(series.title)}</b>",
        html.escape(f"{series.period_text(index)}: "
                    f"{value_text(float(series.y[index]), series.unit, str(series.qualifiers[index]))}"),
    ]
    if source:
        lines.append(html.escape(tr("chart", "Source: {name}").format(name=source)))
    return "<br>".join(lines)


def events_hover_html(titles: list[str], more: int) -> str:
    """The hover text for event markers under the pointer."""
    tr = QCoreApplication.translate
    lines = [html.escape(t) for t in titles]
    if more:
        lines.append(html.escape(tr("chart", "… and {n} more").format(n=more)))
    return "<br>".join(lines)


def legend_name(series: ChartSeries, side: str, two_sides: bool, title: str | None = None) -> str:
    """A legend entry that names the unit (and the axis, when a chart has two), as plain text.

    `title` replaces the series' title (e.g. shortened to fit); escape the result before pyqtgraph sees it.
    """
    tr = QCoreApplication.translate
    title = series.title if title is None else title
    if two_sides:
        side_word = tr("chart", "left axis") if side == "left" else tr("chart", "right axis")
        return tr("chart", "{title} ({unit}, {side})").format(title=title, unit=series.unit, side=side_word)
    return tr("chart", "{title} ({unit})").format(title=title, unit=series.unit)


def distinct_part(title: str, others: list[str]) -> str:
    """A title without the first words (two or more) it shares with another title: "…any opioid"."""
    words = title.split(" ")
    shared = 0
    for other in others:
        theirs = other.split(" ")
        if theirs == words:
            continue
        n = 0
        while n < min(len(words), len(theirs)) - 1 and words[n] == theirs[n]:
            n += 1
        shared = max(shared, n)
    return "…" + " ".join(words[shared:]) if shared >= 2 else title
