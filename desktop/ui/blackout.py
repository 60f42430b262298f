"""Blacking out (or whiting out) the projected slide, as PowerPoint and Keynote do.

A teacher presses B (or ".") to send the class's eyes back to the room, W for
a white board to write on; any key brings the slide back. The overlay is a
child of the presented window, so the presenter-notes window on the laptop
stays readable while the projector shows nothing.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

BLACK, WHITE = "black", "white"
_COLOURS = {BLACK: QColor("#000000"), WHITE: QColor("#FFFFFF")}


class BlackoutOverlay(QWidget):
    """A plain colour over the whole host window; hidden until `blank()` is called.

    `changed(str)` fires with "black", "white" or "" (the slide is back).
    A mouse click also brings the slide back.
    """

    changed = Signal(str)

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("blackoutOverlay")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._colour = ""
        self.hide()
        host.installEventFilter(self)

    @property
    def colour(self) -> str:
        """"black", "white", or "" when the slide shows."""
        return self._colour

    @property
    def active(self) -> bool:
        return bool(self._colour)

    def blank(self, colour: str) -> None:
        """Cover the host with black or white."""
        if colour not in _COLOURS:
            raise ValueError(f"blank() takes {BLACK!r} or {WHITE!r}, not {colour!r}")
        if colour == self._colour:
            return
        self._colour = colour
        self.setGeometry(self.parentWidget().rect())
        self.setCursor(Qt.CursorShape.BlankCursor)  # no stray pointer on a black screen
        self.show()
        self.raise_()
        self.update()
        self.changed.emit(colour)

    def clear(self) -> None:
        """Show the slide again."""
        if not self._colour:
            return
        self._colour = ""
        self.hide()
        self.changed.emit("")

    # ---- Qt overrides ---------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), _COLOURS.get(self._colour, _COLOURS[BLACK]))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.clear()
        event.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Follow the host when it goes full screen or is resized, and stay on top of
        # widgets (panes) that the host adds after the overlay was made.
        if watched is self.parentWidget() and self.active:
            if event.type() == QEvent.Type.Resize:
                self.setGeometry(self.parentWidget().rect())
            elif event.type() == QEvent.Type.ChildAdded:
                self.raise_()
        return False
