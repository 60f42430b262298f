"""A quote keeps its indent however it is moved between views and the spares' shelf.

QFrame sets a label's margins from its frame when the label changes parent;
a quote never laid out (0 px high) lost its indent that way when a spare
card's quote was shelved, and came back painted with its text on its rule.
"""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.ui.citation_labels import QuoteBlock
from desktop.ui.theme import themes


def _margins(label) -> tuple[int, int, int, int]:
    margins = label.contentsMargins()
    return margins.left(), margins.top(), margins.right(), margins.bottom()


def test_a_quote_shelved_before_it_was_laid_out_keeps_its_indent(qtbot, app_font):
    theme = themes().theme
    first, second = QWidget(), QWidget()
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    quote = QuoteBlock("the source's own words", theme, first)
    given = _margins(quote)
    assert given[0] > 0  # the indent the rule is drawn in
    quote.resize(100, 0)  # never laid out: a card's quote made ahead, shelved when its fact has none
    quote.setParent(second)
    assert _margins(quote) == given
    quote.setParent(first)
    assert _margins(quote) == given

