"""Accessibility: names for every control, translated names, a visible focus, contrast and colour-blind safety.

Names are read the way a screen reader reads them: through the widget's
QAccessibleInterface, not `accessibleName()` (a button's name is its text).
"""
from __future__ import annotations

import itertools
import math
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractScrollArea, QAbstractSlider, QAbstractSpinBox, QApplication,
    QComboBox, QHeaderView, QLineEdit, QPlainTextEdit, QScrollBar, QTabBar, QTextEdit, QWidget,
)

from desktop.dataset.problems import Problem
from desktop.settings import Settings
from desktop.state import SelectionState
from desktop.ui import i18n, theme
from desktop.ui.main_window import MainWindow
from desktop.ui.style import apply_style, remove_style
from desktop.ui.theme import LIGHT, PROJECTOR_DARK, PROJECTOR_LIGHT, themes

INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView, QTabBar, QAbstractSpinBox, QAbstractSlider,
               QTextEdit, QPlainTextEdit)
_OBJECT_NAME = re.compile(r"^[a-z]+(?:[A-Z][a-z0-9]*)+$|^qt_\w+$")  # timelineSearch, qt_spinbox_lineedit


@pytest.fixture
def window(qtbot, default_dataset):
    """The real window on the default dataset with a fact focused, in English."""
    made = []

    def make(lang: str = "en") -> MainWindow:
        i18n.install_translator(QApplication.instance(), lang)
        win = MainWindow(SelectionState(), Settings())
        qtbot.addWidget(win)
        win.resize(1600, 900)
        win.show()
        win.set_dataset(default_dataset)
        win.state.set_focus(_cited_event(default_dataset), "test")
        QApplication.processEvents()
        made.append(win)
        return win

    apply_style(QApplication.instance())  # as create_application does: the focus ring, no Tab traps
    yield make
    for win in made:
        win.presentation.stop()
    themes().set_theme(LIGHT)
    i18n.install_translator(QApplication.instance(), "en")
    remove_style()


def _cited_event(dataset) -> str:
    cited = set(dataset.citations["target"])
    return next(e for e in dataset.events.index if e in cited and any(dataset.citations["quote"][dataset.citations["target"] == e]))


def _internal(widget: QWidget) -> bool:
    """Parts of a control that a screen reader meets through the control itself."""
    if isinstance(widget, QScrollBar):
        return True
    parent = widget.parentWidget()
    if isinstance(widget, QHeaderView) and isinstance(parent, QAbstractItemView):
        return True  # read as the list's column headings
    if isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget:
        return True
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox)):
            return True
        parent = parent.parentWidget()
    return False


