"""Handout PDFs: a lesson, or what is shown, as pages a teacher can print and hand out.

A title page (the dataset's and the handout's titles, the date), then one
section per step (the fact with its date or value, the chart as it looks at
that step when the step is a series or a value, the quotes with their claim
types, and any source that disagrees), then the bibliography in the chosen
style, formatted by the same `citations.format_bibliography` the citation
pane exports with. A4 or US Letter.

Only Qt writes the PDF: a `QTextDocument` built from escaped HTML
(`handout_html`), paginated at the page's size, painted page by page onto a
`QPdfWriter` into memory, then saved with `fileio.write_atomic`. The
document loads no resource: `loadResource` answers nothing, so only the
chart images added under our own names can appear. `progress(fraction,
message)` returning False cancels; nothing is written then.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout, QColor, QFont, QPageLayout, QPageSize, QPainter, QPalette, QPdfWriter,
    QTextDocument,
)

from ..dataset.citations import format_bibliography
from ..dataset.dataset import OBSERVATION, SERIES, Dataset
from ..dataset.export_data import ExportCancelled, ExportError, Progress, Subset, report
from ..dataset.filters import Filters
from ..fileio import WriteError, write_atomic
from . import handout_html as parts

PAGES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
PROSE_STYLES = ("apa", "mla", "chicago")
STYLE_NAMES = {"apa": "APA 7", "mla": "MLA 9", "chicago": "Chicago"}
MARGIN_MM = 18.0
FOOTER = 28.0  # layout pixels kept at the bottom of every page for its number
FONT_FAMILY = "Atkinson Hyperlegible"
__all__ = ["ExportCancelled", "ExportError", "HandoutSection", "lesson_sections", "shown_sections", "write_handout"]


def tr(text: str) -> str:
    return QCoreApplication.translate("Handout", text)


@dataclass(frozen=True)
class HandoutSection:
    """One section: the fact it is about, its heading, and whether it carries a chart."""

    target: str
    heading: str
    number: str = ""

    def wants_chart(self, dataset: Dataset) -> bool:
        return dataset.kind_of(self.target) in (SERIES, OBSERVATION)


class _SealedDocument(QTextDocument):
    """A text document that loads nothing: only images added with addResource can show."""

    def loadResource(self, _type: int, _name: QUrl):  # noqa: N802 - Qt override
        return None


def lesson_sections(dataset: Dataset, lesson_id: str, lang: str = "") -> list[HandoutSection]:
    """One section per step of the lesson; KeyError for an unknown lesson."""
    steps = dataset.lesson_steps(lesson_id)
    if steps.empty:
        raise KeyError(lesson_id)
    return [HandoutSection(step["target"], dataset.step_title(step, lang), tr("Step {n}. ").format(n=int(step["step"])))
            for _, step in steps.iterrows()]


def shown_sections(dataset: Dataset, subset: Subset, lang: str = "") -> list[HandoutSection]:
    """What is shown: one section per shown series (with its chart), then one per shown event in time order."""
    return ([HandoutSection(sid, dataset.fact(sid, lang).title) for sid in subset.series] +
            [HandoutSection(eid, dataset.fact(eid, lang).title) for eid in subset.events])


def write_handout(dataset: Dataset, sections: list[HandoutSection], source_ids: list[str], path: str | Path, *,
                  title: str, style: str = "apa", page: str = "a4", lang: str = "en", force: bool = False,
                  today: date | None = None, chart_series: list[str] | None = None, filters: Filters | None = None,
                  progress: Progress | None = None) -> int:
    """Write the handout PDF to `path`; return its page count.

    `lang` is the interface language ("en", "es"): the translated dataset
    columns and the style's words follow it. `chart_series` fixes which series
    every chart shows (what is shown); None shows each step's series group.
    """
    target = Path(path)
    if style not in PROSE_STYLES:
        raise ValueError(f"Unknown style {style!r}; choose one of {', '.join(PROSE_STYLES)}")
    if page not in PAGES:
        raise ValueError(f"Unknown page size {page!r}; choose one of {', '.join(PAGES)}")
    if target.exists() and not force:
        raise ExportError(f"{target} already exists; choose another name, or replace it (--force).")
    if not target.parent.is_dir():
        raise ExportError(f"The folder {target.parent} does not exist; create it first or choose another place.")
    data_lang = "" if lang == "en" else lang
    document = _SealedDocument()
    layout = _page_layout(page)
    body = _body_size(layout)
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(body.width(), body.height() - FOOTER))
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(11)
    document.setDefaultFont(font)
    chart_width = int(body.width())

    report(progress, 0.0, tr("Preparing the handout"))
    html = [parts.title_page(dataset.title, title, _kind_line(sections, style), _date_text(today or date.today(), lang),
                             tr("Made with Factdeck from the dataset “{name}”.").format(name=dataset.name)),
            parts.page_break()]
    charts = None
    try:
        for i, section in enumerate(sections):
            report(progress, 0.05 + 0.75 * i / max(1, len(sections)), tr("Step {n} of {count}").format(n=i + 1, count=len(sections)))
            chart_name = None
            if section.wants_chart(dataset):
                if charts is None:
                    from .charts import StepCharts

                    charts = StepCharts(dataset, filters)
                chart_name = f"step-{i + 1}"
                document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"{parts.CHART_SCHEME}:{chart_name}"),
                                     charts.image(section.target, chart_series))
            html.append((section, chart_name))
    finally:
        if charts is not None:
            charts.close()
    report(progress, 0.85, tr("Formatting the bibliography"))
    entries = format_bibliography(dataset, source_ids, style, lang).split("\n") if source_ids else []
    html.append(parts.bibliography_html(tr("Sources ({style})").format(style=STYLE_NAMES[style]), [e for e in entries if e]))

    def compose(breaks: set[int]) -> None:
        pieces = [p if isinstance(p, str) else parts.step_section(
            dataset, p[0].target, p[0].heading, data_lang, p[1], chart_width, p[0].number, new_page=i in breaks)
            for i, p in enumerate(html)]
        document.setHtml("<html><body>" + "\n".join(pieces) + "</body></html>")

    compose(set())
    # A heading left at the foot of a page while its chart starts the next one reads badly: start that
    # step on a new page instead (twice at most, as each break moves the steps after it).
    breaks: set[int] = set()
    for _ in range(2):
        orphans = _orphaned_headings(document)
        if not orphans:
            break
        breaks |= {[i for i, p in enumerate(html) if not isinstance(p, str)][n] for n in orphans}
        compose(breaks)
    report(progress, 0.9, tr("Laying out the pages"))
    data, pages = _pdf_bytes(document, layout, body, f"{dataset.title} — {title}")
    report(progress, 0.97, tr("Saving"))
    try:
        write_atomic(target, data)
    except WriteError as error:
        raise ExportError(str(error)) from error
    report(progress, 1.0, tr("Done"))
    return pages


def _orphaned_headings(document: QTextDocument) -> set[int]:
    """Indexes of the step headings (level-2 headings, in order) on an earlier page than their step's chart."""
    layout = document.documentLayout()
    page_height = document.pageSize().height()
    found: set[int] = set()
    heading, heading_page = -1, None
    block = document.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if block.blockFormat().headingLevel() == 2:
            heading, heading_page = heading + 1, int(rect.top() // page_height)
        # An image that does not fit is pushed down inside its block: its block's bottom says where it is.
        if heading_page is not None and _has_image(block) and int((rect.bottom() - 1) // page_height) > heading_page:
            found.add(heading)
            heading_page = None
        block = block.next()
    return found


def _has_image(block) -> bool:
    fragments = block.begin()
    while not fragments.atEnd():
        if fragments.fragment().charFormat().isImageFormat():
            return True
        fragments += 1
    return False


def _kind_line(sections: list[HandoutSection], style: str) -> str:
    if sections and all(s.number for s in sections):
        text = tr("Handout · {count} steps · sources in {style} style")
    else:
        text = tr("Handout · {count} sections · sources in {style} style")
    return text.format(count=len(sections), style=STYLE_NAMES[style])


def _date_text(day: date, lang: str) -> str:
    from PySide6.QtCore import QDate, QLocale

    return QLocale(lang).toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def _page_layout(page: str) -> QPageLayout:
    return QPageLayout(QPageSize(PAGES[page]), QPageLayout.Orientation.Portrait,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def _body_size(layout: QPageLayout) -> QSizeF:
    """The printable area in layout pixels (96 per inch: what the document measures text and images in)."""
    rect = layout.paintRect(QPageLayout.Unit.Inch)
    return QSizeF(rect.width() * 96.0, rect.height() * 96.0)


def _pdf_bytes(document: QTextDocument, layout: QPageLayout, body: QSizeF, pdf_title: str) -> tuple[bytes, int]:
    """Paint the paginated document page by page onto a QPdfWriter in memory; return the bytes and page count."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(layout)
    writer.setResolution(300)
    writer.setTitle(pdf_title)
    writer.setCreator("Factdeck")
    scale = writer.resolution() / 96.0
    page_height = document.pageSize().height()
    count = document.pageCount()
    painter = QPainter(writer)
    try:
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, QColor(parts.INK))
        footer_font = QFont(FONT_FAMILY)
        footer_font.setPointSizeF(9)
        for index in range(count):
            if index:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -index * page_height)
            context.clip = QRectF(0, index * page_height, body.width(), page_height)
            painter.setClipRect(context.clip)
            document.documentLayout().draw(painter, context)
            painter.restore()
            # The page number is drawn in device pixels: a font's points already follow the writer's resolution.
            painter.setFont(footer_font)
            painter.setPen(QColor(parts.MUTED))
            painter.drawText(QRectF(0, (body.height() - FOOTER) * scale, body.width() * scale, FOOTER * scale),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                             tr("{page} / {count}").format(page=index + 1, count=count))
    finally:
        painter.end()
    return bytes(buffer.data().data()), count
