"""An editable copy of a dataset: every change is an undoable command, and none may break the contract.

`Draft.open(folder)` reads datapackage.json and the tables as bytes. Edits are
made through the methods here (add, edit and remove rows; the lesson steps);
each one is applied, then the whole draft is checked with the real validator
(`loader.check_dataset` on the files as they would be written). An edit that
would leave a problem is taken back at once and refused with the validator's
own messages, so a draft is valid after every edit and can always be saved.
Undo and redo walk a plain list of changes.
"""
from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..contract import DESCRIPTOR_FILE, ID_MAX, TABLES, TABLES_BY_NAME
from ..problems import Problem
from .csvdoc import CsvDocument, Row


class EditRefused(ValueError):
    """An edit that would break the dataset; `problems` are the validator's findings."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems) or "the edit was refused")


# ---- the primitive operations a change is made of ------------------------------
@dataclass
class _Op:
    kind: str                 # "set", "insert", "remove", "table", "column"
    table: str
    row: Row | None = None
    index: int = 0            # insert/remove: position among the document's items
    before: list[str] | None = None
    after: list[str] | None = None
    snapshot: object = None   # "column": what the document looked like before


@dataclass
class Change:
    """One undoable edit, as the user sees it ("Add step", "Edit event")."""

    label: str
    ops: list[_Op] = field(default_factory=list)
    merge_key: object = None


class Draft:
    """A dataset being edited; see the module docstring."""

    def __init__(self, folder: Path, descriptor: bytes, tables: dict[str, CsvDocument],
                 originals: dict[str, bytes]) -> None:
        self.folder = Path(folder)
        self.descriptor_bytes = descriptor
        self.tables = tables
        self.originals = originals          # file name → bytes as read (or as last saved)
        self._table_names = set(tables)     # tables listed when read
        self._headers = {n: tuple(doc.header) for n, doc in tables.items()}
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self._saved_at: Change | None = None
        self.fingerprints: dict = {}        # set by saving.fingerprint_files; file name → Fingerprint

    @classmethod
    def open(cls, folder: str | Path) -> Draft:
        """Read a dataset folder for editing (it should be one that loads)."""
        from .saving import fingerprint_files

        root = Path(folder)
        descriptor = (root / DESCRIPTOR_FILE).read_bytes()
        originals = {DESCRIPTOR_FILE: descriptor}
        tables: dict[str, CsvDocument] = {}
        for spec in TABLES:
            path = root / spec.file
            if path.is_file():
                data = path.read_bytes()
                originals[spec.file] = data
                tables[spec.name] = CsvDocument.from_bytes(data)
        draft = cls(root, descriptor, tables, originals)
        draft.fingerprints = fingerprint_files(root, originals)
        return draft

    # ---- the files as they would be written ------------------------------------
    def files(self) -> dict[str, bytes]:
        """File name → bytes of the dataset as edited (untouched rows exactly as read)."""
        out = {DESCRIPTOR_FILE: self._descriptor()}
        for spec in TABLES:
            if spec.name in self.tables:
                out[spec.file] = self.tables[spec.name].to_bytes()
        return out

    def changed_files(self) -> list[str]:
        """Files whose bytes differ from what was read or last saved."""
        return [name for name, data in self.files().items() if self.originals.get(name) != data]

    def _descriptor(self) -> bytes:
        added = [n for n in self.tables if n not in self._table_names]
        if not added and all(tuple(doc.header) == self._headers.get(n) for n, doc in self.tables.items()):
            return self.descriptor_bytes
        value = json.loads(self.descriptor_bytes.decode("utf-8-sig"))
        resources = value.setdefault("resources", [])
        for name in added:
            resources.append({"name": name, "path": TABLES_BY_NAME[name].file})
        for resource in resources:
            fields = resource.get("schema", {}).get("fields") if isinstance(resource, dict) else None
            doc = self.tables.get(resource.get("name")) if isinstance(resource, dict) else None
            if isinstance(fields, list) and doc is not None:
                known = {f.get("name") for f in fields if isinstance(f, dict)}
                fields.extend({"name": c, "type": "string"} for c in doc.header if c not in known)
        return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")

    def problems(self) -> list[Problem]:
        """What the validator says about the draft as it is now ([] when valid)."""
        from ..loader import check_dataset

        with tempfile.TemporaryDirectory(prefix="factdeck-check-") as temp:
            for name, data in self.files().items():
                (Path(temp) / name).write_bytes(data)
            return check_dataset(temp)

    # ---- undo and redo ---------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str:
        return self._undo[-1].label if self._undo else ""

    @property
    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""

    @property
    def dirty(self) -> bool:
        """True when the draft differs from what was read or last saved."""
        return (self._undo[-1] if self._undo else None) is not self._saved_at

    def mark_saved(self, files: dict[str, bytes]) -> None:
        """The draft is now what is on disk (after a save)."""
        self.originals = dict(files)
        self.descriptor_bytes = files[DESCRIPTOR_FILE]
        self._table_names = set(self.tables)
        self._headers = {n: tuple(doc.header) for n, doc in self.tables.items()}
        self._saved_at = self._undo[-1] if self._undo else None

    def undo(self) -> Change | None:
        """Take back the last change; return it (None when there is none)."""
        if not self._undo:
            return None
        change = self._undo.pop()
        for op in reversed(change.ops):
            self._revert(op)
        self._redo.append(change)
        return change

    def redo(self) -> Change | None:
        """Do again the last change undone; return it."""
        if not self._redo:
            return None
        change = self._redo.pop()
        for op in change.ops:
            self._do(op)
        self._undo.append(change)
        return change

    @property
    def last_change(self) -> Change | None:
        return self._undo[-1] if self._undo else None

    # ---- applying a change -----------------------------------------------------
    def apply(self, change: Change, validate: bool = True) -> None:
        """Do a change and push it on the undo stack; refuse it (undone) if the dataset would break."""
        done: list[_Op] = []
        try:
            for op in change.ops:
                self._do(op)
                done.append(op)
            problems = self.problems() if validate else []
        except BaseException:
            for op in reversed(done):
                self._revert(op)
            raise
        if problems:
            for op in reversed(done):
                self._revert(op)
            raise EditRefused(problems)
        top = self._undo[-1] if self._undo else None
        if (change.merge_key is not None and top is not None and top.merge_key == change.merge_key
                and not self._redo and top is not self._saved_at):
            top.ops.extend(change.ops)  # typing in one field is one undo step
        else:
            self._undo.append(change)
        self._redo.clear()

    def _do(self, op: _Op) -> None:
        if op.kind == "table":
            self.tables[op.table] = op.snapshot
            return
        doc = self.tables[op.table]
        if op.kind == "set":
            op.row.cells[:] = op.after
        elif op.kind == "insert":
            doc.items.insert(op.index, op.row)
        elif op.kind == "remove":
            doc.items.pop(doc.position(op.row))
        elif op.kind == "column":
            doc.add_column(op.after[0])

    def _revert(self, op: _Op) -> None:
        if op.kind == "table":
            del self.tables[op.table]
            return
        doc = self.tables[op.table]
        if op.kind == "set":
            op.row.cells[:] = op.before
        elif op.kind == "insert":
            doc.items.pop(doc.position(op.row))
        elif op.kind == "remove":
            doc.items.insert(op.index, op.row)
        elif op.kind == "column":
            header, header_raw, header_original, rows = op.snapshot
            doc.header, doc.header_raw, doc.header_original = list(header), header_raw, header_original
            for row, (cells, raw, original) in zip(doc.rows, rows):
                row.cells[:], row.raw, row.original = cells, raw, original

    # ---- building changes ------------------------------------------------------
    def _ensure(self, change: Change, table: str, columns: Iterable[str]) -> CsvDocument:
        """Make sure the table and these columns exist, adding the needed ops to `change` (done at once)."""
        if table not in self.tables:
            spec = TABLES_BY_NAME[table]
            op = _Op("table", table, snapshot=CsvDocument([c.name for c in spec.columns]))
            self._do(op)
            change.ops.append(op)
        doc = self.tables[table]
        for name in columns:
            if name not in doc.header:
                snapshot = (list(doc.header), doc.header_raw, doc.header_original,
                            [(list(r.cells), r.raw, r.original) for r in doc.rows])
                op = _Op("column", table, after=[name], snapshot=snapshot)
                self._do(op)
                change.ops.append(op)
        return doc

    def _set(self, change: Change, table: str, row: Row, values: dict[str, str]) -> None:
        doc = self._ensure(change, table, values)
        after = list(row.cells)
        for name, value in values.items():
            after[doc.index(name)] = value
        if after != row.cells:
            op = _Op("set", table, row, before=list(row.cells), after=after)
            self._do(op)
            change.ops.append(op)

    def _insert(self, change: Change, table: str, values: dict[str, str], index: int | None = None) -> Row:
        doc = self._ensure(change, table, values)
        row = doc.make_row(values)
        op = _Op("insert", table, row, index=len(doc.items) if index is None else index)
        self._do(op)
        change.ops.append(op)
        return row

    def _remove(self, change: Change, table: str, row: Row) -> None:
        doc = self.tables[table]
        op = _Op("remove", table, row, index=doc.position(row))
        self._do(op)
        change.ops.append(op)

    def _commit(self, change: Change) -> None:
        """Take back the ops already done while building, then apply the change properly."""
        for op in reversed(change.ops):
            self._revert(op)
        self.apply(change)

    # ---- rows ------------------------------------------------------------------
    def rows(self, table: str) -> list[Row]:
        return self.tables[table].rows if table in self.tables else []

    def values(self, table: str, row: Row) -> dict[str, str]:
        return self.tables[table].as_dict(row)

    def find(self, table: str, column: str, value: str) -> Row | None:
        return self.tables[table].find(column, value) if table in self.tables else None

    def add_records(self, label: str, records: list[tuple[str, dict[str, str]]]) -> list[Row]:
        """Add rows to several tables as one change (an event with its first citation)."""
        change = Change(label)
        try:
            rows = [self._insert(change, table, values) for table, values in records]
        except BaseException:
            self._undo_partial(change)
            raise
        self._commit(change)
        return rows

    def edit_record(self, label: str, table: str, row: Row, values: dict[str, str], merge_key: object = None) -> None:
        """Change some cells of one row."""
        change = Change(label, merge_key=merge_key)
        try:
            self._set(change, table, row, values)
        except BaseException:
            self._undo_partial(change)
            raise
        if change.ops:
            self._commit(change)

    def remove_record(self, label: str, table: str, row: Row) -> None:
        change = Change(label)
        self._remove(change, table, row)
        self._commit(change)

    def _undo_partial(self, change: Change) -> None:
        for op in reversed(change.ops):
            self._revert(op)

    # ---- lessons ---------------------------------------------------------------
    def lessons(self) -> list[tuple[str, str]]:
        """(lesson_id, lesson_title) in order of first appearance."""
        seen: dict[str, str] = {}
        doc = self.tables.get("lessons")
        for row in self.rows("lessons"):
            seen.setdefault(doc.get(row, "lesson_id"), doc.get(row, "lesson_title"))
        return list(seen.items())

    def steps(self, lesson_id: str) -> list[Row]:
        """A lesson's step rows in step order."""
        doc = self.tables.get("lessons")
        mine = [r for r in self.rows("lessons") if doc.get(r, "lesson_id") == lesson_id]
        return sorted(mine, key=lambda r: int(doc.get(r, "step") or 0))

    def step_values(self, lesson_id: str) -> list[dict[str, str]]:
        return [self.values("lessons", r) for r in self.steps(lesson_id)]

    def new_lesson_id(self, title: str) -> str:
        """A fresh lesson id made from its title."""
        base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:ID_MAX - 4] or "lesson"
        taken = {lid for lid, _ in self.lessons()}
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def add_step(self, lesson_id: str, target: str, lesson_title: str = "", title: str = "",
                 notes: str = "") -> Row:
        """Append a step showing `target` to a lesson (a new one when the id is new)."""
        steps = self.steps(lesson_id)
        values = {"lesson_id": lesson_id, "step": str(len(steps) + 1), "target": target}
        if title:
            values["title"] = title
        if notes:
            values["notes"] = notes
        index = None
        if steps:
            doc = self.tables["lessons"]
            first = self.values("lessons", steps[0])
            values.update({k: v for k, v in first.items() if k == "lesson_title" or k.startswith("lesson_title@")})
            index = max(doc.position(r) for r in steps) + 1
        else:
            values["lesson_title"] = lesson_title
        change = Change(f"Add step to {lesson_id}")
        try:
            row = self._insert(change, "lessons", values, index)
        except BaseException:
            self._undo_partial(change)
            raise
        self._commit(change)
        return row

    def set_step_order(self, lesson_id: str, order: list[Row], label: str = "Move step") -> None:
        """Renumber a lesson's steps to follow `order` (the same rows, rearranged)."""
        steps = self.steps(lesson_id)
        if sorted(r.uid for r in order) != sorted(r.uid for r in steps):
            raise ValueError("the new order must hold exactly the lesson's steps")
        change = Change(label)
        for number, row in enumerate(order, start=1):
            self._set(change, "lessons", row, {"step": str(number)})
        if change.ops:
            self._commit(change)

    def move_step(self, lesson_id: str, source: int, destination: int) -> None:
        """Move the step at 0-based `source` to `destination`."""
        order = self.steps(lesson_id)
        order.insert(destination, order.pop(source))
        self.set_step_order(lesson_id, order)

    def remove_step(self, lesson_id: str, index: int) -> None:
        """Remove one step; the later steps move up."""
        steps = self.steps(lesson_id)
        change = Change("Remove step")
        self._remove(change, "lessons", steps[index])
        for number, row in enumerate(steps[index + 1:], start=index + 1):
            self._set(change, "lessons", row, {"step": str(number)})
        self._commit(change)

    def edit_step(self, lesson_id: str, index: int, **values: str) -> None:
        """Change a step's title or notes; typing in one field is one undo step."""
        row = self.steps(lesson_id)[index]
        key = ("step", row.uid, tuple(sorted(values)))
        self.edit_record("Edit step", "lessons", row, values, merge_key=key)

    def rename_lesson(self, lesson_id: str, title: str) -> None:
        change = Change("Rename lesson", merge_key=("lesson-title", lesson_id))
        for row in self.steps(lesson_id):
            self._set(change, "lessons", row, {"lesson_title": title})
        if change.ops:
            self._commit(change)

