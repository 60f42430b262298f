"""A new dataset to start from: every table with its header and one example row, valid as it is.

The example rows show each table's columns filled in the way the contract
asks, so a teacher can open the files in a spreadsheet, copy a row and change
it. `write_template` refuses a folder that exists and is not empty.
"""
from __future__ import annotations

import json
from pathlib import Path

from ...fileio import write_atomic
from ..contract import DESCRIPTOR_FILE, TABLES
from .csvdoc import format_record

EXAMPLE_ROWS: dict[str, dict[str, str]] = {
    "sources": {
        "source_id": "example-source", "kind": "government-data",
        "title": "Example statistics page", "author": "",
        "publisher": "Example Statistics Office", "published": "2024",
        "url": "https://www.example.org/statistics", "accessed": "2025-01-15",
        "notes": "Replace this row with a document you cite.",
    },
    "events": {
        "event_id": "example-event", "kind": "event", "start": "2024-03",
        "end": "", "title": "An example event",
        "summary": "One to three sentences saying what happened. Replace this row with your own event.",
        "category": "Example", "place": "", "tags": "example",
    },
    "series": {
        "series_id": "example-series", "title": "Example counts", "unit": "people",
        "period_type": "year", "description": "What is counted, and how.", "group": "",
    },
    "observations": {
        "series_id": "example-series", "period": "2024", "value": "100", "qualifier": "", "note": "",
    },
    "citations": {
        "citation_id": "example-citation", "target": "example-event", "source_id": "example-source",
        "claim_type": "official-statistic", "stance": "supports",
        "quote": "The source's own words, copied exactly.", "locator": "para 1", "note": "",
    },
    "lessons": {
        "lesson_id": "example-lesson", "lesson_title": "An example lesson", "step": "1",
        "target": "example-event", "title": "", "notes": "What you say to the class at this step.",
    },
}
# The example value needs a citation too: every value is backed, directly or through its series.
SERIES_CITATION = {
    "citation_id": "example-series-citation", "target": "example-series", "source_id": "example-source",
    "claim_type": "official-statistic", "stance": "supports", "quote": "", "locator": "Table 1", "note": "",
}


class TemplateError(ValueError):
    """The folder cannot take a new dataset (it exists and is not empty)."""


def template_files(name: str = "my-dataset", title: str = "My dataset") -> dict[str, bytes]:
    """File name → bytes of a new, valid dataset."""
    files: dict[str, bytes] = {}
    resources = []
    for spec in TABLES:
        header = [c.name for c in spec.columns]
        rows = [EXAMPLE_ROWS[spec.name]] + ([SERIES_CITATION] if spec.name == "citations" else [])
        text = format_record(header, "\n") + "".join(format_record([r[c] for c in header], "\n") for r in rows)
        files[spec.file] = text.encode("utf-8")
        resources.append({"name": spec.name, "path": spec.file})
    descriptor = {
        "name": name, "title": title,
        "description": "A dataset made with Factdeck. Replace the example rows with your own.",
        "version": "0.1.0", "resources": resources,
    }
    files[DESCRIPTOR_FILE] = (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return files


def write_template(folder: str | Path) -> Path:
    """Write a new dataset into `folder` (created if needed); TemplateError if it holds anything."""
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise TemplateError(f"{target} is a file, not a folder")
    if target.is_dir() and any(target.iterdir()):
        raise TemplateError(f"{target} is not empty; choose a new or empty folder so nothing is overwritten")
    target.mkdir(parents=True, exist_ok=True)
    slug = "".join(c if c.isalnum() else "-" for c in target.name.lower()).strip("-")[:64] or "my-dataset"
    if not slug[0].isalnum():
        slug = "my-dataset"
    files = template_files(slug if slug.isascii() else "my-dataset", target.name or "My dataset")
    for name in sorted(files, key=lambda n: n == DESCRIPTOR_FILE):
        write_atomic(target / name, files[name])
    return target
