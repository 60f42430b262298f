"""Edit › Edit citation…: a citation of the focused fact changed in the form, checked live, and undone."""
from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.dataset.loader import check_dataset
from desktop.ui.citation_cards import ClaimBadge
from desktop.ui.theme import claim_type_label
from tests.ui.test_authoring import CTRL, make_window, type_into, writable_copy  # noqa: F401 - the fixture


def pane_quotes(window) -> list[str]:
    return [label.text() for label in window.citations.fact_view.findChildren(QLabel, "quoteText")]


def pane_badges(window) -> list[str]:
    return [badge.claim_type for badge in window.citations.fact_view.findChildren(ClaimBadge)]


def test_edit_a_citation_in_the_form_then_undo_it(qtbot, writable_copy):  # noqa: F811 - the fixture
    window = make_window(qtbot, writable_copy)
    window.state.set_focus("oxycontin-launch", "timeline")  # one citation (c1): the form opens directly
    qtbot.waitUntil(lambda: pane_quotes(window) == ["In 1996 Purdue launched OxyContin."])
    assert pane_badges(window) == ["court-record"]
    assert window.authoring.edit_citation_action.isEnabled()
    assert window.authoring.edit_citation_action in window.authoring.edit_menu.actions()

    window.authoring.edit_citation_action.trigger()
    form = window.authoring.form
    assert form.isVisible()
    editor = form.parts[0]
    assert editor.value("quote") == "In 1996 Purdue launched OxyContin."  # pre-filled from the row
    assert editor.value("locator") == "para 4" and editor.value("source_id") == "court-case"
    type_into(qtbot, editor.fields["quote"], "Purdue Pharma launched OxyContin in 1996.")
    claim = editor.fields["claim_type"]
    claim.setFocus()
    claim.setCurrentIndex(claim.findData("expert-estimate"))
    assert claim.currentText() == claim_type_label("expert-estimate")
    assert editor.explanation.text()  # the claim type's explanation follows the choice
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()

    qtbot.waitUntil(lambda: pane_quotes(window) == ["Purdue Pharma launched OxyContin in 1996."])
    assert pane_badges(window) == ["expert-estimate"]
    assert window.state.focus == "oxycontin-launch"
    assert window.authoring.undo_action.isEnabled()

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # one edit, one undo
    qtbot.waitUntil(lambda: pane_quotes(window) == ["In 1996 Purdue launched OxyContin."])
    assert pane_badges(window) == ["court-record"]
    assert not window.authoring.draft.dirty


def test_an_invalid_citation_edit_cannot_be_saved_and_shows_the_validators_words(qtbot, writable_copy, tmp_path):  # noqa: F811
    window = make_window(qtbot, writable_copy)
    window.state.set_focus("oxycontin-launch", "timeline")
    window.authoring.edit_citation_action.trigger()
    form = window.authoring.form
    editor = form.parts[0]
    for name in ("quote", "locator"):  # emptied by the keyboard: select all, delete
        qtbot.mouseClick(editor.fields[name], Qt.MouseButton.LeftButton)
        editor.fields[name].selectAll()
        qtbot.keyClick(editor.fields[name], Qt.Key.Key_Delete)
    assert editor.value("quote") == "" and editor.value("locator") == ""

    # The same row written by hand: the validator's words are the form's.
    by_hand = tmp_path / "by-hand"
    shutil.copytree(writable_copy, by_hand)
    citations = by_hand / "citations.csv"
    citations.write_text(citations.read_text(encoding="utf-8").replace(
        "supports,In 1996 Purdue launched OxyContin.,para 4,", "supports,,,"), encoding="utf-8")
    expected = [p.message for p in check_dataset(by_hand)]
    assert len(expected) == 1
    shown = [label.text() for label in editor.problems.values() if label.isVisible()]
    assert shown == expected
    assert not form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible() and not window.authoring.draft.dirty
    form.reject()


def test_a_fact_with_several_citations_asks_which_one(qtbot, writable_copy):  # noqa: F811
    window = make_window(qtbot, writable_copy)
    window.state.set_focus("cartel-statement", "timeline")  # c4, c5, c6
    offered = []
    window.authoring.ask_item = lambda title, label, items: offered.extend(items) or 2
    window.authoring.edit_citation_action.trigger()
    assert offered[0] == (f"{claim_type_label('journalist-assertion')} — Cartels ship most fentanyl through legal…"
                          " — [An opinion piece on the fentanyl crisis]")
    assert len(offered) == 3 and offered[2].startswith(claim_type_label("anonymous-source"))
    editor = window.authoring.form.parts[0]
    assert editor.value("quote") == "Des tunnels servent aussi, selon une source."
    assert editor.value("stance") == "disputes"
    editor.fields["stance"].setCurrentIndex(editor.fields["stance"].findData("context"))
    qtbot.mouseClick(window.authoring.form.save_button, Qt.MouseButton.LeftButton)
    assert not window.authoring.form.isVisible()
    window.authoring.save()
    assert b"c6,cartel-statement,encyclopedie,anonymous-source,context," in (writable_copy / "citations.csv").read_bytes()
    assert check_dataset(writable_copy) == []

    window.authoring.ask_item = lambda *_: None  # cancelled: no form
    window.authoring.form = None
    window.authoring.edit_citation_action.trigger()
    assert window.authoring.form is None
