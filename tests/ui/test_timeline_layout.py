"""The timeline's pure layout: nothing dropped at any zoom, labels never overlap, ticks adapt."""
from __future__ import annotations

import numpy as np
import pytest

from desktop.ui.timeline_axis import axis_ticks
from desktop.ui.timeline_layout import PERIOD, POINT, STATEMENT, TimelineModel, compute_layout


def make_model(n: int, seed: int = 3, lanes: int = 4) -> TimelineModel:
    rng = np.random.default_rng(seed)
    x0 = np.sort(rng.uniform(1990, 2025, n))
    kind = rng.choice([POINT, PERIOD, STATEMENT], n, p=[0.8, 0.1, 0.1]).astype(np.int8)
    length = np.where(kind == PERIOD, rng.uniform(0.1, 6, n), rng.choice([1 / 365, 1 / 12, 1.0], n))
    return TimelineModel(
        ids=np.array([f"e{i}" for i in range(n)], dtype=object), kind=kind, x0=x0, x1=x0 + length,
        open_ended=np.zeros(n, dtype=bool), lane=rng.integers(0, lanes, n), lanes=[f"c{k}" for k in range(lanes)],
        priority=rng.choice([0, 1, 2, 3], n, p=[0.85, 0.05, 0.05, 0.05]),
    )


def accounted(layout) -> np.ndarray:
    """Every model index the layout draws or counts in an aggregate (off-screen are counted, not listed)."""
    members = [a.members for a in layout.aggregates]
    return np.concatenate([layout.markers, layout.bands, *members]).astype(np.int64)


VIEWS = [(1900, 2100), (1990, 2026), (2005, 2010), (2018, 2019), (2018.5, 2018.6), (2018.50, 2018.506), (1800, 1850)]


@pytest.mark.parametrize("n", [0, 1, 40, 5_000])
@pytest.mark.parametrize("view", VIEWS)
def test_drawn_plus_aggregated_plus_off_screen_equals_the_filter_count(n, view):
    model = make_model(n)
    mask = np.random.default_rng(n).random(n) < 0.7
    layout = compute_layout(model, mask, view, 200.0, 1700.0, gap=12.0, label_rows=3,
                            label_width=lambda i: 150.0, focus=int(np.flatnonzero(mask)[0]) if mask.any() else -1)
    assert layout.drawn + layout.aggregated + layout.off_screen == mask.sum() == layout.shown
    listed = accounted(layout)
    assert len(np.unique(listed)) == len(listed), "a fact is drawn twice"
    assert mask[listed].all(), "a filtered-out fact is drawn"
    # Everything listed is in view: a marker by its position, a band by its extent.
    marks = np.concatenate([layout.markers, *[a.members for a in layout.aggregates]]).astype(np.int64)
    assert ((model.pos[marks] >= view[0]) & (model.pos[marks] <= view[1])).all()
    assert ((model.x1[layout.bands] >= view[0]) & (model.x0[layout.bands] <= view[1])).all()


def test_close_markers_are_aggregated_and_far_ones_are_not():
    model = make_model(2_000, lanes=1)
    mask = np.ones(len(model), dtype=bool)
    wide = compute_layout(model, mask, (1990, 2026), 0.0, 1000.0, gap=10.0, label_rows=0)
    assert wide.aggregates, "2,000 facts in 1,000 pixels must be grouped"
    px = np.sort(wide.marker_px)
    assert len(px) < 1000 / 10 * 2
    # Singles that remain stand apart from every other drawn mark.
    for agg in wide.aggregates:
        assert agg.count >= 2
    near = compute_layout(model, mask, (2000.0, 2000.05), 0.0, 1000.0, gap=10.0, label_rows=0)
    assert not near.aggregates


def test_the_focused_fact_is_never_grouped():
    model = make_model(2_000, lanes=1)
    mask = np.ones(len(model), dtype=bool)
    layout = compute_layout(model, mask, (1990, 2026), 0.0, 1000.0, gap=10.0, label_rows=2,
                            label_width=lambda i: 80.0, focus=1000)
    assert 1000 in layout.markers.tolist() or 1000 in layout.bands.tolist()
    assert layout.labels[0].index == 1000


def test_labels_never_overlap_and_belong_to_drawn_facts():
    model = make_model(600)
    mask = np.ones(len(model), dtype=bool)
    for view in VIEWS:
        layout = compute_layout(model, mask, view, 100.0, 1500.0, gap=12.0, label_rows=3,
                                label_width=lambda i: 60.0 + (i % 7) * 30.0, radius=6.0, max_label=120.0)
        drawn = set(layout.markers.tolist()) | set(layout.bands.tolist())
        by_row: dict = {}
        for label in layout.labels:
            assert label.index in drawn
            assert 100.0 - 0.5 <= label.x and label.x + label.width <= 1500.0 + 0.5
            by_row.setdefault((label.lane, label.row), []).append((label.x, label.x + label.width))
        for spans in by_row.values():
            spans.sort()
            for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
                assert a1 <= b0, f"labels overlap in {view}"
        # Markers of the lane are obstacles in the marker row: no label covers one.
        for label in layout.labels:
            if label.row == 0:
                same = layout.markers[model.lane[layout.markers] == label.lane]
                px = layout.marker_px[model.lane[layout.markers] == label.lane]
                assert not np.any((px + 6.0 > label.x) & (px - 6.0 < label.x + label.width))


