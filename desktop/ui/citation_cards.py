"""The widgets the citation pane is made of: the fact, claim-type badges, quotes and sources.

Every string from the dataset goes into a QLabel set to plain text (after
`safe_text.visible`), so a quote containing `<img src=…>` shows those
characters and loads nothing. Nothing here is a QTextBrowser and nothing
resolves a resource; a source's address is shown as text beside a button
that goes through `links.open_link` (http/https only, after confirmation).
Sizes come from the `Theme` the view is built with; the pane rebuilds the
view when the theme changes.
"""
from __future__ import annotations

import math
from functools import lru_cache

import pandas as pd
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ..dataset.dataset import OBSERVATION, SERIES, Dataset, Fact
from . import i18n, links
from .safe_text import tooltip, visible
from .theme import (
    CLAIM_TYPE_COLOURS, Theme, claim_type_explanation, claim_type_label, qualifier_words, stance_heading,
)

TEXT_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
_SUFFIX_QUALIFIERS = ("provisional", "estimate")  # said after the number: "36,359 deaths (provisional)"
_REMEASURE = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LayoutDirectionChange)


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


class WrappedBlock:
    """For a widget whose layout holds word-wrapped text: a size hint without a height-for-width pass.

    Qt's own hint for such a widget lays every wrapped label out again at the
    hint's width, a width the widget is never given: a vertical layout gives
    it the full width and takes its height from `heightForWidth`, so the
    hint's height is never used. The layout's own hint (each label's hint,
    which QLabel keeps) is enough, and costs no text layout.
    """

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.layout().sizeHint().grownBy(self.contentsMargins())


