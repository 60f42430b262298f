"""Group boxes and period bands are axis-aligned: drawn on whole pixels with crisp, whole-pixel
outlines (no antialiased edge half-way between two pixels), on a desk and on a projector."""
from __future__ import annotations

import math

import pytest

from desktop.state import SelectionState
from desktop.ui.theme import LIGHT, PROJECTOR_LIGHT, themes
from desktop.ui.timeline_paint import count_box_half
from desktop.ui.timeline_pane import TimelinePane
from desktop.ui.timeline_view import category_colour


@pytest.fixture
def make_pane(qtbot, app_font):
    def make(dataset, width=1920, height=420):
        pane = TimelinePane(dataset, SelectionState())
        qtbot.addWidget(pane)
        pane.resize(width, height)
        pane.show()
        qtbot.waitExposed(pane)
        return pane
    yield make
    themes().set_theme(LIGHT)


def _rgb(image, x: int, y: int) -> int:
    return image.pixelColor(x, y).rgb()


@pytest.mark.parametrize("theme, line", [(LIGHT, 1), (PROJECTOR_LIGHT, 2)])
def test_group_boxes_have_whole_pixel_outlines_in_the_lane_colour(make_pane, default_dataset, theme, line):
    themes().set_theme(theme)
    pane = make_pane(default_dataset)
    view = pane.view
    image = view.grab().toImage()
    aggs = view.current_layout().aggregates
    assert len(aggs), "the default dataset groups some facts at full view"
    r = view.marker / 2
    counted_half = count_box_half(view, line)  # a box with a count; a hatched one is a marker's height
    checked = 0
    for k in range(len(aggs)):
        agg = aggs[k]
        colour = category_colour(view.theme, agg.lane).rgb()
        y = view.marker_y(agg.lane)
        left, right = round(agg.px0 - r), round(agg.px1 + r)
        others = [aggs[j] for j in range(len(aggs)) if j != k and aggs[j].lane == agg.lane]
        if any(o.px1 + r >= left - 3 and o.px0 - r <= right + 3 for o in others):
            continue  # a touching neighbour shares the edge
        cx = left + line + 1  # near the corner, clear of a count
        top = round(y - counted_half) if _rgb(image, cx, round(y - counted_half)) == colour else round(y - r)
        for d in range(line):  # the outline: exactly the lane colour, `line` whole pixels thick
            assert _rgb(image, cx, top + d) == colour
            assert _rgb(image, left + d, round(y)) == colour
        assert _rgb(image, cx, top - 1) != colour and _rgb(image, left - 1, round(y)) != colour
        assert _rgb(image, left + line, top + line + 1) != colour  # inside: no thicker than `line`
        checked += 1
    assert checked >= 2


@pytest.mark.parametrize("theme, line", [(LIGHT, 1), (PROJECTOR_LIGHT, 2)])
def test_period_bands_have_whole_pixel_outlines_in_the_lane_colour(make_pane, default_dataset, theme, line):
    themes().set_theme(theme)
    pane = make_pane(default_dataset)
    view = pane.view
    image = view.grab().toImage()
    layout = view.current_layout()
    model = view.model
    checked = 0
    for index, a, b in zip(layout.bands.tolist(), layout.band_px0.tolist(), layout.band_px1.tolist()):
        lane = int(model.lane[index])
        if index == view.focus_index or a < layout.left + 10 or b - a < 40 or model.priority[index] & 1:
            continue  # a ring, the plot's edge or a dispute badge would cover an edge
        colour = category_colour(view.theme, lane).rgb()
        top = round(view.band_y(lane, int(model.band_row[index])))
        left = round(a)
        mid_x, mid_y = left + 20, top + math.floor(view.band_h() / 2)
        for d in range(line):
            assert _rgb(image, mid_x, top + d) == colour
            assert _rgb(image, left + d, mid_y) == colour
        assert _rgb(image, mid_x, top + line) != colour  # the body is see-through, not outline
        assert _rgb(image, left - 1, mid_y) != colour
        checked += 1
    assert checked >= 1


def _ink_columns(image, x0: int, x1: int, y0: int, y1: int) -> list[int]:
    """Columns in [x0, x1) with text's ink (a dark pixel) between rows y0 and y1."""
    return [x for x in range(x0, x1) if any(image.pixelColor(x, y).lightness() < 150 for y in range(y0, y1))]


