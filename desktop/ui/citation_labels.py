"""The labels the citation pane's views are made of: plain text that measures itself cheaply.

Every string from the dataset goes into a QLabel set to plain text (after
`safe_text.visible`), so a quote containing `<img src=…>` shows those
characters and loads nothing. The pane fills the same labels again with a
new fact's text (`set_plain`), so each label can be emptied of what a reader
did with it (selection, keyboard focus) and filled anew.

Measuring wrapped text is most of what a new view costs Qt: QLabel lays its
text out three to five times for a size hint and once more per width it is
asked about. Sources, headings and badges recur from fact to fact, so the
answers are kept per text and look (`_MEASURES`), not per label.
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from .safe_text import tooltip, visible
from .theme import CLAIM_TYPE_COLOURS, Theme, claim_type_explanation, claim_type_label

TEXT_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
_REMEASURE = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LayoutDirectionChange,
              QEvent.Type.ContentsRectChange)
_MEASURES_KEPT = 4096  # distinct (text, look) pairs: a few hundred kilobytes at most


def _tr(text: str) -> str:
    return QCoreApplication.translate("CitationPane", text)


class WrappedBlock:
    """For a widget whose layout holds word-wrapped text: a size hint without a height-for-width pass.

    Qt's own hint for such a widget lays every wrapped label out again at the
    hint's width, a width the widget is never given: a vertical layout gives
    it the full width and takes its height from `heightForWidth`, so the
    hint's height is never used. The layout's own hint (each label's hint,
    which QLabel keeps) is enough, and costs no text layout.
    """

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.layout().sizeHint().grownBy(self.contentsMargins())


class Measures:
    """What Qt answered about a text in a look: size hints and heights per width, shared by every label.

    The key holds everything QLabel's answers depend on (text, font, margins,
    wrapping, alignment, how the text is laid out); the answers are Qt's own,
    so a label measured from here is placed exactly as a fresh one would be.
    `misses` counts the questions Qt had to answer (tests read it).
    """

    def __init__(self, kept: int = _MEASURES_KEPT) -> None:
        self.kept = kept
        self._hints: dict[tuple, tuple[QSize, QSize]] = {}
        self._heights: dict[tuple, int] = {}
        self.misses = 0

    def hints(self, key: tuple, label: QLabel) -> tuple[QSize, QSize]:
        found = self._hints.get(key)
        if found is None:
            self.misses += 1
            if len(self._hints) >= self.kept:
                self._hints.clear()
            # QLabel works out both hints in one pass and keeps them; ask for the minimum one first.
            found = self._hints[key] = (QLabel.minimumSizeHint(label), QLabel.sizeHint(label))
        return found

    def height(self, key: tuple, width: int, label: QLabel) -> int:
        found = self._heights.get((key, width))
        if found is None:
            self.misses += 1
            if len(self._heights) >= self.kept:
                self._heights.clear()
            found = self._heights[(key, width)] = QLabel.heightForWidth(label, width)
        return found

    def clear(self) -> None:
        self._hints.clear()
        self._heights.clear()


MEASURES = Measures()


class MeasuredLabel(QLabel):
    """A word-wrapped plain-text label whose size answers come from `MEASURES`, keyed on its text and look.

    Qt's layouts ask a wrapped label its height for several widths on every
    layout pass, and QLabel lays its text out afresh every time; the answer
    only changes with the text, the font or the margins, and the same source
    or heading appears under many facts, so it is worked out once per look.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._look: tuple | None = None  # how the text is set: font, margins, wrapping, alignment
        self._interaction: tuple | None = None  # how it is read: selectable, a tab stop
        self._interaction_set = False  # selectable or tab stop set since the label was last made plain
        self._key: tuple | None = None
        self._heights: dict[int, int] = {}  # the widths this label was asked about since its text or look changed
        self._margins: tuple | None = None  # the contents margins given (QFrame may reset them: see changeEvent)

    def measure_key(self) -> tuple:
        """Everything Qt's measurement of this label depends on."""
        key = self._key
        if key is None:
            look = self._look
            if look is None:
                margins = self.contentsMargins()
                policy = self.sizePolicy()
                look = self._look = (
                    type(self).__name__, self.font().key(), self.wordWrap(), int(self.alignment().value),
                    margins.left(), margins.top(), margins.right(), margins.bottom(), self.margin(), self.indent(),
                    policy.horizontalPolicy().value, policy.verticalPolicy().value)
            # Apart from the look: a label shown is made a tab stop, and plain again when refilled, on
            # every focus change, and working the font's key out again each time cost more than the rest.
            interaction = self._interaction
            if interaction is None:
                interaction = self._interaction = (
                    self.textInteractionFlags().value, self.focusPolicy() != Qt.FocusPolicy.NoFocus)
            key = self._key = (look, interaction, self._text)
        return key

    def forget_measure(self, look: bool = True) -> None:
        """Measure again at the next question (the text, or with `look` how it is set, changed)."""
        self._key = None
        self._heights = {}
        if look:
            self._look = None
            self._interaction = None

    def _forget_interaction(self) -> None:
        self._interaction_set = True
        self._key = None
        self._heights = {}
        self._interaction = None

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return MEASURES.hints(self.measure_key(), self)[1]

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return MEASURES.hints(self.measure_key(), self)[0]

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = MEASURES.height(self.measure_key(), width, self)
        return height

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        self._text = text
        self.forget_measure(look=False)
        super().setText(text)

    def setContentsMargins(self, *margins) -> None:  # noqa: N802 - Qt override
        self.forget_measure()
        super().setContentsMargins(*margins)
        self._margins = self._current_margins()

    def _current_margins(self) -> tuple:
        margins = self.contentsMargins()
        return margins.left(), margins.top(), margins.right(), margins.bottom()

    def setTextInteractionFlags(self, flags) -> None:  # noqa: N802 - Qt override
        self._forget_interaction()  # a selectable label measures through a text document, to the pixel
        super().setTextInteractionFlags(flags)

    def setFocusPolicy(self, policy) -> None:  # noqa: N802 - Qt override
        self._forget_interaction()
        super().setFocusPolicy(policy)

    def setWordWrap(self, on: bool) -> None:  # noqa: N802 - Qt override
        self.forget_measure()
        super().setWordWrap(on)

    def setSizePolicy(self, *policy) -> None:  # noqa: N802 - Qt override
        self.forget_measure()
        super().setSizePolicy(*policy)

    def setAlignment(self, alignment) -> None:  # noqa: N802 - Qt override
        self.forget_measure()
        super().setAlignment(alignment)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in _REMEASURE:
            self.forget_measure()
        if kind == QEvent.Type.ContentsRectChange and self._margins is not None \
                and self._current_margins() != self._margins:
            # QFrame sets a label's margins from its frame when it changes parent, and a label never laid
            # out (0 px high, so its contents rect is empty) then loses them: a shelved quote came back
            # painted without its indent, its text on the rule. The margins given are put back.
            super().setContentsMargins(*self._margins)
        super().changeEvent(event)


