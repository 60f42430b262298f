"""Classroom mode in the real window: clicker keys, all three panes per step, blackout, resume, reveal.

Assertions go through what a teacher would see or what the app remembers:
the shared focus, the counter, the citation pane's text, the timeline's
description of its highlighted fact, the chart's shown series and pixels.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLabel, QLineEdit, QMenuBar, QStatusBar, QTextEdit

from desktop import settings as keys
from desktop.settings import Settings
from desktop.state import SelectionState
from desktop.ui.main_window import MainWindow
from desktop.ui.presentation import FACTS_IN_TIME, lesson_path
from desktop.ui.theme import LIGHT, claim_type_label, themes

FORWARD = [Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter]
BACK = [Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace]


@pytest.fixture
def open_window(qtbot):
    """Build a real main window on a dataset; classroom mode is always left and the theme restored."""
    made = []

    def make(dataset, size=(1280, 720)) -> MainWindow:
        window = MainWindow(SelectionState(), Settings())
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        window.set_dataset(dataset)
        made.append(window)
        return window

    yield make
    for window in made:
        window.presentation.stop()
    themes().set_theme(LIGHT)


def shown_text(widget) -> str:
    """Everything a pane shows as text: its labels and text boxes."""
    parts = [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]
    parts += [box.toPlainText() for box in widget.findChildren(QTextEdit) if box.isVisibleTo(widget)]
    return "\n".join(parts)


def picture(widget) -> QImage:
    QApplication.processEvents()
    return widget.grab().toImage()


def press(window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(window, key, modifier)


@pytest.mark.parametrize("which", [0, -1])
def test_clicker_keys_drive_a_whole_lesson_through_all_three_panes(open_window, default_dataset, which):
    window = open_window(default_dataset)
    controller = window.presentation
    lesson_id = default_dataset.lesson_list()[which][0]
    path = lesson_path(default_dataset, lesson_id)
    controller.start(lesson_id, 1, full_screen=False)
    assert window.menuBar().isHidden() and window.toolbar.isHidden() and window.statusBar().isHidden()
    assert themes().theme.presenting

    before = {"timeline": None, "x0": float("nan")}
    for number, target in enumerate(path.targets, start=1):
        if number > 1:
            press(window, FORWARD[number % len(FORWARD)])
        assert window.state.focus == target
        assert controller.bar.counter.text() == f"{number} / {len(path)}"
        kind = default_dataset.kind_of(target)
        fact = default_dataset.fact(target)
        cites = default_dataset.citations_for(target)
        # Citation pane: the fact, each claim type in words, and the quotes.
        text = shown_text(window.citations)
        assert fact.title in text
        for claim_type in set(cites["claim_type"]):
            assert claim_type_label(claim_type) in text, (target, claim_type)
        for quote in cites["quote"]:
            if quote:
                assert quote in text, (target, quote)
        # Timeline: an event is the highlighted, described fact; the picture changes when it moves
        # (two facts of the same month may share one grouped mark).
        timeline_now = picture(window.timeline)
        if kind == "event":
            assert fact.title in window.timeline.accessibleDescription()
            if abs(fact.x0 - before["x0"]) > 0.1:
                assert timeline_now != before["timeline"], target
        before.update(timeline=timeline_now, x0=fact.x0)
        # Chart: a value's or a series' line is shown.
        if kind in ("series", "observation"):
            assert target.partition("@")[0] in window.chart.shown_series()

    press(window, Qt.Key.Key_Right)  # stays on the last step
    assert controller.step_number == len(path)
    for i, key in enumerate(BACK):
        press(window, key)
        assert controller.step_number == len(path) - 1 - i
        assert window.state.focus == path.targets[len(path) - 2 - i]
    press(window, Qt.Key.Key_Home)
    assert window.state.focus == path.targets[0] and controller.bar.counter.text() == f"1 / {len(path)}"
    press(window, Qt.Key.Key_End)
    assert window.state.focus == path.targets[-1]


def test_each_value_step_changes_what_the_chart_shows(open_window, default_dataset):
    window = open_window(default_dataset, size=(1920, 1080))
    lesson_id = default_dataset.lesson_list()[-1][0]
    path = lesson_path(default_dataset, lesson_id)
    window.presentation.start(lesson_id, 1, full_screen=False)
    before = picture(window.chart)
    for number, target in enumerate(path.targets, start=1):
        window.presentation.go_to(number)
        now = picture(window.chart)
        if default_dataset.kind_of(target) == "observation":
            assert now != before, target  # the ring moved to this value
        before = now


def test_keys_do_nothing_until_presenting(open_window, valid_dataset):
    window = open_window(valid_dataset)
    press(window, Qt.Key.Key_Right)
    press(window, Qt.Key.Key_B)
    assert window.state.focus == "" and not window.presentation.blackout.active


def test_typing_in_a_text_field_stays_typing(open_window, valid_dataset, qtbot):
    window = open_window(valid_dataset)
    controller = window.presentation
    controller.start("three-waves", 1, full_screen=False)
    # The timeline's own search field, or failing that a text field of our own in the slides.
    fields = [e for e in window.timeline.findChildren(QLineEdit)
              if e.isVisibleTo(window) and not isinstance(e.parent(), (QComboBox, QAbstractSpinBox))]
    field = fields[0] if fields else QLineEdit(window.timeline)
    field.show()
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    for key in (Qt.Key.Key_B, Qt.Key.Key_W, Qt.Key.Key_N, Qt.Key.Key_Space, Qt.Key.Key_Right):
        QTest.keyClick(field, key)
    assert field.text() == "bwn "
    assert controller.step_number == 1 and window.state.focus == "first-wave"
    assert not controller.blackout.active and not controller.notes.isVisible()
    QTest.keyClick(field, Qt.Key.Key_Escape)
    assert controller.presenting
    field.clearFocus()
    press(window, Qt.Key.Key_Right)
    assert controller.step_number == 2


def test_blackout_whiteout_and_any_key_returns(open_window, valid_dataset, qtbot):
    window = open_window(valid_dataset)
    controller = window.presentation
    controller.start("three-waves", 2, full_screen=False)
    for key, colour, rgb in ((Qt.Key.Key_B, "black", 0x000000), (Qt.Key.Key_Period, "black", 0x000000),
                             (Qt.Key.Key_W, "white", 0xFFFFFF)):
        press(window, key)
        assert controller.blackout.colour == colour
        image = picture(window)
        for x, y in ((5, 5), (image.width() // 2, image.height() // 2), (image.width() - 5, image.height() - 5)):
            assert image.pixel(x, y) & 0xFFFFFF == rgb
        press(window, Qt.Key.Key_Right)  # returns, and does not step on
        assert not controller.blackout.active and controller.step_number == 2
    press(window, Qt.Key.Key_B)
    qtbot.mouseClick(controller.blackout, Qt.MouseButton.LeftButton)
    assert not controller.blackout.active
    press(window, Qt.Key.Key_B)
    press(window, Qt.Key.Key_Escape)  # any key, even Esc, first brings the slide back
    assert controller.presenting and not controller.blackout.active


def test_escape_leaves_and_restores_the_window(open_window, valid_dataset, qtbot):
    window = open_window(valid_dataset)
    controller = window.presentation
    assert window.present_menu.title().replace("&", "") == "Present"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(window, Qt.Key.Key_F5)  # the menu's shortcut
    assert controller.presenting and controller.bar.isVisible()
    press(window, Qt.Key.Key_Escape)
    assert not controller.presenting
    assert themes().theme == LIGHT
    assert window.menuBar().isVisible() and window.toolbar.isVisible() and window.statusBar().isVisible()
    assert not controller.bar.isVisible()
    press(window, Qt.Key.Key_Right)
    assert controller.step_number == 1


def test_resume_where_you_left_off_after_a_restart(open_window, valid_dataset, qtbot):
    first = open_window(valid_dataset)
    first.presentation.start("three-waves", 1, full_screen=False)
    press(first, Qt.Key.Key_Right)
    press(first, Qt.Key.Key_Right)
    # Saved a moment after the last click, even if the laptop then dies without closing the app.
    qtbot.waitUntil(lambda: Settings().get(keys.LAST_STEP) == 3 and Settings().get(keys.LAST_LESSON) == "three-waves")
    first.close()
    assert not first.presentation.presenting
    second = open_window(valid_dataset)  # a fresh window reading the same settings file
    second.presentation.start(full_screen=False)
    assert (second.presentation.path.path_id, second.presentation.step_number) == ("three-waves", 3)
    assert second.state.focus == "overdose-deaths@2019"


def test_type_scale_keys_are_remembered(open_window, valid_dataset):
    window = open_window(valid_dataset)
    window.presentation.start("supply", 1, full_screen=False)
    start = themes().theme.scale
    press(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert themes().theme.scale > start
    assert Settings().get(keys.TYPE_SCALE) > 1.0
    press(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    press(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert themes().theme.scale < start
    assert Settings().get(keys.TYPE_SCALE) < 1.0


def test_reveal_hides_the_chart_after_the_step_and_is_remembered_per_lesson(open_window, valid_dataset):
    window = open_window(valid_dataset)
    controller = window.presentation
    controller.start("three-waves", 3, full_screen=False)  # overdose deaths in 2019
    controller.go_to(1)  # the first wave ends in 2010: before every value
    whole = picture(window.chart)
    press(window, Qt.Key.Key_R)
    assert controller.reveal_action.isChecked()
    assert controller.reveal_x == pytest.approx(valid_dataset.fact("first-wave").x1)
    assert picture(window.chart) != whole  # the values after 2010 are hidden
    press(window, Qt.Key.Key_End)
    assert controller.reveal_x == pytest.approx(2020.0)
    assert "three-waves" in Settings().get(keys.REVEAL_LESSONS)
    controller.choose_path("supply")
    assert not controller.reveal_action.isChecked() and controller.reveal_x is None
    controller.choose_path("three-waves")
    assert controller.reveal_action.isChecked()
    controller.stop()
    assert controller.reveal_x is None  # the chart shows everything again


def test_outside_a_lesson_the_keys_step_through_the_filtered_facts(open_window, valid_dataset):
    from desktop.dataset.filters import Filters

    window = open_window(valid_dataset)
    controller = window.presentation
    window.state.set_filters(Filters(categories=frozenset({"Waves", "Enforcement"})), "timeline")
    controller.start(FACTS_IN_TIME, full_screen=False)
    chooser = controller.bar.chooser
    assert chooser.currentData() == FACTS_IN_TIME
    seen = [window.state.focus]
    for _ in range(3):
        press(window, Qt.Key.Key_Right)
        seen.append(window.state.focus)
    assert seen == ["first-wave", "fentanyl-wave", "agent-007", "agent-007"]
    assert controller.bar.counter.text() == "3 / 3"
    # The lesson chooser switches to a lesson.
    chooser.activated.emit(chooser.findData("supply"))
    assert window.state.focus == "cartel-statement" and controller.bar.counter.text() == "1 / 2"


def test_presenter_notes_stay_hidden_on_one_screen_until_n(open_window, valid_dataset):
    window = open_window(valid_dataset)
    controller = window.presentation
    controller.start("three-waves", 1, full_screen=False)
    notes = controller.notes
    assert not notes.isVisible()  # one screen: the class would see them
    press(window, Qt.Key.Key_N)
    assert notes.isVisible() and notes.in_corner and notes.parentWidget() is window
    corner = notes.geometry()
    assert corner.right() > window.width() * 0.8 and corner.bottom() > window.height() * 0.6
    assert window.rect().contains(corner)
    assert notes.notes_label.text() == "Start with prescribing."
    assert notes.next_label.text() == "Next: The third wave"
    press(window, Qt.Key.Key_End)
    assert notes.notes_label.text() == "Look at the chart." and "last step" in notes.next_label.text()
    press(window, Qt.Key.Key_N)
    assert not notes.isVisible()


def test_dark_projector_theme_is_remembered(open_window, valid_dataset):
    window = open_window(valid_dataset)
    controller = window.presentation
    controller.start("supply", 1, full_screen=False)
    controller.theme_actions["dark"].trigger()
    assert themes().theme.dark
    assert Settings().get(keys.PRESENT_THEME) == "dark"
    assert picture(window.presentation.bar).pixel(3, 10) & 0xFFFFFF == 0x000000
    controller.stop()
    assert window.palette().color(QPalette.ColorRole.Window) == QApplication.palette().color(QPalette.ColorRole.Window)
    assert not window.testAttribute(Qt.WidgetAttribute.WA_SetPalette)


def test_full_screen_on_start_and_back_on_stop(open_window, valid_dataset):
    window = open_window(valid_dataset)
    window.presentation.start("supply", 1)
    assert window.isFullScreen()
    window.presentation.stop()
    assert not window.isFullScreen()


def test_unchrome_keeps_menus_hidden_only_while_presenting(open_window, valid_dataset):
    window = open_window(valid_dataset)
    window.presentation.start("supply", 1, full_screen=False)
    assert not any(w.isVisible() for kind in (QMenuBar, QStatusBar) for w in window.findChildren(kind))
    window.presentation.stop()
    assert window.menuBar().isVisible() and window.statusBar().isVisible()
