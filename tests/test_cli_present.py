"""`--present --lesson ID --step N` from the command line: the slide as a PNG, and clear misuse errors."""
from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QImage

from conftest import FIXTURES
from test_cli import run_factdeck

VALID = str(FIXTURES / "valid")


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1920, 1080)])
def test_present_screenshot_is_the_slide_at_exactly_the_asked_size(isolated_home, tmp_path, size):
    # The dark projector theme makes the slide tell-tale: its background is black, a normal window's is not.
    config = isolated_home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"present/theme": "dark"}), encoding="utf-8")
    out = tmp_path / "slide.png"
    result = run_factdeck("--dataset", VALID, "--present", "--lesson", "three-waves", "--step", "2",
                          "--screenshot", str(out), "--size", f"{size[0]}x{size[1]}", home=isolated_home)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == size
    assert image.pixel(size[0] // 2, size[1] - 3) & 0xFFFFFF == 0x000000  # the presentation bar, dark
    saved = json.loads((config / "settings.json").read_text(encoding="utf-8"))
    assert saved["present/last-lesson"] == "three-waves" and saved["present/last-step"] == 2


def test_unknown_lesson_is_misuse_and_names_the_lessons(isolated_home, tmp_path):
    result = run_factdeck("--dataset", VALID, "--present", "--lesson", "three-wave", "--screenshot",
                          str(tmp_path / "x.png"), home=isolated_home)
    assert result.returncode == 2
    assert "--lesson three-wave: no such lesson" in result.stderr and "three-waves, supply" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_step_out_of_range_is_misuse(isolated_home, tmp_path):
    result = run_factdeck("--dataset", VALID, "--present", "--lesson", "supply", "--step", "3", "--screenshot",
                          str(tmp_path / "x.png"), home=isolated_home)
    assert result.returncode == 2
    assert "--step 3: lesson supply has steps 1 to 2" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args, message", [
    (["--lesson", "supply", "--smoke-test"], "--lesson goes with --present"),
    (["--present", "--step", "2", "--smoke-test"], "--step goes with --lesson"),
    (["--present", "--lesson", "supply", "--step", "0", "--smoke-test"], "steps count from 1"),
    (["--present", "--lesson", "supply", "--step", "two", "--smoke-test"], "not a step number"),
])
def test_flags_used_wrongly_exit_2(isolated_home, args, message):
    result = run_factdeck("--dataset", VALID, *args, home=isolated_home)
    assert result.returncode == 2
    assert message in result.stderr
