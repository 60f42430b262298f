"""A new fact is shown in the widgets of the view the pane would otherwise delete, exactly as a new view would show it.

These tests keep the focus-change optimisation honest: the view left out of
the kept views is filled again rather than deleted and rebuilt, yet what it
shows (words, places, sizes, tab order, the address a button opens) is what
a view built for that fact shows, and it holds no widget it does not show.
"""
from __future__ import annotations

import pytest
from functools import cmp_to_key

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from desktop.state import SelectionState
from desktop.ui import links
from desktop.ui.citation_cards import CitationCard, FactView, SelectableLabel
from desktop.ui.citation_labels import MEASURES, TEXT_SELECTABLE, plain_label
from desktop.ui.citation_pane import CitationPane
from test_citation_data import citation_dataset

# Every fact of the test dataset, in an order that goes from many citations to none and back.
TOUR = ["e-inject", "deaths@2018", "e-plain", "deaths", "deaths@2019", "e-inject", "e-plain", "deaths@2019"]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    return citation_dataset(tmp_path_factory.mktemp("reused") / "ds")


def make_pane(qtbot, dataset, kept: int | None = None) -> tuple[CitationPane, SelectionState]:
    state = SelectionState()
    pane = CitationPane(dataset, state)
    qtbot.addWidget(pane)
    if kept is not None:
        pane._views.size = kept  # a small cache, so that the tour reuses a view at (nearly) every step
    pane.resize(480, 900)
    pane.show()
    qtbot.waitExposed(pane)
    return pane, state


def picture(pane) -> list[tuple]:
    """What the fact view shows: each visible text widget's name, words and place, top to bottom."""
    view = pane.fact_view
    pane.scroll.widget().layout().activate()
    rows = []
    for widget in view.findChildren(QWidget):
        if not widget.isVisibleTo(view) or not isinstance(widget, (QLabel, QLineEdit, QPushButton)):
            continue
        at = widget.mapTo(view, QPoint(0, 0))
        rows.append((at.y(), at.x(), widget.width(), widget.height(), widget.objectName(), widget.text(),
                     widget.accessibleName()))
    return sorted(rows)


def settle(qtbot, pane) -> None:
    view = pane.fact_view
    qtbot.waitUntil(lambda: view.height() >= view.heightForWidth(view.width()))


def test_a_reused_view_shows_each_fact_as_a_new_view_would(qtbot, dataset):
    reusing, state = make_pane(qtbot, dataset, kept=2)
    views = []
    for target in TOUR:
        state.set_focus(target, "timeline")
        settle(qtbot, reusing)
        views += [reusing.fact_view] if reusing.fact_view not in views else []
        fresh, fresh_state = make_pane(qtbot, dataset)
        fresh_state.set_focus(target, "timeline")
        settle(qtbot, fresh)
        assert picture(reusing) == picture(fresh), target
        assert reusing.accessibleDescription() == fresh.accessibleDescription()
        fresh.close()
    assert len(views) == 2  # two views served every fact


def test_a_reused_view_holds_only_what_it_shows(qtbot, dataset):
    pane, state = make_pane(qtbot, dataset, kept=2)
    for target in TOUR:
        state.set_focus(target, "timeline")
        view = pane.fact_view
        hidden = [w.objectName() for w in view.findChildren(QWidget) if not w.isVisibleTo(view)]
        assert hidden == [], (target, hidden)  # no leftover quote, badge or address from the fact before
        assert len(view.findChildren(CitationCard)) == len(dataset.citations_for(target))
    assert len(pane.findChildren(FactView)) == 2


def test_the_oldest_kept_view_is_filled_again_not_deleted(qtbot, dataset):
    pane, state = make_pane(qtbot, dataset, kept=2)
    state.set_focus("e-inject", "timeline")
    oldest = pane.fact_view
    state.set_focus("e-plain", "timeline")
    state.set_focus("deaths", "timeline")
    assert pane.fact_view is oldest  # the view e-inject was shown in now shows the series
    assert [l.text() for l in pane.findChildren(QLabel, "factTitle") if l.isVisibleTo(pane)] == ["Overdose deaths"]
    state.set_focus("e-plain", "timeline")  # still kept: shown again as it was
    assert [l.text() for l in pane.findChildren(QLabel, "factTitle") if l.isVisibleTo(pane)] == ["A quiet year"]


