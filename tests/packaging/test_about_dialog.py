"""Help > About shows Factdeck's licence and every third-party notice, as plain text."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit

from desktop import __version__, paths
from desktop.ui.about_dialog import AboutDialog, notices

# What the bundle carries and must credit (issue 8): each needs a notice file.
REQUIRED = {
    "Qt-PySide6-LGPL-3.0": "GNU LESSER GENERAL PUBLIC LICENSE",
    "pyqtgraph-MIT": "MIT",
    "pandas-BSD-3-Clause": "BSD 3-Clause",
    "numpy-BSD-3-Clause": "Redistribution and use in source and binary forms",
    "citeproc-py-BSD-2-Clause": "Redistribution and use in source and binary forms",
    "Atkinson-Hyperlegible-OFL-1.1": "SIL OPEN FONT LICENSE Version 1.1",
    "CSL-styles-CC-BY-SA-3.0": "creativecommons.org/licenses/by-sa/3.0",
}


def test_every_required_notice_is_shipped_with_its_text():
    found = dict(notices())
    for name, phrase in REQUIRED.items():
        assert name in found, f"resources/licenses/{name}.txt is missing"
        assert phrase.lower() in found[name].lower(), f"{name}.txt does not contain {phrase!r}"


def test_the_project_licence_is_mit_at_the_install_root():
    text = (paths.install_root() / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "The Factdeck team" in text


def test_dialog_lists_the_notices_and_shows_the_selected_one(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "aboutHeading").text() == f"Factdeck {__version__}"
    labels = [dialog.notice_list.item(i).text() for i in range(dialog.notice_list.count())]
    assert labels == [name for name, _ in notices()]
    row = labels.index("Atkinson-Hyperlegible-OFL-1.1")
    dialog.notice_list.setCurrentRow(row)
    assert "SIL OPEN FONT LICENSE" in dialog.notice_view.toPlainText()
    assert isinstance(dialog.notice_view, QPlainTextEdit)  # never rich text
    assert "MIT License" in dialog.licence_view.toPlainText()


def test_help_about_opens_the_dialog(qtbot):
    from desktop.settings import Settings
    from desktop.state import SelectionState
    from desktop.ui.main_window import MainWindow

    window = MainWindow(SelectionState(), Settings())
    qtbot.addWidget(window)
    window.about_action.trigger()
    dialog = window.about_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert isinstance(dialog, AboutDialog)
    assert dialog.tabs.count() == 2
    dialog.reject()
