"""An "evil" dataset: injection strings in every free-text field, still valid.

`write_evil_dataset(folder, sentinel)` copies tests/fixtures/valid and adds,
for each string of `injections(sentinel)`, a source, an event, a series with
one value, citations of both, and a one-step lesson, putting the string in
every text field the contract leaves free (ids, dates, vocabularies and urls
keep their rules; event titles are cut to 90 characters, summaries to 600).
The descriptor's title carries markup too.

`sentinel` is a local file the strings point at (`<img src>`, file: links);
a test watches that nothing ever opens it.
"""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from desktop.dataset.contract import SUMMARY_MAX, TITLE_MAX

VALID = Path(__file__).resolve().parents[1] / "fixtures" / "valid"

# Invisible direction controls: each must be shown as a marker or isolated, never obeyed silently.
RLO, RLI, PDI, LRE, PDF = "\u202e", "\u2067", "\u2069", "\u202a", "\u202c"

# Paths and schemes the markup points at: none may ever be opened.
WATCHED_PATHS = ("/etc/passwd", "/dev/zero", "/etc/shadow")


def injections(sentinel: Path) -> list[str]:
    """At least 20 strings that would do harm if any widget read them as markup, a link or a format."""
    s = str(sentinel)
    return [
        "<b>evil-bold</b> and <i>italic</i>",
        f'<img src="{s}"> local image',
        '<img src="/dev/zero" width="9999" height="9999"> endless image',
        '<img src="/etc/passwd">',
        f'<a href="file://{s}">file link</a>',
        '<a href="javascript:alert(1)">javascript link</a>',
        '<a href="data:text/html,<script>alert(1)</script>">data link</a>',
        '<a href="factdeck-evil://run?cmd=rm">custom scheme link</a>',
        "javascript:alert(document.cookie)",
        f"file://{s}",
        "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
        "smb://attacker.example/share ms-settings:display tel:+1555",
        "<script>alert('x')</script><style>*{font-size:900px}</style>",
        "<qt><h1>Qt rich text header</h1></qt>",
        '<span style="background-image:url(/etc/passwd)">styled span</span>',
        "<div>" * 300 + "deep nesting" + "</div>" * 300,
        "<table>" + "<tr><td>cell</td><td>cell</td></tr>" * 400 + "</table>",
        f"invoice{RLO}gnp.exe",
        f"{RLI}admin{PDI} approved {LRE}mixed{PDF}",
        "https://аpple.com/login (Cyrillic а)",
        "https://school.example@evil.example/",
        "&lt;b&gt;entity&lt;/b&gt; &amp;amp; &#60;img&#62;",
        "{0} {title} %s %n {} {{ }} %(name)s",
        "<!-- unclosed comment",
        "Z̸̡̢̛̛̛͈̮̞̫͎̗͕̤̺̭͖̥̘̘̬̱̈́̅̀̈́͐̀͆̆̍̂̓̑̓́̕͝͝͝a̵͎͎̖̪̟̒l̴̢̞̟̑̕g̶͉̓o̶̙̊" + "W" * 3000,
    ]


def _read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with open(VALID / name, encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        return list(reader.fieldnames or []), list(reader)


def _write(folder: Path, name: str, header: list[str], rows: list[dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: row.get(column, "") for column in header})
    (folder / name).write_text(buffer.getvalue(), encoding="utf-8")


def _title(text: str) -> str:
    return text[:TITLE_MAX]


def write_evil_dataset(folder: Path, sentinel: Path) -> list[str]:
    """Write the evil dataset into `folder` (which must not exist); return the strings used."""
    shutil.copytree(VALID, folder)
    strings = injections(sentinel)
    tables = {name: _read(f"{name}.csv") for name in ("sources", "events", "series", "observations",
                                                       "citations", "lessons")}
    for i, text in enumerate(strings):
        src, ev, ser = f"evil-src-{i}", f"evil-ev-{i}", f"evil-s-{i}"
        tables["sources"][1].append({
            "source_id": src, "kind": "other", "title": text, "author": text, "publisher": text,
            "published": "2020", "notes": text, "notes@es": text,
            # A lookalike host in a valid url: the confirmation dialog must show the real host.
            "url": "https://xn--pple-43d.com/" if i % 2 else "https://school.example@evil.example/",
        })
        tables["events"][1].append({
            "event_id": ev, "kind": "event", "start": str(1990 + i), "title": _title(text),
            "summary": text[:SUMMARY_MAX], "category": text if i % 3 == 0 else "Evil",
            "place": text, "tags": text, "title@es": _title(text),
        })
        tables["series"][1].append({
            "series_id": ser, "title": text, "unit": text, "period_type": "year", "description": text,
            "group": text, "title@es": text,
        })
        tables["observations"][1].append({"series_id": ser, "period": "2020", "value": str(i + 1), "note": text})
        tables["citations"][1].extend([
            {"citation_id": f"evil-c-{i}", "target": ev, "source_id": src, "claim_type": "named-source",
             "stance": "supports", "quote": text, "locator": text, "note": text, "note@es": text},
            {"citation_id": f"evil-cs-{i}", "target": ser, "source_id": src, "claim_type": "official-statistic",
             "stance": "supports", "quote": text, "locator": text, "note": text, "note@es": text},
            {"citation_id": f"evil-cd-{i}", "target": f"{ser}@2020", "source_id": src, "claim_type": "expert-estimate",
             "stance": "disputes", "quote": text, "locator": text, "note": text, "note@es": text},
        ])
        tables["lessons"][1].append({
            "lesson_id": f"evil-l-{i}", "lesson_title": text, "step": "1", "target": ev, "title": text,
            "notes": text, "lesson_title@es": text,
        })
    for name, (header, rows) in tables.items():
        _write(folder, f"{name}.csv", header, rows)
    descriptor = json.loads((VALID / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["title"] = f'<b>Evil</b> <img src="{sentinel}"> dataset {RLO}txt.exe'
    descriptor["description"] = strings[5]
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    return strings
