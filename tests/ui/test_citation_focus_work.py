"""A focus change does the citation pane's work once: one paint of the view, rows read from columns taken once.

Qt asks every widget it shows to repaint itself later (UpdateLater); left
queued, those requests came after the window's paint and every label of a
new fact was painted twice. And a fact's citation rows were taken from the
citations frame through pandas on every focus change; they are now picked
out of columns taken once. These tests count paints and frame reads, and
hold the rows read to the frame's own.
"""
from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget

from desktop.state import SelectionState
from desktop.ui.citation_cards import citation_records
from desktop.ui.citation_rows import CitationRows, SourceRecords

# New views, then (16 kept) views filled again, then views shown again, with disputed facts among them.
TOUR = ["cartels-plan-own-fentanyl", "fentanyl-potency", "first-wave", "dea-ndta-2018", "heroin-deaths",
        "any-opioid-deaths@2019", "guzman-sons-indicted", "fentanyl-potency", "first-wave"]


class PaintCounter(QObject):
    """Counts the paint events of every widget it watches, by widget."""

    def __init__(self) -> None:
        super().__init__()
        self.paints: Counter = Counter()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.paints[id(watched)] += 1
        return False


@pytest.fixture
def window(qtbot, app_font, isolated_home, default_dataset):
    from desktop.settings import Settings
    from desktop.ui.main_window import MainWindow

    window = MainWindow(SelectionState(), Settings(isolated_home / "settings.json"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.set_dataset(default_dataset)
    return window


def settle() -> None:
    for _ in range(6):  # as many passes as the event loop needs to lay out and paint
        QCoreApplication.processEvents()


def test_each_widget_of_a_focused_fact_is_painted_once(window):
    pane = window.citations
    pane._views.size = 3  # small, so that the tour builds, refills and shows kept views again
    counter = PaintCounter()
    for target in TOUR * 2:
        window.state.set_focus(target, "timeline")
        view = pane.fact_view
        watched = [view] + [w for w in view.findChildren(QWidget) if w.isVisible()]
        for widget in watched + [pane._holder]:
            widget.installEventFilter(counter)
        counter.paints.clear()
        settle()
        assert counter.paints[id(pane._holder)] == 1, target
        painted_twice = [w.objectName() for w in watched if counter.paints[id(w)] > 1]
        assert painted_twice == [], target
        for widget in watched + [pane._holder]:
            widget.removeEventFilter(counter)


def test_a_focus_change_reads_no_citation_frame(window, monkeypatch):
    from desktop.dataset.dataset import Dataset

    dataset = window.dataset
    reads = Counter()
    for name in ("ordered_citation_rows", "citation_rows", "citations_for"):
        original = getattr(Dataset, name)

        def counting(*args, _name=name, _original=original, **kwargs):
            reads[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(Dataset, name, counting)
    pane = window.citations
    for target in TOUR:
        window.state.set_focus(target, "timeline")
        settle()
        assert pane.fact_view.records == citation_records(dataset.ordered_citation_rows(target))
        reads.clear()
    window.state.set_focus("seizures-and-flow", "timeline")
    settle()
    assert sum(reads.values()) == 0


def test_rows_from_columns_are_the_frames_rows(default_dataset):
    dataset = default_dataset
    rows, sources = CitationRows(dataset), SourceRecords(dataset)
    targets = list(dataset.events.index) + list(dataset.series.index) + [
        f"{s}@{p}" for s, p in zip(dataset.observations["series_id"], dataset.observations["period"])]
    for target in targets + ["no-such-fact"]:
        assert repr(rows.records(target)) == repr(citation_records(dataset.ordered_citation_rows(target))), target
    for source_id in dataset.sources.index:
        assert repr(sources[source_id]) == repr(dataset.sources.loc[source_id].to_dict())
        assert sources[source_id] is sources[source_id]  # built once, kept
    with pytest.raises(KeyError):
        sources["no-such-source"]


def on_screen(widget: QWidget):
    """What the window last put on screen where `widget` is (the offscreen platform keeps it), not a new render."""
    from PySide6.QtCore import QPoint

    top = widget.window()
    shot = top.windowHandle().screen().grabWindow(top.winId()).toImage()
    at = widget.mapTo(top, QPoint(0, 0))
    fresh = widget.grab().toImage()
    return shot.copy(at.x(), at.y(), widget.width(), widget.height()).convertToFormat(fresh.format()), fresh


def test_what_is_on_screen_after_each_focus_is_the_view_painted_anew(window):
    # Each focus repaints only what changed, in one paint: nothing of the view left before may stay.
    pane = window.citations
    pane._views.size = 3
    for target in TOUR * 2 + ["no-such-fact", "", "fentanyl-potency"]:
        window.state.set_focus(target, "timeline")
        shown, fresh = on_screen(pane.scroll)
        if target != TOUR[0]:
            assert shown != fresh, target  # not painted yet: the comparison can tell
        settle()
        shown, fresh = on_screen(pane.scroll)
        assert shown == fresh, target


class ParentChanges(QObject):
    """Counts the times a watched widget is moved to another parent."""

    def __init__(self) -> None:
        super().__init__()
        self.moves = 0

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ParentChange:
            self.moves += 1
        return False


def test_a_new_view_is_made_where_it_is_shown(window, monkeypatch):
    # Moving a finished view into the holder carried each of its widgets to a new parent.
    from desktop.ui.citation_cards import FactView

    watcher = ParentChanges()
    original = FactView.__init__

    def watched(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.installEventFilter(watcher)

    monkeypatch.setattr(FactView, "__init__", watched)
    pane = window.citations
    for target in TOUR:
        window.state.set_focus(target, "timeline")
        settle()
    assert len(pane._views) > 3
    assert pane.fact_view.parentWidget() is pane._holder
    assert watcher.moves == 0


def test_after_a_few_facts_no_card_is_built_during_a_focus(window, monkeypatch):
    # Cards are made ahead, after each fact is painted, so a disputed fact with four citations
    # fills cards instead of building them (~1-2 ms each, inside the focus change).
    from desktop.ui import citation_cards, citation_pane

    pane = window.citations
    in_focus = []
    original_init, original_refresh = citation_cards.CitationCard.__init__, citation_pane.CitationPane._refresh
    refreshing = [False]

    def counting(self, *args, **kwargs):
        if refreshing[0]:
            in_focus.append(self)
        original_init(self, *args, **kwargs)

    def refresh(self):
        refreshing[0] = True
        try:
            original_refresh(self)
        finally:
            refreshing[0] = False

    monkeypatch.setattr(citation_cards.CitationCard, "__init__", counting)
    monkeypatch.setattr(citation_pane.CitationPane, "_refresh", refresh)
    light = iter(["ambush-victims-opioid-casualties", "cartel-splintering", "cartels-plan-own-fentanyl",
                  "cdc-prescribing-guideline", "dea-ndta-2019", "el-chapo-escape", "el-chapo-extradited",
                  "el-chapo-recaptured", "el-chapo-sentenced", "el-mencho-reward-raised"])  # one citation each
    for _ in range(4):  # the first facts of a session build their cards
        window.state.set_focus(next(light), "timeline")
        settle()
    in_focus.clear()
    for heavy in ["guzman-sons-indicted", "lebaron-ambush", "trump-amlo-approaches"]:  # four citations each
        for target in [heavy, next(light), next(light)]:
            window.state.set_focus(target, "timeline")
            settle()
        assert len(pane.fact_view.cards) == 1
    assert in_focus == []


def test_a_fact_s_citations_are_ordered_without_ranking_every_citation(qtbot, tmp_path):
    # Ranking every citation's stance (a pandas map) took ~30 ms at 120,000 citations, on the first
    # fact with two or more; sorting that fact's own few rows gives the same order.
    from desktop.ui.citation_pane import CitationPane
    from test_citation_data import citation_dataset

    dataset = citation_dataset(tmp_path / "ds")
    state = SelectionState()
    pane = CitationPane(dataset, state)
    qtbot.addWidget(pane)
    pane.resize(480, 900)
    pane.show()
    qtbot.waitExposed(pane)
    state.set_focus("e-inject", "timeline")  # supports, context and disputes
    assert [card.stance for card in pane.fact_view.cards] == ["supports", "context", "disputes"]
    assert "_stance_rank" not in vars(dataset)


def test_a_label_made_a_tab_stop_and_plain_again_keeps_its_worked_out_look(qapp):
    # Every focus change makes the shown title, summary and quotes tab stops and the refilled ones
    # plain again; the font's key and the rest of the look are worked out once, the key still tells.
    from desktop.ui.citation_labels import plain_label

    label = plain_label("Fentanyl is 50 to 100 times as strong as heroin", focusable=True)
    plain_key = label.measure_key()
    look = label._look
    label.allow_keyboard_focus()
    focusable_key = label.measure_key()
    assert focusable_key != plain_key  # a tab stop is measured through a text document
    label.reset()
    assert label.measure_key() == plain_key
    assert label._look is look  # not worked out again
    label.setFont(label.font().__class__("Serif", 30))
    assert label.measure_key() != plain_key and label._look is not look


def test_refilled_labels_that_no_reader_touched_are_not_asked_their_state(window, monkeypatch):
    from desktop.ui.citation_labels import SelectableLabel

    asked = Counter()
    original = SelectableLabel.focusPolicy

    def counting(self):
        asked["calls"] += 1
        return original(self)

    monkeypatch.setattr(SelectableLabel, "focusPolicy", counting, raising=False)
    pane = window.citations
    pane._views.size = 2  # each new fact refills a view
    for target in TOUR:  # views and spares made
        window.state.set_focus(target, "timeline")
        settle()
    asked.clear()
    shown = 0
    for target in TOUR:
        window.state.set_focus(target, "timeline")
        settle()
        shown += len([w for w in pane.fact_view.findChildren(SelectableLabel) if w.isVisible()])
    # Asked when a label is made a tab stop, when it is made plain again, or when it is measured in a
    # new look (moved to another block): not every label at every refill.
    assert asked["calls"] < shown  # it was more than two and a half times as many
