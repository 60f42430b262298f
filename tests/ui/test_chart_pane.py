"""The chart pane, driven as a user would: tick series, hover and click real points, follow the state."""
from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from desktop.dataset.filters import Filters
from desktop.state import SelectionState
from desktop.ui.chart_pane import ChartPane
from desktop.ui.theme import LIGHT, PROJECTOR_DARK, themes
from test_chart_support import EVIL, chart_dataset


@pytest.fixture
def state():
    return SelectionState()


@pytest.fixture
def pane(qtbot, state):
    widget = ChartPane(chart_dataset(), state)
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.canvas._legend_fit == widget.canvas._legend_columns())
    yield widget
    themes().set_theme(LIGHT)


def point_pos(pane: ChartPane, series_id: str, period: str) -> QPoint:
    """Where a value is drawn, in the plot view's viewport coordinates."""
    row, drawn = pane.canvas.drawn_of(series_id)
    i = drawn.series.index_of(period)
    scene = drawn.vb.mapViewToScene(QPointF(drawn.series.x[i], drawn.y[i]))
    return pane.view.mapFromScene(scene)


def hover(qtbot, pane, pos: QPoint) -> None:
    """Move the pointer onto `pos`, as the window system reports it to the chart's viewport.

    The move is sent to the viewport itself, not through QTest's global mouse state, which an earlier
    test elsewhere in the session can leave believing a button is held (moves then go to that widget).
    """
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    viewport = pane.view.viewport()
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(pos), QPointF(viewport.mapToGlobal(pos)),
                        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, event)


def test_starts_with_the_first_group_ticked(pane):
    assert pane.checked_series() == ["deaths", "opioid-deaths"]
    assert len(pane.canvas.rows) == 1
    assert not pane.canvas.rows[0].plot.getAxis("right").isVisible()


def test_a_second_unit_goes_on_a_right_axis(pane):
    pane.set_series_checked("seizures", True)
    assert len(pane.canvas.rows) == 1
    row = pane.canvas.rows[0]
    assert row.units == {"left": "deaths", "right": "pounds"}
    assert row.plot.getAxis("right").isVisible()
    _, drawn = pane.canvas.drawn_of("seizures")
    assert drawn.vb is row.right and drawn.side == "right"
    _, deaths = pane.canvas.drawn_of("deaths")
    assert deaths.vb is row.plot.vb
    names = [label.text for _, label in pane.canvas.legend.items]
    assert any("Fentanyl seized (pounds, right axis)" in n for n in names)
    assert any("Overdose deaths (deaths, left axis)" in n for n in names)


def test_a_third_unit_opens_a_second_chart_sharing_the_time_axis(pane):
    pane.set_series_checked("seizures", True)
    pane.set_series_checked("scripts", True)
    rows = pane.canvas.rows
    assert len(rows) == 2
    assert rows[1].units == {"left": "prescriptions"}
    assert pane.canvas.drawn_of("scripts")[0] is rows[1]
    rows[0].plot.vb.setXRange(2016, 2019, padding=0)
    assert rows[1].plot.vb.viewRange()[0] == pytest.approx([2016, 2019])
    # Deaths and pounds never share a scale: each value box holds one unit only.
    for row in rows:
        for vb in (row.plot.vb, row.right):
            units = {d.series.unit for d in row.drawn if d.vb is vb}
            assert len(units) <= 1


def test_hover_shows_crosshair_and_tooltip_with_period_value_and_source(qtbot, pane):
    hover(qtbot, pane, point_pos(pane, "deaths", "2018"))
    qtbot.waitUntil(lambda: pane.hover_text() != "")
    text = pane.hover_text()
    assert "Overdose deaths" in text
    assert "2018: 46,802 deaths" in text
    assert "Source: Centers for Disease Control and Prevention" in text
    assert any(line.isVisible() for _, line in pane.canvas._crosshair)


def test_hover_names_fiscal_years_and_qualifiers_in_words(qtbot, pane):
    pane.set_series_checked("seizures", True)
    hover(qtbot, pane, point_pos(pane, "seizures", "2018"))
    qtbot.waitUntil(lambda: "FY2018" in pane.hover_text())
    assert "FY2018: at least 2,000 pounds" in pane.hover_text()
    assert "Source: U.S. Customs and Border Protection" in pane.hover_text()
    hover(qtbot, pane, point_pos(pane, "deaths", "2019"))
    qtbot.waitUntil(lambda: "2019:" in pane.hover_text())
    assert "2019: approximately 49,860 deaths" in pane.hover_text()
    hover(qtbot, pane, point_pos(pane, "deaths", "2020"))
    qtbot.waitUntil(lambda: "2020:" in pane.hover_text())
    assert "2020: 68,630 deaths (provisional)" in pane.hover_text()


