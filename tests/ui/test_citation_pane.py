"""The citation pane as a user meets it: the fact, badges, quotes, headings, copying, links, themes."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QHelpEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QTextEdit, QToolTip

from desktop import settings as keys
from desktop.dataset.citations import format_citation
from desktop.settings import Settings
from desktop.state import SelectionState
from desktop.ui.citation_cards import ClaimBadge, QuoteBlock
from desktop.ui.citation_pane import CitationPane
from desktop.ui.safe_text import tooltip
from desktop.ui.theme import CLAIM_TYPE_COLOURS, LIGHT, PROJECTOR_DARK, claim_type_explanation, themes
from test_citation_data import INJECTION_QUOTE, INJECTION_TITLE, citation_dataset


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    return citation_dataset(tmp_path_factory.mktemp("citations") / "ds")


@pytest.fixture
def state():
    return SelectionState()


@pytest.fixture
def pane(qtbot, dataset, state):
    widget = CitationPane(dataset, state)
    qtbot.addWidget(widget)
    widget.resize(640, 900)
    widget.show()
    yield widget
    themes().set_theme(LIGHT)


def shown(pane, name: str) -> list[str]:
    return [label.text() for label in pane.findChildren(QLabel, name) if label.isVisibleTo(pane)]


def badges(pane) -> list[ClaimBadge]:
    return pane.fact_view.findChildren(ClaimBadge)


def test_with_nothing_focused_it_says_what_to_do(pane):
    assert shown(pane, "citationEmpty") == [
        "Select an event on the timeline or a point on the chart to see who says so."]
    assert not pane.copy_button.isEnabled()


def test_the_focused_fact_is_shown(pane, state):
    state.set_focus("e-plain", "timeline")
    assert shown(pane, "factTitle") == ["A quiet year"]
    assert shown(pane, "factDate") == ["2018"]
    assert shown(pane, "factSummary") == ["Nothing much."]
    assert shown(pane, "factWhere") == ["Policy · Ohio"]
    assert shown(pane, "locatorText") == ["Where: p. 3"]
    assert pane.copy_button.isEnabled()


def test_a_value_shows_its_unit_and_qualifier_and_the_whole_series_citation(pane, state):
    state.set_focus("deaths@2019", "chart")
    assert shown(pane, "factTitle") == ["Overdose deaths"]
    assert shown(pane, "factValue") == ["36,359 deaths (provisional)"]
    assert shown(pane, "wholeSeries") == ["cited for the whole series"]


def test_injection_strings_are_shown_literally_and_nothing_is_rich_text(pane, state, qtbot):
    state.set_focus("e-inject", "timeline")
    assert shown(pane, "factTitle") == ["Seizure <b>at</b> the port"]
    assert shown(pane, "factSummary") == ['<a href="https://evil.example/">Read more</a>']
    assert INJECTION_QUOTE in shown(pane, "quoteText")
    assert "Note: <script>x</script>" in shown(pane, "noteText")
    assert INJECTION_TITLE in shown(pane, "sourceTitle")
    labels = pane.findChildren(QLabel)
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert not pane.findChildren(QTextEdit)  # no text browser that could resolve a resource
    assert not any(label.openExternalLinks() for label in labels)
    image = pane.grab()  # rendering loads nothing and warns about nothing (Qt warnings fail the test)
    assert not image.isNull()


def test_bidi_controls_in_a_quote_are_made_visible(pane, state):
    state.set_focus("e-inject", "timeline")
    assert "Shipped as ⟨RLO⟩txt.exe and logged" in shown(pane, "quoteText")


def test_badges_say_the_claim_type_in_words_and_colour_supports_first(pane, state):
    state.set_focus("e-inject", "timeline")
    found = badges(pane)
    assert [b.text() for b in found] == ["Official statistic", "Anonymous source", "Journalist's assertion"]
    for badge in found:
        image = badge.grab().toImage()
        inside = QPoint(round(4 * image.devicePixelRatio()), image.height() // 2)  # in the padding, not the words
        assert image.pixelColor(inside).name().upper() == CLAIM_TYPE_COLOURS[badge.claim_type]
        assert badge.textFormat() == Qt.TextFormat.PlainText


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen raising the tooltip window
def test_hovering_a_badge_explains_what_the_claim_rests_on(pane, state, qtbot):
    state.set_focus("e-inject", "timeline")
    badge = badges(pane)[1]
    assert badge.toolTip() == tooltip(claim_type_explanation("anonymous-source"))
    centre = badge.rect().center()
    QApplication.sendEvent(badge, QHelpEvent(QEvent.Type.ToolTip, centre, badge.mapToGlobal(centre)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert "only the reporter can vouch for them" in QToolTip.text()
    QToolTip.hideText()


def test_disputing_sources_come_last_under_a_clear_heading(pane, state):
    state.set_focus("e-inject", "timeline")
    view = pane.fact_view
    assert shown(pane, "heading-disputes") == ["Another source disagrees"]
    supports, context, disputes = (view.headings[s] for s in ("supports", "context", "disputes"))
    assert supports.y() < context.y() < disputes.y()
    disputing = [card for card in view.cards if card.stance == "disputes"]
    assert [card.badge.text() for card in disputing] == ["Journalist's assertion"]
    assert all(card.y() > disputes.y() for card in disputing)
    assert all(card.y() < disputes.y() for card in view.cards if card.stance != "disputes")


def test_no_disputes_heading_when_no_source_disagrees(pane, state):
    state.set_focus("e-plain", "timeline")
    assert shown(pane, "heading-disputes") == []
    assert shown(pane, "heading-supports") == ["Who says so"]


def test_the_accessible_description_names_the_fact_date_and_claim_types(pane, state):
    state.set_focus("e-inject", "timeline")
    description = pane.accessibleDescription()
    assert "Seizure <b>at</b> the port" in description and "4 Nov 2019" in description
    assert "Official statistic, Anonymous source, Journalist's assertion" in description


def test_copy_citation_puts_the_formatted_sources_on_the_clipboard(pane, state, dataset, qtbot):
    state.set_focus("e-inject", "timeline")
    QGuiApplication.clipboard().clear()
    with qtbot.waitSignal(pane.citation_copied) as copied:
        qtbot.mouseClick(pane.copy_button, Qt.MouseButton.LeftButton)
    expected = format_citation(dataset, ["s-official", "s-news", "s-anon"], "apa", "en",
                               {"s-official": "Table 1", "s-news": "para 12"})
    assert copied.args == ["apa", expected]
    assert QGuiApplication.clipboard().text() == expected
    assert "Table 1" in expected and "Where the pills come from" in expected
    assert shown(pane, "citationMessage") == ["Copied the APA 7 citation of 3 source(s) to the clipboard."]


def test_the_style_chooser_changes_the_format_and_is_remembered(qtbot, dataset, state, isolated_home):
    settings = Settings()
    pane = CitationPane(dataset, state, settings=settings)
    qtbot.addWidget(pane)
    state.set_focus("e-plain", "timeline")
    pane.style_combo.setCurrentIndex(pane.style_combo.findData("bibtex"))
    qtbot.mouseClick(pane.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().startswith("@misc{s-evil,")
    assert Settings().get(keys.CITATION_STYLE) == "bibtex"
    again = CitationPane(dataset, state, settings=Settings())
    qtbot.addWidget(again)
    assert again.style == "bibtex"


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def capture(self, url: QUrl) -> None:
        self.opened.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


@pytest.fixture
def browser(qapp):
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "capture")
    QDesktopServices.setUrlHandler("http", catcher, "capture")
    yield catcher
    QDesktopServices.unsetUrlHandler("https")
    QDesktopServices.unsetUrlHandler("http")


def click_when_asked(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    def attempt() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(5, attempt)
            return
        seen.append(box.text())
        box.button(button).click()
    QTimer.singleShot(0, attempt)


def open_button_of(pane, source_id: str):
    card = next(c for c in pane.fact_view.cards if c.source_id == source_id)
    return card.source.open_button, card.source.url_field


def test_open_in_browser_asks_first_and_names_the_real_host(pane, state, qtbot, browser):
    state.set_focus("e-inject", "timeline")
    button, field = open_button_of(pane, "s-news")
    assert field.text() == "https://\u0430pple.example/news" and field.isReadOnly()
    seen: list[str] = []
    click_when_asked(QMessageBox.StandardButton.No, seen)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "xn--pple-43d.example" in seen[0]
    assert browser.opened == []
    click_when_asked(QMessageBox.StandardButton.Yes, seen)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert browser.opened == ["https://xn--pple-43d.example/news"]


def test_a_source_without_an_address_has_no_open_button(pane, state):
    state.set_focus("e-inject", "timeline")
    card = next(c for c in pane.fact_view.cards if c.source_id == "s-anon")
    assert card.source.open_button is None


def test_the_projector_theme_makes_quotes_and_badges_bigger(pane, state, qtbot):
    state.set_focus("e-inject", "timeline")
    before_quote = pane.fact_view.findChildren(QuoteBlock)[0].label.font().pointSizeF()
    before_badge = badges(pane)[0].font().pointSizeF()
    with qtbot.waitSignal(themes().changed):
        themes().set_theme(PROJECTOR_DARK)
    assert pane.fact_view.findChildren(QuoteBlock)[0].label.font().pointSizeF() == pytest.approx(before_quote * 1.6)
    assert badges(pane)[0].font().pointSizeF() == pytest.approx(before_badge * 1.6)
    assert pane.palette().color(pane.backgroundRole()).name().upper() == PROJECTOR_DARK.background
    assert shown(pane, "factTitle") == ["Seizure <b>at</b> the port"]


def test_the_citations_tab_catches_up_after_the_sources_tab(pane, state, qtbot):
    pane.tabs.setCurrentIndex(1)
    state.set_focus("e-plain", "timeline")
    pane.tabs.setCurrentIndex(0)
    assert shown(pane, "factTitle") == ["A quiet year"]


def test_an_unknown_focus_is_named_not_crashed_on(pane, state):
    state.set_focus("no-such-thing", "timeline")
    assert shown(pane, "citationEmpty") == ["Nothing in this dataset is called no-such-thing."]
    assert not pane.copy_button.isEnabled()


def test_quotes_can_be_selected_with_the_keyboard_and_any_text_with_the_mouse(pane, state, qtbot):
    from PySide6.QtTest import QTest

    state.set_focus("e-inject", "timeline")
    quote = pane.fact_view.findChildren(QuoteBlock)[0].label
    pane.activateWindow()
    quote.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(quote.hasFocus)
    qtbot.keyClick(quote, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert quote.selectedText() == INJECTION_QUOTE
    where = next(label for label in pane.findChildren(QLabel, "locatorText"))
    QTest.mouseMove(where, where.rect().center())
    qtbot.waitUntil(lambda: bool(where.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse))


# ---- classroom mode: legible from the back of the room -------------------------------------------
def test_presenting_shows_the_citations_alone_and_restores_the_tools_after(pane, state, qtbot):
    from desktop.ui.presentation import presentation_theme

    from PySide6.QtWidgets import QLineEdit

    state.set_focus("e-inject", "timeline")
    assert pane.findChildren(QLineEdit, "sourceUrl") and shown(pane, "sourceNotes")
    pane.tabs.setCurrentIndex(1)  # the teacher was looking at the Sources list
    themes().set_theme(presentation_theme("light", 1.0, 768))
    assert pane.toolbar.isHidden() and pane.tabs.tabBar().isHidden()
    assert pane.tabs.currentIndex() == 0 and shown(pane, "factTitle") == ["Seizure <b>at</b> the port"]
    assert not pane.findChildren(QLineEdit, "sourceUrl") and not shown(pane, "sourceNotes")  # the desk's details go
    assert shown(pane, "sourceLine")  # who said it stays, in one line
    themes().set_theme(LIGHT)
    assert pane.toolbar.isVisible() and pane.tabs.tabBar().isVisible() and pane.tabs.currentIndex() == 1


def test_presenting_puts_claim_types_and_quotes_before_the_summary(pane, state, qtbot):
    from desktop.ui.presentation import presentation_theme

    state.set_focus("e-inject", "timeline")
    themes().set_theme(presentation_theme("light", 1.0, 768))
    view = pane.fact_view
    summary = view.findChild(QLabel, "factSummary")
    first_quote = view.findChildren(QuoteBlock)[0]
    first_badge = badges(pane)[0]
    assert summary is not None and summary.isVisibleTo(pane)  # still there, after the sources
    assert first_badge.mapTo(view, QPoint(0, 0)).y() < summary.mapTo(view, QPoint(0, 0)).y()
    assert first_quote.mapTo(view, QPoint(0, 0)).y() < summary.mapTo(view, QPoint(0, 0)).y()


def test_presenting_the_disputes_step_at_1024x768_shows_the_disagreeing_quote(qtbot, default_dataset, app_font):
    """who-says-so step 10: the disputing source is the point of the step; it must be on the slide."""
    from desktop.ui.main_window import MainWindow

    window = MainWindow(SelectionState(), Settings())
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    window.set_dataset(default_dataset)
    try:
        window.presentation.start("who-says-so", 10, full_screen=False)
        pane = window.citations
        assert window.state.focus == "fentanyl-potency"
        qtbot.waitUntil(lambda: pane.fact_view is not None and "disputes" in pane.fact_view.headings)
        QApplication.processEvents()
        viewport = pane.scroll.viewport()
        seen = viewport.rect()

        def on_slide(widget) -> bool:
            top_left = widget.mapTo(viewport, QPoint(0, 0))
            return seen.contains(top_left) and seen.contains(top_left + QPoint(widget.width() - 1, widget.height() - 1))

        view = pane.fact_view
        disputing = next(card for card in view.cards if card.stance == "disputes")
        assert pane.toolbar.isHidden()
        assert on_slide(view.findChild(QLabel, "factTitle"))
        assert on_slide(view.cards[0].badge) and on_slide(view.cards[0].quote.label)
        assert on_slide(view.headings["disputes"])
        assert on_slide(disputing.badge) and on_slide(disputing.quote.label)
    finally:
        window.presentation.stop()
        themes().set_theme(LIGHT)


def test_a_quote_is_set_off_by_a_rule_down_its_left_side(pane, state):
    state.set_focus("e-inject", "timeline")
    quote = pane.fact_view.findChildren(QuoteBlock)[0]
    image = quote.grab().toImage()
    ratio = image.devicePixelRatio()
    rule = {image.pixelColor(round(1 * ratio), round(y * ratio)).name().upper() for y in (1, quote.height() // 2, quote.height() - 2)}
    assert rule == {LIGHT.muted.upper()}  # top to bottom
    assert quote.contentsRect().left() >= 12  # the words start clear of it
    assert quote.text() == INJECTION_QUOTE and quote.textFormat() == Qt.TextFormat.PlainText
