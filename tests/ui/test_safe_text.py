"""safe_text: direction controls made visible, tooltips that Qt cannot read as HTML."""
from __future__ import annotations

from PySide6.QtGui import Qt  # QtGui's Qt carries mightBeRichText

from desktop.ui.safe_text import BIDI_CONTROLS, tooltip, visible


def test_every_bidi_control_becomes_a_visible_marker():
    for char, name in BIDI_CONTROLS.items():
        shown = visible(f"a{char}b")
        assert char not in shown
        assert shown == f"a⟨{name}⟩b"


def test_a_right_to_left_override_cannot_disguise_a_file_name():
    assert visible("invoice\u202etxt.exe") == "invoice⟨RLO⟩txt.exe"


def test_ordinary_text_is_unchanged_including_markup_and_other_scripts():
    for text in ("<b>bold</b> & <img src=x>", "Crise des opioïdes", "مرحبا", "שלום", "tab\there\nline", ""):
        assert visible(text) == text


def test_non_text_gives_empty():
    assert visible(None) == ""  # type: ignore[arg-type]
    assert visible(float("nan")) == ""  # type: ignore[arg-type]


def test_tooltip_is_escaped_html_that_shows_the_characters(qapp):
    from PySide6.QtGui import QTextDocument

    text = '<img src="file:///etc/passwd"> & <a href="https://x">x</a>\u202e'
    html_text = tooltip(text)
    assert Qt.mightBeRichText(html_text)  # Qt will render it as rich text …
    document = QTextDocument()
    document.setHtml(html_text)
    assert document.toPlainText() == visible(text)  # … and what it shows is exactly the text
    assert "<img" not in html_text and "<a " not in html_text