def test_hover_over_empty_space_shows_no_tooltip(qtbot, pane):
    hover(qtbot, pane, point_pos(pane, "deaths", "2018"))
    qtbot.waitUntil(lambda: pane.hover_text() != "")
    hover(qtbot, pane, QPoint(5, 5))
    qtbot.waitUntil(lambda: pane.hover_text() == "")


def test_markup_in_titles_is_shown_literally(qtbot, pane):
    pane.set_series_checked("evil", True)
    hover(qtbot, pane, point_pos(pane, "evil", "2018"))
    qtbot.waitUntil(lambda: "5 cases" in pane.hover_text())
    assert EVIL in pane.hover_text()
    assert "Source: <b>Lab</b> report on prescriptions" in pane.hover_text()
    assert any(EVIL in label.item.toPlainText() for _, label in pane.canvas.legend.items)


def test_clicking_a_point_focuses_that_value(qtbot, pane, state):
    with qtbot.waitSignal(state.focus_changed) as signal:
        qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=point_pos(pane, "deaths", "2017"))
    assert signal.args == ["deaths@2017", "chart"]
    assert state.focus == "deaths@2017"
    assert pane.canvas.ring == ("deaths", 2)


def test_non_exact_values_are_hollow_and_dashed_and_explained(pane):
    _, drawn = pane.canvas.drawn_of("deaths")
    pens = [item.opts["pen"] for item in drawn.items if item.opts["pen"] is not None]
    styles = {pg.mkPen(p).style() for p in pens}
    assert Qt.PenStyle.DashLine in styles and Qt.PenStyle.SolidLine in styles
    hollow = [item for item in drawn.items if item.opts.get("symbol") and item.opts["symbolBrush"] is not None
              and pg.mkBrush(item.opts["symbolBrush"]).color().name() == LIGHT.background.lower()]
    assert len(hollow) == 1 and len(hollow[0].xData) == 2
    names = [label.text for _, label in pane.canvas.legend.items]
    assert any(n.startswith("Hollow, dashed: appro") for n in names), names


def test_an_outside_event_focus_shows_a_line_and_brings_it_into_view(qtbot, pane, state):
    pane.canvas.set_x_range(2015, 2016.5)
    state.set_focus("law-passed", "timeline")
    lines = [item for _, item in pane.canvas.rows[0].overlays if isinstance(item, pg.InfiniteLine)]
    assert len(lines) == 1 and lines[0].value() == pytest.approx(2018.2, abs=0.01)
    lo, hi = pane.canvas.x_range()
    assert lo <= lines[0].value() <= hi
    labels = [item for _, item in pane.canvas.rows[0].overlays if isinstance(item, pg.TextItem)]
    assert labels and labels[0].textItem.toPlainText() == "A law is passed"


def test_an_outside_period_focus_shows_a_shaded_band(pane, state):
    state.set_focus("wave", "timeline")
    regions = [item for _, item in pane.canvas.rows[0].overlays if isinstance(item, pg.LinearRegionItem)]
    assert len(regions) == 1
    assert regions[0].getRegion() == pytest.approx((2013.0, 2017.0), abs=0.01)
    state.set_focus("", "timeline")
    assert not [item for _, item in pane.canvas.rows[0].overlays if isinstance(item, pg.LinearRegionItem)]


def test_focusing_a_value_of_a_hidden_series_shows_it_with_a_ring(pane, state):
    assert "scripts" not in pane.checked_series()
    state.set_focus("scripts@2018-03", "presentation")
    assert "scripts" in pane.checked_series()
    assert pane.canvas.ring == ("scripts", 2)
    row, drawn = pane.canvas.drawn_of("scripts")
    rings = [(vb, item) for vb, item in row.overlays if isinstance(item, pg.ScatterPlotItem)]
    assert len(rings) == 1 and rings[0][0] is drawn.vb
    lo, hi = pane.canvas.x_range()
    assert lo <= 2018.2 <= hi


def test_focusing_a_series_ticks_it(pane, state):
    state.set_focus("seizures", "citations")
    assert "seizures" in pane.shown_series()


