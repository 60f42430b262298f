"""Help › Keyboard shortcuts: every key the app answers to, read from the app itself where it can be.

The menu part is generated: each action with a shortcut in the window's menus
(and the window-wide actions that work with the menus hidden). The classroom
keys come from the presentation's own key maps (`STEP_KEYS`, `BLANK_KEYS`), so
a key added there shows here. Keys that live inside a pane's keyPressEvent
(the timeline, the lesson editor) are listed in `PANE_KEYS`, beside the code
that reads them being the only other place they are written.
"""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QMenu, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget,
)

from .presentation import BLANK_KEYS, FIRST, LAST, NEXT, PREVIOUS, STEP_KEYS
from .blackout import BLACK, WHITE


def tr(text: str) -> str:
    return QCoreApplication.translate("ShortcutsDialog", text)


def _seq(*keys) -> str:
    """Keys in the platform's own words ("Ctrl+O", "⌘O"), translated by Qt's own catalogue."""
    return ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys)


def pane_keys() -> list[tuple[str, list[tuple[str, str]]]]:
    """(section, [(what it does, keys)]) for keys read by widgets rather than by menu actions."""
    K, M = Qt.Key, Qt.KeyboardModifier
    ctrl = M.ControlModifier.value
    return [
        (tr("Moving around"), [
            (tr("Next or previous control"), _seq(K.Key_Tab.value, M.ShiftModifier.value | K.Key_Tab.value)),
            (tr("Open a menu"), tr("Alt with the menu's underlined letter")),
            (tr("Switch between the Citations and Sources tabs"), _seq(ctrl | K.Key_Tab.value, ctrl | M.ShiftModifier.value | K.Key_Tab.value)),
        ]),
        (tr("Timeline"), [
            (tr("Next or previous fact in time"), _seq(K.Key_Right.value, K.Key_Left.value)),
            (tr("First or last fact"), _seq(K.Key_Home.value, K.Key_End.value)),
            (tr("Zoom in or out"), _seq(K.Key_Plus.value, K.Key_Minus.value)),
            (tr("Move the view earlier or later"), _seq(ctrl | K.Key_Left.value, ctrl | K.Key_Right.value)),
        ]),
        (tr("Lesson editor: the list of steps"), [
            (tr("Move the step up or down"), _seq(M.AltModifier.value | K.Key_Up.value, M.AltModifier.value | K.Key_Down.value)),
            (tr("Remove the step"), _seq(QKeySequence.StandardKey.Delete)),
        ]),
    ]


def presentation_keys() -> list[tuple[str, str]]:
    """The classroom keys, from the presentation's key maps."""
    step_words = {NEXT: tr("Next step"), PREVIOUS: tr("Previous step"), FIRST: tr("First step"), LAST: tr("Last step")}
    blank_words = {BLACK: tr("Black screen (any key brings the slide back)"), WHITE: tr("White screen (any key brings the slide back)")}
    rows = []
    for words, mapping in ((step_words, STEP_KEYS), (blank_words, BLANK_KEYS)):
        for command, text in words.items():
            keys = [key.value for key, value in mapping.items() if value == command]
            if keys:
                rows.append((text, _seq(*keys)))
    K, ctrl = Qt.Key, Qt.KeyboardModifier.ControlModifier.value
    rows += [
        (tr("Presenter notes on or off"), _seq(K.Key_N.value)),
        (tr("Reveal step by step on or off"), _seq(K.Key_R.value)),
        (tr("Larger, smaller or normal type"), _seq(ctrl | K.Key_Equal.value, ctrl | K.Key_Minus.value, ctrl | K.Key_0.value)),
        (tr("Stop presenting"), _seq(K.Key_Escape.value)),
    ]
    return rows


