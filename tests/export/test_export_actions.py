"""File › Export in the real window: what is shown, a lesson's handout, replacing only after asking, cancel, failure."""
from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from desktop.dataset.filters import Filters
from desktop.dataset.loader import check_dataset
from desktop.settings import Settings
from desktop.state import SelectionState
from desktop.ui.main_window import MainWindow
from export_helpers import poppler, squeeze


@pytest.fixture
def window(qtbot, valid_dataset):
    win = MainWindow(SelectionState(), Settings())
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    win.set_dataset(valid_dataset)
    yield win
    win.presentation.stop()


@pytest.fixture
def save_to(monkeypatch):
    """Answer the save dialog with a path (the real dialog cannot run headless); record what it was asked."""
    asked = []

    def answer(path):
        def fake(parent, caption, suggested, file_filter, *args, **kwargs):
            asked.append((caption, suggested, file_filter))
            return str(path), file_filter
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
        return asked
    return answer


def action(window, name):
    return next(a for a in window.export_menu.actions() if a.objectName() == name)


def test_the_menu_sits_in_file_before_quit_and_waits_for_a_dataset(qtbot):
    win = MainWindow(SelectionState(), Settings())
    qtbot.addWidget(win)
    entries = win.file_menu.actions()
    submenu = win.export_menu.menuAction()
    assert entries.index(submenu) < entries.index(win.quit_action)
    assert [a.text() for a in win.export_menu.actions()] == [
        "Handout PDF for a &lesson…", "Handout PDF of what is &shown…", "Data as &CSV…", "Data &Package…"]
    assert not any(a.isEnabled() for a in win.export_menu.actions())


def test_csv_exports_what_is_shown(window, save_to, tmp_path):
    window.state.set_filters(Filters(categories=frozenset({"Supply"})), "timeline")
    out = tmp_path / "shown.csv"
    asked = save_to(out)
    action(window, "exportCsv").trigger()
    assert asked and asked[0][1].endswith("tiny-fentanyl-shown.csv")
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    shown = window.chart.shown_series()
    assert [r["id"] for r in rows if r["kind"] == "event"] == ["cartel-statement"]
    assert {r["id"].partition("@")[0] for r in rows if r["kind"] == "value"} == set(shown)
    assert "Saved" in window.statusBar().currentMessage()


def test_lesson_handout_asks_lesson_style_and_paper(window, save_to, tmp_path):
    out = tmp_path / "supply.pdf"
    save_to(out)

    def choose():
        dialog = QApplication.activeModalWidget()
        dialog.lesson_combo.setCurrentIndex(dialog.lesson_combo.findData("supply"))
        dialog.page_combo.setCurrentIndex(dialog.page_combo.findData("letter"))
        dialog.style_combo.setCurrentIndex(dialog.style_combo.findData("mla"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(0, choose)
    action(window, "exportHandoutLesson").trigger()
    text = squeeze(poppler("pdftotext", str(out), "-"))
    assert squeeze("Where fentanyl comes from") in text
    assert squeeze("Cartels ship most fentanyl through legal ports of entry.") in text
    assert squeeze("Sources (MLA 9)") in text
    assert "612 x 792" in poppler("pdfinfo", str(out))


def test_a_package_replaces_a_folder_only_after_asking(window, save_to, tmp_path, monkeypatch):
    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    save_to(folder)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    questions = []

    def question(parent, title, text, *args, **kwargs):
        questions.append(text)
        return answers.pop(0)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    action(window, "exportPackage").trigger()
    assert (folder / "notes.txt").exists()
    action(window, "exportPackage").trigger()
    assert len(questions) == 2 and "not empty" in questions[0]
    assert not (folder / "notes.txt").exists()
    assert check_dataset(folder) == []


def test_cancel_leaves_no_file(window, save_to, tmp_path):
    out = tmp_path / "handout.pdf"
    save_to(out)

    def accept_then_cancel():
        QApplication.activeModalWidget().buttons.button(QDialogButtonBox.StandardButton.Save).click()
        QTimer.singleShot(0, lambda: window.export_progress.cancel())

    QTimer.singleShot(0, accept_then_cancel)
    action(window, "exportHandoutShown").trigger()
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []
    assert "cancelled" in window.statusBar().currentMessage()


def test_a_failure_says_what_to_do(window, save_to, tmp_path, qtbot):
    save_to(tmp_path / "no-such-folder" / "data.csv")
    action(window, "exportCsv").trigger()
    qtbot.waitUntil(lambda: window.export_failed.isVisible())
    text = window.export_failed.text()
    assert "Nothing was saved" in text and "no-such-folder" in text and "choose another" in text
    window.export_failed.close()
