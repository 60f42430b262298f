"""Citation cards are made ahead, while the pane is left alone, so that the next new fact fills cards instead of building them.

While the reader reads, the pane makes spare cards one per turn of the
event loop (`AheadWork`), up to a few waiting (`SPARE_CARDS`); a new fact's
view takes its cards from them. A focus change makes none ahead: it only
builds what its view lacks. These tests count the cards built and hold what
the view shows to what a pane that made nothing ahead shows.
"""
from __future__ import annotations

import pytest

from desktop.state import SelectionState
from desktop.ui import citation_cards
from desktop.ui import citation_pane as pane_module
from desktop.ui.citation_cards import CitationCard
from desktop.ui.citation_pane import SPARE_CARDS, CitationPane
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
    qtbot.waitUntil(lambda: spare_cards(pane) >= 1)
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
    def pane_cards() -> int:  # (not those of the view the pane measures ahead in, which is never shown)
        ahead = pane._ahead._holder
        return len([card for card in built if ahead is None or not ahead.isAncestorOf(card)])

    state.set_focus("e-plain", "timeline")  # builds its one card, then the idle pane makes the spares
    assert pane_cards() == 1
    qtbot.waitUntil(lambda: spare_cards(pane) == SPARE_CARDS)
    assert pane_cards() == 1 + SPARE_CARDS
    state.set_focus("e-inject", "timeline")  # three citations, all from the shelf
    assert pane_cards() == 1 + SPARE_CARDS
    assert len(pane.fact_view.cards) == 3


def test_a_focus_change_makes_no_card_ahead(qtbot, dataset, monkeypatch):
    made: list[CitationCard] = []
    original = CitationCard.__init__

    def counting(self, *args, **kwargs):
        made.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(citation_cards.CitationCard, "__init__", counting)
    pane, state = make_pane(qtbot, dataset)
    pane._views.size = 2
    for target in ["e-inject", "e-plain", "deaths@2019", "e-inject", "deaths", "e-plain", "e-inject"] * 2:
        made.clear()
        state.set_focus(target, "timeline")
        settle_paints()  # the focus change and its paint, with no pause for the reader to read
        # Only cards its view shows were built (one made ahead used to follow the paint, inside the change).
        assert all(card in pane.fact_view.cards for card in made), target


def test_at_most_a_few_spares_wait(qtbot, dataset):
    pane, state = make_pane(qtbot, dataset)
    for target in ["e-plain", "deaths", "deaths@2019", "e-plain", "deaths", "e-inject", "deaths@2018"] * 2:
        state.set_focus(target, "timeline")
        qtbot.wait_until(lambda: spare_cards(pane) == SPARE_CARDS and not pane._ahead._turn.isActive())
    assert spare_cards(pane) == SPARE_CARDS


def test_a_view_of_stocked_cards_shows_what_a_new_view_shows(qtbot, dataset, monkeypatch):
    stocked, state = make_pane(qtbot, dataset)
    state.set_focus("e-plain", "timeline")
    qtbot.waitUntil(lambda: spare_cards(stocked) == SPARE_CARDS)
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
    qtbot.waitUntil(lambda: spare_cards(pane) >= 1)
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