def _plain(text: str) -> str:
    """A menu text without its accelerator mark: "&Open dataset…" → "Open dataset…"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def menu_shortcuts(window) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu title, [(command, keys)]) for every action with a shortcut in the window's menus, in menu order."""
    sections: list[tuple[str, list[tuple[str, str]]]] = []
    seen: set[int] = set()
    # Submenus found by their menu action, not QAction.menu(): in PySide6 6.10 that call can
    # leave an earlier wrapper of the same menu pointing at nothing.
    submenus = {menu.menuAction(): menu for menu in window.findChildren(QMenu)}

    def walk(menu: QMenu, title: str, rows: list) -> None:
        for action in menu.actions():
            submenu = submenus.get(action)
            if submenu is not None:
                walk(submenu, f"{title} › {_plain(submenu.title())}", rows)
            elif action.shortcuts():
                seen.add(id(action))
                rows.append((_plain(action.text()), _seq(*action.shortcuts())))

    for top in window.menuBar().actions():
        menu = submenus.get(top)
        if menu is None:
            continue
        rows: list[tuple[str, str]] = []
        walk(menu, _plain(menu.title()), rows)
        if rows:
            sections.append((_plain(menu.title()), rows))
    extra = [(_plain(a.text()), _seq(*a.shortcuts())) for a in window.actions()
             if a.shortcuts() and id(a) not in seen and a.text()]
    if extra:
        sections.append((tr("Anywhere in the window"), extra))
    return sections


class ShortcutsDialog(QDialog):
    """A two-column list (what, keys) of every shortcut, grouped under headings."""

    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.setAccessibleName(tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcutsList")
        self.tree.setAccessibleName(tr("Keyboard shortcuts"))
        self.tree.setAccessibleDescription(tr("Each command with its keys, grouped by where it works"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([tr("Command"), tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        sections = menu_shortcuts(window)
        sections += pane_keys()
        sections.append((tr("Presenting (Present › Start presenting)"), presentation_keys()))
        self._fill(sections)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(tr("Close"))
        layout.addWidget(buttons)
        # Wide enough for both columns whole (Spanish runs about a third longer than English).
        needed = self.tree.sizeHintForColumn(0) + self.tree.sizeHintForColumn(1) + self.tree.indentation() + 80
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        self.resize(min(max(640, needed), screen.width() - 40 if screen else 1200), 640)

    def _fill(self, sections: Iterable[tuple[str, list[tuple[str, str]]]]) -> None:
        bold = self.tree.font()
        bold.setBold(True)
        for heading, rows in sections:
            head = QTreeWidgetItem(self.tree, [heading, ""])
            head.setFirstColumnSpanned(True)
            head.setFont(0, bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for what, keys in rows:
                QTreeWidgetItem(head, [what, keys])
            head.setExpanded(True)
        self.tree.setCurrentItem(self.tree.topLevelItem(0).child(0) if self.tree.topLevelItemCount() else None)

    def rows(self) -> list[tuple[str, str, str]]:
        """(heading, command, keys) as shown, for tests."""
        found = []
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            for j in range(head.childCount()):
                child = head.child(j)
                found.append((head.text(0), child.text(0), child.text(1)))
        return found


def install_shortcuts_help(window) -> QAction:
    """Add Help › Keyboard shortcuts (F1) to a MainWindow; returns the action (also `window.shortcuts_action`)."""
    action = QAction(tr("&Keyboard shortcuts"), window)
    action.setObjectName("keyboardShortcutsAction")
    action.setShortcut(QKeySequence.StandardKey.HelpContents)
    action.setStatusTip(tr("Every key Factdeck answers to"))

    def show() -> None:
        dialog = ShortcutsDialog(window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.shortcuts_dialog = dialog
        dialog.open()

    action.triggered.connect(show)
    first = window.help_menu.actions()[0] if window.help_menu.actions() else None
    window.help_menu.insertAction(first, action)
    window.addAction(action)  # F1 works in classroom mode too, with the menus hidden
    window.shortcuts_action = action
    return action
