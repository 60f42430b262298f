"""A small dataset built for the chart tests, what they share (a chart in a window, daily series, a paint
counter), and tests of the chart's pure helpers.

The dataset has three units (deaths, pounds, prescriptions), a fiscal-year
series, a monthly one, non-exact values of each kind, and text that looks
like markup, so the chart tests can check axis assignment, hover words and
escaping against known numbers. It is written as CSV and read by the real loader.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QObject

from desktop.dataset.loader import load_dataset
from desktop.ui.chart_canvas import ChartCanvas
from desktop.ui.chart_data import ChartSeries
from desktop.ui.theme import LIGHT

EVIL = '<img src="x"> & <b>bold</b>'


def chart_window(qtbot, theme=LIGHT, size=(1000, 600)):
    """A chart canvas in a plot widget shown at `size`: (widget, canvas)."""
    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, ChartCanvas(widget.ci, theme, widget)


def daily_series(series_id: str, unit: str = "things", n: int = 6_000, seed: int = 0,
                 estimated: float = 0.0, scattered: float = 0.0) -> ChartSeries:
    """Daily values from 2000 (a random walk); about `estimated` of its 20-day stretches and `scattered` of
    single days are estimates (drawn dashed), the rest exact (drawn solid)."""
    rng = np.random.default_rng(seed)
    x = 2000.0 + np.arange(n) / 365.25
    y = 100.0 + np.cumsum(rng.normal(0, 1, n))
    estimates = np.repeat(rng.random(n // 20) < estimated, 20)[:n] if estimated else np.zeros(n, dtype=bool)
    if scattered:
        estimates |= rng.random(n) < scattered
    qualifiers = np.where(estimates, "estimate", "exact").astype(object)
    return ChartSeries(series_id=series_id, title=series_id.title(), unit=unit, period_type="day", group="",
                       colour="#0072B2", x=x, y=y, x0=x, x1=x + 1 / 365.25,
                       periods=np.array([f"d{i}" for i in range(n)], dtype=object),
                       qualifiers=qualifiers, exact=qualifiers == "exact")


def long_lines(canvas) -> list:
    """The chart's lines (solid and dashed) as drawn now, row by row."""
    return [item for row in canvas.rows for d in row.drawn for item, _ in d.lines]


class PaintCount(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


SOURCES = """source_id,kind,title,author,publisher,published,url,accessed,notes
cdc,government-data,Multiple Cause of Death,,Centers for Disease Control and Prevention,2023,https://wonder.cdc.gov/,,
cbp,government-data,Drug Seizure Statistics,,U.S. Customs and Border Protection,2025,https://www.cbp.gov/,,
lab,academic,"<b>Lab</b> report on prescriptions",,Unknown,2020,,,
"""
EVENTS = f"""event_id,kind,start,end,title,summary,category,place,tags
law-passed,event,2018-03-15,,A law is passed,A law is passed.,Policy,,
wave,period,2013,2016,A wave of deaths,Deaths rose.,Health,,
evil-event,event,2019-06,,"{EVIL.replace('"', '""')}",Markup in a title.,Policy,,
"""
SERIES = f"""series_id,title,unit,period_type,description,group
deaths,Overdose deaths,deaths,year,,Deaths
opioid-deaths,Opioid deaths,deaths,year,,Deaths
seizures,Fentanyl seized,pounds,us-fiscal-year,,Seizures
scripts,Prescriptions,prescriptions,month,,Prescriptions
evil,"{EVIL.replace('"', '""')}",cases,year,,Other
"""
OBSERVATIONS = """series_id,period,value,qualifier,note
deaths,2015,33091,,
deaths,2016,42249,,
deaths,2017,47600,,
deaths,2018,46802,,
deaths,2019,49860,approximate,
deaths,2020,68630,provisional,
opioid-deaths,2015,20000,,
opioid-deaths,2016,30000,,
opioid-deaths,2017,40000,,
seizures,2017,1000,,
seizures,2018,2000,at-least,
seizures,2019,2700,,
seizures,2020,4800,estimate,
scripts,2018-01,100,,
scripts,2018-02,110,,
scripts,2018-03,120,,
scripts,2018-04,90,,
evil,2018,5,,
evil,2019,7,,
"""
CITATIONS = """citation_id,target,source_id,claim_type,stance,quote,locator,note
c1,deaths,cdc,official-statistic,supports,,Table 1,
c2,opioid-deaths,cdc,official-statistic,supports,,Table 2,
c3,seizures,cbp,official-statistic,supports,,Seizures table,
c4,scripts,lab,expert-estimate,supports,,p. 3,
c5,evil,lab,expert-estimate,supports,,p. 4,
c6,law-passed,cdc,official-statement,supports,,para 1,
c7,wave,cdc,official-statistic,supports,,para 2,
c8,evil-event,lab,journalist-assertion,supports,,para 3,
c9,seizures@2019,cdc,official-statement,context,,para 9,
"""


def write_chart_dataset(folder: Path) -> Path:
    """Write the chart test dataset into `folder` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = {"sources": SOURCES, "events": EVENTS, "series": SERIES, "observations": OBSERVATIONS,
              "citations": CITATIONS}
    for name, text in tables.items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    descriptor = {"name": "chart-test", "title": "Chart test data",
                  "resources": [{"name": n, "path": f"{n}.csv"} for n in tables]}
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return folder


_cache: dict[str, object] = {}


def chart_dataset(tmp_path_factory=None):
    """The chart test dataset, loaded once per session."""
    if "ds" not in _cache:
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="factdeck-chart-")) / "chart-test"
        _cache["ds"] = load_dataset(write_chart_dataset(folder))
    return _cache["ds"]


@pytest.fixture
def chart_ds():
    return chart_dataset()


def test_dataset_loads_with_expected_positions(chart_ds):
    obs = chart_ds.observations_of("seizures")
    fy2018 = obs[obs["period"] == "2018"].iloc[0]
    assert 2018.2 < fy2018["x"] < 2018.3  # FY2018 = Oct 2017 to Sep 2018
    deaths = chart_ds.observations_of("deaths")
    assert deaths[deaths["period"] == "2018"].iloc[0]["x"] == pytest.approx(2018.5, abs=0.01)


def test_assign_axes_two_units_share_one_chart_and_a_third_opens_another():
    from desktop.ui.chart_data import assign_axes

    assert assign_axes(["deaths", "deaths", "pounds"]) == {"deaths": (0, "left"), "pounds": (0, "right")}
    assert assign_axes(["deaths", "pounds", "prescriptions"])["prescriptions"] == (1, "left")


def test_value_text_says_the_qualifier_in_words(qapp):
    from desktop.ui.chart_data import value_text

    assert value_text(70601, "deaths", "approximate") == "approximately 70,601 deaths"
    assert value_text(2000, "pounds", "at-least") == "at least 2,000 pounds"
    assert value_text(68630, "deaths", "provisional") == "68,630 deaths (provisional)"
    assert value_text(2803.6, "pounds", "exact") == "2,803.6 pounds"


def test_source_short_name_prefers_the_publisher_and_falls_back_to_the_title(qapp, chart_ds):
    from desktop.ui.chart_data import source_short_name

    assert source_short_name(chart_ds, "deaths@2018") == "Centers for Disease Control and Prevention"
    assert source_short_name(chart_ds, "scripts@2018-01") == "<b>Lab</b> report on prescriptions"
