"""pyqtgraph imported with its Qt modules looked up by name: the same objects, fewer classes built."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from desktop.bench.data import checkout_root

# Runs in a fresh interpreter: what is measured is what one import of pyqtgraph builds.
PROBE = """
import json, sys
import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
modules = (PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets)
listings = [m.__dict__.get("__dir__") for m in modules]
if sys.argv[1] == "lazy":
    from desktop.qt_imports import import_pyqtgraph
    import_pyqtgraph()
    import_pyqtgraph()  # a second call changes nothing
else:
    import pyqtgraph
built = sum(len(m.__dict__) for m in modules)  # PySide6 adds a class to its module once it is built
from pyqtgraph.Qt import QtCore, QtGui, QtWidgets
mirrors = (QtCore, QtGui, QtWidgets)
ADDED = {"QFileSystemModel", "QOpenGLWidget"}  # pyqtgraph puts these two where Qt 5 had them
# The names a plain import copies (read from the plain run's answer): each must give the same object.
wanted = json.loads(sys.argv[2]) if len(sys.argv) > 2 else [sorted(vars(mirror)) for mirror in mirrors]
different = [f"{mirror.__name__}.{name}" for m, mirror, names in zip(modules, mirrors, wanted) for name in names
             if name.isidentifier() and not name.startswith("__") and name not in ADDED
             and getattr(mirror, name) is not getattr(m, name)]
print(json.dumps({
    "built": built,
    "names": wanted,
    "different": different,
    "listings_kept": all(m.__dict__.get("__dir__") is listing for m, listing in zip(modules, listings)),
    "names_listed": min(len(dir(m)) for m in modules),
    "added": QtGui.QFileSystemModel is PySide6.QtWidgets.QFileSystemModel
             and QtWidgets.QOpenGLWidget is __import__("PySide6.QtOpenGLWidgets").QtOpenGLWidgets.QOpenGLWidget,
    "version": __import__("pyqtgraph").Qt.QtVersion,
}))
"""


def _import(how: str, *names: str) -> dict:
    env = dict(os.environ, PYQTGRAPH_QT_LIB="PySide6", QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", PROBE, how, *names], capture_output=True, text=True, env=env,
                          cwd=checkout_root(), timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_every_qt_name_gives_the_same_object_with_fewer_classes_built():
    plain = _import("plain")
    lazy = _import("lazy", json.dumps(plain["names"]))
    assert sum(len(names) for names in plain["names"]) > 700  # pyqtgraph's copies of QtCore, QtGui, QtWidgets
    assert plain["different"] == [] and lazy["different"] == []
    assert lazy["added"] and lazy["version"] == plain["version"]
    assert lazy["listings_kept"] and lazy["names_listed"] > 100  # PySide6's modules list their names again
    # The plain import builds every class of the three modules; this one only what pyqtgraph uses.
    assert lazy["built"] < plain["built"] - 200


CHECKS = """
import inspect, json, sys
import PySide6.QtCore
from desktop.qt_imports import check_modules_cheaply
feature = sys.modules["shibokensupport.feature"]
read = []
real_getsource = inspect.getsource
inspect.getsource = lambda obj: read.append(obj.__name__) or real_getsource(obj)
if sys.argv[1] == "cheap":
    check_modules_cheaply()
    check_modules_cheaply()
sys.path.insert(0, sys.argv[2])
import uses_qt, plain_module, colorsys
print(json.dumps({"flags": [feature.pyside_feature_dict.get(m) for m in ("uses_qt", "plain_module", "colorsys")],
                  "sources_parsed": read}))
"""


def _check(how: str, folder) -> dict:
    done = subprocess.run([sys.executable, "-c", CHECKS, how, str(folder)], capture_output=True, text=True,
                          cwd=checkout_root(), timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_pyside6_gets_the_same_verdicts_on_new_modules_without_parsing_their_source(tmp_path):
    (tmp_path / "uses_qt.py").write_text("from PySide6.QtCore import QObject  # a module that uses Qt\n")
    (tmp_path / "plain_module.py").write_text("VALUE = 1\n")
    plain, cheap = _check("plain", tmp_path), _check("cheap", tmp_path)
    assert plain["flags"] == cheap["flags"] == [0, -1, -1]  # 0: uses PySide6; -1: ignored by its feature switches
    assert set(plain["sources_parsed"]) >= {"uses_qt", "plain_module", "colorsys"}
    assert not set(cheap["sources_parsed"]) & {"uses_qt", "plain_module", "colorsys"}  # read as bytes instead
