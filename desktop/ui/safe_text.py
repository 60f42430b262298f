"""Dataset text made safe to show: invisible direction controls become visible, tooltips stay plain.

Two small helpers every pane can use on every string that comes from a
dataset:

- `visible(text)` replaces each Unicode bidirectional control character
  (the embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069,
  the marks U+200E, U+200F and U+061C) with a visible marker such as ⟨RLO⟩.
  Those characters are invisible yet reorder what is drawn around them, so
  "txt.exe" can be made to look like "exe.txt", or a quote's words can be
  shown in another order than the source wrote them. Showing the marker
  tells the reader something is there and keeps the text in its real order.
- `tooltip(text)` makes a tooltip that Qt shows as plain text: Qt renders a
  tooltip as rich text when it "looks like" HTML, so the text is escaped and
  wrapped in a paragraph.

Neither function knows about Qt widgets; both are pure and cheap.
"""
from __future__ import annotations

# One marker per control, named as Unicode abbreviates it.
BIDI_CONTROLS: dict[str, str] = {
    "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
    "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
    "\u200e": "LRM", "\u200f": "RLM", "\u061c": "ALM",
}
_TABLE = {ord(ch): f"⟨{name}⟩" for ch, name in BIDI_CONTROLS.items()}


def visible(text: str) -> str:
    """The text with every bidirectional control character shown as a marker like ⟨RLO⟩.

    Everything else is returned unchanged; `None` or a non-string gives "".
    """
    if not isinstance(text, str):
        return ""
    return text.translate(_TABLE)


def tooltip(text: str) -> str:
    """A tooltip that Qt will show as exactly these characters (escaped, in one paragraph).

    Line breaks are kept. The text is passed through `visible` first.
    """
    import html  # html.entities is a large table: not on the way to the first paint, where `visible` is needed

    escaped = html.escape(visible(text), quote=False).replace("\n", "<br>")
    return f"<p>{escaped}</p>"
