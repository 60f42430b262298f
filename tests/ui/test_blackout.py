"""The blackout overlay: covers its host in black or white, follows its size, any click returns."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui.blackout import BLACK, WHITE, BlackoutOverlay


@pytest.fixture
def host(qtbot):
    widget = QWidget()
    QLabel("A slide", widget).setGeometry(10, 10, 200, 40)
    qtbot.addWidget(widget)
    widget.resize(640, 360)
    widget.show()
    return widget


def test_blank_covers_the_host_and_clear_shows_it_again(host, qtbot):
    overlay = BlackoutOverlay(host)
    assert not overlay.isVisible() and not overlay.active
    with qtbot.waitSignal(overlay.changed) as blocker:
        overlay.blank(BLACK)
    assert blocker.args == ["black"]
    assert overlay.isVisible() and overlay.geometry() == host.rect()
    image = host.grab().toImage()
    assert {image.pixel(x, y) & 0xFFFFFF for x, y in ((1, 1), (50, 25), (639, 359))} == {0x000000}
    overlay.blank(WHITE)
    image = host.grab().toImage()
    assert image.pixel(50, 25) & 0xFFFFFF == 0xFFFFFF
    with qtbot.waitSignal(overlay.changed) as blocker:
        overlay.clear()
    assert blocker.args == [""] and not overlay.isVisible()
    assert host.grab().toImage().pixel(1, 1) & 0xFFFFFF != 0x000000


def test_follows_the_host_and_stays_on_top(host, qtbot):
    overlay = BlackoutOverlay(host)
    overlay.blank(BLACK)
    host.resize(900, 500)
    assert overlay.geometry() == host.rect()
    late = QLabel("added after", host)  # a pane built after the overlay
    late.show()
    image = host.grab().toImage()
    assert image.pixel(late.geometry().center().x(), late.geometry().center().y()) & 0xFFFFFF == 0


def test_a_click_brings_the_slide_back_and_wrong_colours_are_refused(host, qtbot):
    overlay = BlackoutOverlay(host)
    with pytest.raises(ValueError):
        overlay.blank("grey")
    overlay.blank(WHITE)
    qtbot.mouseClick(overlay, Qt.MouseButton.LeftButton)
    assert not overlay.active and overlay.colour == ""
    with qtbot.assertNotEmitted(overlay.changed):
        overlay.clear()
