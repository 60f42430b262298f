"""House rule 1: desktop.dataset imports no Qt and no pyqtgraph."""
from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
import desktop.dataset, desktop.dataset.loader, desktop.dataset.contract, desktop.dataset.dataset
import desktop.dataset.dates, desktop.dataset.periods, desktop.dataset.csvfile, desktop.dataset.descriptor
import desktop.dataset.rules, desktop.dataset.links, desktop.dataset.problems
bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6', 'PyQt5', 'PyQt6'))
print(bad)
"""


def test_dataset_package_imports_no_qt():
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr
