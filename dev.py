#!/usr/bin/env python3
"""Set up Factdeck on first use, then open it or test it.

    python3 dev.py          set up (first time only) and open the app
    python3 dev.py test     set up (first time only) and run every test headless
    python3 dev.py bench    run the benchmark suite
    python3 dev.py screenshot   re-render docs/screenshot.png, the README's picture

Set-up makes a virtual environment in .venv and installs the project with its
test extra into it. It runs again only when pyproject.toml changes. Nothing is
installed outside this folder.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".factdeck-installed"


def _venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _wanted_stamp() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return f"{digest} {sys.version_info[:2]}"


def ensure_environment() -> Path:
    """Create .venv and install the project into it when it is missing or stale."""
    if sys.version_info < (3, 11):
        sys.exit(f"Factdeck needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    python = _venv_python()
    if STAMP.exists() and python.exists() and STAMP.read_text() == _wanted_stamp():
        return python
    if not python.exists():
        print("Setting up Factdeck in .venv (first run only) …", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.check_call(pip + ["install", "--upgrade", "pip"])
    subprocess.check_call(pip + ["install", "-e", f"{ROOT}[test,package]"])
    STAMP.write_text(_wanted_stamp())
    return python


def main(argv: list[str]) -> int:
    python = ensure_environment()
    command = argv[0] if argv else "run"
    rest = argv[1:]
    if command == "run":
        return subprocess.call([str(python), "-m", "desktop", *rest], cwd=ROOT)
    if command == "test":
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        return subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)
    if command == "screenshot":
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        return subprocess.call([str(python), "-m", "desktop", "--screenshot", str(ROOT / "docs" / "screenshot.png"),
                                "--size", "1600x1000", "--select", "synthetic-opioid-deaths@2018"], cwd=ROOT, env=env)
    if command == "bench":
        return subprocess.call([str(python), "-m", "desktop.bench", *rest], cwd=ROOT)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as error:
        sys.exit(f"Set-up failed: {error}. Check the network connection to PyPI and run again.")
