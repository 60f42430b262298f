"""Every persisted setting, declared once with its type and default.

Settings are one JSON file in the platform's config folder, written through
the atomic writer (QSettings cannot promise that). A missing or damaged file
means defaults; a value of the wrong type is ignored in favour of its default.
Window layout keys carry a version: a layout saved by an older release whose
widgets differ is dropped, not misapplied.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import paths
from .fileio import WriteError, write_atomic

log = logging.getLogger(__name__)

LAYOUT_VERSION = 1


@dataclass(frozen=True)
class Key:
    """One setting: its name in the file, its Python type and its default."""

    name: str
    type: type
    default: Any


WINDOW_GEOMETRY = Key(f"window/v{LAYOUT_VERSION}/geometry", str, "")
WINDOW_STATE = Key(f"window/v{LAYOUT_VERSION}/state", str, "")
SPLITTER_MAIN = Key(f"window/v{LAYOUT_VERSION}/splitter-main", str, "")
SPLITTER_LOWER = Key(f"window/v{LAYOUT_VERSION}/splitter-lower", str, "")
LANGUAGE = Key("interface/language", str, "")
ZOOM = Key("interface/zoom", float, 1.0)  # View › Zoom at the desk; classroom mode has TYPE_SCALE
LAST_DATASET = Key("dataset/last", str, "")
TYPE_SCALE = Key("present/type-scale", float, 1.0)
PRESENT_THEME = Key("present/theme", str, "light")
LAST_LESSON = Key("present/last-lesson", str, "")
LAST_STEP = Key("present/last-step", int, 1)
REVEAL_LESSONS = Key("present/reveal-lessons", list, [])
LAST_FACT = Key("present/last-fact", str, "")  # where "facts in time" was left, as an event id
LINK_CHART_TO_TIMELINE = Key("chart/link-to-timeline", bool, True)
CITATION_STYLE = Key("citations/style", str, "apa")

ALL_KEYS = tuple(v for v in list(globals().values()) if isinstance(v, Key))


class Settings:
    """Typed access to the settings file; every `set` is saved at once."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.config_dir() / "settings.json"
        self._values: dict[str, Any] = self._read()

    def _read(self) -> dict[str, Any]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.warning("Ignoring unreadable settings file %s: %s", self.path, error)
            return {}
        return raw if isinstance(raw, dict) else {}

    def get(self, key: Key) -> Any:
        value = self._values.get(key.name, key.default)
        if key.type is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        return value if isinstance(value, key.type) else key.default

    def set(self, key: Key, value: Any) -> None:
        if self._values.get(key.name) == value:
            return
        self._values[key.name] = value
        self.save()

    def save(self) -> None:
        """Write the file; a failure is logged, never fatal: the app keeps working."""
        text = json.dumps(self._values, indent=2, sort_keys=True, ensure_ascii=False)
        try:
            write_atomic(self.path, text + "\n")
        except WriteError as error:
            log.error("%s", error)
