"""Citation pane: who says so about the focused fact, in their own words, and how to cite it.

Two tabs: "Citations" shows the focused fact and each citation behind it
(claim-type badge, the quote as a block quotation, locator, note, source),
supporting ones first, then context, then disputing ones under "Another
source disagrees"; "Sources" lists every source and filters the other panes
to one. A small toolbar copies the focused fact's citation in the chosen
style and exports a bibliography to a file.

The pane only reads the state and changes it (the source filter); it never
calls another pane. It shows a fact view for the focus while the Citations
tab is showing, and keeps the last few it built (`ViewCache`): going back to
a fact shows its view again instead of building and laying out new widgets.
A new fact is shown in the view that would otherwise be deleted (the least
recently shown one), filled with the new text (`FactView.fill`), and the
widgets it no longer needs wait on a shelf (`Spares`) for the next view. A
theme change drops them all, since every size and colour depends on it.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QComboBox, QLabel, QPushButton, QScrollArea, QTabWidget, QToolBar, QVBoxLayout, QWidget,
)

from .. import settings as keys
from ..dataset.citations import format_bibliography, format_citation
from ..dataset.dataset import Dataset
from ..state import SelectionState
from . import i18n
from .citation_cards import CitationCard, FactView, Spares, WrappedBlock, plain_label
from .citation_rows import CitationRows, SourceRecords
from .citation_export import STYLE_NAMES, ExportBibliographyDialog, save_bibliography
from .safe_text import visible
from .sources_view import SourcesView
from .theme import Theme, themes

ORIGIN = "citations"
CITATIONS_TAB, SOURCES_TAB = 0, 1
KEPT_VIEWS = 16  # built fact views kept for going back (each is a few dozen widgets)
SPARE_CARDS = 4  # citation cards made ahead, while the reader reads, for the next new fact (a disputed one has 3-4)
CARDS_PER_FOCUS = 2  # cards made per fact shown, built for it or ahead of need: no moment pays for many


class ViewKey(NamedTuple):
    """Everything a built fact view depends on (the pane's dataset is fixed for its life)."""

    focus: str
    theme: Theme
    language: str  # the interface words (tr) and the translated dataset columns
    locale: str  # how numbers and dates are written: "en_US", "es_MX", "es_ES"


    def look(self) -> tuple:
        """What every widget of the view was made for, whatever fact it shows."""
        return self.theme, self.language, self.locale


class BuiltView(NamedTuple):
    content: QWidget
    fact_view: FactView | None
    description: str


class ViewCache:
    """The last few built views, most recently shown last; the oldest is deleted when one more is kept."""

    def __init__(self, size: int = KEPT_VIEWS) -> None:
        self.size = size
        self._views: OrderedDict[ViewKey, BuiltView] = OrderedDict()

    def get(self, key: ViewKey) -> BuiltView | None:
        built = self._views.get(key)
        if built is not None:
            self._views.move_to_end(key)
        return built

    def reusable(self, key: ViewKey, shown: QWidget | None) -> BuiltView | None:
        """When the cache is full: take out its oldest fact view if it has `key`'s look and is not `shown`."""
        if len(self._views) < self.size:
            return None
        oldest, built = next(iter(self._views.items()))
        if built.fact_view is None or built.content is shown or oldest.look() != key.look():
            return None
        del self._views[oldest]
        return built

    def put(self, key: ViewKey, built: BuiltView) -> list[QWidget]:
        """Keep `built`; return the views that no longer fit, for the caller to delete."""
        self._views[key] = built
        self._views.move_to_end(key)
        dropped = []
        while len(self._views) > self.size:
            dropped.append(self._views.popitem(last=False)[1].content)
        return dropped

    def clear(self) -> list[QWidget]:
        """Forget every view; return them for the caller to delete."""
        dropped = [built.content for built in self._views.values()]
        self._views.clear()
        return dropped

    def __len__(self) -> int:
        return len(self._views)


def theme_palette(theme: Theme) -> QPalette:
    """The application's palette, or for a presenting theme one built from its colours.

    Every role a widget here paints with is set (buttons and tabs too), so a
    dark theme never leaves light text on a light tab or the reverse.
    """
    if not (theme.dark or theme.presenting):
        return QPalette(QGuiApplication.palette())
    button = QColor(theme.background).lighter(300) if theme.dark else QColor("#EFEFEF")
    if theme.dark and button.lightness() < 40:
        button = QColor("#2E2E2E")
    palette = QPalette(button, QColor(theme.background))
    for role, colour in ((QPalette.ColorRole.Base, theme.background),
                         (QPalette.ColorRole.AlternateBase, theme.grid),
                         (QPalette.ColorRole.WindowText, theme.foreground),
                         (QPalette.ColorRole.Text, theme.foreground),
                         (QPalette.ColorRole.ButtonText, theme.foreground),
                         (QPalette.ColorRole.PlaceholderText, theme.muted),
                         (QPalette.ColorRole.ToolTipBase, theme.background),
                         (QPalette.ColorRole.ToolTipText, theme.foreground)):
        palette.setColor(role, QColor(colour))
    return palette


class TextBlock(WrappedBlock, QWidget):
    """A plain container of wrapped text (the scroll area's holder, the "select something" view)."""


class CitationPane(QWidget):
    """The focused fact's citations as plain text, the Sources list, and citing tools.

    `settings` (optional) remembers the chosen citation style.
    `citation_copied(style, text)` fires after a citation reaches the clipboard.
    """

    citation_copied = Signal(str, str)
    bibliography_saved = Signal(str)

    def __init__(self, dataset: Dataset, state: SelectionState, parent: QWidget | None = None,
                 settings=None) -> None:
        super().__init__(parent)
        self.setObjectName("citationPane")
        self.dataset, self.state, self.settings = dataset, state, settings
        self.fact_view: FactView | None = None
        self._source_records = SourceRecords(dataset)
        self._citation_rows = CitationRows(dataset)
        self.export_dialog: ExportBibliographyDialog | None = None
        self._shown: ViewKey | None = None  # what the fact view on screen was built for
        self._views = ViewCache()
        self._spares = Spares(self)  # widgets of the current look that no view shows now
        self._spares_look: tuple | None = None
        self._stock_queued = False
        self._cards_built = 0  # cards the views shown since the last stocking had to build
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._build_toolbar()
        layout.addWidget(self.toolbar)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("citationTabs")
        self.tabs.setDocumentMode(True)
        self.scroll = QScrollArea(self.tabs)
        self.scroll.setObjectName("citationScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setAccessibleName(self.tr("Who says so about the selected fact"))
        # One container for the scroll area's whole life: each focus swaps the view inside it, because
        # QScrollArea.setWidget re-polishes and lays out a new widget tree (~20 ms per focus change).
        self._holder = TextBlock()
        self._holder.setObjectName("citationHolder")
        self._holder.setAutoFillBackground(False)
        self._holder_box = QVBoxLayout(self._holder)
        self._holder_box.setContentsMargins(0, 0, 0, 0)
        self._holder_box.setSpacing(0)
        self._content: QWidget | None = None
        self.scroll.setWidget(self._holder)
        self.sources_view = SourcesView(dataset, state, self.tabs)
        self.tabs.addTab(self.scroll, self.tr("Citations"))
        self.tabs.addTab(self.sources_view, self.tr("Sources"))
        self.tabs.setTabToolTip(CITATIONS_TAB, self.tr("Who says so about the selected fact"))
        self.tabs.setTabToolTip(SOURCES_TAB, self.tr("Every source, and how many facts each one backs"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        layout.addWidget(self.tabs, 1)

        self.message = QLabel(self)
        self.message.setObjectName("citationMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setContentsMargins(8, 4, 8, 4)
        self.message.hide()
        layout.addWidget(self.message)

        state.focus_changed.connect(self._on_state_focus_changed)
        themes().changed.connect(self._on_themes_changed)
        self._apply_theme(themes().theme)

    # ---- building ---------------------------------------------------------
    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("Citing"), self)
        self.toolbar.setObjectName("citationToolbar")
        self.toolbar.setMovable(False)
        self.style_combo = QComboBox(self.toolbar)
        self.style_combo.setObjectName("citationStyle")
        self.style_combo.setAccessibleName(self.tr("Citation style"))
        self.style_combo.setToolTip(self.tr("The style used by Copy citation and Export bibliography: "
                                            "APA 7th edition, MLA 9th edition, Chicago author-date, "
                                            "or the BibTeX, RIS and CSL-JSON formats of reference managers"))
        self.style_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for key, name in STYLE_NAMES.items():
            self.style_combo.addItem(name, key)
        saved = self.settings.get(keys.CITATION_STYLE) if self.settings is not None else "apa"
        self.style_combo.setCurrentIndex(max(0, self.style_combo.findData(saved)))
        self.style_combo.currentIndexChanged.connect(self._on_style_combo_changed)
        self.copy_button = QPushButton(self.tr("Copy citation"), self.toolbar)
        self.copy_button.setObjectName("copyCitation")
        self.copy_button.setAccessibleName(self.tr("Copy the citation of the selected fact's sources"))
        self.copy_button.clicked.connect(self.copy_citation)
        self.export_button = QPushButton(self.tr("Export bibliography…"), self.toolbar)
        self.export_button.setObjectName("exportBibliography")
        self.export_button.setAccessibleName(self.tr("Export a bibliography to a file"))
        self.export_button.clicked.connect(self.open_export_dialog)
        self.toolbar.addWidget(self.style_combo)
        self.toolbar.addWidget(self.copy_button)
        self.toolbar.addWidget(self.export_button)

    @property
    def style(self) -> str:
        """The chosen citation style key ("apa", "mla", "chicago", "bibtex", "ris", "csl-json")."""
        return self.style_combo.currentData()

    def _apply_theme(self, theme: Theme) -> None:
        font = QFont(self.font())
        font.setPointSizeF(theme.point_size())
        self.setFont(font)
        self.setPalette(theme_palette(theme))
        self.scroll.viewport().setAutoFillBackground(True)
        self._delete_views(self._views.clear())  # built for the old sizes and colours
        self._spares.clear()
        self._show_presenting(theme.presenting)  # may show the Citations tab, which builds the view
        self._refresh()

    def _show_presenting(self, presenting: bool) -> None:
        """Classroom mode shows the citations alone: no citing tools, no tabs; they come back after."""
        if presenting == self.toolbar.isHidden():
            return
        self.toolbar.setHidden(presenting)
        self.tabs.tabBar().setHidden(presenting)
        if presenting:
            self._tab_before = self.tabs.currentIndex()
            self.tabs.setCurrentIndex(CITATIONS_TAB)
        else:
            self.tabs.setCurrentIndex(getattr(self, "_tab_before", CITATIONS_TAB))

    def _refresh(self) -> None:
        """Show the fact view for what is focused now (focus, theme, language), if it is visible."""
        focus, theme = self.state.focus, themes().theme
        self.copy_button.setEnabled(bool(focus) and self.dataset.kind_of(focus) is not None)
        key = ViewKey(focus, theme, i18n.language(), i18n.locale().name())
        if not self.isVisible() or self.tabs.currentIndex() != CITATIONS_TAB or self._shown == key:
            return  # a hidden view is brought up to date when it is shown (showEvent, tab change)
        self._shown = key
        made_before = CitationCard.made
        built = self._views.get(key)
        dropped: list[QWidget] = []
        if built is None:
            if self._spares_look != key.look():  # made for other sizes, colours or words
                self._spares.clear()
                self._spares_look = key.look()
            reused = self._views.reusable(key, self._content) if self.dataset.kind_of(focus) is not None else None
            if reused is not None:
                reused.fact_view.fill(focus)  # new text in the widgets of the view least recently shown
                built = BuiltView(reused.content, reused.fact_view, reused.fact_view.accessible_summary())
            else:
                built = self._build(focus, theme)
            dropped = self._views.put(key, built)
        self.fact_view = built.fact_view
        self.setAccessibleDescription(built.description)
        self._swap_content(built.content)
        self._delete_views(dropped)  # after the swap: the view being left may be the oldest kept
        self._cards_built += CitationCard.made - made_before
        if built.fact_view is not None and not self._stock_queued:
            self._stock_queued = True  # after this view is painted, while the reader reads it
            QTimer.singleShot(0, self._stock_spare_card)

    def _stock_spare_card(self) -> None:
        """Make citation cards ahead of need, so that the next new fact fills cards instead of building them.

        A new card costs its widgets, their fonts and palettes and Qt's first
        polish of each (~1-2 ms, more with its first layout and paint inside a
        focus change); made here, after the view on screen has been painted,
        that happens while the reader reads. Up to `CARDS_PER_FOCUS` per view
        shown, counting the cards that view had to build, and up to
        `SPARE_CARDS` waiting: a fact that built many makes none ahead, one
        that built none makes two, so no single moment pays for many.
        """
        self._stock_queued = False
        budget, self._cards_built = CARDS_PER_FOCUS - self._cards_built, 0
        view, key = self.fact_view, self._shown
        if view is None or key is None or self._spares_look != key.look() or not view.records:
            return
        for _ in range(min(budget, SPARE_CARDS - self._spares.count("citationCard"))):
            card = CitationCard(self.dataset, view.records[0], view.fact.target, view.theme, view.lang,
                                self._spares.shelf, sources=self._source_records, spares=self._spares)
            card.ensurePolished()  # Qt polishes a widget once; a spare is polished before it is needed
            self._spares.give("citationCard", card)

    def _build(self, focus: str, theme: Theme) -> BuiltView:
        """A new view of `focus`: the fact and its citations, or a line saying what to do."""
        if focus and self.dataset.kind_of(focus) is not None:
            # Made inside the holder (hidden until shown): moving a finished view there would carry
            # every one of its widgets to a new parent, each resolving its font and palette again.
            view = FactView(self.dataset, focus, theme, i18n.data_language(), self._holder,
                            sources=self._source_records, spares=self._spares, rows=self._citation_rows)
            view.hide()
            view.setAutoFillBackground(False)
            return BuiltView(view, view, view.accessible_summary())
        text = (self.tr("Select an event on the timeline or a point on the chart to see who says so.")
                if not focus else self.tr("Nothing in this dataset is called {target}.").format(target=visible(focus)))
        content = TextBlock()
        content.setAutoFillBackground(False)
        box = QVBoxLayout(content)
        box.addWidget(plain_label(text, content, name="citationEmpty", theme=theme, muted=True))
        box.addStretch(1)
        return BuiltView(content, None, text)

    def _swap_content(self, content: QWidget) -> None:
        """Show `content` in the scroll area in place of the previous view, which is hidden, not deleted."""
        # No setUpdatesEnabled(False) around the swap: the window paints later, once, whatever changed
        # in between, and switching updates off and on walks every widget of every kept view.
        old = self._content
        if old is not None and old is not content:
            old.hide()  # a hidden widget takes no room in the holder's layout
        if self._holder_box.indexOf(content) < 0:
            # At the width it will have: a new widget is 640 px wide, and showing it would lay
            # every wrapped label out at that width before the holder gives it its real one.
            content.resize(self._holder.width(), content.height())
            self._holder_box.addWidget(content)
        content.show()  # a child added to a shown widget stays hidden until shown
        self._content = content
        self.scroll.verticalScrollBar().setValue(0)  # a fact is read from its top, as when it was first shown
        # Settle the new view's layouts now, before the paint: left to the event loop, some run after
        # the first paint (their requests are queued behind it) and the view is painted again. Each
        # pass settles one level (label, source, card, view, holder); what it posts waits for the next.
        for _ in range(4):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        # Qt posts every widget it shows a request to repaint itself (UpdateLater); left queued, they
        # arrive after the window's next paint, which already painted the whole view, and it was
        # painted a second time. Handled now, they add their areas to that one paint.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateLater)

    def _delete_views(self, views) -> None:
        for view in views:
            if view is self._content:
                self._content = None
                self._shown = None
            self._holder_box.removeWidget(view)
            view.hide()
            view.setParent(None)  # out of the pane's tree now, not at the next event pass
            view.deleteLater()

    # ---- citing -----------------------------------------------------------
    def copy_citation(self) -> str:
        """Copy the focused fact's sources, formatted in the chosen style, to the clipboard."""
        focus = self.state.focus
        if not focus or self.dataset.kind_of(focus) is None:
            return ""
        cites = self._citation_rows.records(focus)  # the rows the view shows, in its order
        # The same list as citations.sources_for_targets([focus]), from rows already at hand.
        source_ids = list(dict.fromkeys(cite["source_id"] for cite in cites))
        locators: dict[str, str] = {}
        for cite in cites:
            if cite["locator"] and cite["source_id"] not in locators:
                locators[cite["source_id"]] = cite["locator"]
        text = format_citation(self.dataset, source_ids, self.style, i18n.language(), locators)
        QGuiApplication.clipboard().setText(text)
        self._say(self.tr("Copied the {style} citation of {count} source(s) to the clipboard.").format(
            style=STYLE_NAMES[self.style], count=len(source_ids)))
        self.citation_copied.emit(self.style, text)
        return text

    def open_export_dialog(self) -> ExportBibliographyDialog:
        """Ask what to export; on Save, ask for a file and write the bibliography."""
        dialog = ExportBibliographyDialog(self.dataset, self.state.filters, self.style, i18n.data_language(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_export_dialog_accepted)
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def _on_export_dialog_accepted(self) -> None:
        dialog = self.sender()
        if not isinstance(dialog, ExportBibliographyDialog):
            return
        source_ids = dialog.source_ids()
        if not source_ids:
            self._say(self.tr("Nothing to export: no source is cited for what you chose."))
            return
        text = format_bibliography(self.dataset, source_ids, dialog.style, i18n.language())
        path = save_bibliography(self, text, dialog.style, dialog.suggested_name())
        if path:
            self._say(self.tr("Saved {count} source(s) to {path}.").format(count=len(source_ids), path=path))
            self.bibliography_saved.emit(path)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._refresh()

    # ---- slots ------------------------------------------------------------
    def _on_state_focus_changed(self, _target: str, _origin: str) -> None:
        self._say("")
        self._refresh()

    def _on_themes_changed(self, theme: Theme) -> None:
        self._apply_theme(theme)

    def _on_tabs_current_changed(self, _index: int) -> None:
        self._refresh()

    def _on_style_combo_changed(self, _index: int) -> None:
        if self.settings is not None:
            self.settings.set(keys.CITATION_STYLE, self.style)
