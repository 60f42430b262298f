"""The blocks the citation pane is made of: the fact, its citations and their sources.

Labels are plain text (see `citation_labels`); nothing here is a
QTextBrowser and nothing resolves a resource; a source's address is shown as
text beside a button that goes through `links.open_link` (http/https only,
after confirmation). Sizes come from the `Theme` the view is built with; the
pane builds new views when the theme changes.

A built view can be filled again with another fact (`FactView.fill`): the
pane does so with the view it would otherwise delete, so a new fact costs
new text in old widgets rather than new widgets. Each block keeps only the
widgets its fact shows (`PartsMixin`): one it no longer needs goes to a shelf
(`Spares`) for the next block that needs one of its kind, so what a view
holds is always exactly what it shows.
"""
from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..dataset.dataset import OBSERVATION, SERIES, Dataset, Fact
from . import i18n, links
from .citation_labels import (  # noqa: F401 - re-exported: the pane's label classes have always lived here
    TEXT_SELECTABLE, ChipLabel, ClaimBadge, MeasuredLabel, QuoteBlock, SelectableLabel, WrappedBlock, plain_label,
    set_colours, text_font,
)
from .citation_rows import CitationRows, SourceRecords
from .safe_text import tooltip, visible
from .theme import Theme, claim_type_label, qualifier_words, stance_heading

_SUFFIX_QUALIFIERS = ("provisional", "estimate")  # said after the number: "36,359 deaths (provisional)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CitationPane", text)


def source_kind_label(kind: str) -> str:
    """A source's kind (sources.csv `kind`) in words."""
    return {
        "news": _tr("News report"),
        "opinion": _tr("Opinion piece"),
        "government-report": _tr("Government report"),
        "government-data": _tr("Government data"),
        "testimony": _tr("Testimony"),
        "press-release": _tr("Press release"),
        "court-record": _tr("Court record"),
        "academic": _tr("Academic paper"),
        "reference": _tr("Reference work"),
        "other": _tr("Other document"),
    }.get(kind, kind)


def value_text(fact: Fact) -> str:
    """A value with its unit and qualifier in words: "at least 2,803.6 pounds", "36,359 deaths (provisional)"."""
    if fact.value is None or not math.isfinite(fact.value):
        return ""
    value = fact.value
    number = i18n.format_number(round(value, 3))  # the locale's marks: 2,803.6 (en, es-MX), 2803,6 (es-ES)
    amount = f"{number} {fact.unit}".strip()
    words = qualifier_words(fact.qualifier)
    if not words:
        return amount
    if fact.qualifier in _SUFFIX_QUALIFIERS:
        return _tr("{amount} ({qualifier})").format(amount=amount, qualifier=words)
    return _tr("{qualifier} {amount}").format(qualifier=words, amount=amount)


def date_text(value) -> str:
    """A source date as precisely as it is known, or "n.d." when undated."""
    return i18n.format_date(value) if value is not None and not (isinstance(value, float) and math.isnan(value)) else _tr("n.d.")


def _known(value) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


class Spares:
    """Widgets no view shows any more, by kind, kept hidden (outside every view) for the next that needs one.

    Every widget here was made for one look (theme, language); the pane
    empties the shelf when the look changes.
    """

    KEPT_PER_KIND = 24

    def __init__(self, parent: QWidget | None = None) -> None:
        self._shelf = QWidget(parent)  # never shown, out of every layout: keeps spares out of the views
        self._shelf.setObjectName("citationSpares")
        self._shelf.hide()
        self._piles: dict[str, list[QWidget]] = {}

    @property
    def shelf(self) -> QWidget:
        """The hidden widget spares live under (a new spare can be made there directly)."""
        return self._shelf

    def count(self, kind: str) -> int:
        """How many spares of `kind` wait on the shelf."""
        return len(self._piles.get(kind, ()))

    def take(self, kind: str, parent: QWidget) -> QWidget | None:
        """A spare widget of `kind`, now a child of `parent` (shown when `parent` shows), or None."""
        pile = self._piles.get(kind)
        if not pile:
            return None
        widget = pile.pop()
        widget.setParent(parent)
        return widget

    def give(self, kind: str, widget: QWidget) -> None:
        pile = self._piles.setdefault(kind, [])
        if len(pile) >= self.KEPT_PER_KIND:
            _discard(widget)
            return
        if widget.parentWidget() is not self._shelf:
            widget.setParent(self._shelf)
        pile.append(widget)

    def clear(self) -> None:
        """Delete every spare (they were made for a look that is gone)."""
        for pile in self._piles.values():
            for widget in pile:
                _discard(widget)
        self._piles.clear()

    def __len__(self) -> int:
        return sum(len(pile) for pile in self._piles.values())


