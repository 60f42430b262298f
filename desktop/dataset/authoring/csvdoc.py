"""One CSV file kept as the bytes it was read from, so saving changes only what was edited.

A `CsvDocument` splits a file into records exactly as written (each with its
own line ending, quoting and spacing) and remembers whether it began with a
BOM. A row that was not edited is written back as its original text, byte for
byte; an edited or new row is written in RFC 4180 style with the file's own
line ending. Blank lines are kept where they were.
"""
from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass, field

BOM = "\ufeff"
_uids = itertools.count(1)
_SPECIAL = re.compile('["\\n]')


class CsvFormatError(ValueError):
    """The file is not CSV this editor can keep byte for byte (it should have been validated first)."""


@dataclass(eq=False)
class Row:
    """One record: its cells now, and the text and cells it was read with (None for a new row)."""

    cells: list[str]
    raw: str | None = None
    original: tuple[str, ...] | None = None
    uid: int = field(default_factory=lambda: next(_uids))

    @property
    def edited(self) -> bool:
        return self.raw is None or tuple(self.cells) != self.original


def split_records(text: str) -> list[str]:
    """The file's records as written, each with its line ending; a line break inside quotes stays inside."""
    if '"' not in text:
        lines = text.split("\n")
        records = [line + "\n" for line in lines[:-1]]
        return records + ([lines[-1]] if lines[-1] else [])
    records: list[str] = []
    start = 0
    quoted = False
    for match in _SPECIAL.finditer(text):
        if match.group() == '"':
            quoted = not quoted
        elif not quoted:
            end = match.end()
            records.append(text[start:end])
            start = end
    if quoted:
        raise CsvFormatError("a quoted cell is never closed")
    if start < len(text):
        records.append(text[start:])
    return records


def _body(record: str) -> str:
    """A record without its line ending."""
    if record.endswith("\r\n"):
        return record[:-2]
    return record[:-1] if record.endswith("\n") else record


def parse_record(record: str) -> list[str]:
    """The cells of one record."""
    rows = list(csv.reader(io.StringIO(_body(record), newline=""), strict=True))
    if len(rows) != 1:
        raise CsvFormatError(f"not one record: {record[:60]!r}")
    return rows[0]


def format_record(cells: list[str], newline: str) -> str:
    """One record in RFC 4180 style: quotes only where a cell needs them."""
    out = io.StringIO()
    csv.writer(out, lineterminator=newline, quoting=csv.QUOTE_MINIMAL).writerow(cells)
    return out.getvalue()


class CsvDocument:
    """A CSV file as header + rows (+ blank lines), that writes back untouched rows unchanged."""

    def __init__(self, header: list[str], newline: str = "\n", bom: bool = False) -> None:
        self.header = list(header)
        self.newline = newline
        self.bom = bom
        self.header_raw: str | None = None
        self.header_original: tuple[str, ...] | None = None
        # Items are Row objects or str (a blank line kept as written).
        self.items: list[Row | str] = []

    # ---- reading and writing --------------------------------------------------
    @classmethod
    def from_bytes(cls, data: bytes) -> CsvDocument:
        """Parse a file's bytes (UTF-8, an optional BOM)."""
        text = data.decode("utf-8")
        bom = text.startswith(BOM)
        if bom:
            text = text[1:]
        records = split_records(text)
        items: list[Row | str] = []
        header_raw = None
        for record in records:
            if _body(record) == "":
                items.append(record)
            elif header_raw is None:
                header_raw = record
            else:
                cells = parse_record(record)
                items.append(Row(cells, record, tuple(cells)))
        if header_raw is None:
            raise CsvFormatError("the file has no header line")
        newline = "\r\n" if header_raw.endswith("\r\n") else "\n"
        doc = cls(parse_record(header_raw), newline, bom)
        doc.header_raw, doc.header_original = header_raw, tuple(doc.header)
        # Blank lines before the header stay before it.
        doc.items = items
        doc._lead = records.index(header_raw)
        return doc

    _lead = 0  # how many blank lines come before the header

    def to_bytes(self) -> bytes:
        """The file as it is now: untouched rows exactly as read."""
        chunks = [BOM] if self.bom else []
        header = self.header_raw if self.header_raw is not None and tuple(self.header) == self.header_original \
            else format_record(self.header, self.newline)
        parts: list[str] = [*(x for x in self.items[:self._lead]), header]
        for item in self.items[self._lead:]:
            if isinstance(item, str):
                parts.append(item)
            elif item.edited:
                parts.append(format_record(item.cells, self.newline))
            else:
                parts.append(item.raw)
        for i in range(len(parts) - 1):  # a record read without a final line ending gains one when one follows
            if not parts[i].endswith("\n"):
                parts[i] += self.newline
        chunks.extend(parts)
        return "".join(chunks).encode("utf-8")

    # ---- rows -----------------------------------------------------------------
    @property
    def rows(self) -> list[Row]:
        return [item for item in self.items if isinstance(item, Row)]

    def index(self, name: str) -> int:
        return self.header.index(name)

    def get(self, row: Row, name: str) -> str:
        """A cell by column name ("" for a column the file does not have)."""
        return row.cells[self.header.index(name)] if name in self.header else ""

    def as_dict(self, row: Row) -> dict[str, str]:
        return dict(zip(self.header, row.cells))

    def find(self, column: str, value: str) -> Row | None:
        if column not in self.header:
            return None
        i = self.header.index(column)
        return next((r for r in self.rows if r.cells[i] == value), None)

    def row_by_uid(self, uid: int) -> Row:
        return next(r for r in self.rows if r.uid == uid)

    def position(self, row: Row) -> int:
        return next(i for i, item in enumerate(self.items) if item is row)

    def line_of(self, row: Row) -> int:
        """The line where the record starts (the header is line 1, blank lines count)."""
        return self.lines()[row.uid]

    def lines(self) -> dict[int, int]:
        """Row uid → the line where the row starts, as the file would be written now."""
        out: dict[int, int] = {}
        line = 1 + self._lead + ((self.header_raw or "").count("\n") or 1)
        for item in self.items[self._lead:]:
            if isinstance(item, Row):
                out[item.uid] = line
                text = item.raw if not item.edited else format_record(item.cells, "\n")
            else:
                text = item
            line += text.count("\n") or 1
        return out

    def make_row(self, values: dict[str, str]) -> Row:
        """A new row (not yet in the file) from column → value; unnamed columns are empty."""
        unknown = set(values) - set(self.header)
        if unknown:
            raise KeyError(f"no such column: {', '.join(sorted(unknown))}")
        return Row([values.get(name, "") for name in self.header])

    def add_column(self, name: str) -> None:
        """Append a column (empty in every row): rows gain a trailing empty cell."""
        self.header.append(name)
        if self.header_raw is not None:
            body = _body(self.header_raw)
            self.header_raw = body + "," + format_record([name], "\n")[:-1] + self.header_raw[len(body):]
            self.header_original = tuple(self.header)
        for row in self.rows:
            row.cells.append("")
            if row.original is not None and row.raw is not None:
                # The old text plus one empty cell is still the row as read: keep its bytes otherwise.
                body = _body(row.raw)
                row.raw = body + "," + row.raw[len(body):]
                row.original = row.original + ("",)
