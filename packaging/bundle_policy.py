"""What the Factdeck bundle may contain: the Qt allowlist, and the filter the spec applies.

PyInstaller's PySide6 hooks collect every Qt plugin the wheel ships (Wayland,
EGLFS, VNC, TLS, network information, nine image formats …) and then every
system library those plugins link to (GTK, Cairo, Pango, Kerberos …). Factdeck
loads few of them. `packaging/qt_allowlist.txt` names the Qt libraries,
plugins and translations it does load; `filter_toc` drops every other Qt file,
then every bundled library that only the dropped files needed. The tests read
the same allowlist (`qt_components`) to prove a built bundle holds nothing
more.

This module imports nothing from PyInstaller at import time, so the tests can
use it without building anything.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path, PurePath

ALLOWLIST = Path(__file__).resolve().parent / "qt_allowlist.txt"

# Python modules the app never imports but its dependencies mention, so
# PyInstaller follows them. Each was checked against a frozen --smoke-test,
# `validate` and `--screenshot` run (tests/packaging/test_bundle.py).
EXCLUDED_MODULES = [
    # Qt bindings the app does not use (pyqtgraph imports QtTest only if present).
    "PySide6.QtNetwork", "PySide6.QtTest", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2", "PySide6.QtQuickTest", "PySide6.QtUiTools", "PySide6.QtDesigner",
    "PySide6.QtHelp", "PySide6.QtSql", "PySide6.QtXml", "PySide6.QtConcurrent", "PySide6.QtDBus",
    "PySide6.scripts", "shiboken6.Shiboken.pyi",
    # Test, documentation and developer tools pulled in through optional imports.
    "pytest", "_pytest", "pytestqt", "hypothesis", "pygments", "IPython", "jedi", "pydoc_data",
    "tkinter", "_tkinter", "turtle", "idlelib", "lib2to3", "ensurepip", "venv", "distutils",
    "setuptools", "pkg_resources", "pip", "PyInstaller",
    # Optional pandas back ends (Excel, SQL, styling, plotting) the app never calls.
    "jinja2", "markupsafe", "matplotlib", "sqlalchemy", "sqlite3", "openpyxl", "xlrd", "pyarrow",
    "tables", "bottleneck", "numexpr", "scipy", "fsspec", "s3fs", "gcsfs",
    # numpy.__config__ prints its build config as YAML when asked; nobody asks.
    "yaml",
    # TLS: the app never opens a connection (DESIGN.md rule 6); hashlib falls back to its built-in hashes.
    "ssl", "_ssl", "_hashlib",
    # Validation-only test dependencies that happen to share the virtualenv.
    "frictionless", "petl", "chardet", "pydantic", "pydantic_core", "jsonschema", "referencing",
    "rfc3986", "requests", "urllib3", "certifi", "idna", "charset_normalizer", "typer", "rich",
    # pyqtgraph extras that need packages the app does not have (PyOpenGL) or never uses.
    "pyqtgraph.opengl", "pyqtgraph.examples", "pyqtgraph.jupyter", "pyqtgraph.canvas",
    "pyqtgraph.console", "OpenGL", "cupy", "numba", "h5py", "colorcet",
]

_PLUGIN = re.compile(r"(?:^|/)plugins/([^/]+)/(?:lib)?([^/]+?)(?:\.so|\.dll|\.dylib)$")
_TRANSLATION = re.compile(r"(?:^|/)translations/([^/]+)\.qm$")
_LIBRARY = re.compile(r"^(?:lib)?Qt6?([A-Z][A-Za-z0-9]*?)(?:\.so(?:\.\d+)*|\.dll|\.dylib)$")
_FRAMEWORK = re.compile(r"(?:^|/)Qt([A-Z][A-Za-z0-9]*)\.framework(?:/|$)")


def load_allowlist(path: Path = ALLOWLIST) -> set[str]:
    """The allowlist's entries, e.g. {"lib Core", "plugin platforms/qxcb", "translation qtbase_es"}."""
    entries = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        kind, _, name = text.partition(" ")
        if kind not in {"lib", "plugin", "translation"} or not name.strip():
            raise ValueError(f"{path}:{number}: expected 'lib NAME', 'plugin TYPE/NAME' or 'translation NAME', got {line!r}")
        entries.add(f"{kind} {name.strip()}")
    return entries