class SelectableLabel(MeasuredLabel):
    """A plain-text label whose text can be selected with the mouse or the keyboard.

    Selection is switched on when the pointer enters the label or it gets
    keyboard focus, not when it is built: a selectable QLabel lays its text
    out through a QTextDocument, which made every focus change about 12 ms
    slower. Only the labels worth copying by keyboard (`focusable`: the fact's
    title and summary, each quote) are tab stops; every label selects with the mouse.

    A label that can take focus also lays its text out through a QTextDocument
    (Qt decides so whenever its text, font or wrapping is set), so a
    `focusable` label becomes a tab stop only once it is shown and dressed
    (`allow_keyboard_focus`, which FactView calls when shown), and `set_plain`
    takes both away again before it sets new text.
    """

    def __init__(self, parent: QWidget | None = None, focusable: bool = False) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.focusable = focusable
        self._plain_flags = self.textInteractionFlags()

    def allow_keyboard_focus(self) -> None:
        """Make a `focusable` label a tab stop (it takes part in the tab order from now on)."""
        if self.focusable and self.focusPolicy() == Qt.FocusPolicy.NoFocus:
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def make_selectable(self) -> None:
        if self.textInteractionFlags() != TEXT_SELECTABLE:
            self.setTextInteractionFlags(TEXT_SELECTABLE)

    def set_plain(self, text: str) -> None:
        """Show new dataset text, as a fresh label would: not selected, not selectable or focusable yet."""
        self.reset()
        text = visible(text)
        if text != self._text:
            self.setText(text)

    def reset(self) -> None:
        """Forget what a reader did with the label (selection, keyboard focus), as when it was new."""
        if not self._interaction_set:  # nothing made it selectable or a tab stop (every change comes here)
            return
        if self.focusPolicy() != Qt.FocusPolicy.NoFocus:
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if self.textInteractionFlags() != self._plain_flags:
            self.setTextInteractionFlags(self._plain_flags)
        self._interaction_set = False

    def enterEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.make_selectable()
        super().enterEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.make_selectable()
        super().focusInEvent(event)


