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
