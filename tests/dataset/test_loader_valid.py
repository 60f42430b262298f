"""The valid fixture loads into the frames dataset.py documents, and tricky-but-valid files load too."""
from __future__ import annotations

import math
import shutil
from pathlib import Path

import numpy as np
import pytest

from desktop.dataset.dates import PartialDate
from desktop.dataset.loader import DatasetError, check_dataset, load_dataset

VALID = Path(__file__).resolve().parents[1] / "fixtures" / "valid"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(VALID)


def test_valid_fixture_has_no_problems():
    assert check_dataset(VALID) == []


def test_identity(dataset):
    assert dataset.name == "tiny-fentanyl"
    assert dataset.root == VALID
    assert dataset.title.startswith("A tiny")


def test_sources_frame(dataset):
    sources = dataset.sources
    assert sources.index.name == "source_id"
    assert sources.loc["cdc-wonder", "published_date"] == PartialDate(2023, 1, 0, "month")
    assert sources.loc["encyclopedie", "published_date"] is None
    assert sources.loc["encyclopedie", "notes"] == "NA"  # text, not a missing value
    assert sources.loc["court-case", "notes"] == 'Quoted "as filed"'
    assert sources.loc["encyclopedie", "publisher"] == "Encyclopédie Générale"


def test_events_frame(dataset):
    events = dataset.events
    assert events.index.name == "event_id"
    assert list(events["x0"]) == sorted(events["x0"])  # sorted by time
    wave = events.loc["fentanyl-wave"]
    assert wave["open_ended"] and math.isnan(wave["x1"]) and wave["end_date"] is None
    first = events.loc["first-wave"]
    assert first["start_date"].precision == "decade" and first["x0"] == 1990.0 and first["x1"] == 2011.0
    launch = events.loc["oxycontin-launch"]
    assert launch["summary"] == "Purdue Pharma brings OxyContin to market.\nSales grow quickly."
    assert launch["end_date"] is None and not launch["open_ended"]
    assert launch["x1"] == pytest.approx(1996 + 31 / 366)
    assert events.loc["agent-007", "tags"] == "007"
    assert events.loc["oxycontin-launch", "title@es"] == "Lanzamiento de OxyContin"


def test_observations_frame(dataset):
    obs = dataset.observations
    assert list(obs.columns[:5]) == ["series_id", "period", "value", "qualifier", "note"]
    assert obs["value"].dtype == np.float64
    assert list(obs["series_id"]) == ["overdose-deaths"] * 3 + ["cbp-seizures"] * 3
    assert obs.iloc[0]["qualifier"] == "exact"  # empty means exact
    fy = obs[(obs["series_id"] == "cbp-seizures") & (obs["period"] == "2021")].iloc[0]
    assert fy["value"] == 11000.0 and fy["note"] == "NA"
    assert fy["x0"] < 2021 < fy["x1"] and fy["x"] == pytest.approx((fy["x0"] + fy["x1"]) / 2)


def test_citations_frame(dataset):
    cites = dataset.citations
    assert cites.index.name == "citation_id"
    assert cites.loc["c1", "target_kind"] == "event" and cites.loc["c1", "series_id"] == ""
    assert cites.loc["c8", "target_kind"] == "series" and cites.loc["c8", "series_id"] == "overdose-deaths"
    assert tuple(cites.loc["c10", ["target_kind", "series_id", "period"]]) == ("observation", "overdose-deaths", "2019")
    assert cites.loc["c7", "quote"] == '"I saw the shipment," the agent said.'


def test_lessons_frame(dataset):
    lessons = dataset.lessons
    assert lessons["step"].dtype == np.int64
    assert list(zip(lessons["lesson_id"], lessons["step"])) == [
        ("three-waves", 1), ("three-waves", 2), ("three-waves", 3), ("supply", 1), ("supply", 2)]
    assert dataset.lesson_list("es")[0] == ("three-waves", "Tres olas")


def test_queries_work_on_loaded_frames(dataset):
    assert dataset.kind_of("cbp-seizures@2021") == "observation"
    assert dataset.claim_types_of  # citations_for warns in pandas 3.1 (dataset.py, reported), so not called here
    assert dataset.fact("fentanyl-wave").date_label == "2013 – now"


def test_progress_is_reported():
    seen = []
    load_dataset(VALID, progress=lambda fraction, message: seen.append((fraction, message)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(seen) > 5


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "ds"
    shutil.copytree(VALID, folder)
    return folder


def test_excel_style_bom_and_crlf_loads(tmp_path):
    folder = _copy(tmp_path)
    for path in folder.glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    dataset = load_dataset(folder)
    assert dataset.events.loc["oxycontin-launch", "summary"] == "Purdue Pharma brings OxyContin to market.\r\nSales grow quickly."
    assert "source_id" == dataset.sources.index.name  # the BOM is not part of the first column's name


def test_without_lessons_file(tmp_path):
    folder = _copy(tmp_path)
    (folder / "lessons.csv").unlink()
    descriptor = (folder / "datapackage.json").read_text()
    (folder / "datapackage.json").write_text(descriptor.replace(',\n    {"name": "lessons", "path": "lessons.csv"}', ""))
    dataset = load_dataset(folder)
    assert len(dataset.lessons) == 0 and list(dataset.lessons.columns)[:3] == ["lesson_id", "lesson_title", "step"]


def test_missing_folder_is_a_dataset_error(tmp_path):
    with pytest.raises(DatasetError) as caught:
        load_dataset(tmp_path / "nope")
    assert caught.value.problems
