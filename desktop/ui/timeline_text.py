"""The words the timeline shows: titles, dates as precisely as known, lane names, tooltips.

Built once per pane from the dataset, in the data language; dates and titles
are read lazily per fact, so 100,000 events cost nothing until they are drawn.
Tooltips are composed as HTML from escaped parts: dataset text is plain text
and a title like "<b>" shows those characters.
"""
from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QCoreApplication

from ..dataset.contract import CLAIM_TYPES
from ..dataset.dates import label_range
from . import i18n
from .safe_text import visible
from .theme import claim_type_label
from .timeline_layout import PERIOD, STATEMENT, TimelineModel


def tr(text: str) -> str:
    return QCoreApplication.translate("TimelinePane", text)


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


class TimelineText:
    """Display text for the facts of a `TimelineModel`, in the data language `lang`."""

    def __init__(self, dataset, model: TimelineModel, lang: str = "") -> None:
        self.dataset, self.model, self.lang = dataset, model, lang
        ev = dataset.events
        self._titles = self._column(ev, "title")
        # Each lane's name in the data language, read from its first fact: found for every lane in
        # one pass over the model's lane numbers (comparing the category text once per lane cost
        # ~10 ms of opening 100,000 events).
        n = len(model.lanes)
        first = np.full(n + 1, len(model.lane), dtype=np.int64)
        np.minimum.at(first, np.where((model.lane >= 0) & (model.lane < n), model.lane, n), np.arange(len(model.lane)))
        rows = [int(k) if k < len(model.lane) else -1 for k in first[:n]]
        translated = self._column(ev.iloc[[k for k in rows if k >= 0]], "category")
        names = iter(translated.tolist())
        self._lane_names: list[str] = [str(next(names)) if k >= 0 else name for k, name in zip(rows, model.lanes)]
        self._starts = ev["start_date"].to_numpy()
        self._ends = ev["end_date"].to_numpy()
        self._dates: dict[int, str] = {}
        self._claims: np.ndarray | None = None  # each citation's claim type

    def _column(self, ev, column: str) -> np.ndarray:
        values = ev[column].to_numpy(dtype=object)
        key = f"{column}@{self.lang}"
        if self.lang and key in ev.columns:
            other = ev[key].to_numpy(dtype=object)
            values = np.where(other != "", other, values)
        return values

    def title(self, index: int) -> str:
        # Direction controls shown as markers: a title cannot reorder what is drawn around it (safe_text).
        return visible(str(self._titles[index]))

    def lane_name(self, lane: int) -> str:
        return visible(self._lane_names[lane]) if lane < len(self._lane_names) else ""

    def date_label(self, index: int) -> str:
        """The fact's date as precisely as it is known ("2018", "Oct 2018", "2013 – now")."""
        label = self._dates.get(index)
        if label is None:
            end = self._ends[index]
            # The dataset's English label, or the same date in the interface's words ("oct 2018").
            write = i18n.format_date_range if self.lang else label_range
            label = write(self._starts[index], end if end is not None and end == end else None,
                          bool(self.model.open_ended[index]))
            self._dates[index] = label
        return label

    def kind_word(self, index: int) -> str:
        kind = int(self.model.kind[index])
        if kind == PERIOD:
            return tr("Period")
        if kind == STATEMENT:
            return tr("Standing statement (true as of its date)")
        return tr("Event")

    def claim_words(self, index: int) -> list[str]:
        """The claim types of the fact's sources (every stance), in words, in the contract's order."""
        if self._claims is None:  # the column, read once; the dataset finds a fact's rows without a scan
            self._claims = self.dataset.citations["claim_type"].to_numpy(dtype=object)
        found = set(self._claims[self.dataset.citation_positions(str(self.model.ids[index]))])
        return [claim_type_label(c) for c in CLAIM_TYPES if c in found]

    def flags(self, index: int) -> list[str]:
        priority = int(self.model.priority[index])
        words = []
        if priority & 1:
            words.append(tr("Disputed: another source disagrees"))
        if priority & 2:
            words.append(tr("Used in a lesson"))
        return words

    def describe(self, index: int) -> str:
        """One plain sentence for screen readers: date, title, category, claim types."""
        parts = [self.date_label(index), self.title(index), self.lane_name(int(self.model.lane[index])),
                 self.kind_word(index)]
        claims = self.claim_words(index)
        if claims:
            parts.append(tr("Sources: {claims}").format(claims=", ".join(claims)))
        parts += self.flags(index)
        return ". ".join(p for p in parts if p) + "."

    def tooltip(self, index: int) -> str:
        """Date, title, category, kind, the claim types of its sources, and flags; escaped HTML."""
        lines = [
            f"<b>{_escape(self.date_label(index))}</b>",
            _escape(self.title(index)),
            _escape(tr("{category} · {kind}").format(category=self.lane_name(int(self.model.lane[index])),
                                                      kind=self.kind_word(index))),
        ]
        claims = self.claim_words(index)
        if claims:
            lines.append(_escape(tr("Sources: {claims}").format(claims=", ".join(claims))))
        lines += [_escape(flag) for flag in self.flags(index)]
        return "<p>" + "<br>".join(lines) + "</p>"

    def aggregate_tooltip(self, members: np.ndarray, limit: int = 5) -> str:
        """How many facts a grouped mark stands for, the first few, and how to see them."""
        first, last = int(members[0]), int(members[-1])
        span = self.date_label(first) if first == last else f"{self.date_label(first)} – {self.date_label(last)}"
        lines = [f"<b>{_escape(tr('{count} facts').format(count=i18n.format_number(len(members))))}</b> · {_escape(span)}"]
        lines += [_escape(f"{self.date_label(int(i))}  {self.title(int(i))}") for i in members[:limit]]
        if len(members) > limit:
            lines.append(_escape(tr("… and {more} more").format(more=i18n.format_number(len(members) - limit))))
        lines.append(f"<i>{_escape(tr('Click or zoom in to see them apart.'))}</i>")
        return "<p>" + "<br>".join(lines) + "</p>"
