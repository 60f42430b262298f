"""The application-wide help for keyboard users: a focus ring that cannot be missed, and no Tab traps.

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
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QMenu, QMenuBar, QSplitter, QWidget

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
        self.watched: QWidget | None = None
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
        if self.watched is not None and shiboken6.isValid(self.watched):
            self.watched.removeEventFilter(self)
        self.watched = widget  # watched for Tab out of spin boxes even when no ring is drawn
        if widget is not None:
            widget.installEventFilter(self)
        self.target = widget if self._wanted(widget) else None
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
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(watched, QAbstractSpinBox):
            return self._tab_out_of(watched, event)
        if watched is self.target and kind in (
                QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self._place()
        return False

    @staticmethod
    def _tab_out_of(box: QAbstractSpinBox, event) -> bool:
        """Tab and Shift+Tab leave a date edit or spin box, as they leave every other control.

        Qt's date edit takes Tab to step between day, month and year, and while
        it shows its special value (the timeline filter's "any") it keeps taking
        Tab without moving: a keyboard trap (WCAG 2.1.2). The day, month and
        year are still reached with the Left and Right arrows.
        """
        key, mods = event.key(), event.modifiers()
        if key not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) or mods & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        forward = key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier
        target = next_in_focus_chain(box, forward)
        if target is None:
            return False
        target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
        return True


def next_in_focus_chain(widget: QWidget, forward: bool = True) -> QWidget | None:
    """The control Tab (or Shift+Tab) would reach after `widget`, skipping `widget`'s own parts."""
    candidate = widget
    for _ in range(10000):
        candidate = candidate.nextInFocusChain() if forward else candidate.previousInFocusChain()
        if candidate is None or candidate is widget:
            return None
        if (candidate.focusPolicy() & Qt.FocusPolicy.TabFocus) == Qt.FocusPolicy.TabFocus \
                and candidate.isVisible() and candidate.isEnabled() and candidate.window() is widget.window() \
                and not widget.isAncestorOf(candidate) and candidate.focusProxy() is None:
            return candidate
    return None


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


def remove_style() -> None:
    """Take the focus ring away again (tests that must leave the application as they found it)."""
    global _ring
    if _ring is not None and shiboken6.isValid(_ring):
        _ring._follow(None)
        if _ring._overlay_alive():
            _ring.overlay.deleteLater()
        _ring.deleteLater()
    _ring = None
