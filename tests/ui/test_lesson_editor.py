"""The lesson editor's list: a drop reorders the steps in the draft; Delete removes one."""
from __future__ import annotations

import shutil

from PySide6.QtCore import QModelIndex, Qt

from tests.conftest import FIXTURES
from tests.ui.test_authoring import make_window


def test_a_drop_renumbers_the_steps_and_delete_removes_one(qtbot, tmp_path):
    folder = tmp_path / "copy"
    shutil.copytree(FIXTURES / "valid", folder)
    window = make_window(qtbot, folder)
    editor = window.authoring.lesson_editor
    if not editor.isVisible():
        window.authoring.lesson_action.trigger()
    before = editor.step_titles()
    assert len(before) == 3
    # What QListWidget does on an internal drop: the model moves the row (a drag cannot be synthesised offscreen).
    assert editor.steps.model().moveRow(QModelIndex(), 0, QModelIndex(), 3)
    names = [t.split(". ", 1)[1] for t in before]
    assert editor.step_titles() == [f"1. {names[1]}", f"2. {names[2]}", f"3. {names[0]}"]
    draft = window.authoring.draft
    assert [v["target"] for v in draft.step_values(editor.lesson_id)][2] == "first-wave"
    editor.steps.setFocus()
    editor.steps.setCurrentRow(0)
    qtbot.keyClick(editor.steps, Qt.Key.Key_Delete)
    assert editor.step_titles() == [f"1. {names[2]}", f"2. {names[0]}"]
    window.authoring.undo()
    window.authoring.undo()
    assert editor.step_titles() == before and not draft.dirty
