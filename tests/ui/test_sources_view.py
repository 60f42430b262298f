"""The Sources view: counts, choosing a source filters the other panes, "Show all" undoes it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.dataset.filters import Filters
from desktop.state import SelectionState
from desktop.ui.citation_pane import CitationPane
from desktop.ui.sources_view import FACTS, TITLE, SourcesView
from test_citation_data import INJECTION_TITLE, citation_dataset


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    return citation_dataset(tmp_path_factory.mktemp("sources") / "ds")


@pytest.fixture
def state():
    return SelectionState()


@pytest.fixture
def view(qtbot, dataset, state):
    widget = SourcesView(dataset, state)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    return widget


def rows(view) -> list[tuple[str, str, int]]:
    tree = view.tree
    return [(*tree.topLevelItem(i).text(TITLE).split("\n"), tree.topLevelItem(i).data(FACTS, Qt.ItemDataRole.DisplayRole))
            for i in range(tree.topLevelItemCount())]


def click(qtbot, view, source_id: str) -> None:
    item = view.items[source_id]
    view.tree.scrollToItem(item)
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.tree.visualItemRect(item).center())


def test_every_source_is_listed_with_the_facts_it_backs_most_first(view):
    listed = rows(view)
    assert sorted(listed, key=lambda r: -r[2]) == listed
    assert {title: (byline, count) for title, byline, count in listed} == {
        INJECTION_TITLE: ("Centers for Disease Control and Prevention · Jan 2023", 2),
        "Where the pills come from": ("The Daily Paper · 4 Nov 2019", 2),
        "[An unsigned opinion piece]": ("Unknown · n.d.", 1),
        "A page": ("Somebody · 2018", 1),
        "Nobody cites this": ("Reference House · the 2010s", 0),
    }


def test_sorting_by_facts_is_numeric(view, dataset, state, qtbot):
    view.tree.sortByColumn(FACTS, Qt.SortOrder.AscendingOrder)
    assert [count for *_, count in rows(view)] == [0, 1, 1, 2, 2]


def test_choosing_a_source_filters_and_keeps_the_other_filters(view, state, qtbot):
    state.set_filters(Filters(categories=frozenset({"Supply"}), text="port"), "timeline")
    assert not view.show_all_button.isEnabled()
    with qtbot.waitSignal(state.filters_changed) as changed:
        click(qtbot, view, "s-news")
    assert changed.args == [Filters(categories=frozenset({"Supply"}), text="port", source_id="s-news"), "citations"]
    assert view.filter_label.text() == "Showing only facts from: Where the pills come from"
    assert view.show_all_button.isEnabled()
    assert view.tree.currentItem() is view.items["s-news"]


def test_show_all_removes_only_the_source_filter(view, state, qtbot):
    state.set_filters(Filters(text="port", source_id="s-official"), "timeline")
    assert view.filter_label.text() == f"Showing only facts from: {INJECTION_TITLE}"
    with qtbot.waitSignal(state.filters_changed) as changed:
        qtbot.mouseClick(view.show_all_button, Qt.MouseButton.LeftButton)
    assert changed.args == [Filters(text="port"), "citations"]
    assert view.filter_label.text().startswith("Showing facts from every source")
    assert not view.show_all_button.isEnabled()


def test_the_keyboard_chooses_too(view, state, qtbot):
    view.tree.setFocus()
    view.tree.setCurrentItem(view.items["s-evil"])
    with qtbot.waitSignal(state.filters_changed):
        qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert state.filters.source_id == "s-evil"


def test_the_filter_narrows_the_shared_event_mask(view, state, dataset, qtbot):
    click(qtbot, view, "s-evil")
    shown = list(dataset.events.index[dataset.event_mask(state.filters)])
    assert shown == ["e-plain"]


def test_a_reset_elsewhere_clears_the_choice(view, state):
    state.set_filters(Filters(source_id="s-news"), "citations")
    state.reset()
    assert view.tree.selectedItems() == []
    assert not view.show_all_button.isEnabled()


def test_the_pane_has_a_sources_tab_holding_the_view(qtbot, dataset, state):
    pane = CitationPane(dataset, state)
    qtbot.addWidget(pane)
    assert pane.tabs.tabText(1) == "Sources"
    assert pane.tabs.widget(1) is pane.sources_view


def test_default_dataset_counts_match_the_dataset(qtbot, default_dataset):
    view = SourcesView(default_dataset, SelectionState())
    qtbot.addWidget(view)
    counts = default_dataset.source_fact_counts()
    for source_id, count in counts.items():
        assert view.items[source_id].data(FACTS, Qt.ItemDataRole.DisplayRole) == count
    assert len(view.items) == len(default_dataset.sources)


def test_the_list_is_made_when_the_tab_is_first_shown_not_when_the_window_opens(qtbot, dataset, state):
    pane = CitationPane(dataset, state)
    qtbot.addWidget(pane)
    pane.resize(600, 500)
    pane.show()
    qtbot.waitExposed(pane)
    view = pane.sources_view
    assert view._items is None and view.tree.topLevelItemCount() == 0  # the Details tab is in front
    state.set_filters(Filters(source_id="s-news"), "timeline")  # while the list is not made
    pane.tabs.tabBar().setCurrentIndex(1)  # as a click on "Sources" does
    qtbot.waitUntil(view.isVisible)
    assert view.tree.topLevelItemCount() == 5
    assert view.tree.currentItem() is view.items["s-news"] and view.show_all_button.isEnabled()
    assert view.filter_label.text() == "Showing only facts from: Where the pills come from"
