"""Refilling views leaves no Python wrapper behind for a layout item Qt has deleted.

PySide wraps the items of a layout that is added to another with widgets already
in it. When the pane empties a view to fill it again, Qt deletes those items, but
the wrappers stay registered at the freed addresses; new memory there (pyqtgraph's
marker fragments, for one) was then handed the stale wrapper, and painting failed
with "drawPixmapFragments called with wrong argument types: QWidgetItem".
"""
from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtWidgets import QWidgetItem

from desktop.state import SelectionState
from desktop.ui.citation_pane import CitationPane
from test_citation_data import citation_dataset

TOUR = ["e-inject", "deaths@2018", "e-plain", "deaths", "deaths@2019"]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    return citation_dataset(tmp_path_factory.mktemp("wrappers") / "ds")


def layout_item_wrappers() -> int:
    return sum(1 for wrapper in shiboken6.getAllValidWrappers() if isinstance(wrapper, QWidgetItem))


def test_refilling_views_makes_no_layout_item_wrappers(qtbot, dataset):
    state = SelectionState()
    pane = CitationPane(dataset, state)
    qtbot.addWidget(pane)
    pane._views.size = 1  # every new fact refills the one kept view: the path that empties layouts
    pane.resize(480, 900)
    pane.show()
    state.set_focus(TOUR[0], "test")
    before = layout_item_wrappers()
    for _ in range(4):
        for target in TOUR:
            state.set_focus(target, "test")
            qtbot.wait(1)
    assert layout_item_wrappers() <= before  # (others may go as earlier tests' widgets are deleted)
