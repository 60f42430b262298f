"""The interactive start-up as `factdeck` runs it: what waits until after the first paint, and the garbage collector."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import FIXTURES, ROOT, python_subprocess_env

# Runs the real `factdeck` start-up (worker thread and all) offscreen; once the first
# dataset is on screen it reports the collector's state, opens a second dataset and
# reports again, then quits.
SCRIPT = r"""
import gc, json, sys, weakref
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import desktop.app as app_module
from desktop.cli import main

report = {}

def window():
    return next((w for w in QApplication.topLevelWidgets() if getattr(w, "dataset", None) is not None), None)

def first_dataset_shown():
    w = window()
    if w is None or w._commands_to_install:  # wait for the dataset, then for the commands the app adds by itself
        QTimer.singleShot(20, first_dataset_shown)
        return
    report["menus"] = [action.text().replace("&", "") for action in w.menuBar().actions()]
    report["toolbar"] = [action.objectName() for action in w.toolbar.actions()]
    from PySide6.QtGui import QFontDatabase
    from desktop.app import FONT_FAMILY
    from desktop.ui.style import focus_ring

    report["first"] = {"enabled": gc.isenabled(), "frozen": gc.get_freeze_count()}
    report["faces"] = sorted(QFontDatabase.styles(FONT_FAMILY))
    report["focus_ring"] = focus_ring() is not None
    first = weakref.ref(w.dataset)
    w.open_dataset(Path(sys.argv[1]), background=False)
    report["second"] = {"enabled": gc.isenabled(), "frozen": gc.get_freeze_count(), "title": w.windowTitle()}

    def later():
        report["later"] = {"enabled": gc.isenabled(), "frozen": gc.get_freeze_count(),
                           "first_dataset_alive": first() is not None}
        QApplication.instance().exit(0)

    QTimer.singleShot(app_module.REFREEZE_AFTER_MS + 300, later)

original = app_module.create_application
def create_application(**options):
    app = original(**options)
    from PySide6.QtGui import QFontDatabase
    from desktop.app import FONT_FAMILY

    report["while_starting"] = {"enabled": gc.isenabled()}
    report["faces_first"] = sorted(QFontDatabase.styles(FONT_FAMILY))
    QTimer.singleShot(20, first_dataset_shown)
    return app

from PySide6.QtCore import QEvent, QObject
import PySide6.QtCore
from desktop.ui.main_window import MainWindow

original_set_dataset = MainWindow.set_dataset
def set_dataset(window, dataset):
    report.setdefault("commands_before_first_dataset", 5 - len(window._commands_to_install))
    original_set_dataset(window, dataset)
MainWindow.set_dataset = set_dataset

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "qt_namespace_at_first_paint" not in report:
            report["qt_namespace_at_first_paint"] = "Qt" in vars(PySide6.QtCore)
        return False

first_paint = FirstPaint()
original_show = MainWindow.show
def show(window):
    for widget in (window, *window.findChildren(QWidget)):
        widget.installEventFilter(first_paint)
    original_show(window)

from PySide6.QtWidgets import QWidget
MainWindow.show = show
app_module.create_application = create_application
code = main([])
print("REPORT " + json.dumps(report))
sys.exit(code)
"""


def test_start_up_pauses_the_collector_then_freezes_what_it_made(isolated_home):
    env = python_subprocess_env()
    env["FACTDECK_HOME"] = str(isolated_home)
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(FIXTURES / "valid")], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(next(line for line in done.stdout.splitlines() if line.startswith("REPORT "))[7:])
    assert report["while_starting"] == {"enabled": False}
    # Naming a Qt constant builds PySide's whole Qt namespace (~28 ms): not before the window appears.
    assert report["qt_namespace_at_first_paint"] is False
    # The first frame needs only the upright faces; the italics and the focus ring follow it.
    assert report["faces_first"] == ["Bold", "Regular"]
    assert report["faces"] == ["Bold", "Bold Italic", "Italic", "Regular"] and report["focus_ring"]
    # The Present, Edit, export and language commands wait until the dataset is on screen (built while
    # the worker loads, they would hold the interpreter lock it needs), then arrive without being asked.
    assert report["commands_before_first_dataset"] == 0
    assert report["menus"] == ["File", "Edit", "View", "Present", "Help"]
    assert "startPresentingAction" in report["toolbar"]
    # Back on, with the start-up's objects frozen so the first collection does not walk them all.
    assert report["first"]["enabled"] is True and report["first"]["frozen"] > 10_000
    # Another dataset replaces the first: everything is unfrozen, so the old one can be collected ...
    assert report["second"]["enabled"] is True and report["second"]["frozen"] == 0
    assert report["second"]["title"].endswith("— Factdeck") and "Fentanyl" not in report["second"]["title"]
    # ... and a moment later it is gone and what is left is frozen again (no full collection walks it all).
    assert report["later"] == {"enabled": True, "frozen": report["later"]["frozen"], "first_dataset_alive": False}
    assert report["later"]["frozen"] > 10_000