def test_labels_give_way_in_priority_order_and_come_back_when_zoomed_in():
    x0 = np.array([2000.0, 2000.01, 2000.02])
    model = TimelineModel(
        ids=np.array(["a", "b", "c"], dtype=object), kind=np.zeros(3, dtype=np.int8), x0=x0, x1=x0 + 1 / 365,
        open_ended=np.zeros(3, dtype=bool), lane=np.zeros(3, dtype=np.int64), lanes=["x"],
        priority=np.array([0, 0, 1]),  # c is disputed
    )
    mask = np.ones(3, dtype=bool)
    tight = compute_layout(model, mask, (2000.0, 2002.0), 0.0, 1000.0, gap=3.0, label_rows=1,
                           label_width=lambda i: 100.0, radius=1.0)
    assert [label.index for label in tight.labels] == [2], "the disputed fact keeps its label"
    wide = compute_layout(model, mask, (1999.99, 2000.04), 0.0, 1000.0, gap=3.0, label_rows=1,
                          label_width=lambda i: 100.0, radius=1.0)
    assert sorted(label.index for label in wide.labels) == [0, 1, 2]


def test_open_periods_and_bands():
    x0 = np.array([2013.0, 2010.0])
    model = TimelineModel(
        ids=np.array(["wave", "other"], dtype=object), kind=np.array([PERIOD, PERIOD], dtype=np.int8), x0=x0,
        x1=np.array([2025.0, 2011.0]), open_ended=np.array([True, False]), lane=np.zeros(2, dtype=np.int64),
        lanes=["x"], priority=np.zeros(2, dtype=np.int64),
    )
    layout = compute_layout(model, np.ones(2, dtype=bool), (2015, 2016), 0.0, 1000.0, gap=10.0, label_rows=1)
    assert layout.bands.tolist() == [0] and layout.off_left.tolist() == [1]


@pytest.mark.parametrize("span, unit_label", [(100, "1950"), (6, "2016"), (1.2, "Mar"), (0.05, "3 Jan")])
def test_axis_ticks_adapt_from_decades_to_days(span, unit_label):
    start = 2015.0 if span < 50 else 1900.0
    ticks = axis_ticks(start, start + span, 1500.0)
    labels = [t.label for t in ticks]
    assert 3 <= len(ticks) <= 1500 / 90 + 1
    assert any(unit_label in label for label in labels), labels
    assert all(b.x > a.x for a, b in zip(ticks, ticks[1:]))


def test_day_ticks_name_days_and_the_first_names_the_year():
    ticks = axis_ticks(2019.79, 2019.80, 1500.0)
    assert ticks[0].label == "17 Oct 2019"
    assert ticks[1].label == "18 Oct"


# ---- the fast paths give the same layout as the plain computation -----------------------------------
def reference_cluster(model, idx, view, left, right, gap):
    """The grouping as first written (sorting per frame, one np.sort per group): the oracle."""
    from desktop.ui.timeline_layout import to_px

    if len(idx) == 0:
        return idx, []
    px = to_px(model.pos[idx], view, left, right)
    lanes = model.lane[idx]
    order = np.lexsort((px, lanes))
    idx, px, lanes = idx[order], px[order], lanes[order]
    scale = (right - left) / (view[1] - view[0])
    cell = np.floor(model.pos[idx] * scale / gap).astype(np.int64)
    key_change = np.empty(len(idx), dtype=bool)
    key_change[0] = True
    key_change[1:] = (lanes[1:] != lanes[:-1]) | (cell[1:] != cell[:-1])
    starts = np.flatnonzero(key_change)
    ends = np.append(starts[1:], len(idx))
    if len(starts) == len(idx) and np.all(np.diff(px)[lanes[1:] == lanes[:-1]] >= gap):
        return idx, []
    g_lane, first_px, last_px = lanes[starts], px[starts], px[ends - 1]
    single = (ends - starts) == 1
    close = (g_lane[1:] == g_lane[:-1]) & (first_px[1:] - last_px[:-1] < gap)
    to_prev = np.zeros(len(starts), dtype=bool)
    to_prev[1:] = single[1:] & close
    to_next = np.zeros(len(starts), dtype=bool)
    to_next[:-1] = single[:-1] & ~to_prev[:-1] & close & ~to_prev[1:]
    target = np.arange(len(starts))
    target[to_prev] -= 1
    target[to_next] += 1
    while True:
        nxt = target[target]
        if np.array_equal(nxt, target):
            break
        target = nxt
    new_group = np.empty(len(starts), dtype=bool)
    new_group[0] = True
    new_group[1:] = target[1:] != target[:-1]
    m_starts = starts[new_group]
    m_ends = np.append(m_starts[1:], len(idx))
    sizes = m_ends - m_starts
    groups = [(int(lanes[s]), float(px[s]), float(px[e - 1]), np.sort(idx[s:e]).tolist())
              for s, e in zip(m_starts[sizes > 1].tolist(), m_ends[sizes > 1].tolist())]
    return idx[m_starts[sizes == 1]], groups


