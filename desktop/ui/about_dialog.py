"""Help > About: what Factdeck is, its licence, and the notices of everything it ships with.

The notices are the files in resources/licenses/ (one per component, named
COMPONENT-LICENCE.txt), shown as plain text; the same files travel in the
bundle's licenses/ folder. Nothing here reaches the network.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit,
    QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from .. import __version__, paths


def notices() -> list[tuple[str, str]]:
    """(component, licence text) for every file in resources/licenses/, in file-name order.

    Files are named COMPONENT-LICENCE.txt (e.g. pandas-BSD-3-Clause.txt), so the name is the label.
    """
    return [(path.stem, path.read_text(encoding="utf-8")) for path in paths.resources_of("licenses", ".txt")]


def project_licence() -> str:
    """Factdeck's own licence text (the LICENSE file at the install root)."""
    path = paths.install_root() / "LICENSE"
    return path.read_text(encoding="utf-8") if path.is_file() else "MIT License"


def _plain_text_view(text: str, parent: QWidget) -> QPlainTextEdit:
    view = QPlainTextEdit(parent)
    view.setReadOnly(True)
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    view.setPlainText(text)
    return view


class AboutDialog(QDialog):
    """Version, one-line description, Factdeck's licence and every third-party notice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Factdeck"))
        self.resize(760, 560)

        heading = QLabel(self.tr("Factdeck {version}").format(version=__version__), self)
        heading.setObjectName("aboutHeading")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        description = QLabel(self.tr("An offline fact browser for teaching with sources."), self)
        description.setTextFormat(Qt.TextFormat.PlainText)
        description.setWordWrap(True)
        icon = QLabel(self)
        icon_files = [p for p in paths.resources_of("icons", ".png") if p.stem == "factdeck"]
        if icon_files:
            icon.setPixmap(QIcon(str(icon_files[0])).pixmap(64, 64))
        header = QHBoxLayout()
        header.addWidget(icon)
        text_column = QVBoxLayout()
        text_column.addWidget(heading)
        text_column.addWidget(description)
        header.addLayout(text_column, 1)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("aboutTabs")
        self.licence_view = _plain_text_view(
            self.tr("Factdeck is free software under the MIT licence:") + "\n\n" + project_licence(), self.tabs)
        self.licence_view.setAccessibleName(self.tr("Licence"))
        self.tabs.addTab(self.licence_view, self.tr("Licence"))
        self.tabs.addTab(self._notices_page(), self.tr("Third-party notices"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def _notices_page(self) -> QWidget:
        page = QSplitter(Qt.Orientation.Horizontal, self.tabs)
        page.setObjectName("noticesSplitter")
        self.notice_list = QListWidget(page)
        self.notice_list.setObjectName("noticeList")
        self.notice_view = _plain_text_view("", page)
        self.notice_view.setObjectName("noticeText")
        self.notice_list.setAccessibleName(self.tr("Third-party notices"))
        self.notice_view.setAccessibleName(self.tr("Licence"))
        for component, text in notices():
            item = QListWidgetItem(component, self.notice_list)
            item.setData(Qt.ItemDataRole.UserRole, text)
            item.setToolTip(component)
        if not self.notice_list.count():
            self.notice_view.setPlainText(self.tr("The licence files are missing from this installation."))
        self.notice_list.currentItemChanged.connect(self._on_notice_list_current_changed)
        self.notice_list.setCurrentRow(0)
        page.setSizes([260, 500])
        return page

    def _on_notice_list_current_changed(self, current: QListWidgetItem | None, _previous) -> None:
        self.notice_view.setPlainText(current.data(Qt.ItemDataRole.UserRole) if current else "")
