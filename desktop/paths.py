"""Where Factdeck's files are: the one module that knows.

In a source checkout, resources/ and data/ sit beside the `desktop` package; in
a PyInstaller bundle they sit in the bundle's folder (`sys._MEIPASS`). Nothing
is ever written there: user files go to the platform's config, data and log
folders, which Qt's QStandardPaths names (imported only when asked for).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Factdeck"
ORGANISATION = "Factdeck"
DEFAULT_DATASET = "fentanyl-crisis"


def is_frozen() -> bool:
    """True when running from a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def install_root() -> Path:
    """The read-only folder that holds resources/ and data/."""
    if is_frozen():
        return Path(sys._MEIPASS)  # type: ignore[attr-defined]
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return install_root() / "resources"


def data_dir() -> Path:
    return install_root() / "data"


def default_dataset_dir() -> Path:
    """The bundled dataset opened when no other is asked for."""
    return data_dir() / DEFAULT_DATASET


def resource(kind: str, name: str) -> Path:
    """A bundled resource such as ("fonts", "Atkinson.ttf"); fails loudly, listing what exists."""
    folder = resources_dir() / kind
    path = folder / name
    if not path.is_file():
        present = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
        listing = ", ".join(present) if present else "nothing"
        raise FileNotFoundError(f"No resource {kind}/{name} in {folder}; it holds: {listing}")
    return path


def resources_of(kind: str, suffix: str = "") -> list[Path]:
    """Every bundled resource of a kind, sorted by name (e.g. the ordered style sheets)."""
    folder = resources_dir() / kind
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name.endswith(suffix))


def _standard_location(kind: str) -> Path:
    override = os.environ.get("FACTDECK_HOME")
    if override:  # tests and portable installs keep every user file under one folder
        return Path(override) / kind
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    if not QCoreApplication.applicationName():
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setOrganizationName(ORGANISATION)
    location = {
        "config": QStandardPaths.StandardLocation.AppConfigLocation,
        "data": QStandardPaths.StandardLocation.AppDataLocation,
        "log": QStandardPaths.StandardLocation.AppLocalDataLocation,
    }[kind]
    base = Path(QStandardPaths.writableLocation(location))
    return base / "logs" if kind == "log" else base


def config_dir() -> Path:
    """Where settings live (created on demand)."""
    return _ensure(_standard_location("config"))


def log_dir() -> Path:
    """Where crash logs and faulthandler output go (created on demand)."""
    return _ensure(_standard_location("log"))


def log_file() -> Path:
    return log_dir() / "factdeck.log"


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
