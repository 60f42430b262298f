"""The monkey: a seeded random user clicks, drags, scrolls and types across the whole window.

At least 2,000 actions on the default dataset (FACTDECK_MONKEY_ACTIONS to
change), with no exception, no crash and no Qt warning; the window must still
answer at the end. The seed is printed; replay a failure with

    FACTDECK_MONKEY_SEED=<seed> pytest tests/reliability/test_monkey.py

(FACTDECK_MONKEY_SEED=random picks a fresh one). It never opens a real
browser (URL handlers record instead), closes every dialog and menu it
opens, and works on a copy of the dataset so nothing outside the test's
temporary folders can change; Quit is disabled, since quitting ends the test.
"""
from __future__ import annotations

import collections
import os
import random
import shutil
import string
import time

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from conftest import DEFAULT_DATASET

from .evil_tour import UrlRecorder

DEFAULT_SEED = 20261128
KEYS = [
    Qt.Key.Key_F5, Qt.Key.Key_Escape, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
    Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Home, Qt.Key.Key_End,
    Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_Tab, Qt.Key.Key_Backspace, Qt.Key.Key_Period,
    Qt.Key.Key_B, Qt.Key.Key_W, Qt.Key.Key_N, Qt.Key.Key_A, Qt.Key.Key_Z, Qt.Key.Key_0, Qt.Key.Key_1,
    Qt.Key.Key_F1, Qt.Key.Key_F11, Qt.Key.Key_Delete,
]
CTRL_KEYS = [Qt.Key.Key_O, Qt.Key.Key_C, Qt.Key.Key_F, Qt.Key.Key_Z, Qt.Key.Key_Y, Qt.Key.Key_S, Qt.Key.Key_E,
             Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_0, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_P]
TYPED = string.ascii_letters + string.digits + " -<>&\"'@:/é–\u202e"


def _seed() -> int:
    chosen = os.environ.get("FACTDECK_MONKEY_SEED", "")
    if chosen == "random":
        return random.SystemRandom().randrange(1, 2**31)
    return int(chosen) if chosen else DEFAULT_SEED


def _type(bot, widget: QWidget, text: str) -> None:
    """Type `text` as key presses; QTest maps ASCII only, so other characters go as key events with text."""
    for char in text:
        if char.isascii():
            bot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _files_under(folder) -> dict[str, float]:
    return {str(p): p.stat().st_mtime for p in folder.rglob("*") if p.is_file()}


