"""open_link: only http(s), only after the user confirms a dialog that names the real host.

No test opens a browser: QDesktopServices hands http and https to a
receiver installed for each test.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.ui.links import open_link


class UrlCatcher(QObject):
    """Stands in for the system browser."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def capture(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser(qapp):
    catcher = UrlCatcher()
    for scheme in ("http", "https", "file", "javascript", "ftp"):
        QDesktopServices.setUrlHandler(scheme, catcher, "capture")
    yield catcher
    for scheme in ("http", "https", "file", "javascript", "ftp"):
        QDesktopServices.unsetUrlHandler(scheme)


def answer_next_dialog(button: QMessageBox.StandardButton, seen: list) -> None:
    """When the next modal message box shows, record what it says and press `button`."""
    def attempt() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(5, attempt)
            return
        seen.append(box)
        seen.append({"name": box.objectName(), "text": box.text(), "format": box.textFormat(),
                     "default": box.defaultButton() and box.standardButton(box.defaultButton())})
        box.button(button).click()
    QTimer.singleShot(0, attempt)


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_yes_hands_the_address_to_the_browser(browser, parent):
    seen: list = []
    answer_next_dialog(QMessageBox.StandardButton.Yes, seen)
    assert open_link("https://wonder.cdc.gov/data?x=1", parent) is True
    info = seen[1]
    assert info["name"] == "linkConfirmation"
    assert info["format"] == Qt.TextFormat.PlainText
    assert "Website: wonder.cdc.gov" in info["text"]
    assert "https://wonder.cdc.gov/data?x=1" in info["text"]
    assert browser.opened == ["https://wonder.cdc.gov/data?x=1"]


def test_cancel_opens_nothing_and_cancel_is_the_default(browser, parent):
    seen: list = []
    answer_next_dialog(QMessageBox.StandardButton.No, seen)
    assert open_link("https://example.org/", parent) is False
    assert seen[1]["default"] == QMessageBox.StandardButton.No
    assert browser.opened == []


def test_escape_opens_nothing(browser, parent, qtbot):
    def press_escape() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(5, press_escape)
            return
        qtbot.keyClick(box, Qt.Key.Key_Escape)
    QTimer.singleShot(0, press_escape)
    assert open_link("https://example.org/", parent) is False
    assert browser.opened == []


def test_a_lookalike_host_is_shown_in_ascii(browser, parent):
    seen: list = []
    answer_next_dialog(QMessageBox.StandardButton.No, seen)
    open_link("https://\u0430pple.com/login", parent)  # Cyrillic "а"
    assert "xn--pple-43d.com" in seen[1]["text"]


def test_the_real_host_is_named_when_a_user_name_pretends_to_be_one(browser, parent):
    seen: list = []
    answer_next_dialog(QMessageBox.StandardButton.No, seen)
    open_link("https://school.example@evil.example/page", parent)
    text = seen[1]["text"]
    assert "Website: evil.example" in text
    assert '"school.example" before the @ is not the website' in text


def test_markup_and_bidi_controls_in_an_address_are_shown_as_characters(browser, parent):
    seen: list = []
    answer_next_dialog(QMessageBox.StandardButton.No, seen)
    open_link("https://example.org/<b>x</b>\u202egpj.exe", parent)
    assert seen[1]["format"] == Qt.TextFormat.PlainText
    assert "https://example.org/<b>x</b>⟨RLO⟩gpj.exe" in seen[1]["text"]


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/x", "data:text/html,<b>x</b>",
    "https://", "//example.org/x", "example.org", "https://exa mple.org/", " https://example.org/",
    "https://example.org/\nhttps://evil.example/", "",
])
def test_anything_but_an_http_address_with_a_host_is_refused_with_a_message(browser, parent, url):
    seen: list = []
    answer_next_dialog(QMessageBox.StandardButton.Ok, seen)
    assert open_link(url, parent) is False
    assert seen[1]["name"] == "linkRefused"
    assert seen[1]["format"] == Qt.TextFormat.PlainText
    assert "http://" in seen[1]["text"]
    assert browser.opened == []