def reachable(root: QWidget) -> list[QWidget]:
    """Every shown widget a user can reach with the keyboard or operate."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if widget.focusProxy() is not None:
            continue  # the proxy (a tab widget's tab bar) is what gets focus and is named
        tab = (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) == Qt.FocusPolicy.TabFocus
        if (tab or isinstance(widget, INTERACTIVE)) and not _internal(widget):
            found.append(widget)
    return found


def spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def unnamed(root: QWidget) -> list[str]:
    bad = []
    for widget in reachable(root):
        name = spoken_name(widget).strip()
        if not name or name == widget.objectName() or _OBJECT_NAME.match(name):
            bad.append(f"{type(widget).__name__} {widget.objectName()!r} in "
                       f"{widget.parentWidget().objectName() if widget.parentWidget() else '-'}: {name!r}")
    return bad


# ---- names ----------------------------------------------------------------------------------
def test_the_focused_fact_is_told_to_screen_readers_with_its_date_and_claim_type(window, default_dataset):
    win = window()
    target = win.state.focus
    fact = default_dataset.fact(target)
    claims = {theme.claim_type_label(c) for c in default_dataset.citations["claim_type"][default_dataset.citations["target"] == target]}
    for described in (win.timeline.view, win.citations):
        text = QAccessible.queryAccessibleInterface(described).text(QAccessible.Text.Description)
        assert fact.title in text and fact.date_label in text, text
        assert any(c in text for c in claims), text


def test_the_citation_text_is_selectable_by_keyboard_and_mouse(window):
    win = window()
    quote = win.citations.fact_view.cards[0].quote.label
    quote.setFocus(Qt.FocusReason.TabFocusReason)
    flags = quote.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard and flags & Qt.TextInteractionFlag.TextSelectableByMouse


def _path(widget: QWidget) -> str:
    parts = []
    while widget is not None:
        parent = widget.parentWidget()
        siblings = [c for c in (parent.children() if parent else []) if type(c) is type(widget)]
        parts.append(f"{type(widget).__name__}:{widget.objectName()}:{siblings.index(widget) if widget in siblings else 0}")
        widget = parent
    return "/".join(reversed(parts))


# ---- focus you can see --------------------------------------------------------------------------------
def test_tab_moves_a_visible_ring_to_each_control(window, qapp):
    ring = apply_style(qapp)
    win = window()
    win.activateWindow()
    win.timeline.view.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(6):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert ring.target is focused and ring.shown()
        centre = ring.overlay.mapFromGlobal(focused.mapToGlobal(focused.rect().center()))
        assert ring.overlay.rect().contains(centre)
        top_left = ring.overlay.mapTo(win, QPoint(0, 0))
        pixel = win.grab().toImage().pixelColor(top_left.x() + ring.overlay.width() // 2, top_left.y() + 1)
        assert pixel.name() == LIGHT.focus.lower()  # the ring is drawn, in the focus colour


def test_the_ring_hides_while_presenting_and_takes_the_dark_colour(window, qapp):
    ring = apply_style(qapp)
    win = window()
    win.timeline.view.setFocus()
    assert ring.shown()
    themes().set_theme(PROJECTOR_DARK)
    assert not ring.shown()  # classroom mode: the slides stay clean
    themes().set_theme(LIGHT)
    assert ring.shown() and ring.colour().name() == LIGHT.focus.lower()


def test_tab_never_gets_stuck_in_a_date_filter(window):
    win = window()
    box = win.timeline.bar.from_edit
    assert box.text() == box.specialValueText()  # "any": where Qt's date edit keeps Tab to itself
    box.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not box
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is box


# ---- type size --------------------------------------------------------------------------------------------
def test_the_interface_follows_a_larger_system_font(qapp):
    from desktop.app import FONT_FAMILY, register_fonts

    before = QApplication.font()
    try:
        QApplication.setFont(QFont("Sans", 16))
        register_fonts()
        assert QApplication.font().pointSizeF() == 16 and QApplication.font().family() == FONT_FAMILY
        QApplication.setFont(QFont("Sans", 8))
        register_fonts()
        assert QApplication.font().pointSizeF() == 10.5  # never smaller than legible
    finally:
        QApplication.setFont(before)


# ---- colour ------------------------------------------------------------------------------------------------
def _luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_ratio_matches_wcag_examples():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert contrast("#777777", "#FFFFFF") < 4.5


@pytest.mark.parametrize("look", [LIGHT, PROJECTOR_LIGHT, PROJECTOR_DARK], ids=["light", "projector-light", "projector-dark"])
def test_text_contrast_meets_wcag_aa_in_every_theme(look):
    assert contrast(look.foreground, look.background) >= 7.0
    assert contrast(look.muted, look.background) >= 4.5
    assert contrast("#000000", look.highlight) >= 4.5  # the "Another source disagrees" heading
    assert contrast(look.focus, look.background) >= 3.0  # the focus ring (non-text: 3:1)


@pytest.mark.parametrize("claim_type", sorted(theme.CLAIM_TYPE_COLOURS))
def test_claim_badges_are_legible(claim_type):
    assert contrast("#FFFFFF", theme.CLAIM_TYPE_COLOURS[claim_type]) >= 4.5  # white words on the badge


def test_the_dark_palette_twins_are_text_colours_on_white():
    for colour in theme.OKABE_ITO_DARK:
        assert contrast(colour, "#FFFFFF") >= 4.5, colour


# Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB.
_CVD = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}


def _lab_as_seen(colour: str, matrix) -> tuple[float, float, float]:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    rgb = [linear(int(colour.lstrip("#")[i:i + 2], 16) / 255) for i in (0, 2, 4)]
    r, g, b = (min(max(sum(matrix[i][j] * rgb[j] for j in range(3)), 0.0), 1.0) for i in range(3))
    x, y, z = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, \
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


@pytest.mark.parametrize("deficiency", sorted(_CVD))
def test_category_colours_stay_apart_for_colour_blind_readers(deficiency):
    seen = [_lab_as_seen(c, _CVD[deficiency]) for c in theme.OKABE_ITO]
    closest = min(math.dist(a, b) for a, b in itertools.combinations(seen, 2))
    assert closest >= 15  # CIE76 ΔE; about 2.3 is just noticeable, 15 is clearly another colour


def test_category_is_never_told_by_colour_alone():
    assert len(set(theme.MARKER_SHAPES)) == len(theme.OKABE_ITO)  # each colour has its own shape
    assert all(theme.claim_type_label(c) != c for c in theme.CLAIM_TYPE_COLOURS)  # each badge has its words
def test_every_control_in_the_window_has_a_spoken_name(window):
    win = window()
    assert len(reachable(win)) > 15  # the walk really finds the panes' controls
    assert unnamed(win) == []



def test_every_control_of_the_presentation_has_a_spoken_name(window):
    win = window()
    win.presentation.start(full_screen=False)
    QApplication.processEvents()
    assert win.presentation.bar.isVisible()
    assert unnamed(win) == []



def test_dialogs_name_their_controls(window, qtbot):
    from desktop.ui.about_dialog import AboutDialog
    from desktop.ui.problems_dialog import ProblemsDialog

    win = window()
    dialogs = [AboutDialog(win), ProblemsDialog(Path("/tmp/broken"), [Problem("events.csv", 3, "date", "not a date")], win)]
    win.shortcuts_action.trigger()
    dialogs.append(win.shortcuts_dialog)
    dialogs.append(win.citations.open_export_dialog())
    for dialog in dialogs:
        dialog.show()
        qtbot.waitExposed(dialog)
        assert unnamed(dialog) == [], type(dialog).__name__
        dialog.close()



def test_spoken_names_are_translated_words(window):
    """In Spanish a control is not called by its English name (nor by its object name)."""
    english = {_path(w): spoken_name(w) for w in reachable(window("en"))}
    spanish_window = window("es")
    assert unnamed(spanish_window) == []
    same = [(path, name) for w in reachable(spanish_window)
            if (path := _path(w)) in english and (name := spoken_name(w)) == english[path]
            and re.search(r"[A-Za-z]{3}", name) and name not in {"APA 7", "Factdeck"}]
    assert same == []


