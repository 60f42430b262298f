"""Presenter notes: what to say at this step, and what comes next, for the teacher's eyes only.

With two screens the notes are a window on the screen the slides are not on
(the laptop, when the slides are on the projector). With one screen, or with
mirrored displays, the class would see them, so they stay hidden until the
teacher asks for them (N); they then sit in a corner of the slides.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QScrollArea, QVBoxLayout, QWidget

from .safe_text import visible
from .theme import Theme

Rect = tuple[int, int, int, int]  # x, y, width, height


def notes_screen_index(slides: Rect, screens: Sequence[Rect]) -> int | None:
    """Which screen the notes go on: the first whose geometry differs from the slides' screen.

    None when there is no such screen: one screen, or displays that mirror each
    other (same geometry), where anything shown is shown to the class too.
    """
    for index, geometry in enumerate(screens):
        if tuple(geometry) != tuple(slides):
            return index
    return None


def _rect(r: QRect) -> Rect:
    return r.x(), r.y(), r.width(), r.height()


def notes_screen_for(slides_screen: QScreen | None) -> QScreen | None:
    """The QScreen for the notes window, or None when it must stay off the projected image."""
    screens = QGuiApplication.screens()
    if slides_screen is None or not screens:
        return None
    index = notes_screen_index(_rect(slides_screen.geometry()), [_rect(s.geometry()) for s in screens])
    return None if index is None else screens[index]


class PresenterNotes(QFrame):
    """The current step's notes, the next step's title and a clock since the start.

    It is either its own window on another screen (`place_on_screen`) or a
    panel in the bottom-right corner of the slides (`place_in_corner`).
    """

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("presenterNotes")
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # never keeps the app alive
        self.setWindowTitle(self.tr("Presenter notes — Factdeck"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._host: QWidget | None = None

        self.position_label = self._label("notesPosition")
        self.clock_label = self._label("notesClock")
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.title_label = self._label("notesTitle")
        self.notes_label = self._label("notesText")
        self.notes_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.next_label = self._label("notesNext")
        scroll = QScrollArea(self)
        scroll.setObjectName("notesScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self.notes_label)

        header = QHBoxLayout()
        header.addWidget(self.position_label, 1)
        header.addWidget(self.clock_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header)
        layout.addWidget(self.title_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.next_label)

        self._elapsed = QElapsedTimer()
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._show_clock)
        self._show_clock()

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)  # notes and titles come from the dataset
        label.setWordWrap(True)
        return label

    # ---- content --------------------------------------------------------------
    def show_step(self, path_title: str, number: int, count: int, title: str, notes: str, next_title: str | None) -> None:
        """Show step `number` of `count` (1-based) and the title of the one after it, if any."""
        # Dataset text: direction controls are shown as markers, never obeyed (safe_text).
        path_title, title, notes = visible(path_title), visible(title), visible(notes)
        next_title = visible(next_title) if next_title is not None else None
        self.position_label.setText(self.tr("Step {number} of {count} · {path}").format(
            number=number, count=count, path=path_title) if count else path_title)
        self.title_label.setText(title)
        self.notes_label.setText(notes or self.tr("(No notes for this step.)"))
        self.next_label.setText(self.tr("Next: {title}").format(title=next_title) if next_title is not None
                                else self.tr("This is the last step."))

    def start_clock(self) -> None:
        """Count the minutes since the presentation started."""
        self._elapsed.start()
        self._ticker.start()
        self._show_clock()

    def stop_clock(self) -> None:
        self._ticker.stop()
        self._elapsed.invalidate()
        self._show_clock()

    def _show_clock(self) -> None:
        seconds = self._elapsed.elapsed() // 1000 if self._elapsed.isValid() else 0
        self.clock_label.setText(f"{seconds // 60}:{seconds % 60:02d}")

    def apply_theme(self, theme: Theme) -> None:
        """Colours and sizes of the presentation theme; read at arm's length, so a little smaller."""
        base = theme.point_size(0.85)
        self.setStyleSheet(
            f"QFrame#presenterNotes {{ background: {theme.background}; border: 2px solid {theme.grid}; }}"
            f"QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; }}"
            f"QLabel {{ color: {theme.foreground}; font-size: {base:.1f}pt; background: transparent; }}"
            f"QLabel#notesPosition, QLabel#notesClock, QLabel#notesNext {{ color: {theme.muted}; font-size: {base * 0.85:.1f}pt; }}"
            f"QLabel#notesTitle {{ font-size: {base * 1.2:.1f}pt; font-weight: bold; }}"
        )

    # ---- placement ------------------------------------------------------------
    @property
    def in_corner(self) -> bool:
        """True when the notes are a panel inside the slides rather than their own window."""
        return self._host is not None

    def place_on_screen(self, screen: QScreen) -> None:
        """Show the notes as their own window, filling most of `screen`."""
        self._leave_host()
        area = screen.availableGeometry()
        margin_x, margin_y = area.width() // 10, area.height() // 10
        self.setGeometry(area.adjusted(margin_x, margin_y, -margin_x, -margin_y))
        self.show()

    def place_in_corner(self, host: QWidget) -> None:
        """Show the notes as a panel in the bottom-right corner of `host`'s central area."""
        if self._host is not host:
            self._leave_host()
            self._host = host
            self.setParent(host)
            self.setFrameShape(QFrame.Shape.StyledPanel)
            host.installEventFilter(self)
        self._fit_corner()
        self.show()
        self.raise_()

    def _leave_host(self) -> None:
        if self._host is not None:
            self._host.removeEventFilter(self)
            self._host = None
            self.hide()
            self.setParent(None, Qt.WindowType.Window)
            self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)

    def _fit_corner(self) -> None:
        host = self._host
        if host is None:
            return
        area = host.rect()
        if isinstance(host, QMainWindow) and host.centralWidget() is not None:
            area = host.centralWidget().geometry()  # stay clear of the presentation bar
        width = max(320, int(area.width() * 0.4))
        height = max(200, int(area.height() * 0.42))
        margin = 16
        self.setGeometry(area.right() - width - margin + 1, area.bottom() - height - margin + 1, width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._host and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._fit_corner()
        return False
