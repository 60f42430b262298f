"""A seeded generator of large, valid datasets for benchmarks (shared/DATASET.md).

`write_synthetic(folder, events=100_000, seed=1)` writes a Data Package that the
loader accepts: events of every kind and date precision spread over 1990–2025
in eight categories, every event with a supporting citation (some with two,
some disputed, a few anonymous), two series and a short lesson. The same seed
always writes the same files, so numbers from different runs compare.
"""
from __future__ import annotations

import csv
import json
import random
from pathlib import Path

CATEGORIES = ("Policy", "Enforcement", "Public health", "Pharma", "Supply", "Courts", "Research", "Media")
CLAIMS = ("official-statistic", "official-statement", "named-source", "anonymous-source",
          "journalist-assertion", "court-record", "expert-estimate")
WORDS = ("fentanyl", "seizure", "port", "cartel", "prescription", "overdose", "naloxone", "treatment",
         "indictment", "report", "hearing", "shipment", "precursor", "clinic", "county", "border",
         "study", "grant", "ruling", "settlement", "warning", "label", "pill", "powder")
SOURCES = 200


def _date(rng: random.Random, year: int) -> str:
    """A date with a random precision: mostly days, some months, some years."""
    roll = rng.random()
    if roll < 0.6:
        return f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if roll < 0.85:
        return f"{year:04d}-{rng.randint(1, 12):02d}"
    return f"{year:04d}"


def _write(path: Path, header: list[str], rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_synthetic(folder: Path, events: int = 100_000, seed: int = 1) -> Path:
    """Write a valid dataset with `events` timeline entries into `folder` (created); return it."""
    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    _write(folder / "sources.csv", ["source_id", "kind", "title", "author", "publisher", "published"], [
        (f"s{k}", "news", f"Report number {k} on {rng.choice(WORDS)}", f"Writer, Name{k}",
         f"Outlet {k % 37}", str(1990 + k % 35)) for k in range(SOURCES)
    ])
    event_rows, citation_rows = [], []
    for k in range(events):
        year = rng.randint(1990, 2024)
        roll = rng.random()
        kind = "period" if roll < 0.05 else "statement" if roll < 0.1 else "event"
        start = _date(rng, year)
        end = ""
        if kind == "period":
            end = ".." if rng.random() < 0.05 else str(min(2025, year + rng.randint(0, 4)))
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 7))).capitalize() + f" {k}"
        summary = "Synthetic summary about " + " ".join(rng.choice(WORDS) for _ in range(12)) + "."
        event_rows.append((f"e{k}", kind, start, end, title, summary, rng.choice(CATEGORIES), "", ""))
        claim = rng.choice(CLAIMS)
        citation_rows.append((f"c{k}", f"e{k}", f"s{rng.randrange(SOURCES)}", claim, "supports",
                              f"Quoted {rng.choice(WORDS)} words {k}", ""))
        if rng.random() < 0.2:
            stance = "disputes" if rng.random() < 0.3 else "supports"
            citation_rows.append((f"c{k}b", f"e{k}", f"s{rng.randrange(SOURCES)}", rng.choice(CLAIMS), stance,
                                  "", "para 2"))
    event_rows.sort(key=lambda row: row[2])
    _write(folder / "events.csv", ["event_id", "kind", "start", "end", "title", "summary", "category", "place", "tags"],
           event_rows)
    _write(folder / "series.csv", ["series_id", "title", "unit", "period_type", "description", "group"], [
        ("deaths", "Overdose deaths", "deaths", "year", "", "deaths"),
        ("seizures", "Seizures", "pounds", "month", "", "seizures"),
    ])
    observations = [("deaths", str(y), str(1000 + 37 * (y - 1990)), "", "") for y in range(1990, 2025)]
    observations += [("seizures", f"{y}-{m:02d}", str(rng.randint(10, 900)), "", "")
                     for y in range(2015, 2025) for m in range(1, 13)]
    _write(folder / "observations.csv", ["series_id", "period", "value", "qualifier", "note"], observations)
    citation_rows += [("cs-deaths", "deaths", "s0", "official-statistic", "supports", "", "Table 1"),
                      ("cs-seizures", "seizures", "s1", "official-statistic", "supports", "", "Table 2")]
    _write(folder / "citations.csv", ["citation_id", "target", "source_id", "claim_type", "stance", "quote", "locator"],
           citation_rows)
    lesson_targets = [f"e{k}" for k in range(0, events, max(1, events // 5))][:5]
    _write(folder / "lessons.csv", ["lesson_id", "lesson_title", "step", "target", "title", "notes"], [
        ("tour", "A tour", str(step), target, "", "") for step, target in enumerate(lesson_targets, 1)
    ])
    resources = [{"name": name, "path": f"{name}.csv"}
                 for name in ("sources", "events", "series", "observations", "citations", "lessons")]
    descriptor = {"name": f"synthetic-{events}", "title": f"Synthetic dataset of {events:,} events",
                  "resources": resources}
    (folder / "datapackage.json").write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    return folder
