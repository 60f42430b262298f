"""Export bibliography: what is shown or a lesson, in every format, to a file; failures say what to do."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from desktop.dataset.citations import format_bibliography
from desktop.dataset.filters import Filters
from desktop.state import SelectionState
from desktop.ui.citation_export import sources_of_lesson, sources_shown
from desktop.ui.citation_pane import CitationPane
from test_citation_data import citation_dataset


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    return citation_dataset(tmp_path_factory.mktemp("export") / "ds")


@pytest.fixture
def pane(qtbot, dataset):
    widget = CitationPane(dataset, SelectionState())
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def save_to(monkeypatch):
    """Answer the save dialog with a path (the real dialog cannot run headless)."""
    asked: list[tuple[str, str]] = []

    def answer(path: str):
        def fake(parent, caption, suggested, file_filter, *args, **kwargs):
            asked.append((suggested, file_filter))
            return path, file_filter
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
        return asked
    return answer


def test_what_is_shown_covers_events_that_pass_and_series_values(dataset):
    everything = sources_shown(dataset, Filters())
    assert set(everything) == {"s-official", "s-news", "s-anon", "s-evil"}  # not the unused one
    assert sources_shown(dataset, Filters(categories=frozenset({"Policy"}))) == ["s-evil", "s-official", "s-news"]
    # The quiet 2018 event and the 2018 value are in range; the 2019 value and its estimate are not.
    assert sources_shown(dataset, Filters(date_range=(2018.0, 2018.9))) == ["s-evil", "s-official"]


def test_a_source_filter_keeps_only_the_series_that_source_backs(dataset):
    assert sources_shown(dataset, Filters(source_id="s-evil")) == ["s-evil"]
    # In the order the citations come in citations.csv.
    assert sources_shown(dataset, Filters(source_id="s-news")) == ["s-anon", "s-news", "s-official"]


def test_a_lesson_brings_its_values_and_their_series_sources(dataset):
    assert set(sources_of_lesson(dataset, "quiet")) == {"s-news", "s-official", "s-evil"}


@pytest.mark.parametrize("style, suffix, start", [
    ("apa", ".txt", "Deaths <img"), ("bibtex", ".bib", "@"), ("ris", ".ris", "TY  - "), ("csl-json", ".json", "["),
])
def test_export_writes_the_bibliography_of_what_is_shown(pane, dataset, qtbot, tmp_path, save_to, style, suffix, start):
    pane.state.set_filters(Filters(source_id="s-evil"), "timeline")
    target = tmp_path / f"out{suffix}"
    asked = save_to(str(target))
    dialog = pane.open_export_dialog()
    qtbot.waitExposed(dialog)
    dialog.style_combo.setCurrentIndex(dialog.style_combo.findData(style))
    assert dialog.shown_choice.isChecked()
    assert dialog.shown_choice.text() == "What is shown now (1 sources)"
    with qtbot.waitSignal(pane.bibliography_saved) as saved:
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert saved.args == [str(target)]
    assert asked[0][0] == f"citation-tests-bibliography{suffix}" and f"*{suffix}" in asked[0][1]
    text = target.read_text(encoding="utf-8")
    assert text == format_bibliography(dataset, ["s-evil"], style, "en") + "\n"
    if style == "apa":
        assert text.startswith("A page.")
    else:
        assert text.startswith(start)


def test_export_of_a_lesson(pane, dataset, qtbot, tmp_path, save_to):
    target = tmp_path / "lesson"
    save_to(str(target))
    dialog = pane.open_export_dialog()
    qtbot.waitExposed(dialog)
    # A radio button reacts on its circle and words, not the empty width after them.
    qtbot.mouseClick(dialog.lesson_choice, Qt.MouseButton.LeftButton,
                     pos=QPoint(6, dialog.lesson_choice.height() // 2))
    assert dialog.lesson_combo.isEnabled() and dialog.lesson_combo.currentText() == "A quiet lesson"
    with qtbot.waitSignal(pane.bibliography_saved) as saved:
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert saved.args == [str(tmp_path / "lesson.txt")]  # a bare name gets the format's suffix
    assert (tmp_path / "lesson.txt").read_text(encoding="utf-8") == (
        format_bibliography(dataset, sources_of_lesson(dataset, "quiet"), "apa", "en") + "\n")


def test_cancelling_the_save_dialog_writes_nothing(pane, qtbot, tmp_path, save_to):
    save_to("")
    dialog = pane.open_export_dialog()
    qtbot.waitExposed(dialog)
    with qtbot.assertNotEmitted(pane.bibliography_saved):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_is_explained_and_says_what_to_do(pane, qtbot, tmp_path, save_to):
    save_to(str(tmp_path / "no-such-folder" / "out.txt"))
    dialog = pane.open_export_dialog()
    qtbot.waitExposed(dialog)
    with qtbot.assertNotEmitted(pane.bibliography_saved):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.findChild(QMessageBox, "exportFailed") is not None)
    box = pane.findChild(QMessageBox, "exportFailed")
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "could not be saved" in box.text() and "choose another folder" in box.text()
    assert "no-such-folder" in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    assert QApplication.activeModalWidget() is None