def test_reveal_hides_later_values_and_none_shows_all(qtbot, pane):
    pane.set_reveal_until(2017.0)
    _, drawn = pane.canvas.drawn_of("deaths")
    assert drawn.count == 3  # 2015, 2016, 2017 have begun by 1 Jan 2017
    assert max(len(item.xData) for item in drawn.items) == 3
    pane.set_reveal_until(None)
    assert pane.canvas.drawn_of("deaths")[1].count == 6


def test_log_scale_toggle(pane):
    pane.log_action.trigger()
    assert pane.canvas.rows[0].plot.getAxis("left").logMode
    _, drawn = pane.canvas.drawn_of("deaths")
    assert drawn.y[0] == pytest.approx(4.5197, abs=1e-3)
    pane.log_action.trigger()
    assert pane.canvas.drawn_of("deaths")[1].y[0] == 33091


def test_filtered_events_show_as_markers_and_source_filter_limits_series(pane, state):
    ticks = pane.canvas.rows[0].ticks
    assert ticks is not None and len(ticks.xvals) == 3 and ticks.getViewBox() is pane.canvas.rows[0].plot.vb
    state.set_filters(Filters(categories=frozenset({"Policy"})), "timeline")
    assert len(pane.canvas.rows[0].ticks.xvals) == 2  # only the filtered events are ticked
    assert list(pane._event_ids) == list(pane.dataset.events.index[pane.dataset.events["category"] == "Policy"])
    state.set_filters(Filters(source_id="cbp"), "citations")
    assert pane.shown_series() == ["seizures"]
    assert [s.series_id for s in pane.canvas.series] == ["seizures"]
    state.set_filters(Filters(), "citations")
    assert pane.shown_series() == ["deaths", "opioid-deaths"]


def test_event_marker_titles_appear_on_hover(qtbot, pane):
    pane.canvas.set_x_range(2014, 2021)
    vb = pane.canvas.rows[0].plot.vb
    (_, _), (y0, y1) = vb.viewRange()
    x = pane.canvas.event_xs[list(pane._event_ids).index("evil-event")]
    pos = pane.view.mapFromScene(vb.mapViewToScene(QPointF(x, y1 - (y1 - y0) * 0.03)))
    hover(qtbot, pane, pos)
    qtbot.waitUntil(lambda: EVIL in pane.hover_text())


def test_linked_range_follows_the_timeline_and_publishes_its_own(qtbot, pane, state):
    assert pane.link_action.isChecked()
    state.set_time_range(2016.0, 2019.0, "timeline")
    assert pane.canvas.rows[0].plot.vb.viewRange()[0] == pytest.approx([2016.0, 2019.0])
    assert state.time_range == (2016.0, 2019.0)  # following is not publishing back
    with qtbot.waitSignal(state.range_changed) as signal:
        pane.canvas.rows[0].plot.vb.translateBy(x=0.5)  # a pan, as a drag would do
    assert signal.args[2] == "chart"
    assert state.time_range == pytest.approx((2016.5, 2019.5))
    pane.link_action.trigger()
    state.set_time_range(2000.0, 2001.0, "timeline")
    assert pane.canvas.rows[0].plot.vb.viewRange()[0] == pytest.approx([2016.5, 2019.5])


