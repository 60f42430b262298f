"""A pan or zoom frame lays out and measures only the group counts it has not written before (a frame
at 100,000 events writes hundreds, most of them the frame before's); the picture is a fresh one's."""
from __future__ import annotations

from desktop.state import SelectionState
from desktop.ui.theme import LIGHT, themes
from desktop.ui.timeline_pane import TimelinePane


def _pane(qtbot, dataset):
    pane = TimelinePane(dataset, SelectionState())
    qtbot.addWidget(pane)
    pane.resize(1366, 420)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def test_a_view_seen_again_writes_no_group_count_again(qtbot, app_font, default_dataset):
    pane = _pane(qtbot, default_dataset)
    view = pane.view
    lo, hi = view.extent()
    view.set_view(lo - (hi - lo) * 0.5, hi + (hi - lo) * 0.5)  # zoomed out: facts close enough to group
    laid_out = []
    real = view.static_text
    view.static_text = lambda text: (laid_out.append(text), real(text))[1]
    first = view.grab().toImage()
    layout = view.current_layout()
    assert laid_out, "the test needs counted group boxes"
    laid_out.clear()
    start = view.view
    view.set_view(start[0] + 0.25, start[1] + 0.25)
    view.grab()
    view.set_view(*start)
    again = view.grab().toImage()
    assert view.current_layout() is not layout, "each frame made a new layout"
    assert laid_out == [], "every count had been written before"
    assert again == first
    themes().set_theme(LIGHT)


def test_a_new_view_drops_its_bands_from_the_marks_without_a_mask_over_every_fact(default_dataset, monkeypatch):
    """Each view change leaves its bands out of the lane-ordered facts (the marks); done by copying the
    runs between them, not by `np.delete`'s boolean mask over every fact. The marks are the same."""
    import numpy as np

    from desktop.ui.timeline_layout import LayoutCache, TimelineModel

    model = TimelineModel.from_dataset(default_dataset)
    mask = np.ones(len(model), dtype=bool)
    lo, hi = float(model.x0.min()), float(model.x1.max())
    deleted = []
    real = np.delete
    monkeypatch.setattr(np, "delete", lambda *a, **k: (deleted.append(1), real(*a, **k))[1])
    for k in range(6):
        view = (lo + k * 0.7, hi - k * 0.3)
        cache = LayoutCache(model, mask, view, 100.0, 1100.0, 9.0, 2)
        assert len(cache.bands), "the test needs bands"
        order = model.in_lane_order(mask)
        is_mark = ~np.isin(order.idx, cache.bands)
        assert np.array_equal(cache.flat, order.idx[is_mark])
        assert np.array_equal(cache.flat_pos, order.pos[is_mark])
    assert deleted == []


def _walls_by_definition(bx0, bx1, lanes, ink, line, dpr):
    """Pair by pair, as the walls were first worked out."""
    import numpy as np

    from desktop.ui.timeline_paint import snap

    for a in range(len(bx0) - 1):
        b = a + 1
        if lanes[a] != lanes[b] or bx1[a] < bx0[b]:
            continue
        wall = float(snap(np.float64((ink[a][1] + ink[b][0] - line) / 2), dpr))
        if ink[a][1] + 1 <= wall and wall + line + 1 <= ink[b][0]:
            bx1[a], bx0[b] = wall + line, wall
    return bx0, bx1


def test_walls_between_counts_are_worked_out_for_all_pairs_at_once_as_pair_by_pair():
    import numpy as np

    from desktop.ui.timeline_paint import _walls_between_counts, snap

    rng = np.random.default_rng(0)
    split = 0
    for _ in range(400):
        n = int(rng.integers(0, 12))
        dpr = float(rng.choice([1.0, 1.25, 1.5, 2.0]))
        line = max(1, round(float(rng.choice([1, 1.5, 2])) * dpr)) / dpr
        lanes = np.sort(rng.integers(0, 3, n))
        x0 = snap(np.cumsum(rng.random(n) * 20), dpr)
        x1 = snap(x0 + 8 + rng.random(n) * 30, dpr)
        left = x0 + (x1 - x0 - (4 + rng.random(n) * 10)) / 2
        right = left + 4 + rng.random(n) * 10
        want = _walls_by_definition(x0.copy(), x1.copy(), lanes, list(zip(left.tolist(), right.tolist())), line, dpr)
        got = _walls_between_counts(x0.copy(), x1.copy(), lanes, left, right, line, dpr)
        assert np.array_equal(got[0], want[0]) and np.array_equal(got[1], want[1])
        split += int((want[0] != x0).sum())
    assert split > 20, "the cases must include walls that move"