def _discard(widget: QWidget) -> None:
    widget.setParent(None)
    widget.deleteLater()


class PartsMixin:
    """The optional widgets of a block by role: kept while its content uses them, shelved when not.

    A fill starts with `_parts_begin()`, asks for each part it shows with
    `_part` (the block's own, a spare of the same kind, or a new one from
    `make`), and ends with `_parts_end()`, which shelves every part it did
    not ask for: a block holds exactly the widgets it shows.
    """

    _spares: Spares | None

    def _parts_begin(self) -> None:
        if not hasattr(self, "_part_widgets"):
            self._part_widgets: dict[str, tuple[str, QWidget]] = {}
        self._parts_used: set[str] = set()

    def _part(self, role: str, make: Callable[[], QWidget], kind: str = "") -> QWidget:
        self._parts_used.add(role)
        found = self._part_widgets.get(role)
        widget = found[1] if found is not None else None
        if widget is None:
            kind = kind or role
            widget = self._spares.take(kind, self) if self._spares is not None else None
            if widget is None:
                widget = make()
            self._part_widgets[role] = (kind, widget)
        if isinstance(widget, SelectableLabel):
            widget.reset()  # shown anew: not selected, not a tab stop until shown
        return widget

    def _parts_end(self) -> None:
        for role in [role for role in self._part_widgets if role not in self._parts_used]:
            kind, widget = self._part_widgets.pop(role)
            if self._spares is not None:
                self._spares.give(kind, widget)
            else:
                _discard(widget)

    def _label(self, role: str, text: str, *, name: str = "", **style) -> SelectableLabel:
        label = self._part(role, lambda: plain_label("", self, name=name or role, **style))
        label.set_plain(text)
        return label


def _clear(layout: QBoxLayout) -> None:
    """Empty a layout (its widgets stay where they are) so that it can be filled in a new order."""
    while layout.count():
        shiboken6.delete(layout.takeAt(0))  # the item (and a row's own items), never a widget


class LayoutPlan:
    """The items a block's layout is to hold, top to bottom, set down by a fill before the layout is touched.

    Most refills show the same widgets in the same order (another value of a
    series, a card citing the same kind of source): emptying the layout and
    adding them back invalidated every layout above it and cost a few dozen
    calls per block. `apply` rebuilds the layout only when the items differ.
    """

    rebuilt = 0  # layouts emptied and filled again, by every block (tests read it)

    def __init__(self) -> None:
        self.items: list[tuple] = []

    def widget(self, widget: QWidget, stretch: int = 0, alignment=None) -> QWidget:
        self.items.append(("widget", widget, stretch, alignment))
        return widget

    def spacing(self, size: int) -> None:
        self.items.append(("spacing", size))

    def stretch(self, factor: int) -> None:
        self.items.append(("stretch", factor))

    def row(self, spacing: int, *items: tuple) -> None:
        """A horizontal row of (widget, stretch, alignment) and ("stretch", factor) items."""
        self.items.append(("row", spacing, items))

    def apply(self, layout: QBoxLayout, held: list[tuple] | None) -> list[tuple]:
        """Make `layout` hold the planned items (`held` is what it was last given); return them to keep."""
        if held == self.items and layout.count() == len(held):
            return held
        LayoutPlan.rebuilt += 1
        _clear(layout)
        for item in self.items:
            kind = item[0]
            if kind == "widget":
                _, widget, stretch, alignment = item
                if alignment is None:
                    layout.addWidget(widget, stretch)
                else:
                    layout.addWidget(widget, stretch, alignment)
            elif kind == "spacing":
                layout.addSpacing(item[1])
            elif kind == "stretch":
                layout.addStretch(item[1])
            else:
                line = QHBoxLayout()
                line.setSpacing(item[1])
                # Added while empty: PySide wraps the items of a layout added with widgets in it, and
                # those wrappers outlive the items when _clear deletes the row. A stale wrapper at a freed
                # address is then handed back for new memory there (pyqtgraph's marker fragments).
                layout.addLayout(line)
                for part in item[2]:
                    if part[0] == "stretch":
                        line.addStretch(part[1])
                    elif part[2] is None:
                        line.addWidget(part[0], part[1])
                    else:
                        line.addWidget(part[0], part[1], part[2])
        return self.items


