"""The main tasks done with the keyboard alone: find a fact, read and copy its citation, present, export.

Nothing here clicks: every step is a key press sent to whatever has the
focus (or the open menu), as a keyboard-only user or a screen-reader user
works. The Spanish variant uses the Spanish menu letters.
"""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QWidget

from desktop.settings import Settings
from desktop.state import SelectionState
from desktop.ui import i18n
from desktop.ui.main_window import MainWindow
from desktop.ui.style import apply_style, remove_style
from desktop.ui.theme import LIGHT, themes

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")]


@pytest.fixture
def window(qtbot, default_dataset):
    made = []

    def make(lang: str = "en") -> MainWindow:
        i18n.install_translator(QApplication.instance(), lang)
        win = MainWindow(SelectionState(), Settings())
        qtbot.addWidget(win)
        win.resize(1600, 900)
        win.show()
        win.set_dataset(default_dataset)
        win.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
        made.append(win)
        return win

    apply_style(QApplication.instance())  # as create_application does: the focus ring, no Tab traps
    yield make
    for win in made:
        win.presentation.stop()
    themes().set_theme(LIGHT)
    i18n.install_translator(QApplication.instance(), "en")
    remove_style()


def key(which, modifier=Qt.KeyboardModifier.NoModifier, text: str = "") -> None:
    """Press a key where a keyboard user's key would go: the open menu, else the focused widget."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget() or QApplication.activeWindow()
    if text:
        QTest.keyClicks(target, text)
    else:
        QTest.keyClick(target, which, modifier)


def tab_to(predicate, limit: int = 80) -> QWidget:
    """Press Tab until the focused widget satisfies `predicate`; fail if Tab never gets there."""
    for _ in range(limit):
        focused = QApplication.focusWidget()
        if focused is not None and predicate(focused):
            return focused
        key(Qt.Key.Key_Tab)
    pytest.fail(f"Tab never reached the control (stuck on {QApplication.focusWidget()!r})")


def named(name: str):
    return lambda widget: widget.objectName() == name


# ---- the tasks ---------------------------------------------------------------------------------
def test_find_a_fact_and_step_through_facts_with_the_keyboard(window, default_dataset):
    win = window()
    tab_to(named("timelineSearch"))
    key(None, text="ambush")
    shown = win.timeline.shown_mask()
    assert 1 < int(shown.sum()) < len(shown)  # the search filtered the timeline
    tab_to(named("timelineView"))
    key(Qt.Key.Key_Home)
    first = win.state.focus
    assert first in set(win.timeline.model.ids[shown])  # a fact the search found
    key(Qt.Key.Key_Right)
    second = win.state.focus
    assert second != first and second in set(win.timeline.model.ids[shown])
    key(Qt.Key.Key_Left)
    assert win.state.focus == first
    assert default_dataset.fact(first).title in win.timeline.view.accessibleDescription()  # what a screen reader hears


def test_read_a_citation_and_copy_its_words_with_the_keyboard(window, default_dataset):
    win = window()
    tab_to(named("timelineView"))
    key(Qt.Key.Key_Home)
    while not default_dataset.citations["quote"][default_dataset.citations["target"] == win.state.focus].any():
        before = win.state.focus
        key(Qt.Key.Key_Right)
        assert win.state.focus != before, "no quoted fact reached"
    quote = tab_to(named("quoteText"))
    assert quote.text() in set(default_dataset.citations["quote"])  # the source's own words, untouched
    key(Qt.Key.Key_A, CTRL)
    key(Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == quote.text()

    tab_to(named("copyCitation"))
    QApplication.clipboard().clear()
    key(Qt.Key.Key_Space)
    assert QApplication.clipboard().text().strip()  # the formatted citation


def test_present_a_lesson_with_f5_and_clicker_keys(window, default_dataset):
    win = window()
    lesson, _title = default_dataset.lesson_list()[0]
    steps = len(default_dataset.lesson_steps(lesson))
    tab_to(named("timelineView"))
    key(Qt.Key.Key_F5)
    assert win.presentation.presenting
    win.presentation.choose_path(lesson)  # the lesson chooser is for the mouse; the keys below do the rest
    assert win.presentation.bar.counter.text() == f"1 / {steps}"
    for expected in (2, 3):
        key(Qt.Key.Key_PageDown)
        assert win.presentation.bar.counter.text() == f"{expected} / {steps}"
    key(Qt.Key.Key_Up)
    assert win.presentation.bar.counter.text() == f"2 / {steps}"
    key(Qt.Key.Key_End)
    assert win.presentation.bar.counter.text() == f"{steps} / {steps}"
    key(Qt.Key.Key_Escape)
    assert not win.presentation.presenting and win.menuBar().isVisible()


@pytest.mark.parametrize("lang, letters", [("en", (Qt.Key.Key_F, Qt.Key.Key_E, Qt.Key.Key_C)),
                                           ("es", (Qt.Key.Key_A, Qt.Key.Key_E, Qt.Key.Key_C))])
def test_export_through_the_menus_with_the_keyboard(window, monkeypatch, tmp_path, qtbot, lang, letters):
    out = tmp_path / "shown.csv"
    asked = []

    def save_dialog(parent, caption, suggested, file_filter, *args, **kwargs):
        asked.append(caption)  # Qt's own file dialog is keyboard-ready; headless tests cannot run it
        return str(out), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    win = window(lang)
    file_menu, export_letter, csv_letter = letters
    key(file_menu, ALT)
    assert QApplication.activePopupWidget() is win.file_menu
    key(export_letter)
    assert QApplication.activePopupWidget() is win.export_menu
    key(csv_letter)
    qtbot.waitUntil(out.exists)
    assert asked == [QApplication.translate("ExportActions", "Save data as CSV")]
    assert out.read_text(encoding="utf-8-sig").startswith("kind,") or out.stat().st_size > 100


def test_the_shortcuts_dialog_opens_with_f1_and_lists_every_menu_shortcut(window, qtbot):
    win = window()
    key(Qt.Key.Key_F1)
    dialog = win.shortcuts_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert QApplication.focusWidget() is dialog.tree  # the list, ready for the arrow keys
    shown = {(what, keys) for _heading, what, keys in dialog.rows()}
    actions = [a for a in _menu_actions(win.menuBar(), _submenus(win)) if a.shortcuts()]
    assert len(actions) >= 5
    for action in actions:
        text = action.text().replace("&", "")
        assert any(what == text and action.shortcut().toString(action.shortcut().SequenceFormat.NativeText) in keys
                   for what, keys in shown), text
    for clicker in ("PgDown", "Space", "Esc"):
        assert any(clicker in keys for _w, keys in shown), clicker
    key(Qt.Key.Key_Escape)
    assert not dialog.isVisible()


# ---- menus a keyboard can use ------------------------------------------------------------------------
def _submenus(window) -> dict:
    # By menu action, not QAction.menu(): in PySide6 6.10 that call can invalidate an earlier wrapper.
    return {menu.menuAction(): menu for menu in window.findChildren(QMenu)}


def _menu_actions(widget, submenus: dict) -> list[QAction]:
    found = []
    for action in widget.actions():
        if action in submenus:
            found += _menu_actions(submenus[action], submenus)
        elif not action.isSeparator():
            found.append(action)
    return found


def _menus(widget, submenus: dict) -> list[QWidget]:
    found = [widget]
    for action in widget.actions():
        if action in submenus:
            found += _menus(submenus[action], submenus)
    return found


@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_menu_has_distinct_underlined_letters(window, lang):
    win = window(lang)
    submenus = _submenus(win)
    for menu in _menus(win.menuBar(), submenus):
        letters = []
        for action in menu.actions():
            text = submenus[action].title() if action in submenus else action.text()
            mark = re.search(r"&([^&\s])", text.replace("&&", ""))
            if mark and action.isVisible():
                letters.append(mark.group(1).lower())
        assert len(letters) == len(set(letters)), (menu.objectName() or "menu bar", letters)
