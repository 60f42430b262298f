"""Exported data: which facts, the spreadsheet CSV (formula-safe, accents, exact numbers), the Data Package subset."""
from __future__ import annotations

import csv
import io
import json

import pytest

from desktop.dataset.export_data import (
    ExportCancelled, ExportError, csv_text, number_text, safe_cell, subset_of_filters, subset_of_ids,
    subset_of_lesson, write_csv, write_package,
)
from desktop.dataset.filters import Filters
from desktop.dataset.loader import check_dataset, load_dataset
from export_helpers import tricky_dataset  # noqa: F401 - a fixture


def read_csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff"), "Excel needs the byte-order mark to read UTF-8 accents"
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def rows_by_id(dataset, subset) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in read_csv(csv_text(dataset, subset))}


@pytest.mark.parametrize("text", ["=1+1", "+1", "-2 deaths", "@SUM(A1)", "\tx", "\rx", "\r\nx"])
def test_a_formula_start_gets_a_quote(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["", "1996", "a = b", "México", "'quoted already"])
def test_other_text_is_left_alone(text):
    assert safe_cell(text) == text


@pytest.mark.parametrize("value, written", [(31335.0, "31335"), (2803.6, "2803.6"), (4791.06, "4791.06"),
                                            (1.1e4, "11000"), (-12.0, "-12"), (0.1, "0.1"),
                                            (123456789.125, "123456789.125"), (1e-7, "1e-07")])
def test_numbers_are_written_exactly(value, written):
    assert number_text(value) == written
    assert float(written) == value


def test_csv_cells_from_the_dataset_cannot_run_as_formulas(tricky_dataset):
    rows = rows_by_id(tricky_dataset, subset_of_ids(tricky_dataset, ["inj-eq", "inj-minus", "inj-cr"], []))
    assert rows["inj-eq"]["title"] == "'=HYPERLINK(\"http://evil.example\",\"click\")"
    assert rows["inj-eq"]["summary"] == "'+1 starts with plus"
    assert rows["inj-eq"]["place"] == "'@place"
    assert rows["inj-minus"]["title"] == "'-2 starts with minus"
    assert rows["inj-minus"]["summary"] == "'\tstarts with a tab"
    assert rows["inj-cr"]["summary"] == "'\r\nsecond line"
    every_cell = [cell for row in rows.values() for cell in row.values()]
    assert not [c for c in every_cell if c[:1] in ("=", "+", "@", "\t", "\r")]


def test_csv_numbers_stay_numbers_and_round_trip(tricky_dataset, valid_dataset):
    rows = rows_by_id(valid_dataset, subset_of_ids(valid_dataset, [], ["overdose-deaths", "cbp-seizures"]))
    assert rows["overdose-deaths@2018"]["value"] == "31335"
    assert rows["cbp-seizures@2019"]["value"] == "2803.6"
    assert rows["cbp-seizures@2021"]["value"] == "11000"
    obs = valid_dataset.observations
    for sid, period, value in zip(obs["series_id"], obs["period"], obs["value"]):
        assert float(rows[f"{sid}@{period}"]["value"]) == value
    negative = rows_by_id(tricky_dataset, subset_of_ids(tricky_dataset, [], ["balance"]))
    assert [negative[f"balance@{y}"]["value"] for y in (2019, 2020, 2021)] == ["-12", "0.1", "123456789.125"]


def test_csv_layout_values_then_events_with_their_sources(valid_dataset):
    rows = read_csv(csv_text(valid_dataset, subset_of_filters(valid_dataset, Filters(), ["cbp-seizures"])))
    assert [r["kind"] for r in rows] == ["value"] * 3 + ["event"] * len(valid_dataset.events)
    seized = rows[2]
    assert (seized["date"], seized["unit"], seized["qualifier"], seized["disputed"]) == ("FY2021", "pounds", "at-least", "yes")
    assert seized["source_ids"] == "cbp-seizures-page; op-ed"
    cartel = next(r for r in rows if r["id"] == "cartel-statement")
    assert cartel["place"] == "México"
    assert "Crise des opioïdes (Encyclopédie Générale)" in cartel["sources"]
    assert cartel["claim_types"] == "journalist-assertion"
    assert cartel["value"] == ""


def test_csv_translations_follow_the_language(valid_dataset):
    rows = rows_by_id(valid_dataset, subset_of_ids(valid_dataset, ["oxycontin-launch"], []))
    spanish = {r["id"]: r for r in read_csv(csv_text(valid_dataset, subset_of_ids(valid_dataset, ["oxycontin-launch"], []), "es"))}
    assert rows["oxycontin-launch"]["title"] == "OxyContin is launched"
    assert spanish["oxycontin-launch"]["title"] == "Lanzamiento de OxyContin"