def _rule(theme: Theme, parent: QWidget) -> QFrame:
    line = QFrame(parent)
    line.setObjectName("citationRule")
    line.setFixedHeight(max(1, round(theme.scale)))
    line.setAutoFillBackground(True)
    set_colours(line, background=theme.grid)
    return line


class CitationCard(PartsMixin, WrappedBlock, QFrame):
    """One citation: badge, quote, locator, note, and the source it comes from."""

    made = 0  # cards built so far, by every view (the pane budgets the ones it makes ahead)

    def __init__(self, dataset: Dataset, cite: dict, focus: str, theme: Theme, lang: str,
                 parent: QWidget | None = None, repeat_source: bool = False,
                 sources: SourceRecords | None = None, spares: Spares | None = None) -> None:
        super().__init__(parent)
        CitationCard.made += 1
        self.setObjectName("citationCard")
        self.dataset, self.theme, self.lang = dataset, theme, lang
        self._sources = sources if sources is not None else SourceRecords(dataset)
        self._spares = spares
        layout = QVBoxLayout(self)
        self._gap = round((4 if theme.presenting else 6) * theme.scale)
        layout.setContentsMargins(0, self._gap, 0, self._gap)
        layout.setSpacing(self._gap)
        self.badge = ClaimBadge(str(cite["claim_type"]), theme, self)
        self.source = SourceBlock(dataset, self._sources[str(cite["source_id"])], theme, lang, self,
                                  brief=repeat_source, compact=theme.presenting, spares=spares)
        self.fill(cite, focus, repeat_source)

    def fill(self, cite: dict, focus: str, repeat_source: bool = False) -> None:
        """Show another citation in this card (of the same look)."""
        theme = self.theme
        self.source_id = str(cite["source_id"])
        self.claim_type = str(cite["claim_type"])
        self.stance = str(cite["stance"])
        self.badge.set_claim_type(self.claim_type)
        self._parts_begin()
        plan = LayoutPlan()
        if cite["target"] != focus and cite.get("target_kind") == SERIES:
            whole = self._label("wholeSeries", _tr("cited for the whole series"), size=0.9, theme=theme, muted=True)
            plan.row(self._gap, (self.badge, 0, None), (whole, 0, None), ("stretch", 1))
        else:  # alone on its line, at its own width: the same place a row with a stretch gave it
            plan.widget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        self.quote = None
        if cite["quote"]:
            self.quote = self._part("quoteText", lambda: QuoteBlock("", theme, self))
            self.quote.set_plain(cite["quote"])
            plan.widget(self.quote)
        if cite["locator"] and not theme.presenting:  # where in the source: for the desk, not the wall
            where = _tr("Where: {locator}").format(locator=visible(cite["locator"]))
            plan.widget(self._label("locatorText", where, size=0.95, theme=theme, muted=True))
        note = self.dataset.text(cite, "note", self.lang)
        if note:
            plan.widget(self._label("noteText", _tr("Note: {note}").format(note=visible(note)), size=0.95,
                                    theme=theme))
        self._parts_end()
        self.source.fill(self._sources[self.source_id], brief=repeat_source)
        plan.widget(self.source)
        self._held = plan.apply(self.layout(), getattr(self, "_held", None))

    def focus_order(self) -> list[QWidget]:
        """The card's tab stops, top to bottom."""
        return ([self.quote] if self.quote is not None else []) + self.source.focus_order()


