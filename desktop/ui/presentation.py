"""Classroom mode: present a lesson from the front of the room with a clicker.

`PresentationController` owns where the class is in a path (a lesson from
lessons.csv, or the filtered facts in time order) and drives the shared
SelectionState, so one step focuses its target in all three panes at once.
While presenting it hides the window's chrome, applies the projector theme,
and reads the keys a presentation clicker sends through an application-wide
event filter that never takes keys from a text field.

The stepping rules (`moved`, `resume_point`, `Path` …) are plain functions and
data, testable without a window.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QKeyEvent, QPainter, QPaintEvent, QPalette, QPolygonF, QWindow
from PySide6.QtWidgets import (
    QAbstractSpinBox, QApplication, QComboBox, QLabel, QLineEdit, QMainWindow, QPlainTextEdit,
    QHBoxLayout, QSizePolicy, QTextEdit, QToolBar, QToolButton, QWidget,
)

from .. import settings as keys
from .blackout import BLACK, WHITE, BlackoutOverlay
from .i18n import data_language
from .presenter_notes import PresenterNotes, notes_screen_for
from .safe_text import visible
from .theme import PROJECTOR_DARK, PROJECTOR_LIGHT, Theme, themes

if TYPE_CHECKING:
    from ..dataset.dataset import Dataset
    from ..dataset.filters import Filters
    from ..settings import Settings
    from ..state import SelectionState

ORIGIN = "presentation"
FACTS_IN_TIME = "*facts"  # the path through the filtered facts; never a lesson id (ids are slugs)
NEXT, PREVIOUS, FIRST, LAST = "next", "previous", "first", "last"

_K = Qt.Key
# What presentation clickers send: forward and back in several dialects.
STEP_KEYS = {
    _K.Key_Right: NEXT, _K.Key_Down: NEXT, _K.Key_PageDown: NEXT, _K.Key_Space: NEXT,
    _K.Key_Return: NEXT, _K.Key_Enter: NEXT,
    _K.Key_Left: PREVIOUS, _K.Key_Up: PREVIOUS, _K.Key_PageUp: PREVIOUS, _K.Key_Backspace: PREVIOUS,
    _K.Key_Home: FIRST, _K.Key_End: LAST,
}
BLANK_KEYS = {_K.Key_B: BLACK, _K.Key_Period: BLACK, _K.Key_W: WHITE}
_MODIFIER_KEYS = {_K.Key_Shift, _K.Key_Control, _K.Key_Alt, _K.Key_Meta, _K.Key_AltGr, _K.Key_CapsLock, _K.Key_NumLock}
SCALE_STEPS = (0.6, 0.7, 0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)


# ---- pure rules ------------------------------------------------------------------
@dataclass(frozen=True)
class Path:
    """A way through the facts: a lesson's steps, or the filtered events in time order.

    `titles` and `notes` are empty for the facts in time (their titles are the facts' own).
    """

    path_id: str
    title: str
    targets: tuple[str, ...]
    titles: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def is_lesson(self) -> bool:
        return self.path_id != FACTS_IN_TIME

    def __len__(self) -> int:
        return len(self.targets)

    @cached_property
    def positions(self) -> dict[str, int]:
        """Each target's first step, 0-based (a lookup, not a scan, at 100,000 facts)."""
        found: dict[str, int] = {}
        for index, target in enumerate(self.targets):
            found.setdefault(target, index)
        return found


def moved(index: int, count: int, action: str) -> int:
    """The 0-based step after NEXT/PREVIOUS/FIRST/LAST from `index`; it stops at both ends."""
    if count <= 0:
        return 0
    wanted = {NEXT: index + 1, PREVIOUS: index - 1, FIRST: 0, LAST: count - 1}[action]
    return min(max(wanted, 0), count - 1)


def resume_point(lessons: Sequence[str], last_path: str, last_step: int) -> tuple[str, int]:
    """Where presenting starts: the path and 1-based step left last time, else the first lesson."""
    if last_path == FACTS_IN_TIME:
        return FACTS_IN_TIME, 1
    if last_path in lessons:
        return last_path, max(1, last_step)
    return (lessons[0], 1) if lessons else (FACTS_IN_TIME, 1)


def next_scale(factor: float, direction: int) -> float:
    """The next type-scale step up (direction > 0), down (< 0), or back to 1 (0)."""
    if direction == 0:
        return 1.0
    if direction > 0:
        return next((s for s in SCALE_STEPS if s > factor + 1e-6), SCALE_STEPS[-1])
    return next((s for s in reversed(SCALE_STEPS) if s < factor - 1e-6), SCALE_STEPS[0])


REFERENCE_HEIGHT = 1080  # the projector theme's sizes are made for a 1080-pixel-high image


def presentation_theme(name: str, factor: float, height: int = REFERENCE_HEIGHT) -> Theme:
    """The projector theme ("light" or "dark") with the teacher's type scale applied.

    A projector shows the whole image at the same size whatever its resolution,
    so type is sized to the image height: at 1024×768 a letter covers the same
    share of the wall as at 1920×1080, and the layout keeps the same proportions.
    """
    base = PROJECTOR_DARK if name == "dark" else PROJECTOR_LIGHT
    fit = round(min(max(height / REFERENCE_HEIGHT, 0.6), 1.5) * 20) / 20  # in 5 % steps: no redraw per pixel
    return replace(base, scale=round(base.scale * factor * fit, 3))


def lesson_path(dataset: Dataset, lesson_id: str, lang: str = "") -> Path:
    """A lesson's steps; KeyError for a lesson the dataset does not have."""
    rows = [row for _, row in dataset.lesson_steps(lesson_id).iterrows()]
    if not rows:
        raise KeyError(lesson_id)
    return Path(lesson_id, dataset.text(rows[0], "lesson_title", lang), tuple(r["target"] for r in rows),
                tuple(dataset.step_title(r, lang) for r in rows), tuple(dataset.text(r, "notes", lang) for r in rows))


def facts_path(dataset: Dataset, filters: Filters, title: str) -> Path:
    """The events that pass the filters, earliest first."""
    events = dataset.events[dataset.event_mask(filters)]
    return Path(FACTS_IN_TIME, title, tuple(events.sort_values("x0", kind="stable").index))


def nearest_index(dataset: Dataset, path: Path, target: str) -> int:
    """The step of `target` in `path`, or the first step not earlier than it in time."""
    if target in path.positions:
        return path.positions[target]
    try:
        x = dataset.fact(target).x0
    except KeyError:
        return 0
    starts = dataset.events["x0"].reindex(list(path.targets)).to_numpy()
    later = [i for i, start in enumerate(starts) if start >= x]
    return later[0] if later else max(0, len(path) - 1)


def check_request(dataset: Dataset, lesson_id: str | None, step: int | None) -> str | None:
    """Why `--lesson ID --step N` cannot be opened in this dataset, or None when it can."""
    if lesson_id is None:
        return None
    lessons = [lid for lid, _ in dataset.lesson_list()]
    if lesson_id not in lessons:
        known = ", ".join(lessons) if lessons else "none (the dataset has no lessons.csv)"
        return f"--lesson {lesson_id}: no such lesson. Lessons: {known}."
    count = len(dataset.lesson_steps(lesson_id))
    if step is not None and not 1 <= step <= count:
        return f"--step {step}: lesson {lesson_id} has steps 1 to {count}."
    return None


def reveal_until(dataset: Dataset, target: str) -> float | None:
    """The date a step stands at, for the chart's reveal: its fact's end, or its start if open."""
    try:
        fact = dataset.fact(target)
    except KeyError:
        return None
    x = fact.x1 if math.isfinite(fact.x1) else fact.x0
    return x if math.isfinite(x) else None


def is_text_input(widget: QWidget | None) -> bool:
    """True when keys typed into `widget` are text (a filter box), not commands."""
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly()
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, QAbstractSpinBox)