def test_write_csv_never_replaces_without_force_and_cancel_leaves_nothing(tmp_path, valid_dataset):
    subset = subset_of_filters(valid_dataset, Filters(), ["cbp-seizures"])
    out = tmp_path / "data.csv"
    out.write_text("keep me", encoding="utf-8")
    with pytest.raises(ExportError, match="already exists"):
        write_csv(valid_dataset, subset, out)
    assert out.read_text(encoding="utf-8") == "keep me"
    write_csv(valid_dataset, subset, out, force=True)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    fresh = tmp_path / "cancelled.csv"
    with pytest.raises(ExportCancelled):
        write_csv(valid_dataset, subset, fresh, progress=lambda fraction, message: fraction < 0.85)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.csv"]


# ---- Data Package --------------------------------------------------------------------
def test_lesson_subset_is_a_valid_package_that_loads(tmp_path, default_dataset):
    subset = subset_of_lesson(default_dataset, "three-waves")
    out = tmp_path / "pkg"
    written = write_package(default_dataset, subset, out)
    assert check_dataset(out) == []
    loaded = load_dataset(out)
    assert set(loaded.events.index) == set(subset.events)
    assert set(loaded.series.index) == set(subset.series)
    assert len(loaded.observations) == len(subset.values)
    assert [lid for lid, _ in loaded.lesson_list()] == ["three-waves"]  # the other lesson has steps outside
    assert "lessons.csv" in written
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["name"] == "fentanyl-crisis-three-waves"
    assert descriptor["title"].endswith("The three waves of the opioid crisis, in numbers")
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert [r["name"] for r in descriptor["resources"]] == ["sources", "events", "series", "observations", "citations", "lessons"]
    assert all("schema" in r for r in descriptor["resources"])


def test_package_rows_are_copied_exactly_with_translations(tmp_path, valid_dataset):
    subset = subset_of_filters(valid_dataset, Filters(categories=frozenset({"Supply"})), ["cbp-seizures"])
    out = tmp_path / "supply"
    write_package(valid_dataset, subset, out)
    assert check_dataset(out) == []
    observations = (out / "observations.csv").read_text(encoding="utf-8")
    assert "cbp-seizures,2021,1.1e4,at-least,NA" in observations  # as written, not re-formatted
    assert "overdose-deaths" not in observations
    citations = (out / "citations.csv").read_text(encoding="utf-8")
    assert "La mayoría en puertos" in citations and "c11," in citations and "c1," not in citations
    sources = (out / "sources.csv").read_text(encoding="utf-8")
    assert "court-case" not in sources and "Crise des opioïdes" in sources
    loaded = load_dataset(out)
    # "supply" has both its steps here; "three-waves" does not, so it is left out.
    assert [lid for lid, _ in loaded.lesson_list()] == ["supply"]
    assert loaded.text(loaded.events.loc["cartel-statement"], "title") == "Most fentanyl comes through ports of entry"


def test_package_passes_frictionless(tmp_path, default_dataset):
    from frictionless import validate

    subset = subset_of_filters(default_dataset, Filters(text="cartel"), list(default_dataset.series.index[:2]))
    out = tmp_path / "cartels"
    write_package(default_dataset, subset, out)
    report = validate(str(out / "datapackage.json"))
    errors = [f"{task.name}: {e.message}" for task in report.tasks for e in task.errors] + [e.message for e in report.errors]
    assert report.valid, errors
    assert check_dataset(out) == []


def test_package_never_replaces_a_folder_without_force(tmp_path, valid_dataset):
    subset = subset_of_lesson(valid_dataset, "supply")
    out = tmp_path / "pkg"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match="not empty"):
        write_package(valid_dataset, subset, out)
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    write_package(valid_dataset, subset, out, force=True)
    assert not (out / "notes.txt").exists() and check_dataset(out) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pkg"]  # no temporary folder left behind
    file = tmp_path / "file"
    file.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="is a file"):
        write_package(valid_dataset, subset, file, force=True)


def test_cancelling_a_package_leaves_nothing(tmp_path, valid_dataset):
    subset = subset_of_lesson(valid_dataset, "supply")
    messages = []

    def progress(fraction, message):
        messages.append(message)
        return "Checking" not in message

    with pytest.raises(ExportCancelled):
        write_package(valid_dataset, subset, tmp_path / "pkg", progress=progress)
    assert list(tmp_path.iterdir()) == []
    assert any("Writing" in m for m in messages)
