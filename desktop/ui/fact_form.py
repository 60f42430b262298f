"""Forms to add and edit facts: events, sources, citations, series values; and the dataset guide.

Every field is checked as it is typed with the validator's own rules and
words (`authoring.fields`), the message shown under the field; Save stays
disabled while any field has a problem. On Save the edit goes through the
draft, which checks the whole dataset: if the validator still objects (a
reference, a missing citation) its messages are shown and nothing changes.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QGroupBox, QInputDialog, QLabel, QLineEdit,
    QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget,
)

from .. import paths
from ..dataset.contract import ID_MAX, TABLES_BY_NAME
from .theme import claim_type_explanation, claim_type_label

LONG_TEXT = {"summary", "quote", "note", "notes", "description"}
COLUMNS = {
    "events": ("event_id", "kind", "start", "end", "title", "summary", "category", "place", "tags"),
    "sources": ("source_id", "kind", "title", "author", "publisher", "published", "url", "accessed", "notes"),
    "citations": ("source_id", "claim_type", "stance", "quote", "locator", "note"),
    "observations": ("series_id", "period", "value", "qualifier", "note"),
    "series": ("series_id", "title", "unit", "period_type", "description", "group"),
}
TITLE_COLUMN = {"events": "title", "sources": "title", "series": "title"}


def tr(text: str) -> str:
    return QCoreApplication.translate("FactForm", text)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:ID_MAX]


class RecordEditor(QWidget):
    """The fields of one row of one table, each with its live problem message.

    `fixed` columns are not shown but are part of the row; `locked` ones are
    shown read-only (an id, which other rows refer to). `choices` give a
    column a list of (value, label) to pick from (a source, a series).
    """

    changed = Signal()

    def __init__(self, table: str, values: dict[str, str] | None = None, *, locked: tuple[str, ...] = (),
                 choices: dict[str, list[tuple[str, str]]] | None = None,
                 taken_ids: dict[str, int] | None = None, period_types: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{table}Editor")
        self.table = table
        self.spec = TABLES_BY_NAME[table]
        self.taken_ids = taken_ids or {}
        self.period_types = period_types or {}
        self._id_typed = bool(values and values.get(self.spec.columns[0].name))
        values = dict(values or {})
        self.fields: dict[str, QWidget] = {}
        self.problems: dict[str, QLabel] = {}
        self._problems: dict[str, str] = {}
        self.touched: set[str] = {name for name, value in values.items() if value}
        inner = QVBoxLayout(self)  # one column: captions above fields, so wrapped messages never overlap
        for name in COLUMNS[table]:
            column = self.spec.column(name)
            box = self
            caption = QLabel(name.replace("_", " ") + (" *" if column.required else ""), box)
            caption.setStyleSheet("font-weight: bold;")
            inner.addWidget(caption)
            widget = self._make_field(name, column, values.get(name, ""), (choices or {}).get(name), box)
            widget.setObjectName(f"field-{name}")
            if name in locked:
                widget.setEnabled(False)
            inner.addWidget(widget)
            if name == "claim_type":
                self.explanation = QLabel(box)
                self.explanation.setObjectName("claimTypeExplanation")
                self.explanation.setTextFormat(Qt.TextFormat.PlainText)
                self.explanation.setWordWrap(True)
                inner.addWidget(self.explanation)
            label = QLabel(box)
            label.setObjectName(f"problem-{name}")
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setStyleSheet("color: #B00020;")
            label.hide()
            inner.addWidget(label)
            self.fields[name], self.problems[name] = widget, label
        self.check()

    def _make_field(self, name, column, value, choices, parent) -> QWidget:
        if choices is not None or column.kind == "vocab":
            combo = QComboBox(parent)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
            items = choices if choices is not None else [(v, v) for v in (("",) if not column.required else ()) + column.vocab]
            for data, text in items:
                combo.addItem(claim_type_label(data) if name == "claim_type" else (text or tr("(none)")), data)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.currentIndexChanged.connect(lambda _: self._on_edit(name))
            return combo
        if name in LONG_TEXT:
            edit = QPlainTextEdit(parent)
            edit.setTabChangesFocus(True)
            edit.setPlainText(value)
            edit.setFixedHeight(72)
            edit.textChanged.connect(lambda: self._on_edit(name))
            return edit
        edit = QLineEdit(parent)
        edit.setText(value)
        edit.textChanged.connect(lambda _: self._on_edit(name))
        return edit

    def value(self, name: str) -> str:
        widget = self.fields[name]
        if isinstance(widget, QComboBox):
            return widget.currentData() or ""
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        return widget.text()

    def set_value(self, name: str, text: str) -> None:
        widget = self.fields[name]
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(text)))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(text)
        else:
            widget.setText(text)

    def values(self) -> dict[str, str]:
        return {name: self.value(name) for name in self.fields}

    def _on_edit(self, name: str) -> None:
        self.touched.add(name)
        id_name = self.spec.columns[0].name
        if name == id_name and self.fields[name].hasFocus():
            self._id_typed = True
        if name == TITLE_COLUMN.get(self.table) and not self._id_typed and id_name in self.fields \
                and self.fields[id_name].isEnabled():
            self.set_value(id_name, self.fresh_id(slug(self.value(name))))  # an id follows the title until typed
        self.check()

    def fresh_id(self, base: str) -> str:
        if not base:
            return ""
        candidate, n = base, 2
        while candidate in self.taken_ids:
            candidate, n = f"{base[:ID_MAX - 4]}-{n}", n + 1
        return candidate

    def check(self) -> dict[str, str]:
        """Check every field; show each message under its field; return column → message."""
        from ..dataset.authoring.fields import record_problems

        values = self.values()
        found = record_problems(self.table, values, taken_ids=self.taken_ids,
                                period_type=self.period_types.get(values.get("series_id", "")))
        for name, label in self.problems.items():
            # A required field left empty is not scolded before it is touched; Save stays off meanwhile.
            shown = name in found and (name in self.touched or self._show_all)
            label.setText(found.get(name, "") if shown else "")
            label.setVisible(shown)
        if hasattr(self, "explanation"):
            self.explanation.setText(claim_type_explanation(values.get("claim_type", "")))
        self._problems = found
        self.changed.emit()
        return found

    _show_all = False

    def show_all_problems(self) -> None:
        """Show every field's message, touched or not."""
        self._show_all = True
        self.check()

    @property
    def valid(self) -> bool:
        return not self._problems


