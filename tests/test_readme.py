"""The README's promises that a test can hold: its picture and its two Quick-start commands."""
from __future__ import annotations

import re

from PySide6.QtGui import QImage

from conftest import ROOT


def test_readme_opens_with_the_app_screenshot():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_image = re.search(r"!\[[^\]]*\]\(([^)]+)\)", readme)
    assert first_image and first_image.group(1) == "docs/screenshot.png"
    assert readme.index(first_image.group(0)) < readme.index("## Quick start")
    image = QImage(str(ROOT / "docs" / "screenshot.png"))
    assert (image.width(), image.height()) == (1600, 1000)  # as `python3 dev.py screenshot` renders it


def test_quick_start_has_exactly_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.split("#")[0].strip()]
    assert commands == ["python3 dev.py", "python3 dev.py test"]