class MeasuredLabel(QLabel):
    """A word-wrapped plain-text label that remembers its height at each width it was asked about.

    Qt's layouts ask a wrapped label its height for several widths on every
    layout pass (the scroll area, the view and its minimum size each ask), and
    QLabel lays its text out afresh every time; the answer only changes with
    the text, the font or the margins, so it is kept until one of them does.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[int, int] = {}

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        self._heights.clear()
        super().setText(text)

    def setContentsMargins(self, *margins) -> None:  # noqa: N802 - Qt override
        self._heights.clear()
        super().setContentsMargins(*margins)

    def setTextInteractionFlags(self, flags) -> None:  # noqa: N802 - Qt override
        self._heights.clear()  # a selectable label measures through a text document, to the pixel
        super().setTextInteractionFlags(flags)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() in _REMEASURE:
            self._heights.clear()
        super().changeEvent(event)


class SelectableLabel(MeasuredLabel):
    """A plain-text label whose text can be selected with the mouse or the keyboard.

    Selection is switched on when the pointer enters the label or it gets
    keyboard focus, not when it is built: a selectable QLabel lays its text
    out through a QTextDocument, which made every focus change about 12 ms
    slower. Only the labels worth copying by keyboard (`focusable`: the fact's
    title and summary, each quote) are tab stops; every label selects with the mouse.

    A label that can take focus also lays its text out through a QTextDocument
    (Qt decides so whenever its text, font or wrapping is set), so a
    `focusable` label becomes a tab stop only once it is shown and dressed
    (`allow_keyboard_focus`, which FactView calls when first shown).
    """

    def __init__(self, parent: QWidget | None = None, focusable: bool = False) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.focusable = focusable

    def allow_keyboard_focus(self) -> None:
        """Make a `focusable` label a tab stop (it takes part in the tab order from now on)."""
        if self.focusable and self.focusPolicy() == Qt.FocusPolicy.NoFocus:
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def make_selectable(self) -> None:
        if self.textInteractionFlags() != TEXT_SELECTABLE:
            self.setTextInteractionFlags(TEXT_SELECTABLE)

    def enterEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.make_selectable()
        super().enterEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.make_selectable()
        super().focusInEvent(event)


def plain_label(text: str, parent: QWidget | None = None, *, name: str = "", size: float = 1.0,
                theme: Theme | None = None, bold: bool = False, italic: bool = False, muted: bool = False,
                focusable: bool = False) -> QLabel:
    """A word-wrapped, selectable, plain-text label for dataset text (bidi controls made visible)."""
    label = SelectableLabel(parent, focusable)
    label.setText(visible(text))
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if name:
        label.setObjectName(name)
    if theme is not None:
        label.setFont(text_font(theme.point_size(size), bold, italic))
        if muted:
            # Palettes, not style sheets, throughout: polishing style sheets cost ~20 ms per focus change.
            _set_colours(label, foreground=theme.muted)
    return label


@lru_cache(maxsize=64)
def text_font(point_size: float, bold: bool = False, italic: bool = False) -> QFont:
    """A font that sets only size, weight and slant (the family comes from the pane), made once per look."""
    font = QFont()
    font.setPointSizeF(point_size)
    font.setBold(bold)
    font.setItalic(italic)
    return font


@lru_cache(maxsize=64)
def _palette(foreground: str | None, background: str | None) -> QPalette:
    # Only the roles set here are the widget's own; every other colour still comes from the pane's theme.
    palette = QPalette()
    if foreground:
        palette.setColor(QPalette.ColorRole.WindowText, QColor(foreground))
    if background:
        palette.setColor(QPalette.ColorRole.Window, QColor(background))
    return palette


def _set_colours(widget: QWidget, *, foreground: str | None = None, background: str | None = None) -> None:
    widget.setPalette(_palette(foreground, background))


def _rule(theme: Theme, parent: QWidget) -> QFrame:
    line = QFrame(parent)
    line.setObjectName("citationRule")
    line.setFixedHeight(max(1, round(theme.scale)))
    line.setAutoFillBackground(True)
    _set_colours(line, background=theme.grid)
    return line


class ChipLabel(MeasuredLabel):
    """Plain text on a rounded patch of colour (claim badges, the disputes heading)."""

    def __init__(self, text: str, background: str, foreground: str, theme: Theme,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(visible(text))
        self.colour = background
        _set_colours(self, foreground=foreground)
        self._radius = 4 * theme.scale
        self.setContentsMargins(round(8 * theme.scale), round(2 * theme.scale),
                                round(8 * theme.scale), round(2 * theme.scale))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.colour))
        painter.drawRoundedRect(self.rect(), self._radius, self._radius)
        painter.end()
        super().paintEvent(event)


class ClaimBadge(ChipLabel):
    """A claim type in words on its own colour, with what that kind of claim rests on as a tooltip."""

    def __init__(self, claim_type: str, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(claim_type_label(claim_type), CLAIM_TYPE_COLOURS.get(claim_type, "#4B4B4B"), "#FFFFFF",
                         theme, parent)
        self.claim_type = claim_type
        self.setObjectName("claimBadge")
        self.setFont(text_font(theme.point_size(1.0), bold=True))
        explanation = claim_type_explanation(claim_type)
        self.setToolTip(tooltip(explanation))
        self.setAccessibleName(_tr("Claim type: {label}").format(label=claim_type_label(claim_type)))
        self.setAccessibleDescription(explanation)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)


class QuoteBlock(SelectableLabel):
    """The source's own words, set off as a block quotation (a rule down the left side).

    One label that paints its rule in its own left margin (`label` is itself,
    for code that reads the quotation's text).
    """

    def __init__(self, quote: str, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent, focusable=True)
        self.setObjectName("quoteText")
        self.setText(visible(quote))
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setFont(text_font(theme.point_size(1.12)))
        self.setAccessibleName(_tr("Quotation"))
        self._rule_width = max(3, round(4 * theme.scale))
        self._rule_colour = QColor(theme.muted)
        self.setContentsMargins(round(12 * theme.scale), 2, 0, 2)

    @property
    def label(self) -> QLabel:
        return self

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(0, 0, self._rule_width, self.height(), self._rule_colour)
        painter.end()
        super().paintEvent(event)


class CitationCard(WrappedBlock, QFrame):
    """One citation: badge, quote, locator, note, and the source it comes from."""

    def __init__(self, dataset: Dataset, cite: dict, focus: str, theme: Theme, lang: str,
                 parent: QWidget | None = None, repeat_source: bool = False,
                 sources: SourceRecords | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citationCard")
        self.source_id = str(cite["source_id"])
        self.claim_type = str(cite["claim_type"])
        self.stance = str(cite["stance"])
        layout = QVBoxLayout(self)
        gap = round((4 if theme.presenting else 6) * theme.scale)
        layout.setContentsMargins(0, gap, 0, gap)
        layout.setSpacing(gap)

        self.badge = ClaimBadge(self.claim_type, theme, self)
        if cite["target"] != focus and cite.get("target_kind") == SERIES:
            top = QHBoxLayout()
            top.setSpacing(gap)
            top.addWidget(self.badge)
            top.addWidget(plain_label(_tr("cited for the whole series"), self, name="wholeSeries",
                                      size=0.9, theme=theme, muted=True))
            top.addStretch(1)
            layout.addLayout(top)
        else:  # alone on its line, at its own width: the same place a row with a stretch gave it
            layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)

        if cite["quote"]:
            self.quote = QuoteBlock(cite["quote"], theme, self)
            layout.addWidget(self.quote)
        if cite["locator"] and not theme.presenting:  # where in the source: for the desk, not the wall
            layout.addWidget(plain_label(_tr("Where: {locator}").format(locator=visible(cite["locator"])), self,
                                         name="locatorText", size=0.95, theme=theme, muted=True))
        note = dataset.text(cite, "note", lang)
        if note:
            layout.addWidget(plain_label(_tr("Note: {note}").format(note=visible(note)), self,
                                         name="noteText", size=0.95, theme=theme))
        sources = sources if sources is not None else SourceRecords(dataset)
        self.source = SourceBlock(dataset, sources[self.source_id], theme, lang, self, brief=repeat_source,
                                  compact=theme.presenting)
        layout.addWidget(self.source)


class SourceRecords:
    """Sources as plain dicts, read from the dataset once each and kept (a pane holds one)."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._rows: dict[str, dict] = {}

    def __getitem__(self, source_id: str) -> dict:
        row = self._rows.get(source_id)
        if row is None:
            row = self._rows[source_id] = self.dataset.sources.loc[source_id].to_dict()
        return row


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


class SourceBlock(WrappedBlock, QWidget):
    """A source: title, authors, publisher, date, kind, and its address with an "Open in browser" button.

    `compact` (classroom mode) says who, what kind and when in one line: the
    address, the notes and the access date are for the desk, not the wall.
    """

    def __init__(self, dataset: Dataset, row: dict, theme: Theme, lang: str,
                 parent: QWidget | None = None, brief: bool = False, compact: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("sourceBlock")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(round(2 * theme.scale))
        self.url = row["url"]
        self.open_button: QPushButton | None = None
        if compact:
            words = _tr("The same source as above.") if brief else " · ".join(
                p for p in (short_source_name(row, 40), source_kind_label(row["kind"]), date_text(row.get("published_date"))) if p)
            # An attribution under the quote, as a book sets one: "— Epoch Times · News report · 2018".
            line = plain_label(f"— {words}", self, name="sourceLine", size=0.9, theme=theme, muted=True)
            line.setToolTip(tooltip(row["title"]))
            layout.addWidget(line)
            return
        layout.addWidget(plain_label(row["title"], self, name="sourceTitle", size=1.0, theme=theme, bold=True))
        if brief:  # the card above cites the same source in full: say so rather than repeat it
            layout.addWidget(plain_label(_tr("The same source as above."), self, name="sourceSame",
                                         size=0.9, theme=theme, muted=True))
            return
        parts = [row["author"], row["publisher"], date_text(row.get("published_date")),
                 source_kind_label(row["kind"])]
        layout.addWidget(plain_label(" · ".join(p for p in parts if p), self, name="sourceDetails",
                                     size=0.95, theme=theme, muted=True))
        notes = dataset.text(row, "notes", lang)
        if notes:
            layout.addWidget(plain_label(notes, self, name="sourceNotes", size=0.95, theme=theme, muted=True))
        if self.url:
            line = QHBoxLayout()
            line.setSpacing(round(6 * theme.scale))
            # A read-only line edit, not a label: a long address scrolls instead of widening the pane,
            # and what is selected and copied is exactly the address.
            self.url_field = QLineEdit(visible(self.url), self)
            self.url_field.setObjectName("sourceUrl")
            self.url_field.setReadOnly(True)
            self.url_field.setFrame(False)
            self.url_field.setCursorPosition(0)
            self.url_field.setAccessibleName(_tr("Web address of the source"))
            self.url_field.setFont(text_font(theme.point_size(0.95)))
            line.addWidget(self.url_field, 1)
            self.open_button = QPushButton(_tr("Open in browser…"), self)
            self.open_button.setObjectName("openInBrowser")
            self.open_button.setAccessibleName(_tr("Open the source in your web browser"))
            self.open_button.setToolTip(tooltip(_tr("Asks first, and shows which website it will open.")))
            self.open_button.clicked.connect(self._on_open_clicked)
            line.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(line)
        accessed = row.get("accessed_date")
        if accessed is not None and not (isinstance(accessed, float) and math.isnan(accessed)):
            layout.addWidget(plain_label(_tr("Accessed {date}").format(date=i18n.format_date(accessed)), self,
                                         name="sourceAccessed", size=0.9, theme=theme, muted=True))

    def _on_open_clicked(self) -> None:
        links.open_link(self.url, self.window())


def citation_records(rows: pd.DataFrame) -> list[dict]:
    """Citation rows as plain dicts, column by column (DataFrame.to_dict takes about three times as long)."""
    columns = list(rows.columns)
    return [dict(zip(columns, values)) for values in zip(*(rows[column].tolist() for column in columns))]


class FactView(WrappedBlock, QWidget):
    """The focused fact and every citation behind it, grouped by stance (disputes last, under their heading)."""

    def __init__(self, dataset: Dataset, target: str, theme: Theme, lang: str,
                 parent: QWidget | None = None, sources: SourceRecords | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factView")
        self._tab_stops_set = False
        sources = sources if sources is not None else SourceRecords(dataset)
        self.fact = dataset.fact(target, lang)
        self.citations = dataset.ordered_citation_rows(target)
        layout = QVBoxLayout(self)
        margin = round(10 * theme.scale)
        top = round(6 * theme.scale) if theme.presenting else margin  # every line counts on a projected slide
        layout.setContentsMargins(margin, top, margin, margin)
        layout.setSpacing(round(4 * theme.scale))

        fact = self.fact
        # Presenting, the claim types and the quotes come before the summary: they are the point of
        # a step, and the summary would push them below the fold of a projected 1024×768 slide.
        presenting = theme.presenting
        layout.addWidget(plain_label(fact.title, self, name="factTitle", size=1.3, theme=theme, bold=True,
                                     focusable=True))
        self.date_text = i18n.fact_date(dataset, fact)
        where = " · ".join(p for p in (fact.category, fact.extra.get("place", "")) if p)
        if presenting:  # one line for when and where
            layout.addWidget(plain_label(" · ".join(p for p in (self.date_text, where) if p), self, name="factDate",
                                         size=1.0, theme=theme, muted=True))
        else:
            layout.addWidget(plain_label(self.date_text, self, name="factDate", size=1.05, theme=theme, muted=True))
        value = value_text(fact)
        if value:
            layout.addWidget(plain_label(value, self, name="factValue", size=1.2, theme=theme, bold=True))
        elif fact.kind == SERIES and fact.unit:
            layout.addWidget(plain_label(_tr("Counted in {unit}").format(unit=visible(fact.unit)), self,
                                         name="factValue", size=1.0, theme=theme))
        if where and not presenting:
            layout.addWidget(plain_label(where, self, name="factWhere", size=0.95, theme=theme, muted=True))
        summary = None
        if fact.summary:
            summary = plain_label(fact.summary, self, name="factSummary", size=1.0, theme=theme, focusable=True)
            if not presenting:
                layout.addWidget(summary)

        self.headings: dict[str, QLabel] = {}
        self.cards: list[CitationCard] = []
        records = citation_records(self.citations)
        for stance in dict.fromkeys(r["stance"] for r in records):
            group = [r for r in records if r["stance"] == stance]
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
            layout.addSpacing(round((5 if presenting else 8) * theme.scale))
            layout.addWidget(heading)
            self.headings[stance] = heading
            for index, cite in enumerate(group):
                if index:
                    layout.addWidget(_rule(theme, self))  # where one source ends and the next begins
                card = CitationCard(dataset, cite, target, theme, lang, self, sources=sources,
                                    repeat_source=bool(self.cards) and self.cards[-1].source_id == cite["source_id"])
                layout.addWidget(card)
                self.cards.append(card)
        if fact.kind == OBSERVATION and not len(self.citations):
            layout.addWidget(plain_label(_tr("No source is cited for this value."), self, theme=theme))
        if summary is not None and presenting:
            layout.addSpacing(round(8 * theme.scale))
            layout.addWidget(_rule(theme, self))
            layout.addWidget(summary)
        layout.addStretch(1)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._tab_stops_set:  # now that every label has its text, font and place
            self._tab_stops_set = True
            for label in self.findChildren(SelectableLabel):
                label.allow_keyboard_focus()

    def accessible_summary(self) -> str:
        """The fact's title, date and claim types in one sentence, for screen readers."""
        claim_types = list(dict.fromkeys(card.claim_type for card in self.cards))
        words = ", ".join(claim_type_label(c) for c in claim_types) or _tr("none")
        return _tr("{title}, {date}. Claim types: {claims}.").format(
            title=visible(self.fact.title), date=visible(self.date_text), claims=words)
