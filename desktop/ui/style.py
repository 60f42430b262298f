"""The application-wide look for keyboard users: a focus ring that cannot be missed.

Qt's own styles mark keyboard focus faintly (a thin dotted or tinted edge),
and not at all on custom-painted widgets such as the timeline. `FocusRing`
is one small overlay that follows the focused widget and draws a thick
outline in the theme's focus colour (at least 3:1 against the background,
WCAG 2.4.11). It is not a style sheet: an application style sheet would make
Qt polish every widget through QStyleSheetStyle, which costs on every
citation-pane rebuild. During classroom mode the ring is hidden: the clicker
drives the slides, and the focused fact is already highlighted on them.
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QSplitter, QWidget

from .theme import Theme, themes

RING_WIDTH = 3  # pixels at scale 1


class _Overlay(QWidget):
    """The drawn outline: a transparent child of the focused widget's parent, stacked on top."""

    def __init__(self, ring: "FocusRing", host: QWidget) -> None:
        super().__init__(host)
        self.ring = ring
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.ring.width_px()
        pen = QPen(self.ring.colour(), width)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = width / 2
        painter.drawRoundedRect(self.rect().toRectF().adjusted(half, half, -half, -half), width, width)
        painter.end()


class FocusRing(QObject):
    """Follows the keyboard focus and keeps an outline (`overlay`) around the focused widget.

    `target` is the widget outlined now (None when nothing is, or while presenting).
    The overlay lives beside the target, so it moves with it when a splitter or
    scroll area moves them both; if the panes it lived in are replaced, a new
    one is made on the next focus change.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.target: QWidget | None = None
        self.overlay: _Overlay | None = None
        self._theme = themes().theme
        themes().changed.connect(self._on_theme_changed)
        app.focusChanged.connect(self._on_focus_changed)
        self._follow(QApplication.focusWidget())

    def width_px(self) -> int:
        return max(2, round(RING_WIDTH * self._theme.scale))

    def colour(self) -> QColor:
        return QColor(self._theme.focus)

    def shown(self) -> bool:
        """True when an outline is on screen now."""
        return self._overlay_alive() and self.overlay.isVisible()

    # ---- following the focus -----------------------------------------------------------
    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._follow(new)

    def _on_theme_changed(self, theme: Theme) -> None:
        self._theme = theme
        self._follow(QApplication.focusWidget())

    def _wanted(self, widget: QWidget | None) -> bool:
        if widget is None or widget.isWindow() or widget.parentWidget() is None:
            return False
        return not (isinstance(widget, (QMenu, QMenuBar)) or self._theme.presenting)

    def _overlay_alive(self) -> bool:
        return self.overlay is not None and shiboken6.isValid(self.overlay)

    def _follow(self, widget: QWidget | None) -> None:
        if self.target is not None and shiboken6.isValid(self.target):
            self.target.removeEventFilter(self)
        self.target = widget if self._wanted(widget) else None
        if self.target is not None:
            self.target.installEventFilter(self)
        self._place()

    def _place(self) -> None:
        target = self.target
        if target is not None and not shiboken6.isValid(target):
            target = self.target = None
        if target is None or not target.isVisible():
            if self._overlay_alive():
                self.overlay.hide()
            return
        host = target.parentWidget()
        while isinstance(host, QSplitter) and host.parentWidget() is not None:
            host = host.parentWidget()  # a splitter would take the overlay in as one more pane
        if not self._overlay_alive() or self.overlay.parentWidget() is not host:
            if self._overlay_alive():
                self.overlay.deleteLater()
            self.overlay = _Overlay(self, host)
        margin = self.width_px()
        rect = QRect(target.mapTo(host, QPoint(0, 0)), target.size()).adjusted(-margin, -margin, margin, margin)
        self.overlay.setGeometry(rect.intersected(QRect(0, 0, host.width(), host.height())))
        self.overlay.raise_()
        self.overlay.show()
        self.overlay.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.target and event.type() in (
                QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self._place()
        return False


_ring: FocusRing | None = None


def apply_style(app: QApplication) -> FocusRing:
    """Give the application its visible keyboard focus; returns the one FocusRing (made once)."""
    global _ring
    if _ring is None or not shiboken6.isValid(_ring):
        _ring = FocusRing(app)
    return _ring


def focus_ring() -> FocusRing | None:
    """The FocusRing `apply_style` made, if any."""
    return _ring