def qt_component(dest: str) -> str | None:
    """The allowlist entry a bundled file belongs to, or None when it is not a Qt file.

    Works for the layouts of all three platforms' PySide6 wheels:
    PySide6/Qt/lib/libQt6Core.so.6, PySide6/Qt6Core.dll, PySide6/Qt/lib/QtCore.framework/…,
    and plugins under PySide6/Qt/plugins/ or PySide6/plugins/.
    """
    posix = PurePath(dest).as_posix()
    if "PySide6/" not in posix and not posix.startswith(("libQt6", "Qt6")):
        return None
    plugin = _PLUGIN.search(posix)
    if plugin:
        return f"plugin {plugin.group(1)}/{plugin.group(2)}"
    translation = _TRANSLATION.search(posix)
    if translation:
        return f"translation {translation.group(1)}"
    framework = _FRAMEWORK.search(posix)
    if framework:
        return f"lib {framework.group(1)}"
    library = _LIBRARY.match(PurePath(posix).name)
    if library:
        return f"lib {library.group(1)}"
    return None


def qt_components(bundle: Path) -> dict[str, list[Path]]:
    """Every Qt library, plugin and translation in a built bundle, by allowlist entry."""
    found: dict[str, list[Path]] = {}
    for path in bundle.rglob("*"):
        if path.is_file() or path.suffix == ".framework":
            entry = qt_component(path.relative_to(bundle).as_posix())
            if entry:
                found.setdefault(entry, []).append(path)
    return found


Entry = tuple  # PyInstaller TOC entry: (dest_name, src_name, typecode)


def filter_toc(toc: Iterable[Entry], allowed: set[str],
               imports_of: Callable[[str], Iterable[str]] | None = None) -> tuple[list[Entry], list[Entry]]:
    """Split a TOC into (kept, dropped): Qt files outside the allowlist go, and their orphans.

    An orphan is a library at the bundle's top level that a dropped file
    linked to and that no kept file still needs (directly or through another
    kept library). `imports_of(src)` gives the base names a binary links to;
    without it only Qt files are dropped.
    """
    entries = list(toc)
    kept, dropped = [], []
    for entry in entries:
        component = qt_component(entry[0])
        (dropped if component is not None and component not in allowed else kept).append(entry)
    if imports_of is None or not dropped:
        return kept, dropped

    def links(entry: Entry) -> set[str]:
        try:
            return {PurePath(name).name for name in imports_of(entry[1])}
        except Exception:  # an unreadable file just counts as linking nothing
            return set()

    top_level = {PurePath(e[0]).name: e for e in kept if len(PurePath(e[0]).parts) == 1}
    # Libraries the dropped files reach, following links only through top-level libraries.
    suspects: set[str] = set()
    frontier = [e for e in dropped]
    while frontier:
        for name in links(frontier.pop()):
            if name in top_level and name not in suspects:
                suspects.add(name)
                frontier.append(top_level[name])
    # Of those, keep whatever the files that stay still reach.
    needed: set[str] = set()
    frontier = [e for e in kept if PurePath(e[0]).name not in suspects]
    while frontier:
        for name in links(frontier.pop()):
            if name in suspects and name not in needed:
                needed.add(name)
                frontier.append(top_level[name])
    orphans = suspects - needed
    return ([e for e in kept if PurePath(e[0]).name not in orphans or len(PurePath(e[0]).parts) > 1],
            dropped + [e for e in kept if PurePath(e[0]).name in orphans and len(PurePath(e[0]).parts) == 1])
