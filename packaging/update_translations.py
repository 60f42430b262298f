"""Extract every interface string into resources/translations/factdeck_es.ts and build factdeck_es.qm.

    .venv/bin/python packaging/update_translations.py            # extract, merge, build the .qm
    .venv/bin/python packaging/update_translations.py --check    # exit 1 if a string is missing or unfinished

Why not `pyside6-lupdate`: it knows `self.tr()` and `QCoreApplication.translate()`
but not this code base's one-line helpers (`def tr(text): return
QCoreApplication.translate("TimelinePane", text)`, imported by other modules),
so it misses most strings or files them under the wrong context. This reads
the sources with Python's `ast` and knows four forms:

* `self.tr("…")` (also `tr = self.tr; tr("…")`): the context is the class the
  call is written in (PySide6 looks a subclass's strings up there too);
* `QCoreApplication.translate("ctx", "…")` (also QApplication/QGuiApplication,
  and a local `tr = QCoreApplication.translate`);
* a module-level helper whose body is `return QCoreApplication.translate("ctx", text)`,
  called in its module or wherever it is imported;
* `QT_TRANSLATE_NOOP("ctx", "…")` for strings kept in tables and translated later.

A call whose text is not a literal cannot be extracted; `--check` lists them.
The merge keeps every existing translation; strings no longer in the sources
stay in the file marked "vanished" (lrelease skips them) so a string that
comes back keeps its translation. `pyside6-lrelease` then builds the .qm,
which is committed so neither the app nor the bundle needs build tools.
"""
from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "desktop"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("es",)
_APPS = {"QCoreApplication", "QApplication", "QGuiApplication"}

Key = tuple[str, str, str]  # context, source text, disambiguation comment


@dataclass
class Extraction:
    """What the sources ask to translate: each message with where it is written, and calls that cannot be read."""

    messages: dict[Key, list[tuple[str, int]]] = field(default_factory=dict)
    dynamic: list[tuple[str, int, str]] = field(default_factory=list)  # file, line, the call

    def add(self, key: Key, where: tuple[str, int]) -> None:
        self.messages.setdefault(key, []).append(where)


# ---- extraction ----------------------------------------------------------------------
def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_translate(node: ast.AST) -> bool:
    """`QCoreApplication.translate` (or QApplication's, QGuiApplication's)."""
    return (isinstance(node, ast.Attribute) and node.attr == "translate"
            and isinstance(node.value, ast.Name) and node.value.id in _APPS)


def _helper_context(func: ast.FunctionDef) -> str | None:
    """The context of `def tr(text): return QCoreApplication.translate("ctx", text)`, else None."""
    if len(func.args.args) != 1 or len(func.body) != 1 or not isinstance(func.body[0], ast.Return):
        return None
    call = func.body[0].value
    if not (isinstance(call, ast.Call) and _is_translate(call.func) and len(call.args) == 2):
        return None
    context = _literal(call.args[0])
    param = func.args.args[0].arg
    return context if context is not None and isinstance(call.args[1], ast.Name) and call.args[1].id == param else None


def module_name(path: Path, root: Path) -> str:
    return ".".join(path.relative_to(root.parent).with_suffix("").parts)


def _helpers(trees: dict[str, ast.Module]) -> dict[str, dict[str, str]]:
    """Per module: helper function name → its context, including helpers imported from other modules."""
    own = {name: {f.name: c for f in tree.body if isinstance(f, ast.FunctionDef) and (c := _helper_context(f))}
           for name, tree in trees.items()}
    found = {name: dict(helpers) for name, helpers in own.items()}
    for name, tree in trees.items():
        package = name.rsplit(".", 1)[0]
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                base = package
                for _ in range(max(node.level - 1, 0)):
                    base = base.rsplit(".", 1)[0]
                source = (f"{base}.{node.module}" if node.module else base) if node.level else node.module
                for alias in node.names:
                    context = own.get(source, {}).get(alias.name)
                    if context:
                        found[name][alias.asname or alias.name] = context
    return found


class _Visitor(ast.NodeVisitor):
    def __init__(self, helpers: dict[str, str], where: str, out: Extraction) -> None:
        self.helpers, self.where, self.out = helpers, where, out
        self.classes: list[str] = []
        self.scopes: list[dict[str, str]] = [{}]  # local name → "self.tr" or "translate"

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802 - ast API
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def _function(self, node) -> None:
        if not self.classes and isinstance(node, ast.FunctionDef) and _helper_context(node):
            return  # the helper's own `translate(ctx, text)` is not a message
        self.scopes.append({})
        self.generic_visit(node)
        self.scopes.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = _function  # noqa: N815 - ast API

    def visit_Assign(self, node: ast.Assign) -> None:  # noqa: N802 - ast API
        value = node.value
        kind = None
        if _is_translate(value):
            kind = "translate"
        elif isinstance(value, ast.Attribute) and value.attr == "tr" and isinstance(value.value, ast.Name) and value.value.id in ("self", "cls"):
            kind = "self.tr"
        if kind:
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.scopes[-1][target.id] = kind
        self.generic_visit(node)

    def _local(self, name: str) -> str | None:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        return None

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802 - ast API
        func = node.func
        form = None  # "class": (text[, comment]); "two": (context, text[, comment]); a context: helper(text)
        if isinstance(func, ast.Attribute) and func.attr == "tr" and isinstance(func.value, ast.Name) and func.value.id in ("self", "cls"):
            form = "class"
        elif _is_translate(func):
            form = "two"
        elif isinstance(func, ast.Name):
            local = self._local(func.id)
            if local == "self.tr":
                form = "class"
            elif local == "translate":
                form = "two"
            elif func.id in ("QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"):
                form = "two"
            elif func.id in self.helpers:
                form = self.helpers[func.id]
        if form is not None:
            self._record(node, form)
        self.generic_visit(node)

    def _record(self, node: ast.Call, form: str) -> None:
        args = node.args
        if form == "class":
            context = self.classes[-1] if self.classes else None
            text, comment = (_literal(args[0]) if args else None), (_literal(args[1]) if len(args) > 1 else "")
        elif form == "two":
            context = _literal(args[0]) if args else None
            text, comment = (_literal(args[1]) if len(args) > 1 else None), (_literal(args[2]) if len(args) > 2 else "")
        else:
            context, text, comment = form, (_literal(args[0]) if args else None), ""
        if context is None or text is None or comment is None:
            self.out.dynamic.append((self.where, node.lineno, ast.unparse(node)[:120]))
            return
        self.out.add((context, text, comment), (self.where, node.lineno))


