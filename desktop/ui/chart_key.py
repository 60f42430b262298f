"""The chart's key outside the plot: swatches that match the lines, and the marked event in words.

In classroom mode the chart pane hides its series list and the legend inside
the plot (at 1024×768 it took half the plot's height) and shows this key
beside the plot instead, in the projector's type: one entry per shown series
(line, marker shape, the words that tell it from its neighbours), what hollow
marks mean, and which event the highlighted line marks, in full (a title
drawn inside the plot was cut off at its right edge). Everything here is
plain text in QLabels.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from .safe_text import visible
from .theme import Theme
from .timeline_view import shape_path


def hollow_words() -> str:
    """What a hollow marker and a dashed segment mean (the in-plot legend's own words)."""
    return QCoreApplication.translate("chart", "Hollow, dashed: approximate, provisional or estimated")


def swatch(colour: str, symbol: str, theme: Theme, hollow: bool = False, height: int | None = None) -> QPixmap:
    """A short line with the series' marker shape on it, as the chart draws it."""
    h = height or max(12, round(theme.marker_size * 1.3))
    w = round(h * 2.2)
    pixmap = QPixmap(w, h)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    line = QPen(QColor(colour), max(1.5, min(theme.line_width, h / 5)))
    if hollow:
        line.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(line)
    painter.drawLine(QPointF(1, h / 2), QPointF(w - 1, h / 2))
    path = shape_path(symbol, QPointF(w / 2, h / 2), h * 0.62)
    painter.setPen(QPen(QColor(colour), max(1.5, h / 9)))
    painter.setBrush(QColor(theme.background) if hollow else QColor(colour))
    painter.drawPath(path)
    painter.end()
    return pixmap


class _Rule(QWidget):
    """Words beside a bar in the marker's colour: the key's entry for the highlighted event."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.colour = QColor("#FFB000")
        self.bar = 4
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 2, 0, 2)
        self.label = QLabel(self)
        self.label.setObjectName("chartMarkedEvent")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(QRectF(0, 0, self.bar, self.height()), self.colour)
        painter.end()


class ChartKey(QWidget):
    """A legend for the wall: the shown series, hollow marks, and the marked event."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartKey")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._layout = QVBoxLayout(self)
        self._rows: list[QWidget] = []
        self.entries: dict[str, QLabel] = {}  # series id → its words
        self.marked = _Rule(self)
        self.marked.hide()
        self._layout.addWidget(self.marked)
        self._layout.addStretch(1)
        self._emphasis = ""

    def set_entries(self, entries: Sequence[tuple[str, str, str, str]], hollow: bool, theme: Theme) -> None:
        """Show (series id, words, colour, symbol) entries, and the hollow-marks line when `hollow`.

        An entry without a colour is a heading (an axis and its unit) over the entries after it.
        """
        for row in self._rows:
            row.hide()
            row.deleteLater()
        self._rows, self.entries = [], {}
        gap = round(4 * theme.scale)
        self._layout.setContentsMargins(gap, gap * 2, gap, gap)
        self._layout.setSpacing(gap)
        font = QFont(self.font())
        font.setPointSizeF(theme.point_size(0.95))
        size = round(theme.point_size(0.95) * 1.4)
        rows = [(sid, words, swatch(colour, symbol, theme, height=size) if colour else None)
                for sid, words, colour, symbol in entries]
        if hollow:
            rows.append(("", hollow_words(), swatch(theme.muted, "o", theme, hollow=True, height=size)))
        for position, (sid, words, pixmap) in enumerate(rows):
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(gap * 2)
            text = QLabel(visible(words), row)
            text.setObjectName("chartKeyEntry" if pixmap is not None else "chartKeyAxis")
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setWordWrap(True)
            text.setFont(font)
            if pixmap is not None:
                icon = QLabel(row)
                icon.setPixmap(pixmap)
                line.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
            else:  # an axis heading: its unit and side, in italics, over its series
                heading = QFont(font)
                heading.setItalic(True)
                text.setFont(heading)
            line.addWidget(text, 1)
            self._layout.insertWidget(position, row)
            self._rows.append(row)
            if sid:
                self.entries[sid] = text
        self._theme = theme
        self._apply_emphasis()

    def set_marked(self, text: str, theme: Theme) -> None:
        """Name the highlighted event ("" hides the entry)."""
        self.marked.setVisible(bool(text))
        self.marked.label.setText(visible(text))
        font = QFont(self.font())
        font.setPointSizeF(theme.point_size(0.95))
        font.setBold(True)
        self.marked.label.setFont(font)
        self.marked.colour = QColor(theme.highlight)
        self.marked.bar = max(3, round(4 * theme.scale))
        self.marked.update()

    def set_emphasis(self, series_id: str) -> None:
        """Set the focused series' entry in bold: the line the class should look at."""
        if series_id != self._emphasis:
            self._emphasis = series_id
            self._apply_emphasis()

    def _apply_emphasis(self) -> None:
        for sid, label in self.entries.items():
            if label.font().bold() != (sid == self._emphasis):
                font = QFont(label.font())
                font.setBold(sid == self._emphasis)
                label.setFont(font)
