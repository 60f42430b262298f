"""Citation cards are made ahead, after a view is shown, so that the next new fact fills cards instead of building them.

The pane makes one spare card per view it shows, after that view's paint,
and keeps a few (`SPARE_CARDS`); a new fact's view takes its cards from
them. These tests count the cards built and hold what the view shows to
what a pane that made nothing ahead shows.
"""
from __future__ import annotations

import pytest

from desktop.state import SelectionState
from desktop.ui import citation_cards
from desktop.ui import citation_pane as pane_module
from desktop.ui.citation_cards import CitationCard
from desktop.ui.citation_pane import CARDS_PER_FOCUS, SPARE_CARDS, CitationPane
from test_citation_data import citation_dataset
from test_citation_focus_work import PaintCounter, window  # noqa: F401 - window is a fixture
from test_citation_focus_work import settle as settle_paints
from test_citation_views_reused import picture, settle


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    return citation_dataset(tmp_path_factory.mktemp("stocked") / "ds")


def make_pane(qtbot, dataset) -> tuple[CitationPane, SelectionState]:
    state = SelectionState()
    pane = CitationPane(dataset, state)
    qtbot.addWidget(pane)
    pane.resize(480, 900)
    pane.show()
    qtbot.waitExposed(pane)
    return pane, state


def spare_cards(pane) -> int:
    return pane._spares.count("citationCard")


def test_a_spare_card_is_made_after_a_view_is_shown_and_used_by_the_next_new_fact(qtbot, dataset):
    pane, state = make_pane(qtbot, dataset)
    state.set_focus("e-plain", "timeline")  # one citation
    assert spare_cards(pane) == 0  # nothing is made before the view is on screen
    qtbot.waitUntil(lambda: spare_cards(pane) == 1)
    spare = pane._spares._piles["citationCard"][-1]
    state.set_focus("deaths@2019", "timeline")  # a new view, two citations
    assert spare in pane.fact_view.cards  # filled, not built
    assert spare.isVisibleTo(pane)


def test_new_views_build_fewer_cards_once_spares_are_stocked(qtbot, dataset, monkeypatch):
    built: list[CitationCard] = []
    original = CitationCard.__init__

    def counting(self, *args, **kwargs):
        built.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(citation_cards.CitationCard, "__init__", counting)
    pane, state = make_pane(qtbot, dataset)
    state.set_focus("e-plain", "timeline")  # builds its one card, so one more is made ahead
    qtbot.waitUntil(lambda: not pane._stock_queued)
    assert (len(built), spare_cards(pane)) == (2, 1)
    state.set_focus("deaths", "timeline")  # takes it and builds none, so two are made ahead
    qtbot.waitUntil(lambda: not pane._stock_queued)
    assert spare_cards(pane) == 2
    made_ahead = len(built)
    state.set_focus("e-inject", "timeline")  # three citations: two from the shelf, one built now
    assert len(built) - made_ahead == 1
    assert len(pane.fact_view.cards) == 3


def test_no_fact_shown_makes_more_than_a_few_cards(qtbot, dataset, monkeypatch):
    made: list[int] = []
    original = CitationCard.__init__

    def counting(self, *args, **kwargs):
        made[-1] += 1
        original(self, *args, **kwargs)

    monkeypatch.setattr(citation_cards.CitationCard, "__init__", counting)
    pane, state = make_pane(qtbot, dataset)
    pane._views.size = 2
    for target in ["e-inject", "e-plain", "deaths@2019", "e-inject", "deaths", "e-plain", "e-inject"] * 2:
        made.append(0)  # built for the fact, and made ahead after it is shown
        state.set_focus(target, "timeline")
        qtbot.waitUntil(lambda: not pane._stock_queued)
    assert max(made) <= max(CARDS_PER_FOCUS, 3)  # the first e-inject builds its three, and makes none ahead
    assert made[0] == 3 and max(made[1:]) <= CARDS_PER_FOCUS


def test_at_most_a_few_spares_wait(qtbot, dataset):
    pane, state = make_pane(qtbot, dataset)
    for target in ["e-plain", "deaths", "deaths@2019", "e-plain", "deaths", "e-inject", "deaths@2018"] * 2:
        state.set_focus(target, "timeline")
        qtbot.wait_until(lambda: not pane._stock_queued)
        assert spare_cards(pane) <= SPARE_CARDS
    assert spare_cards(pane) == SPARE_CARDS


def test_a_view_of_stocked_cards_shows_what_a_new_view_shows(qtbot, dataset, monkeypatch):
    stocked, state = make_pane(qtbot, dataset)
    for target in ["e-plain", "deaths"] * 3:  # revisits use no card, so each adds one to the shelf
        state.set_focus(target, "timeline")
        qtbot.waitUntil(lambda: not stocked._stock_queued)
    assert spare_cards(stocked) == SPARE_CARDS
    state.set_focus("e-inject", "timeline")
    settle(qtbot, stocked)
    monkeypatch.setattr(pane_module, "SPARE_CARDS", 0)  # a pane that makes nothing ahead
    fresh, fresh_state = make_pane(qtbot, dataset)
    fresh_state.set_focus("e-inject", "timeline")
    settle(qtbot, fresh)
    assert picture(stocked) == picture(fresh)
    assert stocked.accessibleDescription() == fresh.accessibleDescription()


def test_a_theme_change_drops_the_spares_made_for_the_old_look(qtbot, dataset):
    from desktop.ui.theme import themes

    pane, state = make_pane(qtbot, dataset)
    state.set_focus("e-plain", "timeline")
    qtbot.waitUntil(lambda: spare_cards(pane) == 1)
    themes().changed.emit(themes().theme)
    assert spare_cards(pane) == 0


def test_a_new_view_is_laid_out_before_the_window_paints_it(window):
    pane = window.citations
    counter = PaintCounter()
    pane._holder.installEventFilter(counter)
    for target in ["cartels-plan-own-fentanyl", "fentanyl-potency", "first-wave", "dea-ndta-2018", "heroin-deaths"]:
        window.state.set_focus(target, "timeline")
        counter.paints.clear()
        settle_paints()
        # Its layouts settled and Qt's requests to repaint what it showed handled before the paint:
        # one paint (with the layouts left to the event loop it was three, with those requests two).
        assert counter.paints[id(pane._holder)] == 1, target
