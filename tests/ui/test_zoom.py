"""View › Zoom: every pane's text grows with the app's own zoom, and the choice is remembered."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop import settings as keys
from desktop.settings import Settings
from desktop.state import SelectionState
from desktop.ui.main_window import MainWindow
from desktop.ui.theme import LIGHT, themes


@pytest.fixture
def window(qtbot, isolated_home, default_dataset):
    made = MainWindow(SelectionState(), Settings(isolated_home / "settings.json"))
    qtbot.addWidget(made)
    made.resize(1400, 900)
    made.show()
    qtbot.waitExposed(made)
    made.set_dataset(default_dataset)
    yield made
    themes().set_theme(LIGHT)


def test_ctrl_plus_and_minus_scale_the_panes_and_ctrl_0_resets(qtbot, window):
    with qtbot.waitSignal(themes().changed):
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert themes().theme.scale == 1.1
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert themes().theme.scale == 1.25
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert themes().theme.scale == 1.1
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert themes().theme.scale == 1.0


def test_zoom_is_remembered_and_stops_at_its_limits(qtbot, window, isolated_home):
    for _ in range(12):
        window.zoom.zoom_in_action.trigger()
    assert themes().theme.scale == 2.0 and not window.zoom.zoom_in_action.isEnabled()
    assert Settings(isolated_home / "settings.json").get(keys.ZOOM) == 2.0
    themes().set_theme(LIGHT)
    again = MainWindow(SelectionState(), Settings(isolated_home / "settings.json"))
    qtbot.addWidget(again)
    assert themes().theme.scale == 2.0


def test_zoom_leaves_the_slide_alone_while_presenting(qtbot, window):
    window.presentation.start(full_screen=False)
    slide_scale = themes().theme.scale
    window.zoom.step(1)
    assert themes().theme.scale == slide_scale
    window.presentation.stop()
    assert themes().theme.scale == 1.0