class FactForm(QDialog):
    """A dialog of one or more RecordEditors; Save calls `submit`, which returns the validator's problems."""

    def __init__(self, title: str, parts: list[tuple[str, RecordEditor]],
                 submit: Callable[[list[dict[str, str]]], list], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factForm")
        self.setWindowTitle(title)
        self.parts = [editor for _, editor in parts]
        self.submit = submit
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        for heading, editor in parts:
            group = QGroupBox(heading, body)
            inner = QVBoxLayout(group)
            editor.setParent(group)
            inner.addWidget(editor)
            layout.addWidget(group)
            editor.changed.connect(self._update)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.problems = QPlainTextEdit(self)
        self.problems.setObjectName("formProblems")
        self.problems.setReadOnly(True)
        self.problems.setFixedHeight(80)
        self.problems.hide()
        outer.addWidget(self.problems)
        self.required_hint = QLabel(tr("Fields marked * are required. Save is possible once every field is fine."), self)
        self.required_hint.setWordWrap(True)
        outer.addWidget(self.required_hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveFactButton")
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.resize(640, 720)
        self._update()

    def _update(self) -> None:
        self.save_button.setEnabled(all(part.valid for part in self.parts))

    def _on_save(self) -> None:
        if not all(part.valid for part in self.parts):
            return  # never reached by a click (the button is disabled); guards the keyboard
        problems = self.submit([part.values() for part in self.parts])
        if problems:
            self.problems.setPlainText("\n".join(str(p) for p in problems))
            self.problems.show()
            return
        self.accept()


# ---- building the forms ----------------------------------------------------------------
def _taken(draft, table: str) -> dict[str, int]:
    if table not in draft.tables:
        return {}
    doc = draft.tables[table]
    id_name = TABLES_BY_NAME[table].columns[0].name
    lines = doc.lines()
    return {doc.get(row, id_name): lines[row.uid] for row in doc.rows}


def _unique(base: str, taken) -> str:
    base = slug(base)[:ID_MAX - 4] or "item"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _sources(draft) -> list[tuple[str, str]]:
    doc = draft.tables["sources"]
    return [(doc.get(r, "source_id"), f"{doc.get(r, 'title')[:60]} ({doc.get(r, 'publisher')[:30]})") for r in doc.rows]


def _series(draft) -> tuple[list[tuple[str, str]], dict[str, str]]:
    doc = draft.tables["series"]
    choices = [(doc.get(r, "series_id"), doc.get(r, "title")) for r in doc.rows]
    return choices, {doc.get(r, "series_id"): doc.get(r, "period_type") for r in doc.rows}


def _citation_editor(draft) -> RecordEditor:
    return RecordEditor("citations", {"stance": "supports"}, choices={"source_id": _sources(draft)})


def open_fact_form(authoring, kind: str) -> FactForm | None:
    """Build and open the form `kind` ("event", "source", "citation", "value", "edit", "edit-source",
    "edit-citation")."""
    draft = authoring.current_draft()
    window = authoring.window
    focus = window.state.focus
    built = _build(authoring, draft, kind, focus)
    if built is None:
        return None
    title, parts, submit = built
    form = FactForm(title, parts, submit, window)
    form.open()
    return form


def _build(authoring, draft, kind: str, focus: str):
    def run(edit, new_focus: str | None = None):
        problems = authoring.apply(edit)
        if not problems and new_focus:
            authoring.window.state.set_focus(new_focus, "authoring")
        return problems

    if kind == "event":
        event = RecordEditor("events", {"kind": "event"}, taken_ids=_taken(draft, "events"))
        citation = _citation_editor(draft)

        def submit(values):
            ev, cit = values
            cit.update(target=ev["event_id"], citation_id=_unique(f"{ev['event_id']}-{cit['source_id']}",
                                                                  _taken(draft, "citations")))
            return run(lambda d: d.add_records(tr("New event"), [("events", ev), ("citations", cit)]), ev["event_id"])
        return tr("New event"), [(tr("Event, period or statement"), event), (tr("Its source (a citation)"), citation)], submit
    if kind == "source":
        source = RecordEditor("sources", {"kind": "news"}, taken_ids=_taken(draft, "sources"))
        return tr("New source"), [(tr("Source"), source)], \
            lambda values: run(lambda d: d.add_records(tr("New source"), [("sources", values[0])]))
    if kind == "value":
        choices, types = _series(draft)
        if not choices:
            authoring.window.statusBar().showMessage(tr("The dataset has no series to add a value to."), 5000)
            return None
        current = focus.partition("@")[0] if focus.partition("@")[0] in types else choices[0][0]
        value = RecordEditor("observations", {"series_id": current}, choices={"series_id": choices}, period_types=types)
        citation = _citation_editor(draft)

        def submit(values):
            obs, cit = values
            target = f"{obs['series_id']}@{obs['period']}"
            cit.update(target=target, citation_id=_unique(f"{obs['series_id']}-{obs['period']}-{cit['source_id']}",
                                                          _taken(draft, "citations")))
            return run(lambda d: d.add_records(tr("New value"), [("observations", obs), ("citations", cit)]), target)
        return tr("New value"), [(tr("Value"), value), (tr("Its source (a citation)"), citation)], submit
    if kind == "citation":
        if not focus:
            return None
        citation = _citation_editor(draft)

        def submit(values):
            cit = values[0]
            cit.update(target=focus, citation_id=_unique(f"{focus.replace('@', '-')}-{cit['source_id']}",
                                                         _taken(draft, "citations")))
            return run(lambda d: d.add_records(tr("New citation"), [("citations", cit)]))
        return tr("New citation for {target}").format(target=focus), [(tr("Citation"), citation)], submit
    if kind == "edit-citation":
        return _edit_citation(authoring, draft, run, focus)
    if kind == "edit-source":
        choices = _sources(draft)
        label, ok = QInputDialog.getItem(authoring.window, tr("Edit source"), tr("Source:"), [t for _, t in choices], 0, False)
        if not ok:
            return None
        source_id = next(sid for sid, text in choices if text == label)
        return _edit(draft, run, "sources", "source_id", source_id, tr("Edit source"))
    if kind == "edit":
        if draft.find("events", "event_id", focus) is not None:
            return _edit(draft, run, "events", "event_id", focus, tr("Edit event"))
        if draft.find("series", "series_id", focus) is not None:
            return _edit(draft, run, "series", "series_id", focus, tr("Edit series"))
        if "@" in focus:
            sid, _, period = focus.partition("@")
            doc = draft.tables["observations"]
            row = next((r for r in doc.rows if doc.get(r, "series_id") == sid and doc.get(r, "period") == period), None)
            if row is not None:
                _, types = _series(draft)
                editor = RecordEditor("observations", draft.values("observations", row), locked=("series_id", "period"),
                                      period_types=types)
                return tr("Edit value"), [(tr("Value"), editor)], \
                    lambda values: run(lambda d: d.edit_record(tr("Edit value"), "observations", row, values[0]))
    return None


def _edit(draft, run, table: str, id_name: str, ident: str, title: str):
    row = draft.find(table, id_name, ident)
    taken = {k: v for k, v in _taken(draft, table).items() if k != ident}
    editor = RecordEditor(table, draft.values(table, row), locked=(id_name,), taken_ids=taken)
    return title, [(title, editor)], lambda values: run(lambda d: d.edit_record(title, table, row, values[0]))


def citation_choice_text(draft, values: dict[str, str]) -> str:
    """How a citation is named in the chooser: "claim type — first words of the quote — source title"."""
    words = values.get("quote", "").split()
    quote = " ".join(words[:6]) + ("…" if len(words) > 6 else "")
    source = draft.find("sources", "source_id", values.get("source_id", ""))
    title = draft.values("sources", source).get("title", "") if source is not None else values.get("source_id", "")
    parts = [claim_type_label(values.get("claim_type", "")), quote or values.get("locator", ""), title[:60]]
    return " — ".join(part for part in parts if part)


def _edit_citation(authoring, draft, run, focus: str):
    """Edit one citation of the focused fact: chosen from a list when it has several."""
    if not focus or "citations" not in draft.tables:
        return None
    doc = draft.tables["citations"]
    rows = [r for r in doc.rows if doc.get(r, "target") == focus]
    if not rows:
        authoring.window.statusBar().showMessage(tr("The focused fact has no citation to edit."), 5000)
        return None
    row = rows[0]
    if len(rows) > 1:
        labels = [citation_choice_text(draft, draft.values("citations", r)) for r in rows]
        chosen = authoring.ask_item(tr("Edit citation"), tr("Citation:"), labels)
        if chosen is None:
            return None
        row = rows[chosen]
    before = draft.values("citations", row)
    editor = RecordEditor("citations", {name: before.get(name, "") for name in COLUMNS["citations"]},
                          choices={"source_id": _sources(draft)})
    title = tr("Edit citation")

    def submit(values):
        # Only the cells that changed: a column the file lacks is not added for an empty value.
        changed = {k: v for k, v in values[0].items() if v != before.get(k, "")}
        if not changed:
            return []
        return run(lambda d: d.edit_record(title, "citations", row, changed))
    return title, [(tr("Citation for {target}").format(target=focus), editor)], submit


# ---- the guide ------------------------------------------------------------------------
GUIDE_FILE = "make-your-own-dataset.md"


def guide_text() -> str:
    """The guide's text from docs/, or a pointer to it when this build does not carry it."""
    path = paths.install_root() / "docs" / GUIDE_FILE
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return tr("The guide \"Make your own dataset\" is in docs/make-your-own-dataset.md of the Factdeck "
                  "source, linked from its README.")


class GuideDialog(QDialog):
    """Help › Make your own dataset: the guide as read-only plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(tr("Make your own dataset"))
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("guideText")
        self.text.setReadOnly(True)
        self.text.setPlainText(guide_text())
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 640)
