"""The Dataset's per-focus and filter queries against plain, row-by-row statements of what they mean.

The queries are built from whole columns (positions, ranks and texts found once),
so each test here restates the meaning with pandas rows and Python loops and
checks that every answer is the same, on the real datasets and on edge cases the
fast paths have to step around (unsorted or split observations, a citation
column that shadows a source column, text holding a NUL).
"""
from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest

from desktop.dataset.contract import STANCE_ORDER
from desktop.dataset.dataset import EVENT, OBSERVATION, SERIES, label_range_text
from desktop.dataset.dates import label_range
from desktop.dataset.filters import Filters
from desktop.dataset.periods import period_label


@pytest.fixture(params=["valid", "default"])
def dataset(request, valid_dataset, default_dataset):
    return valid_dataset if request.param == "valid" else default_dataset


def fresh(dataset, **frames):
    """The same dataset (or with some frames replaced), with nothing computed yet."""
    return dataclasses.replace(dataset, **frames)


# ---- the filter box's haystack --------------------------------------------------------------
def reference_haystack(dataset) -> list[str]:
    """Per event: own texts, then each event citation's quote and source names, in file order."""
    cites = dataset.citations[dataset.citations["target_kind"] == EVENT]
    cited: dict[str, list[str]] = {}
    for _, cite in cites.iterrows():
        source = dataset.sources.loc[cite["source_id"]]
        names = [cite[n] if n in cites.columns else source[n] for n in ("title", "publisher", "author")]
        cited.setdefault(cite["target"], []).append(" ".join([cite["quote"], *names]))
    events = dataset.events
    own = ["title", "summary", "category", "place"] + [c for c in events.columns if "@" in c]
    return [(" ".join(row[c] for c in own) + " " + " ".join(cited.get(event_id, []))).casefold()
            for event_id, row in events.iterrows()]


def test_the_haystack_is_each_events_text_and_its_citations_text(dataset):
    haystack = fresh(dataset).event_haystack
    assert haystack.index.equals(dataset.events.index)
    assert haystack.dtype == "str"
    assert haystack.tolist() == reference_haystack(dataset)


def test_an_event_with_several_citations_has_them_all_in_file_order(default_dataset):
    counts = default_dataset.citations.loc[default_dataset.citations["target_kind"] == EVENT, "target"].value_counts()
    assert counts.max() > 1  # the default dataset has such events, so the test is not empty
    event_id = counts.index[0]
    text = fresh(default_dataset).event_haystack[event_id]
    quotes = default_dataset.citation_rows(event_id)["quote"].str.casefold().tolist()
    where = [text.index(quote) for quote in quotes if quote]
    assert where == sorted(where) and len(where) > 1


def test_case_folding_and_events_without_citations(valid_dataset):
    events = valid_dataset.events.copy()
    first, second = events.index[0], events.index[1]
    events.loc[first, "title"] = "Straße İstanbul ΣΊΣΥΦΟΣ"
    cites = valid_dataset.citations
    data = fresh(valid_dataset, events=events,
                 citations=cites[cites["target"] != second])  # the second event loses its citations
    haystack = data.event_haystack
    assert haystack[first].startswith("strasse i̇stanbul σίσυφοσ ")
    assert haystack.tolist() == reference_haystack(data)
    assert haystack[second].endswith(" ")  # its own text, a space, and no cited text


def test_a_citation_column_named_like_a_source_column_wins(valid_dataset):
    cites = valid_dataset.citations.copy()
    cites["publisher"] = "Own words of the citation"  # an extra column the contract ignores
    data = fresh(valid_dataset, citations=cites)
    assert data.event_haystack.tolist() == reference_haystack(data)
    assert all("own words of the citation" in text for text, n in zip(data.event_haystack, _cited(data)) if n)


def _cited(dataset) -> list[int]:
    targets = dataset.citations.loc[dataset.citations["target_kind"] == EVENT, "target"]
    return [int((targets == event_id).sum()) for event_id in dataset.events.index]


def test_a_nul_in_a_text_is_searched_like_any_character(valid_dataset):
    # The loader refuses control characters, but the haystack must not depend on that.
    events = valid_dataset.events.copy()
    events.loc[events.index[2], "summary"] = "before\x00after"
    data = fresh(valid_dataset, events=events)
    assert data.event_haystack.tolist() == reference_haystack(data)
    assert data.event_mask(Filters(text="e\x00a")).tolist() == [i == 2 for i in range(len(events))]


@pytest.mark.parametrize("typed", [["c"], ["c", "ca", "car", "cart"], ["2019"], ["zzz"], ["o", "oxy", "x"],
                                   ["fentanyl crisis"]])
def test_the_text_filter_matches_the_haystack_as_the_user_types(dataset, typed):
    data = fresh(dataset)
    hay = reference_haystack(dataset)
    for needle in typed:  # each key narrows the one before, or starts over
        expected = [needle.casefold() in text for text in hay]
        assert data.event_mask(Filters(text=needle)).tolist() == expected, needle


