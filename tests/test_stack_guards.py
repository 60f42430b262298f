"""Guards for the measured traps of the stack (shared/STACK.md)."""
from __future__ import annotations

import subprocess
import sys

from PySide6.QtWidgets import QWidget


def test_void_qt_calls_do_not_leak_references_to_none(qapp):
    """Trap 1: PySide6 6.12 on Python 3.11 drops a reference to None per void call, then aborts."""
    widget = QWidget()
    before = sys.getrefcount(None)
    for i in range(1000):
        widget.setObjectName(f"w{i % 7}")
        widget.update()
    assert sys.getrefcount(None) >= before - 10


def test_pyqtgraph_binds_to_pyside6_even_with_nothing_imported():
    """Trap 5: pyqtgraph must use PySide6 whatever else is installed."""
    code = "import os; os.environ.pop('PYQTGRAPH_QT_LIB', None)\nimport desktop.app\ndesktop.app._prepare_environment(True)\nimport pyqtgraph as pg\nprint(pg.Qt.QT_LIB)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "PySide6"


def test_pinned_pyside6_version():
    import PySide6

    major, minor = (int(x) for x in PySide6.__version__.split(".")[:2])
    assert (major, minor) == (6, 10), "STACK.md: 6.11+ breaks SVG export, 6.12 aborts Python 3.11"
