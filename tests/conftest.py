"""Test set-up shared by the whole suite: headless Qt, isolated settings, datasets.

QT_QPA_PLATFORM and PYQTGRAPH_QT_LIB are set before anything imports Qt, so
every test renders offscreen and pyqtgraph binds to PySide6.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
DEFAULT_DATASET = ROOT / "data" / "fentanyl-crisis"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch) -> Path:
    """Every test gets its own settings, data and log folders."""
    home = tmp_path_factory.mktemp("factdeck-home")
    monkeypatch.setenv("FACTDECK_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """shared/ beside the checkout (present in CI); missing it is a loud failure, not a skip."""
    if not SHARED.is_dir():
        pytest.fail(f"{SHARED} is missing: the tests read the article and the reference from shared/")
    return SHARED


_loaded: dict[Path, object] = {}


def load_cached(folder: Path):
    """Load a dataset once per test session (datasets are immutable, so sharing is safe)."""
    from desktop.dataset.loader import load_dataset

    if folder not in _loaded:
        _loaded[folder] = load_dataset(folder)
    return _loaded[folder]


@pytest.fixture
def valid_dataset():
    return load_cached(FIXTURES / "valid")


@pytest.fixture
def default_dataset():
    return load_cached(DEFAULT_DATASET)


@pytest.fixture(scope="session", autouse=True)
def _session_font(qapp):
    """Every test sees the app's own font from the start, so no result depends on test order."""
    from desktop.app import register_fonts

    register_fonts()


@pytest.fixture
def app_font(qapp):
    return qapp.font()


def python_subprocess_env() -> dict[str, str]:
    """Environment for running `python -m desktop` in a child process in tests."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT)
    return env


PYTHON = sys.executable
