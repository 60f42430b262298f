"""View › Zoom: the app's own text size at the desk, remembered.

Classroom mode has its own, larger type scale (Ctrl+= and Ctrl+- while
presenting); outside it these actions scale every pane through the shared
theme, the way a browser's zoom does, and the choice survives a restart.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from .. import settings as keys
from .theme import themes

ZOOM_STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0)


def tr(text: str) -> str:
    return QCoreApplication.translate("ZoomMenu", text)


def install_zoom(window) -> "ZoomControl":
    """Give a MainWindow View › Zoom in, Zoom out and Actual size, and apply the saved zoom."""
    window.zoom = ZoomControl(window)
    return window.zoom


class ZoomControl(QObject):
    """Steps the theme's scale through ZOOM_STEPS while not presenting; saved in the ZOOM setting."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        menu = window.view_menu
        menu.addSeparator()
        self.zoom_in_action = self._action(tr("Zoom &in"), "zoomIn", [QKeySequence.StandardKey.ZoomIn,
                                           QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Equal)], 1)
        self.zoom_out_action = self._action(tr("Zoom &out"), "zoomOut", [QKeySequence.StandardKey.ZoomOut], -1)
        self.reset_action = self._action(tr("&Actual size"), "zoomReset", [QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_0)], 0)
        for action in (self.zoom_in_action, self.zoom_out_action, self.reset_action):
            menu.addAction(action)
        self.apply(window.settings.get(keys.ZOOM))

    def _action(self, text: str, name: str, shortcuts: list, direction: int) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        sequences = []
        for shortcut in shortcuts:
            sequences += QKeySequence.keyBindings(shortcut) if isinstance(shortcut, QKeySequence.StandardKey) else [shortcut]
        action.setShortcuts(sequences)
        action.setStatusTip(tr("Change the size of all text; classroom mode has its own size"))
        action.triggered.connect(lambda _=False: self.step(direction))
        return action

    @property
    def scale(self) -> float:
        return float(self.window.settings.get(keys.ZOOM))

    def step(self, direction: int) -> None:
        """One step larger (1), smaller (-1), or back to actual size (0)."""
        presentation = getattr(self.window, "presentation", None)
        if presentation is not None and presentation.presenting:
            return  # classroom mode's own Ctrl+= / Ctrl+- handle the slide's size
        if direction == 0:
            new = 1.0
        else:
            current = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - self.scale))
            new = ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, current + direction))]
        self.window.settings.set(keys.ZOOM, new)
        self.apply(new)

    def apply(self, scale: float) -> None:
        """Show the panes at this zoom (never while presenting: the slide keeps its own scale)."""
        scale = min(max(float(scale), ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        self.zoom_in_action.setEnabled(scale < ZOOM_STEPS[-1])
        self.zoom_out_action.setEnabled(scale > ZOOM_STEPS[0])
        presentation = getattr(self.window, "presentation", None)
        if presentation is None or not presentation.presenting:
            themes().set_theme(replace(themes().theme, scale=scale))
