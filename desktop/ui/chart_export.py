"""Export the chart as a PNG or SVG image that stands on its own: title, units, and a "Source: …" line.

The chart is drawn a second time, off screen, with the pane's series, scale,
range and marks, inside a layout that adds the title above and the sources
below. Fixed sizes are drawn at a 1280-pixel-wide layout scaled up, so text
stays readable on a slide; "as on screen" keeps the chart's own size. Files
are written only through `fileio.write_atomic`.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from pyqtgraph.exporters import SVGExporter
from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from ..fileio import WriteError, write_atomic
from .chart_canvas import ChartCanvas
from .chart_data import ChartSeries, shorten, source_name
from .safe_text import visible
from .theme import Theme

BASE_WIDTH = 1280  # fixed-size exports are laid out this wide, then scaled: text stays legible
FULL_HD, UHD = (1920, 1080), (3840, 2160)
MAX_SOURCES = 6


@dataclass
class ChartSpec:
    """Everything the exported image shows, copied from the pane."""

    series: list[ChartSeries]
    theme: Theme
    log_y: bool
    reveal_until: float | None
    x_range: tuple[float, float] | None
    marker: tuple[float, float] | None
    marker_label: str
    ring: tuple[str, int] | None
    event_xs: np.ndarray
    title: str
    source_line: str


def chart_title(series: list[ChartSeries]) -> str:
    """One series' title, else the groups of the series (their titles when a series has no group)."""
    if not series:
        return ""
    if len(series) == 1:
        return series[0].title
    groups = list(dict.fromkeys(s.group for s in series))
    if all(groups):
        return shorten(" · ".join(groups), 110)
    return shorten(" · ".join(s.title for s in series), 110)


def source_names(dataset, series_ids: list[str]) -> list[str]:
    """Short names of the sources that support the shown series or their values, without repeats."""
    cites = dataset.citations
    rows = cites[cites["series_id"].isin(series_ids) & (cites["stance"] == "supports")]
    names: list[str] = []
    for source_id in dict.fromkeys(rows["source_id"]):
        name = source_name(dataset.sources.loc[source_id], 60)
        if name not in names:
            names.append(name)
    return names


def source_line(dataset, series_ids: list[str]) -> str:
    tr = QCoreApplication.translate
    names = source_names(dataset, series_ids)
    shown = "; ".join(names[:MAX_SOURCES])
    if len(names) > MAX_SOURCES:
        shown += tr("chart_export", "; and {n} more").format(n=len(names) - MAX_SOURCES)
    text = tr("chart_export", "Source: {sources}").format(sources=shown or tr("chart_export", "none given"))
    return text + tr("chart_export", " · Chart: Factdeck, “{dataset}”").format(dataset=visible(dataset.title))


