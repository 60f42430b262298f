"""A small dataset written for the citation-pane tests: hostile text, every stance, lookalike links.

`citation_dataset(folder)` writes it and loads it through the real loader,
so the tests see exactly what the app would. The test in this module proves
it is valid, so a failing pane test never means a broken fixture.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

INJECTION_QUOTE = '<b>bold</b> <img src="file:///etc/passwd"> <a href="https://evil.example/">click</a>'
INJECTION_TITLE = "Deaths <img src=x onerror=alert(1)>"
RLO_QUOTE = "Shipped as \u202etxt.exe and logged"
IDN_URL = "https://\u0430pple.example/news"  # Cyrillic "а": a lookalike host
USERINFO_URL = "https://school.example@evil.example/page"

TABLES: dict[str, list[dict[str, str]]] = {
    "sources": [
        {"source_id": "s-official", "kind": "government-data", "title": INJECTION_TITLE, "author": "",
         "publisher": "Centers for Disease Control and Prevention", "published": "2023-01",
         "url": "https://wonder.cdc.gov/", "accessed": "2024-03-01", "notes": "Final data"},
        {"source_id": "s-news", "kind": "news", "title": "Where the pills come from", "author": "Doe, Jane",
         "publisher": "The Daily Paper", "published": "2019-11-04", "url": IDN_URL, "accessed": "", "notes": ""},
        {"source_id": "s-anon", "kind": "opinion", "title": "[An unsigned opinion piece]", "author": "",
         "publisher": "Unknown", "published": "", "url": "", "accessed": "", "notes": ""},
        {"source_id": "s-evil", "kind": "other", "title": "A page", "author": "",
         "publisher": "Somebody", "published": "2018", "url": USERINFO_URL, "accessed": "", "notes": ""},
        {"source_id": "s-unused", "kind": "reference", "title": "Nobody cites this", "author": "",
         "publisher": "Reference House", "published": "201X", "url": "", "accessed": "", "notes": ""},
    ],
    "events": [
        {"event_id": "e-inject", "kind": "event", "start": "2019-11-04", "end": "",
         "title": "Seizure <b>at</b> the port", "summary": '<a href="https://evil.example/">Read more</a>',
         "category": "Supply", "place": ""},
        {"event_id": "e-plain", "kind": "event", "start": "2018", "end": "", "title": "A quiet year",
         "summary": "Nothing much.", "category": "Policy", "place": "Ohio"},
    ],
    "series": [
        {"series_id": "deaths", "title": "Overdose deaths", "unit": "deaths", "period_type": "year",
         "description": "Deaths per year."},
    ],
    "observations": [
        {"series_id": "deaths", "period": "2018", "value": "31335", "qualifier": "", "note": ""},
        {"series_id": "deaths", "period": "2019", "value": "36359", "qualifier": "provisional", "note": "Provisional"},
    ],
    "citations": [
        {"citation_id": "c-disputes", "target": "e-inject", "source_id": "s-anon", "claim_type": "journalist-assertion",
         "stance": "disputes", "quote": "It never happened.", "locator": "", "note": "Says the opposite."},
        {"citation_id": "c-context", "target": "e-inject", "source_id": "s-news", "claim_type": "anonymous-source",
         "stance": "context", "quote": RLO_QUOTE, "locator": "para 12", "note": ""},
        {"citation_id": "c-inject", "target": "e-inject", "source_id": "s-official", "claim_type": "official-statistic",
         "stance": "supports", "quote": INJECTION_QUOTE, "locator": "Table 1", "note": "<script>x</script>"},
        {"citation_id": "c-plain", "target": "e-plain", "source_id": "s-evil", "claim_type": "named-source",
         "stance": "supports", "quote": "", "locator": "p. 3", "note": ""},
        {"citation_id": "c-series", "target": "deaths", "source_id": "s-official", "claim_type": "official-statistic",
         "stance": "supports", "quote": "", "locator": "Table 1", "note": ""},
        {"citation_id": "c-value", "target": "deaths@2019", "source_id": "s-news", "claim_type": "expert-estimate",
         "stance": "supports", "quote": "About 36,000 died.", "locator": "", "note": ""},
    ],
    "lessons": [
        {"lesson_id": "quiet", "lesson_title": "A quiet lesson", "step": "1", "target": "e-plain", "title": "",
         "notes": ""},
        {"lesson_id": "quiet", "lesson_title": "A quiet lesson", "step": "2", "target": "deaths@2019", "title": "",
         "notes": ""},
    ],
}


def write_dataset(folder: Path, tables: dict[str, list[dict[str, str]]] = TABLES) -> Path:
    """Write the tables and a descriptor into `folder` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as stream:
            writer = csv.DictWriter(stream, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    descriptor = {"name": "citation-tests", "title": "Citation pane tests",
                  "resources": [{"name": name, "path": f"{name}.csv"} for name in tables]}
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return folder


def citation_dataset(folder: Path):
    """The dataset above, loaded by the real loader."""
    from desktop.dataset.loader import load_dataset

    return load_dataset(write_dataset(folder))


def test_the_citation_test_dataset_is_valid(tmp_path):
    dataset = citation_dataset(tmp_path / "ds")
    assert set(dataset.citations["stance"]) == {"supports", "context", "disputes"}
    assert dataset.sources.loc["s-news", "url"] == IDN_URL
