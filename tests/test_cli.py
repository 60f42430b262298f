"""The command line as a user types it: exit codes, messages, screenshots."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from conftest import DEFAULT_DATASET, FIXTURES, ROOT, python_subprocess_env


def run_factdeck(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = python_subprocess_env()
    env["FACTDECK_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)


def test_validate_default_dataset_is_clean(isolated_home):
    result = run_factdeck("validate", str(DEFAULT_DATASET), home=isolated_home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_validate_reports_problems_with_exit_1(isolated_home, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "datapackage.json").write_text("{}", encoding="utf-8")
    result = run_factdeck("validate", str(broken), home=isolated_home)
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("datapackage.json:"), result.stdout


def test_validate_several_names_each_folder(isolated_home, tmp_path):
    result = run_factdeck("validate", str(FIXTURES / "valid"), str(DEFAULT_DATASET), home=isolated_home)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [f"{FIXTURES / 'valid'}: valid", f"{DEFAULT_DATASET}: valid"]


@pytest.mark.parametrize("args", [
    ["validate", "/no/such/folder"],
    ["validate"],
    ["--no-such-flag"],
    ["--size", "big", "--screenshot", "x.png"],
    ["--dataset", "/no/such/folder", "--smoke-test"],
])
def test_misuse_exits_2_with_a_message(isolated_home, args):
    result = run_factdeck(*args, home=isolated_home)
    assert result.returncode == 2
    assert result.stderr.strip()
    assert "Traceback" not in result.stderr


def test_validate_a_file_not_a_folder_is_misuse(isolated_home):
    result = run_factdeck("validate", str(DEFAULT_DATASET / "events.csv"), home=isolated_home)
    assert result.returncode == 2
    assert "not a folder" in result.stderr


def test_screenshot_writes_a_png_of_the_asked_size(isolated_home, tmp_path):
    out = tmp_path / "shot.png"
    result = run_factdeck("--screenshot", str(out), "--size", "1280x720", home=isolated_home)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)


def test_smoke_test_succeeds_on_the_default_dataset(isolated_home):
    result = run_factdeck("--smoke-test", home=isolated_home)
    assert result.returncode == 0, result.stderr


def test_unknown_select_target_is_misuse_with_suggestion(isolated_home):
    result = run_factdeck("--smoke-test", "--select", "no-such-fact", home=isolated_home)
    assert result.returncode == 2
    assert "no-such-fact" in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_dataset_is_refused_with_the_list_and_exit_1(isolated_home, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "datapackage.json").write_text("[1, 2", encoding="utf-8")
    result = run_factdeck("--dataset", str(broken), "--smoke-test", home=isolated_home)
    assert result.returncode == 1
    assert "datapackage.json:" in result.stderr
    assert "Traceback" not in result.stderr


def test_screenshot_into_missing_folder_fails_clearly(isolated_home, tmp_path):
    result = run_factdeck("--screenshot", str(tmp_path / "nope" / "x.png"), home=isolated_home)
    assert result.returncode == 1
    assert "does not exist" in result.stderr


def test_no_display_gives_a_readable_message(isolated_home):
    env = python_subprocess_env()
    env["FACTDECK_HOME"] = str(isolated_home)
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    if not sys.platform.startswith("linux"):
        pytest.skip("the display check is for Linux")
    result = subprocess.run([sys.executable, "-m", "desktop"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert result.returncode == 1
    assert "no display found" in result.stderr