def test_wheel_zoom_publishes_the_range(qtbot, pane, state):
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    before = pane.canvas.x_range()
    pos = QPointF(point_pos(pane, "deaths", "2017"))
    event = QWheelEvent(pos, pane.view.viewport().mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    with qtbot.waitSignal(state.range_changed):
        QApplication.sendEvent(pane.view.viewport(), event)
    after = state.time_range
    assert after[1] - after[0] < before[1] - before[0]


def test_link_setting_is_read_and_saved(qtbot, state, tmp_path):
    from desktop import settings as keys
    from desktop.settings import Settings

    store = Settings(tmp_path / "settings.json")
    store.set(keys.LINK_CHART_TO_TIMELINE, False)
    widget = ChartPane(chart_dataset(), state, settings=store)
    qtbot.addWidget(widget)
    assert not widget.link_action.isChecked()
    widget.link_action.trigger()
    assert Settings(tmp_path / "settings.json").get(keys.LINK_CHART_TO_TIMELINE) is True


def test_theme_change_redraws_bigger_and_dark(qtbot, pane):
    themes().set_theme(PROJECTOR_DARK)
    _, drawn = pane.canvas.drawn_of("deaths")
    assert pg.mkPen(drawn.items[0].opts["pen"]).widthF() == PROJECTOR_DARK.line_width
    assert pane.view.backgroundBrush().color().name() == "#000000"
    font = pane.canvas.rows[0].plot.getAxis("left").style["tickFont"]
    assert font.pointSizeF() == pytest.approx(PROJECTOR_DARK.point_size(0.9))
    hover(qtbot, pane, point_pos(pane, "deaths", "2018"))
    qtbot.waitUntil(lambda: "46,802" in pane.hover_text())


# ---- the legend's room, and classroom mode -----------------------------------------------------
def present(qtbot, pane) -> None:
    from desktop.ui.presentation import presentation_theme

    themes().set_theme(presentation_theme("light", 1.0, 768))
    qtbot.waitUntil(lambda: pane.key.isVisible())


def test_presenting_hides_the_list_and_toolbar_and_keys_the_series_beside_the_plot(qtbot, pane, state):
    present(qtbot, pane)
    assert pane.series_list.isHidden() or not pane.series_list.isVisible()
    assert pane.toolbar.isHidden()
    assert not pane.canvas.legend.isVisible()
    # The plot starts at the top: the hidden legend keeps no row.
    assert pane.canvas.rows[0].plot.geometry().top() < pane.view.height() * 0.1
    assert list(pane.key.entries) == pane.shown_series()
    assert [label.text() for label in pane.key.entries.values()] == ["Overdose deaths", "Opioid deaths"]
    state.set_focus("deaths@2018", "presentation")
    assert pane.key.entries["deaths"].font().bold() and not pane.key.entries["opioid-deaths"].font().bold()
    themes().set_theme(LIGHT)
    assert pane.series_list.isVisible() and pane.toolbar.isVisible() and not pane.key.isVisible()


def test_presenting_names_the_marked_event_in_full_beside_the_plot(qtbot, pane, state):
    present(qtbot, pane)
    state.set_focus("law-passed", "presentation")
    assert pane.key.marked.isVisible() and "A law is passed" in pane.key.marked.label.text()
    assert pane.canvas.marker is not None and pane.canvas.marker_label == ""  # nothing to cut off in the plot
    state.set_focus("deaths@2018", "presentation")
    assert not pane.key.marked.isVisible()


def test_reveal_keeps_the_value_axis_where_every_value_puts_it(qtbot, pane):
    pane.set_reveal_until(2016.0)  # 2015 and 2016 show; the rise after them must not show as empty room
    _, drawn = pane.canvas.drawn_of("deaths")
    assert drawn.count == 2
    pane.resize(1000, 600)  # the chart lays out and fits its axes again, as it does on every step
    qtbot.waitUntil(lambda: pane.view.width() < 1000)
    vb = pane.canvas.rows[0].plot.vb
    vb.updateAutoRange()
    low, high = vb.viewRange()[1]
    assert high >= float(drawn.series.y.max())  # 68,630 in 2020, not yet shown, still has its room
    assert low <= 20000.0
    pane.set_reveal_until(None)
    assert pane.canvas.rows[0].plot.vb.state["autoRange"][1]  # showing everything, the axis fits again


def test_a_short_plot_leaves_the_legend_to_the_series_list(qtbot, state):
    widget = ChartPane(chart_dataset(), state)
    qtbot.addWidget(widget)
    widget.resize(760, 330)  # a 1280×720 window's chart
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: not widget.canvas.legend.isVisible())
    assert widget.hollow_note.isVisible()  # what hollow marks mean is still said, under the list
    assert widget.canvas.rows[0].plot.geometry().top() < 30
    widget.resize(1100, 900)  # room enough: the legend comes back inside the plot
    qtbot.waitUntil(lambda: widget.canvas.legend.isVisible())
    assert not widget.hollow_note.isVisible()


def test_the_event_title_stays_inside_the_plot_near_its_right_edge(qtbot, pane, state):
    pane.canvas.set_x_range(2010.0, 2018.4)
    state.set_focus("law-passed", "timeline")  # at 2018.2: little room on the right
    row = pane.canvas.rows[0]
    label = next(item for _, item in row.overlays if isinstance(item, pg.TextItem))
    assert label.textItem.toPlainText() == "A law is passed"
    plot = row.plot.vb.sceneBoundingRect()
    shown = label.mapRectToScene(label.boundingRect())
    assert plot.left() - 1 <= shown.left() and shown.right() <= plot.right() + 1