# ---- the bar at the foot of the slides -----------------------------------------------
class _Chooser(QComboBox):
    """A combo box whose arrow is drawn in the theme's colour (style sheets cannot recolour Qt's own)."""

    arrow_colour = QColor("#333333")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.arrow_colour)
        side = max(6.0, self.height() / 4)
        x, y = self.width() - 14 - side, (self.height() - side / 2) / 2
        painter.drawPolygon(QPolygonF([QPointF(x, y), QPointF(x + side, y), QPointF(x + side / 2, y + side / 2 + 1)]))
        painter.end()


class PresentationBar(QToolBar):
    """A slim bar under the slides: the lesson chooser, reveal/notes/exit, and "4 / 12".

    Its one row shrinks the chooser (eliding the lesson title) rather than
    pushing the counter off the edge at 1024 pixels.
    """

    path_chosen = Signal(str)

    def __init__(self, parent: QWidget, actions: Sequence[QAction]) -> None:
        super().__init__(QCoreApplication.translate("Presentation", "Presentation"), parent)
        self.setObjectName("presentationBar")
        self.setMovable(False)
        self.setFloatable(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.toggleViewAction().setVisible(False)
        row = QWidget(self)
        row.setObjectName("presentationRow")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.chooser = _Chooser(row)
        self.chooser.setObjectName("presentationLesson")
        self.chooser.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # clicker keys must never land in it
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(12)
        self.chooser.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.chooser.activated.connect(lambda i: self.path_chosen.emit(self.chooser.itemData(i)))
        layout.addWidget(self.chooser, 3)
        layout.addStretch(2)
        for action in actions:
            button = QToolButton(row)
            button.setDefaultAction(action)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            layout.addWidget(button)
        self.counter = QLabel(row)
        self.counter.setObjectName("presentationCounter")
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.counter)
        self.addWidget(row)

    def set_paths(self, paths: Sequence[tuple[str, str]], current: str) -> None:
        """Offer these (path id, title) choices, with `current` chosen."""
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for path_id, title in paths:
            self.chooser.addItem(visible(title), path_id)  # dataset text: direction controls made visible
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(current)))
        self.chooser.blockSignals(False)

    def show_position(self, number: int, count: int) -> None:
        self.counter.setText(self.tr("{number} / {count}").format(number=number, count=count))

    def apply_theme(self, theme: Theme) -> None:
        size = theme.point_size(0.8)
        self.setStyleSheet(
            f"QToolBar#presentationBar {{ background: {theme.background}; border: none;"
            f" border-top: 1px solid {theme.grid}; spacing: 12px; padding: 2px 10px; }}"
            f"QWidget#presentationRow {{ background: transparent; }}"
            f"QToolBar#presentationBar QLabel, QToolBar#presentationBar QToolButton {{"
            f" color: {theme.muted}; font-size: {size:.1f}pt; background: transparent; }}"
            f"QToolBar#presentationBar QToolButton {{ border: 1px solid {theme.grid}; border-radius: 4px;"
            f" padding: 1px 8px; }}"
            f"QToolBar#presentationBar QToolButton:checked {{ color: {theme.foreground}; font-weight: bold;"
            f" border-color: {theme.foreground}; }}"
            f"QComboBox#presentationLesson {{ color: {theme.foreground}; background: {theme.background};"
            f" border: 1px solid {theme.grid}; border-radius: 4px; padding: 1px 28px 1px 8px; font-size: {size:.1f}pt; }}"
            f"QComboBox#presentationLesson::drop-down {{ border: none; width: 0; }}"
            f"QComboBox#presentationLesson QAbstractItemView {{ color: {theme.foreground};"
            f" background: {theme.background}; selection-background-color: {theme.highlight};"
            f" selection-color: #000000; }}"
        )
        self.chooser.arrow_colour = QColor(theme.muted)


