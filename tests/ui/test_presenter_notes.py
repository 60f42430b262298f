"""Presenter notes: which screen they go on, what they say, and where they sit on one screen."""
from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from desktop.ui.presenter_notes import PresenterNotes, notes_screen_for, notes_screen_index
from desktop.ui.theme import PROJECTOR_DARK

LAPTOP, PROJECTOR = (0, 0, 1366, 768), (1366, 0, 1920, 1080)


def test_notes_go_to_the_screen_the_slides_are_not_on():
    assert notes_screen_index(PROJECTOR, [LAPTOP, PROJECTOR]) == 0
    assert notes_screen_index(LAPTOP, [LAPTOP, PROJECTOR]) == 1


def test_one_screen_or_mirrored_screens_keep_the_notes_off():
    assert notes_screen_index(LAPTOP, [LAPTOP]) is None
    assert notes_screen_index(LAPTOP, [LAPTOP, LAPTOP]) is None  # mirrored: same geometry
    assert notes_screen_index(LAPTOP, []) is None


def test_offscreen_has_one_screen_so_no_notes_screen(qapp):
    assert notes_screen_for(QGuiApplication.primaryScreen()) is None
    assert notes_screen_for(None) is None


def test_shows_the_step_the_next_title_and_plain_text(qtbot):
    notes = PresenterNotes()
    qtbot.addWidget(notes)
    notes.show_step("Three waves", 2, 3, "The <b>third</b> wave", "Say <i>this</i>.", "Deaths")
    assert notes.position_label.text() == "Step 2 of 3 · Three waves"
    assert notes.title_label.text() == "The <b>third</b> wave"
    assert notes.notes_label.text() == "Say <i>this</i>."
    assert notes.next_label.text() == "Next: Deaths"
    notes.show_step("Three waves", 3, 3, "Deaths", "", None)
    assert notes.notes_label.text() == "(No notes for this step.)"
    assert notes.next_label.text() == "This is the last step."
    assert notes.clock_label.text() == "0:00"
    notes.start_clock()
    assert notes.clock_label.text() == "0:00"
    notes.stop_clock()


def test_in_a_corner_of_the_slides_clear_of_the_bar(qtbot):
    host = QMainWindow()
    host.setCentralWidget(QWidget())
    qtbot.addWidget(host)
    host.resize(1280, 720)
    host.show()
    notes = PresenterNotes()
    notes.apply_theme(PROJECTOR_DARK)
    notes.place_in_corner(host)
    assert notes.in_corner and notes.isVisible() and notes.parentWidget() is host
    central = host.centralWidget().geometry()
    assert central.contains(notes.geometry())
    assert notes.geometry().right() > central.right() - 40 and notes.geometry().bottom() > central.bottom() - 40
    host.resize(1024, 768)
    assert host.centralWidget().geometry().contains(notes.geometry())
    screen = QGuiApplication.primaryScreen()
    notes.place_on_screen(screen)  # back to its own window
    assert not notes.in_corner and notes.isWindow() and notes.isVisible()
    assert screen.availableGeometry().contains(notes.geometry())
    notes.hide()
    notes.deleteLater()
