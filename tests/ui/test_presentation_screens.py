"""Slides and notes on real (virtual) screen layouts: a laptop with a projector, and mirrored displays.

Qt's offscreen platform can pretend to have several screens (a config file
names them), but only when the application starts, so each layout runs in a
child process that prints what it sees as JSON.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT, python_subprocess_env

CHILD = r"""
import json, sys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from desktop.app import create_application
from desktop.dataset.loader import load_dataset
from desktop.settings import Settings
from desktop.state import SelectionState
from desktop.ui.main_window import MainWindow

app = create_application()
projector = QApplication.screens()[-1]
window = MainWindow(SelectionState(), Settings())
window.setGeometry(projector.availableGeometry().adjusted(50, 50, -50, -50))  # the teacher dragged it there
window.show()
window.set_dataset(load_dataset(sys.argv[1]))
window.presentation.start("three-waves", 2)
for _ in range(5):
    app.processEvents()
notes = window.presentation.notes
seen = {
    "slides_screen": window.screen().name(), "full_screen": window.isFullScreen(),
    "notes_visible": notes.isVisible(), "notes_own_window": notes.isWindow(),
    "notes_screen": notes.screen().name() if notes.isVisible() else None,
    "notes_text": notes.notes_label.text(),
}
QTest.keyClick(window, Qt.Key.Key_N)
seen["after_n_visible"], seen["after_n_in_corner"] = notes.isVisible(), notes.in_corner
window.close()
print(json.dumps(seen))
"""


def run_with_screens(tmp_path, screens: list[dict]) -> dict:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1, **screen} for screen in screens]}), encoding="utf-8")
    env = python_subprocess_env()
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["FACTDECK_HOME"] = str(tmp_path / "home")
    result = subprocess.run([sys.executable, "-c", CHILD, str(FIXTURES / "valid")], capture_output=True, text=True,
                            cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_with_a_projector_the_notes_open_on_the_laptop(tmp_path):
    seen = run_with_screens(tmp_path, [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768},
        {"name": "projector", "x": 1366, "y": 0, "width": 1024, "height": 768},
    ])
    assert seen["slides_screen"] == "projector" and seen["full_screen"]
    assert seen["notes_visible"] and seen["notes_own_window"] and seen["notes_screen"] == "laptop"
    assert seen["notes_text"] == "(No notes for this step.)"
    assert not seen["after_n_visible"]  # N hides them, as it shows them


@pytest.mark.slow
def test_mirrored_displays_keep_the_notes_hidden_until_n(tmp_path):
    same = {"x": 0, "y": 0, "width": 1280, "height": 720}
    seen = run_with_screens(tmp_path, [{"name": "laptop", **same}, {"name": "projector", **same}])
    assert seen["full_screen"] and not seen["notes_visible"]
    assert seen["after_n_visible"] and seen["after_n_in_corner"]
