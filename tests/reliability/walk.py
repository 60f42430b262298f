"""Walk everything a window shows as text, and judge whether dataset text could act as markup.

`collect(app)` gathers every text-bearing thing of every live widget: labels,
buttons, line and text edits, combo items, item-view cells and their
tooltips, tab texts and tooltips, actions and menus, window titles, every
widget's tooltip, every QGraphicsScene text item (pyqtgraph's TextItem,
LabelItem and legend are QGraphicsTextItems), and the painted timeline's own
text model (labels drawn, lane names, tooltips). Each is a `Shown`: where it
is, its text, and whether Qt renders it as rich text.

`problems(shown)` says what is wrong: rich text holding a tag or attribute
the app never writes itself (so it came from a dataset: an image, a link, a
table, a heading …), and raw bidirectional controls anywhere.
"""
from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui's Qt namespace
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QApplication, QComboBox, QGraphicsSimpleTextItem, QGraphicsTextItem,
    QGraphicsView, QHeaderView, QLabel, QLineEdit, QMenu, QPlainTextEdit, QTabBar, QTextEdit, QWidget,
)

from desktop.ui.safe_text import BIDI_CONTROLS

# The only tags the app's own rich text uses (tooltips, pyqtgraph labels, Qt's own toHtml() header).
APP_TAGS = {"p", "br", "b", "i", "span", "html", "head", "meta", "style", "body", "nobr"}
# Raw forms of the injections that must never reach a rich-text renderer unescaped.
RAW_MARKERS = ("<b>evil-bold", "<img", "<a ", "<script", "<table", "<div", "<qt>", "<h1", "<span style=\"background",
               "<!--", "&lt;b&gt;entity")  # the last: a rich renderer would show "<b>entity", not the entity text


@dataclass(frozen=True)
class Shown:
    """One piece of text on screen: where it is, the string, and whether Qt reads it as rich text."""

    where: str
    text: str
    rich: bool
    pane: str = ""  # timelinePane, chartPane, citationPane, or the window (dialog) it is in

    def displayed(self) -> str:
        """The characters a reader sees (tags dropped and entities decoded for rich text)."""
        if not self.rich:
            return self.text
        document = QTextDocument()
        document.setHtml(self.text)
        return document.toPlainText()


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}#{widget.objectName() or '?'}"


def _auto(text: str) -> bool:
    return bool(text) and GuiQt.mightBeRichText(text)


def _model_texts(view: QAbstractItemView, where: str, out: list[Shown], limit: int = 5000) -> None:
    model = view.model()
    if model is None:
        return
    stack = [QModelIndex()]
    seen = 0
    while stack and seen < limit:
        parent = stack.pop()
        try:
            columns = model.columnCount(parent)
        except TypeError:  # list models keep columnCount private: one column
            columns = 1
        for row in range(model.rowCount(parent)):
            for column in range(columns):
                index = model.index(row, column, parent)
                seen += 1
                display = index.data(Qt.ItemDataRole.DisplayRole)
                if isinstance(display, str) and display:
                    out.append(Shown(f"{where} cell", display, False))
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and tip:
                    out.append(Shown(f"{where} cell tooltip", tip, _auto(tip)))
            first = model.index(row, 0, parent)
            if columns > 1 or not parent.isValid():  # list models are flat; trees may nest
                try:
                    if model.rowCount(first):
                        stack.append(first)
                except TypeError:
                    pass


PANES = ("timelinePane", "chartPane", "citationPane")


def pane_of(widget: QWidget) -> str:
    """The pane a widget belongs to, else the objectName (or class) of its window."""
    w = widget
    while w is not None:
        if w.objectName() in PANES:
            return w.objectName()
        if w.isWindow() and not isinstance(w, QMenu):  # a popup menu belongs to the widget that opens it
            return w.objectName() or type(w).__name__
        w = w.parentWidget()
    return "?"


def _widget_texts(widget: QWidget, out: list[Shown]) -> None:
    start = len(out)
    _texts_of(widget, _name(widget), out)
    if len(out) > start:
        pane = pane_of(widget)
        out[start:] = [Shown(s.where, s.text, s.rich, pane) for s in out[start:]]


