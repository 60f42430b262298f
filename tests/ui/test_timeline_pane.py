"""The timeline pane as a user meets it: click, drag, scroll, type, press keys; see what it shows."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

from desktop.dataset.filters import Filters
from desktop.state import SelectionState
from desktop.ui.theme import LIGHT, PROJECTOR_DARK, themes
from desktop.ui.timeline_pane import TimelinePane


@pytest.fixture
def make_pane(qtbot, app_font):
    def make(dataset, width=1400, height=420, state=None):
        state = SelectionState() if state is None else state
        pane = TimelinePane(dataset, state)
        qtbot.addWidget(pane)
        pane.resize(width, height)
        pane.show()
        qtbot.waitExposed(pane)
        return pane, state
    yield make
    themes().set_theme(LIGHT)


def index_of(pane, event_id: str) -> int:
    return pane.model.index_of[event_id]


def point_of(pane, event_id: str) -> QPoint:
    point = pane.view.marker_point(index_of(pane, event_id))
    assert point is not None, f"{event_id} is not drawn"
    return point.toPoint()


def count_text(pane) -> str:
    return pane.findChild(QLabel, "timelineCount").text()


def wheel(widget, pos: QPointF, dy: int = 0, dx: int = 0) -> None:
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(), QPoint(dx, dy), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_every_fact_is_drawn_with_its_count_and_the_constructor_signature(make_pane, valid_dataset):
    pane, state = make_pane(valid_dataset)
    assert pane.objectName() == "timelinePane"
    layout = pane.view.current_layout()
    assert layout.drawn + layout.aggregated + layout.off_screen == len(valid_dataset.events)
    assert count_text(pane) == "5 of 5 facts"
    assert state.time_range == pane.view.view  # published for the chart to follow
    labelled = {pane.model.ids[label.index] for label in layout.labels}
    assert "oxycontin-launch" in labelled


def test_clicking_a_marker_focuses_it_and_the_label_reads_the_date_as_known(qtbot, make_pane, valid_dataset):
    pane, state = make_pane(valid_dataset)
    with qtbot.waitSignal(state.focus_changed) as signal:
        qtbot.mouseClick(pane.view, Qt.MouseButton.LeftButton, pos=point_of(pane, "oxycontin-launch"))
    assert signal.args == ["oxycontin-launch", "timeline"]
    assert pane.view.focus_index == index_of(pane, "oxycontin-launch")
    i = index_of(pane, "oxycontin-launch")
    assert pane.text.date_label(i) == "Jan 1996"  # month precision, not a false day
    assert pane.view.label_rect(i) is not None
    assert "OxyContin is launched" in pane.view.accessibleDescription()
    assert "Court record" in pane.view.accessibleDescription()


def test_a_period_is_drawn_as_a_band_and_clicking_it_focuses_it(qtbot, make_pane, valid_dataset):
    pane, state = make_pane(valid_dataset)
    layout = pane.view.current_layout()
    assert index_of(pane, "first-wave") in layout.bands.tolist()
    assert pane.text.date_label(index_of(pane, "fentanyl-wave")) == "2013 – now"
    with qtbot.waitSignal(state.focus_changed):
        qtbot.mouseClick(pane.view, Qt.MouseButton.LeftButton, pos=point_of(pane, "first-wave"))
    assert state.focus == "first-wave"


def test_keys_walk_the_filtered_facts_in_time(qtbot, make_pane, valid_dataset):
    pane, state = make_pane(valid_dataset)
    pane.view.setFocus()
    order = [pane.model.ids[i] for i in pane.time_order]
    qtbot.keyClick(pane.view, Qt.Key.Key_Home)
    assert state.focus == order[0]
    qtbot.keyClick(pane.view, Qt.Key.Key_Right)
    assert state.focus == order[1]
    qtbot.keyClick(pane.view, Qt.Key.Key_Left)
    assert state.focus == order[0]
    qtbot.keyClick(pane.view, Qt.Key.Key_End)
    assert state.focus == order[-1]
    # With a filter on, the walk skips what is hidden.
    state.set_filters(Filters(categories=frozenset({"Waves"})), "test")
    qtbot.keyClick(pane.view, Qt.Key.Key_Home)
    assert state.focus == "first-wave"
    qtbot.keyClick(pane.view, Qt.Key.Key_Right)
    assert state.focus == "fentanyl-wave"


def test_space_and_page_down_are_left_to_classroom_mode(qtbot, make_pane, valid_dataset):
    pane, state = make_pane(valid_dataset)
    pane.view.setFocus()
    before = pane.view.view
    qtbot.keyClick(pane.view, Qt.Key.Key_Space)
    qtbot.keyClick(pane.view, Qt.Key.Key_PageDown)
    assert state.focus == "" and pane.view.view == before


def test_typing_filters_as_you_type_with_a_count(qtbot, make_pane, valid_dataset):
    pane, state = make_pane(valid_dataset)
    search = pane.bar.search
    qtbot.keyClicks(search, "oxy")
    assert count_text(pane) == "1 of 5 facts"
    assert state.filters.text == "oxy"
    layout = pane.view.current_layout()
    assert layout.drawn + layout.aggregated + layout.off_screen == 1
    assert [pane.model.ids[i] for i in layout.markers] == ["oxycontin-launch"]
    qtbot.keyClick(search, Qt.Key.Key_Backspace)
    qtbot.keyClick(search, Qt.Key.Key_Backspace)
    qtbot.keyClick(search, Qt.Key.Key_Backspace)
    assert count_text(pane) == "5 of 5 facts"


def test_search_reaches_quotes_and_source_names(qtbot, make_pane, valid_dataset):
    pane, state = make_pane(valid_dataset)
    qtbot.keyClicks(pane.bar.search, "legal ports")  # only in a citation's quote
    assert count_text(pane) == "1 of 5 facts"
    assert np.array_equal(pane.shown_mask(), valid_dataset.event_mask(state.filters))


def test_category_and_claim_type_menus_filter_together(qtbot, make_pane, valid_dataset):
    pane, state = make_pane(valid_dataset)
    pane.bar.category_actions["Waves"].trigger()  # untick one category
    assert "Waves" not in state.filters.categories
    assert count_text(pane) == "3 of 5 facts"
    pane.bar.claim_actions["journalist-assertion"].trigger()
    assert np.array_equal(pane.shown_mask(), valid_dataset.event_mask(state.filters))
    assert count_text(pane) == f"{int(valid_dataset.event_mask(state.filters).sum())} of 5 facts"
    assert pane.bar.category_button.text() != "Categories"  # says a filter is on


def test_date_range_filter(qtbot, make_pane, valid_dataset):
    pane, state = make_pane(valid_dataset)
    from PySide6.QtCore import QDate

    pane.bar.from_edit.setDate(QDate(2018, 1, 1))
    assert state.filters.date_range[0] == pytest.approx(2018.0)
    assert np.array_equal(pane.shown_mask(), valid_dataset.event_mask(state.filters))
    assert "oxycontin-launch" not in {pane.model.ids[i] for i in pane.view.current_layout().markers}


def test_filters_set_elsewhere_show_in_the_bar(make_pane, valid_dataset):
    pane, state = make_pane(valid_dataset)
    state.set_filters(Filters(text="cartels", claim_types=frozenset({"court-record"})), "chart")
    assert pane.bar.search.text() == "cartels"
    assert not pane.bar.claim_actions["named-source"].isChecked()
    assert count_text(pane) == f"{int(valid_dataset.event_mask(state.filters).sum())} of 5 facts"


def test_wheel_zooms_about_the_pointer_and_publishes_the_range(qtbot, make_pane, valid_dataset):
    pane, state = make_pane(valid_dataset)
    view = pane.view
    x0, x1 = view.view
    pos = QPointF(view.x_of(2000.0), 40)
    with qtbot.waitSignal(state.range_changed) as signal:
        wheel(view, pos, dy=240)
    n0, n1 = view.view
    assert n1 - n0 < x1 - x0
    assert view.year_of(pos.x()) == pytest.approx(2000.0, abs=1e-6)  # the point under the pointer stays
    assert signal.args[2] == "timeline" and state.time_range == (n0, n1)
    for _ in range(60):  # zoom right in: clamped at a couple of days, never a crash
        wheel(view, pos, dy=240)
    assert view.view[1] - view.view[0] == pytest.approx(2 / 365.25)
    layout = view.current_layout()
    assert layout.drawn + layout.aggregated + layout.off_screen == 5


def test_drag_pans(qtbot, make_pane, valid_dataset):
    pane, state = make_pane(valid_dataset)
    view = pane.view
    start = view.view
    a = QPoint(700, 30)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view, a + QPoint(-100, 0))
    qtbot.mouseMove(view, a + QPoint(-200, 0))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=a + QPoint(-200, 0))
    assert view.view[0] > start[0]  # dragged left: later years come into view
    assert view.view[1] - view.view[0] == pytest.approx(start[1] - start[0])
    assert state.focus == ""  # a drag is not a click


def test_buttons_and_keys_zoom_and_fit(qtbot, make_pane, valid_dataset):
    pane, state = make_pane(valid_dataset)
    view = pane.view
    full = view.view[1] - view.view[0]
    pane.bar.zoom_in_action.trigger()
    assert view.view[1] - view.view[0] < full
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    narrower = view.view[1] - view.view[0]
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert view.view[1] - view.view[0] == pytest.approx(narrower)
    assert state.focus == ""  # Ctrl+Right pans, it does not move the focus
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    pane.bar.fit_action.trigger()
    assert view.view[1] - view.view[0] == pytest.approx(full)


def test_outside_focus_scrolls_into_view_and_highlights(qtbot, make_pane, valid_dataset):
    pane, state = make_pane(valid_dataset)
    view = pane.view
    view.set_view(1990.0, 1991.0)
    state.set_focus("cartel-statement", "chart")
    i = index_of(pane, "cartel-statement")
    assert view.view[0] < pane.model.pos[i] < view.view[1]
    assert view.view[1] - view.view[0] == pytest.approx(1.0)  # the zoom is kept
    assert view.focus_index == i and i in view.current_layout().markers.tolist()
    assert view.label_rect(i) is not None  # the focused fact is always labelled


def test_outside_range_is_followed(make_pane, valid_dataset):
    pane, state = make_pane(valid_dataset)
    state.set_time_range(2010.0, 2020.0, "chart")
    assert pane.view.view == (2010.0, 2020.0)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen raising the tooltip window
def test_tooltip_gives_date_title_category_and_claim_types_as_plain_text(qtbot, make_pane, valid_dataset):
    pane, state = make_pane(valid_dataset)
    pos = point_of(pane, "oxycontin-launch")
    event = QHelpEvent(QEvent.Type.ToolTip, pos, pane.view.mapToGlobal(pos))
    QApplication.sendEvent(pane.view, event)
    qtbot.waitUntil(QToolTip.isVisible)
    text = QToolTip.text()
    for words in ("Jan 1996", "OxyContin is launched", "Pharma", "Court record"):
        assert words in text
    QToolTip.hideText()


def test_markup_in_a_title_is_shown_literally(make_pane, valid_dataset):
    pane, _ = make_pane(valid_dataset)
    i = index_of(pane, "oxycontin-launch")
    pane.text._titles = pane.text._titles.copy()
    pane.text._titles[i] = "<b>bold</b> <img src=x>"
    tip = pane.text.tooltip(i)
    assert "&lt;b&gt;bold&lt;/b&gt; &lt;img src=x&gt;" in tip and "<img" not in tip


def test_disputed_facts_are_marked_and_labelled_first(make_pane, default_dataset):
    pane, _ = make_pane(default_dataset)
    disputed = [i for i, event_id in enumerate(pane.model.ids) if event_id in default_dataset.disputed_targets]
    for i in disputed:
        assert pane.model.priority[i] & 1
    ranks = pane.model.rank
    plain = [i for i in range(len(pane.model)) if pane.model.priority[i] == 0]
    if disputed and plain:
        assert max(ranks[disputed]) < min(ranks[plain])


def test_theme_change_redraws_bigger(make_pane, valid_dataset):
    pane, _ = make_pane(valid_dataset)
    small = pane.view.marker, pane.view.line_h
    themes().set_theme(PROJECTOR_DARK)
    assert pane.view.marker > small[0] and pane.view.line_h > small[1]
    image = pane.view.grab().toImage()
    assert image.pixelColor(5, 5).lightness() < 60  # dark background


@pytest.mark.parametrize("size", [(1920, 420), (1280, 260)])
def test_default_dataset_labels_never_overlap(make_pane, default_dataset, size):
    pane, _ = make_pane(default_dataset, *size)
    layout = pane.view.current_layout()
    assert layout.drawn + layout.aggregated + layout.off_screen == len(default_dataset.events)
    assert layout.labels, "some titles must be readable"
    rects = [pane.view.label_rect(label.index) for label in layout.labels]
    for k, a in enumerate(rects):
        assert a.bottom() <= pane.view.height() and a.left() >= 0
        for b in rects[k + 1:]:
            assert not a.intersects(b)


# ---- classroom mode: legible from the back of the room -------------------------------------------
def present(qtbot, pane, height: int) -> None:
    """Apply the projector theme as classroom mode does for a slide `height` pixels high."""
    from desktop.ui.presentation import presentation_theme

    themes().set_theme(presentation_theme("light", 1.0, height))
    qtbot.waitUntil(lambda: pane.view.height() == pane.height())  # the filter bar's row went to the lanes


def test_presenting_hides_the_filter_bar_and_the_filters_still_apply(qtbot, make_pane, default_dataset):
    pane, state = make_pane(default_dataset, 1024, 320)
    lane = default_dataset.categories[0]
    state.set_filters(Filters(categories=frozenset({lane})), "citations")
    shown = int(pane.view.mask.sum())
    assert 0 < shown < len(default_dataset.events)
    present(qtbot, pane, 768)
    assert pane.bar.isHidden()
    assert int(pane.view.mask.sum()) == shown
    themes().set_theme(LIGHT)
    assert pane.bar.isVisible()


@pytest.mark.parametrize("width, height", [(1024, 300), (1280, 280), (1920, 420)])
def test_presenting_lane_names_are_whole(qtbot, make_pane, default_dataset, width, height):
    pane, _ = make_pane(default_dataset, width, height)
    present(qtbot, pane, {1024: 768, 1280: 720, 1920: 1080}[width])
    view = pane.view
    room = view.gutter_width() - (14 + view.marker) - 4
    for lane in range(len(view.model.lanes)):
        lines = view.lane_name_lines(lane)
        assert " ".join(lines) == view.text.lane_name(lane)  # nothing cut off …
        assert all(view.fm_bold.horizontalAdvance(line) <= room for line in lines)  # … nothing elided
        assert len(lines) * view.fm_bold.lineSpacing() <= view.lane_height(lane)


@pytest.mark.parametrize("width, height", [(1024, 300), (1280, 280)])
def test_presenting_steps_between_two_facts_of_one_month_show_each_named(qtbot, make_pane, default_dataset, width,
                                                                         height):
    # who-says-so steps 7 and 8: two facts of Nov 2019 in one lane.
    pane, state = make_pane(default_dataset, width, height)
    present(qtbot, pane, {1024: 768, 1280: 720}[width])
    view = pane.view
    shown_titles = []
    for event_id in ("cartels-plan-own-fentanyl", "official-warns-obliterate-market"):
        state.set_focus(event_id, "presentation")
        index = index_of(pane, event_id)
        layout = view.current_layout()
        assert index in layout.markers.tolist()  # drawn on its own …
        assert all(index not in agg.members for agg in layout.aggregates)  # … never inside a grouped mark
        label = view.label_rect(index)
        assert label is not None and view.rect().contains(label.toRect())
        date_w = view.fm_bold.horizontalAdvance(view.text.date_label(index) + "  ")
        title = view.fm_bold.elidedText(view.text.title(index), Qt.TextElideMode.ElideRight, label.width() - date_w)
        assert len(title.rstrip("…")) >= 25, title  # enough of the title to tell the two apart
        shown_titles.append(title)
    assert shown_titles[0] != shown_titles[1]


def test_presenting_focus_ring_is_edged_so_it_shows_on_any_colour(qtbot, make_pane, default_dataset):
    pane, state = make_pane(default_dataset, 1024, 300)
    present(qtbot, pane, 768)
    state.set_focus("cartels-plan-own-fentanyl", "presentation")
    point = pane.view.marker_point(index_of(pane, "cartels-plan-own-fentanyl"))
    image = pane.view.grab().toImage()
    # Along a line out from the marker's centre: the highlight, then the dark edge, then the background.
    colours = [image.pixelColor(int(point.x()), int(point.y() - dy)) for dy in range(0, int(pane.view.marker * 2))]
    highlight = [c for c in colours if c.name().upper() == themes().theme.highlight]
    assert highlight, [c.name() for c in colours]
    assert any(c.lightness() < 40 for c in colours[colours.index(highlight[-1]):])


# ---- no repeated work: what a focus or view change lays out again -----------------------------------
@pytest.fixture
def layouts_built(monkeypatch):
    """Count the focus-free layouts the timeline computes (each one groups and labels every lane)."""
    from desktop.ui import timeline_view

    built: list[tuple] = []

    class Counting(timeline_view.LayoutCache):
        def __init__(self, *args, **kwargs):
            built.append(args[2])  # the view it is for
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(timeline_view, "LayoutCache", Counting)
    return built


def test_a_focus_change_keeps_the_layout_and_only_moves_the_ring_and_label(make_pane, default_dataset, layouts_built):
    pane, state = make_pane(default_dataset, 1920, 420)
    view = pane.view
    view.grab()
    layout = view.current_layout()
    left, right = view.plot_left(), view.plot_right()
    middle = [int(i) for i, x in zip(layout.markers, layout.marker_px) if left + 0.2 * (right - left) < x < right - 0.2 * (right - left)]
    assert len(middle) >= 3
    layouts_built.clear()
    for index in middle[:4]:
        state.set_focus(str(pane.model.ids[index]), "chart")
        view.grab()
        shown = view.current_layout()
        assert index in shown.markers.tolist() and shown.labels[0].index == index  # ringed and named first
    assert layouts_built == [], "a focus change laid the whole timeline out again"
    view.zoom(1.5)
    view.grab()
    view.grab()
    assert layouts_built == [view.view], "a zoom lays out once, however often it is painted"


def test_an_unchanged_filter_mask_keeps_the_layout(qtbot, make_pane, valid_dataset, layouts_built):
    pane, state = make_pane(valid_dataset)
    pane.view.grab()
    layouts_built.clear()
    pane.view.set_mask(pane.view.mask.copy())  # equal content, another array
    pane.view.grab()
    assert layouts_built == []
    qtbot.keyClicks(pane.bar.search, "oxy")
    qtbot.waitUntil(lambda: count_text(pane).startswith("1 of"))
    pane.view.grab()
    assert layouts_built and pane.view.current_layout().drawn == 1


@pytest.fixture
def painted(monkeypatch):
    """Record what the timeline paints: ("backdrop",), ("under",) and ("lane", lane, focus) per layer painted."""
    from desktop.ui import timeline_paint

    calls: list[tuple] = []
    real_backdrop, real_under, real_lane = (timeline_paint.paint_backdrop, timeline_paint.paint_under,
                                            timeline_paint.paint_lane)
    monkeypatch.setattr(timeline_paint, "paint_backdrop", lambda view, p: (calls.append(("backdrop",)),
                                                                          real_backdrop(view, p)))
    monkeypatch.setattr(timeline_paint, "paint_under", lambda view, p, layout: (calls.append(("under",)),
                                                                               real_under(view, p, layout)))
    monkeypatch.setattr(timeline_paint, "paint_lane", lambda view, p, layout, lane, parts: (
        calls.append(("lane", lane, view.focus_index)), real_lane(view, p, layout, lane, parts)))
    return calls


def lanes_painted(calls) -> list[int]:
    return sorted(call[1] for call in calls if call[0] == "lane")


def test_a_repaint_with_nothing_changed_paints_from_the_kept_picture(qtbot, make_pane, valid_dataset, painted):
    pane, state = make_pane(valid_dataset)
    view = pane.view
    first = view.grab().toImage()
    painted.clear()
    again = view.grab().toImage()
    assert painted == [] and again == first  # an expose shows the same picture without painting it again
    index = index_of(pane, "oxycontin-launch")
    state.set_focus("oxycontin-launch", "chart")
    focused = view.grab().toImage()
    assert ("lane", int(pane.model.lane[index]), index) in painted and focused != first  # a focus change is painted
    painted.clear()
    view.hover = ("item", index)
    view.grab()
    assert lanes_painted(painted) == [int(pane.model.lane[index])]  # so is a hover, in its lane


def test_a_focus_change_repaints_only_the_lane_of_the_new_focus(qtbot, make_pane, default_dataset, painted):
    """The lane names, axis, grid and the other lanes are kept pictures: moving the focus within the
    view repaints only the lane it enters (the lane it leaves shows its kept plain picture again),
    and the picture equals a fresh paint."""
    pane, state = make_pane(default_dataset, 1920, 420)
    view = pane.view
    view.grab()
    lanes = pane.model.lane
    layout = view.current_layout()
    by_lane: dict[int, int] = {}
    for index in layout.markers.tolist():
        by_lane.setdefault(int(lanes[index]), index)
    assert len(by_lane) >= 3
    (lane_a, a), (lane_b, b) = sorted(by_lane.items())[:2]
    painted.clear()
    state.set_focus(str(pane.model.ids[a]), "chart")
    view.grab()
    assert view.view == layout.view, "the focus was in view: the view must not move for this test"
    assert painted == [("lane", lane_a, a)]
    painted.clear()
    state.set_focus(str(pane.model.ids[b]), "chart")
    kept = view.grab().toImage()
    assert lanes_painted(painted) == [lane_b] and ("under",) not in painted
    fresh = TimelinePane(default_dataset, state)  # the same state, painted from nothing
    qtbot.addWidget(fresh)
    fresh.resize(pane.size())
    fresh.show()
    qtbot.waitExposed(fresh)
    assert fresh.view.view == view.view
    assert fresh.view.grab().toImage() == kept


def test_a_focused_values_period_is_drawn_over_the_kept_layers(qtbot, make_pane, default_dataset, painted):
    """Focusing a chart value tints its period across the lanes without painting any layer again."""
    pane, state = make_pane(default_dataset, 1920, 420)
    view = pane.view
    plain = view.grab().toImage()
    row = default_dataset.observations.iloc[len(default_dataset.observations) // 2]
    painted.clear()
    before = view.view
    state.set_focus(f"{row['series_id']}@{row['period']}", "chart")
    tinted = view.grab().toImage()
    assert view.highlight_span is not None
    x = int(round(view.x_of(sum(view.highlight_span) / 2)))
    y = int(view.lane_top(1) + view.lane_height(1) - 3)  # low in a lane, where no fact is drawn
    assert tinted.pixelColor(x, y) != plain.pixelColor(x, y)
    assert view.view == before, "the value was in view: the view must not move for this test"
    assert painted == []  # nothing is painted again: the tint goes over the kept layers
    painted.clear()
    view.zoom(1.5)
    view.grab()
    assert ("under",) in painted and ("backdrop",) not in painted
    assert lanes_painted(painted) == list(range(len(pane.model.lanes)))  # a zoom repaints every lane


def test_grouped_marks_show_their_counts_where_they_fit(qtbot, make_pane, default_dataset, monkeypatch):
    pane, state = make_pane(default_dataset, 1920, 420)
    view = pane.view
    written: list[str] = []
    real = view.static_text
    monkeypatch.setattr(view, "static_text", lambda text: (written.append(text), real(text))[1])
    view.resize(view.width() + 1, view.height())  # a new size paints every lane again
    view.grab()
    aggs = view.current_layout().aggregates
    assert len(aggs), "the default dataset groups some facts at full view"
    assert written, "no group count was written"
    assert set(written) <= {str(a.count) for a in aggs}  # each written count is a group's
    digit = view.fm_small.horizontalAdvance("0")
    wide = [a for a in aggs if a.px1 - a.px0 + view.marker >= digit * len(str(a.count)) + 8]
    assert 0 < len(wide) < len(aggs), "the view must have groups with and without room for their count"
    assert len(written) == len(wide)  # every group wide enough for its count shows it, no other


def test_a_focus_that_moves_the_view_repaints_each_lane_once_into_its_kept_layer(
        qtbot, make_pane, default_dataset, painted, monkeypatch):
    """A focus out of view pans to it: the backdrop (names, key) is kept, the axis layer and every
    lane are painted once, into the layers they already had (no new pixmaps: only a new size or
    look makes them)."""
    from desktop.ui.timeline_layers import TimelineLayers

    pane, state = make_pane(default_dataset, 1920, 420)
    view = pane.view
    view.set_view(2016.3, 2017.3)
    view.grab()
    outside = [i for i in range(len(pane.model)) if pane.model.pos[i] > 2020]
    assert outside
    made: list = []
    real_new = TimelineLayers._new
    monkeypatch.setattr(TimelineLayers, "_new", lambda self, *a: (made.append(a), real_new(self, *a))[1])
    painted.clear()
    before = view.view
    state.set_focus(str(pane.model.ids[outside[0]]), "chart")
    kept = view.grab().toImage()
    assert view.view != before, "the focus was out of view: the view must move for this test"
    assert ("backdrop",) not in painted and painted.count(("under",)) == 1
    assert lanes_painted(painted) == list(range(len(pane.model.lanes)))  # each lane once
    assert made == []
    fresh = TimelinePane(default_dataset, state)  # the same state, painted from nothing
    qtbot.addWidget(fresh)
    fresh.resize(pane.size())
    fresh.show()
    qtbot.waitExposed(fresh)
    fresh.view.set_view(*view.view, emit=False)
    assert fresh.view.grab().toImage() == kept


def test_each_facts_source_words_name_the_claim_types_of_all_its_citations(make_pane, default_dataset):
    """What a tooltip and a screen reader say under "Sources:", read from the fact's own citations."""
    from desktop.dataset.contract import CLAIM_TYPES
    from desktop.ui.theme import claim_type_label

    pane, _ = make_pane(default_dataset)
    cites = default_dataset.citations
    for i, event_id in enumerate(pane.model.ids):
        own = set(cites.loc[cites["target"] == event_id, "claim_type"])
        assert pane.text.claim_words(i) == [claim_type_label(c) for c in CLAIM_TYPES if c in own], event_id