def test_a_reused_button_opens_the_address_its_card_shows_now(qtbot, dataset, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(links, "open_link", lambda url, parent: opened.append(url) or True)
    pane, state = make_pane(qtbot, dataset, kept=2)
    state.set_focus("e-inject", "timeline")  # three sources, two with an address
    state.set_focus("e-plain", "timeline")  # one source, another address
    card = pane.fact_view.cards[0]
    assert card.source.url_field.text() == "https://school.example@evil.example/page"
    qtbot.mouseClick(card.source.open_button, Qt.MouseButton.LeftButton)
    assert opened == ["https://school.example@evil.example/page"]


def reading_order(view, a: QWidget, b: QWidget) -> int:
    """Top to bottom, and left to right along one line (widgets whose heights overlap)."""
    ra, rb = (QRect(w.mapTo(view, QPoint(0, 0)), w.size()) for w in (a, b))
    if ra.top() <= rb.bottom() and rb.top() <= ra.bottom():
        return ra.left() - rb.left()
    return ra.top() - rb.top()


def test_tab_goes_down_a_reused_view_in_reading_order(qtbot, dataset):
    pane, state = make_pane(qtbot, dataset, kept=2)
    state.set_focus("e-plain", "timeline")  # one card: what comes next is built later, or taken off the shelf
    state.set_focus("e-inject", "timeline")
    view = pane.fact_view
    stops = [w for w in view.findChildren(QWidget)
             if w.isVisibleTo(view) and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    in_chain = []
    widget = stops[0]
    for _ in range(500):
        if widget in stops and widget not in in_chain:
            in_chain.append(widget)
        widget = widget.nextInFocusChain()
    assert len(in_chain) == len(stops)
    assert in_chain == sorted(stops, key=cmp_to_key(lambda a, b: reading_order(view, a, b)))
    assert [w.objectName() for w in in_chain[:3]] == ["factTitle", "factSummary", "quoteText"]


def test_reused_labels_are_plain_until_used(qtbot, dataset):
    pane, state = make_pane(qtbot, dataset, kept=2)
    state.set_focus("e-inject", "timeline")
    used = pane.fact_view
    for label in used.findChildren(SelectableLabel):
        label.make_selectable()  # the reader selected words in each
    state.set_focus("e-plain", "timeline")
    state.set_focus("deaths@2019", "timeline")
    view = pane.fact_view
    assert view is used and [c.quote.text() for c in view.cards if c.quote] == ["About 36,000 died."]
    assert view.findChildren(QTextDocument) == []  # laid out plainly again, like a new label
    assert all(label.textInteractionFlags() != TEXT_SELECTABLE for label in view.findChildren(SelectableLabel))
    assert {label.objectName() for label in view.findChildren(SelectableLabel)
            if label.focusPolicy() != Qt.FocusPolicy.NoFocus} == {"factTitle", "factSummary", "quoteText"}  # once shown


def test_a_text_seen_before_is_measured_without_laying_it_out_again():
    first = plain_label("The same source title, cited under many facts, wraps at a narrow width.")
    first.setFont(QFont("Sans", 11))
    hints = (first.sizeHint(), first.minimumSizeHint(), first.heightForWidth(120))
    second = plain_label("The same source title, cited under many facts, wraps at a narrow width.")
    second.setFont(QFont("Sans", 11))
    misses = MEASURES.misses
    assert (second.sizeHint(), second.minimumSizeHint(), second.heightForWidth(120)) == hints
    assert MEASURES.misses == misses  # Qt was not asked again
    # Qt's own answers, which a change of look asks for afresh.
    assert hints == (QLabel.sizeHint(second), QLabel.minimumSizeHint(second), QLabel.heightForWidth(second, 120))
    second.setFont(QFont("Sans", 22))
    assert second.heightForWidth(120) > hints[2] and MEASURES.misses > misses