def groups_of(layout) -> list:
    return [(a.lane, a.px0, a.px1, a.members.tolist()) for a in layout.aggregates]


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("gap", [3.0, 12.0, 40.0])
def test_grouping_without_sorting_per_frame_matches_the_reference(view, gap):
    model = make_model(5_000, seed=11, lanes=5)
    mask = np.random.default_rng(2).random(len(model)) < 0.8
    layout = compute_layout(model, mask, view, 150.0, 1650.0, gap=gap, label_rows=0)
    points = np.setdiff1d(np.flatnonzero(mask), layout.bands)
    points = points[(model.pos[points] >= view[0]) & (model.pos[points] <= view[1])]
    singles, groups = reference_cluster(model, points, view, 150.0, 1650.0, gap)
    assert sorted(layout.markers.tolist()) == sorted(singles.tolist())
    assert sorted(groups_of(layout)) == sorted(groups)


def from_scratch(model, mask, view, left, right, gap, rows, width, focus, radius, max_label, focus_label):
    """The layout with `focus` worked out the plain way: group every lane without the focus, then
    place every label with the focus first (the oracle for the kept layout's shortcuts)."""
    from desktop.ui.timeline_labels import place_labels

    base = compute_layout(model, mask, view, left, right, gap, 0)  # bands and off-screen counts only
    points = np.setdiff1d(np.flatnonzero(mask), base.bands)
    points = points[(model.pos[points] >= view[0]) & (model.pos[points] <= view[1])]
    alone = points[points == focus]
    singles, groups = reference_cluster(model, points[points != focus], view, left, right, gap)
    markers = np.concatenate([singles, alone]).astype(np.int64)
    marker_px = left + (model.pos[markers] - view[0]) * ((right - left) / (view[1] - view[0]))
    anchors = set(markers.tolist()) | set(base.bands.tolist())
    lanes = np.array([g[0] for g in groups], dtype=np.int64)
    px0, px1 = np.array([g[1] for g in groups]), np.array([g[2] for g in groups])
    bold = lambda i: width(i) + (1000.0 if i == focus else 0.0)  # noqa: E731 - the focus is measured bold
    labels = place_labels(model, markers, marker_px, base.bands, base.band_px0, base.band_px1, left, right, rows,
                          bold, focus if focus in anchors else -1, 8.0, lanes, px0, px1, radius, max_label,
                          max(focus_label, max_label))
    return sorted(markers.tolist()), sorted(groups), labels


