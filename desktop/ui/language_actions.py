"""View › Language and Help › Keyboard shortcuts, added to the main window in one call.

The interface language is chosen at start-up (see `i18n`); switching it here
saves the choice in the LANGUAGE setting and says that it applies the next
time Factdeck starts, because Qt widgets are built with their words once.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox

from .. import settings as keys
from . import i18n
from .shortcuts_dialog import install_shortcuts_help

SYSTEM = ""  # the LANGUAGE setting's value for "follow the system"


def tr(text: str) -> str:
    return QCoreApplication.translate("LanguageMenu", text)


def install_language_and_help(window) -> "LanguageMenu":
    """Give a MainWindow its View › Language menu and Help › Keyboard shortcuts."""
    install_shortcuts_help(window)
    window.language_menu = LanguageMenu(window)
    return window.language_menu


class LanguageMenu(QObject):
    """The View › Language submenu: the system's language, English, Español; remembered in the settings.

    `notice` is the message box last shown after a switch (for tests; None before).
    """

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.notice: QMessageBox | None = None
        self.menu = QMenu(tr("&Language"), window)
        self.menu.setObjectName("languageMenu")
        self.menu.menuAction().setStatusTip(tr("Choose the interface language; it changes the next time Factdeck starts"))
        self.menu.setToolTipsVisible(True)
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        system_name = i18n.NATIVE_NAMES[i18n.system_language()]
        entries = [(SYSTEM, tr("Same as the system ({language})").format(language=system_name))]
        entries += [(code, i18n.NATIVE_NAMES[code]) for code in i18n.SUPPORTED]
        saved = window.settings.get(keys.LANGUAGE)
        saved = saved if saved in i18n.SUPPORTED else SYSTEM
        for code, label in entries:
            action = QAction(label, self.menu)
            action.setObjectName(f"language-{code or 'system'}")
            action.setCheckable(True)
            action.setChecked(code == saved)
            action.setData(code)
            action.setStatusTip(tr("Show Factdeck in this language from the next start"))
            action.triggered.connect(lambda _checked=False, c=code: self.choose(c))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[code] = action
        window.view_menu.addMenu(self.menu)

    def choose(self, code: str) -> None:
        """Remember `code` ("" for the system's language) and say when it takes effect."""
        self.window.settings.set(keys.LANGUAGE, code)
        self.actions[code].setChecked(True)
        wanted = i18n.system_language() if code == SYSTEM else code
        if wanted == i18n.language():
            return
        # Said in the chosen language too: the reader may not read the current one.
        name = i18n.NATIVE_NAMES[wanted]
        text = tr("Factdeck will be in {language} the next time you start it.").format(language=name)
        if wanted == "es":
            text += "\n\nFactdeck estará en español la próxima vez que lo abra."
        elif wanted == "en":
            text += "\n\nFactdeck will be in English the next time you start it."
        box = QMessageBox(QMessageBox.Icon.Information, tr("Language"), text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("languageNotice")
        box.open()
        self.notice = box
