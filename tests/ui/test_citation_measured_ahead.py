"""A first visit to a fact costs the pane less: its text is measured once, and ahead of time while the reader reads.

Most of a new fact's cost is Qt measuring its labels' wrapped text for the
first time. A view's title, summary and quotes were measured twice (as
plain labels when the view's layout was set before showing, then as tab
stops), though Qt measures them alike; and the facts nearest in time to the
focus are now measured while the pane is left alone (`AheadWork`), in a view
that is never shown. These tests count the measurements Qt had to make,
check that the work ahead paints nothing and stops when the reader acts, and
hold what is shown to what a pane that did nothing ahead shows.

They also hold a fault found on the way: a quote shelved before it was ever
laid out lost its indent (QFrame resets a label's margins when it changes
parent) and was painted with its text on its rule.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui import citation_ahead
from desktop.ui.citation_labels import MEASURES, QuoteBlock
from desktop.ui.theme import themes
from test_citation_focus_work import PaintCounter
from test_citation_views_reused import make_pane, picture, settle

NEIGHBOURS = ["first-wave", "second-wave", "fentanyl-demand-grew"]  # the first events of the default dataset


def measured_keys(label) -> set[tuple]:
    """The distinct ways a label's text was measured in its look (size hints and heights alike)."""
    look = label.measure_key()[0]
    keys = set(MEASURES._hints) | {key for key, _width in MEASURES._heights}
    return {key for key in keys if key[2] == label.text() and key[0] == look}


def turns(passes: int = 6) -> None:
    for _ in range(passes):
        QCoreApplication.processEvents()


def test_a_quote_shelved_before_it_was_laid_out_keeps_its_indent(qtbot, app_font):
    theme = themes().theme
    first, second = QWidget(), QWidget()
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    quote = QuoteBlock("the source's own words", theme, first)
    quote.resize(100, 0)  # never laid out: a card's quote made ahead, shelved when its fact has none
    quote.setParent(second)
    margins = quote.contentsMargins()
    assert (margins.left(), margins.top(), margins.right(), margins.bottom()) == (round(12 * theme.scale), 2, 0, 2)


def test_a_new_views_tab_stops_are_measured_once(qtbot, app_font, default_dataset):
    MEASURES.clear()
    pane, state = make_pane(qtbot, default_dataset)
    pane._ahead.stop()
    state.set_focus("lebaron-ambush", "timeline")
    settle(qtbot, pane)
    stops = [label for label in pane.fact_view.tab_stops() if hasattr(label, "measure_key")]
    assert len(stops) >= 3  # title, summary, a quote at least
    for label in stops:
        assert len(measured_keys(label)) == 1, label.objectName()  # it was two: plain, then tab stop


@pytest.fixture
def pane_left_alone(qtbot, app_font, default_dataset, monkeypatch):
    monkeypatch.setattr(citation_ahead, "QUIET_MS", 20)
    MEASURES.clear()
    pane, state = make_pane(qtbot, default_dataset)
    state.set_focus("synthetic-opioid-deaths", "timeline")
    settle(qtbot, pane)
    return pane, state


def test_facts_near_in_time_are_measured_while_the_pane_is_left_alone(pane_left_alone, qtbot):
    pane, state = pane_left_alone
    qtbot.waitUntil(lambda: pane._ahead.measured >= len(NEIGHBOURS) + 2)
    pane._ahead.stop()
    for target in NEIGHBOURS:
        misses = MEASURES.misses
        state.set_focus(target, "timeline")
        settle(qtbot, pane)
        assert MEASURES.misses == misses, target  # every label answered from what was measured ahead


def test_the_work_ahead_paints_nothing_and_stops_when_the_reader_acts(pane_left_alone, qtbot, monkeypatch):
    pane, state = pane_left_alone
    monkeypatch.setattr(citation_ahead, "QUIET_MS", 400)  # longer than the twenty turns below, on a busy machine
    pane._ahead.stop()
    counter = PaintCounter()
    watched = [pane.scroll, *pane.scroll.findChildren(QWidget)]  # the views (the toolbar repaints on activation)
    for widget in watched:
        widget.installEventFilter(counter)
    turns()
    counter.paints.clear()
    pane._ahead.user_acted()
    qtbot.waitUntil(lambda: pane._ahead.measured >= 3)
    assert sum(counter.paints.values()) == 0
    state.set_focus("first-wave", "timeline")
    measured = pane._ahead.measured
    turns(20)  # the reader is busy: nothing more is measured until they leave the pane alone again
    assert pane._ahead.measured == measured
    qtbot.waitUntil(lambda: pane._ahead.measured > measured)  # and then it goes on
    for widget in watched:
        widget.removeEventFilter(counter)


def test_a_fact_measured_ahead_looks_as_in_a_pane_that_did_nothing_ahead(pane_left_alone, qtbot, default_dataset):
    pane, state = pane_left_alone
    qtbot.waitUntil(lambda: pane._ahead.measured >= len(NEIGHBOURS) + 2)
    pane._ahead.stop()
    shown = {}
    for target in NEIGHBOURS:
        misses = MEASURES.misses
        state.set_focus(target, "timeline")
        settle(qtbot, pane)
        turns()
        pane._ahead.stop()
        assert MEASURES.misses == misses, target  # shown from what was measured ahead
        shown[target] = picture(pane), pane.grab().toImage()
    MEASURES.clear()  # the other pane measures everything itself
    plain, plain_state = make_pane(qtbot, default_dataset)
    for target in NEIGHBOURS:
        plain_state.set_focus(target, "timeline")
        settle(qtbot, plain)
        turns()
        plain._ahead.stop()
        assert shown[target][0] == picture(plain), target
        assert shown[target][1] == plain.grab().toImage(), target


def test_the_facts_measured_first_are_the_nearest_in_time():
    import numpy as np

    starts = np.array([2010.0, 2001.0, np.nan, 2005.0, 2004.0, 1990.0])
    assert citation_ahead._nearest(starts, 2004.2, 3).tolist() == [4, 3, 1]
    assert citation_ahead._nearest(starts, 1990.0, 10).tolist() == [5, 1, 4, 3, 0, 2]  # an unknown start last


@pytest.mark.parametrize("action", ["filter", "range"])
def test_typing_a_filter_or_moving_the_range_stops_the_work_ahead(pane_left_alone, qtbot, monkeypatch, action):
    from desktop.dataset.filters import Filters

    pane, state = pane_left_alone
    monkeypatch.setattr(citation_ahead, "QUIET_MS", 400)
    pane._ahead.stop()
    pane._ahead.user_acted()
    qtbot.waitUntil(lambda: pane._ahead.measured >= 2)
    if action == "filter":
        state.set_filters(Filters(text="fent"), "timeline")
    else:
        state.set_time_range(2000.0, 2010.0, "chart")
    measured = pane._ahead.measured
    turns(20)  # keys typed or frames drawn one after another: nothing is measured between them
    assert pane._ahead.measured == measured
    qtbot.waitUntil(lambda: pane._ahead.measured > measured)  # left alone again, it goes on
