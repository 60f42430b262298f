"""Two costs of importing after PySide6 that the app does not need to pay.

Both keep what is imported exactly as it was; only the work of importing changes.

**PySide6 reads the source of every module imported after it.** From its first
import on, PySide6 looks at each newly imported module to see whether it uses
PySide6 (for its optional `__feature__` switches) through `inspect.getsource`,
which reads, decodes and splits the whole file into lines. Factdeck shows its
window before pandas and pyqtgraph are imported, so every one of their
modules paid that: ~0.1 s of every start. `check_modules_cheaply` gives
PySide6 the same answer (does the file mention PySide6?) from the file's bytes.

**pyqtgraph makes PySide6 build every Qt class.** pyqtgraph 0.14 keeps its
own copies of QtCore, QtGui and QtWidgets and fills them at import by reading
every name of PySide6's modules. PySide6 builds a class (and its enums) the
first time it is read, so that loop built ~300 classes the app never uses,
~60 ms of every start. Here pyqtgraph's copies are made first, as modules that look a
name up in PySide6's when it is first read, and PySide6's modules list no
names while pyqtgraph imports, so its loop copies nothing. Every name still
gives the same object as before (a test compares them all); only the moment a
class is built changes.

Whatever goes wrong (another PySide6 or pyqtgraph, pyqtgraph already
imported) leaves the plain way: slower, never different.
"""
from __future__ import annotations

import sys
import types

_MIRRORS = ("QtCore", "QtGui", "QtWidgets")  # pyqtgraph.Qt's copies of these PySide6 modules


def check_modules_cheaply() -> None:
    """Let PySide6 tell whether a newly imported module uses it from the file's bytes, not its parsed source.

    A second call changes nothing.
    """
    import PySide6.QtCore  # noqa: F401 - PySide6's first import installs what this changes

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "reads_bytes", False):
        return

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass  # not a plain file (a zip, say): PySide6's own way finds it
        return original(module)

    uses_pyside.reads_bytes = True
    feature._mod_uses_pyside = uses_pyside


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
        return
    except Exception:
        _forget_pyqtgraph()
    finally:
        _restore(originals, listings)
    import pyqtgraph  # noqa: F401,F811 - the plain import, whatever went wrong above


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
