"""The Spanish translation is complete, correct in form, built, and every interface string reaches it.

* Every string the sources ask to translate (extracted afresh, as
  packaging/update_translations.py does) is in resources/translations/factdeck_es.ts
  with a finished translation; run that script after adding strings.
* A translation differs from its English source, except the names and
  codes in ALLOWED_SAME and strings that are only placeholders and signs.
* A translation keeps the source's {placeholders} (a lost one would raise
  KeyError in .format()) and its menu accelerator.
* The committed .qm says what the .ts says (rebuild with the script).
* No widget text is a bare literal that skipped tr().
"""
from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import update_translations as ut  # noqa: E402

TS = ROOT / "resources" / "translations" / "factdeck_es.ts"
QM = TS.with_suffix(".qm")

# Names, codes and formats that read the same in Spanish.
ALLOWED_SAME = {"OK", "Factdeck", "APA 7", "MLA 9", "CSV", "PDF", "BibTeX", "RIS", "CSL-JSON", "A4", "Data &Package…",
                "provisional", "Chicago", "Total", "Data Package", "PNG", "SVG"}
_PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


@pytest.fixture(scope="module")
def extraction() -> ut.Extraction:
    return ut.extract()


@pytest.fixture(scope="module")
def entries() -> dict:
    return ut.read_ts(TS)


def _finished(entries: dict) -> dict:
    return {k: e for k, e in entries.items() if not e.state}


def test_every_interface_string_has_a_finished_spanish_translation(extraction, entries):
    problems = ut.problems(extraction, entries)
    assert not problems, ("Run `.venv/bin/python packaging/update_translations.py` and translate:\n"
                          + "\n".join(problems))


def test_every_translation_call_can_be_extracted(extraction):
    # A tr() of a variable cannot be found by the extractor, so it would never be translated.
    assert extraction.dynamic == [] or all("undo_label" in c or "redo_label" in c for _f, _l, c in extraction.dynamic), \
        extraction.dynamic


def test_spanish_is_not_english_outside_a_short_list(entries):
    def words_left(text: str) -> bool:
        text = _PLACEHOLDER.sub("", text)
        for name in sorted(ALLOWED_SAME, key=len, reverse=True):
            text = text.replace(name, "")
        return re.search(r"[A-Za-z]{2}", text) is not None

    same = [(k[0], k[1]) for k, e in _finished(entries).items() if e.translation == k[1] and words_left(k[1])]
    assert not same, f"untranslated (equal to the English): {same}"


def test_translations_keep_placeholders_and_accelerators(entries):
    for (context, source, _c), entry in _finished(entries).items():
        assert sorted(_PLACEHOLDER.findall(entry.translation)) == sorted(_PLACEHOLDER.findall(source)), (context, source)
        has_mark = re.search(r"&[^&\s]", source.replace("&&", "")) is not None
        assert (re.search(r"&[^&\s]", entry.translation.replace("&&", "")) is not None) == has_mark, (context, source)
        assert entry.translation.strip() == entry.translation or source.strip() != source, (context, source)


def test_the_committed_qm_matches_the_ts(entries):
    translator = QTranslator()
    assert translator.load(str(QM)), f"{QM} is missing or unreadable: run packaging/update_translations.py"
    stale = [(k[0], k[1]) for k, e in _finished(entries).items()
             if translator.translate(k[0], k[1], k[2] or None) != e.translation]
    assert not stale, f"{QM.name} is older than {TS.name}; run packaging/update_translations.py: {stale[:5]}"


def test_the_extractor_knows_every_form_used_here(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "words.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def tr(text):\n    return QCoreApplication.translate('Words', text)\n"
        "LABEL = tr('helper')\n")
    (package / "pane.py").write_text(
        "from PySide6.QtCore import QCoreApplication, QObject\n"
        "from .words import tr as words\n"
        "class Pane(QObject):\n"
        "    def build(self, name):\n"
        "        self.tr('method')\n"
        "        t = self.tr\n        t('alias of self.tr')\n"
        "        translate = QCoreApplication.translate\n        translate('claims', 'two args')\n"
        "        words('imported helper')\n"
        "        QCoreApplication.translate('ctx', 'with comment', 'disambiguation')\n"
        "        self.tr(name)\n")
    found = ut.extract(package)
    assert set(found.messages) == {("Words", "helper", ""), ("Pane", "method", ""), ("Pane", "alias of self.tr", ""),
                                   ("claims", "two args", ""), ("Words", "imported helper", ""),
                                   ("ctx", "with comment", "disambiguation")}
    assert [c for _f, _l, c in found.dynamic] == ["self.tr(name)"]


# ---- strings that skipped tr() ----------------------------------------------------------------
_TEXT_SETTERS = {"setText", "setToolTip", "setStatusTip", "setWhatsThis", "setWindowTitle", "setPlaceholderText",
                 "setAccessibleName", "setAccessibleDescription", "setTitle", "setLabelText", "setInformativeText",
                 "addTab", "setTabText", "setTabToolTip", "setHeaderLabels", "setIconText", "showMessage",
                 "setSpecialValueText", "addMenu", "setItemText"}
_TEXT_CONSTRUCTORS = {"QLabel", "QPushButton", "QAction", "QCheckBox", "QRadioButton", "QGroupBox", "QToolButton",
                      "QMenu", "QToolBar", "QDockWidget"}
_WORDS = re.compile(r"[A-Za-z]{2,}")


def _bare_words(node: ast.AST) -> list[str]:
    """Words a literal (or an f-string's literal parts) shows without going through tr()."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _WORDS.findall(node.value)
    if isinstance(node, ast.JoinedStr):
        return [w for part in node.values if isinstance(part, ast.Constant) for w in _WORDS.findall(part.value)]
    return []


def test_widget_texts_go_through_tr():
    found = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        if {"dataset", "commands", "bench"} & set(path.relative_to(ROOT / "desktop").parts):
            continue  # no widgets there
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in _TEXT_SETTERS or name in _TEXT_CONSTRUCTORS:
                args = node.args[:1] if name in _TEXT_CONSTRUCTORS else node.args
                words = [w for a in args for w in _bare_words(a) if w not in ALLOWED_SAME]
                if words:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:100]}")
    assert not found, "user-visible text without tr():\n" + "\n".join(found)
