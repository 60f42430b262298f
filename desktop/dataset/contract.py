"""The dataset contract of shared/DATASET.md, written down as data.

The loader checks a folder against what is declared here; the tests check that
every rule named in `RULES` has a broken fixture that trips it.
"""
from __future__ import annotations

from dataclasses import dataclass

SOURCE_KINDS = (
    "news", "opinion", "government-report", "government-data", "testimony",
    "press-release", "court-record", "academic", "reference", "other",
)
EVENT_KINDS = ("event", "period", "statement")
PERIOD_TYPES = ("year", "us-fiscal-year", "month", "day")
QUALIFIERS = ("exact", "approximate", "at-least", "more-than", "less-than", "provisional", "estimate")
CLAIM_TYPES = (
    "official-statistic", "official-statement", "named-source", "anonymous-source",
    "journalist-assertion", "court-record", "expert-estimate",
)
STANCES = ("supports", "context", "disputes")
STANCE_ORDER = {stance: i for i, stance in enumerate(STANCES)}

ID_MAX = 64
TITLE_MAX = 90
SUMMARY_MAX = 600


@dataclass(frozen=True)
class Column:
    """One column of one table: its name, whether it must be present and filled, and its kind."""

    name: str
    required: bool
    kind: str = "text"  # text, id, date, end-date, url, number, int, vocab, ref, target, tags
    vocab: tuple[str, ...] = ()
    translatable: bool = False
    max_length: int | None = None


@dataclass(frozen=True)
class Table:
    """One CSV file of a dataset."""

    name: str
    required: bool
    columns: tuple[Column, ...]

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)


TABLES: tuple[Table, ...] = (
    Table("sources", True, (
        Column("source_id", True, "id"),
        Column("kind", True, "vocab", SOURCE_KINDS),
        Column("title", True),
        Column("author", False),
        Column("publisher", True),
        Column("published", False, "date"),
        Column("url", False, "url"),
        Column("accessed", False, "date"),
        Column("notes", False, translatable=True),
    )),
    Table("events", True, (
        Column("event_id", True, "id"),
        Column("kind", True, "vocab", EVENT_KINDS),
        Column("start", True, "date"),
        Column("end", False, "end-date"),
        Column("title", True, translatable=True, max_length=TITLE_MAX),
        Column("summary", True, translatable=True, max_length=SUMMARY_MAX),
        Column("category", True, translatable=True),
        Column("place", False, translatable=True),
        Column("tags", False, "tags"),
    )),
    Table("series", True, (
        Column("series_id", True, "id"),
        Column("title", True, translatable=True),
        Column("unit", True, translatable=True),
        Column("period_type", True, "vocab", PERIOD_TYPES),
        Column("description", False, translatable=True),
        Column("group", False),
    )),
    Table("observations", True, (
        Column("series_id", True, "ref"),
        Column("period", True, "period"),
        Column("value", True, "number"),
        Column("qualifier", False, "vocab", QUALIFIERS),
        Column("note", False),
    )),
    Table("citations", True, (
        Column("citation_id", True, "id"),
        Column("target", True, "target"),
        Column("source_id", True, "ref"),
        Column("claim_type", True, "vocab", CLAIM_TYPES),
        Column("stance", True, "vocab", STANCES),
        Column("quote", False),
        Column("locator", False),
        Column("note", False, translatable=True),
    )),
    Table("lessons", False, (
        Column("lesson_id", True, "id"),
        Column("lesson_title", True, translatable=True),
        Column("step", True, "int"),
        Column("target", True, "target"),
        Column("title", False, translatable=True),
        Column("notes", False, translatable=True),
    )),
)

TABLES_BY_NAME = {table.name: table for table in TABLES}