# ---- the controller ----------------------------------------------------------------
class PresentationController(QObject):
    """Classroom mode for one main window: start/stop, the lesson position, keys, notes, blackout, reveal.

    `position_changed(path_id, step, count)` fires after every move (step is
    1-based, 0 when the path is empty); `presenting_changed(bool)` on start/stop.
    """

    presenting_changed = Signal(bool)
    position_changed = Signal(str, int, int)

    def __init__(self, window: QMainWindow, state: SelectionState, settings: Settings) -> None:
        super().__init__(window)
        self.window, self.state, self.settings = window, state, settings
        self._presenting = False
        self._path: Path | None = None
        self._index = 0
        self._full_screen = False
        self._was_maximized = False
        self._theme_before: Theme | None = None
        self._reveal_applied: tuple[object, float | None] = (None, None)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(800)
        self._save_timer.timeout.connect(self._remember_position)
        self._build_actions()
        self.bar = PresentationBar(window, [self.reveal_action, self.notes_action, self.stop_action])
        self.bar.path_chosen.connect(self.choose_path)
        self.bar.hide()
        self._bar_added = False
        self.blackout = BlackoutOverlay(window)
        self.notes = PresenterNotes()
        window.destroyed.connect(self.notes.deleteLater)  # a window of its own: not deleted with the main one
        state.focus_changed.connect(self._on_state_focus_changed)
        state.filters_changed.connect(self._on_state_filters_changed)
        if hasattr(window, "dataset_changed"):
            window.dataset_changed.connect(self._on_window_dataset_changed)

    def _build_actions(self) -> None:
        tr = self.tr
        self.start_action = QAction(tr("Start &presenting"), self)
        self.start_action.setObjectName("startPresentingAction")
        self.start_action.setShortcut(Qt.Key.Key_F5)
        self.start_action.setStatusTip(tr("Full screen, large type, step through a lesson with the arrow keys or a clicker"))
        self.start_action.triggered.connect(lambda: self.start())
        self.stop_action = QAction(tr("Stop (Esc)"), self)
        self.stop_action.setObjectName("stopPresentingAction")
        self.stop_action.setIconText(tr("Exit"))
        self.stop_action.setToolTip(tr("Stop presenting (Esc)"))
        self.stop_action.triggered.connect(self.stop)
        self.notes_action = QAction(tr("Presenter &notes (N)"), self)
        self.notes_action.setObjectName("presenterNotesAction")
        self.notes_action.setCheckable(True)
        self.notes_action.setIconText(tr("Notes"))
        self.notes_action.setToolTip(tr("Presenter notes (N)"))
        self.notes_action.triggered.connect(self.set_notes_visible)
        self.reveal_action = QAction(tr("&Reveal step by step (R)"), self)
        self.reveal_action.setObjectName("revealAction")
        self.reveal_action.setCheckable(True)
        self.reveal_action.setIconText(tr("Reveal"))
        self.reveal_action.setToolTip(tr("The chart hides values after the current step's date, so the class can guess what comes next"))
        self.reveal_action.triggered.connect(self.set_reveal)
        group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for name, text in (("light", tr("Projector theme: &light")), ("dark", tr("Projector theme: &dark"))):
            action = QAction(text, group)
            action.setCheckable(True)
            action.setChecked(self.settings.get(keys.PRESENT_THEME) == name)
            action.triggered.connect(lambda _=False, n=name: self.set_theme_name(n))
            self.theme_actions[name] = action
        self.window.addAction(self.start_action)  # F5 works with the menu bar hidden too

    def fill_menu(self, menu) -> None:
        """Put the presentation commands in the window's Present menu."""
        menu.addAction(self.start_action)
        menu.addSeparator()
        menu.addAction(self.notes_action)
        menu.addAction(self.reveal_action)
        menu.addSeparator()
        for action in self.theme_actions.values():
            menu.addAction(action)

    # ---- where we are ---------------------------------------------------------------
    @property
    def presenting(self) -> bool:
        return self._presenting

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def step_number(self) -> int:
        """The current step, 1-based (0 when the path is empty)."""
        return self._index + 1 if self._path and len(self._path) else 0

    @property
    def reveal_x(self) -> float | None:
        """The date the chart is revealed up to, or None when it shows everything."""
        return self._reveal_applied[1]

    # ---- start and stop -----------------------------------------------------------------
    def start(self, lesson_id: str | None = None, step: int | None = None, full_screen: bool = True) -> None:
        """Present: a given lesson and step, or where the teacher left off last time."""
        if self.window.dataset is None or (self._presenting and lesson_id is None):
            return
        if self._presenting:  # already presenting: just go there
            self._open(lesson_id, step)
            return
        self._presenting = True
        self._theme_before = themes().theme
        self.window.set_chrome_visible(False)
        if not self._bar_added:
            self.window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.bar)
            self._bar_added = True
        self.bar.show()
        self._full_screen = full_screen
        self._apply_theme()
        if full_screen:
            self._was_maximized = self.window.isMaximized()
            self.window.showFullScreen()  # on the screen the window is on: usually the projector
        focus = QApplication.focusWidget()
        if is_text_input(focus):
            focus.clearFocus()  # so the clicker works from the first press
        QApplication.instance().installEventFilter(self)
        self.notes.start_clock()
        self._open(lesson_id, step)
        self._place_notes()
        self.presenting_changed.emit(True)

    def stop(self) -> None:
        """Leave classroom mode: the window, its theme and its chrome come back as they were."""
        if not self._presenting:
            return
        self._presenting = False
        self._remember_position()
        QApplication.instance().removeEventFilter(self)
        self.blackout.clear()
        self.set_notes_visible(False)
        self.notes.stop_clock()
        self.bar.hide()
        self._apply_reveal()
        themes().set_theme(self._theme_before)
        self.window.setPalette(QPalette())  # back to the inherited palette
        self.window.set_chrome_visible(True)
        if self._full_screen:
            self.window.showMaximized() if self._was_maximized else self.window.showNormal()
        self.presenting_changed.emit(False)

    def _open(self, lesson_id: str | None, step: int | None) -> None:
        lessons = [lid for lid, _ in self.window.dataset.lesson_list()]
        if lesson_id is None or (lesson_id not in lessons and lesson_id != FACTS_IN_TIME):
            lesson_id, resumed = resume_point(lessons, self.settings.get(keys.LAST_LESSON), self.settings.get(keys.LAST_STEP))
            step = step or resumed
        self._set_path(self._make_path(lesson_id), None if lesson_id == FACTS_IN_TIME else step or 1)

    def _make_path(self, path_id: str) -> Path:
        dataset = self.window.dataset
        if path_id == FACTS_IN_TIME:
            return facts_path(dataset, self.state.filters, self.tr("Facts in time"))
        return lesson_path(dataset, path_id, data_language())

    def _set_path(self, path: Path, step: int | None = None) -> None:
        self._path = path
        if step is None:  # facts in time: start at the focused fact or where it was left
            start = self.state.focus or self.settings.get(keys.LAST_FACT)
            self._index = nearest_index(self.window.dataset, path, start) if start else 0
        else:
            self._index = min(max(step, 1), max(1, len(path))) - 1
        choices = [(lid, title) for lid, title in self.window.dataset.lesson_list(data_language())]
        self.bar.set_paths(choices + [(FACTS_IN_TIME, self.tr("Facts in time"))], path.path_id)
        self.reveal_action.setChecked(path.path_id in self.settings.get(keys.REVEAL_LESSONS))
        self._show_position(move_focus=True)

    # ---- moving ---------------------------------------------------------------------------
    def go(self, action: str) -> None:
        """Step NEXT, PREVIOUS, FIRST or LAST."""
        if self._path is None:
            return
        index = moved(self._index, len(self._path), action)
        if index != self._index or self.state.focus != self._current_target():
            self._index = index
            self._show_position(move_focus=True)

    def go_to(self, step: int) -> None:
        """Jump to a 1-based step of the current path."""
        if self._path is not None and 1 <= step <= len(self._path):
            self._index = step - 1
            self._show_position(move_focus=True)

    def choose_path(self, path_id: str) -> None:
        """Switch to a lesson (from its first step) or to the facts in time."""
        if self.window.dataset is None or not path_id:
            return
        self._set_path(self._make_path(path_id), None if path_id == FACTS_IN_TIME else 1)

    def _current_target(self) -> str:
        return self._path.targets[self._index] if self._path and len(self._path) else ""

    def _show_position(self, move_focus: bool) -> None:
        path, count = self._path, len(self._path)
        target = self._current_target()
        if move_focus and target:
            self.state.set_focus(target, ORIGIN)
        self._save_timer.start()  # remembered a moment later: a file write per click would slow the clicker
        self.bar.show_position(self.step_number, count)
        self.notes.show_step(path.title, self.step_number, count, self._title_of(self._index),
                             path.notes[self._index] if path.notes and count else "",
                             self._title_of(self._index + 1) if self._index + 1 < count else None)
        self._apply_reveal()
        self.position_changed.emit(path.path_id, self.step_number, count)

    def _remember_position(self) -> None:
        """Save where the class is, for resuming next time."""
        self._save_timer.stop()
        path = self._path
        if path is None:
            return
        self.settings.set(keys.LAST_LESSON, path.path_id)
        if path.is_lesson:
            self.settings.set(keys.LAST_STEP, self.step_number)
        elif self._current_target():
            self.settings.set(keys.LAST_FACT, self._current_target())

    def _title_of(self, index: int) -> str:
        path = self._path
        if not len(path):
            return self.tr("No facts match the filters.")
        return path.titles[index] if path.titles else self.window.dataset.fact(path.targets[index], data_language()).title

    # ---- state and dataset ----------------------------------------------------------------
    def _on_state_focus_changed(self, target: str, origin: str) -> None:
        # In the facts in time, a fact clicked in a pane becomes the current step.
        if origin == ORIGIN or not self._presenting or self._path is None or self._path.is_lesson:
            return
        if target in self._path.positions:
            self._index = self._path.positions[target]
            self._show_position(move_focus=False)

    def _on_state_filters_changed(self, _filters: object, _origin: str) -> None:
        if self._presenting and self._path is not None and not self._path.is_lesson:
            self._set_path(self._make_path(FACTS_IN_TIME))

    def _on_window_dataset_changed(self, _dataset: object) -> None:
        if self._presenting:
            keep = self._path.path_id if self._path else None
            self._open(keep, self.step_number or 1)

    # ---- looks ---------------------------------------------------------------------------
    def set_theme_name(self, name: str) -> None:
        """"light" or "dark"; remembered."""
        self.settings.set(keys.PRESENT_THEME, name)
        self.theme_actions[name].setChecked(True)
        if self._presenting:
            self._apply_theme()

    def set_type_scale(self, factor: float) -> None:
        """Make the projected type bigger or smaller (1.0 is the projector's own size); remembered."""
        self.settings.set(keys.TYPE_SCALE, min(max(float(factor), SCALE_STEPS[0]), SCALE_STEPS[-1]))
        if self._presenting:
            self._apply_theme()

    def _apply_theme(self, only_if_changed: bool = False) -> None:
        theme = presentation_theme(self.settings.get(keys.PRESENT_THEME), self.settings.get(keys.TYPE_SCALE),
                                   self._slide_height())
        if only_if_changed and theme == themes().theme:
            return
        themes().set_theme(theme)
        palette = QPalette(self.window.palette())
        for role, colour in ((QPalette.ColorRole.Window, theme.background), (QPalette.ColorRole.Base, theme.background),
                             (QPalette.ColorRole.Button, theme.background), (QPalette.ColorRole.WindowText, theme.foreground),
                             (QPalette.ColorRole.Text, theme.foreground), (QPalette.ColorRole.ButtonText, theme.foreground),
                             (QPalette.ColorRole.Highlight, theme.highlight)):
            palette.setColor(role, QColor(colour))
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#000000"))
        self.window.setPalette(palette)
        self.bar.apply_theme(theme)
        self.notes.apply_theme(theme)

    def _slide_height(self) -> int:
        if self._full_screen and self.window.screen() is not None:
            return self.window.screen().geometry().height()  # the window may not have grown yet
        return self.window.height()

    # ---- reveal, notes, blackout -------------------------------------------------------
    def set_reveal(self, on: bool) -> None:
        """Hide the chart's values after the current step's date; remembered for this lesson."""
        path_id = self._path.path_id if self._path else self.settings.get(keys.LAST_LESSON)
        chosen = [p for p in self.settings.get(keys.REVEAL_LESSONS) if p != path_id]
        self.settings.set(keys.REVEAL_LESSONS, chosen + [path_id] if on else chosen)
        self.reveal_action.setChecked(on)
        self._apply_reveal()

    def _apply_reveal(self) -> None:
        chart = self.window.chart
        x = None
        if self._presenting and self.reveal_action.isChecked() and self._current_target():
            x = reveal_until(self.window.dataset, self._current_target())
        if chart is None or (chart, x) == self._reveal_applied:
            return
        # The chart's reveal lands with the chart redesign; until then only the position is kept.
        if hasattr(chart, "set_reveal_until"):
            chart.set_reveal_until(x)
        self._reveal_applied = (chart, x)

    def set_notes_visible(self, visible: bool) -> None:
        """Show the presenter notes: on the other screen if there is one, else in a corner of the slides."""
        self.notes_action.setChecked(visible and self._presenting)
        if not (visible and self._presenting):
            self.notes.hide()
            return
        screen = notes_screen_for(self.window.screen())
        if screen is not None:
            self.notes.place_on_screen(screen)
        else:
            self.notes.place_in_corner(self.window)

    def _place_notes(self) -> None:
        # With one screen, or mirrored ones, the class would read the notes: keep them hidden until asked.
        self.set_notes_visible(notes_screen_for(self.window.screen()) is not None)

    def blank(self, colour: str) -> None:
        """Black or white out the slides; any key brings them back."""
        self.blackout.blank(colour)

    # ---- keys -----------------------------------------------------------------------------
    def _command(self, event: QKeyEvent):
        key = event.key()
        if key in _MODIFIER_KEYS:
            return None
        if self.blackout.active:
            return self.blackout.clear  # any key brings the slide back
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.ControlModifier or mods == (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            direction = {_K.Key_Equal: 1, _K.Key_Plus: 1, _K.Key_Minus: -1, _K.Key_0: 0}.get(key)
            if direction is None:
                return None
            return lambda: self.set_type_scale(next_scale(self.settings.get(keys.TYPE_SCALE), direction))
        if mods & ~Qt.KeyboardModifier.ShiftModifier:
            return None  # leave Ctrl/Alt shortcuts (Quit …) alone
        if key in STEP_KEYS:
            return lambda: self.go(STEP_KEYS[key])
        if key in BLANK_KEYS:
            return lambda: self.blank(BLANK_KEYS[key])
        return {
            _K.Key_Escape: self.stop,
            _K.Key_N: lambda: self.set_notes_visible(not self.notes.isVisible()),
            _K.Key_R: lambda: self.set_reveal(not self.reveal_action.isChecked()),
            _K.Key_F5: lambda: None,  # clickers send F5 to start; we already have
        }.get(key)

    def _from_presented_window(self, watched: QObject) -> bool:
        if isinstance(watched, QWidget):
            return watched.window() in (self.window, self.notes)
        if isinstance(watched, QWindow):
            return watched in (self.window.windowHandle(), self.notes.windowHandle())
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.Resize and watched is self.window and self._presenting:
            self._apply_theme(only_if_changed=True)  # another resolution: keep the type's share of the image
            return False
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) or not self._presenting:
            return False
        if not self._from_presented_window(watched):
            return False
        if QApplication.activePopupWidget() is not None or QApplication.activeModalWidget() is not None:
            return False
        if is_text_input(QApplication.focusWidget()):
            return False  # typing in the filter stays typing
        command = self._command(event)
        if command is None:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # we take this key: no pane shortcut may fire for it
            return True
        command()
        return True
