"""Opening a dataset builds the timeline's model without per-fact Python work it does not need:
ids are looked up in the events' own index (whose hash table the dataset's look-ups share),
lane names are read from each lane's first fact only, and the sorts and band rows give the
same order and rows as the plain definitions they replace."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.ui.timeline_layout import MAX_BAND_ROWS, PERIOD, TimelineModel
from desktop.ui.timeline_text import TimelineText


def test_the_model_finds_ids_in_the_events_own_index(default_dataset):
    model = TimelineModel.from_dataset(default_dataset)
    assert model.index_of.index is default_dataset.events.index  # no second table of every id
    first, last = str(model.ids[0]), str(model.ids[-1])
    assert model.index_of[first] == 0 and model.index_of.get(last) == len(model) - 1
    assert model.index_of.get("no-such-fact", -1) == -1 and "no-such-fact" not in model.index_of
    with pytest.raises(KeyError):
        model.index_of["no-such-fact"]


def test_priority_marks_lesson_and_disputed_facts(default_dataset):
    model = TimelineModel.from_dataset(default_dataset)
    ids = model.ids.tolist()
    lesson = set(default_dataset.lessons["target"])
    disputed = default_dataset.disputed_targets
    expected = [2 * (i in lesson) + (i in disputed) for i in ids]
    assert model.priority.tolist() == expected
    assert (model.priority & 1).any() and (model.priority & 2).any(), "the test needs lesson and disputed facts"


def test_lane_names_read_only_each_lanes_first_fact(default_dataset, monkeypatch):
    model = TimelineModel.from_dataset(default_dataset)
    read = []
    real = TimelineText._column

    def column(self, ev, name):
        read.append((name, len(ev)))
        return real(self, ev, name)

    monkeypatch.setattr(TimelineText, "_column", column)
    for lang in ("", "es"):
        read.clear()
        text = TimelineText(default_dataset, model, lang)
        assert ("category", len(model.lanes)) in read and ("category", len(model)) not in read
        ev = default_dataset.events
        for lane, name in enumerate(model.lanes):
            first = int(np.flatnonzero(ev["category"].to_numpy() == name)[0])
            key = f"category@{lang}"
            translated = ev[key].iloc[first] if lang and key in ev.columns else ""
            assert text.lane_name(lane) == (translated or name)


def _band_rows_by_definition(kind, lane, x0, x1):
    rows = np.zeros(len(kind), dtype=np.int64)
    ends: dict[int, list[float]] = {}
    for i in np.flatnonzero(kind == PERIOD):
        row_ends = ends.setdefault(int(lane[i]), [])
        for row, end in enumerate(row_ends):
            if end <= x0[i]:
                row_ends[row] = x1[i]
                rows[i] = row
                break
        else:
            if len(row_ends) < MAX_BAND_ROWS:
                row_ends.append(x1[i])
                rows[i] = len(row_ends) - 1
            else:
                rows[i] = MAX_BAND_ROWS - 1
                row_ends[-1] = max(row_ends[-1], x1[i])
    return rows


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 3), st.integers(0, 40), st.integers(0, 15)),
                min_size=0, max_size=60),
       st.lists(st.integers(0, 3), min_size=60, max_size=60))
def test_band_rows_label_ranks_and_lane_order_are_as_defined(facts, priorities):
    facts = sorted(facts, key=lambda f: f[2])  # the dataset comes in time order
    kind = np.array([f[0] for f in facts], dtype=np.int8)
    lane = np.array([f[1] for f in facts], dtype=np.int64)
    x0 = np.array([f[2] for f in facts], dtype=float) / 4
    x1 = x0 + np.array([f[3] for f in facts], dtype=float) / 4
    n = len(facts)
    model = TimelineModel(ids=np.array([f"f{i}" for i in range(n)], dtype=object), kind=kind, x0=x0, x1=x1,
                          open_ended=np.zeros(n, dtype=bool), lane=lane, lanes=["a", "b", "c", "d"],
                          priority=np.array(priorities[:n], dtype=np.int64))
    assert model.band_row.tolist() == _band_rows_by_definition(kind, lane, x0, x1).tolist()
    order = np.lexsort((np.arange(n), kind != PERIOD, -model.priority))
    assert model.rank[order].tolist() == list(range(n))
    assert model.lane_order.tolist() == np.lexsort((np.arange(n), model.pos, lane)).tolist()
    assert all(model.index_of[f"f{i}"] == i for i in range(n))



def test_left_and_right_walk_facts_in_time_then_file_order(qtbot, app_font, default_dataset):
    from desktop.state import SelectionState
    from desktop.ui.timeline_pane import TimelinePane

    pane = TimelinePane(default_dataset, SelectionState())
    qtbot.addWidget(pane)
    x0 = pane.model.x0
    assert pane.time_order.tolist() == np.lexsort((np.arange(len(x0)), x0)).tolist()
