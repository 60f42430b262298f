"""Load packaging/bundle_policy.py by its path.

packaging/ at the repository root is deliberately not a Python package (the
name would shadow the `packaging` library PyInstaller and pytest import), so
the tests load the module from its file.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_bundle_policy():
    """The packaging/bundle_policy module, loaded once."""
    if "factdeck_bundle_policy" not in sys.modules:
        spec = importlib.util.spec_from_file_location("factdeck_bundle_policy", ROOT / "packaging" / "bundle_policy.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    return sys.modules["factdeck_bundle_policy"]