@pytest.mark.parametrize("view", [(1990, 2026), (2005, 2010), (2018, 2019)])
def test_moving_the_focus_on_a_kept_layout_equals_laying_out_from_scratch(view):
    from desktop.ui.timeline_layout import LayoutCache

    model = make_model(3_000, seed=5)
    mask = np.random.default_rng(9).random(len(model)) < 0.9
    width = lambda i: 40.0 + (i % 5) * 25.0  # noqa: E731
    cache = LayoutCache(model, mask, view, 100.0, 1500.0, 12.0, 3, width, radius=6.0, max_label=90.0,
                        focus_label=400.0)
    base = cache.layout(-1)
    rng = np.random.default_rng(1)
    # Focus a grouped fact, a single, a band, a hidden and an off-screen one, then none again.
    grouped = [int(a.members[len(a.members) // 2]) for a in base.aggregates][:6]
    tries = grouped + base.markers[:4].tolist() + base.bands[:3].tolist() + rng.integers(0, len(model), 12).tolist()
    assert grouped and len(base.labels) > 5, "the view must group and label facts for this test to mean anything"
    for focus in tries + [-1]:
        kept = cache.layout(focus, width(focus) + 1000.0 if focus >= 0 else None)
        markers, groups, labels = from_scratch(model, mask, view, 100.0, 1500.0, 12.0, 3, width, focus, 6.0, 90.0,
                                               400.0)
        assert sorted(kept.markers.tolist()) == markers
        assert sorted(groups_of(kept)) == groups
        assert kept.labels == labels
        assert kept.drawn + kept.aggregated + kept.off_screen == mask.sum()
    for focus in grouped:
        assert focus in cache.layout(focus).markers.tolist()
        assert all(focus not in a.members for a in cache.layout(focus).aggregates)


def edge_model(view, left, right, gap, lanes=3, seed=4):
    """Facts sitting exactly on the grouping grid's cell edges, a few floating-point steps either side,
    many sharing one date, and on the view's own edges: where a rounded edge would put a fact in the
    wrong group, or count it on the wrong side of the view."""
    rng = np.random.default_rng(seed)
    scale = (right - left) / (view[1] - view[0])
    k0, k1 = int(np.floor(view[0] * scale / gap)), int(np.floor(view[1] * scale / gap))
    edges = np.arange(k0, k1 + 1) * gap / scale
    near = [edges, np.nextafter(edges, -np.inf), np.nextafter(edges, np.inf),
            np.nextafter(np.nextafter(edges, np.inf), np.inf), np.repeat(edges[::7], 5), np.array(view * 3)]
    pos = np.sort(np.concatenate(near + [rng.uniform(view[0] - 1, view[1] + 1, 400)]))
    n = len(pos)
    kind = np.where(rng.random(n) < 0.1, PERIOD, POINT).astype(np.int8)
    x1 = np.where(kind == PERIOD, pos + rng.uniform(0, 3, n), pos)
    x0 = np.where(kind == PERIOD, pos, pos)
    return TimelineModel(
        ids=np.array([f"e{i}" for i in range(n)], dtype=object), kind=kind, x0=x0, x1=x1,
        open_ended=np.zeros(n, dtype=bool), lane=rng.integers(0, lanes, n), lanes=[f"c{k}" for k in range(lanes)],
        priority=np.zeros(n, dtype=np.int64),
    )


@pytest.mark.parametrize("view", [(2000.0, 2001.0), (2018.5, 2018.506), (1990.123, 2026.456)])
@pytest.mark.parametrize("gap", [3.0, 12.0])
def test_grouping_at_cell_and_view_edges_matches_the_reference(view, gap):
    """Cells are found by searching their edges (not by working out every fact's cell): the
    groups must still be exactly those of the cell formula, and the off-screen counts exact."""
    left, right = 150.0, 1650.0
    model = edge_model(view, left, right, gap)
    mask = np.random.default_rng(7).random(len(model)) < 0.9
    layout = compute_layout(model, mask, view, left, right, gap=gap, label_rows=0)
    points = np.setdiff1d(np.flatnonzero(mask), layout.bands)
    before = np.bincount(model.lane[points[model.pos[points] < view[0]]], minlength=3)
    after = np.bincount(model.lane[points[model.pos[points] > view[1]]], minlength=3)
    assert layout.off_left.tolist() == before.tolist() and layout.off_right.tolist() == after.tolist()
    points = points[(model.pos[points] >= view[0]) & (model.pos[points] <= view[1])]
    singles, groups = reference_cluster(model, points, view, left, right, gap)
    assert sorted(layout.markers.tolist()) == sorted(singles.tolist())
    assert sorted(groups_of(layout)) == sorted(groups)
    assert layout.drawn + layout.aggregated + layout.off_screen == mask.sum()


def test_a_view_change_reads_the_marks_in_view_not_every_fact(monkeypatch):
    """Panning or zooming reuses the filter's lane order (made once per filter) and works out grid
    cells for the cells in view, not for every fact: the work follows what is drawn."""
    from desktop.ui import timeline_cluster, timeline_layout

    model = make_model(60_000, seed=8, lanes=4)
    mask = np.random.default_rng(3).random(len(model)) < 0.8
    orders, cells = [], []
    real_order, real_cell = timeline_layout.LaneOrder, timeline_cluster.cell_of
    monkeypatch.setattr(timeline_layout, "LaneOrder", lambda *a: orders.append(1) or real_order(*a))
    monkeypatch.setattr(timeline_cluster, "cell_of", lambda p, *a: cells.append(np.size(p)) or real_cell(p, *a))
    width, gap = 1500.0, 12.0
    for k in range(6):  # pans and zooms over a view holding tens of thousands of marks
        view = (1985.0 + k, 2030.0 - k * 2)
        cells.clear()
        layout = compute_layout(model, mask, view, 0.0, width, gap=gap, label_rows=0)
        assert layout.aggregated > 20_000
        assert sum(cells) <= 4 * 4 * (width / gap + 2), "grid cells were worked out mark by mark"
    assert len(orders) == 1, "the lane order was rebuilt for an unchanged filter"
    compute_layout(model, ~mask, (1990.0, 2000.0), 0.0, width, gap=gap, label_rows=0)
    assert len(orders) == 2