def _texts_of(widget: QWidget, where: str, out: list[Shown]) -> None:
    tip = widget.toolTip()
    if tip:
        out.append(Shown(f"{where} tooltip", tip, _auto(tip)))
    if widget.isWindow() and widget.windowTitle():
        out.append(Shown(f"{where} window title", widget.windowTitle(), False))
    tips_shown = not isinstance(widget, QMenu) or widget.toolTipsVisible()
    for action in widget.actions():
        if action.text():
            out.append(Shown(f"{where} action", action.text(), False))
        if action.toolTip() and tips_shown:  # an action without a tooltip of its own uses its text
            out.append(Shown(f"{where} action tooltip", action.toolTip(), _auto(action.toolTip())))
    if isinstance(widget, QLabel):
        text = widget.text()
        rich = widget.textFormat() == Qt.TextFormat.RichText or (
            widget.textFormat() == Qt.TextFormat.AutoText and _auto(text))
        if text:
            out.append(Shown(where, text, rich))
    elif isinstance(widget, QAbstractButton):
        if widget.text():
            out.append(Shown(where, widget.text(), False))
    elif isinstance(widget, QLineEdit):
        out.append(Shown(where, widget.text(), False))
    elif isinstance(widget, QPlainTextEdit):
        out.append(Shown(where, widget.toPlainText(), False))
    elif isinstance(widget, QTextEdit):
        out.append(Shown(where, widget.toHtml(), True))
    elif isinstance(widget, QComboBox):
        for i in range(widget.count()):
            out.append(Shown(f"{where} item", widget.itemText(i), False))
            tip = widget.itemData(i, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and tip:
                out.append(Shown(f"{where} item tooltip", tip, _auto(tip)))
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            out.append(Shown(f"{where} tab", widget.tabText(i), False))
            if widget.tabToolTip(i):
                out.append(Shown(f"{where} tab tooltip", widget.tabToolTip(i), _auto(widget.tabToolTip(i))))
    elif isinstance(widget, QMenu):
        out.append(Shown(f"{where} title", widget.title(), False))
    if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):  # a header shares its view's model
        _model_texts(widget, where, out)
    if isinstance(widget, QGraphicsView) and widget.scene() is not None:
        for item in widget.scene().items():
            if isinstance(item, QGraphicsTextItem):
                out.append(Shown(f"{where} scene {type(item).__name__}", item.toHtml(), True))
            elif isinstance(item, QGraphicsSimpleTextItem):
                out.append(Shown(f"{where} scene {type(item).__name__}", item.text(), False))
    timeline_text = getattr(widget, "text", None)
    if type(widget).__name__ == "TimelineView" and timeline_text is not None:
        _timeline_texts(widget, where, out)


def _timeline_texts(view, where: str, out: list[Shown]) -> None:
    """The painted timeline keeps its words in a text model; read what it draws and its tooltips."""
    text = view.text
    layout = view.current_layout()
    for label in layout.labels:
        out.append(Shown(f"{where} painted label", f"{text.date_label(label.index)}  {text.title(label.index)}", False))
        out.append(Shown(f"{where} tooltip of {label.index}", text.tooltip(label.index), True))
    for lane in range(len(view.model.lanes)):
        out.append(Shown(f"{where} painted lane name", text.lane_name(lane), False))
    for agg in layout.aggregates:
        out.append(Shown(f"{where} group tooltip", text.aggregate_tooltip(agg.members), True))


def collect(root: QWidget | None = None) -> list[Shown]:
    """Every text shown now by the visible widgets (of `root` and its children, or of the whole app).

    Menus count though hidden: their actions' words and tooltips show when they open.
    """
    widgets = QApplication.allWidgets() if root is None else [root, *root.findChildren(QWidget)]
    out: list[Shown] = []
    for widget in widgets:
        if widget.isVisible() or isinstance(widget, QMenu):
            _widget_texts(widget, out)
    return out


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in APP_TAGS:
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            if name in ("src", "href") or (value and "url(" in value):
                self.bad.append(f"{tag} {name}={value!r}")


def rich_problems(text: str) -> list[str]:
    """What in this rich text did not come from the app: raw injection markers, foreign tags or attributes."""
    found = [marker for marker in RAW_MARKERS if marker.lower() in text.lower()]
    parser = _Tags()
    parser.feed(text)
    parser.close()
    return found + parser.bad


def problems(shown: list[Shown]) -> list[str]:
    """Every violation of the plain-text rule in what is shown, one line each."""
    return [line for item in shown for line in item_problems(item)]


def item_problems(item: Shown) -> list[str]:
    """What is wrong with one shown text (empty when it keeps the plain-text rule)."""
    if item.rich:
        bad = rich_problems(item.text)
        if bad:  # never lay unsafe rich text out here: it could load what it points at
            return [f"{item.where}: {b} in {item.text[:120]!r}" for b in bad]
    seen = item.displayed() if item.rich else item.text
    hidden = sorted({BIDI_CONTROLS[c] for c in seen if c in BIDI_CONTROLS})
    if hidden:
        return [f"{item.where}: raw direction control(s) {hidden} in {seen[:120]!r}"]
    return []