@pytest.mark.parametrize("theme", [LIGHT, PROJECTOR_LIGHT])
def test_off_screen_counts_stand_clear_of_the_plot_edges(make_pane, default_dataset, theme):
    """"‹ 13" and "14 ›" start past half a marker beyond the plot (where a mark or group box at the
    edge ends), and the edge has room for five-digit counts (100,000 facts in a few lanes)."""
    themes().set_theme(theme)
    pane = make_pane(default_dataset, 1366, 330)
    view = pane.view
    view.set_view(2016.3, 2018.0)
    image = view.grab().toImage()
    layout = view.current_layout()
    clear = view.edge_clearance()
    assert clear >= view.marker / 2 + 3
    assert view.edge_width() >= view.fm_small.horizontalAdvance("‹ 99,999") + clear
    reach = view.marker / 2 + 1  # how far a mark or group box at the edge may reach (and its outline)
    sides = 0
    for lane in range(len(view.model.lanes)):
        y, half = view.marker_y(lane), int(view.fm_small.ascent() / 3)  # the digits, not a band below
        rows = (int(y) - half, int(y) + half)
        if layout.off_right[lane]:
            cols = _ink_columns(image, math.ceil(layout.right + reach), view.width() - 3, *rows)
            assert cols and cols[0] >= layout.right + clear
            sides |= 1
        if layout.off_left[lane]:
            cols = _ink_columns(image, int(view.gutter_width()), math.floor(layout.left - reach), *rows)
            assert cols and cols[-1] <= layout.left - clear
            sides |= 2
    assert sides == 3, "the view must have facts off both edges for this test"


@pytest.mark.parametrize("theme, line", [(LIGHT, 1), (PROJECTOR_LIGHT, 2)])
def test_a_count_stays_inside_its_box(make_pane, default_dataset, theme, line):
    themes().set_theme(theme)
    pane = make_pane(default_dataset, width=1600)
    view = pane.view
    image = view.grab().toImage()
    aggs = view.current_layout().aggregates
    r = view.marker / 2
    half = count_box_half(view, line)
    counted = 0
    for k in range(len(aggs)):
        agg = aggs[k]
        colour = category_colour(view.theme, agg.lane).rgb()
        y = view.marker_y(agg.lane)
        left, right = round(agg.px0 - r), round(agg.px1 + r)
        top, bottom = round(y - half), round(y + half) - 1
        if _rgb(image, left + line + 1, top) != colour:
            continue  # hatched: no count
        counted += 1
        for x in range(left + line + 1, right - line - 1):  # the outline is whole across the count
            for d in range(line):
                assert _rgb(image, x, top + d) == colour, (agg.count, x)
                assert _rgb(image, x, bottom - d) == colour, (agg.count, x)
    assert counted >= 1


@pytest.mark.parametrize("theme, line, width", [(LIGHT, 1, 1366), (PROJECTOR_LIGHT, 2, 1280)])
def test_counted_groups_that_touch_have_a_wall_between_their_counts(make_pane, default_dataset, theme, line, width):
    """Two counted boxes side by side read as two groups ("3 | 6"), not as one box saying "3 6"."""
    themes().set_theme(theme)
    pane = make_pane(default_dataset, width=width)
    view = pane.view
    image = view.grab().toImage()
    aggs = view.current_layout().aggregates
    r = view.marker / 2
    half = count_box_half(view, line)
    counted = []
    for k in range(len(aggs)):
        agg = aggs[k]
        y = view.marker_y(agg.lane)
        if _rgb(image, round(agg.px0 - r) + line + 1, round(y - half)) == category_colour(view.theme, agg.lane).rgb():
            counted.append(agg)  # its outline runs at a count's height: a box with a count
    pairs = [(a, b) for a, b in zip(counted, counted[1:]) if a.lane == b.lane and a.px1 + r >= b.px0 - r]
    assert pairs, "the default dataset has counted groups side by side at this width"
    for a, b in pairs:
        colour = category_colour(view.theme, a.lane).rgb()
        y = round(view.marker_y(a.lane))
        between = range(round((a.px0 + a.px1) / 2) + 4, round((b.px0 + b.px1) / 2) - 4)  # clear of the counts' middles
        wall = [x for x in between if _rgb(image, x, y) == colour]
        assert len(wall) == line, (a.count, b.count, wall)  # one wall, `line` pixels thick
