"""Strict reading of one CSV table: bytes → header, text cells and line numbers, or problems.

Every cell is read as text and kept exactly as written (no type guessing, no
trimming; only a zero-length cell is empty). A clean file goes through
pandas' C parser after a vectorised scan has proven its structure (UTF-8,
no control characters, RFC 4180 quoting, every row as wide as its header);
the scan also yields the line where each record starts. A file that fails the
scan is read again with Python's csv module, row by row, to say precisely
what is wrong and where.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .contract import MAX_CELL_CHARS, MAX_FILE_BYTES
from .problems import Problem

BOM = b"\xef\xbb\xbf"
QUOTE, COMMA, LF, CR = 34, 44, 10, 13

# C0 controls other than TAB, LF, CR; DEL; C1 controls (as text).
_BAD_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32), 127])
_KEEP_BYTES = bytes(b for b in range(256) if b not in _BAD_BYTES)
_C1 = re.compile(rb"\xc2[\x80-\x9f]")
_CONTROL_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MAGIC = (
    (b"\x1f\x8b", "a gzip archive"),
    (b"PK\x03\x04", "a zip archive (or an Excel .xlsx workbook)"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"\xd0\xcf\x11\xe0", "an old Excel .xls workbook"),
    (b"%PDF", "a PDF document"),
)

# Python's csv module refuses cells over 128 KiB by default; our own limit is
# checked per cell, so lift its limit past any file we agree to read.
csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES + 1))


@dataclass
class CsvTable:
    """What reading one CSV file gave.

    `frame` is None when the file could not be read as a table at all.
    `complete` is False when rows were left out (too wide, too narrow), so
    references into the table must not be judged against it.
    """

    file: str
    header: list[str] | None = None
    frame: pd.DataFrame | None = None
    lines: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    problems: list[Problem] = field(default_factory=list)
    complete: bool = False
    numbers: dict[str, np.ndarray] = field(default_factory=dict)  # number columns already parsed by the checks
    dates: dict[str, np.ndarray] = field(default_factory=dict)  # per distinct text: PartialDate or None
    _factors: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict, repr=False)
    _indexes: dict[str, pd.Index | None] = field(default_factory=dict, repr=False)

    def problem(self, line: int | None, column: str | None, message: str, rule: str) -> None:
        self.problems.append(Problem(self.file, line, column, message, rule))

    def factorized(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        """(code per row, distinct texts as an object array) of one column, found once.

        Columns that repeat (periods, values, references, dates, vocabularies) are judged
        once per distinct text and the verdicts spread back by code, by the cell rules and
        the cross-table rules alike.
        """
        found = self._factors.get(column)
        if found is None:
            found = self._factors[column] = _factorize(self.frame[column].to_numpy(dtype=object))
        return found

    def id_index(self, column: str) -> pd.Index | None:
        """The column as a hashed index for lookups, built once; None when a value repeats."""
        if column not in self._indexes:
            index = pd.Index(self.frame[column].to_numpy(dtype=object), dtype=object)
            self._indexes[column] = index if index.is_unique else None
        return self._indexes[column]


def _factorize(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """pd.factorize, cheaper for a column written in runs (observations come series by series)
    and for a column mostly empty (an optional one, such as a value's qualifier)."""
    head = cells[:4096]
    if len(cells) > 4096 and np.count_nonzero(head == "") > len(head) * 3 // 4:  # mostly empty, judging by the start
        filled = np.flatnonzero(cells != "")  # one comparison per cell is a fraction of hashing each
        if len(filled) < len(cells) // 4:
            filled_codes, filled_uniques = _factorize(cells[filled])
            codes = np.zeros(len(cells), dtype=np.intp)  # "" is distinct text 0
            codes[filled] = filled_codes + 1
            return codes, np.concatenate((np.array([""], dtype=object), filled_uniques))
    if len(cells) > 4096 and np.count_nonzero(head[1:] != head[:-1]) < 64:  # runs, judging by the start
        starts = np.flatnonzero(cells[1:] != cells[:-1]) + 1
        if len(starts) < len(cells) // 16:
            starts = np.concatenate(([0], starts))
            run_codes, uniques = pd.factorize(cells[starts])
            return np.repeat(run_codes, np.diff(np.append(starts, len(cells)))), np.asarray(uniques, dtype=object)
    hint = None
    if len(cells) > _SAMPLE:
        # pandas sizes the hash table for every row being distinct: 30 MB for a million rows,
        # which (page faults and all) cost more than the hashing. Size it for what the column
        # seems to hold instead; it grows if that was too little.
        hint = max(1024, 2 * len(pd.unique(cells[:_SAMPLE])))
    codes, uniques = pd.factorize(cells, size_hint=hint)
    return codes, np.asarray(uniques, dtype=object)


_SAMPLE = 1 << 16


def read_table(path: Path, required_columns: tuple[str, ...] = ()) -> CsvTable:
    """Read one CSV file strictly; problems go into the result, never raised."""
    table = CsvTable(path.name)
    if _stream_read(path, table, required_columns):
        return table
    data = _read_bytes(path, table)
    if data is None:
        return table
    data = _check_encoding(data, table)
    if data is None:
        return table
    data, clean, newlines, commas = _check_characters(data, table)
    if not _separator_ok(data, table):
        return table
    # A blank line, or a row too short, makes the comma count fall short; a row too wide makes pandas fail.
    if clean and b'"' not in data and not data.startswith((b"\n", b"\r\n")):
        # The common case, proven with a few counts: no quotes, so every line is a record.
        end = data.find(b"\n")
        header = _header(data[:end if end >= 0 else len(data)], 1, table, required_columns)
        if header is None:
            return table
        records = newlines + (0 if data.endswith(b"\n") else 1)
        if commas == (len(header) - 1) * records:
            frame = _fast_read(data, header, records - 1)
            if frame is not None:
                table.header, table.frame, table.complete = header, frame, True
                table.lines = np.arange(2, records + 1, dtype=np.int64)
                _check_long_lines(data, table)
                return table
    scan = _scan(data, table)
    if scan is None:
        return table
    header = _header(data[scan.starts[0]:scan.ends[0]], int(scan.lines[0]), table, required_columns)
    if header is None:
        return table
    table.header = header
    if clean and scan.uniform(len(header)):
        frame = _fast_read(data, header, len(scan.row_lines))
        if frame is not None:
            table.frame, table.lines, table.complete = frame, scan.row_lines, True
            if (scan.ends - scan.starts).max() > MAX_CELL_CHARS:  # a cell is no longer than its record
                _check_cell_lengths(table)
            return table
    _slow_read(data, header, table)
    return table


# ---- the common case, streamed ----------------------------------------------
class _NotPlain(ValueError):
    """The file being streamed needs the careful path (raised through pandas to stop it early)."""


class _Stream:
    """A file handed to pandas a block at a time, counting on the way what the fast path must prove.

    The counts are the ones read_table's fast path takes of the whole file (line breaks,
    commas, control bytes, quotes, CRs), so the file is never held whole in memory as well
    as parsed, and what pandas parsed is exactly what was checked.
    """

    def __init__(self, handle, first: bytes):
        self._handle, self._pending = handle, first
        self.newlines = self.commas = self.low = self.tabs = self.crs = self.crlfs = 0
        self.quoted = self.refused = False  # a quote; DEL, a C1 control or bytes that are not UTF-8
        self.last = b""
        self.longest = self._since = 0  # the longest line so far, and the current one
        self._decoder = codecs.getincrementaldecoder("utf-8")()

    def read(self, size: int = -1) -> bytes:
        if self._pending:
            block, self._pending = self._pending, b""
        else:
            block = self._handle.read(size if size and size > 0 else _BLOCK)
        if block:
            self._count(block)
        elif not self.refused:
            try:
                self._decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                self.refused = True
        return block

    def _count(self, block: bytes) -> None:
        values = np.frombuffer(block, dtype=np.uint8)
        breaks = np.flatnonzero(values == LF)
        self.newlines += len(breaks)
        self.commas += int(np.count_nonzero(values == COMMA))
        self.low += int(np.count_nonzero(values < 32))
        if len(breaks):
            inner = int(np.diff(breaks).max()) - 1 if len(breaks) > 1 else 0
            self.longest = max(self.longest, self._since + int(breaks[0]), inner)
            self._since = len(block) - int(breaks[-1]) - 1
        else:
            self._since += len(block)
        self.longest = max(self.longest, self._since)
        self.quoted = self.quoted or b'"' in block
        if b"\t" in block:
            self.tabs += block.count(b"\t")
        if b"\r" in block:
            self.crs += block.count(b"\r")
            self.crlfs += block.count(b"\r\n")
        if self.last == b"\r" and block.startswith(b"\n"):
            self.crlfs += 1
        c1 = (b"\xc2" in block and _C1.search(block)) or (self.last == b"\xc2" and 0x80 <= block[0] <= 0x9f)
        self.refused = self.refused or b"\x7f" in block or bool(c1)
        if not self.refused and not block.isascii():
            try:
                self._decoder.decode(block)
            except UnicodeDecodeError:
                self.refused = True
        self.last = block[-1:]
        if self.quoted or self.refused or self.low != self.newlines + self.tabs + self.crs:
            raise _NotPlain  # stop pandas here: this file goes the careful way anyway

    def proven(self, width: int) -> int | None:
        """The number of records when every line is a clean record `width` cells wide, else None."""
        records = self.newlines + (0 if self.last == b"\n" else 1)
        clean = (not self.quoted and not self.refused and self.crs == self.crlfs
                 and self.low == self.newlines + self.tabs + self.crs)
        return records if clean and self.commas == (width - 1) * records else None


def _stream_read(path: Path, table: CsvTable, required: tuple[str, ...]) -> bool:
    """Read a plain file (no quotes, nothing to report) while checking it, as the fast path would.

    Returns False, with `table` untouched, for anything else: read_table then reads the
    whole file and says precisely what is wrong, exactly as before.
    """
    try:
        if not path.is_file() or not 0 < path.stat().st_size <= MAX_FILE_BYTES:
            return False
        with open(path, "rb") as handle:
            first = handle.read(_BLOCK)
            if (any(first.startswith(magic) for magic, _ in _MAGIC) or first.startswith((b"\xff\xfe", b"\xfe\xff"))
                    or _looks_utf16(first)):
                return False
            first = first.removeprefix(BOM)
            end = first.find(b"\n")
            if end <= 0 or first.startswith(b"\r\n") or b"," not in first[:end] or b'"' in first:
                return False  # blank first line, no comma, quotes, or a header longer than a block
            scratch = CsvTable(table.file)
            header = _header(first[:end], 1, scratch, required)
            if header is None or scratch.problems:
                return False
            stream = _Stream(handle, first)
            frame = _parse(stream)
            while stream.read(_BLOCK):  # pandas may stop before the end: count all of it
                pass
    except (OSError, ValueError, pd.errors.ParserError):
        return False  # (UnicodeDecodeError is a ValueError)
    records = stream.proven(len(header))
    if records is None or len(frame) != records - 1 or frame.shape[1] != len(header):
        return False
    frame.columns = header
    table.header, table.frame, table.complete = header, frame, True
    table.lines = np.arange(2, records + 1, dtype=np.int64)
    if stream.longest >= MAX_CELL_CHARS // 2:  # a cell is no longer than its line
        _check_cell_lengths(table)
    return True


# ---- bytes and characters ---------------------------------------------------
def _read_bytes(path: Path, table: CsvTable) -> bytes | None:
    try:
        if not path.is_file():
            table.problem(None, None, "this is not a file (a folder?); it must be a CSV file", "file-unreadable")
            return None
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            table.problem(None, None, (
                f"this file has {size:,} bytes; a file may have at most {MAX_FILE_BYTES:,} "
                f"({MAX_FILE_BYTES // (1024 * 1024)} MiB, MAX_FILE_BYTES)"), "file-too-large")
            return None
        data = path.read_bytes()
    except OSError as error:
        table.problem(None, None, f"this file cannot be read: {error.strerror or error}", "file-unreadable")
        return None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            table.problem(None, None, (
                f"this file is {what}, not a CSV text file; open it in its program and "
                "save it as CSV UTF-8 (files are never decompressed)"), "file-compressed")
            return None
    if not data or data == BOM:
        table.problem(None, None, "this file is empty; it needs at least a header line naming its columns", "file-empty")
        return None
    return data


def _check_encoding(data: bytes, table: CsvTable) -> bytes | None:
    """Strip a BOM and prove the rest is UTF-8; one problem at the first bad byte otherwise."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data):
        table.problem(1, None, (
            'this file is saved as UTF-16 ("Unicode text"); save it as "CSV UTF-8 (comma delimited)"'), "encoding")
        return None
    if data.startswith(BOM):
        data = data[len(BOM):]
    try:
        if not data.isascii():  # ASCII is UTF-8: skip building a copy of the text
            data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        bad = data[error.start]
        if _looks_binary(data):
            message = (f"this is not a text file (byte 0x{bad:02X} at this line is not UTF-8 text); "
                       "a dataset table must be a CSV file saved as UTF-8")
        else:
            guess = _cp1252_guess(data, error.start)
            message = (f"this file is not UTF-8: byte 0x{bad:02X} on this line is not valid UTF-8{guess}; "
                       'save the file as "CSV UTF-8 (comma delimited)"')
        table.problem(line, None, message, "encoding")
        return None
    return data


def _looks_utf16(data: bytes) -> bool:
    head = data[:200]
    return len(head) >= 4 and (head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4)


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    return head.count(0) > 0 or len(head.translate(None, _KEEP_BYTES)) > len(head) // 10


def _cp1252_guess(data: bytes, start: int) -> str:
    snippet = data[start:start + 1]
    try:
        char = snippet.decode("cp1252")
    except UnicodeDecodeError:
        return ""
    if char.isprintable():
        return f' (it looks like Windows-1252 or Latin-1, where it means "{char}")'
    return ""


_BLOCK = 1 << 20


def _byte_counts(data: bytes) -> tuple[int, int, int]:
    """How many LFs, commas and bytes below 32 `data` holds.

    numpy counts several times faster than bytes.count; a megabyte at a time keeps its
    scratch arrays small and in cache.
    """
    newlines = commas = low = 0
    for offset in range(0, len(data), _BLOCK):
        block = np.frombuffer(data, dtype=np.uint8, count=min(_BLOCK, len(data) - offset), offset=offset)
        newlines += int(np.count_nonzero(block == LF))
        commas += int(np.count_nonzero(block == COMMA))
        low += int(np.count_nonzero(block < 32))
    return newlines, commas, low


def _has_control_bytes(data: bytes, newlines: int, low: int) -> bool:
    """Whether `data` holds a C0 control byte other than TAB, LF and CR, or DEL.

    Counted rather than searched: the `low` bytes below 32 must all be TABs, LFs and CRs.
    """
    allowed = newlines + (data.count(b"\t") if b"\t" in data else 0) + (data.count(b"\r") if b"\r" in data else 0)
    return low != allowed or b"\x7f" in data


def _check_characters(data: bytes, table: CsvTable) -> tuple[bytes, bool, int, int]:
    """Find control characters and lone CRs.

    Returns the data (lone CRs become LF), whether it is clean, and how many LFs and
    commas it has.
    """
    clean = True
    newlines, commas, low = _byte_counts(data)
    if _has_control_bytes(data, newlines, low) or (b"\xc2" in data and _C1.search(data)):
        clean = False  # reported cell by cell in _slow_read, which knows the columns
    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        arr = np.frombuffer(data, dtype=np.uint8)
        crs = np.flatnonzero(arr == CR)
        following = np.concatenate((arr[1:], [0]))[crs]
        lone = crs[following != LF]
        first = int(lone[0])
        line = data.count(b"\n", 0, first) + data.count(b"\r", 0, first) - data.count(b"\r\n", 0, first) + 1
        more = f" ({len(lone):,} lines in all)" if len(lone) > 1 else ""
        table.problem(line, None, (
            f"this line ends in a lone CR, an old Mac line ending{more}; "
            "save the file with Windows (CRLF) or Unix (LF) line endings"), "line-ending")
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        clean = False
        newlines, commas = data.count(b"\n"), data.count(b",")
    return data, clean, newlines, commas


# ---- structure ----------------------------------------------------------------
@dataclass
class _Scan:
    starts: np.ndarray      # byte offset where each non-blank record starts
    ends: np.ndarray        # byte offset where it ends (its LF, or the end of data)
    lines: np.ndarray       # line where each record starts
    widths: np.ndarray      # cells in each record
    newlines: np.ndarray    # every LF

    @property
    def row_lines(self) -> np.ndarray:
        return self.lines[1:]

    def uniform(self, width: int) -> bool:
        return bool((self.widths[1:] == width).all())


def _scan(data: bytes, table: CsvTable) -> _Scan | None:
    """Split the file into records with numpy; report broken quoting (which makes it unreadable)."""
    arr = np.frombuffer(data, dtype=np.uint8)
    quotes = np.flatnonzero(arr == QUOTE)
    newlines = np.flatnonzero(arr == LF)
    commas = np.flatnonzero(arr == COMMA)
    if len(quotes):
        # A delimiter counts only outside quotes: after an even number of quote characters.
        newlines_out = newlines[np.searchsorted(quotes, newlines) % 2 == 0]
        commas_out = commas[np.searchsorted(quotes, commas) % 2 == 0]
    else:
        newlines_out, commas_out = newlines, commas
    starts = np.concatenate(([0], newlines_out + 1))
    ends = np.append(newlines_out, len(data))
    keep = starts < ends
    lengths = ends - starts
    carriage = np.zeros(len(starts), dtype=bool)
    inside = starts < len(data)
    carriage[inside] = arr[starts[inside]] == CR
    keep &= ~((lengths == 1) & carriage)  # a line holding only CRLF is blank too
    starts, ends = starts[keep], ends[keep]
    lines = np.searchsorted(newlines, starts) + 1
    widths = np.searchsorted(commas_out, ends) - np.searchsorted(commas_out, starts) + 1
    scan = _Scan(starts, ends, lines, widths, newlines)
    if len(quotes) and not _check_quotes(arr, quotes, scan, commas_out, data, table):
        return None
    if len(starts) == 0:
        table.problem(None, None, "this file has only empty lines; it needs at least a header line", "file-empty")
        return None
    return scan


def _check_quotes(arr, quotes, scan: _Scan, commas_out, data: bytes, table: CsvTable) -> bool:
    """RFC 4180: a quote opens a cell at its start, closes it before a delimiter, or is doubled inside."""
    n = len(arr)
    padded = np.concatenate(([LF], arr, [LF]))  # padded[i + 1] == arr[i]; the edges act as line breaks
    before = padded[quotes]
    after = padded[quotes + 2]
    after2 = padded[np.minimum(quotes + 3, n + 1)]
    opener = np.arange(len(quotes)) % 2 == 0
    prev_adjacent = np.concatenate(([False], np.diff(quotes) == 1))
    next_adjacent = np.append(np.diff(quotes) == 1, False)
    open_ok = (before == COMMA) | (before == LF) | prev_adjacent
    close_ok = (after == COMMA) | (after == LF) | next_adjacent | ((after == CR) & (after2 == LF))
    close_ok |= quotes == n - 1
    bad = np.flatnonzero(np.where(opener, ~open_ok, ~close_ok))
    if len(bad):
        k = int(bad[0])
        pos = int(quotes[k])
        line, column = _where(scan, commas_out, pos, data, table)
        if opener[k]:
            table.problem(line, column, (
                'a quote (") in the middle of a cell; put the whole cell in quotes and write '
                'each quote inside it twice, like "say ""hi"""'), "csv-quoting")
        else:
            follow = data[pos + 1:pos + 2].decode("utf-8", "replace")
            quote_line = data.count(b"\n", 0, pos) + 1
            if quote_line != line:
                table.problem(line, column, (
                    f"the quoted cell that starts here runs on to line {quote_line}, where a quote is "
                    f'followed by "{follow}"; close this cell with a quote (") where it should end'), "csv-quoting")
                return False
            table.problem(line, column, (
                f'after the quote that closes a quoted cell comes "{follow}" instead of a comma or the '
                "end of the line; write a quote inside a quoted cell twice (\"\"), and check that no "
                "quoted cell above is left open"), "csv-quoting")
        return False
    if len(quotes) % 2:
        pos = int(quotes[-1])
        line, column = _where(scan, commas_out, pos, data, table)
        table.problem(line, column, (
            "this quoted cell is never closed; add the closing quote (\") at the end of the cell"),
            "csv-unclosed-quote")
        return False
    return True


def _where(scan: _Scan, commas_out, pos: int, data: bytes, table: CsvTable) -> tuple[int, str | None]:
    """The line where the record holding byte `pos` starts, and the column's name if the header is known."""
    record = max(int(np.searchsorted(scan.starts, pos, side="right")) - 1, 0)
    if len(scan.starts) == 0:
        return int(np.searchsorted(scan.newlines, pos)) + 1, None
    start = int(scan.starts[record])
    cell = int(np.searchsorted(commas_out, pos) - np.searchsorted(commas_out, start))
    if record == 0:
        return int(scan.lines[record]), None
    header = table.header or _header_names(data, scan)
    name = header[cell] if header is not None and cell < len(header) else None
    return int(scan.lines[record]), name


def _header_names(data: bytes, scan: _Scan) -> list[str] | None:
    return _parse_header(data[scan.starts[0]:scan.ends[0]])


def _parse_header(raw: bytes) -> list[str] | None:
    try:
        text = raw.decode("utf-8")
        return next(csv.reader([text[:-1] if text.endswith("\r") else text], strict=True))
    except (csv.Error, StopIteration, UnicodeDecodeError):
        return None


def _separator_ok(data: bytes, table: CsvTable) -> bool:
    """Spot a file saved with ';' or TAB between cells before its quotes confuse the rest."""
    first = data.lstrip(b"\r\n")
    end = first.find(b"\n")
    line = first[:end if end >= 0 else len(first)]
    if b"," in line:
        return True
    for sep, label in ((b";", "';'"), (b"\t", "a TAB")):
        if sep in line:
            table.problem(data[:len(data) - len(first)].count(b"\n") + 1, None, (
                f"this file seems to use {label} between cells; save it as CSV with commas "
                '("CSV UTF-8 (comma delimited)")'), "csv-separator")
            return False
    return True


def _header(raw: bytes, line: int, table: CsvTable, required: tuple[str, ...]) -> list[str] | None:
    names = _parse_header(raw)
    if names is None:
        table.problem(line, None, "the header line is not valid CSV", "csv-quoting")
        return None
    ok = True
    seen: dict[str, int] = {}
    for i, name in enumerate(names, start=1):
        if _CONTROL_TEXT.search(name):
            table.problem(line, None, (
                f"column {i} of the header holds a control character; delete it"), "control-character")
            ok = False
        elif name == "":
            table.problem(line, None, f"column {i} of the header has no name; name it or delete the column",
                          "header-blank")
            ok = False
        elif name in seen:
            table.problem(line, name, (
                f'the header names column "{name}" twice (columns {seen[name]} and {i}); '
                "each column may appear once"), "header-duplicate")
            ok = False
        else:
            seen[name] = i
    missing = [c for c in required if c not in seen]
    for name in missing:
        near = next((n for n in seen if n.strip().casefold() == name.casefold()), None)
        hint = f' (the header has "{near}": names must match exactly)' if near else ""
        table.problem(line, name, f'the required column "{name}" is missing from the header{hint}', "header-missing")
        ok = False
    return names if ok else None


# ---- reading rows -------------------------------------------------------------
def _parse(source) -> pd.DataFrame:
    """pandas' C parser over a file-like object, every cell as text exactly as written."""
    return pd.read_csv(
        source, dtype=str, keep_default_na=False, na_filter=False, engine="c",
        encoding="utf-8", skip_blank_lines=True, quoting=csv.QUOTE_MINIMAL, doublequote=True,
        low_memory=False,  # one pass, no chunks to concatenate: faster (its peak RSS measured no higher)
    )


def _fast_read(data: bytes, header: list[str], rows: int) -> pd.DataFrame | None:
    try:
        frame = _parse(io.BytesIO(data))
    except (ValueError, pd.errors.ParserError):
        return None
    if len(frame) != rows or frame.shape[1] != len(header):
        return None  # the scan and pandas disagree: let the careful reader decide
    frame.columns = header
    return frame


def _check_long_lines(data: bytes, table: CsvTable) -> None:
    """Cells of a file without quotes are no longer than its lines; prove short lines cheaply."""
    half = MAX_CELL_CHARS // 2
    # If every stretch of `half` bytes holds a line break, no line reaches 2 × half bytes.
    for offset in range(0, len(data) - half, half):
        if data.find(b"\n", offset, offset + half) < 0:
            _check_cell_lengths(table)
            return


def _check_cell_lengths(table: CsvTable) -> None:
    frame = table.frame
    for column in frame.columns:
        sizes = frame[column].str.len().to_numpy()
        for row in np.flatnonzero(sizes > MAX_CELL_CHARS):
            table.problem(int(table.lines[row]), column, _too_long(int(sizes[row])), "cell-too-long")


def _too_long(size: int) -> str:
    return (f"this cell has {size:,} characters; a cell may have at most "
            f"{MAX_CELL_CHARS:,} (MAX_CELL_CHARS)")


def _slow_read(data: bytes, header: list[str], table: CsvTable) -> None:
    """Read row by row with the csv module, reporting each bad row and cell; keep the good rows."""
    text = data.decode("utf-8")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    width = len(header)
    rows: list[list[str]] = []
    lines: list[int] = []
    complete = True
    first = True
    last_line = 0
    try:
        for record in reader:
            line = last_line + 1
            last_line = reader.line_num
            if not record:
                continue  # a blank line, as pandas skips it too
            if first:
                first = False
                continue
            check_cells(record, header, line, table)
            if len(record) != width:
                few = len(record) < width
                table.problem(line, None, (
                    f"this row has {len(record)} cell{'s' if len(record) != 1 else ''} but the header has {width}; "
                    + ("a cell or a comma is missing" if few else
                       "there are extra commas (put a cell that holds a comma in quotes)")),
                    "csv-ragged-row")
                complete = False
                continue
            rows.append(record)
            lines.append(line)
    except csv.Error as error:  # the scan catches broken quoting first; this is a last guard
        table.problem(last_line + 1, None, f"this line is not valid CSV ({error})", "csv-quoting")
        return
    table.frame = pd.DataFrame(rows, columns=header, dtype=str) if rows else pd.DataFrame(
        {name: pd.Series([], dtype=str) for name in header})
    table.frame = table.frame.astype(str)
    table.lines = np.asarray(lines, dtype=np.int64)
    table.complete = complete


def check_cells(record: list[str], header: list[str], line: int, table: CsvTable) -> None:
    for i, cell in enumerate(record):
        column = header[i] if i < len(header) else None
        if len(cell) > MAX_CELL_CHARS:
            table.problem(line, column, _too_long(len(cell)), "cell-too-long")
        match = _CONTROL_TEXT.search(cell)
        if match:
            char = match.group()
            table.problem(line, column, (
                f"this cell holds a control character (U+{ord(char):04X}{_control_name(char)}) that "
                "cannot be shown; delete it (only TAB and line breaks inside quoted cells are allowed)"),
                "control-character")


def _control_name(char: str) -> str:
    names = {"\x00": " NUL", "\x1b": " ESC", "\x0b": " vertical tab", "\x0c": " form feed", "\x7f": " DEL"}
    return names.get(char, "")