class Monkey:
    """Chooses and performs random user actions on the visible widgets of the application."""

    def __init__(self, qtbot, window, rng: random.Random) -> None:
        self.qtbot, self.window, self.rng = qtbot, window, rng
        self.log: collections.deque[str] = collections.deque(maxlen=40)
        self.count = 0  # lines ever logged
        self.closed = 0
        self.timings: list[tuple[float, str]] = []  # (seconds, action): the slowest are printed at the end

    def note(self, line: str) -> None:
        self.log.append(line)
        self.count += 1

    def close_dialogs(self) -> None:
        """Close whatever the monkey opened: popups (menus, completers) and modal dialogs."""
        for _ in range(5):
            popup = QApplication.activePopupWidget()
            modal = QApplication.activeModalWidget()
            target = popup or modal
            if target is None:
                return
            self.closed += 1
            if hasattr(target, "reject"):
                target.reject()
            else:
                target.close()

    def targets(self) -> list[QWidget]:
        widgets = []
        for top in QApplication.topLevelWidgets():
            if top.isVisible():
                widgets += [top, *top.findChildren(QWidget)]
        return [w for w in widgets if w.isVisible() and w.isEnabled() and w.width() > 0 and w.height() > 0]

    def step(self, number: int) -> None:
        started, before = time.perf_counter(), self.count
        self._step(number)
        recent = list(self.log)[-(self.count - before):]
        self.timings.append((time.perf_counter() - started, " /".join(recent)[:200]))

    def _step(self, number: int) -> None:
        self.close_dialogs()
        widgets = self.targets()
        widget = self.rng.choice(widgets)
        pos = QPoint(self.rng.randrange(widget.width()), self.rng.randrange(widget.height()))
        kind = self.rng.choices(["click", "right", "double", "drag", "wheel", "key", "ctrl", "type", "hover"],
                                weights=[30, 4, 5, 8, 12, 20, 4, 3, 11])[0]
        self.note(f"{number}: {kind} on {type(widget).__name__}#{widget.objectName()} at {pos.x()},{pos.y()}")
        bot = self.qtbot
        if kind == "click":
            bot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
        elif kind == "right":
            bot.mouseClick(widget, Qt.MouseButton.RightButton, pos=pos)
        elif kind == "double":
            bot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)
        elif kind == "drag":
            end = QPoint(self.rng.randrange(widget.width()), self.rng.randrange(widget.height()))
            bot.mousePress(widget, Qt.MouseButton.LeftButton, pos=pos)
            for k in range(1, 4):
                if not shiboken6.isValid(widget):  # the press opened a dialog or menu the closer has closed since
                    self.note("   (its widget was closed during the drag)")
                    return
                bot.mouseMove(widget, pos + (end - pos) * k / 3)
            if shiboken6.isValid(widget):
                bot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)
        elif kind == "wheel":
            modifiers = self.rng.choice([Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier,
                                         Qt.KeyboardModifier.ShiftModifier])
            delta = self.rng.choice([-360, -120, -40, 40, 120, 360])
            event = QWheelEvent(QPointF(pos), QPointF(widget.mapToGlobal(pos)), QPoint(), QPoint(0, delta),
                                Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
            QApplication.sendEvent(widget, event)
        elif kind == "key":
            key = self.rng.choice(KEYS)
            self.note(f"    key {key.name}")
            bot.keyClick(QApplication.focusWidget() or widget, key)
        elif kind == "ctrl":
            key = self.rng.choice(CTRL_KEYS)
            self.note(f"    ctrl+{key.name}")
            bot.keyClick(QApplication.focusWidget() or widget, key, Qt.KeyboardModifier.ControlModifier)
        elif kind == "type":
            edits = [w for w in widgets if isinstance(w, QLineEdit) and not w.isReadOnly()]
            if edits:
                edit = self.rng.choice(edits)
                text = "".join(self.rng.choice(TYPED) for _ in range(self.rng.randrange(1, 7)))
                self.note(f"    typed {text!r} into {edit.objectName()}")
                edit.setFocus()
                _type(bot, edit, text)
        else:
            bot.mouseMove(widget, pos)
        QApplication.processEvents()


@pytest.mark.slow
# The offscreen platform cannot raise windows or grab the keyboard (presentation mode asks to).
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grab")
def test_monkey(qtbot, app_font, tmp_path, capsys):
    from desktop.dataset.loader import load_dataset
    from desktop.settings import Settings
    from desktop.state import SelectionState
    from desktop.ui.main_window import MainWindow
    from desktop.ui.theme import LIGHT, themes

    seed = _seed()
    actions = int(os.environ.get("FACTDECK_MONKEY_ACTIONS", "2000"))
    with capsys.disabled():
        print(f"\nmonkey: seed {seed}, {actions} actions (replay: FACTDECK_MONKEY_SEED={seed})")
    folder = tmp_path / "fentanyl-crisis"
    shutil.copytree(DEFAULT_DATASET, folder)
    bundled_before = _files_under(DEFAULT_DATASET)
    os.chdir(tmp_path)  # anything written to a relative path lands here
    urls = UrlRecorder()
    window = MainWindow(SelectionState(), Settings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.set_dataset(load_dataset(folder))
    window.quit_action.setEnabled(False)
    monkey = Monkey(qtbot, window, random.Random(seed))
    # Dialogs opened with exec() block the action that opened them: this closes them from inside their loop.
    closer = QTimer()
    closer.setInterval(20)
    closer.timeout.connect(monkey.close_dialogs)
    closer.start()
    started = time.perf_counter()
    try:
        with qtbot.capture_exceptions() as exceptions:
            for number in range(actions):
                monkey.step(number)
                if exceptions:
                    break
        replay = f"seed {seed}; last actions:\n" + "\n".join(monkey.log)
        assert not exceptions, f"{exceptions[0][1]!r}\n{replay}"
        assert window.isVisible(), replay
        # Still responsive: the shared state drives every pane as before.
        window.presentation.stop()
        monkey.close_dialogs()
        target = str(window.dataset.events.index[0])
        window.state.set_focus("", "test")
        with qtbot.waitSignal(window.state.focus_changed, timeout=5000):
            window.state.set_focus(target, "test")
        assert window.timeline.view.focus_index == window.timeline.model.index_of[target]
        assert urls.calls == [] or all(u.startswith(("http://", "https://")) for u in urls.calls), urls.calls
        assert _files_under(DEFAULT_DATASET) == bundled_before, "the bundled dataset changed"
    finally:
        closer.stop()
        urls.remove()
        window.presentation.stop()
        themes().set_theme(LIGHT)
    with capsys.disabled():
        print(f"monkey: {actions} actions in {time.perf_counter() - started:.1f} s, "
              f"{monkey.closed} dialogs or menus closed, {len(urls.calls)} links handed to the (fake) browser")
        for seconds, what in sorted(monkey.timings, reverse=True)[:8]:
            print(f"  slow: {seconds * 1000:.0f} ms  {what}")
