"""Authoring in the app: a lesson built by clicking and typing, forms that refuse invalid facts, saving."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop import settings as keys
from desktop.dataset.loader import check_dataset
from desktop.settings import Settings
from desktop.state import SelectionState
from desktop.ui.main_window import MainWindow
from tests.conftest import DEFAULT_DATASET, FIXTURES

CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)


def make_window(qtbot, folder: Path) -> MainWindow:
    window = MainWindow(SelectionState(), Settings())
    qtbot.addWidget(window)
    window.authoring.try_full_screen = False
    window.authoring.ask_choice = lambda *_: 1  # "close without saving" when a test ends mid-edit
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach the active window only
    with qtbot.waitSignal(window.dataset_changed, timeout=20000):
        window.open_dataset(folder, background=False)
    return window


@pytest.fixture
def writable_copy(tmp_path) -> Path:
    target = tmp_path / "class-dataset"
    shutil.copytree(FIXTURES / "valid", target)
    return target


def type_into(qtbot, widget, text: str) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_build_reorder_present_undo_save_and_reopen_a_lesson(qtbot, tmp_path):
    window = make_window(qtbot, DEFAULT_DATASET)
    authoring = window.authoring
    editor = authoring.lesson_editor
    window.authoring.lesson_action.trigger()
    assert editor.isVisible()
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, editor.title_edit, "Fentanyl in three steps")

    dataset = window.dataset
    targets = [dataset.events.index[0], dataset.series.index[0], dataset.events.index[1]]
    for target in targets:
        window.state.set_focus(target, "timeline")  # as a click in a pane does
        qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    titles = [dataset.fact(t).title for t in targets]
    assert editor.step_titles() == [f"{i}. {t}" for i, t in enumerate(titles, start=1)]
    assert editor.chooser.currentText() == "Fentanyl in three steps"

    # Retitle the second step and give it notes.
    qtbot.mouseClick(editor.steps.viewport(), Qt.MouseButton.LeftButton,
                     pos=editor.steps.visualItemRect(editor.steps.item(1)).center())
    type_into(qtbot, editor.step_title, "Counting the dead")
    qtbot.mouseClick(editor.notes, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.notes, "Ask: why a line and not a bar?")
    assert editor.step_titles()[1] == "2. Counting the dead"

    # Reorder with the keyboard: the last step goes first.
    qtbot.mouseClick(editor.steps.viewport(), Qt.MouseButton.LeftButton,
                     pos=editor.steps.visualItemRect(editor.steps.item(2)).center())
    qtbot.keyClick(editor.steps, Qt.Key.Key_Up, ALT)
    qtbot.keyClick(editor.steps, Qt.Key.Key_Up, ALT)
    reordered = [f"1. {titles[2]}", f"2. {titles[0]}", "3. Counting the dead"]
    assert editor.step_titles() == reordered

    # Undo and redo the last move with the shortcuts.
    qtbot.keyClick(editor.steps, Qt.Key.Key_Z, CTRL)
    assert editor.step_titles() == [f"1. {titles[0]}", f"2. {titles[2]}", "3. Counting the dead"]
    qtbot.keyClick(editor.steps, Qt.Key.Key_Z, CTRL | SHIFT)
    assert editor.step_titles() == reordered

    # Try it: classroom mode presents the lesson as edited, unsaved.
    with qtbot.waitSignal(window.presentation.position_changed, timeout=5000):
        qtbot.mouseClick(editor.try_button, Qt.MouseButton.LeftButton)
    path = window.presentation.path
    assert path.title == "Fentanyl in three steps"
    assert list(path.titles) == [t.split(". ", 1)[1] for t in reordered]
    assert path.notes[2] == "Ask: why a line and not a bar?"
    window.presentation.stop()

    # Save: the bundled dataset is read-only, so the first save asks for a folder.
    mine = tmp_path / "my-dataset"
    authoring.ask_folder = lambda _title: str(mine)
    with qtbot.waitSignal(window.dataset_changed, timeout=20000):
        qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    assert check_dataset(mine) == []
    assert Path(window.dataset.root) == mine
    assert window.settings.get(keys.LAST_DATASET) == str(mine)
    for name in ("events.csv", "sources.csv", "citations.csv", "observations.csv", "series.csv"):
        assert (mine / name).read_bytes() == (DEFAULT_DATASET / name).read_bytes()
    window.close()

    # Reopen the app: it opens the last dataset, and the lesson is there.
    from desktop.app import start_folder

    settings = Settings()
    assert start_folder(settings) == mine
    again = make_window(qtbot, start_folder(settings))
    lessons = dict(again.dataset.lesson_list())
    lesson_id = next(lid for lid, title in lessons.items() if title == "Fentanyl in three steps")
    assert again.authoring.lesson_editor.isVisible()  # the dock comes back where the teacher left it
    chooser = again.authoring.lesson_editor.chooser
    assert chooser.findData(lesson_id) == chooser.count() - 1  # a new lesson comes last
    chooser.setFocus()
    qtbot.keyClick(chooser, Qt.Key.Key_End)
    assert chooser.currentData() == lesson_id
    assert again.authoring.lesson_editor.step_titles() == reordered


def test_an_invalid_field_shows_the_validators_message_and_cannot_be_saved(qtbot, writable_copy, tmp_path):
    window = make_window(qtbot, writable_copy)
    form = window.authoring.open_form("event")
    event = form.parts[0]
    for name, text in (("title", "Fentanyl seized"), ("summary", "Agents seize fentanyl."), ("category", "Supply")):
        type_into(qtbot, event.fields[name], text)
    citation = form.parts[1]
    type_into(qtbot, citation.fields["locator"], "p. 2")
    assert event.value("event_id") == "fentanyl-seized"  # the id follows the title
    type_into(qtbot, event.fields["start"], "2019-13")
    # The same cell written in the file by hand: the validator's words are the form's.
    by_hand = tmp_path / "by-hand"
    shutil.copytree(writable_copy, by_hand)
    events = by_hand / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("oxycontin-launch,event,1996-01", "oxycontin-launch,event,2019-13"),
                      encoding="utf-8")
    expected = next(p.message for p in check_dataset(by_hand) if p.column == "start")
    assert event.problems["start"].isVisible() and event.problems["start"].text() == expected
    assert not form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible() and window.dataset.kind_of("fentanyl-seized") is None

    type_into(qtbot, event.fields["start"], "2019-11")
    assert not event.problems["start"].isVisible() and form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    assert window.dataset.fact("fentanyl-seized").title == "Fentanyl seized"  # every pane shows it, unsaved
    assert window.state.focus == "fentanyl-seized"
    window.authoring.undo()
    assert window.dataset.kind_of("fentanyl-seized") is None
    window.authoring.redo()
    assert window.dataset.kind_of("fentanyl-seized") == "event"
    window.authoring.save()
    assert check_dataset(writable_copy) == [] and b"fentanyl-seized" in (writable_copy / "events.csv").read_bytes()


def test_the_whole_dataset_check_refuses_what_a_field_cannot_see(qtbot, writable_copy):
    window = make_window(qtbot, writable_copy)
    form = window.authoring.open_form("event")
    event = form.parts[0]
    for name, text in (("title", "Deaths"), ("summary", "S."), ("category", "C"), ("start", "2019")):
        type_into(qtbot, event.fields[name], text)
    type_into(qtbot, event.fields["event_id"], "overdose-deaths")  # a series' id
    type_into(qtbot, form.parts[1].fields["quote"], "Words.")
    before = (writable_copy / "events.csv").read_bytes()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert "also an event_id" in form.problems.toPlainText()
    assert window.dataset.kind_of("overdose-deaths") == "series" and not window.authoring.draft.dirty
    assert (writable_copy / "events.csv").read_bytes() == before


def test_edit_the_focused_fact_and_a_file_changed_on_disk(qtbot, writable_copy):
    window = make_window(qtbot, writable_copy)
    window.state.set_focus("oxycontin-launch", "timeline")
    form = window.authoring.open_form("edit")
    assert not form.parts[0].fields["event_id"].isEnabled()
    type_into(qtbot, form.parts[0].fields["title"], "OxyContin reaches pharmacies")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert window.dataset.fact("oxycontin-launch").title == "OxyContin reaches pharmacies"
    assert window.state.focus == "oxycontin-launch"

    events = writable_copy / "events.csv"
    events.write_bytes(events.read_bytes() + b"\n")  # another program saved the file meanwhile
    theirs = events.read_bytes()
    asked = []
    window.authoring.ask_choice = lambda title, text, buttons: asked.append(text) or 1  # Cancel
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    assert asked and "events.csv changed on disk" in asked[0]
    assert events.read_bytes() == theirs
    elsewhere = writable_copy.parent / "elsewhere"
    window.authoring.ask_choice = lambda *_: 0  # Save As…
    window.authoring.ask_folder = lambda _title: str(elsewhere)
    with qtbot.waitSignal(window.dataset_changed, timeout=20000):
        qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    assert b"OxyContin reaches pharmacies" in (elsewhere / "events.csv").read_bytes()
    assert events.read_bytes() == theirs


def test_new_dataset_and_the_guide(qtbot, writable_copy, tmp_path):
    window = make_window(qtbot, writable_copy)
    window.authoring.ask_folder = lambda _title: str(tmp_path / "fresh")
    with qtbot.waitSignal(window.dataset_changed, timeout=20000):
        window.authoring.new_dataset_action.trigger()
    assert Path(window.dataset.root) == tmp_path / "fresh" and len(window.dataset.events) == 1
    window.authoring.guide_action.trigger()
    text = window.authoring.guide.text.toPlainText()
    window.authoring.guide.close()  # a guide left open would be the next test's active modal window
    assert "UTF-8" in text and "journalist-assertion" in text