def extract(source_root: Path = SOURCES) -> Extraction:
    """Every translatable message in the Python files under `source_root`."""
    files = sorted(source_root.rglob("*.py"))
    trees = {module_name(f, source_root): ast.parse(f.read_text(encoding="utf-8"), filename=str(f)) for f in files}
    helpers = _helpers(trees)
    out = Extraction()
    for path in files:
        name = module_name(path, source_root)
        where = path.relative_to(source_root.parent).as_posix()
        _Visitor(helpers[name], where, out).visit(trees[name])
    return out


# ---- the .ts file ------------------------------------------------------------------------
@dataclass
class Entry:
    """One message of a .ts file."""

    translation: str
    state: str  # "" (finished), "unfinished", "vanished", "obsolete"


def read_ts(path: Path) -> dict[Key, Entry]:
    """The messages of a .ts file by (context, source, comment)."""
    if not path.is_file():
        return {}
    entries: dict[Key, Entry] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            entries[key] = Entry(translation.text or "" if translation is not None else "",
                                 translation.get("type", "") if translation is not None else "unfinished")
    return entries


def merge(extraction: Extraction, old: dict[Key, Entry]) -> dict[Key, Entry]:
    """The new file's messages: every extracted one (keeping its translation), then the vanished ones."""
    merged: dict[Key, Entry] = {}
    for key in extraction.messages:
        entry = old.get(key)
        if entry is not None and entry.translation:
            merged[key] = Entry(entry.translation, "" if entry.state in ("", "vanished", "obsolete") else entry.state)
        else:
            merged[key] = Entry("", "unfinished")
    for key, entry in old.items():
        if key not in merged and entry.translation:
            merged[key] = Entry(entry.translation, "vanished")
    return merged


def write_ts(path: Path, language: str, entries: dict[Key, Entry], extraction: Extraction) -> None:
    """Write a Qt Linguist .ts file: contexts and messages sorted, so diffs stay small."""
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    by_context: dict[str, list[Key]] = {}
    for key in entries:
        by_context.setdefault(key[0], []).append(key)
    for name in sorted(by_context):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for key in sorted(by_context[name], key=lambda k: (k[1], k[2])):
            message = ET.SubElement(context, "message")
            for file, _line in extraction.messages.get(key, [])[:3]:
                # File only: line numbers would change the file on every unrelated edit.
                ET.SubElement(message, "location", filename=f"../../{file}")
            ET.SubElement(message, "source").text = key[1]
            if key[2]:
                ET.SubElement(message, "comment").text = key[2]
            entry = entries[key]
            translation = ET.SubElement(message, "translation")
            translation.text = entry.translation
            if entry.state:
                translation.set("type", entry.state)
    ET.indent(root, space="    ")
    text = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode") + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def lrelease() -> str:
    """The lrelease tool PySide6 ships (beside this Python), or one on PATH."""
    candidate = Path(sys.executable).parent / "pyside6-lrelease"
    found = str(candidate) if candidate.is_file() else shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise SystemExit("update_translations: pyside6-lrelease not found; install PySide6-Essentials")
    return found


def build_qm(ts: Path, qm: Path) -> None:
    subprocess.run([lrelease(), "-silent", "-nounfinished", str(ts), "-qm", str(qm)], check=True)


def problems(extraction: Extraction, entries: dict[Key, Entry]) -> list[str]:
    """Why the .ts is not complete for these sources (empty when it is)."""
    found = []
    for key in extraction.messages:
        entry = entries.get(key)
        if entry is None:
            found.append(f"missing: [{key[0]}] {key[1]!r}")
        elif entry.state or not entry.translation:
            found.append(f"not translated: [{key[0]}] {key[1]!r}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a string is missing or unfinished")
    options = parser.parse_args(argv)
    extraction = extract()
    status = 0
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"factdeck_{language}.ts"
        old = read_ts(ts)
        if options.check:
            found = problems(extraction, old)
            for line in found:
                print(f"{ts.name}: {line}")
            status = status or (1 if found else 0)
            continue
        merged = merge(extraction, old)
        write_ts(ts, language, merged, extraction)
        build_qm(ts, ts.with_suffix(".qm"))
        unfinished = sum(1 for e in merged.values() if e.state == "unfinished")
        print(f"{ts.relative_to(ROOT)}: {len(extraction.messages)} strings, {unfinished} to translate")
    for file, line, call in extraction.dynamic:
        print(f"{file}:{line}: not extractable (the text is not a literal): {call}", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
