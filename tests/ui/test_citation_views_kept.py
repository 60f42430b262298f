"""The citation pane keeps the views it built: going back to a fact shows the same view, up to date.

These tests keep the focus-change optimisation honest: a revisit reuses the
built widgets, while anything the view depends on (theme, language) gets a
new view that shows the new look, and old views do not pile up.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.state import SelectionState
from desktop.ui import i18n
from desktop.ui.citation_cards import FactView, MeasuredLabel, plain_label
from desktop.ui.citation_pane import KEPT_VIEWS, CitationPane
from desktop.ui.theme import LIGHT, PROJECTOR_DARK, themes
from test_citation_data import citation_dataset


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    return citation_dataset(tmp_path_factory.mktemp("kept") / "ds")


@pytest.fixture
def state():
    return SelectionState()


@pytest.fixture
def pane(qtbot, dataset, state):
    widget = CitationPane(dataset, state)
    qtbot.addWidget(widget)
    widget.resize(480, 300)  # short enough that a fact with three citations scrolls
    widget.show()
    yield widget
    themes().set_theme(LIGHT)
    i18n.set_language("en")


def shown(pane, name: str) -> list[str]:
    return [label.text() for label in pane.findChildren(QLabel, name) if label.isVisibleTo(pane)]


def kept_views(pane) -> list[QWidget]:
    """The views living in the scroll area, shown or not."""
    return pane.scroll.widget().findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)


def test_going_back_to_a_fact_shows_the_view_built_for_it(pane, state):
    state.set_focus("e-inject", "timeline")
    first = pane.fact_view
    state.set_focus("e-plain", "timeline")
    assert pane.fact_view is not first and shown(pane, "factTitle") == ["A quiet year"]
    state.set_focus("e-inject", "timeline")
    assert pane.fact_view is first  # the same widgets, not a rebuilt copy
    assert shown(pane, "factTitle") == ["Seizure <b>at</b> the port"]  # and only this fact's view is on screen
    assert shown(pane, "heading-disputes") == ["Another source disagrees"]


def test_a_fact_shown_again_is_read_from_its_top(pane, state, qtbot):
    state.set_focus("e-inject", "timeline")
    bar = pane.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    state.set_focus("e-plain", "timeline")
    state.set_focus("e-inject", "timeline")
    assert bar.value() == 0


def test_a_theme_change_builds_a_new_view_with_the_new_look(pane, state, qtbot):
    state.set_focus("e-inject", "timeline")
    light = pane.fact_view
    light_size = light.findChild(QLabel, "factTitle").font().pointSizeF()
    with qtbot.waitSignal(themes().changed):
        themes().set_theme(PROJECTOR_DARK)
    dark = pane.fact_view
    assert dark is not light
    assert dark.findChild(QLabel, "factTitle").font().pointSizeF() == pytest.approx(light_size * 1.6)
    assert dark.findChild(QLabel, "factTitle").isVisibleTo(pane)
    assert kept_views(pane) == [dark]  # the views built for the old theme are gone
    with qtbot.waitSignal(themes().changed):
        themes().set_theme(LIGHT)
    again = pane.fact_view
    assert again is not dark
    assert again.findChild(QLabel, "factTitle").font().pointSizeF() == pytest.approx(light_size)


def test_a_language_change_builds_a_new_view_in_that_language(pane, state):
    state.set_focus("deaths@2019", "chart")
    english = pane.fact_view
    assert shown(pane, "factValue") == ["36,359 deaths (provisional)"]
    state.set_focus("e-plain", "timeline")
    i18n.set_language("es-ES")
    state.set_focus("deaths@2019", "chart")
    assert pane.fact_view is not english
    assert shown(pane, "factValue") == ["36.359 deaths (provisional)"]  # Spain's thousands mark


def test_only_the_last_few_views_are_kept(pane, state):
    state.set_focus("e-inject", "timeline")
    first = pane.fact_view
    for k in range(KEPT_VIEWS + 3):
        state.set_focus(f"no-such-thing-{k}", "timeline")
    assert len(kept_views(pane)) == KEPT_VIEWS
    assert shown(pane, "citationEmpty") == [f"Nothing in this dataset is called no-such-thing-{KEPT_VIEWS + 2}."]
    state.set_focus("e-inject", "timeline")
    assert pane.fact_view is not first  # it was dropped, so it is built again
    assert shown(pane, "factTitle") == ["Seizure <b>at</b> the port"]


def test_a_hidden_pane_builds_nothing_until_it_is_shown(pane, state, qtbot):
    pane.tabs.setCurrentIndex(1)
    before = len(pane.findChildren(FactView))
    state.set_focus("e-plain", "timeline")
    state.set_focus("deaths", "chart")
    assert len(pane.findChildren(FactView)) == before
    pane.tabs.setCurrentIndex(0)
    assert shown(pane, "factTitle") == ["Overdose deaths"]


def wrapped_labels(view) -> list[MeasuredLabel]:
    return [label for label in view.findChildren(MeasuredLabel) if label.wordWrap() and label.isVisibleTo(view)]


def test_a_new_view_lays_its_text_out_only_at_the_width_it_is_shown_at(pane, state, qtbot):
    pane.resize(480, 200)  # every fact scrolls, so the scroll bar stays and the width with it
    state.set_focus("e-plain", "timeline")
    qtbot.waitUntil(pane.scroll.verticalScrollBar().isVisible)
    state.set_focus("e-inject", "timeline")
    view = pane.fact_view
    qtbot.waitUntil(lambda: view.height() >= view.heightForWidth(view.width()))  # laid out and placed
    QApplication.processEvents()
    labels = wrapped_labels(view)
    assert len(labels) > 10
    # Not at a width the view never has (a new widget's 640 px, the size hint's width): only its own.
    assert all(set(label._heights) == {label.width()} for label in labels), [
        (label.objectName(), label.width(), sorted(label._heights)) for label in labels]


def test_a_remembered_height_follows_the_text_and_the_font():
    label = plain_label("A sentence long enough to wrap over several lines at a narrow width. " * 3)
    height = label.heightForWidth(150)
    assert label.heightForWidth(150) == height
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    label.setFont(font)
    assert label.heightForWidth(150) > height
    label.setText("Short.")
    assert label.heightForWidth(150) < height


def test_tab_stops_lay_their_text_out_plainly_until_they_are_used(pane, state, qtbot):
    state.set_focus("e-inject", "timeline")
    view = pane.fact_view
    stops = [label for label in view.findChildren(QLabel) if label.focusPolicy() == Qt.FocusPolicy.StrongFocus]
    assert {label.objectName() for label in stops} == {"factTitle", "factSummary", "quoteText"}
    # No text document behind them yet: Qt builds one for a label that can take focus, and it is slow.
    assert view.findChildren(QTextDocument) == []
    quote = next(label for label in stops if label.objectName() == "quoteText")
    pane.activateWindow()
    quote.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(quote.hasFocus)
    qtbot.keyClick(quote, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert quote.selectedText() == quote.text()  # selectable by keyboard once it has focus
