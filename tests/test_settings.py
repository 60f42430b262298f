"""Settings: typed, defaulted, saved atomically, tolerant of a damaged file."""
from __future__ import annotations

import json

from desktop import settings as keys
from desktop.settings import Settings


def test_defaults_when_no_file(tmp_path):
    store = Settings(tmp_path / "s.json")
    assert store.get(keys.TYPE_SCALE) == 1.0
    assert store.get(keys.LINK_CHART_TO_TIMELINE) is True


def test_values_survive_a_restart(tmp_path):
    Settings(tmp_path / "s.json").set(keys.TYPE_SCALE, 1.5)
    assert Settings(tmp_path / "s.json").get(keys.TYPE_SCALE) == 1.5


def test_damaged_file_and_wrong_types_fall_back_to_defaults(tmp_path):
    path = tmp_path / "s.json"
    path.write_text("{not json")
    assert Settings(path).get(keys.LAST_STEP) == 1
    path.write_text(json.dumps({keys.LAST_STEP.name: "three"}))
    assert Settings(path).get(keys.LAST_STEP) == 1


def test_layout_keys_are_versioned():
    assert f"/v{keys.LAYOUT_VERSION}/" in keys.WINDOW_GEOMETRY.name
    assert len({k.name for k in keys.ALL_KEYS}) == len(keys.ALL_KEYS)
