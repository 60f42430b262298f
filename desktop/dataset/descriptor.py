"""datapackage.json: strict JSON, then the few keys the contract checks.

Only `name`, `title` and each resource's `name` and `path` are checked; the
Table Schema and the other Data Package keys are for generic tools.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .contract import DESCRIPTOR_FILE, ID_MAX, MAX_DESCRIPTOR_BYTES, MAX_JSON_DEPTH, TABLES_BY_NAME
from .problems import Problem

_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")
_CONSTANT = re.compile(r"-?\b(?:NaN|Infinity)\b")
SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


class _Refused(ValueError):
    """A JSON constant (NaN, Infinity) that strict JSON does not have."""


class _Object(dict):
    """A JSON object that remembers which of its keys were written more than once."""

    duplicates: list[str]


def _pairs(pairs: list[tuple[str, object]]) -> _Object:
    obj = _Object()
    obj.duplicates = []
    for key, value in pairs:
        if key in obj:
            obj.duplicates.append(key)
        obj[key] = value
    return obj


def _refuse(name: str) -> object:
    raise _Refused(name)


def read_descriptor(path: Path, present: set[str]) -> tuple[dict | None, list[Problem]]:
    """Read and check datapackage.json against the tables present (by name); never raises."""
    problems: list[Problem] = []

    def problem(line: int | None, column: str | None, message: str, rule: str) -> None:
        problems.append(Problem(DESCRIPTOR_FILE, line, column, message, rule))

    text = _read_text(path, problem)
    if text is None:
        return None, problems
    masked = _STRING.sub(lambda m: '"' + "x" * (len(m.group()) - 2) + '"', text)
    if not _depth_ok(masked, problem):
        return None, problems
    try:
        value = json.loads(text, object_pairs_hook=_pairs, parse_constant=_refuse)
    except _Refused as error:
        found = _CONSTANT.search(masked)
        line = masked.count("\n", 0, found.start()) + 1 if found else None
        problem(line, None, f"{error} is not allowed in JSON; write a number or null", "json-syntax")
        return None, problems
    except json.JSONDecodeError as error:
        problem(error.lineno, None, _syntax_message(error, masked), "json-syntax")
        return None, problems
    except (RecursionError, ValueError) as error:
        problem(None, None, f"this is not valid JSON ({error})", "json-syntax")
        return None, problems
    _duplicates(value, "", masked, problem)
    if not isinstance(value, dict):
        kind = type(value).__name__.replace("list", "a list").replace("str", "a string")
        problem(None, None, f"datapackage.json must hold a JSON object {{…}}, not {kind}", "descriptor-object")
        return None, problems
    _check(value, present, problem)
    return (None if problems else _plain(value)), problems


def _read_text(path: Path, problem) -> str | None:
    try:
        if not path.is_file():
            problem(None, None, "this is not a file (a folder?); it must be a JSON file", "file-unreadable")
            return None
        size = path.stat().st_size
        if size > MAX_DESCRIPTOR_BYTES:
            problem(None, None, (f"this file has {size:,} bytes; datapackage.json may have at most "
                                 f"{MAX_DESCRIPTOR_BYTES:,} (MAX_DESCRIPTOR_BYTES)"), "file-too-large")
            return None
        data = path.read_bytes()
    except OSError as error:
        problem(None, None, f"this file cannot be read: {error.strerror or error}", "file-unreadable")
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problem(1, None, "this file is saved as UTF-16; save it as UTF-8", "encoding")
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problem(line, None, (f"this file is not UTF-8: byte 0x{data[error.start]:02X} on this line "
                             "is not valid UTF-8; save it as UTF-8"), "encoding")
        return None


def _depth_ok(masked: str, problem) -> bool:
    # json.loads recurses once per level; refuse deep nesting before it can run out of stack.
    depth = 0
    for match in _BRACKET.finditer(masked):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_JSON_DEPTH:
            line = masked.count("\n", 0, match.start()) + 1
            problem(line, None, f"the JSON nests deeper than {MAX_JSON_DEPTH} levels here; "
                                "a descriptor is never that deep", "json-too-deep")
            return False
    return True


def _syntax_message(error: json.JSONDecodeError, masked: str) -> str:
    before = masked[:error.pos].rstrip()
    here = masked[error.pos:error.pos + 1]
    if before.endswith(",") and here in ("}", "]"):
        return f"a comma before '{here}' (a trailing comma) is not allowed in JSON; delete it"
    if not masked.strip():
        return "this file is empty; it must hold a JSON object with name, title and resources"
    return f"this is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"


def _duplicates(value: object, path: str, masked: str, problem) -> None:
    if isinstance(value, _Object):
        for key in value.duplicates:
            hits = [m.start() for m in re.finditer(re.escape(json.dumps(key)) + r"\s*:", masked)]
            line = masked.count("\n", 0, hits[1]) + 1 if len(hits) == 2 else None
            problem(line, _join(path, key), f'the key "{key}" appears more than once in the same object; '
                                             "keep one", "json-duplicate-key")
        for key, item in value.items():
            _duplicates(item, _join(path, key), masked, problem)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _duplicates(item, f"{path}[{i}]", masked, problem)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _check(value: dict, present: set[str], problem) -> None:
    name = value.get("name")
    if name is None:
        problem(None, "name", "datapackage.json needs a \"name\": the dataset's id, like \"fentanyl-crisis\"",
                "descriptor-name")
    elif not isinstance(name, str) or not SLUG.fullmatch(name) or len(name) > ID_MAX:
        problem(None, "name", (f"{json.dumps(name)} is not an id; write lower-case letters, digits and '-' "
                               f"(at most {ID_MAX}), like \"fentanyl-crisis\""), "descriptor-name")
    title = value.get("title")
    if not isinstance(title, str) or not title.strip():
        problem(None, "title", "datapackage.json needs a \"title\": the dataset's name as people read it",
                "descriptor-title")
    resources = value.get("resources")
    if not isinstance(resources, list):
        what = "is missing" if resources is None else "must be a list [...]"
        problem(None, "resources", f"\"resources\" {what}: one entry per table, like "
                                   '{"name": "events", "path": "events.csv"}', "descriptor-resources")
        return
    listed: set[str] = set()
    for i, entry in enumerate(resources):
        where = f"resources[{i}]"
        if not isinstance(entry, dict):
            problem(None, where, 'each resource must be an object like {"name": "events", "path": "events.csv"}',
                    "descriptor-resources")
            continue
        rname = entry.get("name")
        if not isinstance(rname, str) or rname not in TABLES_BY_NAME:
            choices = ", ".join(TABLES_BY_NAME)
            problem(None, f"{where}.name", f"{json.dumps(rname)} is not a table; use one of {choices}",
                    "resource-name")
            continue
        if rname in listed:
            problem(None, f"{where}.name", f'"{rname}" is listed twice; list each table once', "resource-name")
            continue
        listed.add(rname)
        if rname not in present:
            problem(None, f"{where}.name", f'"{rname}" is listed but there is no {rname}.csv in the folder; '
                                           "add the file or remove the entry", "resource-name")
        _check_path(entry.get("path"), rname, f"{where}.path", problem)
    for table in sorted(present - listed, key=list(TABLES_BY_NAME).index):
        problem(None, "resources", f'{table}.csv is in the folder but not listed; add '
                                   f'{{"name": "{table}", "path": "{table}.csv"}}', "resource-unlisted")


def _check_path(path: object, name: str, where: str, problem) -> None:
    wanted = f"{name}.csv"
    if path == wanted:
        return
    if not isinstance(path, str):
        why = "is missing" if path is None else "must be a text"
    elif "://" in path or path.lower().startswith(("http:", "https:", "ftp:", "file:", "data:")):
        why = "is a URL; the app reads only local files"
    elif ".." in path.replace("\\", "/").split("/"):
        why = "leaves the dataset folder ('..'); the app reads only this folder"
    elif "/" in path or "\\" in path:
        why = "names a folder; the table must sit beside datapackage.json"
    else:
        why = f"({json.dumps(path)}) is not the table's file name"
    problem(None, where, f'the path {why}; write "{wanted}"', "resource-path")


def _plain(value: object) -> object:
    """The parsed JSON as plain dicts and lists."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
