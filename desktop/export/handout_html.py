"""The handout's text as HTML built from escaped parts: dataset text is never read as markup.

Every string from the dataset goes through `esc` (bidirectional controls made
visible, then `html.escape`), so a quote containing `<img src=…>` prints those
characters. The only images are the charts the exporter adds to the document
itself, under names of the form `factdeck-chart:N`.
"""
from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QCoreApplication

from ..dataset.contract import STANCE_ORDER
from ..dataset.dataset import EVENT, OBSERVATION, SERIES, Dataset
from ..ui import i18n
from ..ui.citation_cards import value_text
from ..ui.safe_text import visible
from ..ui.theme import CLAIM_TYPE_COLOURS, claim_type_label, stance_heading

CHART_SCHEME = "factdeck-chart"
INK, MUTED = "#1A1A1A", "#595959"


def tr(text: str) -> str:
    return QCoreApplication.translate("Handout", text)


def esc(text: object) -> str:
    """Dataset text as HTML that shows exactly these characters (line breaks kept)."""
    return html.escape(visible(str(text or "")), quote=True).replace("\n", "<br>")


def title_page(dataset_title: str, handout_title: str, kind_line: str, date_text: str, name_line: str) -> str:
    """The first page: the dataset's and the handout's titles, what it holds, and the date."""
    return (
        "<div>"
        "<p style='font-size:2pt; margin-bottom:150px'>&nbsp;</p>"  # Qt drops the first block's top margin
        f"<p style='font-size:13pt; color:{MUTED}'>{esc(dataset_title)}</p>"
        f"<h1 style='font-size:26pt; margin-top:12px'>{esc(handout_title)}</h1>"
        f"<p style='font-size:13pt; margin-top:18px'>{esc(kind_line)}</p>"
        f"<p style='font-size:13pt'>{esc(date_text)}</p>"
        f"<p style='font-size:10pt; color:{MUTED}; margin-top:200px'>{esc(name_line)}</p>"
        "</div>"
    )


def badge(claim_type: str) -> str:
    colour = CLAIM_TYPE_COLOURS.get(claim_type, "#4B4B4B")
    return (f"<span style='background-color:{colour}; color:#FFFFFF; font-weight:bold'>"
            f"&nbsp;{esc(claim_type_label(claim_type))}&nbsp;</span>")


def _source_name(dataset: Dataset, source_id: str) -> str:
    row = dataset.sources.loc[source_id]
    publisher = row["publisher"] if row["publisher"] != "Unknown" else ""
    published = row["published_date"]
    when = i18n.format_date(published) if hasattr(published, "label") else tr("n.d.")
    return ", ".join(p for p in (row["title"], publisher, when) if p)


def fact_lines(dataset: Dataset, target: str, lang: str) -> tuple[str, str]:
    """(the fact's title, its date or value line) for a target."""
    fact = dataset.fact(target, lang)
    parts = [i18n.fact_date(dataset, fact)]
    if fact.kind == OBSERVATION:
        parts.append(value_text(fact))
    elif fact.kind == SERIES:
        parts.append(tr("{count} values, in {unit}").format(count=i18n.format_number(len(dataset.observations_of(target))), unit=fact.unit))
    elif fact.kind == EVENT:
        parts += [fact.category, fact.extra.get("place", "")]
    return fact.title, " · ".join(p for p in parts if p)


def step_section(dataset: Dataset, target: str, heading: str, lang: str, chart_name: str | None,
                 chart_width: int, number: str = "", new_page: bool = False) -> str:
    """One step: heading, the fact with its date or value, the chart, quotes by stance with claim types."""
    title, line = fact_lines(dataset, target, lang)
    fact = dataset.fact(target, lang)
    brk = " page-break-before:always;" if new_page else ""
    out = [f"<h2 style='font-size:16pt; margin-top:26px;{brk}'>{esc(number)}{esc(heading)}</h2>"]
    if title != heading:
        out.append(f"<p style='font-size:11pt; color:{MUTED}'>{esc(title)}</p>")
    out.append(f"<p style='font-size:12pt'><b>{esc(line)}</b></p>")
    if fact.summary:
        out.append(f"<p style='font-size:11pt'>{esc(fact.summary)}</p>")
    if chart_name:
        out.append(f"<p><img src='{CHART_SCHEME}:{esc(chart_name)}' width='{chart_width}'></p>")
    out.append(citations_html(dataset, target, lang))
    return "\n".join(out)


def citations_html(dataset: Dataset, target: str, lang: str) -> str:
    """The citations behind a target: who says so, context, then any source that disagrees."""
    rows = dataset.ordered_citation_rows(target)
    if dataset.kind_of(target) == SERIES:
        rows = _series_citations(dataset, target)
    out: list[str] = []
    stance = None
    for _, row in rows.iterrows():
        if row["stance"] != stance:
            stance = row["stance"]
            colour = "#A84A00" if stance == "disputes" else INK
            out.append(f"<h3 style='font-size:12pt; color:{colour}; margin-top:12px'>{esc(stance_heading(stance))}</h3>")
        where = ", ".join(p for p in (_source_name(dataset, row["source_id"]), row["locator"]) if p)
        out.append(f"<p style='font-size:10.5pt; margin-top:6px'>{badge(row['claim_type'])}&nbsp; "
                   f"<span style='color:{MUTED}'>{esc(where)}</span></p>")
        if row["quote"]:
            out.append(f"<p style='font-size:11pt; margin-left:22px; margin-right:22px'>“{esc(row['quote'])}”</p>")
        note = dataset.text(row, "note", lang)
        if note:
            out.append(f"<p style='font-size:10pt; color:{MUTED}; margin-left:22px'>{esc(tr('Note:'))} {esc(note)}</p>")
    if not out:
        out.append(f"<p style='color:{MUTED}'>{esc(tr('No citations.'))}</p>")
    return "\n".join(out)


def _series_citations(dataset: Dataset, series_id: str):
    """A series' own citations and those of its values, each source, stance, claim and quote said once."""
    cites = dataset.citations
    rows = cites[(cites["series_id"] == series_id).to_numpy()]
    rows = rows.drop_duplicates(["source_id", "stance", "claim_type", "quote"])
    return rows.iloc[np.argsort(rows["stance"].map(STANCE_ORDER).to_numpy(), kind="stable")]


def bibliography_html(heading: str, entries: list[str]) -> str:
    """The bibliography on a new page, each entry a paragraph with a hanging indent."""
    out = [f"<h2 style='font-size:16pt; page-break-before:always'>{esc(heading)}</h2>"]
    for entry in entries:
        out.append(f"<p style='font-size:10.5pt; margin-left:28px; text-indent:-28px; margin-bottom:6px'>{esc(entry)}</p>")
    return "\n".join(out)


def page_break() -> str:
    return "<p style='page-break-after:always'></p>"