# ---- one focus -------------------------------------------------------------------------------
def targets_of(dataset) -> list[str]:
    obs = dataset.observations
    values = [f"{s}@{p}" for s, p in zip(obs["series_id"], obs["period"])]
    return list(dataset.events.index) + list(dataset.series.index) + values[::7]


def reference_citation_rows(dataset, target: str) -> pd.DataFrame:
    cites = dataset.citations
    mine = cites["target"] == target
    if dataset.kind_of(target) == OBSERVATION:
        mine |= cites["target"] == target.partition("@")[0]
    return cites[mine]


def test_citation_rows_in_file_order_and_in_stance_order(dataset):
    data = fresh(dataset)
    for target in targets_of(dataset) + ["no-such-fact", "no-such@2019"]:
        expected = reference_citation_rows(dataset, target)
        pd.testing.assert_frame_equal(data.citation_rows(target), expected)
        assert data.citation_positions(target).tolist() == data.citations.index.get_indexer(expected.index).tolist()
        ordered = expected.iloc[np.argsort(expected["stance"].map(STANCE_ORDER).to_numpy(), kind="stable")]
        pd.testing.assert_frame_equal(data.ordered_citation_rows(target), ordered)


def reference_fact(dataset, target: str, lang: str) -> dict:
    text = dataset.text
    kind = dataset.kind_of(target)
    if kind == EVENT:
        row = dataset.events.loc[target]
        return dict(title=text(row, "title", lang), summary=text(row, "summary", lang),
                    date_label=label_range(row["start_date"], row["end_date"], bool(row["open_ended"])),
                    category=text(row, "category", lang), x0=float(row["x0"]), x1=float(row["x1"]),
                    extra={"event_kind": row["kind"], "place": text(row, "place", lang)})
    if kind == SERIES:
        row = dataset.series.loc[target]
        obs = dataset.observations[dataset.observations["series_id"] == target]
        label = label_range_text(period_label(row["period_type"], obs["period"].iloc[0]),
                                 period_label(row["period_type"], obs["period"].iloc[-1])) if len(obs) else ""
        return dict(title=text(row, "title", lang), date_label=label, summary=text(row, "description", lang),
                    unit=text(row, "unit", lang), x0=float(obs["x0"].min()), x1=float(obs["x1"].max()))
    series_id, _, period = target.partition("@")
    obs = dataset.observations
    value = obs[(obs["series_id"] == series_id) & (obs["period"] == period)].iloc[0]
    row = dataset.series.loc[series_id]
    return dict(title=text(row, "title", lang), date_label=period_label(row["period_type"], period),
                summary=value["note"], unit=text(row, "unit", lang), value=float(value["value"]),
                qualifier=value["qualifier"], x0=float(value["x0"]), x1=float(value["x1"]),
                extra={"series_id": series_id, "period": period})


def same(a, b) -> bool:
    return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))


def test_facts_say_what_their_rows_say(dataset):
    data = fresh(dataset)
    for lang in ("", "es"):
        for target in targets_of(dataset):
            fact = data.fact(target, lang)
            assert fact.target == target and fact.kind == dataset.kind_of(target)
            for name, expected in reference_fact(dataset, target, lang).items():
                assert same(getattr(fact, name), expected), (target, name, getattr(fact, name), expected)
    with pytest.raises(KeyError):
        data.fact("no-such-fact")


def test_observations_are_found_when_they_are_not_in_time_order(default_dataset):
    obs = default_dataset.observations
    shuffled = obs.iloc[np.random.default_rng(1).permutation(len(obs))].reset_index(drop=True)
    reversed_ = obs.iloc[::-1].reset_index(drop=True)  # each series in one run, periods backwards
    for frame in (shuffled, reversed_):
        data = fresh(default_dataset, observations=frame)
        for (series_id, period), value in zip(zip(frame["series_id"], frame["period"]), frame["value"]):
            target = f"{series_id}@{period}"
            assert data.kind_of(target) == OBSERVATION
            assert data.observation(target)["value"] == value
            assert data.fact(target).value == value
        assert data.kind_of(f"{frame['series_id'].iloc[0]}@1066") is None
        for series_id in default_dataset.series.index:
            assert same(data.fact(series_id).x0, reference_fact(data, series_id, "")["x0"])
            assert data.fact(series_id).date_label == reference_fact(data, series_id, "")["date_label"]


def test_a_missing_value_is_not_an_observation(default_dataset):
    data = fresh(default_dataset)
    series_id = default_dataset.observations["series_id"].iloc[0]
    for period in ("", "0000", "9999-99", "zzz", default_dataset.observations["period"].iloc[0] + " "):
        assert data.kind_of(f"{series_id}@{period}") is None
        with pytest.raises(KeyError):
            data.observation(f"{series_id}@{period}")


# ---- disputes ------------------------------------------------------------------------------
def test_disputed_targets_are_the_targets_of_disputing_citations(dataset):
    expected = {row["target"] for _, row in dataset.citations.iterrows() if row["stance"] == "disputes"}
    assert expected, "the datasets used here have disputed facts"
    assert fresh(dataset).disputed_targets == expected
