"""Import pyqtgraph without making PySide6 build every Qt class up front.

pyqtgraph 0.14 keeps its own copies of QtCore, QtGui and QtWidgets and fills
them at import by reading every name of PySide6's modules. PySide6 builds a
class (and its enums) the first time it is read, so that loop builds some
thousands of classes the app never uses: a third of pyqtgraph's import, ~0.1 s
of every start. Here pyqtgraph's copies are made first, as modules that look a
name up in PySide6's when it is first read, and PySide6's modules list no
names while pyqtgraph imports, so its loop copies nothing. Every name still
gives the same object as before (a test compares them all); only the moment a
class is built changes.

Whatever goes wrong (another pyqtgraph, pyqtgraph already imported) leaves a
plain import: slower, never different.
"""
from __future__ import annotations

import sys
import types

_MIRRORS = ("QtCore", "QtGui", "QtWidgets")  # pyqtgraph.Qt's copies of these PySide6 modules


def import_pyqtgraph() -> None:
    """Import pyqtgraph (once) with its Qt modules looked up by name, not copied whole."""
    if "pyqtgraph" in sys.modules:
        return
    import PySide6.QtCore
    import PySide6.QtGui
    import PySide6.QtWidgets

    originals = {name: getattr(PySide6, name) for name in _MIRRORS}
    listings = {name: module.__dict__.get("__dir__") for name, module in originals.items()}
    mirrors = {f"pyqtgraph.Qt.{name}": _mirror(name, module) for name, module in originals.items()}
    try:
        for module in originals.values():
            module.__dir__ = _no_names  # pyqtgraph copies the names a module lists
        sys.modules.update(mirrors)
        import pyqtgraph  # noqa: F401 - imported for its side effect: the chart pane finds it loaded
    except Exception:
        _forget_pyqtgraph()
        _restore(originals, listings)
        import pyqtgraph  # noqa: F401,F811 - the plain import, whatever went wrong above
    finally:
        _restore(originals, listings)


def _no_names() -> list[str]:
    return []


def _mirror(name: str, module: types.ModuleType) -> types.ModuleType:
    """An empty module that answers any name with the PySide6 module's object of that name."""
    mirror = types.ModuleType(f"pyqtgraph.Qt.{name}")
    mirror.__getattr__ = lambda attribute: getattr(module, attribute)
    return mirror


def _restore(originals: dict, listings: dict) -> None:
    for name, module in originals.items():
        if listings[name] is None:
            module.__dict__.pop("__dir__", None)
        else:
            module.__dir__ = listings[name]


def _forget_pyqtgraph() -> None:
    for name in [n for n in sys.modules if n == "pyqtgraph" or n.startswith("pyqtgraph.")]:
        del sys.modules[name]
