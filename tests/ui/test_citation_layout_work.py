"""A refilled view keeps its layouts when it shows the same widgets in the same order.

Each fill emptied every block's layout (the view's, each card's, each
source's) and added the widgets back, though most refills show the same
widgets in the same order: another value of the same series, a card citing
the same kind of source. Emptying a layout invalidates every layout above it
and costs a few dozen calls per block. These tests count the layouts emptied
and hold what is shown to what a new view shows.
"""
from __future__ import annotations

import pytest

from desktop.ui import citation_cards
from test_citation_views_reused import make_pane, picture, settle


@pytest.fixture
def pane_and_state(qtbot, app_font, default_dataset):
    return make_pane(qtbot, default_dataset, kept=2)  # every new fact refills the view shown before the one on screen


def fresh_picture(qtbot, dataset, target: str) -> list[tuple]:
    fresh, state = make_pane(qtbot, dataset)
    state.set_focus(target, "timeline")
    settle(qtbot, fresh)
    shown = picture(fresh)
    fresh.close()
    return shown


def count_emptied(monkeypatch) -> list:
    emptied = []
    original = citation_cards._clear

    def counting(layout):
        emptied.append(layout)
        original(layout)

    monkeypatch.setattr(citation_cards, "_clear", counting)
    return emptied


def test_a_value_of_the_same_series_refills_the_view_without_emptying_a_layout(pane_and_state, qtbot,
                                                                               default_dataset, monkeypatch):
    pane, state = pane_and_state
    views = []
    for target in ["total-overdose-deaths@2000", "total-overdose-deaths@2001"]:  # two views built
        state.set_focus(target, "timeline")
        settle(qtbot, pane)
        views.append(pane.fact_view)
    emptied = count_emptied(monkeypatch)
    for target in ["total-overdose-deaths@2002", "total-overdose-deaths@2003", "total-overdose-deaths@2004"]:
        state.set_focus(target, "timeline")
        settle(qtbot, pane)
        assert pane.fact_view in views  # refilled, not built
        assert emptied == [], target  # it was three per fact: the view's, the card's and the source's
        assert picture(pane) == fresh_picture(qtbot, default_dataset, target), target
        emptied.clear()  # (a new view fills empty layouts)


def test_a_view_refilled_with_another_shape_is_laid_out_as_a_new_view(pane_and_state, qtbot, default_dataset,
                                                                      monkeypatch):
    # The other way round: when the widgets change, the layouts are rebuilt, in the new order.
    pane, state = pane_and_state
    emptied = count_emptied(monkeypatch)
    for target in ["total-overdose-deaths@2000", "fentanyl-potency", "total-overdose-deaths",
                   "guzman-sons-indicted", "total-overdose-deaths@2001", "lebaron-ambush"]:
        state.set_focus(target, "timeline")
        settle(qtbot, pane)
        assert picture(pane) == fresh_picture(qtbot, default_dataset, target), target
    assert emptied  # shapes changed: layouts were rebuilt
