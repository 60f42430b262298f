"""Build the one-folder bundle with factdeck.spec and run the frozen app as a teacher's laptop would.

The build (~40–80 s) happens once per session, into a temporary folder.
The frozen binary then runs offscreen with --smoke-test, `validate` on the
bundled dataset and --screenshot, with FACTDECK_HOME pointing at a scratch
folder, and must write nothing into its own folder.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from packaging_support import ROOT, load_bundle_policy

pytestmark = pytest.mark.slow

policy = load_bundle_policy()
EXE_NAME = "Factdeck.exe" if sys.platform == "win32" else "Factdeck"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """dist/Factdeck, built from the working tree into a temporary folder."""
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(ROOT / "factdeck.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, f"PyInstaller failed:\n{result.stdout[-4000:]}\n{result.stderr[-8000:]}"
    folder = work / "dist" / "Factdeck"
    assert (folder / EXE_NAME).is_file(), f"no {EXE_NAME} in {folder}"
    return folder


def run_frozen(bundle: Path, *args: str, home: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "QT_"))}
    env.update(QT_QPA_PLATFORM="offscreen", FACTDECK_HOME=str(home))
    return subprocess.run([str(bundle / EXE_NAME), *args], capture_output=True, text=True, env=env,
                          cwd=home, timeout=120)


def listing(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def bundled_dataset(bundle: Path) -> Path:
    return bundle / "_internal" / "data" / "fentanyl-crisis"


def test_bundle_holds_only_allowlisted_qt_parts(bundle):
    allowed = policy.load_allowlist()
    found = policy.qt_components(bundle)
    extra = {entry: [str(p.relative_to(bundle)) for p in files] for entry, files in found.items() if entry not in allowed}
    assert not extra, f"Qt parts outside packaging/qt_allowlist.txt: {extra}"
    assert {"lib Core", "lib Widgets", "plugin platforms/qoffscreen"} <= set(found)


def test_bundle_carries_resources_data_and_licences(bundle):
    internal = bundle / "_internal"
    assert (internal / "resources" / "fonts" / "OFL.txt").is_file()
    assert (internal / "resources" / "icons" / "factdeck.png").is_file()
    assert (bundled_dataset(bundle) / "datapackage.json").is_file()
    assert (internal / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert (bundle / "LICENSE.txt").is_file()
    shipped = {p.name for p in (bundle / "licenses").iterdir()}
    assert shipped == {p.name for p in (ROOT / "resources" / "licenses").iterdir()}
    assert "Qt-PySide6-LGPL-3.0.txt" in shipped


def test_frozen_app_runs_and_writes_only_to_user_folders(bundle, tmp_path):
    before = listing(bundle)
    home = tmp_path / "home"
    home.mkdir()
    screenshot = tmp_path / "frozen.png"

    smoke = run_frozen(bundle, "--smoke-test", home=home)
    assert smoke.returncode == 0, smoke.stderr
    validate = run_frozen(bundle, "validate", str(bundled_dataset(bundle)), home=home)
    assert validate.returncode == 0, validate.stdout + validate.stderr
    shot = run_frozen(bundle, "--screenshot", str(screenshot), "--size", "1280x800", home=home)
    assert shot.returncode == 0, shot.stderr

    assert screenshot.stat().st_size > 10_000
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    image = QImage(str(screenshot))
    assert (image.width(), image.height()) == (1280, 800)
    assert listing(bundle) == before, "the frozen app wrote into its own folder"
    assert (home / "log" / "factdeck.log").is_file()  # its log went to the user's log folder


def test_frozen_validate_still_reports_a_broken_dataset(bundle, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "datapackage.json").write_text("{}", encoding="utf-8")
    result = run_frozen(bundle, "validate", str(broken), home=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr


def test_every_subcommand_is_in_the_bundle(bundle, tmp_path):
    """cli.py imports subcommands by name; each must have been frozen in (the spec reads cli.COMMANDS)."""
    from desktop.cli import COMMANDS

    for name in COMMANDS:
        result = run_frozen(bundle, name, "--help", home=tmp_path)
        assert result.returncode == 0, f"{name}: {result.stderr}"
    cite = run_frozen(bundle, "cite", "--all", "--style", "apa", home=tmp_path)
    assert cite.returncode == 0 and "National Institute on Drug Abuse" in cite.stdout, cite.stderr
    csv_out = tmp_path / "values.csv"
    export = run_frozen(bundle, "export", "csv", "--out", str(csv_out), home=tmp_path)
    assert export.returncode == 0 and csv_out.stat().st_size > 0, export.stderr


def test_spanish_translations_ship(bundle):
    """Factdeck's own Spanish strings and Qt's (standard buttons, key names) are both in the bundle."""
    names = {p.name for p in bundle.rglob("*.qm")}
    assert {"factdeck_es.qm", "qtbase_es.qm"} <= names, sorted(names)
