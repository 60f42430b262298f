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
    unique: bool = True  # for ids: False where rows share one (a lesson's steps)


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
        Column("lesson_id", True, "id", unique=False),
        Column("lesson_title", True, translatable=True),
        Column("step", True, "int"),
        Column("target", True, "target"),
        Column("title", False, translatable=True),
        Column("notes", False, translatable=True),
    )),
)

TABLES_BY_NAME = {table.name: table for table in TABLES}

# ---- limits ---------------------------------------------------------------
# Checked before a file is parsed (its size on disk) and while it is parsed
# (each cell). High enough for a benchmark dataset of a million observations,
# low enough that a stray video renamed .csv is refused before it is read.
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_CELL_CHARS = 1_000_000
# datapackage.json is small; nesting deeper than this is not a descriptor.
MAX_JSON_DEPTH = 64
MAX_DESCRIPTOR_BYTES = 16 * 1024 * 1024

DESCRIPTOR_FILE = "datapackage.json"
FILE_ORDER = (DESCRIPTOR_FILE,) + tuple(table.file for table in TABLES)

# ISO 639-1: the two-letter language codes a translation column may use.
LANGUAGES = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky
la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny
oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss
st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo
za zh zu
""".split())


# ---- rules ----------------------------------------------------------------
@dataclass(frozen=True)
class Rule:
    """One rule of shared/DATASET.md that the validator enforces."""

    id: str
    description: str


RULES: tuple[Rule, ...] = tuple(Rule(i, d) for i, d in (
    # files
    ("file-missing", "every required file is present: datapackage.json and the five required tables"),
    ("file-unreadable", "each file is a readable regular file, not a folder"),
    ("file-too-large", f"no file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB"),
    ("file-compressed", "files are plain text: a zip or gzip archive renamed .csv is refused, never decompressed"),
    ("file-empty", "a CSV file has at least a header line"),
    ("encoding", "files are UTF-8 (a BOM is accepted); a file that is not is one problem, at its first bad byte"),
    ("control-character", "no control characters except TAB, and line breaks inside quoted cells"),
    ("line-ending", "lines end in LF or CRLF, never in a lone CR"),
    # CSV structure
    ("csv-separator", "cells are separated by commas, not semicolons or tabs"),
    ("csv-quoting", "RFC 4180 quoting: a quoted cell is quoted whole, and a quote inside it is doubled"),
    ("csv-unclosed-quote", "every quoted cell is closed"),
    ("csv-ragged-row", "every row has as many cells as its header"),
    ("cell-too-long", f"no cell is longer than {MAX_CELL_CHARS:,} characters"),
    ("header-blank", "every column of a header has a name"),
    ("header-duplicate", "a header names each column once"),
    ("header-missing", "every required column is present"),
    # datapackage.json
    ("json-syntax", "datapackage.json is strict JSON: no trailing commas, NaN or Infinity"),
    ("json-duplicate-key", "datapackage.json names each key of an object once"),
    ("json-too-deep", f"datapackage.json nests at most {MAX_JSON_DEPTH} levels"),
    ("descriptor-object", "datapackage.json is a JSON object"),
    ("descriptor-name", "datapackage.json has a `name` that is an id"),
    ("descriptor-title", "datapackage.json has a non-empty `title`"),
    ("descriptor-resources", "datapackage.json has `resources`, a list of objects"),
    ("resource-name", "each resource's `name` is one of the tables, listed once, whose file is present"),
    ("resource-path", "each resource's `path` is exactly NAME.csv: local, no folders, no URLs"),
    ("resource-unlisted", "every table present is listed in `resources`"),
    # cells
    ("required-value", "a required column's cell is not empty"),
    ("id-format", "an id is a slug: [a-z0-9][a-z0-9-]*"),
    ("id-length", f"an id is at most {ID_MAX} characters"),
    ("id-unique", "an id is unique in its table"),
    ("vocabulary", "a column with a fixed list of values holds one of them"),
    ("date-format", "a date is YYYY-MM-DD, YYYY-MM, YYYY or a decade YYYX"),
    ("end-not-period", "`end` is empty unless `kind` is `period`"),
    ("end-required", "a period has an `end`"),
    ("end-before-start", "an `end` is not before its `start`"),
    ("url", "a url is an absolute http or https address with a host"),
    ("number", "a value is a finite decimal number"),
    ("text-length", f"an event's title is at most {TITLE_MAX} characters and its summary at most {SUMMARY_MAX}"),
    # tables together
    ("period-format", "an observation's period is written as its series' period_type asks"),
    ("observation-unique", "(series_id, period) is unique in observations.csv"),
    ("ref-series", "an observation's series_id names a series"),
    ("ref-source", "a citation's source_id names a source"),
    ("target", "a target names an event, a series, or series_id@period of an existing observation"),
    ("id-event-series", "no id is both an event_id and a series_id"),
    ("quote-or-locator", "a citation has a quote or a locator"),
    ("supported", "every event and every observation has a `supports` citation, directly or through its series"),
    ("lesson-step", "a lesson's step is a positive whole number"),
    ("lesson-step-unique", "(lesson_id, step) is unique"),
    ("lesson-step-gap", "a lesson's steps run 1 … n with no gap"),
    ("lesson-title", "lesson_title is the same on every step of a lesson"),
    ("translation-language", "a translation column's language is a lower-case ISO 639-1 code"),
    ("translation-column", "only translatable columns have translations, and their original column exists"),
))
RULES_BY_ID = {rule.id: rule for rule in RULES}
