"""The broken-dataset corpus of tests/fixtures/broken/ (see tests/fixtures/README.md)."""
from __future__ import annotations

import importlib.util
import shutil
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
VALID = FIXTURES / "valid"
BROKEN = FIXTURES / "broken"
SPECIAL = {"expected.txt", "make.py"}


@dataclass
class Case:
    """One broken dataset: valid/ with some files replaced or deleted, and the exact report expected."""

    name: str
    folder: Path
    rule: str
    delete: list[str]
    expected: list[str]


def load_case(folder: Path) -> Case:
    head, _, body = folder.joinpath("expected.txt").read_text(encoding="utf-8").partition("\n\n")
    fields: dict[str, list[str]] = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        fields.setdefault(key.strip(), []).append(value.strip())
    return Case(folder.name, folder, fields["rule"][0], fields.get("delete", []),
                [line for line in body.splitlines() if line])


def cases() -> list[Case]:
    return [load_case(folder) for folder in sorted(BROKEN.iterdir()) if folder.is_dir()]


def materialise(case: Case, target: Path) -> Path:
    """Copy valid/ to `target`, apply the case, return the folder."""
    shutil.copytree(VALID, target)
    for name in case.delete:
        (target / name).unlink()
    for path in case.folder.iterdir():
        if path.name not in SPECIAL:
            shutil.copyfile(path, target / path.name)
    maker = case.folder / "make.py"
    if maker.exists():
        spec = importlib.util.spec_from_file_location(f"make_{case.name.replace('-', '_')}", maker)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.make(target)
    return target