def spec_of(pane) -> ChartSpec:
    """The pane's chart as it is now."""
    canvas = pane.canvas
    ids = [s.series_id for s in canvas.series]
    return ChartSpec(
        series=list(canvas.series), theme=canvas.theme, log_y=canvas.log_y, reveal_until=canvas.reveal_until,
        x_range=canvas.x_range(), marker=canvas.marker, marker_label=canvas.marker_label, ring=canvas.ring,
        event_xs=canvas.event_xs, title=chart_title(canvas.series), source_line=source_line(pane.dataset, ids),
    )


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def wrap(text: str, font: QFont, width: float) -> list[str]:
    """Break plain text into lines no wider than `width` pixels in `font`, at spaces."""
    metrics = QFontMetrics(font)
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and metrics.horizontalAdvance(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _layout_size(size: tuple[int, int], scaled: bool) -> tuple[int, int]:
    if not scaled or size[0] <= BASE_WIDTH:
        return size
    factor = size[0] / BASE_WIDTH
    return BASE_WIDTH, max(1, round(size[1] / factor))


def _build(spec: ChartSpec, logical: tuple[int, int]) -> pg.GraphicsLayoutWidget:
    """The chart with its title and source line, laid out off screen at `logical` size."""
    t = spec.theme
    widget = pg.GraphicsLayoutWidget()
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    widget.setBackground(t.background)
    widget.resize(*logical)
    outer = widget.ci
    outer.setContentsMargins(12, 10, 12, 8)
    room = logical[0] - 40  # the labels must not widen the layout past the image
    title_font = _font(t.point_size(1.35), bold=True)
    title_text = QFontMetrics(title_font).elidedText(spec.title, Qt.TextElideMode.ElideRight, room)
    title = pg.LabelItem(html.escape(title_text), size=f"{t.point_size(1.35):.1f}pt", bold=True, color=t.foreground,
                         justify="left")
    outer.addItem(title, row=0, col=0)
    inner = outer.addLayout(row=1, col=0)
    lines = wrap(spec.source_line, _font(t.point_size(0.85)), room)
    source = pg.LabelItem("<br>".join(html.escape(line) for line in lines), size=f"{t.point_size(0.85):.1f}pt",
                          color=t.muted, justify="left")
    outer.addItem(source, row=2, col=0)
    outer.layout.setRowStretchFactor(1, 1)
    canvas = ChartCanvas(inner, t, widget)
    canvas.size_hint = lambda: (float(logical[0] - 24), float(logical[1] - 120))
    canvas.log_y, canvas.reveal_until = spec.log_y, spec.reveal_until
    canvas.event_xs, canvas.marker, canvas.marker_label, canvas.ring = (
        spec.event_xs, spec.marker, spec.marker_label, spec.ring)
    canvas.set_series(spec.series)
    widget.show()
    QApplication.processEvents()  # lay out at the asked size before drawing
    if spec.x_range is not None:
        canvas.set_x_range(*spec.x_range)
    widget._chart_canvas = canvas  # keep it alive as long as the widget
    return widget


def png_bytes(spec: ChartSpec, size: tuple[int, int], scaled: bool = True) -> bytes:
    """The chart as a PNG of exactly `size` pixels."""
    logical = _layout_size(size, scaled)
    widget = _build(spec, logical)
    try:
        image = QImage(size[0], size[1], QImage.Format.Format_ARGB32)
        image.fill(QColor(spec.theme.background))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        widget.scene().render(painter, QRectF(0, 0, *size), QRectF(0, 0, *logical))
        painter.end()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        return bytes(buffer.data().data())
    finally:
        widget.close()
        widget.deleteLater()


def svg_bytes(spec: ChartSpec, size: tuple[int, int], scaled: bool = True) -> bytes:
    """The chart as an SVG document whose view box is `size` (pyqtgraph's exporter; STACK.md trap 2)."""
    logical = _layout_size(size, scaled)
    widget = _build(spec, logical)
    try:
        exporter = SVGExporter(widget.scene())
        exporter.parameters()["width"] = float(size[0])
        exporter.parameters()["height"] = float(size[1])
        data = exporter.export(toBytes=True).decode("utf-8")
        data = data.replace(' viewBox ="', f' width="{size[0]}" height="{size[1]}" viewBox="', 1)
        return data.encode("utf-8")
    finally:
        widget.close()
        widget.deleteLater()


def export_chart(pane, path: str | Path, size: tuple[int, int] | None = None) -> None:
    """Write the pane's chart to `path` (PNG or SVG by its suffix); None size means as on screen."""
    spec = spec_of(pane)
    scaled = size is not None
    if size is None:
        size = (max(200, pane.view.width()), max(150, pane.view.height()))
    is_svg = Path(path).suffix.lower() == ".svg"
    data = svg_bytes(spec, size, scaled) if is_svg else png_bytes(spec, size, scaled)
    write_atomic(path, data)


def export_with_dialog(pane: QWidget) -> None:
    """Ask where and how to save (the dialog asks before overwriting), then save."""
    tr = QCoreApplication.translate
    choices = {
        tr("chart_export", "PNG image, as on screen (*.png)"): None,
        tr("chart_export", "PNG image, 1920 × 1080 (*.png)"): FULL_HD,
        tr("chart_export", "PNG image, 3840 × 2160 (*.png)"): UHD,
        tr("chart_export", "SVG drawing, 1920 × 1080 (*.svg)"): FULL_HD,
    }
    dialog = QFileDialog(pane, tr("chart_export", "Export chart"))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilters(list(choices))
    dialog.selectNameFilter(list(choices)[1])
    dialog.setDefaultSuffix("png")
    dialog.filterSelected.connect(lambda f: dialog.setDefaultSuffix("svg" if "*.svg" in f else "png"))
    dialog.selectFile(tr("chart_export", "chart") + ".png")
    if not dialog.exec():
        return
    path = dialog.selectedFiles()[0]
    size = choices.get(dialog.selectedNameFilter())
    try:
        export_chart(pane, path, size)
    except WriteError as error:
        QMessageBox.warning(pane, tr("chart_export", "Export chart"), str(error))
