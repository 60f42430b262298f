"""The look shared by every pane: palette, claim-type badges, and the presentation scale.

Colours come from the Okabe–Ito palette, which stays distinguishable for the
common forms of colour blindness; colour is never the only cue (each category
also gets a marker shape, each claim type its words). Panes read the current
`Theme` and redraw when `ThemeBroadcaster.changed` fires (classroom mode sets a
larger scale, thicker lines, a projector palette).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QObject, Signal

# Okabe & Ito (2008), "Color Universal Design"; black last so it is used least.
OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
# Darker twins for text and thin lines on white (WCAG AA against white).
OKABE_ITO_DARK = ("#005A8C", "#A84A00", "#00704F", "#9A4F7E", "#8F6500", "#2C779D", "#6E6A00", "#000000")
MARKER_SHAPES = ("o", "s", "t", "d", "h", "star", "p", "+")  # pyqtgraph symbol names

CLAIM_TYPE_COLOURS = {
    "official-statistic": "#005A8C",
    "official-statement": "#2C779D",  # white words on it: 5.0:1 (WCAG AA needs 4.5)
    "named-source": "#00704F",
    "court-record": "#4B4B4B",
    "expert-estimate": "#8F6500",
    "journalist-assertion": "#9A4F7E",
    "anonymous-source": "#A84A00",
}


def claim_type_label(claim_type: str) -> str:
    """The claim type in words, translated."""
    tr = QCoreApplication.translate
    return {
        "official-statistic": tr("claims", "Official statistic"),
        "official-statement": tr("claims", "Official statement"),
        "named-source": tr("claims", "Named source"),
        "anonymous-source": tr("claims", "Anonymous source"),
        "journalist-assertion": tr("claims", "Journalist's assertion"),
        "court-record": tr("claims", "Court record"),
        "expert-estimate": tr("claims", "Expert estimate"),
    }.get(claim_type, claim_type)


def claim_type_explanation(claim_type: str) -> str:
    """One sentence on what that kind of claim rests on, for tooltips."""
    tr = QCoreApplication.translate
    return {
        "official-statistic": tr("claims", "A count published by a government statistical agency, from its own records and methods."),
        "official-statement": tr("claims", "Something an institution says on the record, in its own name; it may argue a position."),
        "named-source": tr("claims", "A person named in the source, speaking for themselves or their office; you can check who said it."),
        "anonymous-source": tr("claims", "Someone the source does not name; only the reporter can vouch for them, so weigh it with care."),
        "journalist-assertion": tr("claims", "The writer's own framing, summary or prediction, not attributed to anyone else."),
        "court-record": tr("claims", "A filing, indictment or judgment; an indictment is an accusation, not a proof of guilt."),
        "expert-estimate": tr("claims", "An expert's or agency's estimate: informed, but not a count."),
    }.get(claim_type, "")


def stance_heading(stance: str) -> str:
    tr = QCoreApplication.translate
    return {
        "supports": tr("claims", "Who says so"),
        "context": tr("claims", "Context"),
        "disputes": tr("claims", "Another source disagrees"),
    }.get(stance, stance)


def qualifier_words(qualifier: str) -> str:
    """A value's qualifier in words ("approximately", "at least" …); "" for exact."""
    tr = QCoreApplication.translate
    return {
        "exact": "",
        "approximate": tr("claims", "approximately"),
        "at-least": tr("claims", "at least"),
        "more-than": tr("claims", "more than"),
        "less-than": tr("claims", "less than"),
        "provisional": tr("claims", "provisional"),
        "estimate": tr("claims", "estimate"),
    }.get(qualifier, qualifier)


@dataclass(frozen=True)
class Theme:
    """Sizes and colours the panes draw with. `scale` multiplies every text size."""

    scale: float = 1.0
    dark: bool = False
    presenting: bool = False
    background: str = "#FFFFFF"
    foreground: str = "#1A1A1A"
    muted: str = "#595959"
    grid: str = "#E0E0E0"
    highlight: str = "#FFB000"
    focus: str = "#0B57D0"  # the keyboard focus ring: at least 3:1 against the background (WCAG 2.4.11)
    line_width: float = 2.0
    marker_size: float = 9.0
    base_point_size: float = 10.5

    def point_size(self, relative: float = 1.0) -> float:
        """A text size in points for this theme: base × scale × relative."""
        return self.base_point_size * self.scale * relative

    def category_colour(self, index: int) -> str:
        return OKABE_ITO[index % len(OKABE_ITO)]

    def category_shape(self, index: int) -> str:
        return MARKER_SHAPES[index % len(MARKER_SHAPES)]


LIGHT = Theme()
PROJECTOR_LIGHT = Theme(scale=1.6, presenting=True, foreground="#000000", muted="#333333",
                        line_width=4.0, marker_size=16.0)
PROJECTOR_DARK = replace(PROJECTOR_LIGHT, dark=True, background="#000000", foreground="#FFFFFF",
                         muted="#D0D0D0", grid="#404040", highlight="#FFD24D", focus="#FFD24D")


class ThemeBroadcaster(QObject):
    """Holds the current theme; panes listen to `changed` and redraw."""

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._theme = LIGHT

    @property
    def theme(self) -> Theme:
        return self._theme

    def set_theme(self, theme: Theme) -> None:
        if theme != self._theme:
            self._theme = theme
            self.changed.emit(theme)


_broadcaster: ThemeBroadcaster | None = None


def themes() -> ThemeBroadcaster:
    """The application's one ThemeBroadcaster (created on first use)."""
    global _broadcaster
    if _broadcaster is None:
        _broadcaster = ThemeBroadcaster()
    return _broadcaster


def current() -> Theme:
    return themes().theme
