"""Every file Factdeck writes goes through fileio.write_atomic: the source is read to prove it.

The test parses every module of desktop/ and lists each way of writing a file
directly: open() or Path.open() for writing, write_text/write_bytes, QFile,
QSaveFile, a .save() or QPdfWriter or exporter.export() given a file name
instead of a buffer, renames and copies, and temporary files. Each must be in
ALLOWED with the reason it is safe; anything new fails until it goes through
write_atomic (render to a QBuffer, then write_atomic the bytes) or earns an
entry. An entry that no longer matches anything fails too, so the list stays true.
"""
from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

DESKTOP = ROOT / "desktop"

# (module, kind) → why writing directly is right there.
ALLOWED: dict[tuple[str, str], str] = {
    ("desktop/errors.py", "open-for-writing"):
        "the log is appended to, never replaced, and faulthandler needs a stream that stays open",
    ("desktop/startup_failure.py", "open-for-writing"):
        "the start-up failure log is appended to, never replaced; faulthandler needs an open stream",
    ("desktop/ui/authoring_actions.py", "write_bytes"):
        "copies a draft into a TemporaryDirectory to validate it; the folder is deleted at once",
    ("desktop/ui/authoring_actions.py", "save-to-file"):
        "saving.save(draft) is the authoring saver, which writes every file with write_atomic",
    ("desktop/dataset/authoring/draft.py", "write_bytes"):
        "copies a draft into a TemporaryDirectory to validate it; the folder is deleted at once",
    ("desktop/dataset/export_data.py", "rename"):
        "a Data Package folder, each file already written with write_atomic in a temporary folder beside "
        "the target, is renamed into place whole (the old folder is moved aside and restored on failure)",
    ("desktop/dataset/export_data.py", "temporary-file"):
        "the temporary folder beside the target that the package is built in",
    ("desktop/fileio.py", "temporary-file"): "the atomic writer itself",
    ("desktop/fileio.py", "rename"): "the atomic writer itself",
    ("desktop/bench/data.py", "open-for-writing"):
        "developer benchmark tool (not the app): writes a synthetic dataset into a new folder renamed when complete",
    ("desktop/bench/data.py", "rename"): "developer benchmark tool: the finished synthetic dataset folder",
    ("desktop/bench/data.py", "temporary-file"): "developer benchmark tool: the folder the synthetic dataset is built in",
    ("desktop/bench/runner.py", "write_text"): "developer benchmark tool (not the app): its JSON report",
}

_WRITE_MODES = set("wax+")
_RENAMES = {("os", "replace"), ("os", "rename"), ("shutil", "move"), ("shutil", "copy"), ("shutil", "copyfile"),
            ("shutil", "copy2"), ("shutil", "copytree")}
_TEMPS = {"mkstemp", "mkdtemp", "NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile"}


def _mode(call: ast.Call, position: int) -> str | None:
    if len(call.args) > position and isinstance(call.args[position], ast.Constant):
        return str(call.args[position].value)
    for keyword in call.keywords:
        if keyword.arg == "mode" and isinstance(keyword.value, ast.Constant):
            return str(keyword.value.value)
    return None


def _bufferish(node: ast.AST) -> bool:
    """A QBuffer (named so) or an in-memory target, never a file name."""
    text = ast.unparse(node).lower()
    return "buffer" in text or "bytes" in text


def kinds_of(call: ast.Call) -> list[str]:
    """The direct-write kinds one call is (usually none)."""
    func = call.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
    found = []
    if name == "open" and isinstance(func, ast.Name):
        mode = _mode(call, 1)
        if mode and _WRITE_MODES & set(mode):
            found.append("open-for-writing")
    elif name == "open" and isinstance(func, ast.Attribute):
        mode = _mode(call, 0)  # Path.open("w")
        if mode and _WRITE_MODES & set(mode):
            found.append("open-for-writing")
    if name in ("write_text", "write_bytes"):
        found.append(name)
    if name in ("QFile", "QSaveFile", "QImageWriter", "QSvgGenerator"):
        found.append(name)
    if name == "QPdfWriter" and not (call.args and _bufferish(call.args[0])):
        found.append("QPdfWriter-to-file")
    if name == "save" and call.args and not _bufferish(call.args[0]):
        found.append("save-to-file")
    if name == "export" and not any(k.arg == "toBytes" for k in call.keywords) and (call.args or call.keywords):
        found.append("export-to-file")
    if (owner, name) in _RENAMES or (name == "rename" and isinstance(func, ast.Attribute) and owner != "os"):
        found.append("rename")
    if name in _TEMPS:
        found.append("temporary-file")
    return found


def direct_writes() -> dict[tuple[str, str], list[str]]:
    """(module, kind) → the lines that write directly, over all of desktop/."""
    found: dict[tuple[str, str], list[str]] = {}
    for path in sorted(DESKTOP.rglob("*.py")):
        module = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=module)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for kind in kinds_of(node):
                    found.setdefault((module, kind), []).append(f"{module}:{node.lineno}: {ast.unparse(node)[:100]}")
    return found


def test_every_direct_write_is_allowed_for_a_reason():
    unexplained = {key: lines for key, lines in direct_writes().items() if key not in ALLOWED}
    assert unexplained == {}, (
        "write these through desktop.fileio.write_atomic (render to a QBuffer first), "
        "or add them to ALLOWED with the reason:\n" + "\n".join(line for lines in unexplained.values() for line in lines))


def test_the_allow_list_has_no_stale_entries():
    found = direct_writes()
    stale = [key for key in ALLOWED if key not in found]
    assert stale == []


def test_the_audit_catches_each_kind_of_direct_write():
    """The detector itself: each forbidden pattern is seen, the safe forms are not."""
    cases = {
        'open(p, "w")': ["open-for-writing"], 'open(p, mode="ab")': ["open-for-writing"], "open(p)": [],
        'path.open("w", newline="")': ["open-for-writing"], "path.write_text(t)": ["write_text"],
        "path.write_bytes(b)": ["write_bytes"], "QSaveFile(name)": ["QSaveFile"], "QFile(name)": ["QFile"],
        'image.save(str(target), "PNG")': ["save-to-file"], 'image.save(buffer, "PNG")': [],
        "painter.save()": [], "QPdfWriter(str(target))": ["QPdfWriter-to-file"], "QPdfWriter(buffer)": [],
        "exporter.export(str(target))": ["export-to-file"], "exporter.export(toBytes=True)": [],
        "os.replace(a, b)": ["rename"], "shutil.move(a, b)": ["rename"], "path.rename(other)": ["rename"],
        "tempfile.mkstemp(dir=d)": ["temporary-file"],
    }
    for source, expected in cases.items():
        call = ast.parse(source, mode="eval").body
        assert kinds_of(call) == expected, source


def test_the_apps_writers_use_write_atomic():
    """The writers a user meets (settings, screenshots, exports, bibliography, authoring) import it."""
    for module in ("desktop/settings.py", "desktop/app.py", "desktop/ui/chart_export.py", "desktop/ui/citation_export.py",
                   "desktop/export/handout.py", "desktop/dataset/export_data.py", "desktop/dataset/authoring/saving.py"):
        assert "write_atomic(" in (ROOT / module).read_text(encoding="utf-8"), module