def plain_label(text: str, parent: QWidget | None = None, *, name: str = "", size: float = 1.0,
                theme: Theme | None = None, bold: bool = False, italic: bool = False, muted: bool = False,
                focusable: bool = False) -> SelectableLabel:
    """A word-wrapped, selectable, plain-text label for dataset text (bidi controls made visible)."""
    label = SelectableLabel(parent, focusable)
    label.setText(visible(text))
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if name:
        label.setObjectName(name)
    if theme is not None:
        label.setFont(text_font(theme.point_size(size), bold, italic))
        if muted:
            # Palettes, not style sheets, throughout: polishing style sheets cost ~20 ms per focus change.
            set_colours(label, foreground=theme.muted)
    return label


@lru_cache(maxsize=64)
def text_font(point_size: float, bold: bool = False, italic: bool = False) -> QFont:
    """A font that sets only size, weight and slant (the family comes from the pane), made once per look."""
    font = QFont()
    font.setPointSizeF(point_size)
    font.setBold(bold)
    font.setItalic(italic)
    return font


@lru_cache(maxsize=64)
def _palette(foreground: str | None, background: str | None) -> QPalette:
    # Only the roles set here are the widget's own; every other colour still comes from the pane's theme.
    palette = QPalette()
    if foreground:
        palette.setColor(QPalette.ColorRole.WindowText, QColor(foreground))
    if background:
        palette.setColor(QPalette.ColorRole.Window, QColor(background))
    return palette


def set_colours(widget: QWidget, *, foreground: str | None = None, background: str | None = None) -> None:
    """Give a widget its own text and/or background colour (one palette per pair, made once)."""
    widget.setPalette(_palette(foreground, background))


class ChipLabel(MeasuredLabel):
    """Plain text on a rounded patch of colour (claim badges, the disputes heading)."""

    def __init__(self, text: str, background: str, foreground: str, theme: Theme,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(visible(text))
        self.colour = background
        set_colours(self, foreground=foreground)
        self._radius = 4 * theme.scale
        self.setContentsMargins(round(8 * theme.scale), round(2 * theme.scale),
                                round(8 * theme.scale), round(2 * theme.scale))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.colour))
        painter.drawRoundedRect(self.rect(), self._radius, self._radius)
        painter.end()
        super().paintEvent(event)


class ClaimBadge(ChipLabel):
    """A claim type in words on its own colour, with what that kind of claim rests on as a tooltip."""

    def __init__(self, claim_type: str, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__("", "#4B4B4B", "#FFFFFF", theme, parent)
        self.claim_type = ""
        self.setObjectName("claimBadge")
        self.setFont(text_font(theme.point_size(1.0), bold=True))
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.set_claim_type(claim_type)

    def set_claim_type(self, claim_type: str) -> None:
        """Show another claim type: its words, colour, explanation and spoken name."""
        if claim_type == self.claim_type:
            return
        self.claim_type = claim_type
        label = claim_type_label(claim_type)
        self.setText(visible(label))
        self.colour = CLAIM_TYPE_COLOURS.get(claim_type, "#4B4B4B")
        explanation = claim_type_explanation(claim_type)
        self.setToolTip(tooltip(explanation))
        self.setAccessibleName(_tr("Claim type: {label}").format(label=label))
        self.setAccessibleDescription(explanation)
        self.update()


class QuoteBlock(SelectableLabel):
    """The source's own words, set off as a block quotation (a rule down the left side).

    One label that paints its rule in its own left margin (`label` is itself,
    for code that reads the quotation's text).
    """

    def __init__(self, quote: str, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent, focusable=True)
        self.setObjectName("quoteText")
        self.setText(visible(quote))
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setFont(text_font(theme.point_size(1.12)))
        self.setAccessibleName(_tr("Quotation"))
        self._rule_width = max(3, round(4 * theme.scale))
        self._rule_colour = QColor(theme.muted)
        self.setContentsMargins(round(12 * theme.scale), 2, 0, 2)

    @property
    def label(self) -> QLabel:
        return self

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(0, 0, self._rule_width, self.height(), self._rule_colour)
        painter.end()
        super().paintEvent(event)