def short_source_name(row: dict, limit: int = 60) -> str:
    """Who published a source ("Epoch Times"), or its title cut at a word when the publisher is unknown."""
    publisher = str(row.get("publisher") or "")
    if publisher and publisher != "Unknown":
        return publisher
    title = str(row.get("title") or "")
    if len(title) <= limit:
        return title
    cut = title[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return (cut or title[: limit - 1]) + "…"


class SourceBlock(PartsMixin, WrappedBlock, QWidget):
    """A source: title, authors, publisher, date, kind, and its address with an "Open in browser" button.

    `compact` (classroom mode) says who, what kind and when in one line: the
    address, the notes and the access date are for the desk, not the wall.
    """

    def __init__(self, dataset: Dataset, row: dict, theme: Theme, lang: str,
                 parent: QWidget | None = None, brief: bool = False, compact: bool = False,
                 spares: Spares | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceBlock")
        self.dataset, self.theme, self.lang, self.compact = dataset, theme, lang, compact
        self._spares = spares
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(round(2 * theme.scale))
        self._row: dict | None = None
        self._brief = False
        self.fill(row, brief)

    def fill(self, row: dict, brief: bool = False) -> None:
        """Show another source (nothing changes when it is the one shown, as brief or as full as before)."""
        if row is self._row and brief == self._brief:
            for _kind, widget in self._part_widgets.values():
                if isinstance(widget, SelectableLabel):
                    widget.reset()
            return
        self._row, self._brief = row, brief
        theme = self.theme
        self.url = row["url"]
        self.open_button: QPushButton | None = None
        self.url_field: QLineEdit | None = None
        self._parts_begin()
        plan = LayoutPlan()
        if self.compact:
            words = _tr("The same source as above.") if brief else " · ".join(
                p for p in (short_source_name(row, 40), source_kind_label(row["kind"]), date_text(row.get("published_date"))) if p)
            # An attribution under the quote, as a book sets one: "— Epoch Times · News report · 2018".
            line = self._label("sourceLine", f"— {words}", size=0.9, theme=theme, muted=True)
            line.setToolTip(tooltip(row["title"]))
            plan.widget(line)
            self._end_fill(plan)
            return
        plan.widget(self._label("sourceTitle", row["title"], size=1.0, theme=theme, bold=True))
        if brief:  # the card above cites the same source in full: say so rather than repeat it
            plan.widget(self._label("sourceSame", _tr("The same source as above."), size=0.9, theme=theme,
                                    muted=True))
            self._end_fill(plan)
            return
        parts_text = [row["author"], row["publisher"], date_text(row.get("published_date")),
                      source_kind_label(row["kind"])]
        plan.widget(self._label("sourceDetails", " · ".join(p for p in parts_text if p), size=0.95,
                                theme=theme, muted=True))
        notes = self.dataset.text(row, "notes", self.lang)
        if notes:
            plan.widget(self._label("sourceNotes", notes, size=0.95, theme=theme, muted=True))
        if self.url:
            self.url_field = self._part("sourceUrl", self._url_field)
            address = visible(self.url)
            if self.url_field.text() != address:
                self.url_field.setText(address)
            self.url_field.setCursorPosition(0)  # the address is read from its start
            self.open_button = self._part("openInBrowser", self._open_button)
            plan.row(round(6 * theme.scale), (self.url_field, 1, None),
                     (self.open_button, 0, Qt.AlignmentFlag.AlignTop))
        accessed = row.get("accessed_date")
        if _known(accessed):
            words = _tr("Accessed {date}").format(date=i18n.format_date(accessed))
            plan.widget(self._label("sourceAccessed", words, size=0.9, theme=theme, muted=True))
        self._end_fill(plan)

    def _end_fill(self, plan: LayoutPlan) -> None:
        self._parts_end()  # shelved parts leave the layout with their parent
        self._held = plan.apply(self.layout(), getattr(self, "_held", None))

    def _url_field(self) -> QLineEdit:
        # A read-only line edit, not a label: a long address scrolls instead of widening the pane,
        # and what is selected and copied is exactly the address.
        field = QLineEdit(self)
        field.setObjectName("sourceUrl")
        field.setReadOnly(True)
        field.setFrame(False)
        field.setAccessibleName(_tr("Web address of the source"))
        field.setFont(text_font(self.theme.point_size(0.95)))
        return field

    def _open_button(self) -> QPushButton:
        return OpenLinkButton(self)

    def focus_order(self) -> list[QWidget]:
        """The block's tab stops, left to right."""
        return [w for w in (self.url_field, self.open_button) if w is not None]



class OpenLinkButton(QPushButton):
    """"Open in browser…": opens the address of the source block it sits in (it may serve several in turn)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(_tr("Open in browser…"), parent)
        self.setObjectName("openInBrowser")
        self.setAccessibleName(_tr("Open the source in your web browser"))
        self.setToolTip(tooltip(_tr("Asks first, and shows which website it will open.")))
        self.clicked.connect(self._on_clicked)

    def _on_clicked(self) -> None:
        links.open_link(getattr(self.parentWidget(), "url", ""), self.window())


def citation_records(rows: pd.DataFrame) -> list[dict]:
    """Citation rows as plain dicts, column by column (DataFrame.to_dict takes about three times as long)."""
    columns = list(rows.columns)
    return [dict(zip(columns, values)) for values in zip(*(rows[column].tolist() for column in columns))]


class FactView(PartsMixin, WrappedBlock, QWidget):
    """The focused fact and every citation behind it, grouped by stance (disputes last, under their heading).

    `fill(target)` shows another fact in the same widgets, as a new view of it would.
    """

    def __init__(self, dataset: Dataset, target: str, theme: Theme, lang: str,
                 parent: QWidget | None = None, sources: SourceRecords | None = None,
                 spares: Spares | None = None, rows: CitationRows | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factView")
        self.dataset, self.theme, self.lang = dataset, theme, lang
        self._sources = sources if sources is not None else SourceRecords(dataset)
        self._rows = rows if rows is not None else CitationRows(dataset)
        self._spares = spares
        layout = QVBoxLayout(self)
        margin = round(10 * theme.scale)
        top = round(6 * theme.scale) if theme.presenting else margin  # every line counts on a projected slide
        layout.setContentsMargins(margin, top, margin, margin)
        layout.setSpacing(round(4 * theme.scale))
        self.cards: list[CitationCard] = []
        self.fill(target)

    def fill(self, target: str) -> None:
        """Show `target` (a fact of the view's dataset) and its citations."""
        dataset, theme = self.dataset, self.theme
        self._tab_stops_set = False
        self.fact = fact = dataset.fact(target, self.lang)
        self.records = records = self._rows.records(target)  # the citations, in the order shown
        self._parts_begin()
        plan = LayoutPlan()
        # Presenting, the claim types and the quotes come before the summary: they are the point of
        # a step, and the summary would push them below the fold of a projected 1024×768 slide.
        presenting = theme.presenting
        self._title = self._label("factTitle", fact.title, size=1.3, theme=theme, bold=True, focusable=True)
        plan.widget(self._title)
        self.date_text = i18n.fact_date(dataset, fact)
        where = " · ".join(p for p in (fact.category, fact.extra.get("place", "")) if p)
        if presenting:  # one line for when and where
            plan.widget(self._label("factDate", " · ".join(p for p in (self.date_text, where) if p),
                                    size=1.0, theme=theme, muted=True))
        else:
            plan.widget(self._label("factDate", self.date_text, size=1.05, theme=theme, muted=True))
        value = value_text(fact)
        if value:
            plan.widget(self._label("factValue", value, size=1.2, theme=theme, bold=True))
        elif fact.kind == SERIES and fact.unit:
            plan.widget(self._label("factUnit", _tr("Counted in {unit}").format(unit=visible(fact.unit)),
                                    name="factValue", size=1.0, theme=theme))
        if where and not presenting:
            plan.widget(self._label("factWhere", where, size=0.95, theme=theme, muted=True))
        self._summary = None
        if fact.summary:
            self._summary = self._label("factSummary", fact.summary, size=1.0, theme=theme, focusable=True)
            if not presenting:
                plan.widget(self._summary)

        self.headings: dict[str, QWidget] = {}
        old_cards, self.cards = self.cards, []
        rules = 0
        for stance in dict.fromkeys(r["stance"] for r in records):
            heading = self._part(f"heading-{stance}", lambda s=stance: self._heading(s))
            plan.spacing(round((5 if presenting else 8) * theme.scale))
            plan.widget(heading)
            self.headings[stance] = heading
            for index, cite in enumerate(r for r in records if r["stance"] == stance):
                if index:  # where one source ends and the next begins
                    plan.widget(self._part(f"rule{rules}", lambda: _rule(theme, self), kind="citationRule"))
                    rules += 1
                repeat = bool(self.cards) and self.cards[-1].source_id == cite["source_id"]
                card = self._card(old_cards, cite, target, repeat)
                plan.widget(card)
                self.cards.append(card)
        for card in old_cards:  # fewer citations than the fact shown before
            self._shelve_card(card)
        if fact.kind == OBSERVATION and not records:
            plan.widget(self._label("noSource", _tr("No source is cited for this value."), name="", theme=theme))
        if self._summary is not None and presenting:
            plan.spacing(round(8 * theme.scale))
            plan.widget(self._part(f"rule{rules}", lambda: _rule(theme, self), kind="citationRule"))
            plan.widget(self._summary)
        plan.stretch(1)
        self._parts_end()  # shelved parts leave the layout with their parent
        self._held = plan.apply(self.layout(), getattr(self, "_held", None))

    def _heading(self, stance: str) -> QWidget:
        theme = self.theme
        if stance == "disputes":
            # Dark words on the theme's highlight: the change of side must not be missed, on any theme.
            heading = ChipLabel(stance_heading(stance), theme.highlight, "#000000", theme, self)
            heading.setObjectName(f"heading-{stance}")
            heading.setWordWrap(True)
            heading.setFont(text_font(theme.point_size(1.1), bold=True))
        else:
            heading = plain_label(stance_heading(stance), self, name=f"heading-{stance}", size=1.1,
                                  theme=theme, bold=True)
        heading.setAccessibleName(stance_heading(stance))
        return heading

    def _card(self, old_cards: list[CitationCard], cite: dict, target: str, repeat: bool) -> CitationCard:
        """The next card: one this view showed before, a spare one, or a new one."""
        card = old_cards.pop(0) if old_cards else None
        if card is None and self._spares is not None:
            card = self._spares.take("citationCard", self)
        if card is None:
            return CitationCard(self.dataset, cite, target, self.theme, self.lang, self, repeat_source=repeat,
                                sources=self._sources, spares=self._spares)
        card.fill(cite, target, repeat)
        return card

    def _shelve_card(self, card: CitationCard) -> None:
        if self._spares is not None:
            self._spares.give("citationCard", card)
        else:
            _discard(card)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._tab_stops_set:  # now that every label has its text, font and place
            self._tab_stops_set = True
            stops = [self._title] + ([self._summary] if self._summary is not None else [])
            for card in self.cards:
                stops += card.focus_order()
            for label in stops:
                if isinstance(label, SelectableLabel):
                    label.allow_keyboard_focus()
            # Top to bottom, as a new view's would be, however the widgets came to this view.
            for first, second in zip(stops, stops[1:]):
                QWidget.setTabOrder(first, second)

    def accessible_summary(self) -> str:
        """The fact's title, date and claim types in one sentence, for screen readers."""
        claim_types = list(dict.fromkeys(card.claim_type for card in self.cards))
        words = ", ".join(claim_type_label(c) for c in claim_types) or _tr("none")
        return _tr("{title}, {date}. Claim types: {claims}.").format(
            title=visible(self.fact.title), date=visible(self.date_text), claims=words)
